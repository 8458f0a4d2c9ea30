"""``python -m ihss_calc`` runs the ``ihss`` command."""

from ihss_calc.cli import cli

cli(prog_name="ihss")
