"""The ``ihss`` command: parse, validate, call the rules, pick a renderer, map errors to exits.

Exit codes: 0 done; 1 bad data (a rates file), or a batch with rows that failed; 2 bad usage
or input; 130 interrupted; 141 output closed early. Results go to stdout, everything else
(errors, warnings, progress) to stderr. rich is imported only when a table is drawn.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc import rates as rates_mod
from ihss_calc.amounts import AmountError, parse_amount, parse_range
from ihss_calc.rules import (
    MAX_CHILDREN,
    MEDI_CAL,
    Household,
    InputProblem,
    check_household,
    share_of_cost,
    what_if,
)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def today() -> dt.date:
    """Today's date; the tests replace it to pin the default year."""
    return dt.date.today()


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
        except AmountError as exc:
            self.fail(str(exc), param, ctx)


AMOUNT = ParsedType("amount", parse_amount)
RANGE = ParsedType("range", parse_range)


def option_name(field: str) -> str:
    """The option for a Household field: ``spouse_earned`` -> ``--spouse-earned``."""
    return "--" + {"medi_cal_soc": "show_medi_cal_soc"}.get(field, field).replace("_", "-")


HOUSEHOLD_OPTIONS = ("unearned", "irwe", "bwe", "couple", "blind", "spouse_blind", "medi_cal",
                     "disability_income", "spouse_earned", "spouse_unearned", "spouse_ihss_wages",
                     "children", "child_income", "health_premiums", "medi_cal_soc",
                     "assets")  # fmt: skip


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="ihss-calc", prog_name="ihss")
def cli() -> None:
    """Will you pay a share of cost for California's In-Home Supportive Services (IHSS)?

    ihss works out countable income from your monthly income, step by step, with the rule
    and source of each step, and sets it against the SSI/SSP payment level.

    \b
    Examples:
      ihss soc --unearned 1000 --earned 500
      ihss soc --unearned 1000 --earned 500 --json | jq .share_of_cost
      ihss soc --unearned 1000 --earned 500 --year 2022
      ihss rates --year 2024
      ihss rates --check rates_2027.toml
    """


SOC_EPILOG = """\b
Examples:
  ihss soc --unearned 1000 --earned 500
  ihss soc --unearned '$1,800' --couple
  ihss soc --unearned 135 --earned 220 --blind --bwe 15
  ihss soc --unearned 1000 --earned 500 --medi-cal wdp
  ihss soc --unearned 1000 --earned 500 --year 2022
  ihss soc --unearned 800 --spouse-earned 3000 --children 1
  ihss soc --unearned 1500 --medi-cal medically-needy --health-premiums 202.90
  ihss soc --unearned 1000 --earned 500 --json | jq .share_of_cost

Exit codes: 0 done, 1 bad rates file, 2 bad usage or input.
"""


