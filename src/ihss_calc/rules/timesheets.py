"""Checking timesheets (docs/rules.md §10): overlapping visits, providers' workweeks, recipients'
months. Pure: visits in (``rules.visits``), findings out, every limit from ``Rates.hours``.
Overlaps are found by sorting and sweeping, O(n log n).
"""

from __future__ import annotations

import functools
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import compress
from operator import gt
from typing import NamedTuple

from ihss_calc.i18n import N_, _, date_text
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.hours_used import period_overtime
from ihss_calc.rules.visits import (
    Totals,
    Visit,
    Visits,
    _pieces,
    day_facts,
    hours,
    overtime_hours,
    totals,
    week_of,
    week_start,
)


class Finding(NamedTuple):
    kind: str
    severity: str  # "violation", "warning" or "info"
    rows: tuple[int, ...]
    message: str
    rule: str
    source: str
    figures: Mapping[str, object] = {}


@functools.lru_cache(maxsize=64)  # a few figures, named by thousands of findings
def _sources(*figures: Figure) -> str:
    return "; ".join(dict.fromkeys(s.title.split(":")[0].split(" (")[0] for f in figures
                                   for s in f.sources))  # fmt: skip


def overlaps(visits: Visits) -> list[Finding]:
    """Two providers for one recipient at the same time; one provider with two recipients at
    the same time. Any shared minute counts (no official definition was found:
    docs/rules.md §10)."""
    found = []
    ends, starts = visits.ends, visits.starts
    # The visits that take time, as indexes: a row of travel only (no recipient) takes none.
    # An export of visits alone has no such row: a range then, not a million-long array.
    timed: Sequence[int] = range(len(visits))
    if not all(map(gt, ends, starts)):
        timed = array("i", compress(range(len(visits)), map(gt, ends, starts)))
    # Starts counted from the first: a month's minutes take 16 bits, not 31 (smaller ints)
    first = min(starts, default=0)
    index_bits = max(len(visits), 1).bit_length()
    start_bits = (max(ends, default=0) - first).bit_length()
    mask, who_shift = (1 << index_bits) - 1, start_bits + index_bits
    for kind, by, other, text in (
        ("overlap_providers", visits.recipients, visits.providers,
         N_("two providers for {who} at the same time: {one} and {other}, {minutes} minutes")),
        ("overlap_recipients", visits.providers, visits.recipients,
         N_("{who} with two recipients at the same time: {one} and {other}, {minutes} minutes")),
    ):  # fmt: skip
        # One int a visit, (who, start, index), sorted: small, and fast to sort.
        packed = sorted([(((by[i] << start_bits) | (starts[i] - first)) << index_bits) | i
                         for i in timed])  # fmt: skip
        active: list[int] = []  # the visits of ``open_who`` that may still be open
        open_who, open_until = -1, -1  # and the latest end among them
        for key in packed:
            i = key & mask
            who, start = key >> who_shift, starts[i]
            if who != open_who or start >= open_until:  # most visits: none still open
                active, open_who, open_until = [i], who, ends[i]
                continue
            active = [a for a in active if ends[a] > start]
            for a in active:
                if other[a] != other[i]:
                    found.append(_overlap(kind, text, visits.visit(a), visits.visit(i)))
            active.append(i)
            open_until = max(open_until, ends[i])
        del packed
    return found


def _overlap(kind: str, text: str, a: Visit, v: Visit) -> Finding:
    who, other = ("recipient", "provider") if kind == "overlap_providers" else (
        "provider", "recipient")  # fmt: skip
    shared = min(a.end, v.end) - v.start
    return Finding(
        kind, "warning", (a.line, v.line),
        _(text).format(who=getattr(v, who), one=getattr(a, other), other=getattr(v, other),
                       minutes=shared),
        _("any shared minute is an overlap: a warning to check (derived)"),
        "DB101 IHSS page (the seed); docs/rules.md §10",
        {"minutes": shared, who: getattr(v, who), f"{other}s": [getattr(a, other),
                                                                getattr(v, other)]},
    )  # fmt: skip


