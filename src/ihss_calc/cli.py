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
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

import click

from ihss_calc import api
from ihss_calc import rates as rates_mod
from ihss_calc.cli_errors import FileProblems, InternalError, OutputError, json_error
from ihss_calc.cli_lang import lang_option, plain_option, translate_command, use_language
from ihss_calc.cli_options import (
    CaseCommand,
    check_save_case,
    household_options,
    make_household,
    monthly_earnings,
    notice,
    save_case,
    warn,
)
from ihss_calc.cli_types import AMOUNT, HOURS, FilePath
from ihss_calc.i18n import N_, _, os_reason
from ihss_calc.rules import screened_month

if TYPE_CHECKING:
    from pathlib import Path

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def today() -> dt.date:
    """Today's date, or IHSS_TODAY's (YYYY-MM-DD), so that an example gives the same answer
    and warnings on any day (the README's are checked that way); the tests replace it too."""
    pinned = os.environ.get("IHSS_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            why = _("IHSS_TODAY={value} is not a date: write YYYY-MM-DD.").format(
                value=repr(pinned)
            )
            raise click.UsageError(why) from None
    return dt.date.today()


class Ihss(click.Group):
    """The ``ihss`` group: a result that cannot be written (a full disk, a closed stdout) is
    an error, exit 1, never a traceback or a silent exit 0; a closed pipe (``| head``) exits
    141 quietly; Ctrl-C exits 130. ``whatif`` and ``batch`` are imported only when run (or
    listed), so that ``soc`` does not pay for their options at start-up."""

    LAZY: ClassVar = {
        "whatif": "ihss_calc.cli_whatif",
        "batch": "ihss_calc.cli_batch",
        "hours": "ihss_calc.cli_hours",
        "timesheets": "ihss_calc.cli_hours",
        "compare": "ihss_calc.cli_compare",
        "rates": "ihss_calc.cli_rates",
        "schema": "ihss_calc.cli_rates",
    }

    def main(  # type: ignore[override]
        self, args: list[str] | None = None, *rest: Any, standalone_mode: bool = True, **extra: Any
    ) -> Any:
        """With ``--json``, stderr is JSON Lines: each warning or note as an object
        (``{"warning": ...}``), and a run that fails ends with one error object (``error``,
        ``exit_code``, ``option``, ``file``, ``message``) instead of the usage text, so that a
        script can parse it; stdout stays empty."""
        argv = sys.argv[1:] if args is None else list(args)
        head = argv[: argv.index("--")] if "--" in argv else argv
        if not standalone_mode or "--json" not in head:
            return self._main(argv, *rest, standalone_mode=standalone_mode, **extra)
        from ihss_calc import cli_options

        cli_options.JSON_STDERR = True
        try:
            code = self._main(argv, *rest, standalone_mode=False, **extra)
        except click.ClickException as exc:
            json_error(exc)
            sys.exit(exc.exit_code)
        except click.Abort:
            json_error(click.ClickException(_("Aborted!")))
            sys.exit(1)
        finally:
            cli_options.JSON_STDERR = False
        sys.exit(code if isinstance(code, int) else 0)

    def _main(self, *args: Any, **kwargs: Any) -> Any:
        """click's main, leaving the process's language as it found it: a program (or a test)
        that runs ``ihss`` in-process more than once gets each run's own language."""
        saved = os.environ.get("LANGUAGE")
        try:
            return super().main(*args, **kwargs)
        finally:
            if saved is None:
                os.environ.pop("LANGUAGE", None)
            else:
                os.environ["LANGUAGE"] = saved

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        if parent is None:  # the language decides even how a parse error is worded
            use_language(self, args)
        return super().make_context(info_name, args, parent, **extra)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.LAZY])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY and name not in self.commands:
            import importlib

            command = getattr(importlib.import_module(self.LAZY[name]), name)
            self.add_command(translate_command(command))
        return super().get_command(ctx, name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if sys.stdout is None:  # started with stdout closed (>&-): click would write nowhere
            raise OutputError(_("standard output is closed: nowhere to write the result"))
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
            click.echo(_("Interrupted."), err=True)
            raise SystemExit(130) from None
        except OSError as exc:  # writing the result failed (ENOSPC, EIO, ...)
            _quiet_stdout()
            why = _("cannot write the result to standard output: {reason}")
            raise OutputError(why.format(reason=os_reason(exc))) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: said in one line (IHSS_DEBUG=1 shows the traceback)
            if os.environ.get("IHSS_DEBUG"):
                raise
            why = _(
                "internal error ({error}); this is a bug in ihss, please report it with the "
                "command that gave it"
            )
            raise InternalError(why.format(error=f"{type(exc).__name__}: {exc}")) from None
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


IHSS_HELP = N_("""Will you pay a share of cost for California's In-Home Supportive Services (IHSS)?

ihss answers first, in plain words, then works out countable income from your monthly
income, step by step, with the rule and source of each step, against the SSI/SSP payment
level. It also checks authorized hours and providers' timesheets.

\b
Examples:
  ihss soc --unearned 1000 --earned 500
  ihss soc --unearned 1000 --earned 500 --json | jq .share_of_cost
  ihss soc --unearned 800 --spouse-earned 3000 --worksheet w.html
  ihss whatif --unearned 1000 --wage 18.50 --hours 0:40:5
  ihss hours --weekly personal-care=15 --weekly meal-preparation=6
  ihss timesheets check march.csv --authorized R1=160
  ihss rates --year 2024
  ihss rates --check rates_2027.toml
  ihss --lang es soc --unearned 1000 --earned 500
""")


@click.group(cls=Ihss, context_settings=CONTEXT, help=IHSS_HELP)
@click.version_option(package_name="ihss-calc", prog_name="ihss")
@lang_option
def cli() -> None:
    """The ``ihss`` group (its help is IHSS_HELP, for the catalog)."""


SOC_EPILOG = N_("""\b
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
""")


SOC_HELP = N_("""Work out the monthly IHSS share of cost: the answer in plain words, then each
step.

Amounts are monthly: dollars and cents such as 1000, 1000.50 or $1,000.50. Without --medi-cal
the computed share of cost stands, and the output names the kinds of Medi-Cal that would make
it 0. With earnings, it also checks the Working Disabled Program, and it says how much you could
earn before paying a share of cost.
""")


@cli.command(cls=CaseCommand, help=SOC_HELP, epilog=SOC_EPILOG)
@click.option(
    "--earned", type=AMOUNT, default="0", show_default=True, metavar=N_("AMOUNT"),
    help=N_("Monthly gross earnings: wages, tips, self-employment."),
)  # fmt: skip
@click.option(
    "--wage",
    type=AMOUNT,
    default=None,
    metavar=N_("AMOUNT"),
    help=N_("Hourly wage, with --hours: monthly earnings are wage × hours × 52 ÷ 12."),
)
@click.option(
    "--hours",
    type=HOURS,
    default=None,
    metavar=N_("HOURS"),
    help=N_("Hours worked a week, with --wage."),
)
@click.option(
    "--yearly",
    type=AMOUNT,
    default=None,
    metavar=N_("AMOUNT"),
    help=N_("Yearly gross earnings: monthly earnings are this ÷ 12."),
)
@household_options
@click.option("--brief", is_flag=True, help=N_("Print only the answer, in plain words."))
@click.option(
    "--worksheet",
    type=FilePath(dir_okay=False, writable=True),
    metavar=N_("FILE.html"),
    help=N_("Also write a printable worksheet, laid out like the county's SOC 294A."),
)
@click.option(
    "--client",
    metavar=N_("NAME"),
    default=None,
    help=N_("The client's name, printed on the worksheet (only there)."),
)
@click.option(
    "--case-number",
    metavar=N_("TEXT"),
    default=None,
    help=N_("The case number, printed on the worksheet (only there)."),
)
@click.option(
    "--prepared-by",
    metavar=N_("NAME"),
    default=None,
    help=N_("Who prepared the worksheet, printed on it with the date (only there)."),
)
@plain_option
@lang_option
@click.pass_context
def soc(ctx: click.Context, /, earned: Decimal, wage: Decimal | None, hours: Decimal | None,
        yearly: Decimal | None, year: int | None, rates_file: Path | None, as_json: bool,
        brief: bool, worksheet: Path | None, month: int | None, client: str | None,
        case_number: str | None, prepared_by: str | None, case: Path | None,
        save_case_file: Path | None, force: bool, **options: Any) -> None:  # fmt: skip
    """``ihss soc`` (its help is SOC_HELP)."""
    if brief and as_json:
        raise click.UsageError(_("--brief is for people and --json for scripts: give one."))
    check_save_case(save_case_file, force)
    for_page = [
        name
        for name, value in (
            ("--client", client),
            ("--case-number", case_number),
            ("--prepared-by", prepared_by),
        )
        if value is not None
    ]
    if for_page and worksheet is None:
        raise click.UsageError(_("{options} go on the worksheet: give --worksheet FILE.html "
                                 "too.").format(options=", ".join(for_page)))  # fmt: skip
    given = ctx.get_parameter_source("earned") is not click.core.ParameterSource.DEFAULT
    monthly = monthly_earnings(given, earned, wage, hours, yearly)
    earned_as = ("--earned" if monthly is None
                 else "--yearly" if yearly is not None else "--wage/--hours")  # fmt: skip
    household = make_household(monthly.amount if monthly else earned, earned_as=earned_as,
                               **options)  # fmt: skip
    rates, warnings = choose_rates(year, rates_file)
    household = household._replace(month=screened_month(month, rates.year, today()))
    result = api.share_of_cost(household, rates=rates)
    if save_case_file is not None:
        save_case(ctx, save_case_file, force)
    said = [_("Monthly earnings: {how}.").format(how=monthly.words)] if monthly else []
    if worksheet is not None:
        from ihss_calc.worksheet import Client, write_worksheet

        page_for = Client(client, case_number, prepared_by, today())
        try:
            write_worksheet(result, worksheet, said, page_for)
        except OSError as exc:
            why = _("cannot write {file}: {reason}").format(file=worksheet, reason=os_reason(exc))
            raise click.ClickException(why) from None
        notice(_("Worksheet written to {file}").format(file=worksheet))
    if as_json:
        from ihss_calc.jsonout import dumps, result_dict
        from ihss_calc.stdout import write_out

        body = result_dict(result, warnings=warnings)
        body["notes"] = [*said, *body["notes"]]
        write_out(dumps(body))
    else:
        from ihss_calc import render

        render.soc(result, brief=brief, said=said)


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
        raise FileProblems(exc.report(), exc.origin, exc.problems) from None
    stale = rates_mod.staleness(rates.year, today(), years)
    warnings = [stale] if stale else []
    for warning in warnings:
        warn(warning)
    return rates, warnings


def _no_year(year: int, rates_file: Path | None, years: list[int]) -> str:
    """Why there are no rates for ``year``: the words of soc's and batch's errors alike."""
    if rates_file is not None:
        why = _("{year} does not match the year of {file}, {file_year}")
        return why.format(year=year, file=rates_file, file_year=years[0])
    why = _("no rates on file for {year}; years on file: {years}")
    return why.format(year=year, years=", ".join(map(str, years)))