def household_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options ``soc`` and ``whatif`` share: everything about the household but earnings."""
    options = [
        click.option("--unearned", type=AMOUNT, default="0", show_default=True,
                     metavar="AMOUNT",
                     help="Monthly unearned income: SSDI, pensions, other benefits (not "
                     "CalFresh)."),
        click.option("--irwe", type=AMOUNT, default="0", show_default=True, metavar="AMOUNT",
                     help="Impairment-related work expenses a month (people who are not "
                     "blind)."),
        click.option("--bwe", type=AMOUNT, default="0", show_default=True, metavar="AMOUNT",
                     help="Blind work expenses a month (needs --blind or --spouse-blind)."),
        click.option("--couple", is_flag=True,
                     help="A couple: incomes combined, one $20 and one $65."),
        click.option("--blind", is_flag=True, help="The recipient is blind."),
        click.option("--spouse-blind", is_flag=True, help="The spouse is blind (needs --couple)."),
        click.option("--medi-cal", type=click.Choice(list(MEDI_CAL), case_sensitive=False),
                     default=None,
                     help="Your kind of Medi-Cal. ssi, magi, 1619b, wdp, ad-fpl and pickle mean "
                     "no share of cost; medically-needy also shows the Medi-Cal share of cost."),
        click.option("--disability-income", type=AMOUNT, default="0", show_default=True,
                     metavar="AMOUNT",
                     help="The part of --unearned that is disability benefits (SSDI, SDI, "
                     "workers' comp): left out for the Working Disabled Program check."),
        click.option("--spouse-earned", type=AMOUNT, default=None, metavar="AMOUNT",
                     help="Monthly earnings of a spouse who is not aged, blind or disabled: part "
                     "is deemed to you (SOC 294A part B). Not with --couple."),
        click.option("--spouse-unearned", type=AMOUNT, default=None, metavar="AMOUNT",
                     help="Monthly unearned income of a spouse who is not aged, blind or "
                     "disabled. Not with --couple."),
        click.option("--spouse-ihss-wages", type=AMOUNT, default="0", show_default=True,
                     metavar="AMOUNT",
                     help="The part of --spouse-earned that is IHSS wages for caring for you: "
                     "not counted."),
        click.option("--children", type=click.IntRange(0, MAX_CHILDREN), default=0,
                     show_default=True, metavar="N",
                     help="Children in the household who are not blind or disabled (under 18, "
                     "or under 22 and a student), for deeming from a spouse."),
        click.option("--child-income", type=AMOUNT, default="0", show_default=True,
                     metavar="AMOUNT",
                     help="The children's own income, all of them together, per month."),
        click.option("--health-premiums", type=AMOUNT, default="0", show_default=True,
                     metavar="AMOUNT",
                     help="Health insurance premiums you pay a month, Medicare Part B "
                     "included: they lower the Medi-Cal share of cost, not the IHSS one."),
        click.option("--show-medi-cal-soc", "medi_cal_soc", is_flag=True,
                     help="Show the Medi-Cal share of cost beside the IHSS one (shown anyway "
                     "with --medi-cal medically-needy)."),
        click.option("--assets", type=AMOUNT, default=None, metavar="AMOUNT",
                     help="Countable assets (resources): money in the bank, cash, stocks, other "
                     "property; your home and one car usually do not count. Checked against "
                     "Medi-Cal's asset limit where the year has one (2026 on)."),
        click.option("--year", type=int, default=None,
                     help="Rates for this calendar year. Default: the latest year on file, not "
                     "after this year."),
        click.option("--rates", "rates_file", metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path),
                     help="Use this rates file instead of the bundled one (see 'ihss rates "
                     "--check')."),
        click.option("--json", "as_json", is_flag=True,
                     help="Print one JSON object instead of a table."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def make_household(earned: Decimal, **options: Any) -> Household:
    """The household the options describe; a combination the rules refuse exits 2."""
    household = Household(earned=earned, **{name: options[name] for name in HOUSEHOLD_OPTIONS})
    try:
        check_household(household)
    except InputProblem as problem:
        hint = f"'{option_name(problem.field)}'"
        raise click.BadParameter(problem.text(option_name), param_hint=hint) from None
    return household


@cli.command(epilog=SOC_EPILOG)
@click.option(
    "--earned", type=AMOUNT, default="0", show_default=True, metavar="AMOUNT",
    help="Monthly gross earnings: wages, tips, self-employment.",
)  # fmt: skip
@household_options
def soc(earned: Decimal, year: int | None, rates_file: Path | None, as_json: bool,
        **options: Any) -> None:  # fmt: skip
    """Work out the monthly IHSS share of cost, step by step.

    Amounts are monthly: dollars and cents such as 1000, 1000.50 or $1,000.50.
    Without --medi-cal the computed share of cost stands, and the output names the
    kinds of Medi-Cal that would make it 0. With earnings, it also checks the Working
    Disabled Program, and it says how much you could earn before paying a share of cost.
    """
    household = make_household(earned, **options)
    rates, warnings = choose_rates(year, rates_file)
    result = share_of_cost(household, rates)
    if as_json:
        from ihss_calc.jsonout import dumps, result_dict

        click.echo(dumps(result_dict(result, warnings=warnings)))
    else:
        from ihss_calc import render

        render.soc(result)


WHATIF_EPILOG = """\b
Examples:
  ihss whatif --unearned 1000 --earned 0:3000:100
  ihss whatif --unearned 1200 --disability-income 1200 --earned 0:5000:250
  ihss whatif --unearned 1000 --earned 0:3000:100 --json | jq '.points[].share_of_cost'

At most 1,000 points. Exit codes: 0 done, 1 bad rates file, 2 bad usage or input.
"""


@cli.command(epilog=WHATIF_EPILOG)
@click.option(
    "--earned", "earnings", type=RANGE, required=True, metavar="FROM:TO:STEP",
    help="Monthly gross earnings from FROM to TO in steps of STEP, such as 0:3000:100.",
)  # fmt: skip
@household_options
def whatif(earnings: tuple[list[Decimal], Decimal], year: int | None, rates_file: Path | None,
           as_json: bool, **options: Any) -> None:  # fmt: skip
    """If I earned more, would I pay a share of cost? The share of cost at each earnings
    level, the other income as given, with where it starts and where the Working Disabled
    Program's income limit is crossed."""
    levels, step = earnings
    household = make_household(levels[0], **options)
    rates, warnings = choose_rates(year, rates_file)
    answer = what_if(household, rates, levels, step)
    if as_json:
        from ihss_calc.jsonout import dumps, whatif_dict

        click.echo(dumps(whatif_dict(answer, warnings)))
    else:
        from ihss_calc import render

        render.whatif(answer)


