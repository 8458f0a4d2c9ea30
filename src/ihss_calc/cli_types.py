"""The command line's own parameter types: amounts and ranges straight to Decimal, and file
names that a usage error, not a traceback, refuses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import click

from ihss_calc import values
from ihss_calc.amounts import AmountError, parse_amount, parse_levels, parse_range
from ihss_calc.i18n import _
from ihss_calc.values import ValueProblem

if TYPE_CHECKING:
    from pathlib import Path


class ParsedType(click.ParamType):  # type: ignore[type-arg]
    """A value parsed by one of ``ihss_calc.amounts``' parsers, straight to Decimal (never
    float); its ``AmountError`` becomes click's usage error, exit 2, naming the option."""

    def __init__(self, name: str, parse: Callable[[str], Any]) -> None:
        self.name = name
        self._parse = parse

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value  # already parsed (a default)
        try:
            return self._parse(value)
        except (AmountError, ValueProblem) as exc:
            self.fail(str(exc), param, ctx)


class FilePath(click.Path):
    """click.Path giving a ``pathlib.Path``, with a name the system cannot take (a NUL byte) as
    a usage error. pathlib is imported only when a path is given: the start-up of every run
    that gives none is spared it (benchmarks/startup.py)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        # click names the kind of path when the option is declared, before a language is
        # chosen: name it again now, in the language of this run ("archivo", not "File").
        import gettext

        if self.file_okay and not self.dir_okay:
            self.name = gettext.gettext("file")
        elif self.dir_okay and not self.file_okay:
            self.name = gettext.gettext("directory")
        else:
            self.name = gettext.gettext("path")
        if isinstance(value, str) and "\x00" in value:
            self.fail(_("{name} is not a file name: it holds a NUL byte").format(name=repr(value)),
                      param, ctx)  # fmt: skip
        try:
            text = super().convert(value, param, ctx)
        except ValueError as exc:  # os.stat: "embedded null byte"
            why = _("{name} is not a file name: {reason}").format(name=repr(value), reason=exc)
            self.fail(why, param, ctx)
        from pathlib import Path

        return Path(cast(str, text))  # a str given, a str back (path_type is None)


AMOUNT = ParsedType("amount", parse_amount)
RANGE = ParsedType("range", parse_range)
YEAR = ParsedType("year", values.year)


def whole(low: int, high: int) -> ParsedType:
    """A whole number from ``low`` to ``high`` (``values.whole_number``)."""
    return ParsedType("whole number", lambda text: values.whole_number(text, low, high))


def one_of(codes: tuple[str, ...]) -> ParsedType:
    """One of ``codes``, read as ``values.code`` reads it (any case, spaces or hyphens)."""
    return ParsedType("code", lambda text: values.code(text, codes))


LEVELS = ParsedType("levels", parse_levels)


def parse_hours(text: str) -> Decimal:
    from ihss_calc.earnings import parse_hours as parse  # only when --hours is given

    return parse(text)


HOURS = ParsedType("hours", parse_hours)


def parse_hours_range(text: str) -> tuple[list[Decimal], Decimal | None]:
    """``FROM:TO:STEP`` or ``A,B,…`` hours a week, each at most a week's hours."""
    levels, step = parse_levels(text)
    for level in levels:
        parse_hours(str(level))
    return levels, step


HOURS_RANGE = ParsedType("hours range", parse_hours_range)


def format_from_name(source: Path, spreadsheets: bool = False) -> str:
    """csv or jsonl, from FILE's name (.csv, .jsonl, .ndjson); with ``spreadsheets``, also
    tsv (.tsv) and xlsx (.xlsx); a usage error otherwise."""
    suffix = source.suffix.lower()
    if spreadsheets and suffix in {".tsv", ".xlsx"}:
        return suffix[1:]
    if suffix in {".csv", ".jsonl", ".ndjson"} and str(source) != "-":
        return "csv" if suffix == ".csv" else "jsonl"
    formats = _("csv, jsonl or xlsx") if spreadsheets else _("csv or jsonl")
    if str(source) == "-":
        why = _("cannot tell the input format from standard input; pass --input-format "
                "{formats}.").format(formats=formats)  # fmt: skip
    else:
        why = _("cannot tell the input format from the name {name}; pass --input-format "
                "{formats}.").format(name=repr(source.name), formats=formats)  # fmt: skip
    raise click.UsageError(why)
