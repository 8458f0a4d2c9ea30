"""ihss hours and ihss timesheets check (RULES.md §6, §10); expected figures worked by hand."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ihss_calc.rates import load_bundled
from ihss_calc.rules.visits import week_of, week_start
from ihss_calc.timesheets import RowProblem, parse_time
from tests.helpers import run


def as_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code in (0, 1), result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


# -- ihss hours --------------------------------------------------------------------------------


def test_severely_impaired_from_categories() -> None:
    # 15 + 6 = 21 hours a week of the four categories: at least 20.
    args = ("hours", "--weekly", "personal-care=15", "--weekly", "meal-preparation=6")
    text = " ".join(run(*args).stdout.split())
    assert "Severely impaired: 21 hours a week" in text
    assert "Within the monthly cap of 283 hours" in text
    assert "Advance pay is open to you" in text
    body = as_json(*args)
    assert body["severely_impaired"] is True
    assert body["monthly_cap"] == 283
    assert body["advance_pay"] is True
    assert body["monthly_hours"] == 91  # 21 × 52 ÷ 12
    assert body["provider_weekly_max"] == "22 h 45 min"


def test_other_categories_do_not_count_toward_severely_impaired() -> None:
    body = as_json("hours", "--weekly", "personal-care=10", "--weekly", "domestic=20")
    assert body["severe_weekly_hours"] == 10
    assert body["severely_impaired"] is False
    assert body["monthly_cap"] == 195
    assert body["advance_pay"] is False
    assert body["monthly"] == "130 h 00 min"  # 30 × 52 ÷ 12
    assert body["provider_weekly_max"] == "32 h 30 min"


def test_soc_846_example_and_the_cap() -> None:
    body = as_json("hours", "--monthly", "125", "--not-severely-impaired")
    assert body["provider_weekly_max"] == "31 h 15 min"  # 125 ÷ 4, SOC 846's own example
    over = as_json("hours", "--monthly", "300", "--severely-impaired")
    assert over["over_cap_hours"] == 17
    assert "Over the monthly cap of 283 hours by 17 h 00 min" in " ".join(
        run("hours", "--monthly", "300", "--severely-impaired").stdout.split()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weekly", "gardening=3"], "'gardening' is not one of personal-care"),
        (["--weekly", "personal-care"], "'personal-care' is not NAME=VALUE"),
        (["--weekly", "personal-care=x"], "'x' is not a number of hours"),
        (["--weekly", "domestic=1", "--weekly", "domestic=2"], "'domestic' is given twice"),
        (["--monthly", "100"], "--monthly needs --severely-impaired or --not-severely-impaired"),
        (["--monthly", "100", "--weekly", "domestic=2"], "not both"),
        ([], "Give the hours authorized"),
    ],
)
def test_hours_usage_errors(args: list[str], message: str) -> None:
    result = run("hours", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_the_figures_are_in_every_rates_file() -> None:
    for year in range(2021, 2027):
        hours = load_bundled(year).hours
        assert {k: hours[k].value for k in hours} == {
            "monthly_cap_severely_impaired": 283, "monthly_cap": 195,
            "severely_impaired_weekly": 20, "recipient_weekly_divisor": 4,
            "provider_weekly_max": 66, "provider_weekly_max_exempt": 90,
            "provider_monthly_max_exempt": 360, "overtime_after": 40, "travel_weekly_max": 7,
            "first_pay_period_ends": 15,
        }  # fmt: skip
        assert all(f.sources and f.status == "verified" for f in hours.values())
    shown = run("rates", "--year", "2026", env={"COLUMNS": "160"}).stdout
    assert "Hours, providers and timesheets" in shown
    assert "283 hours a month" in shown


# -- ihss timesheets check ---------------------------------------------------------------------


def march(tmp_path: Path) -> Path:
    """RULES.md §10's worked month: P1 works 42 hours for R1 (authorized 160) in the workweek
    of Sunday 2026-03-01; P2 works for R1 and R2, 70 hours in that workweek; P2's visit at R1
    shares 30 minutes with P1's."""
    rows = ["provider,recipient,date,start,end"]
    rows += [f"P1,R1,2026-03-0{d},08:00,15:00" for d in range(1, 7)]  # lines 2-7: 6 × 7 h
    rows += [f"P2,R2,2026-03-0{d},6:00 am,5:00 pm" for d in (1, 2, 3, 4, 5, 7)]  # 8-13: 66 h
    rows.append("P2,R1,2026-03-06,14:30,18:30")  # line 14: 4 h, 14:30-15:00 shared with line 7
    path = tmp_path / "march.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


