"""The ``ihss`` command: parse, validate, call the rules, pick a renderer, map errors to exits.

Exit codes: 0 done; 1 bad data (a rates file), or a batch with rows that failed; 2 bad usage
or input; 130 interrupted; 141 output closed early. Results go to stdout, everything else
(errors, warnings, progress) to stderr. rich is imported only when a table is drawn.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc import rates as rates_mod
from ihss_calc.cli_types import AMOUNT, RANGE, FilePath
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


def option_name(field: str) -> str:
    """The option for a Household field: ``spouse_earned`` -> ``--spouse-earned``."""
    return "--" + {"medi_cal_soc": "show_medi_cal_soc"}.get(field, field).replace("_", "-")


HOUSEHOLD_OPTIONS = ("unearned", "irwe", "bwe", "couple", "blind", "spouse_blind", "medi_cal",
                     "disability_income", "spouse_earned", "spouse_unearned", "spouse_ihss_wages",
                     "children", "child_income", "health_premiums", "medi_cal_soc",
                     "assets")  # fmt: skip


class Ihss(click.Group):
    """The ``ihss`` group: a result that cannot be written (a full disk, a closed stdout) is
    an error, exit 1, never a traceback or a silent exit 0; a closed pipe (``| head``) exits
    141 quietly; Ctrl-C exits 130."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if sys.stdout is None:  # started with stdout closed (>&-): click would write nowhere
            raise click.ClickException("standard output is closed: nowhere to write the result")
        _escape_unwritable(sys.stdout)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_stdout()
            raise SystemExit(141) from None  # like a program killed by SIGPIPE
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            raise SystemExit(130) from None
        except OSError as exc:  # writing the result failed (ENOSPC, EIO, ...)
            _quiet_stdout()
            raise click.ClickException(
                f"cannot write the result to standard output: {exc.strerror or exc}"
            ) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: said in one line (IHSS_DEBUG=1 shows the traceback)
            if os.environ.get("IHSS_DEBUG"):
                raise
            raise click.ClickException(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug in ihss, please "
                "report it with the command that gave it"
            ) from None
        return result


def _escape_unwritable(stream: Any) -> None:
    """Text the output's encoding cannot hold (a lone surrogate from a file name or a JSON
    value) is written as a backslash escape: valid JSON inside a string, never a crash."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a detached or closed stream
            reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    """After a failed write, point stdout at /dev/null so that Python's last flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


@click.group(cls=Ihss, context_settings=CONTEXT)
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
                     type=FilePath(exists=True, dir_okay=False, path_type=Path),
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
    type=FilePath(exists=True, dir_okay=False, path_type=Path),
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


def _no_year(year: int, rates_file: Path | None, years: list[int]) -> str:
    """Why there are no rates for ``year``: the words of soc's and batch's errors alike."""
    if rates_file is not None:
        return f"{year} does not match the year of {rates_file}, {years[0]}"
    return f"no rates on file for {year}; years on file: {', '.join(map(str, years))}"


from ihss_calc.cli_batch import batch  # noqa: E402  (registers after the helpers it uses)

cli.add_command(batch)
