"""A month's plan (docs/rules.md §10): the recipient's authorized hours split between their
providers, workweek by workweek, before any timesheet is kept. Pure; every limit from
``Rates.hours``.

Each provider, in each workweek (Sunday to Saturday; the month's first and last weeks are
partial), stays within:

- the recipient's weekly maximum for one provider: monthly authorized ÷ 4 (CDSS SOC 846);
- 66 hours (90 with exemption 1 or 2) with their other work (ACL 16-36);
- 40 hours with their other work, where the hours allow it: overtime is paid 1.5 times and a
  recipient may not make more of it than usual (ACL 16-36), so it is used last.

The month's hours are spread over its days as evenly as the limits allow (a week's share
follows its days in the month); what no provider can take is said, never dropped silently.
The recipient's care takes at most 24 hours a day, one provider after the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

from ihss_calc.rates import Figure, Rates

DAY = 1440


class Provider(NamedTuple):
    name: str
    other_weekly: Decimal = Decimal(0)  # hours a week worked for other recipients
    exemption: int | None = None  # 1 or 2: 90 hours a week


class ProviderPlan(NamedTuple):
    name: str
    other_weekly: Decimal
    weekly_limit: Figure  # 66, or 90 with an exemption
    recipient_max: int  # minutes a workweek for this recipient (authorized ÷ 4)
    hard: int  # minutes a workweek: the least of recipient_max and the limit less other work
    no_overtime: int  # minutes a workweek before overtime, with other work
    minutes: int  # planned in the month
    overtime: int  # minutes of it past 40 a week with other work


class WeekPlan(NamedTuple):
    starts: dt.date  # the Sunday
    days: tuple[dt.date, ...]  # the days of this week in the month
    minutes: tuple[int, ...]  # by provider, in the providers' order
    overtime: tuple[int, ...]  # by provider: minutes past 40 with other work


class Visit(NamedTuple):
    provider: str
    date: dt.date
    start: int  # minutes after midnight
    end: int  # minutes after midnight; 1440 is midnight at the end of the day


class Plan(NamedTuple):
    year: int
    month: int
    recipient: str
    authorized: Decimal  # hours a month
    authorized_minutes: int
    providers: tuple[ProviderPlan, ...]
    weeks: tuple[WeekPlan, ...]
    visits: tuple[Visit, ...]
    unplaced: int  # minutes no provider could take
    divisor: Figure
    overtime_after: Figure
    unit: int  # minutes: planned in quarter hours when the authorized hours allow it


def plan_month(
    year: int,
    month: int,
    authorized: Decimal,
    providers: Sequence[Provider],
    rates: Rates,
    recipient: str = "R1",
    start: int = 9 * 60,
) -> Plan:
    """Split ``authorized`` hours of ``year``-``month`` between ``providers``."""
    h = rates.hours
    divisor, after = h["recipient_weekly_divisor"], h["overtime_after"]
    # Whole minutes, never more than authorized (91.17 hours: 5,470 minutes, not 5,470.2).
    total = int((authorized * 60).to_integral_value(rounding=ROUND_FLOOR))
    unit = 15 if total % 15 == 0 else 1
    recipient_max = _floor(authorized * 60 / divisor.value, unit)
    plans = []
    for p in providers:
        limit = h["provider_weekly_max_exempt" if p.exemption else "provider_weekly_max"]
        hard = min(recipient_max, _floor((limit.value - p.other_weekly) * 60, unit))
        free = min(hard, _floor((after.value - p.other_weekly) * 60, unit))
        plans.append(ProviderPlan(p.name, p.other_weekly, limit, recipient_max, max(hard, 0),
                                  max(free, 0), 0, 0))  # fmt: skip
    days = _days(year, month)
    weeks = _weeks(days)
    shares = _spread(total // unit, [len(w[1]) for w in weeks])
    taken = [[0] * len(plans) for _ in weeks]
    room_in_day = [len(w[1]) * DAY // unit for w in weeks]  # one provider at a time
    # First each week's share, then what is left where there is room, before overtime; then
    # overtime; what is still left cannot be placed.
    pool = 0
    for w, share in enumerate(shares):
        pool += share - _fill(taken[w], share, [p.no_overtime // unit for p in plans],
                              room_in_day, w)  # fmt: skip
    for caps in ([p.no_overtime // unit for p in plans], [p.hard // unit for p in plans]):
        for w in sorted(range(len(weeks)), key=lambda w: -len(weeks[w][1])):
            if pool:
                pool -= _fill(taken[w], pool, caps, room_in_day, w)
    week_plans = []
    for w, (sunday, week_days) in enumerate(weeks):
        minutes = tuple(x * unit for x in taken[w])
        overtime = tuple(max(0, m - p.no_overtime) for m, p in zip(minutes, plans, strict=True))
        week_plans.append(WeekPlan(sunday, week_days, minutes, overtime))
    done = tuple(p._replace(minutes=sum(wp.minutes[i] for wp in week_plans),
                            overtime=sum(wp.overtime[i] for wp in week_plans))
                 for i, p in enumerate(plans))  # fmt: skip
    visits = _visits(week_plans, done, unit, start)
    return Plan(year, month, recipient, authorized, total, done, tuple(week_plans), visits,
                pool * unit, divisor, after, unit)  # fmt: skip


def _floor(minutes: Decimal, unit: int) -> int:
    return int((minutes / unit).to_integral_value(rounding=ROUND_FLOOR)) * unit


def _days(year: int, month: int) -> list[dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return [first + dt.timedelta(days=i) for i in range((following - first).days)]


def _weeks(days: list[dt.date]) -> list[tuple[dt.date, tuple[dt.date, ...]]]:
    """The month's days by workweek (Sunday to Saturday), with each week's Sunday."""
    weeks: dict[dt.date, list[dt.date]] = {}
    for day in days:
        sunday = day - dt.timedelta(days=(day.weekday() + 1) % 7)
        weeks.setdefault(sunday, []).append(day)
    return [(sunday, tuple(found)) for sunday, found in weeks.items()]


def _spread(units: int, weights: list[int]) -> list[int]:
    """``units`` in whole parts by ``weights``, the remainders to the largest fractions first
    (then the earliest)."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    parts = [units * w // whole for w in weights]
    rest = units - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-(units * weights[i] % whole), i))
    for i in order[:rest]:
        parts[i] += 1
    return parts