def test_the_worked_month(tmp_path: Path) -> None:
    path = march(tmp_path)
    args = ("timesheets", "check", str(path), "--authorized", "R1=160", "--authorized", "R2=283")
    result = run(*args)
    assert result.exit_code == 1
    body = as_json(*args)
    assert body["visits"] == 13
    found = {f["kind"]: f for f in body["findings"]}
    assert len(found) == len(body["findings"]) == 3
    assert set(found) == {"overlap_providers", "over_workweek", "over_recipient_weekly_max"}
    assert body["workweeks"] == [
        {"provider": "P1", "week_starts": "2026-03-01", "hours": 42, "overtime_hours": 2},
        {"provider": "P2", "week_starts": "2026-03-01", "hours": 70, "overtime_hours": 30},
    ]
    p1 = found["over_recipient_weekly_max"]
    assert (p1["provider"], p1["recipient"], p1["weekly_max"], p1["over_by"],
            p1["overtime_hours"]) == ("P1", "R1", 40, 2, 2)  # fmt: skip
    assert p1["rows"] == [2, 3, 4, 5, 6, 7]
    assert p1["severity"] == "warning"
    p2 = found["over_workweek"]
    assert (p2["provider"], p2["hours"], p2["over_by"], p2["overtime_hours"]) == ("P2", 70, 4, 30)
    assert p2["severity"] == "violation"
    assert p2["rows"] == [8, 9, 10, 11, 12, 13, 14]
    overlap = found["overlap_providers"]
    assert overlap["rows"] == [7, 14]
    assert overlap["minutes"] == 30
    for f in body["findings"]:
        assert f["rule"]
        assert f["source"]
    assert p1["message"] == (
        "P1: 42 hours for R1 in the workweek of 2026-03-01, over R1's "
        "weekly maximum of 40 hours by 2, with 2 overtime hours"
    )
    assert p2["message"] == (
        "P2: 70 hours in the workweek of 2026-03-01, 4 over 66, with 30 overtime hours"
    )
    assert overlap["message"] == "two providers for R1 at the same time: P1 and P2, 30 minutes"
    for title in ("Two providers for one recipient at the same time (warnings)",
                  "Workweeks over the provider's limit (violations)",
                  "Over a recipient's weekly maximum (warnings)"):  # fmt: skip
        assert title in result.stdout


def test_a_clean_month_reports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    visits = "".join(f"P1,R1,2026-03-{d:02d},09:00,16:00\n" for d in range(2, 7))
    path.write_text("provider,recipient,date,start,end\n" + visits)
    result = run("timesheets", "check", str(path), "--authorized", "R1=160", "--plain")
    assert result.exit_code == 0
    assert result.stdout == (
        "5 visits checked: nothing found.\n"
        "Hours used and left, by recipient and month\n"
        "Recipient: R1; Month: 2026-03; Claimed: 35 h 00 min; Authorized: 160 h 00 min; "
        "Left: 125 h 00 min\n"
    )
    body = as_json("timesheets", "check", str(path), "--authorized", "R1=160")
    assert (body["findings"], body["to_fix"]) == ([], [])
    assert body["summary"] == "5 visits checked: nothing found."
    assert body["months"] == [{"recipient": "R1", "month": "2026-03", "claimed_hours": 35,
                               "authorized_hours": 160, "left_hours": 125, "as_of": None,
                               "days_left": None}]  # fmt: skip


