"""Helpers for the tests: a CLI runner that keeps stdout and stderr apart, the public cases."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from ihss_calc.cli import cli
from ihss_calc.rules import Household

TESTS = Path(__file__).parent
PUBLIC_CASES = TESTS / "cases" / "public.csv"
SHARED_CASES = TESTS.parent.parent / "shared" / "cases" / "public.csv"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run ``ihss`` in-process with 100 columns; stdout is not a terminal, as in a pipe."""
    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": None, **(env or {})})
    return runner.invoke(cli, list(args), prog_name="ihss", catch_exceptions=False)


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
