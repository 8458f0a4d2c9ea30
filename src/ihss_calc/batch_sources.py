"""Batch input: CSV with a header row, or JSON Lines, as rows of the input columns' texts and
the passthrough values; a row that cannot be read is its ``RowError``, in its place."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from json.encoder import encode_basestring as _string
from operator import itemgetter
from types import MappingProxyType
from typing import Any, NamedTuple

from ihss_calc.batch import FULL_COLUMNS, INPUT_COLUMNS, RowError
from ihss_calc.i18n import N_, _
from ihss_calc.jsonout import RawNumber, dumps
from ihss_calc.tabular import BadInput, Lines

FIELD_LIMIT = 16 << 20  # the largest CSV field kept; a larger one makes its row an error


# A row: its line number, the texts of INPUT_COLUMNS or why the row cannot be read, and its
# passthrough values (what they are depends on the source).
Row = tuple[int, tuple[str, ...] | RowError, Any]


# The one input column whose meaning changed: one total for all the children. Read as a
# passthrough it would be dropped without a word, so it is refused with the new name.
RENAMED_COLUMN = "child_income"
RENAMED = N_(
    "the column child_income (one total for all the children) is now child_incomes: each "
    "child's own monthly income, in order, separated by ';' (for example 600;0)"
)


class HeaderRules(NamedTuple):
    """How the person asked the header to be read: ``--rename 'Header=column'``,
    ``--passthrough 'Header'`` (data, though it looks like an input), ``--strict-columns``."""

    renames: Mapping[str, str] = MappingProxyType({})
    passthrough: frozenset[str] = frozenset()
    strict: bool = False


AS_GIVEN = HeaderRules()  # no renames, no passthrough, not strict


# Columns that give earnings as soc's options do, turned into `earned` before a row is worked.
EARNINGS_COLUMNS = ("wage", "hours", "yearly")
READ = (*INPUT_COLUMNS, *EARNINGS_COLUMNS)  # every column read as an input


# Words for earnings that name no input column, so that "Earnings" is not read as data.
EARNINGS_WORDS = frozenset({"earnings", "earning", "salary", "salaries"})


def _words(name: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in name.lower()).split()


def resembles(name: str) -> str | None:
    """The input column a header looks like without being spelled as one, if any: the same
    words in another spelling (``Unearned Income``, ``spouse-earned``), another word for
    earnings (``Earnings``, ``Spouse Salary``), or a close misspelling (``earnd``,
    ``unearnd``)."""
    import difflib

    words = _words(name)
    joined = "".join(words)
    if not joined:
        return None
    found = _same_words(words)
    if found is None and EARNINGS_WORDS.intersection(words):
        found = _same_words(["earned" if w in EARNINGS_WORDS else w for w in words])
    if found is None and len(joined) >= 3:  # a close misspelling: "earnd", "yar"
        close = difflib.get_close_matches(joined, ["".join(c.split("_")) for c in READ], n=1,
                                          cutoff=0.8)  # fmt: skip
        if close:
            found = next(c for c in READ if "".join(c.split("_")) == close[0])
    return found


def _same_words(words: list[str]) -> str | None:
    """The input column of these words ("Spouse Earned", "spouse-earned"), or the one whose
    words are all among them ("Unearned Income", "Spouse Blind (Y/N)"; the most words win)."""
    joined = "".join(words)
    for column in READ:
        if words == column.split("_") or column.replace("_", "") == joined:
            return column
    best = None
    for column in READ:
        parts = column.split("_")
        longer = best is None or len(parts) > best.count("_") + 1
        if longer and all(p in words for p in parts) and (len(parts) > 1 or len(parts[0]) >= 4):
            best = column
    return best


def _header(
    names: list[str], reserved: set[str], warn: Callable[[str], None],
    rules: HeaderRules = AS_GIVEN,
) -> list[str]:  # fmt: skip
    """The input columns' keys (lower case) and the passthrough columns' output names; a
    passthrough column is renamed input_<name> only where the output has a field of its name.
    A header that looks like an input column but is not spelled as one is refused, with the
    fix: no column's numbers are dropped without a word."""
    given = {name.strip() for name in names}
    for asked, option in [*((r, "--rename") for r in rules.renames),
                          *((k, "--passthrough") for k in sorted(rules.passthrough))]:  # fmt: skip
        if asked not in given:
            raise BadInput(_("{option} names the column {name}, which the header does not have "
                             "(its columns: {columns})").format(
                option=option, name=repr(asked),
                columns=", ".join(repr(n.strip()) for n in names)))  # fmt: skip
    keys = []
    names = [name if name.strip() else f"column_{i}" for i, name in enumerate(names, start=1)]
    for name in names:  # an unnamed column, as exports leave them, is named by its place
        label = name.strip()
        target = rules.renames.get(label, label).strip().lower()
        keys.append(target if target in READ else label)
    seen: set[str] = set()
    for key, name in zip(keys, names, strict=True):
        if key in seen:
            raise BadInput(_("the header names the column {name} twice").format(
                name=repr(name.strip())))  # fmt: skip
        seen.add(key)
    if RENAMED_COLUMN in {k.lower() for k in seen} and RENAMED_COLUMN not in rules.passthrough:
        raise BadInput(_(RENAMED))
    problems = []
    for key in keys:
        if key in READ or key in rules.passthrough:
            continue
        column = resembles(key)
        if column is not None:
            problems.append(_(
                "the column {name} looks like the input column {column} but is not spelled as "
                "one: rename it (--rename {rename}) or keep it as data (--passthrough {keep})"
            ).format(name=repr(key), column=repr(column), rename=repr(f"{key}={column}"),
                     keep=repr(key)))  # fmt: skip
        elif rules.strict:
            problems.append(_(
                "the column {name} is not an input column, and --strict-columns is given "
                "(keep it as data with --passthrough {keep})"
            ).format(name=repr(key), keep=repr(key)))  # fmt: skip
    if problems:
        raise BadInput("; ".join(problems))
    if not seen & set(READ):
        why = _("the first line names none of the input columns ({columns}); CSV input needs a "
                "header row")  # fmt: skip
        raise BadInput(why.format(columns=", ".join(READ)))
    return [passthrough_name(k, reserved, warn) if k not in READ else k for k in keys]


