"""The command line: exit codes, exact messages, clean stdout, JSON that agrees with the table."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

import ihss_calc
from tests.helpers import error_text, run, run_on_terminal

SEED = ("soc", "--unearned", "1000", "--earned", "500")
USAGE = "Usage: ihss soc [OPTIONS]\nTry 'ihss soc --help' for help.\n\n"


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"ihss, version {ihss_calc.__version__}\n"


@pytest.mark.parametrize("args", [("-h",), ("--help",), ("soc", "-h"), ("soc", "--help")])
def test_help_has_examples(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "ihss soc --unearned 1000 --earned 500" in result.stdout


def test_soc_help_names_every_option() -> None:
    text = run("soc", "--help").stdout
    for option in (
        "--unearned",
        "--earned",
        "--irwe",
        "--bwe",
        "--couple",
        "--blind",
        "--spouse-blind",
        "--medi-cal",
        "--rates",
        "--json",
    ):
        assert option in text
    assert "Exit codes: 0 done, 1 bad rates file, 2 bad usage or input." in text


def test_seed_example_table() -> None:
    result = run(*SEED, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert result.stderr == ""
    out = result.stdout
    for amount in ("980.00", "217.50", "1,197.50", "1,040.21", "157.29"):
        assert amount in out
    lines = out.splitlines()
    flat = " ".join(out.split())
    # the answer first: the likely program, then what share-of-cost Medi-Cal would cost
    assert lines[0].startswith("You likely pay $0 for IHSS: you appear to qualify for the Aged")
    assert (
        "the Aged & Disabled Federal Poverty Level program: your income for it, $1,197.50, is at "
        "or below its limit of $1,563 (138% of the poverty level, from April 2022). On "
        "share-of-cost Medi-Cal you would pay $157.29. Your countable income"
    ) in flat
    assert (
        "Your countable income, $1,197.50, is $157.29 above the SSI/SSP payment level for one "
        "person, $1,040.21 (2022 rates)."
    ) in " ".join(out.split())
    assert not any(line.endswith(" ") for line in lines)  # no padding off a terminal
    assert "\x1b" not in out  # not a terminal: no escape codes
    assert max(len(line) for line in out.splitlines()) <= 80


def test_table_notes() -> None:
    out = " ".join(run(*SEED).stdout.split())
    # Placed on A&D FPL, the answer does not go on to list other ways to pay $0.
    assert "You could pay $0 with" not in out
    assert "You may qualify for Medi-Cal's Working Disabled Program" not in out
    assert "Details: - Working Disabled Program: countable income" in out
    assert "Not modeled: living anywhere but your own home with cooking facilities" in out


def table_amounts(text: str) -> dict[str, Decimal]:
    """Step label -> amount, from a table drawn wide enough that no cell wraps."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("│").split("│")]
        if len(cells) == 3 and re.fullmatch(r"-?[\d,]+\.\d+", cells[1]):
            rows[cells[0]] = Decimal(cells[1].replace(",", ""))
    return rows


@pytest.mark.parametrize(
    "args",
    [
        SEED,
        ("soc", "--unearned", "135", "--earned", "220", "--bwe", "15", "--blind"),
        ("soc", "--unearned", "$1,800", "--couple", "--earned", "100.01"),
        ("soc", "--earned", "3000", "--irwe", "120.50", "--couple", "--spouse-blind"),
        ("soc", *SEED[1:], "--medi-cal", "magi"),
    ],
)
def test_json_agrees_with_table(args: tuple[str, ...]) -> None:
    table = run(*args, env={"COLUMNS": "200"})
    machine = run(*args, "--json")
    assert table.exit_code == machine.exit_code == 0
    body = json.loads(machine.stdout, parse_float=Decimal)
    shown = table_amounts(table.stdout)
    steps = {s["label"]: s["amount"] for s in body["steps"]}
    assert shown  # the table was read
    for label, amount in shown.items():
        assert steps[label] == amount, label
    assert shown["Total countable income"] == body["total_countable_income"]


