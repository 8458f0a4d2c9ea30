"""Output of ``ihss hours`` and ``ihss timesheets check``: words, JSON objects, tables, CSV."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from json.encoder import encode_basestring as _string
from typing import IO, Any

from ihss_calc.amounts import money_text
from ihss_calc.jsonout import figure_dict, rates_ref
from ihss_calc.rates import Rates
from ihss_calc.rules.hours import CATEGORIES, Authorization, hours_and_minutes
from ihss_calc.rules.timesheets import Finding
from ihss_calc.rules.visits import Totals, hours, week_start


def hours_lines(a: Authorization, rates: Rates) -> list[str]:
    lines = []
    if a.monthly_from_weekly:
        severe = a.severe_weekly
        lines.append(
            f"{'Severely impaired' if a.severely_impaired else 'Not severely impaired'}: "
            f"{severe} hours a week of personal care, meal preparation, meal clean-up and "
            f"paramedical services ({'at least' if a.severely_impaired else 'under'} "
            f"{a.threshold.value}; MPP 30-753)."
        )
        weekly = sum(a.weekly.values())
        lines.append(
            f"Authorized: {weekly} hours a week, {hours_and_minutes(a.monthly)} a month "
            "(× 52 ÷ 12; how the county rounds monthly hours was not found)."
        )
    else:
        which = "Severely impaired" if a.severely_impaired else "Not severely impaired"
        lines.append(f"{which} (as given); authorized {hours_and_minutes(a.monthly)} a month.")
    if a.over_cap:
        lines.append(f"Over the monthly cap of {a.cap.value} hours by "
                     f"{hours_and_minutes(a.over_cap)} ({a.cap.label}; MPP 30-765).")  # fmt: skip
    else:
        lines.append(f"Within the monthly cap of {a.cap.value} hours ({a.cap.label}; MPP 30-765).")
    lines.append(
        "Advance pay is open to you (severely impaired; MPP 30-769.731)."
        if a.advance_pay
        else "Advance pay is not open: it is for severely impaired recipients (MPP 30-769.731)."
    )
    most = hours_and_minutes(a.provider_weekly_max)
    lines.append(f"Each provider's weekly maximum for you: {most} (monthly ÷ {a.divisor.value}; "
                 "CDSS SOC 846).")  # fmt: skip
    lines.append(f"Figures from {rates.origin}; see 'ihss rates' for their sources.")
    return lines


def hours_dict(a: Authorization, rates: Rates) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "weekly": {
            k: {
                "hours": v,
                "label": CATEGORIES[k][0],
                "counts_for_severely_impaired": CATEGORIES[k][1],
            }
            for k, v in a.weekly.items()
        },
        "severe_weekly_hours": a.severe_weekly,
        "monthly_hours": a.monthly,
        "monthly": hours_and_minutes(a.monthly),
        "monthly_from_weekly": a.monthly_from_weekly,
        "severely_impaired": a.severely_impaired,
        "monthly_cap": a.cap.value,
        "over_cap_hours": a.over_cap,
        "advance_pay": a.advance_pay,
        "provider_weekly_max_hours": a.provider_weekly_max,
        "provider_weekly_max": hours_and_minutes(a.provider_weekly_max),
        "figures": [figure_dict(f) for f in (a.threshold, a.cap, a.divisor)],
        "rates": rates_ref(rates),
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {"kind": f.kind, "severity": f.severity, "rows": list(f.rows), "message": f.message,
            "rule": f.rule, "source": f.source, **f.figures}  # fmt: skip


def pay_periods(t: Totals) -> Iterator[dict[str, Any]]:
    """Each provider's hours for each recipient in each pay period, one at a time."""
    for (p, r, (y, m, half)), minutes in t.pay_periods():
        if r:
            period = f"{y}-{m:02d} {'1st-15th' if half == 1 else '16th-end'}"
            yield {"provider": p, "recipient": r, "period": period, "hours": hours(minutes)}


def workweeks(t: Totals, overtime_after: Decimal) -> Iterator[dict[str, Any]]:
    """Each provider's hours in each workweek, and the overtime in it, one at a time."""
    for (provider, week), minutes in t.weeks():
        worked = hours(minutes)
        overtime = worked - overtime_after if worked > overtime_after else Decimal(0)
        yield {"provider": provider, "week_starts": week_start(week).isoformat(),
               "hours": worked, "overtime_hours": overtime}  # fmt: skip


def _flat(row: dict[str, Any]) -> str:
    """A summary row of strings and Decimals as a JSON object: tens of thousands of them, so
    written directly rather than through the general ``dumps``."""
    members = (f"{_string(k)}: {_string(v) if isinstance(v, str) else money_text(v)}"
               for k, v in row.items())  # fmt: skip
    return "{" + ", ".join(members) + "}"


def write_check_json(out: IO[str], findings: list[Finding], t: Totals, visits: int,
                     rates: Rates, warnings: list[str]) -> None:  # fmt: skip
    """One JSON object, written a finding and a pay period at a time: a county's month has
    tens of thousands of each, and the whole document in memory would double the peak."""
    from ihss_calc.jsonout import dumps

    out.write(f'{{\n  "schema_version": 1,\n  "visits": {visits},\n  "findings": [')
    for n, f in enumerate(findings):
        out.write(("," if n else "") + "\n    " + dumps(_finding(f), indent=None))
    out.write("\n  ]," if findings else "],")
    after = rates.hours["overtime_after"].value
    for name, rows in (("workweeks", workweeks(t, after)), ("pay_periods", pay_periods(t))):
        out.write(f'\n  "{name}": [')
        n = 0
        for n, row in enumerate(rows, start=1):
            out.write(("," if n > 1 else "") + "\n    " + _flat(row))
        out.write("\n  ]," if n else "],")
    out.write(f'\n  "rates": {dumps(rates_ref(rates), indent=None)},\n'
              f'  "warnings": {dumps(warnings, indent=None)}\n}}\n')  # fmt: skip


CSV_FIELDS = ("kind", "severity", "rows", "message", "rule", "source")


def write_findings_csv(findings: list[Finding], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for f in findings:
        writer.writerow([f.kind, f.severity, " ".join(map(str, f.rows)), f.message, f.rule,
                         f.source])  # fmt: skip


TITLES = {
    "bad_row": "Rows that cannot be read",
    "overlap_providers": "Two providers for one recipient at the same time (warnings)",
    "overlap_recipients": "One provider with two recipients at the same time (warnings)",
    "over_workweek": "Workweeks over the provider's limit (violations)",
    "over_recipient_weekly_max": "Over a recipient's weekly maximum (warnings)",
    "over_travel": "Travel over 7 hours a week (violations)",
    "over_authorized": "Months over the hours authorized (violations)",
    "over_monthly_cap": "Months over the monthly cap (violations)",
    "over_exempt_month": "Months over 360 hours with an exemption (violations)",
}


def findings_tables(
    findings: list[Finding], t: Totals, visits: int, rates: Rates, *, periods: bool
) -> None:
    from rich.table import Table
    from rich.text import Text

    from ihss_calc.render import console

    out = console()
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_kind[f.kind].append(f)
    if not by_kind:
        out.print(Text(f"{visits:,} visits checked: nothing found.", style="bold"))
    for kind, items in sorted(by_kind.items(), key=lambda kv: list(TITLES).index(kv[0])):
        table = Table(title=TITLES[kind], title_justify="left")
        table.add_column("Rows", no_wrap=True)
        table.add_column("Finding")
        table.add_column("Rule · source", style="dim")
        for f in items:
            shown = ", ".join(map(str, f.rows[:12])) + (" …" if len(f.rows) > 12 else "")
            table.add_row(shown, f.message, f"{f.rule} · {f.source}")
        out.print(table)
    if periods:
        table = Table(title="Hours by workweek, and overtime (over 40)", title_justify="left")
        for name in ("Provider", "Workweek of", "Hours", "Overtime"):
            table.add_column(name, justify="right" if name in {"Hours", "Overtime"} else "left")
        for week in workweeks(t, rates.hours["overtime_after"].value):
            table.add_row(week["provider"], week["week_starts"], str(week["hours"]),
                          str(week["overtime_hours"]))  # fmt: skip
        out.print(table)
        table = Table(title="Hours by pay period", title_justify="left")
        for name in ("Provider", "Recipient", "Pay period", "Hours"):
            table.add_column(name, justify="right" if name == "Hours" else "left")
        for row in pay_periods(t):
            table.add_row(row["provider"], row["recipient"], row["period"], str(row["hours"]))
        out.print(table)
