"""Visits for the timesheet checks (docs/rules.md §10): compact columns, and the minutes they sum to
by provider and workweek, recipient and month, and pay period. Pure.

Times are whole minutes counted from 0001-01-01 00:00 (``date.toordinal()``), so a visit past
midnight, a workweek and a month are plain arithmetic. A workweek runs from Sunday 12:00 a.m.
to Saturday 11:59 p.m. (ACL 16-01); a visit across a boundary counts in each part.
"""

from __future__ import annotations

import datetime as dt
import functools
import struct
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import chain
from typing import NamedTuple

DAY = 1440
FIRST_SUNDAY = 7  # date.fromordinal(7) is a Sunday: workweeks start at ordinals 7 + 7k
LAST_YEAR = 4000  # the columns keep minutes since year 1 in 31 bits: enough until about 4080


class Visit(NamedTuple):
    line: int
    provider: str
    recipient: str  # "" for a row of travel only
    start: int  # minutes; start == end for a row of travel only
    end: int
    travel: int  # minutes of travel between recipients that day


class _Ids(dict[str, int]):
    """Names to small numbers, a new name numbered as it is first seen."""

    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self._names = names

    def __missing__(self, name: str) -> int:
        found = self[name] = len(self._names)
        self._names.append(name)
        return found


Row = tuple[int, str, str, int, int, int]  # Visit's fields, as a plain tuple: faster to make


class Visits:
    """Visits as compact columns (names interned to small numbers), so that a county's month
    of a million visits fits in tens of megabytes; iterating gives ``Visit`` tuples."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._ids = _Ids(self.names)
        # 4 bytes each: minutes since year 1 fit in 31 bits (dates up to LAST_YEAR).
        self.lines, self.providers, self.recipients = array("i"), array("i"), array("i")
        self.starts, self.ends, self.travel = array("i"), array("i"), array("i")
        self._ids[""]  # number 0: no recipient (a row of travel only)

    def extend(self, visits: Sequence[Row]) -> None:
        """Add visits given as ``Visit``'s fields, a column at a time: a chunk of rows costs
        a third of what adding them one by one does (benchmarks/timesheets.py)."""
        if not visits:
            return
        lines, providers, recipients, starts, ends, travel = zip(*visits, strict=True)
        # Names numbered in the order the rows give them (the order overlaps are reported in).
        pairs = chain.from_iterable(zip(providers, recipients, strict=True))
        numbers = array("i", _packed(tuple(map(self._ids.__getitem__, pairs))))
        self.lines.frombytes(_packed(lines))
        self.providers.extend(numbers[0::2])
        self.recipients.extend(numbers[1::2])
        self.starts.frombytes(_packed(starts))
        self.ends.frombytes(_packed(ends))
        self.travel.frombytes(_packed(travel))

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[Visit]:
        names = self.names
        columns = (self.lines, self.providers, self.recipients, self.starts, self.ends,
                   self.travel)  # fmt: skip
        for line, p, r, start, end, travel in zip(*columns, strict=True):
            yield Visit(line, names[p], names[r], start, end, travel)

    def visit(self, i: int) -> Visit:
        names = self.names
        return Visit(self.lines[i], names[self.providers[i]], names[self.recipients[i]],
                     self.starts[i], self.ends[i], self.travel[i])  # fmt: skip

    def providers_named(self) -> set[str]:
        return {self.names[p] for p in set(self.providers)}


def _packed(numbers: tuple[int, ...]) -> bytes:
    """Ints as an array("i")'s bytes. array.extend parses each int as a function argument;
    struct packs a tuple for far less (100,000 visits: 4,811 M instructions, not 5,034 M)."""
    return struct.pack(f"{len(numbers)}i", *numbers)


def hours(minutes: int) -> Decimal:
    return Decimal(minutes) / 60


def overtime_hours(worked: Decimal, after: Decimal) -> Decimal:
    """A workweek's hours over ``after`` (40, docs/rules.md §10), or 0."""
    return worked - after if worked > after else Decimal(0)


