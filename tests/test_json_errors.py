"""With --json, a failed run writes nothing to stdout and one JSON object to stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import run


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("soc", "--unearned", "-5", "--json"),
         {"error": "usage", "exit_code": 2, "option": "--unearned", "file": None}),
        (("soc", "--unearnd", "5", "--json"),
         {"error": "usage", "exit_code": 2, "option": "--unearnd", "file": None}),
        (("soc", "--json", "--year", "1999"),
         {"error": "usage", "exit_code": 2, "option": "--year", "file": None}),
        (("soc", "--json", "--brief"),
         {"error": "usage", "exit_code": 2, "option": None, "file": None}),
        (("whatif", "--unearned", "1000", "--json"),
         {"error": "usage", "exit_code": 2, "option": None, "file": None}),
        (("hours", "--weekly", "cooking=5", "--json"),
         {"error": "usage", "exit_code": 2, "option": "--weekly", "file": None}),
    ],
)  # fmt: skip
def test_a_usage_error_is_one_json_object(
    args: tuple[str, ...], expected: dict[str, object]
) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout) == (expected["exit_code"], "")
    (line,) = result.stderr.splitlines()
    body = json.loads(line)
    assert {k: body[k] for k in expected} == expected
    assert body["message"]
    assert "Usage:" not in body["message"]


def test_a_bad_rates_file_lists_every_problem_by_key(tmp_path: Path) -> None:
    bad = tmp_path / "rates_2027.toml"
    bad.write_text("year = 2027\n", encoding="utf-8")
    result = run("rates", "--check", str(bad), "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    body = json.loads(result.stderr)
    assert (body["error"], body["file"], body["option"]) == ("data", str(bad), None)
    assert {"key": "schema_version", "message": "Field required"} in body["problems"]
    assert body["message"].startswith(f"rates file {bad} is not valid (")


def test_without_json_the_error_is_words() -> None:
    result = run("soc", "--unearned", "-5")
    assert result.exit_code == 2
    assert "Error: Invalid value for '--unearned'" in result.stderr
    assert not result.stderr.lstrip().startswith("{")


def test_json_after_a_double_dash_is_not_the_option(tmp_path: Path) -> None:
    result = run("soc", "--unearned", "-5", "--", "--json")
    assert result.exit_code == 2
    assert not result.stderr.lstrip().startswith("{")


def test_help_with_json_still_prints_help() -> None:
    result = run("soc", "--json", "--help")
    assert result.exit_code == 0
    assert "Usage: ihss soc" in result.stdout