def test_json_contract() -> None:
    result = run(*SEED, "--json")
    assert result.exit_code == 0
    assert result.stderr == ""
    body = json.loads(result.stdout, parse_float=Decimal)
    for key in (
        "schema_version",
        "inputs",
        "countable_unearned_income",
        "countable_earned_income",
        "total_countable_income",
        "payment_level",
        "share_of_cost",
        "steps",
        "rates",
    ):
        assert key in body
    assert body["schema_version"] == 2  # 2: child_income became child_incomes
    assert body["countable_unearned_income"] == Decimal("980.00")
    assert body["countable_earned_income"] == Decimal("217.50")
    assert body["total_countable_income"] == Decimal("1197.50")
    assert body["payment_level"] == Decimal("1040.21")
    assert body["share_of_cost"] == Decimal("157.29")
    assert body["inputs"] == {
        "unearned": Decimal("1000.00"),
        "earned": Decimal("500.00"),
        "irwe": Decimal("0.00"),
        "bwe": Decimal("0.00"),
        "couple": False,
        "blind": False,
        "spouse_blind": False,
        "medi_cal": None,
        "disability_income": Decimal("0.00"),
        "spouse_earned": None,
        "spouse_unearned": None,
        "spouse_ihss_wages": Decimal("0.00"),
        "children": 0,
        "child_incomes": [],
        "child_student_earnings": [],
        "health_premiums": Decimal("0.00"),
        "show_medi_cal_soc": False,
        "assets": None,
        "age": None,
        "medicare": False,
        "ssi_ended": None,
        "pickle_disregard": None,
        "month": 6,
        "year": 2022,
    }
    assert (body["deeming"], body["medi_cal_share_of_cost"], body["assets"]) == (None, None, None)
    assert body["rates"] == {"year": 2022, "file": "bundled rates_2022.toml", "bundled": True}
    assert body["warnings"] == []
    for step in body["steps"]:
        assert {"id", "label", "amount", "rule", "source", "figures"} <= step.keys()
    # Money is a JSON number whose text is the exact amount: never a string, never a float.
    assert '"share_of_cost": 157.29,' in result.stdout
    assert '"total_countable_income": 1197.50,' in result.stdout
    # One JSON document and nothing else.
    assert result.stdout.strip().startswith("{")
    assert result.stdout.endswith("}\n")


def test_half_cent_in_json() -> None:
    result = run("soc", "--earned", "100.01", "--json")
    assert '"total_countable_income": 7.505,' in result.stdout
    assert '"share_of_cost": 0.00,' in result.stdout


