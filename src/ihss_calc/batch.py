"""``ihss batch``: many cases in, one result per case out, in order, streamed.

Input is CSV with a header row, or JSON Lines. The input columns are those of ``ihss soc``
(INPUT_COLUMNS, in any case); any other column (``id`` first of all) passes through untouched.
A row that cannot be worked out gets its line number and the words ``ihss soc`` would use, in
its place; nothing else is lost. Rows are checked with the same functions as ``ihss soc``
(``amounts.parse_amount``, ``rules.check_household``) and worked out by ``rules``.

Where the time goes, and the three things done about it (measured by benchmarks/batch.py):
the input is read and decoded a chunk at a time (``CHUNK``); what depends only on a row's
household, Medi-Cal and year (the payment level, which work expenses are allowed, the output
line around the amounts) is worked out once per such ``Profile``; and each distinct amount text
is parsed once (a bounded cache). Rows that use deeming, the Medi-Cal share of cost or assets
go through ``rules.share_of_cost`` itself.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import chain
from json.encoder import encode_basestring as _string
from operator import itemgetter
from typing import IO, Any

from ihss_calc.amounts import ZERO, AmountError, money_text, parse_amount
from ihss_calc.jsonout import RawNumber, dumps, rates_ref, result_dict, row_dict
from ihss_calc.rates import Rates
from ihss_calc.rules import (
    MEDI_CAL,
    SCHEMA_VERSION,
    Household,
    InputProblem,
    Result,
    above_and_share,
    check_household,
    countable_amounts,
    exclusions,
    share_of_cost,
)

AMOUNT_COLUMNS = ("unearned", "earned", "irwe", "bwe")
FLAG_COLUMNS = ("couple", "blind", "spouse_blind")
# RULES.md §8-§9's inputs: a row that gives any of them is worked out by share_of_cost itself.
FULL_COLUMNS = ("spouse_earned", "spouse_unearned", "spouse_ihss_wages", "children",
                "child_income", "health_premiums", "show_medi_cal_soc", "assets")  # fmt: skip
INPUT_COLUMNS = (*AMOUNT_COLUMNS, *FLAG_COLUMNS, "medi_cal", "year", "disability_income",
                 *FULL_COLUMNS)  # fmt: skip
PROFILE = slice(4, 9)  # the columns a profile is made of: couple … year
RESULT_FIELDS = ("countable_unearned_income", "countable_earned_income",
                 "total_countable_income", "payment_level", "above_payment_level",
                 "computed_share_of_cost", "share_of_cost")  # fmt: skip
FULL_RESULT_FIELDS = ("deemed", "medi_cal_share_of_cost", "buy_out", "assets_over_limit")
CSV_FIELDS = ("line", *INPUT_COLUMNS, "household", *RESULT_FIELDS, *FULL_RESULT_FIELDS,
              "rates_file", "warnings", "error")  # fmt: skip
JSONL_FIELDS = ("line", "error", "schema_version", "household", *RESULT_FIELDS, "medi_cal",
                "rates", "warnings", "deeming", "medi_cal_share_of_cost", "assets")  # fmt: skip
STEPS_FIELDS = (*JSONL_FIELDS, "inputs", "max_earned_without_soc", "wdp", "threshold_1619b",
                "steps", "notes")  # fmt: skip

FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False, "": False}
ZERO_TEXT = money_text(ZERO)
CHUNK = 1 << 20  # bytes read and decoded at a time
FIELD_LIMIT = 16 << 20  # the largest CSV field kept; a larger one makes its row an error
# Cache sizes: plenty for real caseloads, and memory stays flat whatever the input holds.
_PROFILES_CACHED = 4_096


class BadInput(Exception):
    """Input that cannot be read at all (a header with no input columns, say): usage, exit 2."""


class RowError(Exception):
    """One row that cannot be worked out; the message is what ``ihss soc`` would say."""


def invalid(column: str, why: str) -> RowError:
    return RowError(f"Invalid value for '{column}': {why}")


# -- working rows out --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    """What a row's household, Medi-Cal and year decide, worked out once for all such rows."""

    household: Household  # with amounts 0
    rates: Rates
    exclusions: tuple[Decimal, Decimal, Decimal]  # the $20, the $65, the one-half
    level: Decimal
    quantum: Decimal
    mode: str
    free: bool  # a Medi-Cal program that means no share of cost
    bwe_error: str  # why this household may not have BWE, if it may not
    irwe_error: str
    warnings: tuple[str, ...]
    template: str  # the JSON line from "schema_version" on, %s for the six amounts


