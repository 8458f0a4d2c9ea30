"""Batch output: one JSON object, or one CSV row, per input row, in input order."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from json.encoder import encode_basestring as _string
from typing import IO

from ihss_calc.amounts import money_text
from ihss_calc.batch import (
    AMOUNT_COLUMNS,
    CSV_FIELDS,
    ZERO_TEXT,
    Engine,
    RowError,
    column_amount,
)
from ihss_calc.batch_sources import CsvSource, Source, _csv_text
from ihss_calc.i18n import _
from ihss_calc.jsonout import dumps, result_dict, row_dict
from ihss_calc.rules import Result


@dataclass
class Tally:
    read: int = 0
    failed: int = 0
    written: int = 0


def jsonl_lines(engine: Engine, source: Source, *, steps: bool, tally: Tally) -> Iterator[str]:
    """One JSON object a row, in input order: ``line``, the passthrough columns, then the
    fields of ``ihss soc --json`` (all of them with ``--steps``)."""
    prefix, work, full = source.prefix(), engine.work, source.full or steps
    for line, values, kept in source.rows():
        tally.read += 1
        try:
            start = prefix(line, kept)
        except RecursionError:
            start = f'{{"line": {line}, '
            values = RowError(_("a passthrough value is nested too deeply to write"))
        try:
            if type(values) is RowError:
                raise values
            if full and (steps or any(values[10:])):  # type: ignore[index]
                # share_of_cost itself checks and works the row out: no fast pass first.
                result, profile = engine.full(values)  # type: ignore[arg-type]
                warnings = list(profile.warnings)
                body = (result_dict(result, warnings=warnings) if steps
                        else row_dict(result, warnings=warnings))  # fmt: skip
                yield f"{start}{dumps(body, indent=None)[1:]}\n"
                continue
            r = work(values)  # type: ignore[arg-type]
        except RowError as exc:
            tally.failed += 1
            yield f'{start}"error": {_string(str(exc))}}}\n'
            continue
        yield start + r[0].template % r[1:]


def csv_rows(engine: Engine, source: Source, tally: Tally) -> Iterator[list[str]]:
    """The header, then one CSV row per input row, in input order. From JSON Lines, whose rows
    may each have other keys, the rows are spooled to a temporary file while every key is
    collected, so that each lands in a column of its own name."""
    blank = [""] * (len(CSV_FIELDS) - 2)
    if isinstance(source, CsvSource):
        yield [*source.names, *CSV_FIELDS]
        for line, values, kept in source.rows():
            yield [*kept, *_csv_result(engine, line, values, blank, tally)]
        return
    names: dict[str, None] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass") as spool:
        for line, values, kept in source.rows():
            texts = {}
            for key, value in kept:
                names.setdefault(key)
                try:
                    texts[key] = _csv_text(value)
                except RecursionError:
                    values = RowError(_("a passthrough value is nested too deeply to write"))
            result = _csv_result(engine, line, values, blank, tally)
            spool.write(json.dumps([texts, result]) + "\n")
        yield [*names, *CSV_FIELDS]
        spool.seek(0)
        for text in spool:
            texts, result = json.loads(text)
            yield [*(texts.get(name, "") for name in names), *result]


def _csv_result(
    engine: Engine, line: int, values: tuple[str, ...] | RowError, blank: list[str], tally: Tally
) -> list[str]:
    tally.read += 1
    try:
        if type(values) is RowError:
            raise values
        if any(values[10:]):  # type: ignore[index]
            result, profile = engine.full(values)  # type: ignore[arg-type]
            return [str(line), *_full_csv(result), profile.rates.origin,
                    "; ".join(profile.warnings), ""]  # fmt: skip
        r = engine.work(values)  # type: ignore[arg-type]
        texts = (*values[:4], values[9])  # type: ignore[index]
        amounts = [money_text(column_amount(t, c)) for t, c in
                   zip(texts, (*AMOUNT_COLUMNS, "disability_income"), strict=True)]  # fmt: skip
    except RowError as exc:
        tally.failed += 1
        return [str(line), *blank, str(exc)]
    p = r[0]
    h = p.household
    return [
        str(line), *amounts[:4], _yes(h.couple), _yes(h.blind), _yes(h.spouse_blind),
        h.medi_cal or "", str(p.rates.year), amounts[4], *NO_FULL_INPUTS, str(p.month), h.kind,
        r[1], r[2], r[3], money_text(p.level), r[4], r[5], r[6], r[7], r[8], *NO_FULL_RESULTS,
        p.rates.origin,
        "; ".join(p.warnings), "",
    ]  # fmt: skip


def _yes(flag: bool) -> str:
    return "true" if flag else "false"


def _each(values: tuple[Decimal, ...]) -> str:
    return ";".join(money_text(v) for v in values)


def _text(value: Decimal | None) -> str:
    return "" if value is None else money_text(value)


# The FULL_COLUMNS as understood, and FULL_RESULT_FIELDS, for a row that gives none of them.
# The month is the profile's, written after these.
NO_FULL_INPUTS = ("", "", ZERO_TEXT, "0", "", "", ZERO_TEXT, "false", "", "", "false", "", "")
NO_FULL_RESULTS = ("", "", "", "")


def _full_csv(r: Result) -> list[str]:
    """A row worked out in full, as CSV, from ``unearned`` to ``assets_over_limit``."""
    h, c, mc, a = r.household, r.countable, r.medi_cal_share, r.assets
    over = None if a is None else a.over_limit
    return [
        *(money_text(v) for v in (h.unearned, h.earned, h.irwe, h.bwe)),
        _yes(h.couple), _yes(h.blind), _yes(h.spouse_blind), h.medi_cal or "", str(r.rates.year),
        money_text(h.disability_income), _text(h.spouse_earned), _text(h.spouse_unearned),
        money_text(h.spouse_ihss_wages), str(h.children), _each(h.child_incomes),
        _each(h.child_student_earnings),
        money_text(h.health_premiums), _yes(h.medi_cal_soc), _text(h.assets),
        "" if h.age is None else str(h.age), _yes(h.medicare), h.ssi_ended or "",
        _text(h.pickle_disregard), str(h.month), h.kind,
        *(money_text(v) for v in (c.countable_unearned, c.countable_earned, c.total,
                                  r.payment_level.value, r.above_level,
                                  r.computed_share_of_cost, r.share_of_cost)),
        r.placement.program, _text(r.placement.share_of_cost),
        "" if r.deeming is None else _yes(r.deemed is not None),
        "" if mc is None else money_text(mc.share_of_cost),
        "" if mc is None else _text(mc.buy_out),
        "" if over is None else _yes(over),
    ]  # fmt: skip


def write_lines(lines: Iterator[str], out: IO[str], tally: Tally, chunk: int = 2000) -> None:
    """Write in chunks: one write per ``chunk`` rows, so memory stays flat and calls few.
    Interrupted (Ctrl-C), what was worked out is written before the interrupt goes on."""
    buffer: list[str] = []
    try:
        for text in lines:
            buffer.append(text)
            if len(buffer) >= chunk:
                out.write("".join(buffer))
                tally.written += len(buffer)
                buffer.clear()
    finally:
        out.write("".join(buffer))
        tally.written += len(buffer)


def write_csv(rows: Iterator[list[str]], out: IO[str], tally: Tally) -> None:
    writer = csv.writer(out)  # lines end in \r\n (RFC 4180), so a \r in a value is quoted
    writer.writerow(next(rows))  # the header
    for row in rows:
        writer.writerow(row)
        tally.written += 1
