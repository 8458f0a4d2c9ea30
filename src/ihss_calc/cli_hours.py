"""``ihss hours`` and ``ihss timesheets check``: authorized hours, and the timesheets of a
recipient's providers checked against docs/rules.md §6 and §10."""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc.cli_lang import lang_option, plain_option
from ihss_calc.cli_types import YEAR, FilePath, format_from_name
from ihss_calc.i18n import N_, _

HOURS_EPILOG = N_("""\b
Examples:
  ihss hours --weekly personal-care=15 --weekly meal-preparation=6
  ihss hours --monthly 160 --not-severely-impaired --json

\b
Categories: personal-care, meal-preparation, meal-cleanup, paramedical (these four
count toward severely impaired), domestic, laundry, shopping, accompaniment,
protective-supervision, other.

Exit codes: 0 done, 1 bad rates file, 2 bad usage.
""")


def rates_options(command: Callable[..., None]) -> Callable[..., None]:
    """--year, --rates and --json, as both commands here take them."""
    options = [
        click.option("--year", type=YEAR, default=None,
                     help=N_("Rates year. Default: as for soc.")),
        click.option("--rates", "rates_file", metavar=N_("FILE"),
                     type=FilePath(exists=True, dir_okay=False),
                     help=N_("Use this rates file instead of the bundled one.")),
        click.option("--json", "as_json", is_flag=True, help=N_("Print one JSON object.")),
        plain_option,
        lang_option,
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _pairs(name: str, values: tuple[str, ...], parse: Any) -> dict[str, Any]:
    """NAME=VALUE options as a dict; a usage error names the option and the pair."""
    found: dict[str, Any] = {}
    for text in values:
        key, sep, value = text.partition("=")
        if not sep or not key.strip():
            why = _("{pair} is not NAME=VALUE").format(pair=repr(text))
            raise click.BadParameter(why, param_hint=f"'{name}'")
        if key.strip() in found:
            why = _("{name} is given twice").format(name=repr(key.strip()))
            raise click.BadParameter(why, param_hint=f"'{name}'")
        try:
            found[key.strip()] = parse(value.strip())
        except (ValueError, ArithmeticError) as exc:
            raise click.BadParameter(f"{text!r}: {exc}", param_hint=f"'{name}'") from None
    return found


def _hours_value(text: str) -> Decimal:
    from ihss_calc.earnings import parse_hours

    return parse_hours(text, weekly=False)


def _monthly_value(text: str) -> Decimal:
    from ihss_calc.amounts import parse_amount

    return parse_amount(text)


HOURS_HELP = N_("""Authorized hours: severely impaired or not, the monthly cap (283 or 195),
advance pay, and each provider's weekly maximum for this recipient (monthly hours ÷ 4).
""")


@click.command(help=HOURS_HELP, epilog=HOURS_EPILOG)
@click.option(
    "--weekly",
    multiple=True,
    metavar=N_("CATEGORY=HOURS"),
    help=N_("Hours a week authorized in a service category; repeat for each category."),
)
@click.option(
    "--monthly",
    type=str,
    default=None,
    metavar=N_("HOURS"),
    help=N_("Or the monthly total authorized, with --severely-impaired or not."),
)
@click.option(
    "--severely-impaired/--not-severely-impaired",
    "impaired",
    default=None,
    help=N_("With --monthly: whether the county found the recipient severely impaired."),
)
@rates_options
def hours(weekly: tuple[str, ...], monthly: str | None, impaired: bool | None,
          year: int | None, rates_file: Path | None, as_json: bool) -> None:  # fmt: skip
    """``ihss hours`` (its help is HOURS_HELP)."""
    from ihss_calc import cli as cli_mod
    from ihss_calc.rules.hours import CATEGORIES, authorization

    if bool(weekly) == (monthly is not None):
        raise click.UsageError(_("Give the hours authorized: --weekly CATEGORY=HOURS (one or "
                                 "more) or --monthly HOURS, not both."))  # fmt: skip
    by_category = _pairs("--weekly", weekly, _hours_value) if weekly else None
    for category in by_category or {}:
        if category not in CATEGORIES:
            why = _("{category} is not one of {categories}").format(
                category=repr(category), categories=", ".join(CATEGORIES)
            )
            raise click.BadParameter(why, param_hint="'--weekly'")
    total = None
    if monthly is not None:
        if impaired is None:
            raise click.UsageError(_("--monthly needs --severely-impaired or "
                                     "--not-severely-impaired: the county's finding."))  # fmt: skip
        try:
            total = _monthly_value(monthly.strip())
        except (ValueError, ArithmeticError) as exc:  # the words as typed, nothing added
            raise click.BadParameter(str(exc), param_hint="'--monthly'") from None
    elif impaired is not None:
        raise click.UsageError(_("--severely-impaired goes with --monthly; with --weekly, ihss "
                                 "works it out from the categories."))  # fmt: skip
    rates, warnings = cli_mod.choose_rates(year, rates_file)
    answer = authorization(rates, by_category, total, impaired)
    from ihss_calc.render_hours import hours_dict, hours_lines

    if as_json:
        from ihss_calc.jsonout import dumps
        from ihss_calc.stdout import write_out

        write_out(dumps({**hours_dict(answer, rates), "warnings": warnings}))
    else:
        from rich.text import Text

        from ihss_calc.render import console

        out = console()
        for line in hours_lines(answer, rates):
            out.print(Text(line))


CHECK_EPILOG = N_("""\b
Examples:
  ihss timesheets check march.csv --authorized R1=160 --exemption P2=1
  ihss timesheets check evv.jsonl --authorizations auth.csv --json
  ihss timesheets check march.csv --output-format csv > findings.csv

\b
Columns (any case): provider, recipient, date (2026-03-01 or 3/1/2026), start,
end (14:30 or 2:30 pm; an end before an afternoon start is past midnight), and
optional travel_hours (a row with provider, date and travel_hours only is travel).

Exit codes: 0 nothing found, 1 violations, warnings or rows that cannot be read
(each in its place), 2 unusable input or usage.
""")


@click.group(
    help=N_(
        "Timesheets: plan a month's hours between providers, and check a month "
        "of visits against the IHSS hours rules."
    )
)
@lang_option
def timesheets() -> None:
    """``ihss timesheets``: ``plan`` and ``check``."""


CHECK_HELP = N_("""Check a month (or more) of visits: overlapping visits, each provider's
workweeks (66 or 90 hours, overtime over 40, travel over 7, the weekly maximum for one
recipient), each recipient's months (hours authorized, the cap), and the pay periods.
""")


@timesheets.command(help=CHECK_HELP, epilog=CHECK_EPILOG)
@click.argument("source", metavar=N_("FILE|-"),
                type=FilePath(exists=True, dir_okay=False, allow_dash=True))  # fmt: skip
@click.option(
    "--input-format",
    type=click.Choice(["csv", "jsonl"], case_sensitive=False),
    default=None,
    help=N_("csv or jsonl. Default: from FILE's name."),
)
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    metavar=N_("NAME"),
    help=N_("The file's text encoding (cp1252 or latin-1 for older spreadsheets)."),
)
@click.option(
    "--authorized",
    multiple=True,
    metavar=N_("RECIPIENT=HOURS"),
    help=N_("A recipient's monthly authorized hours; repeat for each."),
)
@click.option(
    "--authorizations",
    "auth_file",
    metavar=N_("FILE"),
    type=FilePath(exists=True, dir_okay=False),
    help=N_("A CSV of recipient,hours: each recipient's monthly authorized hours."),
)
@click.option(
    "--exemption",
    multiple=True,
    metavar=N_("PROVIDER=1|2"),
    help=N_("A provider with exemption 1 or 2 (90 hours a week, 360 a month)."),
)
@rates_options
@click.option(
    "--output-format",
    type=click.Choice(["table", "csv"], case_sensitive=False),
    default="table",
    show_default=True,
    help=N_("A table per finding kind, or CSV."),
)
@click.option(
    "--pay-periods",
    is_flag=True,
    help=N_("Also show the hours of each workweek (with overtime) and pay period."),
)
@click.option(
    "--as-of",
    metavar=N_("DATE"),
    default=None,
    help=N_(
        "Count the claims of DATE's month through DATE (2026-03-14): the hours left for "
        "the rest of the month."
    ),
)
def check(source: Path, input_format: str | None, encoding: str, authorized: tuple[str, ...],
          auth_file: Path | None, exemption: tuple[str, ...], year: int | None,
          rates_file: Path | None, as_json: bool, output_format: str,
          pay_periods: bool, as_of: str | None) -> None:  # fmt: skip
    """``ihss timesheets check`` (its help is CHECK_HELP)."""
    from ihss_calc import cli as cli_mod
    from ihss_calc.api import check_loaded
    from ihss_calc.tabular import BadInput, Lines
    from ihss_calc.timesheets import load

    if as_json and output_format.lower() == "csv":
        raise click.UsageError(_("--json and --output-format csv each choose the output: give "
                                 "one."))  # fmt: skip
    fmt = (input_format or format_from_name(source)).lower()
    day = None if as_of is None else _as_of(as_of)
    months = _pairs("--authorized", authorized, _monthly_value)
    if auth_file is not None:
        months = {**_authorizations(auth_file), **months}
    exempt = _pairs("--exemption", exemption, _exemption)
    rates, warnings = cli_mod.choose_rates(year, rates_file)
    named = _("standard input") if str(source) == "-" else str(source)
    try:
        with _open_visits(source) as stream:
            visits, bad = load(Lines(stream, encoding), fmt)
    except LookupError:
        why = _("{name} is not an encoding Python knows").format(name=repr(encoding))
        raise click.BadParameter(why, param_hint="'--encoding'") from None
    except BadInput as exc:
        raise click.UsageError(f"{named}: {exc}") from None
    providers = visits.providers_named()
    for provider in exempt:
        if provider not in providers:
            why = _("no provider {provider} in {file}").format(provider=repr(provider), file=named)
            raise click.BadParameter(why, param_hint="'--exemption'")
    report = check_loaded(visits, bad, rates, months, exempt, day)
    del visits, bad  # the columns: memory back before the output is written
    findings = report.findings
    from ihss_calc import render_hours

    if as_json or output_format.lower() == "csv":
        # Written whole to a spooled file first (in memory up to 16 MB, on disk past it):
        # a document is never cut short on stdout by an error halfway through.
        import tempfile

        from ihss_calc.stdout import write_in_chunks

        with tempfile.SpooledTemporaryFile(max_size=1 << 24, mode="w+", encoding="utf-8",
                                           newline="") as whole:  # fmt: skip
            if as_json:
                render_hours.write_check_json(whole, report, rates, warnings)
            else:
                render_hours.write_findings_csv(report, whole)
            whole.seek(0)
            while piece := whole.read(1 << 16):
                write_in_chunks(sys.stdout, piece)
    else:
        render_hours.findings_tables(report, rates, periods=pay_periods)
    if any(f.severity != "info" for f in findings):
        raise SystemExit(1)