class Engine:
    """Works out rows. ``rates_for(year)`` gives the rates for a year or raises ``RowError``;
    ``warning_for(rates)`` the stale-rates warning, if any."""

    def __init__(
        self,
        rates_for: Callable[[int | None], Rates],
        warning_for: Callable[[Rates], str | None],
    ) -> None:
        self._rates_for = rates_for
        self._warning_for = warning_for
        self._profiles: dict[tuple[str, ...], Profile | str] = {}  # refused: its message

    def profile(self, key: tuple[str, ...]) -> Profile:
        """The profile for (couple, blind, spouse_blind, medi_cal, year) texts, or RowError."""
        found = self._profiles.get(key)
        if found is None:
            try:
                found = self._make_profile(*key)
            except RowError as exc:
                found = str(exc)
            if len(self._profiles) >= _PROFILES_CACHED:
                self._profiles.clear()
            self._profiles[key] = found
        if isinstance(found, str):
            raise RowError(found)
        return found

    def _make_profile(
        self, couple: str, blind: str, spouse_blind: str, medi_cal: str, year: str
    ) -> Profile:
        flags = [parse_flag(v, c) for v, c in zip((couple, blind, spouse_blind), FLAG_COLUMNS,
                                                  strict=True)]  # fmt: skip
        code = parse_medi_cal(medi_cal)
        rates = self._rates_for(parse_year(year))
        h = Household(couple=flags[0], blind=flags[1], spouse_blind=flags[2], medi_cal=code)
        problem = _problem(h)
        if problem:
            raise RowError(problem)
        warning = self._warning_for(rates)
        warnings = (warning,) if warning else ()
        level = rates.payment_levels[h.kind].value
        program = h.program
        medi_cal_json = None if program is None else {
            "code": program.code, "label": program.label,
            "no_share_of_cost": program.no_share_of_cost, "source": program.source,
        }  # fmt: skip
        fixed = [dumps(v, indent=None).replace("%", "%%") for v in
                 (h.kind, level, medi_cal_json, rates_ref(rates), list(warnings))]  # fmt: skip
        template = (
            f'"schema_version": {SCHEMA_VERSION}, "household": {fixed[0]}, '
            '"countable_unearned_income": %s, "countable_earned_income": %s, '
            f'"total_countable_income": %s, "payment_level": {fixed[1]}, '
            '"above_payment_level": %s, "computed_share_of_cost": %s, "share_of_cost": %s, '
            f'"medi_cal": {fixed[2]}, "rates": {fixed[3]}, "warnings": {fixed[4]}}}\n'
        )
        return Profile(
            household=h,
            rates=rates,
            exclusions=exclusions(rates),
            level=level,
            quantum=rates.rounding.quantum.value,
            mode=rates.rounding.mode,
            free=h.free,
            bwe_error=_problem(replace(h, bwe=Decimal(1))),
            irwe_error=_problem(replace(h, irwe=Decimal(1))),
            warnings=warnings,
            template=template,
        )

    def work(self, values: tuple[str, ...]) -> tuple[Profile, str, str, str, str, str, str]:
        """One row without deeming, the Medi-Cal share of cost or assets: its profile and the
        texts of countable unearned, countable earned, total, above the level, computed share
        of cost and share of cost. ``values`` are the texts of INPUT_COLUMNS ("" if missing).
        The hot path of batch work: no more than the rules and the texts they give."""
        p = self._profiles.get(values[PROFILE])
        if type(p) is not Profile:
            p = self.profile(values[PROFILE])  # builds it, or raises the row's error
        try:
            unearned, earned, irwe, bwe = map(amount, values[:4])
        except AmountError:
            raise _amount_error(values) from None
        if bwe and p.bwe_error:
            raise RowError(p.bwe_error)
        if irwe and p.irwe_error:
            raise RowError(p.irwe_error)
        if values[9]:  # disability income: checked here, used by the WDP check (--steps)
            value = column_amount(values[9], "disability_income")
            if value > unearned:
                raise RowError(_problem(Household(unearned=unearned, disability_income=value)))
        c = countable_amounts(unearned, earned, irwe, bwe, *p.exclusions)
        above, computed = above_and_share(c[9], p.level, p.quantum, p.mode)
        above_text = money_text(above) if above else ZERO_TEXT
        # money_text is canonical, so an amount the rounding left alone has the same text.
        computed_text = above_text if computed == above else money_text(computed)
        return (p, money_text(c[1]) if c[1] else ZERO_TEXT,
                money_text(c[8]) if c[8] else ZERO_TEXT, money_text(c[9]) if c[9] else ZERO_TEXT,
                above_text, computed_text, ZERO_TEXT if p.free else computed_text)  # fmt: skip

    def household(self, values: tuple[str, ...]) -> tuple[Household, Profile]:
        """The full household of a row, checked (``RowError`` if the rules refuse it)."""
        profile = self.profile(values[PROFILE])
        amount = column_amount
        unearned, earned, irwe, bwe = (amount(v, c) for v, c in zip(values, AMOUNT_COLUMNS,
                                                                    strict=False))  # fmt: skip
        full = dict(zip(FULL_COLUMNS, values[10:], strict=True))

        def optional(name: str) -> Decimal | None:
            return amount(full[name], name) if full[name].strip() else None

        household = replace(
            profile.household, unearned=unearned, earned=earned, irwe=irwe, bwe=bwe,
            disability_income=amount(values[9], "disability_income"),
            spouse_earned=optional("spouse_earned"), spouse_unearned=optional("spouse_unearned"),
            spouse_ihss_wages=amount(full["spouse_ihss_wages"], "spouse_ihss_wages"),
            children=parse_count(full["children"], "children"),
            child_income=amount(full["child_income"], "child_income"),
            health_premiums=amount(full["health_premiums"], "health_premiums"),
            medi_cal_soc=parse_flag(full["show_medi_cal_soc"], "show_medi_cal_soc"),
            assets=optional("assets"),
        )  # fmt: skip
        problem = _problem(household)
        if problem:
            raise RowError(problem)
        return household, profile

    def full(self, values: tuple[str, ...]) -> tuple[Result, Profile]:
        """A row worked out by ``share_of_cost`` itself, with every part of the result."""
        household, profile = self.household(values)
        return share_of_cost(household, profile.rates), profile


