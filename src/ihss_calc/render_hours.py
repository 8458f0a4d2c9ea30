"""Output of ``ihss hours`` and ``ihss timesheets check``: words, JSON objects, tables, CSV."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from json.encoder import encode_basestring as _string
from typing import IO, TYPE_CHECKING, Any

from ihss_calc.amounts import money_text
from ihss_calc.i18n import N_, _
from ihss_calc.jsonout import figure_dict, rates_ref
from ihss_calc.rates import Rates, origin_text
from ihss_calc.rules.hours import CATEGORIES, Authorization, hours_and_minutes
from ihss_calc.rules.hours_used import MonthUse, ToFix
from ihss_calc.rules.timesheets import Finding
from ihss_calc.rules.visits import Totals, hours, overtime_hours, week_start
from ihss_calc.timesheet_words import left_text, month_label, to_fix_line, verdict

if TYPE_CHECKING:
    from ihss_calc.api import TimesheetCheck


def hours_lines(a: Authorization, rates: Rates) -> list[str]:
    lines = []
    monthly = hours_and_minutes(a.monthly)
    if a.monthly_from_weekly:
        line = (
            _(
                "Severely impaired: {hours} hours a week of personal care, meal preparation, "
                "meal clean-up and paramedical services (at least {threshold}; MPP 30-753)."
            )
            if a.severely_impaired
            else _(
                "Not severely impaired: {hours} hours a week of personal care, meal "
                "preparation, meal clean-up and paramedical services (under {threshold}; MPP "
                "30-753)."
            )
        )
        lines.append(line.format(hours=a.severe_weekly, threshold=a.threshold.value))
        lines.append(
            _(
                "Authorized: {weekly} hours a week, {monthly} a month (× 52 ÷ 12; how the county "
                "rounds monthly hours was not found)."
            ).format(weekly=sum(a.weekly.values()), monthly=monthly)
        )
    else:
        line = (
            _("Severely impaired (as given); authorized {monthly} a month.")
            if a.severely_impaired
            else _("Not severely impaired (as given); authorized {monthly} a month.")
        )
        lines.append(line.format(monthly=monthly))
    cap = {"cap": a.cap.value, "label": _(a.cap.label), "over": hours_and_minutes(a.over_cap)}
    if a.over_cap:
        lines.append(_("Over the monthly cap of {cap} hours by {over} ({label}; MPP 30-765).")
                     .format(**cap))  # fmt: skip
    else:
        lines.append(
            _("Within the monthly cap of {cap} hours ({label}; MPP 30-765).").format(**cap)
        )
    lines.append(
        _("Advance pay is open to you (severely impaired; MPP 30-769.731).")
        if a.advance_pay
        else _("Advance pay is not open: it is for severely impaired recipients (MPP 30-769.731).")
    )
    most = hours_and_minutes(a.provider_weekly_max)
    lines.append(_("Each provider's weekly maximum for you: {most} (monthly ÷ {divisor}; CDSS "
                   "SOC 846).").format(most=most, divisor=a.divisor.value))  # fmt: skip
    lines.append(_("Figures from {origin}; see 'ihss rates' for their sources.").format(
        origin=origin_text(rates)))  # fmt: skip
    return lines


def hours_dict(a: Authorization, rates: Rates) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "weekly": {
            k: {
                "hours": v,
                "label": _(CATEGORIES[k][0]),
                "counts_for_severely_impaired": CATEGORIES[k][1],
            }
            for k, v in a.weekly.items()
        },
        "severe_weekly_hours": a.severe_weekly,
        "monthly_hours": _hundredths(a.monthly),
        "monthly_minutes": _minutes(a.monthly),
        "monthly": hours_and_minutes(a.monthly),
        "monthly_from_weekly": a.monthly_from_weekly,
        "severely_impaired": a.severely_impaired,
        "monthly_cap": a.cap.value,
        "over_cap_hours": a.over_cap,
        "advance_pay": a.advance_pay,
        "provider_weekly_max_hours": _hundredths(a.provider_weekly_max),
        "provider_weekly_max_minutes": _minutes(a.provider_weekly_max),
        "provider_weekly_max": hours_and_minutes(a.provider_weekly_max),
        "hours_rounding": "monthly_hours and provider_weekly_max_hours: to 0.01 hour, half up; "
        "the _minutes fields are exact",
        "figures": [figure_dict(f) for f in (a.threshold, a.cap, a.divisor)],
        "rates": rates_ref(rates),
    }


def _hundredths(hours: Decimal) -> Decimal:
    """Hours to 0.01, half up: weekly × 52 ÷ 12 never ends (93.1666…)."""
    return hours.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _minutes(hours: Decimal) -> Decimal:
    """The same hours as minutes, exact. Weekly hours are given in hundredths, so a month's
    minutes (× 52 ÷ 12 × 60 = × 260) and a provider's week (÷ 4) end within four decimals:
    rounding the computed value there gives the exact number back, without trailing zeros."""
    minutes = (hours * 60).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    integral = minutes.to_integral_value()
    return integral.quantize(Decimal(1)) if minutes == integral else minutes.normalize()


def _finding(f: Finding) -> dict[str, Any]:
    return {"kind": f.kind, "severity": f.severity, "rows": list(f.rows), "message": f.message,
            "rule": f.rule, "source": f.source, **f.figures}  # fmt: skip


def _period(when: tuple[int, int, int]) -> str:
    """A pay period as the JSON writes it: 2026-03 1st-15th."""
    year, month, half = when
    return f"{year:04d}-{month:02d} {HALVES[half]}"


class _Texts(dict[Any, str]):
    """Texts made once per distinct key: a county's month has a hundred thousand workweeks
    and pay periods, but few distinct numbers of minutes, weeks and months (benchmarks/
    timesheets.py: the JSON summaries in a third of the time)."""

    def __init__(self, make: Callable[[Any], str]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> str:
        text = self[key] = self._make(key)
        return text


def _workweek_objects(t: Totals, overtime_after: Decimal) -> Iterator[str]:
    """``workweeks`` as JSON objects, one at a time."""
    name = _Texts(_string)
    week = _Texts(lambda w: _string(week_start(w).isoformat()))
    worked = _Texts(lambda minutes: money_text(hours(minutes)))
    over = _Texts(lambda minutes: money_text(overtime_hours(hours(minutes), overtime_after)))
    for (provider, w), minutes in t.weeks():
        yield (f'{{"provider": {name[provider]}, "week_starts": {week[w]}, '
               f'"hours": {worked[minutes]}, "overtime_hours": {over[minutes]}}}')  # fmt: skip


def _pay_period_objects(t: Totals) -> Iterator[str]:
    """``pay_periods`` as JSON objects, one at a time: a timesheet's hours, and how many of
    them are overtime (the provider's hours over 40 in a workweek, in time order)."""
    name = _Texts(_string)
    period = _Texts(lambda when: _string(_period(when)))
    worked = _Texts(lambda minutes: money_text(hours(minutes)))
    for (p, r, when), minutes, over in t.pay_period_overtime():
        if r:
            yield (f'{{"provider": {name[p]}, "recipient": {name[r]}, "period": {period[when]}, '
                   f'"hours": {worked[minutes]}, "overtime_hours": {worked[over]}}}')  # fmt: skip


def _month_objects(uses: list[MonthUse]) -> Iterator[str]:
    """``months`` as JSON objects, one at a time (a county's month has tens of thousands)."""
    number = _Texts(lambda value: "null" if value is None else money_text(value))
    for use in uses:
        as_of = "null" if use.as_of is None else f'"{use.as_of.isoformat()}"'
        days = "null" if use.days_left is None else str(use.days_left)
        yield (f'{{"recipient": {_string(use.recipient)}, "month": "{use.month}", '
               f'"claimed_hours": {number[use.claimed]}, '
               f'"authorized_hours": {number[use.authorized]}, "left_hours": {number[use.left]}, '
               f'"as_of": {as_of}, "days_left": {days}}}')  # fmt: skip


def _to_fix_dict(sheet: ToFix, rates: Rates) -> dict[str, Any]:
    return {"provider": sheet.provider, "recipient": sheet.recipient or None,
            "period": _period(sheet.period), "kinds": list(sheet.kinds), "rows": list(sheet.rows),
            "message": to_fix_line(sheet, rates)}  # fmt: skip


def write_check_json(out: IO[str], report: TimesheetCheck, rates: Rates,
                     warnings: list[str]) -> None:  # fmt: skip
    """One JSON object, written a finding and a pay period at a time: a county's month has
    tens of thousands of each, and the whole document in memory would double the peak."""
    from ihss_calc.jsonout import dumps

    findings, t = report.findings, report.totals
    said = verdict(findings, report.visits, rates)
    out.write(f'{{\n  "schema_version": 1,\n  "visits": {report.visits},\n'
              f'  "summary": {_string(said)},\n  "findings": [')  # fmt: skip
    for n, f in enumerate(findings):
        out.write(("," if n else "") + "\n    " + dumps(_finding(f), indent=None))
    out.write("\n  ]," if findings else "],")
    after = rates.hours["overtime_after"].value
    for name, rows in (("to_fix", (dumps(_to_fix_dict(x, rates), indent=None)
                                   for x in report.to_fix)),
                       ("months", _month_objects(report.months)),
                       ("workweeks", _workweek_objects(t, after)),
                       ("pay_periods", _pay_period_objects(t))):  # fmt: skip
        out.write(f'\n  "{name}": [')
        rows_left, written = iter(rows), False
        # A thousand rows a write: a write a row cost a tenth of the whole output
        while block := ",\n    ".join(islice(rows_left, 1000)):
            out.write(("," if written else "") + "\n    " + block)
            written = True
        out.write("\n  ]," if written else "],")
    out.write(f'\n  "rates": {dumps(rates_ref(rates), indent=None)},\n'
              f'  "warnings": {dumps(warnings, indent=None)}\n}}\n')  # fmt: skip


CSV_FIELDS = ("kind", "severity", "rows", "message", "rule", "source", "provider", "recipient",
              "period", "hours", "overtime_hours", "authorized_hours", "left_hours")  # fmt: skip


def write_findings_csv(report: TimesheetCheck, out: IO[str]) -> None:
    """One row a finding; then one row a recipient's month (kind ``month``: hours claimed,
    authorized, left) and one a timesheet's pay period (kind ``pay_period``: hours and overtime
    hours), so that a spreadsheet has the whole check."""
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for f in report.findings:
        figures = f.figures
        writer.writerow([f.kind, f.severity, " ".join(map(str, f.rows)), f.message, f.rule,
                         f.source, figures.get("provider", ""), figures.get("recipient", ""),
                         figures.get("month", figures.get("week_starts", "")),
                         _csv_number(figures.get("hours")), _csv_number(
                             figures.get("overtime_hours")),
                         _csv_number(figures.get("authorized")), ""])  # fmt: skip
    for m in report.months:
        writer.writerow(["month", "", "", "", "", "", "", m.recipient, m.month,
                         money_text(m.claimed), "", _csv_number(m.authorized),
                         _csv_number(m.left)])  # fmt: skip
    for (p, r, when), minutes, over in report.totals.pay_period_overtime():
        if r:
            worked, overtime = money_text(hours(minutes)), money_text(hours(over))
            writer.writerow(["pay_period", "", "", "", "", "", p, r, _period(when), worked,
                             overtime, "", ""])  # fmt: skip


def _csv_number(value: object) -> str:
    return money_text(value) if isinstance(value, Decimal) else ""


# The pay periods' halves as the JSON and CSV write them (codes), and as a table says them.
HALVES = {1: N_("1st-15th"), 2: N_("16th-end")}

# A table's title per finding kind; {limit} is the rates file's figure.
TITLES = {
    "bad_row": (N_("Rows that cannot be read"), None),
    "overlap_providers": (N_("Two providers for one recipient at the same time (warnings)"), None),
    "overlap_recipients": (N_("One provider with two recipients at the same time (warnings)"),
                           None),
    "over_workweek": (N_("Workweeks over the provider's limit (violations)"), None),
    "over_recipient_weekly_max": (N_("Over a recipient's weekly maximum (warnings)"), None),
    "over_travel": (N_("Travel over {limit} hours a week (violations)"), "travel_weekly_max"),
    "over_authorized": (N_("Months over the hours authorized (violations)"), None),
    "over_monthly_cap": (N_("Months over the monthly cap (violations)"), None),
    "over_exempt_month": (N_("Months over {limit} hours with an exemption (violations)"),
                          "provider_monthly_max_exempt"),
}  # fmt: skip


def _title(kind: str, rates: Rates) -> str:
    title, figure = TITLES[kind]
    return _(title).format(limit=rates.hours[figure].value if figure else "")


def findings_tables(report: TimesheetCheck, rates: Rates, *, periods: bool) -> None:
    """The verdict first, then which timesheets to fix before approving them, then a table per
    kind of finding, then each recipient's hours used and left (and, asked, the workweeks and
    pay periods)."""
    from rich.text import Text

    from ihss_calc.render import console, titled_table

    findings, t = report.findings, report.totals
    out = console()
    by_kind: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_kind[f.kind].append(f)
    out.print(Text(verdict(findings, report.visits, rates), style="bold"), soft_wrap=False)
    if report.to_fix:
        out.print(Text(_("Before approving, fix these timesheets:")))
        for sheet in report.to_fix:
            out.print(Text("- " + to_fix_line(sheet, rates)))
    for kind, items in sorted(by_kind.items(), key=lambda kv: list(TITLES).index(kv[0])):
        table = titled_table(_title(kind, rates))
        table.add_column(Text(_("Rows")), no_wrap=True)
        table.add_column(Text(_("Finding")))
        table.add_column(Text(_("Rule · source")), style="dim")
        for f in items:
            shown = ", ".join(map(str, f.rows[:12])) + (" …" if len(f.rows) > 12 else "")
            # Text, not markup: a provider named "[/b]" is shown as written
            table.add_row(Text(shown), Text(f.message), Text(f"{f.rule} · {f.source}"))
        out.print(table)
    if report.months:
        table = titled_table(_("Hours used and left, by recipient and month"))
        for name, right in ((N_("Recipient"), False), (N_("Month"), False),
                            (N_("Claimed"), True), (N_("Authorized"), True),
                            (N_("Left"), True)):  # fmt: skip
            table.add_column(Text(_(name)), justify="right" if right else "left")
        for use in report.months:
            table.add_row(Text(use.recipient), Text(month_label(use)),
                          Text(hours_and_minutes(use.claimed)),
                          Text("" if use.authorized is None else hours_and_minutes(
                              use.authorized)), Text(left_text(use)))  # fmt: skip
        out.print(table)
    if periods:
        after = rates.hours["overtime_after"].value
        title = _("Hours by workweek, and overtime (over {limit})").format(limit=after)
        table = titled_table(title)
        for name, right in ((N_("Provider"), False), (N_("Workweek of"), False),
                            (N_("Hours"), True), (N_("Overtime"), True)):  # fmt: skip
            table.add_column(Text(_(name)), justify="right" if right else "left")
        for (provider, week), minutes in t.weeks():
            worked = hours(minutes)
            table.add_row(Text(provider), Text(week_start(week).isoformat()), Text(str(worked)),
                          Text(str(overtime_hours(worked, after))))  # fmt: skip
        out.print(table)
        table = titled_table(_("Hours by pay period"))
        for name, right in ((N_("Provider"), False), (N_("Recipient"), False),
                            (N_("Pay period"), False), (N_("Hours"), True),
                            (N_("Overtime"), True)):  # fmt: skip
            table.add_column(Text(_(name)), justify="right" if right else "left")
        for (provider, recipient, (year, month, half)), minutes, over in t.pay_period_overtime():
            if recipient:  # a row of travel only is in no recipient's pay period
                period = f"{year:04d}-{month:02d} {_(HALVES[half])}"
                table.add_row(Text(provider), Text(recipient), Text(period),
                              Text(str(hours(minutes))), Text(str(hours(over))))  # fmt: skip
        out.print(table)
