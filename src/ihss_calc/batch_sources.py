"""Batch input: CSV with a header row, or JSON Lines, as rows of the input columns' texts and
the passthrough values; a row that cannot be read is its ``RowError``, in its place."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring as _string
from operator import itemgetter
from typing import Any

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


def _header(names: list[str], reserved: set[str], warn: Callable[[str], None]) -> list[str]:
    """The input columns' keys (lower case) and the passthrough columns' output names; a
    passthrough column is renamed input_<name> only where the output has a field of its name."""
    keys = [n.strip().lower() if n.strip().lower() in INPUT_COLUMNS else n.strip() for n in names]
    seen: set[str] = set()
    for key, name in zip(keys, names, strict=True):
        if key in seen:
            raise BadInput(_("the header names the column {name} twice").format(
                name=repr(name.strip())))  # fmt: skip
        seen.add(key)
    if RENAMED_COLUMN in seen:
        raise BadInput(_(RENAMED))
    if not seen & set(INPUT_COLUMNS):
        why = _("the first line names none of the input columns ({columns}); CSV input needs a "
                "header row")  # fmt: skip
        raise BadInput(why.format(columns=", ".join(INPUT_COLUMNS)))
    return [passthrough_name(k, reserved, warn) if k not in INPUT_COLUMNS else k for k in keys]


def passthrough_name(name: str, reserved: set[str], warn: Callable[[str], None]) -> str:
    """A passthrough column keeps its name, unless the output has a field of that name: then
    it becomes ``input_<name>``, said on stderr."""
    if name not in reserved:
        return name
    warn(_("the input column {name} passes through as {renamed}: the output has a field of that "
           "name.").format(name=repr(name), renamed=f"'input_{name}'"))  # fmt: skip
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
            raise BadInput(
                _("the header cannot be read as CSV: {error}").format(error=exc)
            ) from None
        problem = lines.header_problem()
        if problem:
            raise BadInput(problem)
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
                why = _("this row cannot be read as CSV: {error}").format(error=exc)
                yield start, RowError(why), [""] * len(kept_at)
                continue
            end = reader.line_num
            if not row:
                continue  # a blank line is not a row
            if len(row) != width:
                short = [row[i] if i < len(row) else "" for i in kept_at]
                why = _("this row has {n} fields; the header has {width}").format(
                    n=len(row), width=width)  # fmt: skip
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
        if len(self.names) == 1:  # an id column, most often: a third less a row without map
            return lambda line, kept: template % (line, _string(kept[0]))
        return lambda line, kept: template % (line, *map(_string, kept))


def _no_constant(name: str) -> None:
    raise ValueError(_("{name} is not a number JSON allows").format(name=name))


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
            for key, value in record.items():
                lower = key.lower()
                if lower == RENAMED_COLUMN:
                    values = {}
                    break
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