@functools.lru_cache(maxsize=1 << 13)  # repeated amounts (0, whole dollars) parse once
def amount(text: str) -> Decimal:
    """An amount as ``ihss soc`` reads it; an empty one is 0."""
    return parse_amount(text) if text else ZERO


def column_amount(text: str, column: str) -> Decimal:
    try:
        return amount(text)
    except AmountError as exc:
        raise invalid(column, str(exc)) from None


def _amount_error(values: tuple[str, ...]) -> RowError:
    """The error of the first amount in ``values`` that is not one."""
    for text, column in zip(values, AMOUNT_COLUMNS, strict=False):
        try:
            amount(text)
        except AmountError as exc:
            return invalid(column, str(exc))
    return RowError("an amount is not one")  # not reached: the caller saw one fail


def _problem(household: Household) -> str:
    """The row's error for a household the rules refuse, or "" when they take it."""
    try:
        check_household(household)
    except InputProblem as problem:
        return str(invalid(_column(problem.field), problem.text(_column)))
    return ""


def _column(field: str) -> str:
    """The batch column of a Household field."""
    return {"medi_cal_soc": "show_medi_cal_soc"}.get(field, field)


def parse_flag(text: str, column: str) -> bool:
    found = FLAGS.get(text)
    if found is None:
        found = FLAGS.get(text.strip().lower())
        if found is None:
            raise invalid(column, f"{text!r} is not a yes/no value; use 1 or 0, true or false, "
                          "yes or no, or leave it empty")  # fmt: skip
    return found


