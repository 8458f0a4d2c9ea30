"""The published JSON Schemas: generated from one description, shipped and printed as they
are, strict enough to catch a drift, and met by real outputs of every command.

Every ``--json`` output that passes through ``tests.helpers.run`` or the fuzz test is checked
against its schema too (``tests/schema_check.py``); the tests here make sure each command's is."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ihss_calc.output_schemas import MODELS, schema_text
from ihss_calc.rates import years_on_file

from .helpers import PUBLIC_CASES, public_cases, run
from .schema_check import CHECKED, validate, validator

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "readme"


@pytest.mark.parametrize("command", list(MODELS))
def test_shipped_and_published_schemas_are_the_models(command: str) -> None:
    text = schema_text(command)
    shipped = files("ihss_calc").joinpath("schemas", f"{command}.schema.json").read_text("utf-8")
    docs = (ROOT / "docs" / "schemas" / f"{command}.schema.json").read_text(encoding="utf-8")
    assert (shipped, docs) == (text, text), "run: python scripts/schemas.py"
    Draft202012Validator.check_schema(json.loads(text))


@pytest.mark.parametrize("command", list(MODELS))
def test_ihss_schema_prints_it(command: str) -> None:
    result = run("schema", command)
    assert result.exit_code == 0
    assert result.stdout == schema_text(command)


def test_an_unknown_schema_is_a_usage_error() -> None:
    result = run("schema", "socs")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Invalid value for 'COMMAND': 'socs' is not one of 'soc'" in result.stderr


def soc_json(*args: str) -> dict[str, object]:
    result = run("soc", *args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, object] = json.loads(result.stdout)
    return body


def test_the_schema_catches_a_drift() -> None:
    body = soc_json("--unearned", "1000", "--earned", "500", "--year", "2022")
    validate("soc", body)
    for broken in (
        {k: v for k, v in body.items() if k != "share_of_cost"},  # a field gone
        {**body, "share_of_costs": 1},  # a field not described
        {**body, "share_of_cost": "157.29"},  # money as a string
        {**body, "schema_version": 3},
    ):
        assert list(validator("soc").iter_errors(broken)), broken
    deep = copy.deepcopy(body)
    deep["steps"][0]["figures"] = [{"key": "x"}]  # type: ignore[index]
    assert list(validator("soc").iter_errors(deep))


def test_every_public_case_meets_the_soc_schema() -> None:
    assert PUBLIC_CASES.exists()
    before = CHECKED["soc"]
    for row in public_cases():
        args = ["--unearned", row["unearned"], "--earned", row["earned"], "--year", row["year"]]
        for flag in ("couple", "blind", "spouse_blind"):
            if row.get(flag, "").strip() in {"1", "true", "yes"}:
                args.append("--" + flag.replace("_", "-"))
        for key in ("irwe", "bwe"):
            if row.get(key, "").strip():
                args += ["--" + key, row[key]]
        soc_json(*args)  # validated by run()
    assert CHECKED["soc"] > before


@pytest.mark.parametrize(
    "args",
    [
        ("--unearned", "800", "--spouse-earned", "3000", "--children", "2", "--child-income",
         "600", "--child-student-earnings", "200", "--year", "2025"),
        ("--unearned", "1500", "--medi-cal", "medically-needy", "--health-premiums", "202.90"),
        ("--unearned", "1000", "--assets", "200000", "--age", "70", "--medicare", "--year", "2026"),
        ("--unearned", "135", "--earned", "220", "--blind", "--bwe", "15", "--medi-cal", "wdp"),
        ("--unearned", "900", "--ssi-ended", "other", "--pickle-disregard", "100"),
        ("--wage", "18.50", "--hours", "30", "--unearned", "700", "--show-medi-cal-soc"),
    ],
)  # fmt: skip
def test_soc_outputs_meet_the_schema(args: tuple[str, ...]) -> None:
    soc_json(*args)


@pytest.mark.parametrize(
    "args",
    [
        ("--unearned", "1000", "--earned", "0:2000:250", "--year", "2022"),
        ("--unearned", "1500", "--ssdi", "1500", "--earned", "0,1000,2000", "--gets-ssi"),
        ("--unearned", "1000", "--wage", "18", "--hours", "0:40:10"),
        ("--unearned", "900", "--yearly", "0:24000:12000", "--spouse-earned", "2000"),
    ],
)
def test_whatif_outputs_meet_the_schema(args: tuple[str, ...]) -> None:
    result = run("whatif", *args, "--json")
    assert result.exit_code == 0, result.stderr
    validate("whatif", json.loads(result.stdout))


def test_hours_timesheets_rates_and_errors_meet_their_schemas() -> None:
    for args in (("--weekly", "personal-care=15", "--weekly", "meal-preparation=6"),
                 ("--monthly", "283", "--severely-impaired")):  # fmt: skip
        result = run("hours", *args, "--json")
        assert result.exit_code == 0, result.stderr
        validate("hours", json.loads(result.stdout))
    checked = run("timesheets", "check", str(FIXTURES / "march.csv"), "--authorized", "R1=10",
                  "--json")  # fmt: skip
    assert checked.exit_code == 1  # it finds violations
    validate("timesheets", json.loads(checked.stdout))
    for year in years_on_file():
        result = run("rates", "--year", str(year), "--json")
        validate("rates", json.loads(result.stdout))
    result = run("rates", "--check", str(years_on_file()[2024]), "--json")
    validate("rates-check", json.loads(result.stdout))
    failed = run("soc", "--unearned", "-1", "--json")
    validate("error", json.loads(failed.stderr))


def test_batch_rows_meet_the_schema(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(
        "id,unearned,earned,spouse_earned,children,medi_cal,show_medi_cal_soc,assets\n"
        "a,1000,500,,,,,\n"
        "b,800,0,3000,1,,,\n"
        "c,1500,0,,,medically-needy,yes,5000\n"
        "d,-5,,,,,,\n",
        encoding="utf-8",
    )
    for extra in ((), ("--steps",)):
        result = run("batch", str(source), "--output-format", "jsonl", *extra)
        assert result.exit_code == 1  # one row failed
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r.get("id") for r in rows] == ["a", "b", "c", "d"]
        for row in rows:
            validate("batch", row)
    assert CHECKED["batch"] >= 8


def test_compare_meets_its_schema(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text("unearned = 1000\nearned = 500\n")
    result = run("compare", str(case), "--year", "2025", "--year", "2026", "--json")
    assert result.exit_code == 0, result.stderr
    validate("compare", json.loads(result.stdout))
