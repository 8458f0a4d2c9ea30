"""``ihss rates`` (a year's figures, or a rates file checked) and ``ihss schema`` (the JSON
Schema of an output). Loaded only when run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ihss_calc import rates as rates_mod
from ihss_calc.cli import choose_rates
from ihss_calc.cli_errors import FileProblems
from ihss_calc.cli_lang import lang_option, plain_option
from ihss_calc.cli_types import YEAR, FilePath
from ihss_calc.i18n import N_, _, date_text, ngettext

if TYPE_CHECKING:
    from pathlib import Path


RATES_EPILOG = N_("""\b
Examples:
  ihss rates                       this year's figures, with sources
  ihss rates --year 2024 --json
  ihss rates --check rates_2027.toml

Exit codes: 0 done (or FILE is valid), 1 a rates file with problems, 2 bad usage.
""")


RATES_HELP = N_("""Show the figures for a year: payment levels, exclusions, rounding and
work-incentive figures, each with its status and sources. Or check a rates file with --check.
""")


@click.command("rates", help=RATES_HELP, epilog=RATES_EPILOG)
@click.option("--year", type=YEAR, default=None, help=N_("The year to show. Default: as for soc."))
@click.option(
    "--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of a table.")
)
@click.option(
    "--check",
    "check_file",
    metavar=N_("FILE"),
    type=FilePath(exists=True, dir_okay=False),
    help=N_("Check a rates file (say, next year's): every problem, by file and key."),
)
@plain_option
@lang_option
def rates_command(year: int | None, as_json: bool, check_file: Path | None) -> None:
    """``ihss rates`` (its help is RATES_HELP)."""
    if check_file is not None:
        if year is not None:
            raise click.UsageError(_("--check takes the year from the file; leave out --year."))
        check(check_file, as_json)
        return
    rates, warnings = choose_rates(year, None)
    if as_json:
        from ihss_calc.jsonout import dumps
        from ihss_calc.rates_json import rates_dict
        from ihss_calc.stdout import write_out

        write_out(dumps({**rates_dict(rates), "warnings": warnings}))
    else:
        from ihss_calc.render_rates import rates_table

        rates_table(rates)


SCHEMAS = ("soc", "whatif", "batch", "hours", "timesheets", "plan", "rates", "rates-check",
           "compare", "error")  # fmt: skip

SCHEMA_HELP = N_("""Print the JSON Schema of a command's --json output, to validate it or to
generate types from it: soc, whatif, batch (one JSON Lines row), hours, timesheets (check),
plan (timesheets plan), rates, rates-check (rates --check), compare, or error (the object a
failed --json run writes to stderr).

schema_version, in every output, goes up when a field is removed or renamed, or changes type
or meaning; a new field does not bump it.
""")

SCHEMA_EPILOG = N_("""\b
Examples:
  ihss schema soc > soc.schema.json
  ihss soc --unearned 1000 --json | check-jsonschema --schemafile soc.schema.json -

Exit codes: 0 done, 2 bad usage.
""")


@click.command("schema", help=SCHEMA_HELP, epilog=SCHEMA_EPILOG)
@click.argument("command", type=click.Choice(SCHEMAS), metavar="COMMAND")
@lang_option
def schema_command(command: str) -> None:
    """``ihss schema`` (its help is SCHEMA_HELP): the file the wheel ships, generated from
    ``ihss_calc.output_schemas`` (tests check that they agree)."""
    from importlib.resources import files

    from ihss_calc.stdout import write_out

    text = files("ihss_calc").joinpath("schemas", f"{command}.schema.json").read_text("utf-8")
    write_out(text.rstrip("\n"))


def check(path: Path, as_json: bool) -> None:
    """``ihss rates --check``: a short summary (exit 0) or every problem (exit 1)."""
    try:
        rates = rates_mod.load_file(path)
    except rates_mod.RatesError as exc:
        raise FileProblems(exc.report(), exc.origin, exc.problems) from None
    from ihss_calc.jsonout import dumps
    from ihss_calc.rates_json import check_summary
    from ihss_calc.stdout import write_out

    summary = check_summary(rates)
    if as_json:
        write_out(dumps(summary))
        return
    counts = ", ".join(f"{n} {_(status)}" for status, n in summary["statuses"].items())
    n = summary["figures"]
    line = ngettext(
        "{file}: valid rates for {year} ({start} to {end}): {n} figure, {counts}.",
        "{file}: valid rates for {year} ({start} to {end}): {n} figures, {counts}.",
        n,
    )
    start, end = date_text(rates.effective_from), date_text(rates.effective_to)
    click.echo(line.format(file=path, year=rates.year, start=start, end=end, n=n, counts=counts))


# The names the ihss group loads these commands by.
rates = rates_command
schema = schema_command