def parse_medi_cal(text: str) -> str | None:
    code = text.strip().lower()
    if not code:
        return None
    if code not in MEDI_CAL:
        choices = ", ".join(repr(code) for code in MEDI_CAL)
        raise invalid("medi_cal", f"{text!r} is not one of {choices}.")
    return code


def parse_year(text: str) -> int | None:
    if not text.strip():
        return None
    if not text.strip().isascii() or not text.strip().isdigit():
        raise invalid("year", f"{text!r} is not a valid integer.")
    return int(text)


def parse_count(text: str, column: str) -> int:
    if not text.strip():
        return 0
    if not text.strip().isascii() or not text.strip().isdigit():
        raise invalid(column, f"{text!r} is not a whole number of 0 or more.")
    return int(text)


# -- reading -----------------------------------------------------------------------------------

# A row: its line number, the texts of INPUT_COLUMNS or why the row cannot be read, and its
# passthrough values (what they are depends on the source).
Row = tuple[int, tuple[str, ...] | RowError, Any]


class Lines:
    """The input's text lines, read and decoded a chunk at a time. A line whose bytes are not
    text in ``encoding`` comes through with replacement characters, and its number in ``bad``
    with the reason; ``read`` counts the bytes read, for a progress bar."""

    def __init__(self, stream: io.BufferedIOBase, encoding: str) -> None:
        info = codecs.lookup(encoding)  # LookupError for an unknown encoding: the caller's
        if "\n,a".encode(info.name) != b"\n,a":
            raise BadInput(f"{encoding} is not an encoding ihss can read CSV or JSON Lines in; "
                           "use utf-8, cp1252 or latin-1, say")  # fmt: skip
        self.encoding = info.name
        self.bad: dict[int, str] = {}
        self.read = 0
        self._stream = stream

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(io.StringIO(t, newline="") for t in self._chunks())

    def _chunks(self) -> Iterator[str]:
        rest, line, first = b"", 1, True
        while True:
            data = self._stream.read1(CHUNK)  # what has come, so a pipe streams
            self.read += len(data)
            if not data and not rest:
                return
            cut = data.rfind(b"\n") + 1 if data else len(rest) + len(data)
            if data and not cut:  # no line end in this chunk: read on
                rest += data
                continue
            block, rest = rest + data[:cut], data[cut:] if data else b""
            if first and self.encoding == "utf-8" and block.startswith(codecs.BOM_UTF8):
                block = block[3:]  # a spreadsheet's byte-order mark
            first = False
            try:
                text = block.decode(self.encoding)
            except UnicodeDecodeError:
                text = "".join(self._decode_lines(block, line))
            line += block.count(b"\n")
            yield text

    def _decode_lines(self, block: bytes, line: int) -> Iterator[str]:
        for number, raw in enumerate(io.BytesIO(block), start=line):
            try:
                yield raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                self.bad[number] = (
                    f"line {number} is not {self.encoding} text (byte {raw[exc.start]:#04x} at "
                    f"column {exc.start + 1}); if the file comes from a spreadsheet, try "
                    f"--encoding cp1252"
                )
                yield raw.decode(self.encoding, "replace")


def _header(names: list[str], reserved: set[str], warn: Callable[[str], None]) -> list[str]:
    """The input columns' keys (lower case) and the passthrough columns' output names; a
    passthrough column is renamed input_<name> only where the output has a field of its name."""
    keys = [n.strip().lower() if n.strip().lower() in INPUT_COLUMNS else n.strip() for n in names]
    seen: set[str] = set()
    for key, name in zip(keys, names, strict=True):
        if key in seen:
            raise BadInput(f"the header names the column {name.strip()!r} twice")
        seen.add(key)
    if not seen & set(INPUT_COLUMNS):
        raise BadInput("the first line names none of the input columns ("
                       + ", ".join(INPUT_COLUMNS) + "); CSV input needs a header row")  # fmt: skip
    return [passthrough_name(k, reserved, warn) if k not in INPUT_COLUMNS else k for k in keys]