def _fill(row: list[int], wanted: int, caps: list[int], room: list[int], week: int) -> int:
    """Add up to ``wanted`` units to a week's ``row`` (one number a provider), a unit at a time
    to the provider with the fewest (the first, on a tie), each up to its cap, the week up to
    its room; how many were added. A month is at most some 17,000 minutes: a unit at a time
    is fast enough, and plainly even."""
    added = 0
    while added < wanted and room[week] > 0:
        open_ = [i for i, x in enumerate(row) if x < caps[i]]
        if not open_:
            break
        i = min(open_, key=lambda k: row[k])
        row[i] += 1
        room[week] -= 1
        added += 1
    return added


def _visits(weeks: list[WeekPlan], providers: Sequence[ProviderPlan], unit: int,
            start: int) -> tuple[Visit, ...]:  # fmt: skip
    """A visit a provider-day: each week's minutes spread over its days, the providers one
    after the other from ``start`` (earlier when the day's hours would pass midnight)."""
    visits = []
    for week in weeks:
        per_day = [_spread(m // unit, [1] * len(week.days)) for m in week.minutes]
        for d, day in enumerate(week.days):
            amounts = [per_day[i][d] * unit for i in range(len(providers))]
            at = max(0, min(start, DAY - sum(amounts)))
            for provider, minutes in zip(providers, amounts, strict=True):
                if minutes:
                    visits.append(Visit(provider.name, day, at, at + minutes))
                    at += minutes
    return tuple(visits)
