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
from ihss_calc.cli_lang import lang_option
from ihss_calc.cli_options import warn
from ihss_calc.cli_types import YEAR, FilePath, format_from_name
from ihss_calc.i18n import N_, _, ngettext, os_reason

BATCH_EPILOG = N_("""\b
Examples:
  ihss batch caseload.csv > results.jsonl
  ihss batch caseload.csv --output-format csv > results.csv
  ihss batch export.csv --encoding cp1252
  ihss batch cases.jsonl --steps
  some-export | ihss batch - --input-format csv | jq -c 'select(.error or .share_of_cost > 0)'

\b
Input columns (CSV header or JSON keys, in any case): unearned, earned, irwe,
bwe, couple, blind, spouse_blind, medi_cal, year, disability_income,
spouse_earned, spouse_unearned, spouse_ihss_wages, children, child_incomes,
child_student_earnings, health_premiums, show_medi_cal_soc, assets, age,
medicare, ssi_ended, pickle_disregard, month. A missing one takes the same
default as in 'ihss soc'; an empty amount is 0. child_incomes and
child_student_earnings take one amount per child, separated by ';' (600;0).
Yes/no columns take 1/0, true/false, yes/no or empty. Any other column (id,
say) passes through.

Exit codes: 0 every row worked, 1 some row failed (or a bad rates file, or output
that cannot be written), 2 bad usage or unreadable input, 130 interrupted, 141
output closed (| head).
""")


BATCH_HELP = N_("""Work out the share of cost for many cases: one output row per input row, in
order.

Reads CSV (with a header row) or JSON Lines from FILE, or from standard input with '-'. A row
that cannot be worked out gets its line number, its passthrough columns (its id) and an error,
in its place; the others go on. A one-line summary goes to stderr.
""")


@click.command(help=BATCH_HELP, epilog=BATCH_EPILOG)
@click.argument("source", default="-", metavar=N_("[FILE|-]"),
                type=FilePath(dir_okay=False, allow_dash=True))  # fmt: skip
@click.option(
    "--input-format", type=click.Choice(["csv", "jsonl"], case_sensitive=False), default=None,
    help=N_("csv or jsonl. Default: from FILE's name (.csv, .jsonl, .ndjson); needed for stdin."),
)  # fmt: skip
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
    output_format: str,
    encoding: str,
    steps: bool,
    year: int | None,
    rates_file: Path | None,
) -> None:
    """``ihss batch`` (its help is BATCH_HELP)."""
    from ihss_calc import batch as batch_mod
    from ihss_calc import batch_write as write
    from ihss_calc.batch_sources import CsvSource, JsonlSource
    from ihss_calc.tabular import BadInput, Lines

    output_format = output_format.lower()
    if steps and output_format != "jsonl":
        raise click.UsageError(_("--steps needs --output-format jsonl; steps do not fit in CSV."))
    input_format = (input_format or format_from_name(source)).lower()
    engine = batch_mod.Engine(*batch_rates(year, rates_file))
    stream = _open_input(source)
    tally = write.Tally()
    out = sys.stdout
    try:
        lines = Lines(stream, encoding)
        fields = batch_mod.STEPS_FIELDS if steps else batch_mod.JSONL_FIELDS
        reserved = set(fields if output_format == "jsonl" else batch_mod.CSV_FIELDS)
        reader = CsvSource if input_format == "csv" else JsonlSource
        rows = reader(lines, reserved, warn)
        rows.rows = _with_progress(rows.rows, source, lines)  # type: ignore[method-assign]
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
        raise click.UsageError(f"{source}: {exc}") from None  # exc: already translated
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
    said = ngettext(
        "ihss batch: {n} row read, {failed} failed",
        "ihss batch: {n} rows read, {failed} failed",
        tally.read,
    )
    click.echo(said.format(n=f"{tally.read:,}", failed=f"{tally.failed:,}"), err=True)
    if tally.failed:
        raise SystemExit(1)


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
    from ihss_calc.cli_options import screened_month

    years = list(rates_mod.years_on_file())
    try:
        if rates_file is not None:
            only = rates_mod.load_file(rates_file)
            by_year = {only.year: only}
        else:
            by_year = {y: rates_mod.load_bundled(y) for y in years}
    except rates_mod.RatesError as exc:
        raise click.ClickException(exc.report()) from None
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
