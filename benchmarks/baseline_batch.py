"""A frozen copy of ``ihss batch``'s engine as it was before the rewrite (src/ihss_calc/batch.py
at commit b018b34), the baseline benchmarks/batch.py measures the current engine against.

Kept verbatim below the driver, but for imports, lint directives and ``replace`` (the rule
records it is given are NamedTuples now): do not change it, so that the comparison stays with
the same design. Run: python benchmarks/baseline_batch.py FILE.csv
[--output-format jsonl|csv] (CSV in, bundled rates, this year's rates for rows with no year).
"""
# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from json.encoder import encode_basestring as _string
from operator import itemgetter
from typing import IO, Any

from ihss_calc.amounts import ZERO, AmountError, money_text, parse_amount
from ihss_calc.jsonout import RawNumber, dumps, rates_ref, result_dict
from ihss_calc.rates import Rates
from ihss_calc.rules import (
    MEDI_CAL,
    SCHEMA_VERSION,
    Household,
    InputProblem,
    above_and_share,
    check_household,
    countable_amounts,
    share_of_cost,
)


def replace(record: Any, **changes: Any) -> Any:
    """The records became NamedTuples after the freeze (start-up); dataclasses.replace then."""
    return record._replace(**changes)


AMOUNT_COLUMNS = ("unearned", "earned", "irwe", "bwe")
FLAG_COLUMNS = ("couple", "blind", "spouse_blind")
INPUT_COLUMNS = (*AMOUNT_COLUMNS, *FLAG_COLUMNS, "medi_cal", "year", "disability_income")
PROFILE = slice(4, 9)  # the columns a profile is made of: couple … year
RESULT_FIELDS = (
    "countable_unearned_income",
    "countable_earned_income",
    "total_countable_income",
    "payment_level",
    "above_payment_level",
    "computed_share_of_cost",
    "share_of_cost",
)
# Output fields: a passthrough column with one of these names comes out as input_<name>.
RESERVED = {"line", "error", "schema_version", "inputs", "household", "medi_cal", "rates",
            "warnings", "steps", "notes", *RESULT_FIELDS}  # fmt: skip
CSV_FIELDS = ("line", *INPUT_COLUMNS, "household", *RESULT_FIELDS, "rates_file", "warnings",
              "error")  # fmt: skip

FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False, "": False}
ZERO_TEXT = money_text(ZERO)
# Cache sizes: plenty for real caseloads, and memory stays flat whatever the input holds.
_AMOUNTS_CACHED = 50_000
_PROFILES_CACHED = 4_096


class BadInput(Exception):
    """Input that cannot be read at all (a header with no input columns, say): usage, exit 2."""


class RowError(Exception):
    """One row that cannot be worked out; the message is what ``ihss soc`` would say."""


def invalid(column: str, why: str) -> RowError:
    return RowError(f"Invalid value for '{column}': {why}")


@dataclass(frozen=True, slots=True)
class Profile:
    """What a row's household, Medi-Cal and year decide, worked out once for all such rows."""

    household: Household  # with amounts 0
    rates: Rates
    general: Decimal
    earned_exclusion: Decimal
    share_excluded: Decimal
    level: Decimal
    quantum: Decimal
    mode: str
    free: bool  # a Medi-Cal program that means no share of cost
    bwe_error: str | None  # why this household may not have BWE, if it may not
    irwe_error: str | None
    warnings: tuple[str, ...]
    json_head: str  # '"schema_version": 1, "household": "individual", '
    json_tail: str  # '"medi_cal": …, "rates": {…}, "warnings": […]'
    level_text: str