def passthrough_name(name: str, reserved: set[str], warn: Callable[[str], None]) -> str:
    """A passthrough column keeps its name, unless the output has a field of that name: then
    it becomes ``input_<name>``, said on stderr."""
    if name not in reserved:
        return name
    warn(f"the input column {name!r} passes through as 'input_{name}': the output has a field "
         "of that name.")  # fmt: skip
    return f"input_{name}"


class CsvSource:
    """CSV with a header row; passthrough values are the row's other fields, in order."""

    def __init__(self, lines: Lines, reserved: set[str], warn: Callable[[str], None]) -> None:
        csv.field_size_limit(FIELD_LIMIT)
        self._lines = lines
        self._reader = csv.reader(lines)
        try:
            header = next(self._reader, None)
        except csv.Error as exc:
            raise BadInput(f"the header cannot be read as CSV: {exc}") from None
        if 1 in lines.bad:
            raise BadInput(lines.bad[1].replace("line 1 ", "the header line "))
        self._keys = _header(header or [], reserved, warn) if header else None
        self.names = [k for k in self._keys or () if k not in INPUT_COLUMNS]
        self.full = bool(set(self._keys or ()) & set(FULL_COLUMNS))  # rows may need share_of_cost

    def rows(self) -> Iterator[Row]:
        keys, reader, bad = self._keys, self._reader, self._lines.bad
        if keys is None:
            return
        width = len(keys)
        # A missing column reads the "" appended to every row, at index ``width``.
        pick = itemgetter(*(keys.index(c) if c in keys else width for c in INPUT_COLUMNS))
        kept_at = [i for i, key in enumerate(keys) if key not in INPUT_COLUMNS]
        keep = itemgetter(*kept_at) if len(kept_at) > 1 else None
        single = kept_at[0] if len(kept_at) == 1 else None
        end = reader.line_num
        while True:
            start = end + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # a field over FIELD_LIMIT: the row is lost, not the run
                end = reader.line_num
                yield start, RowError(f"this row cannot be read as CSV: {exc}"), [""] * len(kept_at)
                continue
            end = reader.line_num
            if not row:
                continue  # a blank line is not a row
            if len(row) != width:
                short = [row[i] if i < len(row) else "" for i in kept_at]
                why = f"this row has {len(row)} fields; the header has {width}"
                yield start, RowError(why), short
                continue
            kept: Any = keep(row) if keep else ((row[single],) if single is not None else ())
            if bad and any(n in bad for n in range(start, end + 1)):
                yield start, RowError(next(bad[n] for n in range(start, end + 1) if n in bad)), kept
                continue
            row.append("")
            yield start, pick(row), kept

    def prefix(self) -> Callable[[int, Any], str]:
        """The start of a JSON Lines row: its line and passthrough members, then ", "."""
        template = "".join(["{\"line\": %d, ", *(_string(n).replace("%", "%%") + ": %s, "
                                               for n in self.names)])  # fmt: skip
        return lambda line, kept: template % (line, *map(_string, kept))


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


class JsonlSource:
    """JSON Lines: one object a line; blank lines are skipped. Passthrough values are
    (key, value) pairs, the values as parsed (numbers keep their own text)."""

    full = True  # any row may give deeming, Medi-Cal or asset keys

    def __init__(self, lines: Lines, reserved: set[str], warn: Callable[[str], None]) -> None:
        self._lines = lines
        self._reserved = reserved
        self._warn = warn

    def rows(self) -> Iterator[Row]:
        renamed: dict[str, str] = {}
        bad = self._lines.bad
        for line, text in enumerate(self._lines, start=1):
            if not text.strip():
                continue
            if line in bad:
                yield line, RowError(bad[line]), ()
                continue
            try:
                record = json.loads(text, parse_float=RawNumber, parse_int=RawNumber,
                                    parse_constant=_no_constant)  # fmt: skip
            except RecursionError:
                yield line, RowError("not valid JSON: nested too deeply"), ()
                continue
            except ValueError as exc:
                yield line, RowError(f"not valid JSON: {exc}"), ()
                continue
            if not isinstance(record, dict):
                yield line, RowError(f"a JSON Lines row must be an object, not {_kind(record)}"), ()
                continue
            values: dict[str, str] = {}
            kept = []
            for key, value in record.items():
                lower = key.lower()
                if lower in INPUT_COLUMNS:
                    if lower in values:
                        break
                    values[lower] = _json_text(value)
                else:
                    if key not in renamed:
                        renamed[key] = passthrough_name(key, self._reserved, self._warn)
                    kept.append((renamed[key], value))
            else:
                yield line, tuple(values.get(c, "") for c in INPUT_COLUMNS), kept
                continue
            yield line, RowError(f"the row gives {lower!r} twice (keys are read in any case)"), kept

    @staticmethod
    def prefix() -> Callable[[int, Any], str]:
        return lambda line, kept: (
            f'{{"line": {line}, '
            + "".join(f"{_string(k)}: {dumps(v, indent=None)}, " for k, v in kept)
        )


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, RawNumber):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "null" if value is None else ("true" if value else "false")


