"""Batch input from an Excel workbook (.xlsx), read with openpyxl in read-only mode, a row at a
time, so memory stays flat however long the sheet; imported only for an .xlsx input.

Each cell becomes the text a CSV export would hold, and then goes through the same reading as
CSV: a number Excel stored is written as the shortest decimal text that is that very number
(Python's ``repr``: 1197.5, 0.1), never rounded, so an amount with more than two decimals is
refused, not guessed; a whole number as its digits; a date as YYYY-MM-DD; TRUE/FALSE as
true/false; an error cell (#DIV/0!) as its text, which is that row's error. The line of a row
is its row number on the sheet."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from typing import Any

from ihss_calc.batch_sources import AS_GIVEN, CsvSource, HeaderRules, Record
from ihss_calc.i18n import _
from ihss_calc.tabular import BadInput


def cell_text(value: Any) -> str:
    """A cell as a CSV export would hold it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def xlsx_source(
    stream: io.BufferedIOBase, sheet: str | None, reserved: set[str],
    warn: Callable[[str], None], rules: HeaderRules = AS_GIVEN,
) -> CsvSource:  # fmt: skip
    """The sheet's first row as the header, the others as records. A workbook is a zip file,
    read from its end: from standard input it is first copied to a temporary file."""
    import shutil
    import tempfile
    import zipfile

    from openpyxl import load_workbook

    if not stream.seekable():
        # Open while the rows are read, closed after the last (or when the run ends).
        copy = tempfile.TemporaryFile()  # noqa: SIM115
        shutil.copyfileobj(stream, copy)
        copy.seek(0)
        stream = copy
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        why = _("cannot read it as an .xlsx workbook: {error}").format(error=exc)
        raise BadInput(why) from None
    if sheet is not None and sheet not in book.sheetnames:
        why = _("the workbook has no sheet {sheet}; its sheets: {sheets}").format(
            sheet=repr(sheet), sheets=", ".join(repr(s) for s in book.sheetnames)
        )
        raise BadInput(why)  # fmt: skip
    table = book[sheet] if sheet is not None else book.worksheets[0]
    rows = table.iter_rows(values_only=True)
    first = next(rows, None)
    header = None if first is None else [cell_text(v) for v in first]
    while header and header[-1] == "":  # trailing empty cells Excel keeps in a row's range
        header.pop()
    width = len(header or ())

    def records() -> Iterator[Record]:
        for number, row in enumerate(rows, start=2):
            cells = [cell_text(v) for v in row]
            if len(cells) > width and not any(c.strip() for c in cells[width:]):
                cells = cells[:width]
            elif len(cells) < width:
                cells += [""] * (width - len(cells))
            yield number, number, cells
        book.close()

    source = CsvSource(header, records(), reserved, warn, rules)
    source.sheet = table.title
    return source