class Engine:
    """Works out rows. ``rates_for(year)`` gives the rates for a year or raises ``RowError``."""

    def __init__(
        self,
        rates_for: Callable[[int | None], Rates],
        warning_for: Callable[[Rates], str | None],
    ) -> None:
        self._rates_for = rates_for
        self._warning_for = warning_for
        # A combination the rules refuse is kept as its message.
        self._profiles: dict[tuple[Any, ...], Profile | str] = {}
        self._amounts: dict[str | None, Decimal] = {}
        self._forget_amounts()

    # -- once per household, Medi-Cal and year ---------------------------------------------------

    def profile(self, key: tuple[str | None, ...]) -> Profile:
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
        if type(found) is str:
            raise RowError(found)
        return found  # type: ignore[return-value]

    def _make_profile(
        self,
        couple: str | None,
        blind: str | None,
        spouse_blind: str | None,
        medi_cal: str | None,
        year: str | None,
    ) -> Profile:
        flags = [parse_flag(v, name) for v, name in zip((couple, blind, spouse_blind),
                                                       FLAG_COLUMNS, strict=True)]  # fmt: skip
        code = parse_medi_cal(medi_cal)
        rates = self._rates_for(parse_year(year))
        household = Household(couple=flags[0], blind=flags[1], spouse_blind=flags[2],
                              medi_cal=code)  # fmt: skip
        try:
            check_household(household)
        except InputProblem as problem:
            raise invalid(problem.field, problem.message) from None
        warning = self._warning_for(rates)
        warnings = (warning,) if warning else ()
        level = rates.payment_levels[household.kind].value
        program = MEDI_CAL[code] if code else None
        medi_cal_json = dumps(
            None if program is None else {
                "code": program.code,
                "label": program.label,
                "no_share_of_cost": program.no_share_of_cost,
                "source": program.source,
            },
            indent=None,
        )  # fmt: skip
        return Profile(
            household=household,
            rates=rates,
            general=rates.general_exclusion.value,
            earned_exclusion=rates.earned_exclusion.value,
            share_excluded=rates.earned_share_excluded.value,
            level=level,
            quantum=rates.rounding.quantum.value,
            mode=rates.rounding.mode,
            free=program is not None and program.no_share_of_cost,
            bwe_error=_problem(replace(household, bwe=Decimal(1))),
            irwe_error=_problem(replace(household, irwe=Decimal(1))),
            warnings=warnings,
            json_head=(
                f'"schema_version": {SCHEMA_VERSION}, "household": {dumps(household.kind)}, '
            ),
            json_tail=(
                f'"medi_cal": {medi_cal_json}, "rates": {dumps(rates_ref(rates), indent=None)}, '
                f'"warnings": {dumps(list(warnings), indent=None)}'
            ),
            level_text=money_text(level),
        )

    # -- once per row ------------------------------------------------------------------------------

    def _forget_amounts(self) -> None:
        self._amounts.clear()
        self._amounts[None] = self._amounts[""] = ZERO  # missing or empty: 0

    def amount(self, text: str | None, column: str) -> Decimal:
        """The amount; an empty or missing amount is 0."""
        found = self._amounts.get(text)
        if found is None:
            try:
                found = parse_amount(text or "")  # None and "" are in the cache: never here
            except AmountError as exc:
                raise invalid(column, str(exc)) from None
            if len(self._amounts) >= _AMOUNTS_CACHED:
                self._forget_amounts()
            self._amounts[text] = found
        return found

    def case(self, values: tuple[str | None, ...]) -> tuple[Any, ...]:
        """One row's result: (profile, then the texts of countable unearned, countable earned,
        total, above the level, computed share of cost, share of cost). ``values`` are the raw
        texts of INPUT_COLUMNS, None where a column is missing. The hot path of batch work."""
        profile = self._profiles.get(values[PROFILE])
        if type(profile) is not Profile:
            profile = self.profile(values[PROFILE])  # builds it, or raises the row's error
        get = self._amounts.get
        unearned = get(values[0])
        if unearned is None:
            unearned = self.amount(values[0], "unearned")
        earned = get(values[1])
        if earned is None:
            earned = self.amount(values[1], "earned")
        irwe = get(values[2])
        if irwe is None:
            irwe = self.amount(values[2], "irwe")
        bwe = get(values[3])
        if bwe is None:
            bwe = self.amount(values[3], "bwe")
        p = profile
        if bwe and p.bwe_error:
            raise RowError(p.bwe_error)
        if irwe and p.irwe_error:
            raise RowError(p.irwe_error)
        if values[9]:  # disability income: only the WDP check (--steps) uses it
            self._disability_income(values[9], unearned)
        amounts = countable_amounts(
            unearned, earned, irwe, bwe, p.general, p.earned_exclusion, p.share_excluded
        )
        countable_unearned, countable_earned, total = amounts[1], amounts[8], amounts[9]
        above, computed = above_and_share(total, p.level, p.quantum, p.mode)
        computed_text = money_text(computed) if computed else ZERO_TEXT
        return (
            p,
            money_text(countable_unearned) if countable_unearned else ZERO_TEXT,
            money_text(countable_earned) if countable_earned else ZERO_TEXT,
            money_text(total) if total else ZERO_TEXT,
            money_text(above) if above else ZERO_TEXT,
            computed_text,
            ZERO_TEXT if p.free else computed_text,
        )

    def _disability_income(self, text: str, unearned: Decimal) -> Decimal:
        value = self.amount(text, "disability_income")
        if value > unearned:
            household = Household(unearned=unearned, disability_income=value)
            raise RowError(_problem(household) or "")
        return value

    def household(self, values: tuple[str | None, ...]) -> tuple[Household, Rates]:
        """The full household of a row (for ``--steps``); the row must already have worked."""
        profile = self.profile(values[PROFILE])
        unearned, earned, irwe, bwe = (self.amount(v, c) for v, c in
                                       zip(values, AMOUNT_COLUMNS, strict=False))  # fmt: skip
        disability = self._disability_income(values[9], unearned) if values[9] else ZERO
        household = replace(profile.household, unearned=unearned, earned=earned, irwe=irwe,
                            bwe=bwe, disability_income=disability)  # fmt: skip
        return household, profile.rates