def choose_rates(year: int | None, rates_file: Path | None) -> tuple[rates_mod.Rates, list[str]]:
    """The rates to use and any warning about them, already written to stderr.

    A year not on file is a usage error (exit 2); a rates file that cannot be used exits 1
    with every problem located.
    """
    years = list(rates_mod.years_on_file())
    try:
        if rates_file is not None:
            rates = rates_mod.load_file(rates_file)
            if year is not None and year != rates.year:
                why = _no_year(year, rates_file, [rates.year])
                raise click.BadParameter(why, param_hint="'--year'")
        else:
            if year is None:
                year = rates_mod.default_year(today(), years)
            elif year not in years:
                raise click.BadParameter(_no_year(year, None, years), param_hint="'--year'")
            rates = rates_mod.load_bundled(year)
    except rates_mod.RatesError as exc:
        raise click.ClickException(exc.report()) from None
    stale = rates_mod.staleness(rates.year, today(), years)
    warnings = [stale] if stale else []
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
    return rates, warnings


RATES_EPILOG = """\b
Examples:
  ihss rates                       this year's figures, with sources
  ihss rates --year 2024 --json
  ihss rates --check rates_2027.toml

Exit codes: 0 done (or FILE is valid), 1 a rates file with problems, 2 bad usage.
"""


@cli.command("rates", epilog=RATES_EPILOG)
@click.option("--year", type=int, default=None, help="The year to show. Default: as for soc.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option(
    "--check",
    "check_file",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Check a rates file (say, next year's): every problem, by file and key.",
)
def rates_command(year: int | None, as_json: bool, check_file: Path | None) -> None:
    """Show the figures for a year: payment levels, exclusions, rounding and work-incentive
    figures, each with its status and sources. Or check a rates file with --check."""
    if check_file is not None:
        if year is not None:
            raise click.UsageError("--check takes the year from the file; leave out --year.")
        check(check_file, as_json)
        return
    rates, warnings = choose_rates(year, None)
    if as_json:
        from ihss_calc.jsonout import dumps, rates_dict

        click.echo(dumps({**rates_dict(rates), "warnings": warnings}))
    else:
        from ihss_calc import render

        render.rates_table(rates)


def check(path: Path, as_json: bool) -> None:
    """``ihss rates --check``: a short summary (exit 0) or every problem (exit 1)."""
    try:
        rates = rates_mod.load_file(path)
    except rates_mod.RatesError as exc:
        raise click.ClickException(exc.report()) from None
    from ihss_calc.jsonout import check_summary, dumps

    summary = check_summary(rates)
    if as_json:
        click.echo(dumps(summary))
        return
    counts = ", ".join(f"{n} {status}" for status, n in summary["statuses"].items())
    click.echo(
        f"{path}: valid rates for {rates.year} "
        f"({rates.effective_from} to {rates.effective_to}): "
        f"{summary['figures']} figures, {counts}."
    )


BATCH_EPILOG = """\b
Examples:
  ihss batch caseload.csv > results.jsonl
  ihss batch caseload.csv --output-format csv > results.csv
  ihss batch cases.jsonl --steps
  some-export | ihss batch - --input-format csv | jq -c 'select(.share_of_cost > 0)'

\b
Input columns (CSV header or JSON keys): unearned, earned, irwe, bwe, couple,
blind, spouse_blind, medi_cal, year, disability_income. A missing one takes the
same default as in 'ihss soc'; an empty amount is 0. Yes/no columns take 1/0,
true/false, yes/no or empty. Any other column (id, say) passes through untouched.

Exit codes: 0 every row worked, 1 some row failed (or a bad rates file), 2 bad
usage or unreadable input, 130 interrupted, 141 output closed (| head).
"""


@cli.command(epilog=BATCH_EPILOG)
@click.argument("source", default="-", metavar="[FILE|-]",
                type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))  # fmt: skip