def test_exemption_raises_the_workweek_to_90(tmp_path: Path) -> None:
    path = march(tmp_path)
    body = as_json("timesheets", "check", str(path), "--exemption", "P2=1")
    assert "over_workweek" not in {f["kind"] for f in body["findings"]}
    unknown = run("timesheets", "check", str(path), "--exemption", "P9=1")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert "Invalid value for '--exemption': no provider 'P9'" in unknown.stderr


def test_past_midnight_and_the_workweek_boundary(tmp_path: Path) -> None:
    # Saturday 2026-03-07 22:00 to Sunday 06:00: 2 hours in one workweek, 6 in the next.
    path = tmp_path / "night.csv"
    path.write_text("provider,recipient,date,start,end\nP1,R1,2026-03-07,10:00 pm,6:00 am\n")
    body = as_json("timesheets", "check", str(path), "--authorized", "R1=8")
    # Weekly maximum 8 ÷ 4 = 2: the Saturday part is 2 (not over), the Sunday part 6 (over).
    (finding,) = body["findings"]
    assert finding["kind"] == "over_recipient_weekly_max"
    assert (finding["week_starts"], finding["hours"]) == ("2026-03-08", 6)
    assert week_start(week_of(2026 * 0 + 739682 * 1440)).weekday() == 6  # Sundays


def test_travel_over_seven_hours(tmp_path: Path) -> None:
    path = tmp_path / "travel.csv"
    path.write_text("provider,recipient,date,start,end,travel_hours\n"
                    "P1,R1,2026-03-02,08:00,10:00,4\nP1,,2026-03-03,,,3.5\n")  # fmt: skip
    body = as_json("timesheets", "check", str(path))
    (finding,) = [f for f in body["findings"] if f["kind"] == "over_travel"]
    assert (finding["hours"], finding["rows"]) == (D("7.5"), [2, 3])
    assert (finding["limit"], finding["over_by"]) == (7, D("0.5"))  # as over_workweek says it


def test_a_row_of_travel_only_is_never_an_overlap(tmp_path: Path) -> None:
    # The travel row sits at midnight, inside a visit past midnight: it takes no time.
    path = tmp_path / "travel.csv"
    path.write_text("provider,recipient,date,start,end,travel_hours\n"
                    "P1,R1,2026-03-02,22:00,02:00,\nP1,,2026-03-03,,,1\n")  # fmt: skip
    body = as_json("timesheets", "check", str(path))
    assert body["visits"] == 2
    assert [f["kind"] for f in body["findings"]] == []


def test_months_over_authorized_and_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "month.csv"
    visits = "".join(f"P{d % 5},R1,2026-03-{d:02d},06:00,16:00\n" for d in range(1, 31))
    path.write_text("provider,recipient,date,start,end\n" + visits)
    body = as_json("timesheets", "check", str(path), "--authorized", "R1=250")
    kinds = {f["kind"]: f for f in body["findings"]}
    assert kinds["over_authorized"]["hours"] == 300
    assert kinds["over_monthly_cap"]["cap"] == 283


def test_pay_periods_split_a_workweek(tmp_path: Path) -> None:
    # The workweek of Sunday 2026-03-15 spans both pay periods: 15th in the first, 16th on in
    # the second; its hours count in full toward the workweek.
    path = tmp_path / "pp.csv"
    path.write_text("provider,recipient,date,start,end\n"
                    "P1,R1,2026-03-15,08:00,20:00\nP1,R1,2026-03-16,08:00,20:00\n"
                    "P1,R1,2026-03-17,08:00,20:00\nP1,R1,2026-03-18,08:00,14:00\n")  # fmt: skip
    body = as_json("timesheets", "check", str(path))
    # The 41st and 42nd hours of the week fall on the 18th: overtime in the second pay period.
    assert body["pay_periods"] == [
        {"provider": "P1", "recipient": "R1", "period": "2026-03 1st-15th", "hours": 12,
         "overtime_hours": 0},
        {"provider": "P1", "recipient": "R1", "period": "2026-03 16th-end", "hours": 30,
         "overtime_hours": 2},
    ]  # fmt: skip
    assert body["findings"] == []  # 42 hours, 2 of them overtime: information, not a finding
    assert body["workweeks"] == [
        {"provider": "P1", "week_starts": "2026-03-15", "hours": 42, "overtime_hours": 2}
    ]
    table = run("timesheets", "check", str(path), "--pay-periods", env={"COLUMNS": "120"})
    assert table.exit_code == 0
    assert "Hours by pay period" in table.stdout
    assert "Hours by workweek, and overtime (over 40)" in table.stdout