def _problem(household: Household) -> str | None:
    try:
        check_household(household)
    except InputProblem as problem:
        return str(invalid(problem.field, problem.message))
    return None


def parse_flag(text: str | None, column: str) -> bool:
    if text is None:
        return False
    found = FLAGS.get(text)
    if found is None:
        found = FLAGS.get(text.strip().lower())
        if found is None:
            raise invalid(
                column,
                f"{text!r} is not a yes/no value; use 1 or 0, true or false, yes or no, "
                "or leave it empty",
            )
    return found


def parse_medi_cal(text: str | None) -> str | None:
    if not text:
        return None
    if text not in MEDI_CAL:
        choices = ", ".join(repr(code) for code in MEDI_CAL)
        raise invalid("medi_cal", f"{text!r} is not one of {choices}.")
    return text


def parse_year(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise invalid("year", f"{text!r} is not a valid integer.") from None


# -- reading ---------------------------------------------------------------------------------------

# A row: its line number, the texts of INPUT_COLUMNS (None where missing) or why the row cannot
# be read, and its passthrough values (what they are depends on the source).
Row = tuple[int, tuple[str | None, ...] | RowError, Any]


def passthrough_name(name: str, warn: Callable[[str], None], warned: set[str]) -> str:
    """A passthrough column keeps its name, unless ihss writes a field of that name: then it
    becomes ``input_<name>``, said once on stderr."""
    if name not in RESERVED:
        return name
    if name not in warned:
        warned.add(name)
        warn(f"the input column {name!r} passes through as 'input_{name}': ihss writes a "
             f"field of that name.")  # fmt: skip
    return f"input_{name}"


class CsvSource:
    """CSV with a header row. ``rows`` yields each row; passthrough values are a sequence of
    strings, one per column of ``names``."""

    def __init__(self, stream: IO[str], warn: Callable[[str], None] = lambda _: None) -> None:
        self._lines = iter(stream)
        reader = csv.reader(self._lines)
        header = next(reader, None)
        self._line = reader.line_num
        self.names: tuple[str, ...] = ()
        self._header = [name.strip() for name in header] if header is not None else None
        if self._header is not None:
            _check_header(self._header)
            warned: set[str] = set()
            self.names = tuple(passthrough_name(n, warn, warned) for n in self._header
                               if n not in INPUT_COLUMNS)  # fmt: skip

    def rows(self) -> Iterator[Row]:
        names = self._header
        if names is None:
            return
        width = len(names)
        # A missing column reads the None appended to every row, at index ``width``.
        pick = itemgetter(*(names.index(c) if c in names else width for c in INPUT_COLUMNS))
        kept_at = [i for i, name in enumerate(names) if name not in INPUT_COLUMNS]
        keep = itemgetter(*kept_at) if len(kept_at) > 1 else None
        first = kept_at[0] if len(kept_at) == 1 else -1
        lines = self._lines
        line = self._line
        for text in lines:
            line += 1
            start = line
            if '"' in text:  # quoted fields, perhaps over several lines: the csv module
                reader = csv.reader(chain((text,), lines))
                row = next(reader)
                line += reader.line_num - 1
            else:  # plain: a split is exact, and several times faster
                row = text.rstrip("\r\n").split(",")
                if row == [""]:
                    continue  # a blank line is not a row
            kept: Any
            if len(row) != width:
                kept = [row[i] if i < len(row) else "" for i in kept_at]
                problem = RowError(f"this row has {len(row)} fields; the header has {width}")
                yield start, problem, kept
                continue
            kept = keep(row) if keep else (row[first : first + 1] if first >= 0 else ())
            row.append(None)  # type: ignore[arg-type]
            yield start, pick(row), kept

    @staticmethod
    def json_values(kept: Any) -> Iterator[str]:
        return map(_string, kept)

    @staticmethod
    def csv_values(kept: Any) -> list[str]:
        return list(kept)


def _check_header(names: list[str]) -> None:
    seen = set()
    for name in names:
        if name in seen:
            raise BadInput(f"the header names the column {name!r} twice")
        seen.add(name)
    if not seen & set(INPUT_COLUMNS):
        raise BadInput(
            "the first line names none of the input columns ("
            + ", ".join(INPUT_COLUMNS)
            + "); CSV input needs a header row"
        )


class JsonlSource:
    """JSON Lines: one object a line; blank lines are skipped. Passthrough values are
    (key, value) pairs, the values as parsed (numbers keep their own text)."""

    def __init__(self, stream: IO[str], warn: Callable[[str], None] = lambda _: None) -> None:
        self._stream = stream
        self._warn = warn
        self.names: tuple[str, ...] = ()  # for CSV output: set from the first row

    def rows(self) -> Iterator[Row]:
        warned: set[str] = set()
        for line, text in enumerate(self._stream, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text, parse_float=RawNumber, parse_int=RawNumber)
            except json.JSONDecodeError as exc:
                yield line, RowError(f"not valid JSON: {exc}"), ()
                continue
            if not isinstance(record, dict):
                problem = f"a JSON Lines row must be an object, not {_json_kind(record)}"
                yield line, RowError(problem), ()
                continue
            kept = tuple((passthrough_name(k, self._warn, warned), v)
                         for k, v in record.items() if k not in INPUT_COLUMNS)  # fmt: skip
            if not self.names:
                self.names = tuple(k for k, _ in kept)
            yield line, tuple(_json_text(record.get(c)) for c in INPUT_COLUMNS), kept

    @staticmethod
    def json_values(kept: Any) -> Iterator[str]:
        return (dumps(v, indent=None) for _, v in kept)

    def csv_values(self, kept: Any) -> list[str]:
        found = dict(kept)
        return [_csv_text(found.get(name)) for name in self.names]


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else dumps(value, indent=None)


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, RawNumber):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "a value"