def check(
    visits: Visits,
    rates: Rates,
    authorized: dict[str, Decimal],
    exemptions: dict[str, int],
) -> tuple[list[Finding], Totals]:
    """Every finding in ``visits``, and the totals they came from. ``authorized``: monthly
    hours by recipient; ``exemptions``: exemption 1 or 2 by provider."""
    h = rates.hours
    first_period_ends = int(h["first_pay_period_ends"].value)
    found = overlaps(visits)  # first: its sorted keys are freed before the totals are made
    t = totals(visits, first_period_ends, by_provider_month=bool(exemptions))
    rows = Rows()
    overtime_after = h["overtime_after"].value
    weekly = dict(t.weeks())
    for (provider, week), minutes in weekly.items():
        worked = hours(minutes)
        limit = h["provider_weekly_max_exempt" if provider in exemptions else "provider_weekly_max"]
        if worked > limit.value:
            overtime = worked - overtime_after
            figures = {"provider": provider, "week_starts": week_start(week).isoformat(),
                       "hours": worked, "overtime_hours": overtime}  # fmt: skip
            found.append(Finding(
                "over_workweek", "violation", rows.want("week", (provider, week)),
                _("{provider}: {hours} hours in the workweek of {week}, {over} over {limit}, "
                  "with {overtime} overtime hours").format(
                    provider=provider, hours=worked, week=date_text(week_start(week)),
                    over=worked - limit.value, limit=limit.value, overtime=overtime),
                _(limit.label), _sources(limit), {**figures, "limit": limit.value,
                                               "over_by": worked - limit.value},
            ))  # fmt: skip
    divisor = h["recipient_weekly_divisor"]
    in_minutes = {r: hours_ * 60 / divisor.value for r, hours_ in authorized.items()}
    for (provider, recipient, week), minutes in t.weeks_over(in_minutes):
        worked, most = hours(minutes), authorized[recipient] / divisor.value
        if worked > most:
            total = hours(weekly[provider, week])
            overtime = overtime_hours(total, overtime_after)
            found.append(Finding(
                "over_recipient_weekly_max", "warning", rows.want("week_recipient", (provider,
                                                                               recipient, week)),
                _("{provider}: {hours} hours for {recipient} in the workweek of {week}, over "
                  "{recipient}'s weekly maximum of {most} hours by {over}, with {overtime} "
                  "overtime hours").format(
                    provider=provider, hours=worked, recipient=recipient,
                    week=date_text(week_start(week)), most=most, over=worked - most,
                    overtime=overtime),
                _("{label} ({authorized} ÷ {divisor}); hours may move between weeks only "
                  "without more overtime (docs/rules.md §10)").format(
                    label=_(divisor.label), authorized=authorized[recipient],
                    divisor=divisor.value), _sources(divisor),
                {"provider": provider, "recipient": recipient,
                 "week_starts": week_start(week).isoformat(), "hours": worked,
                 "weekly_max": most, "over_by": worked - most, "overtime_hours": overtime},
            ))  # fmt: skip
    travel_max = h["travel_weekly_max"]
    for (provider, week), minutes in t.travel_weeks():
        if hours(minutes) > travel_max.value:
            found.append(Finding(
                "over_travel", "violation", rows.want("travel", (provider, week)),
                _("{provider}: {hours} hours of travel in the workweek of {week}, over "
                  "{limit}").format(provider=provider, hours=hours(minutes),
                                    week=date_text(week_start(week)), limit=travel_max.value),
                _(travel_max.label), _sources(travel_max),
                {"provider": provider, "week_starts": week_start(week).isoformat(),
                 "hours": hours(minutes), "limit": travel_max.value,
                 "over_by": hours(minutes) - travel_max.value},
            ))  # fmt: skip
    found += _months(t, rows, rates, authorized, exemptions)
    found = rows.fill(found, visits)
    t.overtime = period_overtime(visits, t, overtime_after, first_period_ends)
    t.keep_for_output()  # the output needs only these: memory back before it is written
    return found, t


