"""Saved households: --case, --save-case and ihss compare."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from .helpers import run

SOC = ("soc", "--unearned", "1000", "--earned", "500", "--year", "2022")


def test_save_then_load_gives_the_same_json(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    args = ("soc", "--unearned", "800", "--spouse-earned", "3000", "--children", "2",
            "--child-income", "600", "--child-income", "0", "--year", "2025", "--month", "5",
            "--assets", "1,500", "--json")  # fmt: skip
    first = run(*args, "--save-case", str(case))
    assert first.exit_code == 0, first.stderr
    said = [json.loads(line) for line in first.stderr.splitlines()]  # JSON Lines with --json
    assert said[-1] == {"note": f"Case saved to {case}"}
    assert case.read_text(encoding="utf-8") == (
        "# An ihss case: ihss soc --case FILE (or whatif); the keys are ihss batch's columns.\n"
        "schema_version = 1\n"
        'unearned = "800.00"\n'
        'spouse_earned = "3000.00"\n'
        "children = 2\n"
        'child_incomes = ["600.00", "0.00"]\n'
        'assets = "1500.00"\n'
        "month = 5\n"
        "year = 2025\n"
    )
    again = run("soc", "--case", str(case), "--json")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout


def test_what_was_given_never_more(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    assert run("soc", "--unearned", "1000", "--save-case", str(case)).exit_code == 0
    keys = [line.split(" = ")[0] for line in case.read_text().splitlines()[1:]]
    assert keys == ["schema_version", "unearned"]


def test_the_command_line_overrides_the_case(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text('unearned = 1000\nearned = "500"\nyear = 2022\ncouple = "Y"\n')
    body = json.loads(run("soc", "--case", str(case), "--unearned", "1200", "--json").stdout)
    assert body["inputs"]["unearned"] == 1200
    assert body["inputs"]["earned"] == 500
    assert body["inputs"]["couple"] is True
    # Earnings given another way on the command line replace the case's earnings.
    body = json.loads(run("soc", "--case", str(case), "--yearly", "12000", "--json").stdout)
    assert body["inputs"]["earned"] == 1000
    assert body["notes"][0].startswith("Monthly earnings: 12,000.00 a year ÷ 12")


def test_a_json_case_and_batch_spellings(tmp_path: Path) -> None:
    case = tmp_path / "c.json"
    case.write_text(json.dumps({"Unearned": 1000.10, "medi_cal": "medically needy",
                                "show_medi_cal_soc": "yes", "wage": 18.5, "hours": 20,
                                "year": 2024}))  # fmt: skip
    result = run("soc", "--case", str(case), "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=Decimal)
    assert body["inputs"]["unearned"] == Decimal("1000.10")
    assert body["inputs"]["medi_cal"] == "medically-needy"
    assert body["inputs"]["earned"] == Decimal("1603.33")  # 18.50 × 20 × 52 ÷ 12
    assert body["medi_cal_share_of_cost"] is not None


def test_a_bad_case_lists_every_problem_by_key(tmp_path: Path) -> None:
    case = tmp_path / "bad.toml"
    case.write_text('unearned = "-5"\nUnearned_Income = 3\ncouple = "maybe"\n[x]\na = 1\n')
    result = run("soc", "--case", str(case))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: case file {case} cannot be used (4 problems):\n"
        f"  {case}: unearned: Invalid value for 'unearned': '-5' is negative; amounts must be "
        "0 or more\n"
        f"  {case}: Unearned_Income: not a case key; did you mean unearned?\n"
        f"  {case}: couple: Invalid value for 'couple': 'maybe' is not a yes/no value; use 1 "
        "or 0, true or false, yes or no, or leave it empty\n"
        f"  {case}: x: not a case key; the keys are the columns of ihss batch\n"
    )
    as_json = json.loads(run("soc", "--case", str(case), "--json").stderr)
    assert as_json["file"] == str(case)
    assert [p["key"] for p in as_json["problems"]] == ["unearned", "Unearned_Income", "couple",
                                                       "x"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("bwe = 10\n", "bwe: blind work expenses (BWE) are for blind people"),
        ("wage = 20\n", "wage: wage needs hours too"),
        ("earned = 5\nyearly = 60\n", "yearly: the case gives earnings earned and yearly"),
        ("unearned = [1, 2]\n", "unearned: a list is not a value here"),
        ("unearned = 1000\nschema_version = 9\n", "schema_version: 9 is not a case file version"),
        ("unearned = ", "(file): not valid TOML"),
    ],
)
def test_case_problems(tmp_path: Path, text: str, problem: str) -> None:
    case = tmp_path / "c.toml"
    case.write_text(text)
    result = run("soc", "--case", str(case))
    assert (result.exit_code, result.stdout) == (1, "")
    assert f"  {case}: {problem}" in result.stderr


def test_save_case_will_not_overwrite_without_force(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text("unearned = 1\n")
    result = run(*SOC, "--save-case", str(case))
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Invalid value for '--save-case': {case} exists: give --force" in result.stderr
    assert case.read_text() == "unearned = 1\n"
    assert run(*SOC, "--save-case", str(case), "--force").exit_code == 0
    assert 'unearned = "1000.00"' in case.read_text()
    forced = run(*SOC, "--force")
    assert forced.exit_code == 2
    assert "--force is for --save-case FILE" in forced.stderr


def test_whatif_reads_a_case_and_saves_the_household(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text("unearned = 1000\nearned = 500\nyear = 2022\n")
    one = json.loads(run("whatif", "--case", str(case), "--json").stdout)
    assert [p["share_of_cost"] for p in one["points"]] == [157.29]
    swept = json.loads(run("whatif", "--case", str(case), "--earned", "0,1000", "--json").stdout)
    assert [p["share_of_cost"] for p in swept["points"]] == [0, 407.29]
    saved = tmp_path / "h.toml"
    result = run("whatif", "--unearned", "900", "--earned", "0:100:50", "--save-case", str(saved))
    assert result.exit_code == 0, result.stderr
    assert saved.read_text().splitlines()[1:] == ["schema_version = 1", 'unearned = "900.00"']


def test_compare_two_years_of_one_case(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text("unearned = 1000\nearned = 500\nmonth = 5\n")
    result = run("compare", str(case), "--year", "2025", "--year", "2026", "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=Decimal)
    assert body["labels"] == ["2025", "2026"]
    assert [r["rates"]["year"] for r in body["results"]] == [2025, 2026]
    changed = {d["field"]: d for d in body["differences"]}
    level = {"field": "payment_level", "a": Decimal("1206.94"), "b": Decimal("1233.94"),
             "change": Decimal("27.00")}  # fmt: skip
    assert changed["payment_level"] == level
    assert changed["year"]["change"] is None
    table = run("compare", str(case), "--year", "2025", "--year", "2026", "--plain")
    assert "SSI/SSP payment level; 2025: $1,206.94; 2026: $1,233.94; Change: +$27.00" in (
        table.stdout
    )


def test_compare_two_cases(tmp_path: Path) -> None:
    now, job = tmp_path / "now.toml", tmp_path / "job.toml"
    assert run(*SOC, "--save-case", str(now)).exit_code == 0
    assert (
        run("soc", "--case", str(now), "--earned", "1500", "--save-case", str(job)).exit_code == 0
    )
    result = run("compare", str(now), str(job), "--json")
    body = json.loads(result.stdout, parse_float=Decimal)
    assert [r["share_of_cost"] for r in body["results"]] == [Decimal("157.29"), Decimal("657.29")]
    assert {"field": "share_of_cost", "a": Decimal("157.29"), "b": Decimal("657.29"),
            "change": Decimal("500.00")} in body["differences"]  # fmt: skip
    plain = run("compare", str(now), str(job), "--plain").stdout
    assert f"{now}: likely " in plain
    assert "Share of cost (share-of-cost Medi-Cal); " in plain


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--year", "2025"), "One case is compared under two years"),
        (("{case}", "--year", "2025", "--year", "2026"), "Two cases or two years"),
        (("{case}", "{case}"), "Give one or two case files."),
        (("--year", "2021", "--year", "2022", "--year", "2023"), "give it once or twice"),
    ],
)
def test_compare_usage(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    case = tmp_path / "c.toml"
    case.write_text("unearned = 1000\n")
    filled = [a.replace("{case}", str(case)) for a in args]
    result = run("compare", str(case), *filled)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_compare_a_bad_case_lists_its_problems(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text("unearned = 1000\n")
    bad.write_text('unearned = "lots"\n')
    result = run("compare", str(good), str(bad), "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    body = json.loads(result.stderr.splitlines()[-1])
    assert (body["file"], body["problems"][0]["key"]) == (str(bad), "unearned")


def test_the_saved_case_says_what_it_is_in_the_runs_language(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    assert run("--lang", "es", "soc", "--unearned", "1000", "--save-case", str(case)).exit_code == 0
    assert case.read_text(encoding="utf-8").splitlines()[0] == (
        "# Un caso de ihss: ihss soc --case ARCHIVO (o whatif); las claves son las columnas de "
        "ihss batch."
    )
    again = run("soc", "--case", str(case), "--json")  # read back in either language
    assert again.exit_code == 0, again.stderr