def _json_text(value: object) -> str | None:
    """A JSON value as the text ``ihss soc`` would be given: numbers keep their own text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return dumps(value, indent=None)


Source = CsvSource | JsonlSource


# -- writing ---------------------------------------------------------------------------------------


@dataclass
class Tally:
    rows: int = 0
    failed: int = 0


def jsonl_lines(engine: Engine, source: Source, *, steps: bool, tally: Tally) -> Iterator[str]:
    """One JSON object a row, in input order, with the field names of ``ihss soc --json``
    (its ``inputs``, ``notes`` and ``steps`` only with ``--steps``), after the row's
    ``line`` and its passthrough columns."""
    keys: dict[tuple[str, ...], str] = {}
    names = source.names
    json_values = source.json_values
    case = engine.case
    for line, values, kept in source.rows():
        tally.rows += 1
        passed = ""
        if kept:
            row_names = names if type(source) is CsvSource else tuple(k for k, _ in kept)
            template = keys.get(row_names)
            if template is None:
                template = keys[row_names] = "".join(
                    _string(name).replace("{", "{{").replace("}", "}}") + ": {}, "
                    for name in row_names
                )
            passed = template.format(*json_values(kept))
        try:
            if type(values) is RowError:
                raise values
            r = case(values)  # type: ignore[arg-type]
            if steps:
                household, rates = engine.household(values)  # type: ignore[arg-type]
                body = result_dict(share_of_cost(household, rates),
                                   warnings=list(r[0].warnings))  # fmt: skip
                yield f'{{"line": {line}, {passed}{dumps(body, indent=None)[1:]}\n'
                continue
        except RowError as exc:
            tally.failed += 1
            yield f'{{"line": {line}, {passed}"error": {_string(str(exc))}}}\n'
            continue
        p = r[0]
        yield (
            f'{{"line": {line}, {passed}{p.json_head}"countable_unearned_income": {r[1]!s}, '
            f'"countable_earned_income": {r[2]!s}, "total_countable_income": {r[3]!s}, '
            f'"payment_level": {p.level_text}, "above_payment_level": {r[4]!s}, '
            f'"computed_share_of_cost": {r[5]!s}, "share_of_cost": {r[6]!s}, {p.json_tail}}}\n'
        )


def csv_rows(engine: Engine, source: Source, tally: Tally) -> Iterator[list[str]]:
    """The header, then one CSV row per input row, in input order."""
    rows = source.rows()
    first = next(rows, None)
    yield [*source.names, *CSV_FIELDS]
    if first is None:
        return
    blank = [""] * (len(CSV_FIELDS) - 2)
    for line, values, kept in chain((first,), rows):
        tally.rows += 1
        passed = source.csv_values(kept)
        try:
            if type(values) is RowError:
                raise values
            r = engine.case(values)  # type: ignore[arg-type]
            texts = values[:4] + values[9:]  # type: ignore[index]
            columns = (*AMOUNT_COLUMNS, "disability_income")
            amounts = [money_text(engine.amount(v, c)) for v, c in zip(texts, columns, strict=True)]
        except RowError as exc:
            tally.failed += 1
            yield [*passed, str(line), *blank, str(exc)]
            continue
        p = r[0]
        h = p.household
        yield [
            *passed, str(line), *amounts[:4],
            _yes(h.couple), _yes(h.blind), _yes(h.spouse_blind), h.medi_cal or "",
            str(p.rates.year), amounts[4], h.kind, r[1], r[2], r[3], p.level_text, r[4], r[5], r[6],
            p.rates.origin, "; ".join(p.warnings), "",
        ]  # fmt: skip


def _yes(flag: bool) -> str:
    return "true" if flag else "false"


def write_csv(rows: Iterator[list[str]], out: IO[str]) -> None:
    csv.writer(out, lineterminator="\n").writerows(rows)


def write_lines(lines: Iterator[str], out: IO[str], chunk: int = 2000) -> None:
    """Write in chunks: one write per ``chunk`` rows, so memory stays flat and calls few."""
    buffer: list[str] = []
    add = buffer.append
    for text in lines:
        add(text)
        if len(buffer) >= chunk:
            out.write("".join(buffer))
            buffer.clear()
    out.write("".join(buffer))


def main() -> int:
    import argparse
    import datetime as dt
    import sys

    from ihss_calc import rates as rates_mod

    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("--output-format", choices=["jsonl", "csv"], default="jsonl")
    args = parser.parse_args()
    years = list(rates_mod.years_on_file())
    by_year = {y: rates_mod.load_bundled(y) for y in years}
    default = rates_mod.default_year(dt.date.today(), years)

    def rates_for(wanted: int | None) -> Rates:
        if (wanted or default) not in by_year:
            raise invalid("year", f"no rates on file for {wanted}")
        return by_year[wanted or default]

    engine = Engine(rates_for, lambda rates: None)
    tally = Tally()
    with open(args.source, encoding="utf-8-sig", newline="") as stream:
        rows = CsvSource(stream)
        if args.output_format == "jsonl":
            write_lines(jsonl_lines(engine, rows, steps=False, tally=tally), sys.stdout)
        else:
            write_csv(csv_rows(engine, rows, tally), sys.stdout)
    sys.stdout.flush()
    return 1 if tally.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
