"""What ``ihss timesheets check`` says first, for the person who approves the timesheets: the
verdict (how many things to look at, by kind and severity), which timesheet to fix before
approving it, and each recipient's hours used and left. The same sentences in the table, the
JSON and the CSV."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from ihss_calc.i18n import _, ngettext
from ihss_calc.rates import Rates
from ihss_calc.rules.hours import hours_and_minutes
from ihss_calc.rules.hours_used import KIND_ORDER, MonthUse, ToFix
from ihss_calc.rules.timesheets import Finding

# Each kind's figure in its words ({limit}), from the rates file's [hours].
LIMITS = {"over_workweek": "provider_weekly_max", "over_travel": "travel_weekly_max",
          "over_exempt_month": "provider_monthly_max_exempt"}  # fmt: skip


def kind_words(kind: str, n: int) -> str:
    """A count of findings of one kind, with its severity, in words ({n} and {limit} left to
    fill). The calls are spelled out so that the catalog's extractor finds each pair."""
    words = {
        "bad_row": lambda: ngettext("{n} row that cannot be read (an error)",
                                    "{n} rows that cannot be read (errors)", n),
        "overlap_providers": lambda: ngettext(
            "{n} overlap of two providers to check (a warning)",
            "{n} overlaps of two providers to check (warnings)", n),
        "overlap_recipients": lambda: ngettext(
            "{n} overlap of one provider's two recipients to check (a warning)",
            "{n} overlaps of one provider's two recipients to check (warnings)", n),
        "over_workweek": lambda: ngettext(
            "{n} workweek over the provider's limit of {limit} hours (a violation)",
            "{n} workweeks over the provider's limit of {limit} hours (violations)", n),
        "over_recipient_weekly_max": lambda: ngettext(
            "{n} workweek over a recipient's weekly maximum (a warning)",
            "{n} workweeks over a recipient's weekly maximum (warnings)", n),
        "over_travel": lambda: ngettext(
            "{n} workweek with travel over {limit} hours (a violation)",
            "{n} workweeks with travel over {limit} hours (violations)", n),
        "over_authorized": lambda: ngettext(
            "{n} month over its authorized hours (a violation)",
            "{n} months over their authorized hours (violations)", n),
        "over_monthly_cap": lambda: ngettext(
            "{n} month over the monthly cap (a violation)",
            "{n} months over the monthly cap (violations)", n),
        "over_exempt_month": lambda: ngettext(
            "{n} month over {limit} hours with an exemption (a violation)",
            "{n} months over {limit} hours with an exemption (violations)", n),
    }  # fmt: skip
    return words[kind]()


def _kinds(counts: Counter[str], rates: Rates) -> list[str]:
    said = []
    for kind in KIND_ORDER:
        n = counts.get(kind, 0)
        if n:
            figure = LIMITS.get(kind)
            limit = rates.hours[figure].value if figure else ""
            said.append(kind_words(kind, n).format(n=f"{n:,}", limit=limit))
    return said


def verdict(findings: list[Finding], visits: int, rates: Rates) -> str:
    """ "3 things to look at in 45 visits: 1 overlap … (a warning), …"; or nothing found."""
    if not findings:
        none = ngettext("{n} visit checked: nothing found.", "{n} visits checked: nothing found.",
                        visits)  # fmt: skip
        return none.format(n=f"{visits:,}")
    checked = ngettext("{n} visit", "{n} visits", visits).format(n=f"{visits:,}")
    n = len(findings)
    head = ngettext("{n} thing to look at in {visits}: {kinds}.",
                    "{n} things to look at in {visits}: {kinds}.", n)  # fmt: skip
    kinds = ", ".join(_kinds(Counter(f.kind for f in findings), rates))
    return head.format(n=f"{n:,}", visits=checked, kinds=kinds)


def period_text(when: tuple[int, int, int]) -> str:
    """A pay period as people say it: 2026-03 1st-15th."""
    year, month, half = when
    return f"{year:04d}-{month:02d} " + (_("1st-15th") if half == 1 else _("16th-end"))


def to_fix_line(sheet: ToFix, rates: Rates) -> str:
    """ "P2's timesheet for R1, 2026-03 1st-15th (rows 8-14): 1 workweek over …"."""
    shown = ", ".join(map(str, sheet.rows[:12])) + (" …" if len(sheet.rows) > 12 else "")
    said = "; ".join(_kinds(Counter(sheet.kinds), rates))
    rows = ngettext("row {rows}", "rows {rows}", len(sheet.rows)).format(rows=shown)
    if sheet.recipient:
        line = _("{provider}'s timesheet for {recipient}, {period} ({rows}): {found}")
    else:
        line = _("{provider}'s travel, {period} ({rows}): {found}")
    return line.format(provider=sheet.provider, recipient=sheet.recipient,
                       period=period_text(sheet.period), rows=rows, found=said)  # fmt: skip


def left_text(use: MonthUse) -> str:
    """Hours left in words: "114 h 00 min", "36 h 00 min over", or "" without authorized."""
    if use.left is None:
        return ""
    if use.left < 0:
        return _("{hours} over").format(hours=hours_and_minutes(-use.left))
    return hours_and_minutes(use.left)


def month_label(use: MonthUse) -> str:
    """The month, and with --as-of how far the claims are counted."""
    if use.as_of is None:
        return use.month
    days = ngettext("{n} day left", "{n} days left", use.days_left or 0).format(
        n=use.days_left or 0
    )
    return _("{month} (through {date}; {days})").format(
        month=use.month, date=use.as_of.isoformat(), days=days
    )


def hm(hours: Decimal | None) -> str:
    return "" if hours is None else hours_and_minutes(hours)
