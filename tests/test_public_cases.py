"""Every worked example in cases/public.csv comes out exactly, through the core and the CLI."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ihss_calc.rates import load_bundled
from ihss_calc.rules import share_of_cost
from tests.helpers import PUBLIC_CASES, SHARED_CASES, household_from_row, public_cases, run

CASES = list(public_cases())


def test_there_are_cases() -> None:
    assert len(CASES) >= 6


def test_copy_matches_shared() -> None:
    if not SHARED_CASES.exists():
        pytest.skip("../shared is not beside this checkout")
    assert PUBLIC_CASES.read_text(encoding="utf-8") == SHARED_CASES.read_text(encoding="utf-8")


@pytest.mark.parametrize("row", CASES, ids=[c["id"] for c in CASES])
def test_core(row: dict[str, str]) -> None:
    result = share_of_cost(household_from_row(row), load_bundled(int(row["year"])))
    assert result.countable.total == Decimal(row["total_countable_income"])
    assert result.share_of_cost == Decimal(row["share_of_cost"])


@pytest.mark.parametrize("row", CASES, ids=[c["id"] for c in CASES])
def test_cli_json(row: dict[str, str]) -> None:
    args = ["soc", "--json", "--year", row["year"]]
    args += ["--unearned", row["unearned"], "--earned", row["earned"]]
    args += ["--irwe", row["irwe"], "--bwe", row["bwe"]]
    args += [
        f"--{name.replace('_', '-')}"
        for name in ("couple", "blind", "spouse_blind")
        if row[name] == "1"
    ]
    if row["medi_cal"]:
        args += ["--medi-cal", row["medi_cal"]]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=Decimal)
    assert body["rates"]["year"] == int(row["year"])
    assert body["total_countable_income"] == Decimal(row["total_countable_income"])
    assert body["share_of_cost"] == Decimal(row["share_of_cost"])
    # The text itself is exact: 7.505 stays 7.505, 157.29 is never 157.29000000000002.
    assert f'"total_countable_income": {row["total_countable_income"]},' in result.stdout
    assert f'"share_of_cost": {row["share_of_cost"]},' in result.stdout
