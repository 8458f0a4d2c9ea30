"""Reading visits for ``ihss timesheets check``: CSV (a header row) or JSON Lines, as an EVV
export or a hand-kept spreadsheet has them. Columns, in any case: provider, recipient, date,
start, end, and optional travel_hours. A row that cannot be read is a finding of its own, in
its place, naming the line and column; the others are read on."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from ihss_calc.i18n import _, ngettext
from ihss_calc.rules.timesheets import Finding
from ihss_calc.rules.visits import DAY, FIRST_SUNDAY, LAST_YEAR, Row, Visits
from ihss_calc.tabular import BadInput, Lines

COLUMNS = ("provider", "recipient", "date", "start", "end", "travel_hours")
REQUIRED = COLUMNS[:5]
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?", re.I | re.A)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.A)
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.A)


class RowProblem(ValueError):
    def __init__(self, column: str, why: str) -> None:
        super().__init__(_("column {column}: {why}").format(column=f"'{column}'", why=why))
        self.why = why


@functools.lru_cache(maxsize=4096)  # a month has few dates and times: each is parsed once
def parse_date(text: str) -> int:
    """A date as YYYY-MM-DD or M/D/YYYY, as its ordinal."""
    body = text.strip()
    iso, us = _ISO.fullmatch(body), _US.fullmatch(body)
    if not (iso or us):
        why = _("{value} is not a date; write 2026-03-01 or 3/1/2026")
        raise RowProblem("date", why.format(value=repr(text)))
    year, month, day = (
        (int(iso[1]), int(iso[2]), int(iso[3])) if iso else (int(us[3]), int(us[1]), int(us[2]))  # type: ignore[index]
    )  # fmt: skip
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise RowProblem("date", _("{value} does not exist").format(value=repr(text))) from None
    if year > LAST_YEAR:
        why = _("{value} is after the year {last}, the last ihss can check")
        raise RowProblem("date", why.format(value=repr(text), last=LAST_YEAR))
    if date.toordinal() < FIRST_SUNDAY:  # its workweek began before 0001-01-01
        why = _("{value} is before {first}, the first Sunday: its workweek cannot be checked")
        raise RowProblem("date", why.format(value=repr(text), first="0001-01-07"))
    return date.toordinal()


def parse_time(text: str, column: str) -> int:
    """A time of day as minutes after midnight: 24-hour (14:30) or am/pm (2:30 pm, 9am)."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise RowProblem(column, _("{value} is not a time; write 14:30 or 2:30 pm").format(
            value=repr(text)))  # fmt: skip
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[4] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            why = _("{value} is not a time: an am/pm hour is 1 to 12")
            raise RowProblem(column, why.format(value=repr(text)))
        hour = hour % 12 + (12 if half == "p" else 0)
    elif match[2] is None:
        raise RowProblem(column, _("{value} is not a time; write 14:30 or 2:30 pm").format(
            value=repr(text)))  # fmt: skip
    if hour > 23 or minute > 59:
        raise RowProblem(column, _("{value} is not a time of day").format(value=repr(text)))
    return hour * 60 + minute


def parse_travel(text: str) -> int:
    if not text.strip():
        return 0
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0 or value > 24 or value != value.quantize(Decimal("0.01")):
        why = _("{value} is not a number of hours from 0 to 24")
        raise RowProblem("travel_hours", why.format(value=repr(text)))
    return int(value * 60)


def visit(line: int, provider: str, recipient: str, date: str, start_text: str, end_text: str,
          travel_text: str = "") -> Row:  # fmt: skip
    """One row as a visit's fields; ``RowProblem`` names the column that is wrong (the first
    of provider, date, travel_hours, recipient, start and end that is)."""
    provider, recipient = provider.strip(), recipient.strip()
    if provider and recipient:  # most rows: a visit whose span was worked out before
        try:
            start, end = _span(date, start_text, end_text)
        except RowProblem:
            pass  # the checks below name the first column that is wrong
        else:
            return line, provider, recipient, start, end, (parse_travel(travel_text)
                                                           if travel_text else 0)  # fmt: skip
    if not provider:
        raise RowProblem("provider", _("is empty: who worked?"))
    day = parse_date(date)
    travel = parse_travel(travel_text) if travel_text else 0
    if not recipient and not start_text.strip() and not end_text.strip():
        if not travel:
            raise RowProblem("recipient", _("is empty, and the row has no travel_hours"))
        return line, provider, "", day * DAY, day * DAY, travel  # a row of travel only
    if not recipient:
        raise RowProblem("recipient", _("is empty: for whom was this visit?"))
    start, end = _span(date, start_text, end_text)
    return line, provider, recipient, start, end, travel


