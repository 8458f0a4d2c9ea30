"""ihss timesheets plan: a month's authorized hours split between providers, within the
limits of docs/rules.md §10, and a template that ihss timesheets check finds nothing in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihss_calc.rates import load_bundled
from ihss_calc.rules.plan import Provider, plan_month
from ihss_calc.timesheets import parse_time

from .helpers import run

RATES = load_bundled(2026)


def weekly_minutes(rows: list[dict[str, str]]) -> dict[tuple[str, dt.date], int]:
    """Minutes by provider and workweek (its Sunday), from a template's rows."""
    found: dict[tuple[str, dt.date], int] = defaultdict(int)
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        sunday = day - dt.timedelta(days=(day.weekday() + 1) % 7)
        start, end = parse_time(row["start"], "start"), parse_time(row["end"], "end")
        found[row["provider"], sunday] += (end if end > start else end + 1440) - start
    return found


def test_december_2026_two_providers(tmp_path: Path) -> None:
    template = tmp_path / "dec.csv"
    result = run("timesheets", "plan", "--authorized", "160", "--provider", "A", "--provider",
                 "B", "--month", "2026-12", "--template", str(template), "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=Decimal)
    assert (body["fits"], body["overtime"], body["placed_hours"]) == (True, False, 160)
    assert [w["week_starts"] for w in body["weeks"]] == [
        "2026-11-29", "2026-12-06", "2026-12-13", "2026-12-20", "2026-12-27"]  # fmt: skip
    assert [w["days_in_month"] for w in body["weeks"]] == [5, 7, 7, 7, 5]
    assert sum(p["hours"] for p in body["providers"]) == 160
    rows = list(csv.DictReader(io.StringIO(template.read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["provider", "recipient", "date", "start", "end"]
    weekly = weekly_minutes(rows)
    assert max(weekly.values()) <= 40 * 60  # no provider over 160 ÷ 4 = 40 for R1, any week
    assert sum(weekly.values()) == 160 * 60
    assert {r["date"] for r in rows} == {f"2026-12-{d:02d}" for d in range(1, 32)}
    checked = run("timesheets", "check", str(template), "--authorized", "R1=160", "--json")
    assert checked.exit_code == 0, checked.stdout
    found = json.loads(checked.stdout)
    assert found["findings"] == []
    assert found["months"][0]["left_hours"] == 0


def test_a_plan_that_cannot_fit_says_so() -> None:
    args = ("timesheets", "plan", "--authorized", "283", "--provider", "A", "--other-hours",
            "A=40", "--month", "2026-12")  # fmt: skip
    result = run(*args, "--plain")
    assert result.exit_code == 1
    assert " ".join(result.stdout.split()).startswith("153 h 00 min of the 283 h 00 min ")
    body = json.loads(run(*args, "--json").stdout)
    assert (body["fits"], body["unplaced_hours"], body["overtime"]) == (False, 153, True)
    lines = body["summary"]
    assert lines[0] == (
        "153 h 00 min of the 283 h 00 min authorized for R1 in 2026-12 cannot be placed: every "
        "provider is at a limit in every week (the weekly maximum for R1, or 66 hours a week with "
        "their other work). Another provider, or fewer other hours, would make room."
    )
    assert lines[1].startswith("Not without overtime: A 130 h 00 min of overtime.")


def test_overtime_only_when_the_hours_need_it() -> None:
    one = plan_month(2026, 12, Decimal(283), [Provider("A")], RATES)
    assert one.unplaced == 0
    assert sum(p.overtime for p in one.providers) == (283 - 5 * 40) * 60  # five workweeks
    two = plan_month(2026, 12, Decimal(283), [Provider("A"), Provider("B")], RATES)
    assert (two.unplaced, sum(p.overtime for p in two.providers)) == (0, 0)


def test_exemption_and_other_hours() -> None:
    plan = plan_month(2026, 3, Decimal(283), [Provider("A", Decimal(30), exemption=1)], RATES)
    limit = plan.providers[0]
    assert limit.weekly_limit.value == 90
    assert limit.hard == min(int(283 * 60 / 4), (90 - 30) * 60)
    assert all(w.minutes[0] <= limit.hard for w in plan.weeks)


def test_usage_errors() -> None:
    for args, message in (
        (("--authorized", "x", "--provider", "A"), "Invalid value for '--authorized'"),
        (("--authorized", "160", "--provider", "A", "--provider", "A"), "named twice"),
        (("--authorized", "160", "--provider", "A", "--other-hours", "B=5"),
         "'B' is not one of the --provider names"),
        (("--authorized", "160", "--provider", "A", "--month", "2026-13"), "is not a month"),
        (("--authorized", "160", "--provider", "A", "--start", "25:00"), "'--start'"),
        (("--authorized", "160"), "Missing option '--provider'"),
    ):  # fmt: skip
        result = run("timesheets", "plan", *args)
        assert (result.exit_code, result.stdout) == (2, ""), args
        assert message in result.stderr, (args, result.stderr)


def test_template_is_not_overwritten_without_force(tmp_path: Path) -> None:
    template = tmp_path / "t.csv"
    template.write_text("keep\n")
    args = ("timesheets", "plan", "--authorized", "100", "--provider", "A", "--template",
            str(template))  # fmt: skip
    assert run(*args).exit_code == 2
    assert template.read_text() == "keep\n"
    assert run(*args, "--force").exit_code == 0
    assert template.read_text().startswith("provider,recipient,date,start,end\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    authorized=st.integers(1, 283 * 4).map(lambda q: Decimal(q) / 4),
    providers=st.integers(1, 3),
    other=st.lists(st.integers(0, 70), min_size=3, max_size=3),
    month=st.integers(1, 12),
    year=st.integers(2021, 2027),
)
def test_any_plan_keeps_every_limit_and_checks_clean(
    authorized: Decimal, providers: int, other: list[int], month: int, year: int
) -> None:
    chosen = [Provider(f"P{i}", Decimal(min(other[i], 66))) for i in range(providers)]
    plan = plan_month(year, month, authorized, chosen, RATES)
    placed = sum(p.minutes for p in plan.providers)
    assert placed + plan.unplaced == plan.authorized_minutes
    for week in plan.weeks:
        for p, minutes, overtime in zip(plan.providers, week.minutes, week.overtime, strict=True):
            assert minutes <= p.recipient_max  # authorized ÷ 4
            assert minutes / 60 + float(p.other_weekly) <= 66  # with other work
            assert overtime == max(0, minutes - p.no_overtime)
    # Overtime only where no provider had room left without it in that week.
    for week in plan.weeks:
        if any(week.overtime):
            assert all(m >= p.no_overtime for m, p in zip(week.minutes, plan.providers,
                                                          strict=True))  # fmt: skip
    out = io.StringIO()
    from ihss_calc.plan_out import write_template

    write_template(plan, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sum(weekly_minutes(rows).values()) == placed


def test_hours_in_hundredths_are_planned_in_whole_minutes_never_more(tmp_path: Path) -> None:
    template = tmp_path / "t.csv"
    args = ("timesheets", "plan", "--authorized", "100.01", "--provider", "A", "--provider", "B",
            "--month", "2026-12", "--template", str(template), "--json")  # fmt: skip
    body = json.loads(run(*args).stdout, parse_float=Decimal)
    assert body["placed_hours"] == 100  # 6,000 minutes: 6,000.6 is not a whole minute
    assert "Planned in whole minutes: 6000 minutes of the 100.01 hours authorized." in body[
        "summary"]  # fmt: skip
    checked = run("timesheets", "check", str(template), "--authorized", "R1=100.01", "--json")
    assert json.loads(checked.stdout)["findings"] == []


def test_more_than_the_cap_is_refused() -> None:
    result = run("timesheets", "plan", "--authorized", "284", "--provider", "A")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "284 hours a month is over the cap of 283" in result.stderr
