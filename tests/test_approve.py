"""ihss timesheets check for the person who approves the timesheets: the verdict first, which
timesheet to fix, hours used and left, standard input, and output options that agree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from .helpers import run
from .test_hours import march

VERDICT = (
    "4 things to look at in 13 visits: 1 overlap of two providers to check (a warning), 1 "
    "workweek over the provider's limit of 66 hours (a violation), 1 workweek over a recipient's "
    "weekly maximum (a warning), 1 month over its authorized hours (a violation)."
)


def test_the_verdict_comes_first(tmp_path: Path) -> None:
    path = march(tmp_path)
    body = json.loads(run("timesheets", "check", str(path), "--authorized", "R1=40",
                          "--json").stdout)  # fmt: skip
    assert body["summary"] == VERDICT
    table = run("timesheets", "check", str(path), "--authorized", "R1=40", "--plain",
                env={"COLUMNS": "400"})  # fmt: skip
    lines = table.stdout.splitlines()
    assert lines[0] == VERDICT
    assert lines[1] == "Before approving, fix these timesheets:"
    assert lines[2] == (
        "- P1's timesheet for R1, 2026-03 1st-15th (rows 2, 3, 4, 5, 6, 7): 1 overlap of two "
        "providers to check (a warning); 1 workweek over a recipient's weekly maximum (a "
        "warning); 1 month over its authorized hours (a violation)"
    )
    assert lines[3].startswith("- P2's timesheet for R1, 2026-03 1st-15th (row 14): 1 overlap")
    assert lines[4].startswith("- P2's timesheet for R2, 2026-03 1st-15th (rows 8, 9, 10,")
    assert lines[5] == "Two providers for one recipient at the same time (warnings)"


def test_to_fix_in_the_json(tmp_path: Path) -> None:
    body = json.loads(run("timesheets", "check", str(march(tmp_path)), "--json").stdout)
    assert [(s["provider"], s["recipient"], s["period"], s["kinds"]) for s in body["to_fix"]] == [
        ("P1", "R1", "2026-03 1st-15th", ["overlap_providers"]),
        ("P2", "R1", "2026-03 1st-15th", ["overlap_providers", "over_workweek"]),
        ("P2", "R2", "2026-03 1st-15th", ["over_workweek"]),
    ]


def test_hours_used_and_left(tmp_path: Path) -> None:
    args = ("timesheets", "check", str(march(tmp_path)), "--authorized", "R1=160", "--json")
    body = json.loads(run(*args).stdout, parse_float=Decimal)
    assert body["months"] == [
        {"recipient": "R1", "month": "2026-03", "claimed_hours": 46, "authorized_hours": 160,
         "left_hours": 114, "as_of": None, "days_left": None},
        {"recipient": "R2", "month": "2026-03", "claimed_hours": 66, "authorized_hours": None,
         "left_hours": None, "as_of": None, "days_left": None},
    ]  # fmt: skip
    # P2's 70 hours of the week: 40 straight, then in time order; R1's visit (the 6th) came
    # after R2's Friday: its 4 hours are overtime, and 26 of R2's 66.
    periods = {(p["provider"], p["recipient"]): p["overtime_hours"] for p in body["pay_periods"]}
    assert periods == {("P1", "R1"): 2, ("P2", "R1"): 4, ("P2", "R2"): 26}
    as_of = json.loads(run(*args, "--as-of", "3/3/2026").stdout, parse_float=Decimal)
    assert as_of["months"][0] == {"recipient": "R1", "month": "2026-03", "claimed_hours": 21,
                                  "authorized_hours": 160, "left_hours": 139,
                                  "as_of": "2026-03-03", "days_left": 28}  # fmt: skip


def test_over_the_authorized_hours_left_is_negative(tmp_path: Path) -> None:
    body = json.loads(run("timesheets", "check", str(march(tmp_path)), "--authorized", "R1=40",
                          "--json").stdout, parse_float=Decimal)  # fmt: skip
    assert body["months"][0]["left_hours"] == -6
    table = run("timesheets", "check", str(march(tmp_path)), "--authorized", "R1=40", "--plain")
    assert "Left: 6 h 00 min over" in table.stdout


def test_standard_input(tmp_path: Path) -> None:
    text = march(tmp_path).read_text()
    args = ["timesheets", "check", "-", "--input-format", "csv", "--json", "--year", "2026"]
    env = {**os.environ, "IHSS_TODAY": "2022-06-01"}  # the in-process runs' today
    done = subprocess.run([sys.executable, "-m", "ihss_calc", *args], input=text, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 1, done.stderr
    from_file = run("timesheets", "check", str(march(tmp_path)), "--json", "--year", "2026").stdout
    assert done.stdout == from_file
    guess = run("timesheets", "check", "-")
    assert guess.exit_code == 2
    assert "cannot tell the input format from standard input" in guess.stderr


def test_output_options_that_disagree_are_a_usage_error(tmp_path: Path) -> None:
    result = run("timesheets", "check", str(march(tmp_path)), "--json", "--output-format", "csv")
    assert (result.exit_code, result.stdout) == (2, "")
    body = json.loads(result.stderr)  # --json: the error as JSON
    assert body["message"] == "--json and --output-format csv each choose the output: give one."


def test_as_of_must_be_a_date(tmp_path: Path) -> None:
    result = run("timesheets", "check", str(march(tmp_path)), "--as-of", "yesterday")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Invalid value for '--as-of': 'yesterday' is not a date" in result.stderr