def test_medi_cal_reason_shown() -> None:
    table = " ".join(run(*SEED, "--medi-cal", "ssi").stdout.split())
    assert table.startswith("You pay no share of cost: IHSS is free with SSI-linked Medi-Cal.")
    assert (
        "No share of cost: IHSS is free with SSI-linked Medi-Cal (DB101 IHSS page, What You "
        "Pay). Without it, the share of cost would be $157.29 a month."
    ) in table
    body = json.loads(run(*SEED, "--medi-cal", "ssi", "--json").stdout, parse_float=Decimal)
    assert body["share_of_cost"] == Decimal("0.00")
    assert body["computed_share_of_cost"] == Decimal("157.29")
    assert body["total_countable_income"] == Decimal("1197.50")
    assert body["medi_cal"]["no_share_of_cost"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--earned", "-5"),
            "Invalid value for '--earned': '-5' is negative; amounts must be 0 or more",
        ),
        (
            ("--unearned", "nan"),
            "Invalid value for '--unearned': 'nan' is not an amount of "
            "money; write dollars and cents such as 1000, 1000.50 or "
            "$1,000.50",
        ),
        (
            ("--irwe", "inf"),
            "Invalid value for '--irwe': 'inf' is not an amount of money; "
            "write dollars and cents such as 1000, 1000.50 or $1,000.50",
        ),
        (
            ("--earned", "1e3"),
            "Invalid value for '--earned': '1e3' uses exponent notation; "
            "write the amount out, such as 1000",
        ),
        (
            ("--earned", "1.234"),
            "Invalid value for '--earned': '1.234' has more than two "
            "decimal places; amounts are in dollars and cents",
        ),
        (
            ("--earned", ""),
            "Invalid value for '--earned': an amount is required, got an "
            "empty value; write dollars and cents such as 1000, 1000.50 or "
            "$1,000.50",
        ),
        (
            ("--bwe", "15"),
            "Invalid value for '--bwe': blind work expenses (BWE) are for blind "
            "people, and no one in the household is marked blind "
            "(POMS SI 00820.535)",
        ),
        (
            ("--irwe", "15", "--blind"),
            "Invalid value for '--irwe': impairment-related work "
            "expenses (IRWE) are for people who are not blind; a "
            "blind person's work expenses are BWE "
            "(POMS SI 00820.540)",
        ),
        (
            ("--spouse-blind",),
            "Invalid value for '--spouse-blind': a blind spouse needs a "
            "couple, and the household is not a couple",
        ),
        (
            ("--medi-cal", "gold"),
            "Invalid value for '--medi-cal': 'gold' is not one of 'ssi', "
            "'magi', '1619b', 'wdp', 'ad-fpl', 'pickle', "
            "'medically-needy', 'none'.",
        ),
        (
            ("--rates", "no/such/file.toml"),
            "Invalid value for '--rates': File 'no/such/file.toml' does not exist.",
        ),
    ],
)
def test_usage_errors_exit_2_with_nothing_on_stdout(args: tuple[str, ...], message: str) -> None:
    result = run("soc", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(USAGE)
    assert result.stderr.endswith(f"Error: {message}\n")
    # With --json, the same message in one JSON object, for a script to parse.
    result = run("soc", "--json", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert json.loads(result.stderr)["message"] == message


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (("--earned",), "Error: Option '--earned' requires an argument.\n"),
        (
            ("--wages", "5"),
            USAGE + "Error: No such option '--wages'. (Did you mean one of: "
            "'--age', '--rates', '--wage'?)\n",
        ),
    ],
)
def test_click_usage_errors(args: tuple[str, ...], stderr: str) -> None:
    result = run("soc", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_custom_rates_file_is_used(tmp_path: Path) -> None:
    bundled = Path(ihss_calc.__file__).parent / "data" / "rates_2022.toml"
    custom = tmp_path / "next_year.toml"
    custom.write_text(
        bundled.read_text(encoding="utf-8")
        .replace("value = 1040.21", "value = 1100.21", 1)
        .replace("value = 199.21", "value = 259.21", 1),
        encoding="utf-8",
    )
    result = run(*SEED, "--rates", str(custom), "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=Decimal)
    assert body["payment_level"] == Decimal("1100.21")
    assert body["share_of_cost"] == Decimal("97.29")
    assert body["rates"] == {"year": 2022, "file": str(custom), "bundled": False}


def test_invalid_rates_file_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 1\nyear = 2022\n", encoding="utf-8")
    for extra in ((), ("--json",)):
        result = run(*SEED, *extra, "--rates", str(bad))
        assert result.exit_code == 1
        assert result.stdout == ""
        said = error_text(result)
        assert said.startswith(f"Error: rates file {bad} is not valid (9 problems):\n")
        assert f"  {bad}: payment_levels: Field required\n" in said
        assert f"  {bad}: deeming: Field required\n" in said


def run_in_terminal(env: dict[str, str]) -> bytes:
    """Run ``ihss`` with stdout on a pseudo-terminal, as a person at a terminal would."""
    pytest.importorskip("pty")
    code, out = run_on_terminal(*SEED, "--year", "2022", env=env)
    assert code == 0
    return out


def test_terminal_gets_styles_but_not_with_no_color() -> None:
    plain_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    styled = run_in_terminal({**plain_env, "NO_COLOR": ""})
    assert b"\x1b[" in styled
    plain = run_in_terminal({"NO_COLOR": "1"})
    assert b"\x1b" not in plain
    assert b"157.29" in plain