def passthrough_name(name: str, reserved: set[str], warn: Callable[[str], None]) -> str:
    """A passthrough column keeps its name, unless the output has a field of that name: then
    it becomes ``input_<name>``, said on stderr."""
    if name not in reserved:
        return name
    warn(_("the input column {name} passes through as {renamed}: the output has a field of that "
           "name.").format(name=repr(name), renamed=f"'input_{name}'"))  # fmt: skip
    return f"input_{name}"


DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\t": "\t", "|": "|"}


def sniff(first: str) -> str:
    """The delimiter of a header line: the one of , ; tab | that splits it into the most input
    columns (then the most fields); a comma when none names one."""
    best, score = ",", (-1, -1)
    for delimiter in (",", ";", "\t", "|"):
        fields = next(csv.reader([first], delimiter=delimiter), [])
        named = sum(f.strip().lower() in READ for f in fields)
        if (named, len(fields)) > score:
            best, score = delimiter, (named, len(fields))
    return best


Record = tuple[int, int, "list[str] | str"]  # first line, last line, the fields or why not


class CsvSource:
    """A table with a header row: CSV (any of four delimiters), or a workbook's sheet
    (``from_xlsx``). Passthrough values are the row's other fields, in order; an all-empty row
    is skipped and counted (``blank``)."""

    def __init__(self, header: list[str] | None, records: Iterator[Record],
                 reserved: set[str], warn: Callable[[str], None],
                 rules: HeaderRules = AS_GIVEN) -> None:  # fmt: skip
        self._records = records
        self.blank = 0
        self._keys = _header(header, reserved, warn, rules) if header else None
        self.names = [k for k in self._keys or () if k not in READ]
        self.inputs = [k for k in self._keys or () if k in READ]
        self.full = bool(set(self._keys or ()) & set(FULL_COLUMNS))  # rows may need share_of_cost

    @classmethod
    def from_csv(cls, lines: Lines, reserved: set[str], warn: Callable[[str], None],
                 rules: HeaderRules = AS_GIVEN,
                 delimiter: str | None = None) -> CsvSource:  # fmt: skip
        csv.field_size_limit(FIELD_LIMIT)
        text = iter(lines)
        first = next(text, None)
        chosen = delimiter or (sniff(first) if first is not None else ",")
        reader = csv.reader(chain(() if first is None else (first,), text), delimiter=chosen)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise BadInput(
                _("the header cannot be read as CSV: {error}").format(error=exc)
            ) from None
        problem = lines.header_problem()
        if problem:
            raise BadInput(problem)
        source = cls(header, _csv_records(reader, lines), reserved, warn, rules)
        source.delimiter = chosen
        return source

    delimiter = ","
    sheet: str | None = None  # a workbook's sheet read

    def rows(self) -> Iterator[Row]:
        keys = self._keys
        if keys is None:
            return
        width = len(keys)
        # A missing column reads the "" appended to every row, at index ``width``.
        pick = itemgetter(*(keys.index(c) if c in keys else width for c in INPUT_COLUMNS))
        money = [keys.index(c) if c in keys else width for c in EARNINGS_COLUMNS]
        by_earnings = any(c in keys for c in EARNINGS_COLUMNS)
        kept_at = [i for i, key in enumerate(keys) if key not in READ]
        keep = itemgetter(*kept_at) if len(kept_at) > 1 else None
        single = kept_at[0] if len(kept_at) == 1 else None
        for start, _end, row in self._records:
            if isinstance(row, str):  # a row the format could not give
                yield start, RowError(row), [""] * len(kept_at)
                continue
            if not "".join(row).strip():
                self.blank += 1  # only delimiters or spaces: not a row
                continue
            if len(row) != width:
                short = [row[i] if i < len(row) else "" for i in kept_at]
                why = _("this row has {n} fields; the header has {width}").format(
                    n=len(row), width=width)  # fmt: skip
                yield start, RowError(why), short
                continue
            kept: Any = keep(row) if keep else ((row[single],) if single is not None else ())
            row.append("")
            values = pick(row)
            if by_earnings:
                values = with_earnings(values, *(row[i] for i in money))
            yield start, values, kept

    def prefix(self) -> Callable[[int, Any], str]:
        """The start of a JSON Lines row: its line and passthrough members, then ", "."""
        template = "".join(["{\"line\": %d, ", *(_string(n).replace("%", "%%") + ": %s, "
                                               for n in self.names)])  # fmt: skip
        if len(self.names) == 1:  # an id column, most often: a third less a row without map
            return lambda line, kept: template % (line, _string(kept[0]))
        return lambda line, kept: template % (line, *map(_string, kept))


