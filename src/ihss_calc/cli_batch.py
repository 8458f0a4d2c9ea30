"""``ihss batch``: the command line of batch work (the work itself is ``ihss_calc.batch``)."""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from ihss_calc import rates as rates_mod
from ihss_calc.cli_errors import FileProblems
from ihss_calc.cli_lang import lang_option
from ihss_calc.cli_options import warn
from ihss_calc.cli_types import YEAR, FilePath, format_from_name
from ihss_calc.i18n import N_, _, ngettext, os_reason

BATCH_EPILOG = N_("""\b
Examples:
  ihss batch caseload.csv > results.jsonl
  ihss batch caseload.xlsx --sheet Caseload --output-format csv > results.csv
  ihss batch export.csv --rename 'Unearned Income=unearned' --summary
  ihss batch export.csv --encoding cp1252
  ihss batch cases.jsonl --steps
  some-export | ihss batch - --input-format csv | jq -c 'select(.error or .share_of_cost > 0)'

\b
Input columns (CSV or sheet header, or JSON keys, in any case): unearned,
earned (or wage and hours a week, or yearly), irwe, bwe, couple, blind,
spouse_blind, medi_cal, year, disability_income, spouse_earned,
spouse_unearned, spouse_ihss_wages, children, child_incomes,
child_student_earnings, health_premiums, show_medi_cal_soc, assets, age,
medicare, ssi_ended, pickle_disregard, month. A missing one takes the same
default as in 'ihss soc'; an empty amount is 0. child_incomes and
child_student_earnings take one amount per child, separated by ';' (600;0).
Yes/no columns take 1/0, true/false, yes/no, y/n or empty. A column that looks
like an input column but is not spelled as one (Unearned Income, earnd) is an
error: --rename it or --passthrough it. Any other column (id, say) passes
through. Rows of only delimiters or spaces are skipped and counted.

Exit codes: 0 every row worked, 1 some row failed (or a bad rates file, or output
that cannot be written), 2 bad usage or unreadable input, 130 interrupted, 141
output closed (| head).
""")


BATCH_HELP = N_("""Work out the share of cost for many cases: one output row per input row, in
order.

Reads CSV (comma, semicolon, tab or pipe, with a header row), an Excel workbook (.xlsx) or JSON
Lines from FILE, or from standard input with '-'. A row that cannot be worked out gets its line
number, its passthrough columns (its id) and an error, in its place; the others go on. Which
columns are read, and a one-line count, go to stderr.
""")


@click.command(help=BATCH_HELP, epilog=BATCH_EPILOG)
@click.argument("source", default="-", metavar=N_("[FILE|-]"),
                type=FilePath(dir_okay=False, allow_dash=True))  # fmt: skip