@click.option(
    "--input-format", type=click.Choice(["csv", "jsonl"]), default=None,
    help="csv or jsonl. Default: from FILE's name (.csv, .jsonl, .ndjson); needed for stdin.",
)  # fmt: skip
@click.option(
    "--output-format", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
    help="JSON Lines (the fields of 'ihss soc --json') or CSV.",
)  # fmt: skip
@click.option("--steps", is_flag=True, help="Add each row's steps (JSON Lines output only).")
@click.option("--year", type=int, default=None, help="Rates year for rows that give none.")
@click.option(
    "--rates", "rates_file", metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this rates file for every row instead of the bundled ones.",
)  # fmt: skip
def batch(
    source: Path,
    input_format: str | None,
    output_format: str,
    steps: bool,
    year: int | None,
    rates_file: Path | None,
) -> None:
    """Work out the share of cost for many cases: one output row per input row, in order.

    Reads CSV (with a header row) or JSON Lines from FILE, or from standard input with '-'.
    A row that cannot be worked out gets its line number, its id and an error, in its
    place; the others go on. A one-line summary goes to stderr.
    """
    from ihss_calc import batch as batch_mod

    if steps and output_format != "jsonl":
        raise click.UsageError("--steps needs --output-format jsonl; steps do not fit in CSV.")
    input_format = input_format or _format_from_name(source)
    engine = batch_mod.Engine(*_batch_rates(year, rates_file))
    stream = _open_input(source, input_format)
    tally = batch_mod.Tally()
    try:
        reader = batch_mod.CsvSource if input_format == "csv" else batch_mod.JsonlSource
        rows = reader(_with_progress(stream, source), warn=_warn)
        out = sys.stdout
        if output_format == "jsonl":
            lines = batch_mod.jsonl_lines(engine, rows, steps=steps, tally=tally)
            batch_mod.write_lines(lines, out)
        else:
            batch_mod.write_csv(batch_mod.csv_rows(engine, rows, tally), out)
        out.flush()
    except batch_mod.BadInput as exc:
        raise click.UsageError(f"{source}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{source} is not UTF-8 text ({exc.reason})") from None
    except BrokenPipeError:
        _quiet_stdout()
        raise SystemExit(141) from None  # like a program killed by SIGPIPE: `| head` is fine
    except KeyboardInterrupt:
        click.echo(f"Interrupted after {tally.rows:,} rows.", err=True)
        raise SystemExit(130) from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    click.echo(f"ihss batch: {tally.rows:,} rows read, {tally.failed:,} failed", err=True)
    if tally.failed:
        raise SystemExit(1)


def _warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


def _format_from_name(source: Path) -> str:
    suffix = source.suffix.lower()
    if str(source) != "-" and suffix in {".csv", ".jsonl", ".ndjson"}:
        return "csv" if suffix == ".csv" else "jsonl"
    what = "standard input" if str(source) == "-" else f"the name {source.name!r}"
    raise click.UsageError(
        f"cannot tell the input format from {what}; pass --input-format csv or jsonl."
    )


def _open_input(source: Path, input_format: str) -> Any:
    import io

    encoding = "utf-8-sig" if input_format == "csv" else "utf-8"  # a spreadsheet's BOM
    if str(source) == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding=encoding, newline="")
    try:
        return open(source, encoding=encoding, newline="")  # closed by the caller
    except OSError as exc:
        raise click.BadParameter(
            f"cannot read {source}: {exc.strerror}", param_hint="'FILE'"
        ) from None


def _batch_rates(
    year: int | None, rates_file: Path | None
) -> tuple[Callable[[int | None], rates_mod.Rates], Callable[[rates_mod.Rates], str | None]]:
    """Every rates file a batch may need, loaded before the first row, so that a bad one
    stops the run before anything is written; and the stale-rates warning, once a year."""
    from ihss_calc.batch import invalid

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
        raise click.BadParameter(_no_year(year, rates_file, list(by_year)), param_hint="'--year'")
    default = year or (
        next(iter(by_year)) if rates_file else rates_mod.default_year(today(), years)
    )
    now = today()
    warned: set[int] = set()

    def rates_for(wanted: int | None) -> rates_mod.Rates:
        found = by_year.get(default if wanted is None else wanted)
        if found is None:
            raise invalid("year", _no_year(wanted or default, rates_file, list(by_year)))
        return found

    def warning_for(rates: rates_mod.Rates) -> str | None:
        warning = rates_mod.staleness(rates.year, now, years)
        if warning and rates.year not in warned:
            warned.add(rates.year)
            click.echo(f"Warning: {warning}", err=True)
        return warning

    return rates_for, warning_for


def _no_year(year: int, rates_file: Path | None, years: list[int]) -> str:
    """Why there are no rates for ``year``: the words of soc's and batch's errors alike."""
    if rates_file is not None:
        return f"{year} does not match the year of {rates_file}, {years[0]}"
    return f"no rates on file for {year}; years on file: {', '.join(map(str, years))}"


def _with_progress(stream: Any, source: Path) -> Any:
    """The input's lines, with a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        return stream
    from ihss_calc import render

    total = None if str(source) == "-" else source.stat().st_size
    return render.batch_progress(stream, total, lambda: stream.buffer.tell())


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so that Python's last flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass
