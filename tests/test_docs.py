"""The README stays true: every command and option is in it, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from ihss_calc.cli import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str) -> dict[str, click.Command]:
    """Every command by its full name (``timesheets check``), a group's subcommands too."""
    found: dict[str, click.Command] = {}
    for name in group.list_commands(click.Context(group)):
        command = group.get_command(click.Context(group), name)
        assert command is not None
        found[f"{prefix}{name}"] = command
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix}{name} "))
    return found


COMMANDS = commands(cli, "")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"ihss {name}" in README
    for param in COMMANDS[name].params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (name, param.opts)


def test_ci_runs_the_readme_test_command() -> None:
    ci = ROOT / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a source checkout")
    match = re.search(r"## Run the tests.*?```sh\n(.+?)\n```", README, re.S)
    assert match, "the README has a 'Run the tests' section with one command"
    assert match.group(1) in ci.read_text(encoding="utf-8").splitlines()