@click.option(
    "--input-format",
    type=click.Choice(["csv", "jsonl", "xlsx"], case_sensitive=False),
    default=None,
    help=N_(
        "csv, jsonl or xlsx. Default: from FILE's name (.csv, .tsv, .jsonl, .ndjson, "
        ".xlsx); needed for stdin."
    ),
)
@click.option(
    "--delimiter",
    type=click.Choice([",", ";", "tab", "|"]),
    default=None,
    help=N_(
        "The CSV delimiter. Default: found from the header line (comma, semicolon, tab or "
        "pipe; tab for .tsv)."
    ),
)
@click.option(
    "--sheet",
    metavar=N_("NAME"),
    default=None,
    help=N_("With an .xlsx workbook: the sheet to read (default: the first)."),
)
@click.option(
    "--rename",
    "renames",
    multiple=True,
    metavar=N_("'HEADER=column'"),
    help=N_(
        "Read a column under an input column's name: --rename 'Unearned Income=unearned'. "
        "Repeat for each."
    ),
)
@click.option(
    "--passthrough",
    "passthrough",
    multiple=True,
    metavar=N_("HEADER"),
    help=N_("Keep a column that looks like an input column as data, untouched. Repeat for each."),
)
@click.option(
    "--strict-columns",
    is_flag=True,
    help=N_("Refuse any column that is not an input column (or --passthrough)."),
)
@click.option(
    "--summary",
    "summary",
    is_flag=True,
    help=N_("Also say, on stderr, how many pay and how much, by likely program."),
)
@click.option(
    "--summary-json",
    type=FilePath(dir_okay=False, writable=True),
    default=None,
    metavar=N_("FILE"),
    help=N_("Also write the caseload summary as JSON to FILE."),
)
@click.option(
    "--output-format", type=click.Choice(["jsonl", "csv"], case_sensitive=False),
    default="jsonl", show_default=True,
    help=N_("JSON Lines (the fields of 'ihss soc --json') or CSV."),
)  # fmt: skip
@click.option(
    "--encoding", default="utf-8", show_default=True, metavar=N_("NAME"),
    help=N_("The input's text encoding: utf-8 (a byte-order mark is fine), or cp1252 or latin-1 "
    "for an older spreadsheet's export."),
)  # fmt: skip
@click.option("--steps", is_flag=True, help=N_("Add each row's steps (JSON Lines output only)."))
@click.option("--year", type=YEAR, default=None, help=N_("Rates year for rows that give none."))
@click.option(
    "--rates", "rates_file", metavar=N_("FILE"),
    type=FilePath(exists=True, dir_okay=False),
    help=N_("Use this rates file for every row instead of the bundled ones."),
)  # fmt: skip
@lang_option
def batch(
    source: Path,
    input_format: str | None,
    delimiter: str | None,
    sheet: str | None,
    renames: tuple[str, ...],
    passthrough: tuple[str, ...],
    strict_columns: bool,
    summary: bool,
    summary_json: Path | None,
    output_format: str,
    encoding: str,
    steps: bool,
    year: int | None,
    rates_file: Path | None,
) -> None:
    """``ihss batch`` (its help is BATCH_HELP)."""
    from ihss_calc import batch as batch_mod
    from ihss_calc import batch_write as write
    from ihss_calc.batch_sources import CsvSource, HeaderRules, JsonlSource
    from ihss_calc.tabular import BadInput, Lines

    output_format = output_format.lower()
    if steps and output_format != "jsonl":
        raise click.UsageError(_("--steps needs --output-format jsonl; steps do not fit in CSV."))
    input_format = (input_format or format_from_name(source, spreadsheets=True)).lower()
    if input_format == "tsv":
        input_format, delimiter = "csv", delimiter or "tab"
    if sheet is not None and input_format != "xlsx":
        raise click.UsageError(_("--sheet is for an .xlsx workbook."))
    if delimiter is not None and input_format != "csv":
        raise click.UsageError(_("--delimiter is for CSV input."))
    rules = HeaderRules(_renames(renames), frozenset(p.strip() for p in passthrough),
                        strict_columns)  # fmt: skip
    if summary_json is not None and not summary_json.parent.is_dir():
        why = _("the folder {folder} does not exist").format(folder=summary_json.parent)
        raise click.BadParameter(why, param_hint="'--summary-json'")
    engine = batch_mod.Engine(*batch_rates(year, rates_file))
    tally = write.Tally()
    out = sys.stdout
    fields = batch_mod.STEPS_FIELDS if steps else batch_mod.JSONL_FIELDS
    reserved = set(fields if output_format == "jsonl" else batch_mod.CSV_FIELDS)
    stream = _open_input(source)
    try:
        if input_format == "xlsx":
            from ihss_calc.batch_xlsx import xlsx_source

            lines = None
            rows: Any = xlsx_source(stream, sheet, reserved, warn, rules)
        else:
            lines = Lines(stream, encoding)
            if input_format == "csv":
                rows = CsvSource.from_csv(lines, reserved, warn, rules,
                                          _DELIMITERS.get(delimiter or ""))  # fmt: skip
            else:
                rows = JsonlSource(lines, reserved, warn, rules)
        _announce(rows)
        if lines is not None:
            rows.rows = _with_progress(rows.rows, source, lines)
        if output_format == "jsonl":
            lines_out = write.jsonl_lines(engine, rows, steps=steps, tally=tally)
            write.write_lines(lines_out, out, tally)
        else:
            write.write_csv(write.csv_rows(engine, rows, tally), out, tally)
        out.flush()
    except LookupError:
        why = _("{name} is not an encoding Python knows").format(name=repr(encoding))
        raise click.BadParameter(why, param_hint="'--encoding'") from None
    except BadInput as exc:
        named = _("standard input") if str(source) == "-" else str(source)
        raise click.UsageError(f"{named}: {exc}") from None  # exc: already translated
    except KeyboardInterrupt:
        _flush_quietly(out)
        said = ngettext(
            "Interrupted: {n} row written, of {read} read.",
            "Interrupted: {n} rows written, of {read} read.",
            tally.written,
        )
        click.echo(said.format(n=f"{tally.written:,}", read=f"{tally.read:,}"), err=True)
        raise SystemExit(130) from None
    finally:
        if str(source) != "-":
            stream.close()
    tally.blank = rows.blank
    said = ngettext(
        "ihss batch: {n} row read, {failed} failed",
        "ihss batch: {n} rows read, {failed} failed",
        tally.read,
    ).format(n=f"{tally.read:,}", failed=f"{tally.failed:,}")
    if tally.blank:
        said += ngettext(", {n} blank row skipped", ", {n} blank rows skipped",
                         tally.blank).format(n=f"{tally.blank:,}")  # fmt: skip
    click.echo(said, err=True)
    if summary:
        for text in write.summary_lines(tally):
            click.echo(text, err=True)
    if summary_json is not None:
        _write_summary_json(tally, summary_json)
    if tally.failed:
        raise SystemExit(1)


_DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|"}


def _renames(given: tuple[str, ...]) -> dict[str, str]:
    """``--rename 'HEADER=column'`` pairs; the column must be an input column."""
    from ihss_calc.batch_sources import READ

    found = {}
    for text in given:
        header, sep, column = text.rpartition("=")
        if not sep or not header.strip() or column.strip().lower() not in READ:
            why = _("{pair} is not HEADER=column with an input column ({columns})").format(
                pair=repr(text), columns=", ".join(READ)
            )
            raise click.BadParameter(why, param_hint="'--rename'")  # fmt: skip
        found[header.strip()] = column.strip().lower()
    return found


def _write_summary_json(tally: Any, path: Path) -> None:
    """The caseload summary as one JSON object in FILE (money as exact numbers)."""
    from ihss_calc.jsonout import dumps

    try:
        path.write_text(dumps(tally.summary()) + "\n", encoding="utf-8")
    except OSError as exc:
        why = _("cannot write {file}: {reason}").format(file=path, reason=os_reason(exc))
        raise click.ClickException(why) from None


def _announce(rows: Any) -> None:
    """Before the first row, say which columns are read as inputs and which pass through."""
    inputs, names = getattr(rows, "inputs", []), getattr(rows, "names", [])
    if not inputs and not names:
        return  # JSON Lines: keys are read row by row
    said = _("ihss batch: reading {inputs}").format(inputs=", ".join(inputs) or _("nothing"))
    if getattr(rows, "sheet", None):
        said = _("ihss batch: reading sheet {sheet}: {inputs}").format(
            sheet=repr(rows.sheet), inputs=", ".join(inputs))  # fmt: skip
    if names:
        said += _("; passing through {names}").format(names=", ".join(names))
    click.echo(said, err=True)


def _flush_quietly(out: IO[str]) -> None:
    with contextlib.suppress(OSError, ValueError):
        out.flush()


def _open_input(source: Path) -> io.BufferedIOBase:
    if str(source) == "-":
        if sys.stdin is None or sys.stdin.closed:
            why = _("standard input is closed: give a FILE, or pipe the input in.")
            raise click.UsageError(why)
        return sys.stdin.buffer  # type: ignore[return-value]
    try:
        return source.open("rb")  # closed by the caller
    except OSError as exc:
        why = _("cannot read {file}: {reason}").format(file=source, reason=os_reason(exc))
        raise click.BadParameter(why, param_hint="'FILE'") from None


def batch_rates(
    year: int | None, rates_file: Path | None
) -> tuple[
    Callable[[int | None], rates_mod.Rates],
    Callable[[rates_mod.Rates], str | None],
    Callable[[int], int],
]:
    """Every rates file a batch may need, loaded before the first row, so that a bad one
    stops the run before anything is written; the stale-rates warning, once a year; and
    the month screened for Medi-Cal in a row that gives none (as for ``ihss soc``)."""
    from ihss_calc import cli as cli_mod  # its today() is what the tests pin
    from ihss_calc.batch import invalid
    from ihss_calc.rules import screened_month

    years = list(rates_mod.years_on_file())
    try:
        if rates_file is not None:
            only = rates_mod.load_file(rates_file)
            by_year = {only.year: only}
        else:
            by_year = {y: rates_mod.load_bundled(y) for y in years}
    except rates_mod.RatesError as exc:
        raise FileProblems(exc.report(), exc.origin, exc.problems) from None
    if year is not None and year not in by_year:
        raise click.BadParameter(
            cli_mod._no_year(year, rates_file, list(by_year)), param_hint="'--year'"
        )
    default = year or (
        next(iter(by_year)) if rates_file else rates_mod.default_year(cli_mod.today(), years)
    )
    now = cli_mod.today()
    warned: set[int] = set()

    def rates_for(wanted: int | None) -> rates_mod.Rates:
        found = by_year.get(default if wanted is None else wanted)
        if found is None:
            raise invalid("year", cli_mod._no_year(wanted or default, rates_file, list(by_year)))
        return found

    def warning_for(rates: rates_mod.Rates) -> str | None:
        warning = rates_mod.staleness(rates.year, now, years)
        if warning and rates.year not in warned:
            warned.add(rates.year)
            warn(warning)
        return warning

    def month_for(rates_year: int) -> int:
        return screened_month(None, rates_year, now)

    return rates_for, warning_for, month_for


T = TypeVar("T")


def _with_progress(
    rows: Callable[[], Iterator[T]], source: Path, lines: Any
) -> Callable[[], Iterator[T]]:
    """The rows, with a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        return rows
    from ihss_calc import render

    total = None if str(source) == "-" else source.stat().st_size
    return lambda: render.batch_progress(rows(), total, lambda: lines.read)
