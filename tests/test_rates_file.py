"""Rates files: every bundled one is valid; every way a file can be wrong is reported by
file, key and problem, and exits 1 from the command line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ihss_calc.rates import RatesError, load_bundled, load_file, years_on_file
from tests.helpers import error_text, run

FIXTURES = Path(__file__).parent / "fixtures" / "bad_rates"
GOOD_2022 = Path(years_on_file()[2022]).read_text(encoding="utf-8")


@pytest.mark.parametrize("year", list(years_on_file()))
def test_every_bundled_file_is_valid(year: int) -> None:
    rates = load_bundled(year)
    assert rates.year == year
    assert rates.bundled
    for level in rates.payment_levels.values():
        federal, state = level.parts
        assert federal.value + state.value == level.value
        assert federal.status == "verified"
    for figure in rates.figures():
        assert figure.status in {"verified", "cross-checked", "derived"}
        assert figure.sources, figure.key
        for source in figure.sources:
            assert source.url.startswith("https://"), source.id


# Each failure mode: the change made to a good file, the key and the message it must produce.
BAD = {
    "unknown key": (
        "[payment_levels.couple]\n",
        '[payment_levels.couple]\ncolour = "blue"\n',
        "payment_levels.couple.colour",
        "Extra inputs are not permitted",
    ),
    "unknown top-level key": (
        "schema_version = 1\n",
        'schema_version = 1\nauthor = "me"\n',
        "author",
        "Extra inputs are not permitted",
    ),
    "string for a number": (
        "value = 1040.21",
        'value = "1040.21"',
        "payment_levels.individual.value",
        "must be a number, not a string",
    ),
    "boolean for a number": (
        "value = 0.5",
        "value = true",
        "exclusions.earned_share.value",
        "must be a number, not true/false",
    ),
    "negative amount": (
        "value = 20.00",
        "value = -20.00",
        "exclusions.general.value",
        "Input should be greater than or equal to 0",
    ),
    "not a number": (
        "value = 65.00",
        "value = nan",
        "exclusions.earned.value",
        "must be a finite number",
    ),
    "fraction of a cent": (
        "value = 1040.21",
        "value = 1040.215",
        "payment_levels.individual.value",
        "Decimal input should have no more than 2 decimal places",
    ),
    "share above one": (
        "value = 0.5",
        "value = 1.5",
        "exclusions.earned_share.value",
        "Input should be less than or equal to 1",
    ),
    "parts do not add up": (
        "state = { value = 504.64",
        "state = { value = 504.65",
        "payment_levels.couple",
        "federal 1,261.00 + state 504.65 = 1,765.65, not the level 1,765.64",
    ),
    "missing level": (
        "[payment_levels.couple_both_blind]",
        "[payment_levels.couple_both_blind_x]",
        "payment_levels.couple_both_blind",
        "Field required",
    ),
    "unknown source": (
        'sources = ["poms-si-00820500", "cfr-416-1112"]\nnote = "Comes',
        'sources = ["poms-si-00820500", "cfr-416-9999"]\nnote = "Comes',
        "exclusions.earned.sources[1]",
        "source 'cfr-416-9999' is not in [sources]",
    ),
    "no sources": (
        'sources = ["ssa-ssi-amounts"], note = "Federal SSI benefit rate, individual',
        'sources = [], note = "Federal SSI benefit rate, individual',
        "payment_levels.individual.federal.sources",
        "List should have at least 1 item after validation, not 0",
    ),
    "unknown status": (
        'status = "cross-checked"',
        'status = "guessed"',
        "payment_levels.blind_individual.status",
        "Input should be 'verified', 'cross-checked' or 'derived'",
    ),
    "unknown rounding mode": (
        'mode = "ROUND_HALF_DOWN"',
        'mode = "ROUND_NEAREST"',
        "rounding.mode",
        "Input should be 'ROUND_HALF_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', "
        "'ROUND_DOWN' or 'ROUND_UP'",
    ),
    "date outside the year": (
        "effective_to = 2022-12-31",
        "effective_to = 2023-12-31",
        "effective_to",
        "2023-12-31 is not in the file's year 2022",
    ),
    "date as a string": (
        "effective_from = 2022-01-01",
        'effective_from = "2022-01-01"',
        "effective_from",
        "Input should be a valid date",
    ),
    "year as a string": (
        "year = 2022",
        'year = "2022"',
        "year",
        "must be a whole number, not a string",
    ),
    "year as true": (
        "year = 2022",
        "year = true",
        "year",
        "must be a whole number, not true/false",
    ),
    "schema version true": (
        "schema_version = 1",
        "schema_version = true",
        "schema_version",
        "must be a whole number, not true/false",
    ),
    "schema version 1.0": (
        "schema_version = 1",
        "schema_version = 1.0",
        "schema_version",
        "must be a whole number, not the decimal number 1.0",
    ),
    "rounding quantum too fine": (
        "quantum = 0.01",
        "quantum = 1e-20",
        "rounding.quantum",
        "must be one of 1, 0.1, 0.01, 0.001, 0.0001, not 1E-20",
    ),
    "a figure too large to compute with": (
        "value = 1040.21",
        "value = 1e1000000",
        "payment_levels.individual.value",
        "Input should be less than or equal to 1000000",
    ),
    "a share with too many places": (
        "value = 0.5",
        "value = 0.33333333333",
        "exclusions.earned_share.value",
        "Decimal input should have no more than 6 decimal places",
    ),
    "Medi-Cal rounding that is not a quantum": (
        "quantum = 1\n",
        "quantum = 3\n",
        "medi_cal.rounding.quantum",
        "must be one of 1, 0.1, 0.01, 0.001, 0.0001, not 3",
    ),
    "link that is not a link": (
        'url = "https://www.ssa.gov/oact/cola/SSIamts.html"',
        'url = "ssa.gov"',
        "sources.ssa-ssi-amounts.url",
        "String should match pattern '^https?://\\S+$'",
    ),
    "unknown schema version": (
        "schema_version = 1",
        "schema_version = 2",
        "schema_version",
        "Input should be 1",
    ),
    "wrong unit": (
        'unit = "USD per year"',
        'unit = "USD per week"',
        "work_incentives.threshold_1619b.regular.unit",
        "Input should be 'USD per year'",
    ),
}


@pytest.mark.parametrize(("old", "new", "key", "message"), BAD.values(), ids=BAD.keys())
def test_bad_file(tmp_path: Path, old: str, new: str, key: str, message: str) -> None:
    assert old in GOOD_2022
    path = tmp_path / "rates_bad.toml"
    path.write_text(GOOD_2022.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RatesError) as caught:
        load_file(path)
    assert (key, message) in caught.value.problems
    result = run("soc", "--json", "--rates", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"  {path}: {key}: {message}\n" in error_text(result)


def test_every_problem_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_text(
        GOOD_2022.replace("value = 20.00", "value = -20.00").replace("year = 2022", "year = 1"),
        encoding="utf-8",
    )
    result = run("soc", "--rates", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: rates file {path} is not valid (2 problems):\n"
        f"  {path}: year: Input should be greater than or equal to 1990\n"
        f"  {path}: exclusions.general.value: Input should be greater than or equal to 0\n"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_toml.toml", "not valid TOML: Invalid value (at line 2, column 8)"),
        ("not_utf8.toml", "not UTF-8 text: invalid start byte"),
    ],
)
def test_unreadable_files(name: str, message: str) -> None:
    path = FIXTURES / name
    result = run("soc", "--rates", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: rates file {path} is not valid (1 problem):\n  {path}: (file): {message}\n"
    )


def test_values_are_exact_decimals() -> None:
    rates = load_bundled(2022)
    assert rates.payment_levels["individual"].value == Decimal("1040.21")
    assert isinstance(rates.earned_share_excluded.value, Decimal)
    assert str(rates.earned_share_excluded.value) == "0.5"