def _csv_records(reader: Any, lines: Lines) -> Iterator[Record]:
    """A CSV reader's rows with their line numbers; a line whose bytes were not text, or a
    field over FIELD_LIMIT, is that row's problem."""
    bad = lines.bad
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a field over FIELD_LIMIT: the row is lost, not the run
            end = reader.line_num
            yield start, end, _("this row cannot be read as CSV: {error}").format(error=exc)
            continue
        end = reader.line_num
        if (bad and any(n in bad for n in range(start, end + 1))
                and row and any(cell.strip() for cell in row)):  # fmt: skip
            yield start, end, next(bad[n] for n in range(start, end + 1) if n in bad)
            continue
        yield start, end, row


def with_earnings(values: tuple[str, ...], wage: str, hours: str, yearly: str) -> Any:
    """A row's inputs with ``earned`` worked out from its wage and hours a week, or its yearly
    earnings, as ``ihss soc --wage --hours`` and ``--yearly`` do; or the row's error."""
    if not (wage.strip() or hours.strip() or yearly.strip()):
        return values
    from ihss_calc.amounts import AmountError, parse_amount
    from ihss_calc.batch import invalid
    from ihss_calc.earnings import from_wage, from_yearly, parse_hours

    given = [name for name, text in (("earned", values[1]), ("wage/hours", wage + hours),
                                     ("yearly", yearly)) if text.strip()]  # fmt: skip
    if len(given) > 1:
        why = _("the row gives earnings {ways}: give one way").format(ways=" and ".join(given))
        return RowError(why)
    try:
        if yearly.strip():
            column = "yearly"
            monthly = from_yearly(parse_amount(yearly))
        else:
            if not (wage.strip() and hours.strip()):
                missing = "hours" if wage.strip() else "wage"
                return RowError(_("the row gives {given} without {missing}: monthly earnings "
                                  "are wage × hours a week × 52 ÷ 12").format(
                                      given="wage" if missing == "hours" else "hours",
                                      missing=missing))  # fmt: skip
            column = "wage"
            rate = parse_amount(wage)
            column = "hours"
            monthly = from_wage(rate, parse_hours(hours))
    except (AmountError, ValueError) as exc:
        return invalid(column, str(exc))
    return (values[0], str(monthly.amount), *values[2:])


