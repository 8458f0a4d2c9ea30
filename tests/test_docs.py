"""The README stays true: every command and option is in it, and CI runs its test command."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from ihss_calc.cli import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = cli.list_commands(click.Context(cli))


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"ihss {name}" in README
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (name, param.opts)


def test_ci_runs_the_readme_test_command() -> None:
    ci = ROOT / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a source checkout")
    match = re.search(r"## Run the tests.*?```sh\n(.+?)\n```", README, re.S)
    assert match, "the README has a 'Run the tests' section with one command"
    assert match.group(1) in ci.read_text(encoding="utf-8").splitlines()