def _months(
    t: Totals,
    rows: Rows,
    rates: Rates,
    authorized: dict[str, Decimal],
    exemptions: dict[str, int],
) -> list[Finding]:
    h = rates.hours
    found = []
    cap = h["monthly_cap_severely_impaired"]
    for (recipient, month), minutes in t.months():
        claimed = hours(minutes)
        name = f"{month[0]:04d}-{month[1]:02d}"
        if recipient in authorized and claimed > authorized[recipient]:
            found.append(Finding(
                "over_authorized", "violation", rows.want("month", (recipient, month)),
                _("{recipient}: {hours} hours claimed in {month}, over the {authorized} "
                  "authorized by {over}").format(
                    recipient=recipient, hours=claimed, month=name,
                    authorized=authorized[recipient], over=claimed - authorized[recipient]),
                _("hours claimed may not pass the hours authorized"),
                "MPP 30-765; CDSS SOC 846; docs/rules.md §10",
                {"recipient": recipient, "month": name, "hours": claimed,
                 "authorized": authorized[recipient]},
            ))  # fmt: skip
        if claimed > cap.value:
            found.append(Finding(
                "over_monthly_cap", "violation", rows.want("month", (recipient, month)),
                _("{recipient}: {hours} hours claimed in {month}, over the cap of {cap}").format(
                    recipient=recipient, hours=claimed, month=name, cap=cap.value),
                _(cap.label), _sources(cap),
                {"recipient": recipient, "month": name, "hours": claimed, "cap": cap.value},
            ))  # fmt: skip
    most = h["provider_monthly_max_exempt"]
    for (provider, month), minutes in t.provider_months():
        if provider in exemptions and hours(minutes) > most.value:
            name = f"{month[0]}-{month[1]:02d}"
            found.append(Finding(
                "over_exempt_month", "violation", rows.want("provider_month", (provider, month)),
                _("{provider}: {hours} hours in {month}, over {most} with exemption "
                  "{exemption}").format(
                    provider=provider, hours=hours(minutes), month=name, most=most.value,
                    exemption=exemptions[provider]), _(most.label), _sources(most),
                {"provider": provider, "month": name, "hours": hours(minutes)},
            ))  # fmt: skip
    return found


class Rows:
    """The line numbers behind a total, found in one more pass over the visits for only the
    totals a finding names, so that memory stays small on a county's month of visits."""

    def __init__(self) -> None:
        self._wanted: dict[str, set[object]] = defaultdict(set)
        self._marks: list[tuple[str, object]] = []

    def want(self, name: str, key: object) -> tuple[int, ...]:
        """A placeholder for the rows of ``key``'s total, filled in by ``fill``."""
        self._wanted[name].add(key)
        self._marks.append((name, key))
        return (-len(self._marks),)

    def fill(self, findings: list[Finding], visits: Visits) -> list[Finding]:
        found: dict[str, dict[object, list[int]]] = {n: defaultdict(list) for n in self._wanted}
        wanted = self._wanted
        # Only the visits of a provider or recipient some finding names are looked at again.
        involved = {part for keys in wanted.values() for key in keys for part in key  # type: ignore[attr-defined]
                    if isinstance(part, str)}  # fmt: skip
        names = visits.names
        for i, (p, r) in enumerate(zip(visits.providers, visits.recipients, strict=True)):
            if names[p] not in involved and names[r] not in involved:
                continue
            v = visits.visit(i)
            if v.travel and (v.provider, week_of(v.start)) in wanted.get("travel", ()):
                found["travel"][v.provider, week_of(v.start)].append(v.line)
            seen: set[tuple[str, object]] = set()
            for day, _minutes in _pieces(v.start, v.end):
                week, month, _day = day_facts(day)
                keys: tuple[tuple[str, object], ...] = (("week", (v.provider, week)),
                    ("week_recipient", (v.provider, v.recipient, week)),
                    ("month", (v.recipient, month)),
                    ("provider_month", (v.provider, month)))  # fmt: skip
                for name, key in keys:
                    if key in wanted.get(name, ()) and (name, key) not in seen:
                        seen.add((name, key))
                        found[name][key].append(v.line)
        filled = []
        for f in findings:
            if f.rows and f.rows[0] < 0:
                name, key = self._marks[-f.rows[0] - 1]
                f = f._replace(rows=tuple(found[name][key]))
            filled.append(f)
        return filled
