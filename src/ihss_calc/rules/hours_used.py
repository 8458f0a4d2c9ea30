"""Hours used and left (docs/rules.md §10), the question a recipient asks every two weeks:
per recipient and month, hours claimed against authorized; per provider and pay period, the
hours claimed and how many are overtime; and which timesheet a finding is on. Pure.

Overtime is a provider's hours over 40 in a workweek, across recipients, taken in time order:
the 41st hour of a week is overtime in whichever visit and pay period it falls (a workweek that
spans two pay periods counts in full toward the workweek; docs/rules.md §10).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ihss_calc.rules.timesheets import Finding

from ihss_calc.rules.visits import (
    DAY,
    FIRST_SUNDAY,
    Totals,
    Visits,
    _Days,
    _pieces,
    day_facts,
    hours,
)

# The order findings' kinds are said in: rows that cannot be read, overlaps, workweeks, months.
KIND_ORDER = ("bad_row", "overlap_providers", "overlap_recipients", "over_workweek",
              "over_recipient_weekly_max", "over_travel", "over_authorized", "over_monthly_cap",
              "over_exempt_month")  # fmt: skip


class MonthUse(NamedTuple):
    """A recipient's month: hours claimed, authorized (None: not given) and left."""

    recipient: str
    month: str  # YYYY-MM
    claimed: Decimal
    authorized: Decimal | None
    left: Decimal | None  # authorized − claimed; below 0: over by that much
    as_of: dt.date | None = None  # claimed counts the visits through this day
    days_left: int | None = None  # days of the month after as_of