def _open_visits(source: Path) -> Any:
    """The visits' bytes: the file, or standard input for '-' (left open, as batch does)."""
    import contextlib

    if str(source) == "-":
        if sys.stdin is None or sys.stdin.closed:
            why = _("standard input is closed: give a FILE, or pipe the input in.")
            raise click.UsageError(why)
        return contextlib.nullcontext(sys.stdin.buffer)
    return source.open("rb")


def _as_of(text: str) -> Any:
    """--as-of: a date as the visits' dates are written (2026-03-14 or 3/14/2026)."""
    import datetime as dt

    from ihss_calc.timesheets import RowProblem, parse_date

    try:
        return dt.date.fromordinal(parse_date(text))
    except RowProblem as exc:
        raise click.BadParameter(exc.why, param_hint="'--as-of'") from None


def _exemption(text: str) -> int:
    if text not in {"1", "2"}:
        raise ValueError(_("an exemption is 1 or 2"))
    return int(text)


def _authorizations(path: Path) -> dict[str, Decimal]:
    import csv
    import io

    from ihss_calc.amounts import AmountError, parse_amount

    found = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        why = _("{file} is not UTF-8 text ({reason})").format(file=path, reason=exc.reason)
        raise click.BadParameter(why, param_hint="'--authorizations'") from None
    with io.StringIO(text, newline="") as f:
        rows = csv.reader(f)
        header = [h.strip().lower() for h in next(rows, [])]
        if header[:2] != ["recipient", "hours"]:
            why = _("{file}: the header must be recipient,hours").format(file=path)
            raise click.BadParameter(why, param_hint="'--authorizations'")
        for number, row in enumerate(rows, start=2):
            try:
                found[row[0].strip()] = parse_amount(row[1])
            except (IndexError, AmountError) as exc:
                why = _("{file} line {line}: {problem}").format(file=path, line=number, problem=exc)
                raise click.BadParameter(why, param_hint="'--authorizations'") from None
    return found


def _add_plan() -> None:
    from ihss_calc.cli_plan import plan

    timesheets.add_command(plan)


_add_plan()