def test_names_are_shown_as_written_never_as_markup(tmp_path: Path) -> None:
    # rich would read "[/b]" as a closing tag (an error) and "[bold]" as a style.
    path = tmp_path / "brackets.csv"
    path.write_text("provider,recipient,date,start,end\n"
                    "[/b],[bold]R1,2026-03-02,08:00,12:00\n"
                    "P2,[bold]R1,2026-03-02,11:00,13:00\n")  # fmt: skip
    table = run("timesheets", "check", str(path), "--pay-periods", env={"COLUMNS": "160"})
    assert table.exit_code == 1, table.stderr
    assert "[/b]" in table.stdout
    assert table.stdout.count("[bold]R1") >= 3  # the overlap, and the pay-period rows


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("P1,R1,2026-03-02,25:00,26:00", "line 3: column 'start': '25:00' is not a time of day"),
        ("P1,R1,2026-03-02,nine,10:00", "line 3: column 'start': 'nine' is not a time"),
        ("P1,R1,2026-03-02,10:00,09:00", "line 3: column 'end': '09:00' is before the start, "
                                         "'10:00', and not past midnight"),
        ("P1,R1,2026-02-30,08:00,09:00", "line 3: column 'date': '2026-02-30' does not exist"),
        ("P1,R1,yesterday,08:00,09:00", "line 3: column 'date': 'yesterday' is not a date"),
        ("P1,R1,9999-12-31,08:00,09:00", "line 3: column 'date': '9999-12-31' is after the "
                                         "year 4000, the last ihss can check"),
        (",R1,2026-03-02,08:00,09:00", "line 3: column 'provider': is empty"),
        ("P1,R1,2026-03-02,08:00", "line 3: has 4 fields; the header has 5"),
    ],
)  # fmt: skip
def test_a_bad_row_is_reported_in_its_place(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("provider,recipient,date,start,end\nP1,R1,2026-03-02,08:00,09:00\n"
                    f"{row}\nP2,R1,2026-03-02,08:30,09:30\n")  # fmt: skip
    body = as_json("timesheets", "check", str(path))
    assert body["visits"] == 2  # the rows around it are checked
    kinds = [(f["kind"], f["rows"]) for f in body["findings"]]
    assert kinds == [("overlap_providers", [2, 4]), ("bad_row", [3])]
    (bad,) = [f for f in body["findings"] if f["kind"] == "bad_row"]
    assert bad["message"].startswith(message)
    assert run("timesheets", "check", str(path)).exit_code == 1


def test_unusable_input_exits_2(tmp_path: Path) -> None:
    twice = tmp_path / "twice.csv"
    twice.write_text("provider,recipient,date,start,end,Start\n")
    result = run("timesheets", "check", str(twice))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the header names the column 'start' twice" in result.stderr
    missing = tmp_path / "missing.csv"
    missing.write_text("provider,date\n")
    assert (
        "the header has no 'recipient', 'start', 'end' column"
        in run("timesheets", "check", str(missing)).stderr
    )


def test_am_pm_times() -> None:
    times = ("12:00 am", "12:30 pm", "9am", "9:15 PM", "23:59")
    assert [parse_time(t, "start") for t in times] == [0, 750, 540, 1275, 1439]
    with pytest.raises(RowProblem):
        parse_time("13:00 pm", "start")


def test_json_lines_and_csv_output(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"Provider": "P1", "recipient": "R1", "date": "3/2/2026", "start": "8:00",'
                    ' "end": "20:00"}\n[1]\n')  # fmt: skip
    body = as_json("timesheets", "check", str(path))
    assert body["visits"] == 1
    assert [f["kind"] for f in body["findings"]] == ["bad_row"]
    out = run("timesheets", "check", str(march(tmp_path)), "--output-format", "csv").stdout
    lines = out.splitlines()
    assert lines[0] == ("kind,severity,rows,message,rule,source,provider,recipient,period,hours,"
                        "overtime_hours,authorized_hours,left_hours")  # fmt: skip
    assert "month,,,,,,,R1,2026-03,46.00,,," in lines
    assert "pay_period,,,,,,P2,R2,2026-03 1st-15th,66.00,26.00,," in lines


def test_authorizations_file(tmp_path: Path) -> None:
    good = tmp_path / "auth.csv"
    good.write_text("recipient,hours\nR1,160\nR2,283\n")
    body = as_json("timesheets", "check", str(march(tmp_path)), "--authorizations", str(good))
    assert "over_recipient_weekly_max" in {f["kind"] for f in body["findings"]}
    latin = tmp_path / "latin.csv"
    latin.write_bytes("recipient,hours\nJos\xe9,100\n".encode("latin-1"))
    result = run("timesheets", "check", str(march(tmp_path)), "--authorizations", str(latin))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Invalid value for '--authorizations':" in result.stderr
    assert "is not UTF-8 text" in result.stderr


def test_visits_added_a_chunk_at_a_time_keep_their_order_and_names() -> None:
    from ihss_calc.rules.visits import Visit, Visits

    visits = Visits()
    rows = [(2, "P2", "R9", 10, 20, 0), (3, "P1", "R9", 15, 25, 0), (4, "P2", "", 30, 30, 5)]
    visits.extend(rows[:2])
    visits.extend(rows[2:])
    visits.extend([])
    assert list(visits) == [Visit(*row) for row in rows]
    assert visits.names == ["", "P2", "R9", "P1"]  # numbered in the order the rows give them
    assert visits.providers_named() == {"P1", "P2"}


visit_rows = st.lists(
    st.tuples(
        st.sampled_from(["P1", "P2", "P3"]),
        st.sampled_from(["R1", "R2", ""]),
        st.integers(0, 45 * 1440),  # start: minutes into the 45 days from 2026-02-25
        st.integers(1, 40 * 60),  # length, up to 40 hours: some past one or two midnights
        st.sampled_from([0, 0, 30, 90]),  # travel minutes
    ),
    max_size=40,
)


@given(visit_rows, st.sampled_from([14, 15]))
@settings(max_examples=200, deadline=None)
def test_totals_equal_minute_by_minute_sums(rows: list[Any], first_ends: int) -> None:
    """Every sum ``totals`` gives equals the one made the slow way: each visit cut at each
    midnight, each piece added to its provider's workweek, its recipient's month and so on."""
    import datetime as dt
    from collections import Counter

    from ihss_calc.rules.visits import DAY, Visits, totals

    origin = dt.date(2026, 2, 25).toordinal() * DAY
    visits = Visits()
    visits.extend([(i, p, r, origin + s, origin + s + n, t)
                   for i, (p, r, s, n, t) in enumerate(rows)])  # fmt: skip
    week, by_recipient, month, provider_month, pay, travel = (Counter[Any]() for _ in range(6))
    for p, r, s, n, t in rows:
        start = origin + s
        if t:
            travel[p, (start // DAY - 7) // 7] += t
        for minute in range(start, start + n):  # the slow way: minute by minute
            date = dt.date.fromordinal(minute // DAY)
            w, ym = (minute // DAY - 7) // 7, (date.year, date.month)
            week[p, w] += 1
            by_recipient[p, r, w] += 1
            month[r, ym] += 1
            provider_month[p, ym] += 1
            pay[p, r, (*ym, 1 if date.day <= first_ends else 2)] += 1
    t = totals(visits, first_ends)
    assert dict(t.weeks()) == week
    assert dict(t.weeks_by_recipient({"R1", "R2"})) == {k: v for k, v in by_recipient.items()
                                                        if k[1]}  # fmt: skip
    assert dict(t.months()) == month
    assert dict(t.provider_months()) == provider_month
    assert dict(t.pay_periods()) == pay
    assert dict(t.travel_weeks()) == travel