def _no_constant(name: str) -> None:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


class JsonlSource:
    """JSON Lines: one object a line; blank lines are skipped. Passthrough values are
    (key, value) pairs, the values as parsed (numbers keep their own text)."""

    full = True  # any row may give deeming, Medi-Cal or asset keys

    def __init__(self, lines: Lines, reserved: set[str], warn: Callable[[str], None],
                 rules: HeaderRules = AS_GIVEN) -> None:  # fmt: skip
        self._lines = lines
        self._reserved = reserved
        self._warn = warn
        self._rules = rules
        self.blank = 0
        self.names: list[str] = []
        self.inputs: list[str] = []

    def _key_problem(self, key: str) -> str | None:
        """Why a key that is not an input cannot pass through: it looks like one (or
        --strict-columns), as for a CSV header."""
        try:
            _header(
                [key, "unearned"], set(), lambda _text: None, HeaderRules(strict=self._rules.strict)
            )
        except BadInput as exc:
            return str(exc)
        return None

    def rows(self) -> Iterator[Row]:
        renamed: dict[str, str] = {}
        checked: dict[str, str | None] = {}
        bad = self._lines.bad
        renames = {k.lower(): v.lower() for k, v in self._rules.renames.items()}
        for line, text in enumerate(self._lines, start=1):
            if not text.strip():
                self.blank += 1
                continue
            if line in bad:
                yield line, RowError(bad[line]), ()
                continue
            try:
                record = json.loads(text, parse_float=RawNumber, parse_int=RawNumber,
                                    parse_constant=_no_constant)  # fmt: skip
            except RecursionError:
                yield line, RowError(_("not valid JSON: nested too deeply")), ()
                continue
            except ValueError as exc:
                yield line, RowError(_("not valid JSON: {error}").format(error=exc)), ()
                continue
            if not isinstance(record, dict):
                why = _("a JSON Lines row must be an object, not {kind}").format(kind=_kind(record))
                yield line, RowError(why), ()
                continue
            values: dict[str, str] = {}
            kept = []
            problem = None
            for key, value in record.items():
                lower = renames.get(key.lower(), key.lower())
                if lower == RENAMED_COLUMN and key not in self._rules.passthrough:
                    values = {}
                    break
                if lower in READ:
                    if lower in values:
                        break
                    values[lower] = _json_text(value)
                else:
                    if key not in checked:
                        checked[key] = (None if key in self._rules.passthrough
                                        else self._key_problem(key))  # fmt: skip
                    problem = problem or checked[key]
                    if key not in renamed:
                        renamed[key] = passthrough_name(key, self._reserved, self._warn)
                    kept.append((renamed[key], value))
            else:
                if problem:
                    yield line, RowError(problem), kept
                    continue
                picked = tuple(values.get(c, "") for c in INPUT_COLUMNS)
                if any(values.get(c, "").strip() for c in EARNINGS_COLUMNS):
                    picked = with_earnings(picked, *(values.get(c, "") for c in EARNINGS_COLUMNS))
                yield line, picked, kept
                continue
            if lower == RENAMED_COLUMN:
                yield line, RowError(_(RENAMED)), kept
                continue
            why = _("the row gives {key} twice (keys are read in any case)").format(key=repr(lower))
            yield line, RowError(why), kept

    @staticmethod
    def prefix() -> Callable[[int, Any], str]:
        return lambda line, kept: (
            f'{{"line": {line}, '
            + "".join(f"{_string(k)}: {dumps(v, indent=None)}, " for k, v in kept)
        )


def _kind(value: object) -> str:
    if isinstance(value, list):
        return _("an array")
    if isinstance(value, RawNumber):
        return _("a number")
    if isinstance(value, str):
        return _("a string")
    return "null" if value is None else ("true" if value else "false")


def _json_text(value: object) -> str:
    """A JSON value as the text ``ihss soc`` would be given: numbers keep their own text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and not any(isinstance(v, (list, dict)) for v in value):
        return ";".join(_json_text(v) for v in value)  # one amount per child, as in CSV
    return dumps(value, indent=None)


def _csv_text(value: object) -> str:
    return value if isinstance(value, str) else dumps(value, indent=None)


Source = CsvSource | JsonlSource
