"""Batch output: one JSON object, or one CSV row, per input row, in input order."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
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
from ihss_calc.i18n import _, ngettext
from ihss_calc.jsonout import compact_dumps
from ihss_calc.jsonrow import row_dict, steps_row
from ihss_calc.rules import Result


@dataclass
class Tally:
    """What a run counted as it went: the lines written, and the caseload summary (no second
    pass over the data)."""

    read: int = 0
    failed: int = 0
    written: int = 0
    blank: int = 0
    warned: int = 0
    paying: int = 0
    paid: Decimal = field(default_factory=Decimal)
    programs: dict[str, int] = field(default_factory=dict)

    def count(self, program: str, pays: str, warned: bool) -> None:
        """One row worked out: placed in ``program``, paying ``pays`` (its text; "" or "0.00"
        where nothing)."""
        self.programs[program] = self.programs.get(program, 0) + 1
        if pays and pays != ZERO_TEXT:
            self.paying += 1
            self.paid += Decimal(pays)
        if warned:
            self.warned += 1

    def count_result(self, result: Result, warnings: list[str]) -> None:
        share = result.placement.share_of_cost
        self.count(result.placement.program, "" if share is None else money_text(share),
                   bool(warnings))  # fmt: skip

    def summary(self) -> dict[str, object]:
        """The caseload summary as JSON-ready values (money as a Decimal)."""
        return {
            "rows_read": self.read, "rows_failed": self.failed, "blank_rows_skipped": self.blank,
            "rows_paying_share_of_cost": self.paying, "share_of_cost_total": self.paid,
            "by_likely_program": dict(sorted(self.programs.items())),
            "rows_with_warning": self.warned,
        }  # fmt: skip


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
                tally.count_result(result, warnings)
                if steps:  # soc's whole object, written straight from the result
                    yield f"{start}{steps_row(result, warnings)}\n"
                else:
                    yield f"{start}{compact_dumps(row_dict(result, warnings=warnings))[1:]}\n"
                continue
            r = work(values)  # type: ignore[arg-type]
        except RowError as exc:
            tally.failed += 1
            yield f'{start}"error": {_string(str(exc))}}}\n'
            continue
        tally.count(r[7], r[8], bool(r[0].warnings))
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
            tally.count_result(result, list(profile.warnings))
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
    tally.count(r[7], r[8], bool(p.warnings))
    return [
        str(line), *amounts[:4], _yes(h.couple), _yes(h.blind), _yes(h.spouse_blind),
        h.medi_cal or "", str(p.rates.year), amounts[4], *NO_FULL_INPUTS, str(p.month), h.kind,
        r[1], r[2], r[3], money_text(p.level), r[4], r[5], r[6], r[7], r[8],
        *(("" if t == "null" else t) for t in r[9:12]), *NO_FULL_RESULTS,
        p.rates.origin,
        "; ".join(p.warnings), "",
    ]  # fmt: skip


def _extras_csv(r: Result) -> list[str]:
    from ihss_calc.jsonrow import row_extras

    extra = row_extras(r)
    wdp = extra["wdp_likely_eligible"]
    return ["" if wdp is None else _yes(wdp), _text(extra["max_earned_without_soc"]),
            _text(extra["medi_cal_soc"])]  # fmt: skip


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
        *_extras_csv(r),
        "" if r.deeming is None else _yes(r.deemed is not None),
        "" if mc is None else money_text(mc.share_of_cost),
        "" if mc is None else _text(mc.buy_out),
        "" if over is None else _yes(over),
    ]  # fmt: skip


def write_lines(lines: Iterator[str], out: IO[str], tally: Tally, chunk: int = 2000,
                size: int = 1 << 20) -> None:  # fmt: skip
    """Write in chunks: one write per ``chunk`` rows or ``size`` characters (a --steps row is
    some 20 kB), so memory stays flat and calls few. Interrupted (Ctrl-C), what was worked out
    is written before the interrupt goes on."""
    buffer: list[str] = []
    held = 0
    try:
        for text in lines:
            buffer.append(text)
            held += len(text)
            if len(buffer) >= chunk or held >= size:
                out.write("".join(buffer))
                tally.written += len(buffer)
                buffer.clear()
                held = 0
    finally:
        out.write("".join(buffer))
        tally.written += len(buffer)


def write_csv(rows: Iterator[list[str]], out: IO[str], tally: Tally) -> None:
    writer = csv.writer(out)  # lines end in \r\n (RFC 4180), so a \r in a value is quoted
    writer.writerow(next(rows))  # the header
    for row in rows:
        writer.writerow(row)
        tally.written += 1


def summary_lines(tally: Tally) -> list[str]:
    """The caseload summary for a person, line by line (stderr)."""
    from ihss_calc.answer import dollars
    from ihss_calc.rules import PROGRAM_LABELS

    lines = [_("Caseload summary:")]
    read = ngettext("{n} row read", "{n} rows read", tally.read).format(n=f"{tally.read:,}")
    lines.append("  " + _("{read}; {failed} failed; {blank} blank skipped.").format(
        read=read, failed=f"{tally.failed:,}", blank=f"{tally.blank:,}"))  # fmt: skip
    lines.append("  " + ngettext(
        "{n} pays a share of cost where likely placed: {total} a month in all.",
        "{n} pay a share of cost where likely placed: {total} a month in all.",
        tally.paying).format(n=f"{tally.paying:,}", total=dollars(tally.paid)))  # fmt: skip
    if tally.programs:
        lines.append("  " + _("By likely program:"))
        for code, n in sorted(tally.programs.items(), key=lambda item: (-item[1], item[0])):
            label = _(PROGRAM_LABELS[code]) if code in PROGRAM_LABELS else code
            lines.append(f"    {n:>9,}  {label}")
    lines.append("  " + ngettext("{n} row has a warning.", "{n} rows have a warning.",
                                 tally.warned).format(n=f"{tally.warned:,}"))  # fmt: skip
    return lines
