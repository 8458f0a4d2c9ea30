"""``ihss timesheets plan``'s output: what the plan says first, the week-by-week table, the JSON
object, and the fill-in CSV of visits that ``ihss timesheets check`` reads."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import IO, Any

from ihss_calc.i18n import _
from ihss_calc.jsonout import figure_dict, rates_ref
from ihss_calc.rates import Rates
from ihss_calc.rules.hours import hours_and_minutes
from ihss_calc.rules.plan import Plan

TEMPLATE_FIELDS = ("provider", "recipient", "date", "start", "end")


def hours(minutes: int) -> Decimal:
    return Decimal(minutes) / 60


def hm(minutes: int) -> str:
    return hours_and_minutes(hours(minutes))


def plan_lines(plan: Plan) -> list[str]:
    """What the plan says, in order: whether it fits, the limits, each provider's month."""
    month = f"{plan.year:04d}-{plan.month:02d}"
    placed = plan.authorized_minutes - plan.unplaced
    lines = []
    if plan.unplaced:
        lines.append(_("{unplaced} of the {authorized} authorized for {recipient} in {month} "
                       "cannot be placed: every provider is at a limit in every week (the weekly "
                       "maximum for {recipient}, or {limit} hours a week with their other work). "
                       "Another provider, or fewer other hours, would make room.").format(
            unplaced=hm(plan.unplaced), authorized=hm(plan.authorized_minutes),
            recipient=plan.recipient, month=month,
            limit=plan.providers[0].weekly_limit.value))  # fmt: skip
    else:
        lines.append(_("All {authorized} authorized for {recipient} in {month} are placed.").format(
            authorized=hm(placed), recipient=plan.recipient, month=month))  # fmt: skip
    if plan.authorized * 60 > plan.authorized_minutes:
        lines.append(_("Planned in whole minutes: {minutes} minutes of the {hours} hours "
                       "authorized.").format(minutes=plan.authorized_minutes,
                                             hours=f"{plan.authorized.normalize():f}"))  # fmt: skip
    overtime = [p for p in plan.providers if p.overtime]
    if overtime:
        lines.append(_("Not without overtime: {who}. Overtime (hours over {after} a week with "
                       "their other work) is paid 1.5 times, and a recipient may not make more of "
                       "it than usual (ACL 16-36).").format(
            who=", ".join(_("{provider} {hours} of overtime").format(provider=p.name,
                                                                   hours=hm(p.overtime))
                          for p in overtime),
            after=plan.overtime_after.value))  # fmt: skip
    elif placed:
        lines.append(_("No provider passes {after} hours in any workweek, with their other work: "
                       "no overtime.").format(after=plan.overtime_after.value))  # fmt: skip
    most = plan.providers[0].recipient_max
    lines.append(_("Each provider at most {most} a workweek for {recipient} ({authorized} ÷ "
                   "{divisor}; CDSS SOC 846).").format(
        most=hm(most), recipient=plan.recipient, authorized=f"{plan.authorized.normalize():f}",
        divisor=plan.divisor.value))  # fmt: skip
    for p in plan.providers:
        other = (_(", besides {hours} a week for others").format(hours=hours_and_minutes(
            p.other_weekly)) if p.other_weekly else "")  # fmt: skip
        lines.append(_("{provider}: {hours} in the month{other}.").format(
            provider=p.name, hours=hm(p.minutes), other=other))  # fmt: skip
    return lines


def plan_table(plan: Plan) -> None:
    from rich.text import Text

    from ihss_calc.render import console, titled_table

    out = console()
    for line in plan_lines(plan):
        out.print(Text(line))
    table = titled_table(_("Hours by workweek, {recipient}, {month}").format(
        recipient=plan.recipient, month=f"{plan.year:04d}-{plan.month:02d}"))  # fmt: skip
    table.add_column(Text(_("Workweek of")))
    table.add_column(Text(_("Days in the month")), justify="right")
    for p in plan.providers:
        table.add_column(Text(p.name), justify="right")
    table.add_column(Text(_("Total")), justify="right")
    for week in plan.weeks:
        cells = [hm(m) + (" " + _("({hours} overtime)").format(hours=hm(o)) if o else "")
                 for m, o in zip(week.minutes, week.overtime, strict=True)]  # fmt: skip
        table.add_row(Text(week.starts.isoformat()), Text(str(len(week.days))),
                      *map(Text, cells), Text(hm(sum(week.minutes))))  # fmt: skip
    out.print(table)


def plan_dict(plan: Plan, rates: Rates, warnings: list[str]) -> dict[str, Any]:
    names = [p.name for p in plan.providers]
    return {
        "schema_version": 1,
        "month": f"{plan.year:04d}-{plan.month:02d}",
        "recipient": plan.recipient,
        "authorized_hours": plan.authorized,
        "placed_hours": hours(plan.authorized_minutes - plan.unplaced),
        "unplaced_hours": hours(plan.unplaced),
        "fits": not plan.unplaced,
        "overtime": any(p.overtime for p in plan.providers),
        "providers": [{
            "provider": p.name,
            "other_weekly_hours": p.other_weekly,
            "weekly_limit": p.weekly_limit.value,
            "weekly_max_for_recipient": hours(p.recipient_max),
            "hours": hours(p.minutes),
            "overtime_hours": hours(p.overtime),
        } for p in plan.providers],
        "weeks": [{
            "week_starts": w.starts.isoformat(),
            "days_in_month": len(w.days),
            "hours": {n: hours(m) for n, m in zip(names, w.minutes, strict=True)},
            "overtime_hours": {n: hours(o) for n, o in zip(names, w.overtime, strict=True)},
            "total_hours": hours(sum(w.minutes)),
        } for w in plan.weeks],
        "visits": [{"provider": v.provider, "recipient": plan.recipient,
                    "date": v.date.isoformat(), "start": _clock(v.start), "end": _clock(v.end),
                    "hours": hours(v.end - v.start)} for v in plan.visits],
        "summary": plan_lines(plan),
        "figures": [figure_dict(f) for f in (plan.divisor, plan.overtime_after,
                                             *dict.fromkeys(p.weekly_limit
                                                            for p in plan.providers))],
        "rates": rates_ref(rates),
        "warnings": warnings,
    }  # fmt: skip


def _clock(minutes: int) -> str:
    """A time of day as the visits file writes it; midnight at the end of the day is 00:00
    (an end before the start is past midnight, as ``timesheets check`` reads it)."""
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def write_template(plan: Plan, out: IO[str]) -> None:
    """One row a planned visit day, with the columns ``ihss timesheets check`` reads."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TEMPLATE_FIELDS)
    for v in plan.visits:
        writer.writerow([v.provider, plan.recipient, v.date.isoformat(), _clock(v.start),
                         _clock(v.end)])  # fmt: skip