# A county's month has a few thousand distinct (date, start, end): each is worked out once.
@functools.lru_cache(maxsize=1 << 14)
def _span(date: str, start_text: str, end_text: str) -> tuple[int, int]:
    """A visit's start and end, in minutes (see rules.visits); past midnight, the next day."""
    day = parse_date(date) * DAY
    start, end = parse_time(start_text, "start"), parse_time(end_text, "end")
    if end == start:
        why = _("{value} is when the visit starts").format(value=repr(end_text.strip()))
        raise RowProblem("end", why)
    if end < start:
        if start < 12 * 60 or end > 12 * 60:  # past midnight: from the afternoon to the morning
            why = _("{end} is before the start, {start}, and not past midnight").format(
                end=repr(end_text.strip()), start=repr(start_text.strip()))  # fmt: skip
            raise RowProblem("end", why)
        end += DAY
    return day + start, day + end


def load(lines: Lines, input_format: str) -> tuple[Visits, list[Finding]]:
    """Every row read: the visits, and a ``bad_row`` finding for each row that cannot be."""
    visits, bad = Visits(), list[Finding]()
    rows = _csv_rows(lines, bad) if input_format == "csv" else _jsonl_rows(lines, bad)
    chunk: list[Row] = []
    for row in rows:
        try:
            chunk.append(visit(*row))
        except RowProblem as exc:
            bad.append(_bad(row[0], str(exc)))
            continue
        if len(chunk) >= CHUNK:
            visits.extend(chunk)
            chunk.clear()
    visits.extend(chunk)
    return visits, bad


CHUNK = 4096  # visits added to the columns at a time


def _bad(line: int, why: str) -> Finding:
    return Finding("bad_row", "error", (line,), _("line {line}: {why}").format(line=line, why=why),
                   _("a row ihss cannot read"), _("the input"))  # fmt: skip


def _csv_rows(lines: Lines, bad_rows: list[Finding]) -> Iterator[tuple[Any, ...]]:
    """The rows' texts of COLUMNS (the first five without travel_hours); a row that cannot be
    read goes to ``bad_rows`` instead, in its place (only well-formed rows come back: the loop
    of a million is kept short)."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        raise BadInput(_("the file is empty; it needs a header row: {columns}").format(
            columns=", ".join(REQUIRED)))  # fmt: skip
    problem = lines.header_problem()  # bytes that are not text: said as batch says it
    if problem:
        raise BadInput(problem)
    keys = [name.strip().lower() for name in header]
    for key in keys:
        if keys.count(key) > 1:
            raise BadInput(_("the header names the column {name} twice").format(name=repr(key)))
    missing = [c for c in REQUIRED if c not in keys]
    if missing:
        raise BadInput(ngettext("the header has no {columns} column; it needs {required}",
                                "the header has no {columns} columns; it needs {required}",
                                len(missing)).format(columns=", ".join(repr(c) for c in missing),
                                                     required=", ".join(REQUIRED)))  # fmt: skip
    width = len(keys)
    # The line (appended to the row), then the columns of COLUMNS in order: visit's arguments
    # (without travel_hours, the first five: visit's default). One tuple a row, made in C.
    pick = itemgetter(width, *(keys.index(c) for c in COLUMNS if c in keys))
    bad_lines = lines.bad  # filled in as lines are read: the same dict throughout
    end = reader.line_num
    while True:
        try:
            for row in reader:
                start, end = end + 1, reader.line_num
                if not row:
                    continue
                bad = None
                if bad_lines:
                    bad = next((bad_lines[n] for n in range(start, end + 1) if n in bad_lines),
                               None)  # fmt: skip
                if bad:
                    bad_rows.append(_bad(start, bad))
                elif len(row) != width:
                    bad_rows.append(_bad(start, _("has {n} fields; the header has {width}").format(
                        n=len(row), width=width)))  # fmt: skip
                else:
                    row.append(start)  # type: ignore[arg-type]
                    yield pick(row)
            return
        except csv.Error as exc:  # a field too large, say: that row, and read on
            start, end = end + 1, reader.line_num
            bad_rows.append(_bad(start, _("cannot be read as CSV: {error}").format(error=exc)))


def _jsonl_rows(lines: Lines, bad_rows: list[Finding]) -> Iterator[tuple[Any, ...]]:
    for line, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        if line in lines.bad:
            bad_rows.append(_bad(line, lines.bad[line]))
            continue
        try:
            record = json.loads(text)
        except (ValueError, RecursionError) as exc:
            bad_rows.append(_bad(line, _("not valid JSON: {error}").format(error=exc)[:300]))
            continue
        if not isinstance(record, dict):
            bad_rows.append(_bad(line, _("a JSON Lines row must be an object")))
            continue
        values = {str(k).lower(): "" if v is None else str(v) for k, v in record.items()}
        yield (line, *(values.get(c, "") for c in COLUMNS))