def week_of(minute: int) -> int:
    return (minute // DAY - FIRST_SUNDAY) // 7


def week_start(week: int) -> dt.date:
    return dt.date.fromordinal(FIRST_SUNDAY + 7 * week)


@functools.lru_cache(maxsize=4096)  # a month of visits has some 31 days
def day_facts(day: int) -> tuple[int, tuple[int, int], int]:
    """A day ordinal's workweek, (year, month) and day of the month."""
    date = dt.date.fromordinal(day)
    return (day - FIRST_SUNDAY) // 7, (date.year, date.month), date.day


def _pieces(start: int, end: int) -> Iterator[tuple[int, int]]:
    """A visit cut at each midnight: (day ordinal, minutes that day)."""
    while start < end:
        day = start // DAY
        cut = min(end, (day + 1) * DAY)
        yield day, cut - start
        start = cut


class Totals:
    """Minutes summed by provider and workweek, and so on. The keys are names' numbers and
    periods packed into one int (an int costs half what a tuple of three does, on a county's
    month); the methods give them back as names and periods, sorted."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.week: dict[int, int] = defaultdict(int)  # provider, workweek
        self.week_recipient: dict[int, int] = defaultdict(int)  # provider, recipient, workweek
        self.travel: dict[int, int] = defaultdict(int)  # provider, workweek
        self.month: dict[int, int] = defaultdict(int)  # recipient, month
        self.provider_month: dict[int, int] = defaultdict(int)  # provider, month
        self.pay_period: dict[int, int] = defaultdict(int)  # provider, recipient, month, half
        self.overtime: dict[int, int] = {}  # pay_period's keys: the overtime minutes in each

    def _month(self, packed: int) -> tuple[int, int]:
        return divmod(packed, 12)[0], packed % 12 + 1

    def weeks(self) -> list[tuple[tuple[str, int], int]]:
        n = self.names
        return sorted(((n[k >> 20], k & WEEK), v) for k, v in self.week.items())

    def weeks_over(self, most: Mapping[str, Decimal]) -> list[tuple[tuple[str, str, int], int]]:
        """The (provider, recipient, workweek) totals over ``most`` minutes, by recipient name:
        only those are named and sorted (a county's month has a quarter million such totals,
        and few over)."""
        n = self.names
        limits = {i: most[name] for i, name in enumerate(n) if name in most}
        over = [(k, v) for k, v in self.week_recipient.items()
                if (r := (k >> 20) & NAME) in limits and v > limits[r]]  # fmt: skip
        return sorted(((n[k >> 44], n[(k >> 20) & NAME], k & WEEK), v) for k, v in over)

    def weeks_by_recipient(self, of: Collection[str]) -> list[tuple[tuple[str, str, int], int]]:
        """Those of the recipients named in ``of`` only (most have no authorization given)."""
        n = self.names
        wanted = {i for i, name in enumerate(n) if name in of} if of else set()
        return sorted(((n[k >> 44], n[(k >> 20) & NAME], k & WEEK), v)
                      for k, v in self.week_recipient.items()
                      if (k >> 20) & NAME in wanted)  # fmt: skip

    def travel_weeks(self) -> list[tuple[tuple[str, int], int]]:
        n = self.names
        return sorted(((n[k >> 20], k & WEEK), v) for k, v in self.travel.items())

    def months(self) -> list[tuple[tuple[str, tuple[int, int]], int]]:
        n = self.names
        return sorted(((n[k >> 16], self._month(k & 0xFFFF)), v) for k, v in self.month.items())

    def provider_months(self) -> list[tuple[tuple[str, tuple[int, int]], int]]:
        n = self.names
        return sorted(((n[k >> 16], self._month(k & 0xFFFF)), v)
                      for k, v in self.provider_month.items())  # fmt: skip

    def keep_for_output(self) -> None:
        """Keep what the output shows (workweeks, months, pay periods); free the rest."""
        for totals in (self.week_recipient, self.travel, self.provider_month):
            totals.clear()

    def pay_period_overtime(self) -> list[tuple[tuple[str, str, tuple[int, int, int]], int, int]]:
        """``pay_periods()`` with each one's overtime minutes beside its minutes."""
        n, over = self.names, self.overtime
        return sorted(((n[k >> 41], n[(k >> 17) & NAME], (*self._month((k >> 1) & 0xFFFF),
                        (k & 1) + 1)), v, over.get(k, 0))
                      for k, v in self.pay_period.items())  # fmt: skip

    def pay_periods(self) -> list[tuple[tuple[str, str, tuple[int, int, int]], int]]:
        n = self.names
        return sorted(((n[k >> 41], n[(k >> 17) & NAME], (*self._month((k >> 1) & 0xFFFF),
                        (k & 1) + 1)), v) for k, v in self.pay_period.items())  # fmt: skip


NAME, WEEK = (1 << 24) - 1, (1 << 20) - 1


def totals(visits: Visits, first_period_ends: int, *, by_provider_month: bool = True) -> Totals:
    """Minutes summed by provider and workweek, and so on. One pass over the columns sums
    each visit twice, by provider, recipient and workweek and by pay period; the other sums
    are added up from those two afterwards (a million visits, a few hundred thousand sums).
    A provider's month matters only with an exemption (360 hours): ``by_provider_month``."""
    t = Totals(visits.names)
    week_r, pay, travel = t.week_recipient, t.pay_period, t.travel
    days = _Days(first_period_ends)
    columns = (visits.providers, visits.recipients, visits.starts, visits.ends, visits.travel)
    for p, r, start, end, trip in zip(*columns, strict=True):
        day = start // DAY
        if trip:
            travel[(p << 20) | ((day - FIRST_SUNDAY) // 7)] += trip
        pair = (p << 24) | r
        if end <= (day + 1) * DAY:  # most visits end the day they start: one piece
            week, period = days[day]
            minutes = end - start
            week_r[(pair << 20) | week] += minutes
            pay[(pair << 17) | period] += minutes
            continue
        for day, minutes in _pieces(start, end):
            week, period = days[day]
            week_r[(pair << 20) | week] += minutes
            pay[(pair << 17) | period] += minutes
    week_t, month_t, provider_m = t.week, t.month, t.provider_month
    for key, minutes in week_r.items():
        week_t[((key >> 44) << 20) | (key & WEEK)] += minutes
    for key, minutes in pay.items():
        month = (key >> 1) & 0xFFFF
        month_t[(((key >> 17) & NAME) << 16) | month] += minutes
        if by_provider_month:
            provider_m[((key >> 41) << 16) | month] += minutes
    return t


class _Days(dict[int, tuple[int, int]]):
    """A day ordinal's workweek, and its pay period packed as Totals keys it: year * 12 +
    month - 1, then 1 bit for the second half of the month."""

    def __init__(self, first_period_ends: int) -> None:
        super().__init__()
        self._first_period_ends = first_period_ends

    def __missing__(self, day: int) -> tuple[int, int]:
        week, (year, month), date_day = day_facts(day)
        found = self[day] = (
            week,
            ((year * 12 + month - 1) << 1) | (date_day > self._first_period_ends),
        )
        return found