def _json_text(value: object) -> str:
    """A JSON value as the text ``ihss soc`` would be given: numbers keep their own text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return dumps(value, indent=None)


def _csv_text(value: object) -> str:
    return value if isinstance(value, str) else dumps(value, indent=None)


Source = CsvSource | JsonlSource


# -- writing -----------------------------------------------------------------------------------


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
            values = RowError("a passthrough value is nested too deeply to write")
        try:
            if type(values) is RowError:
                raise values
            r = work(values)  # type: ignore[arg-type]
            if full and (steps or any(values[10:])):  # type: ignore[index]
                result, profile = engine.full(values)  # type: ignore[arg-type]
                warnings = list(profile.warnings)
                body = (result_dict(result, warnings=warnings) if steps
                        else row_dict(result, warnings=warnings))  # fmt: skip
                yield f"{start}{dumps(body, indent=None)[1:]}\n"
                continue
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
                    values = RowError("a passthrough value is nested too deeply to write")
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
        r = engine.work(values)  # type: ignore[arg-type]
        if any(values[10:]):  # type: ignore[index]
            result, profile = engine.full(values)  # type: ignore[arg-type]
            return [str(line), *_full_csv(result), profile.rates.origin,
                    "; ".join(profile.warnings), ""]  # fmt: skip
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
        h.medi_cal or "", str(p.rates.year), amounts[4], *NO_FULL_INPUTS, h.kind, r[1], r[2],
        r[3], money_text(p.level), r[4], r[5], r[6], *NO_FULL_RESULTS, p.rates.origin,
        "; ".join(p.warnings), "",
    ]  # fmt: skip


def _yes(flag: bool) -> str:
    return "true" if flag else "false"


def _text(value: Decimal | None) -> str:
    return "" if value is None else money_text(value)


# The FULL_COLUMNS as understood, and FULL_RESULT_FIELDS, for a row that gives none of them.
NO_FULL_INPUTS = ("", "", ZERO_TEXT, "0", ZERO_TEXT, ZERO_TEXT, "false", "")
NO_FULL_RESULTS = ("", "", "", "")


def _full_csv(r: Result) -> list[str]:
    """A row worked out in full, as CSV, from ``unearned`` to ``assets_over_limit``."""
    h, c, mc, a = r.household, r.countable, r.medi_cal_share, r.assets
    over = None if a is None else a.over_limit
    return [
        *(money_text(v) for v in (h.unearned, h.earned, h.irwe, h.bwe)),
        _yes(h.couple), _yes(h.blind), _yes(h.spouse_blind), h.medi_cal or "", str(r.rates.year),
        money_text(h.disability_income), _text(h.spouse_earned), _text(h.spouse_unearned),
        money_text(h.spouse_ihss_wages), str(h.children), money_text(h.child_income),
        money_text(h.health_premiums), _yes(h.medi_cal_soc), _text(h.assets), h.kind,
        *(money_text(v) for v in (c.countable_unearned, c.countable_earned, c.total,
                                  r.payment_level.value, r.above_level,
                                  r.computed_share_of_cost, r.share_of_cost)),
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
