"""Helpers for the tests: a CLI runner that keeps stdout and stderr apart, the public cases."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from click.testing import CliRunner, Result

from ihss_calc.cli import cli
from ihss_calc.rules import Household

from .schema_check import check_output

TESTS = Path(__file__).parent
PUBLIC_CASES = TESTS / "cases" / "public.csv"
SHARED_CASES = TESTS.parent.parent / "shared" / "cases" / "public.csv"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``ihss`` in-process with 100 columns; stdout is not a terminal, as in a pipe."""
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": None, **(env or {})})
    result = runner.invoke(cli, list(args), prog_name="ihss", catch_exceptions=False)
    check_output(list(args), result.exit_code, result.stdout, result.stderr)
    return result


def error_text(result: Result) -> str:
    """stderr as a person reads it: the JSON error object of a ``--json`` run (checked for its
    shape) written back as the ``Error: ...`` line a run without ``--json`` prints."""
    import json

    text = result.stderr
    if not text.lstrip().startswith("{"):
        return text
    body = json.loads(text)
    assert set(body) >= {"error", "exit_code", "option", "file", "message"}, body
    assert body["exit_code"] == result.exit_code
    return f"Error: {body['message']}\n"


def flag(text: str) -> bool:
    return text.strip() in {"1", "true", "yes"}


def public_cases() -> Iterator[dict[str, str]]:
    with PUBLIC_CASES.open(newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def household_from_row(row: dict[str, Any]) -> Household:
    return Household(
        unearned=Decimal(row["unearned"]),
        earned=Decimal(row["earned"]),
        irwe=Decimal(row["irwe"]),
        bwe=Decimal(row["bwe"]),
        couple=flag(row["couple"]),
        blind=flag(row["blind"]),
        spouse_blind=flag(row["spouse_blind"]),
        medi_cal=row["medi_cal"] or None,
    )


def run_on_terminal(
    *args: str, stdout: IO[str] | None = None, env: dict[str, str] | None = None
) -> tuple[int, bytes]:
    """Run ``python -m ihss_calc`` with stderr, and stdout unless given, on a pseudo-terminal,
    as at a person's terminal; its exit code and all it wrote to the terminal."""
    import pty  # not on every platform: callers skip without it

    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ihss_calc", *args],
        stdout=terminal if stdout is None else stdout,
        stderr=terminal,
        env={**os.environ, "TERM": "xterm", **(env or {})},
    )
    os.close(terminal)
    written = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        written += chunk
    os.close(controller)
    return process.wait(timeout=120), written