def month_use(
    visits: Visits, t: Totals, authorized: Mapping[str, Decimal], as_of: dt.date | None = None
) -> list[MonthUse]:
    """Every recipient's months in the visits; with ``as_of``, its month counts the visits
    through that day only, and a recipient with hours authorized but none claimed yet is
    listed too (all their hours left)."""
    claimed = {(r, m): minutes for (r, m), minutes in t.months() if r}
    if as_of is not None:
        month = (as_of.year, as_of.month)
        claimed = {k: v for k, v in claimed.items() if k[1] != month}
        through = _claimed_through(visits, as_of.toordinal(), month)
        for recipient in {*authorized, *through}:
            claimed[recipient, month] = through.get(recipient, 0)
    uses = []
    # A county's month has tens of thousands of recipients but few distinct numbers of
    # minutes and months: each hours figure, difference and month name is made once.
    got_of: dict[int, Decimal] = {}
    left_of: dict[tuple[Decimal, int], Decimal] = {}
    names: dict[tuple[int, int], str] = {}
    for (recipient, (year, month_number)), minutes in sorted(claimed.items()):
        given = authorized.get(recipient)
        got = got_of.get(minutes)
        if got is None:
            got = got_of[minutes] = hours(minutes)
        left = None
        if given is not None:
            left = left_of.get((given, minutes))
            if left is None:
                left = left_of[given, minutes] = given - got
        name = names.get((year, month_number))
        if name is None:
            name = names[year, month_number] = f"{year:04d}-{month_number:02d}"
        this = as_of is not None and (year, month_number) == (as_of.year, as_of.month)
        at = as_of if this else None
        days_left = None
        if at is not None:
            next_month = dt.date(year + month_number // 12, month_number % 12 + 1, 1)
            days_left = (next_month - at).days - 1
        uses.append(MonthUse(recipient, name, got, given, left, at, days_left))
    return uses


def _claimed_through(visits: Visits, last_day: int, month: tuple[int, int]) -> dict[str, int]:
    """Minutes claimed by recipient in ``month``, on days up to ``last_day`` (an ordinal)."""
    found: dict[int, int] = defaultdict(int)
    columns = (visits.recipients, visits.starts, visits.ends)
    for r, start, end in zip(*columns, strict=True):
        if not r or start // DAY > last_day:
            continue
        for day, minutes in _pieces(start, end):
            if day <= last_day and day_facts(day)[1] == month:
                found[r] += minutes
    names = visits.names
    return {names[r]: minutes for r, minutes in found.items()}


def period_overtime(
    visits: Visits, t: Totals, after_hours: Decimal, first_period_ends: int
) -> dict[int, int]:
    """Overtime minutes by pay-period key (as ``Totals.pay_period`` packs it: provider,
    recipient, month and half), for the workweeks over ``after_hours``. Only the visits of such
    a workweek are looked at again, a week at a time, kept as 4-byte indexes meanwhile (a
    county's month has some fifty thousand such weeks)."""
    after = int(after_hours * 60)
    long_weeks = {key for key, minutes in t.week.items() if minutes > after}
    if not long_weeks:
        return {}
    providers = {key >> 20 for key in long_weeks}
    members: dict[int, array[int]] = {}
    columns = (visits.providers, visits.starts, visits.ends)
    for i, (p, start, end) in enumerate(zip(*columns, strict=True)):
        if p not in providers:
            continue
        week = (start // DAY - FIRST_SUNDAY) // 7
        key = (p << 20) | week
        if key in long_weeks:
            found = members.get(key)
            if found is None:
                found = members[key] = array("i")
            found.append(i)
        later = ((end - 1) // DAY - FIRST_SUNDAY) // 7  # past midnight into the next week
        if later != week and (p << 20) | later in long_weeks:
            members.setdefault((p << 20) | later, array("i")).append(i)
    days = _Days(first_period_ends)
    starts, ends, recipients = visits.starts, visits.ends, visits.recipients
    overtime: dict[int, int] = defaultdict(int)
    for key, indexes in members.items():
        p, wanted, pieces = key >> 20, key & 0xFFFFF, []
        for i in indexes:
            at, end = starts[i], ends[i]
            day = at // DAY
            if end <= (day + 1) * DAY:  # most visits: one day, one piece
                pieces.append((at, end - at, recipients[i], days[day][1]))
                continue
            for day, minutes in _pieces(at, end):
                week, period = days[day]
                if week == wanted:
                    pieces.append((max(at, day * DAY), minutes, recipients[i], period))
        worked = 0
        for _at, minutes, r, period in sorted(pieces):
            over = worked + minutes - max(after, worked)
            if over > 0:
                overtime[(((p << 24) | r) << 17) | period] += over
            worked += minutes
    return dict(overtime)


def timesheets_of(
    visits: Visits, lines: Iterable[int], first_period_ends: int
) -> dict[int, tuple[str, str, tuple[int, int, int]]]:
    """The timesheet each of ``lines`` is on: its provider, recipient and pay period (year,
    month, half) of the day the visit starts. Visits are kept in file order, so each line is
    found by bisection, not by a pass over a county's month."""
    from bisect import bisect_left

    found = {}
    names, numbers = visits.names, visits.lines
    for line in set(lines):
        i = bisect_left(numbers, line)
        if i < len(numbers) and numbers[i] == line:
            _week, (year, month), day = day_facts(visits.starts[i] // DAY)
            found[line] = (names[visits.providers[i]], names[visits.recipients[i]],
                           (year, month, 2 if day > first_period_ends else 1))  # fmt: skip
    return found


class ToFix(NamedTuple):
    """A timesheet (provider, recipient, pay period) with findings: fix it before approving."""

    provider: str
    recipient: str  # "" for travel claimed on its own
    period: tuple[int, int, int]  # year, month, half (1: 1st-15th, 2: 16th-end)
    kinds: tuple[str, ...]  # the kinds found, in KINDS' order, one per finding
    rows: tuple[int, ...]


def to_fix(
    findings: Iterable[Finding], sheets: dict[int, tuple[str, str, tuple[int, int, int]]]
) -> list[ToFix]:
    """Each timesheet a finding's rows are on, with the findings on it. ``sheets``: the
    timesheet of each row (``rules.hours_used.timesheets_of``)."""
    kinds: dict[tuple[str, str, tuple[int, int, int]], list[str]] = defaultdict(list)
    rows: dict[tuple[str, str, tuple[int, int, int]], set[int]] = defaultdict(set)
    for f in findings:
        seen = set()
        for row in f.rows:
            sheet = sheets.get(row)
            if sheet is None:  # a row that cannot be read is on no timesheet yet
                continue
            rows[sheet].add(row)
            if sheet not in seen:
                seen.add(sheet)
                kinds[sheet].append(f.kind)
    order = list(KIND_ORDER)
    return [ToFix(p, r, when, tuple(sorted(kinds[(p, r, when)], key=order.index)),
                  tuple(sorted(rows[(p, r, when)])))
            for (p, r, when) in sorted(kinds)]  # fmt: skip
