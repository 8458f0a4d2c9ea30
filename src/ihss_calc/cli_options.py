"""The options ``soc`` and ``whatif`` share: the household, and earnings given as people know
them, turned into what the rules take, with a usage error (exit 2) for what they refuse."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import click

from ihss_calc.cli_types import AMOUNT, YEAR, FilePath, one_of, whole
from ihss_calc.i18n import N_, _

if TYPE_CHECKING:
    from ihss_calc.earnings import Monthly
from ihss_calc.rules import (
    DEFAULT_MONTH,
    MAX_AGE,
    MAX_CHILDREN,
    MEDI_CAL,
    SSI_ENDED,
    Household,
    InputProblem,
    check_household,
)


def option_name(field: str) -> str:
    """The option for a Household field: ``spouse_earned`` -> ``--spouse-earned``."""
    named = {"medi_cal_soc": "show_medi_cal_soc", "child_incomes": "child_income"}
    return "--" + named.get(field, field).replace("_", "-")


HOUSEHOLD_OPTIONS = ("unearned", "irwe", "bwe", "couple", "blind", "spouse_blind", "medi_cal",
                     "disability_income", "spouse_earned", "spouse_unearned", "spouse_ihss_wages",
                     "children", "child_incomes", "child_student_earnings", "health_premiums",
                     "medi_cal_soc",
                     "assets", "age", "medicare", "ssi_ended", "pickle_disregard")  # fmt: skip


class CaseCommand(click.Command):
    """A command whose ``--case FILE`` gives the options' defaults: an option given on the
    command line wins, and every value of the file goes through the option's own type. When the
    command line gives earnings in any way, the case's earnings are left out.
    ``case_names``: options named otherwise than the case's keys (whatif's ``earnings``)."""

    def __init__(self, *args: Any, case_names: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.case_names = case_names or {}

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            opts, _rest, _order = self.make_parser(ctx).parse_args(args=list(args))
        except click.UsageError:
            return super().parse_args(ctx, args)  # click says what is wrong
        case = opts.get("case")
        if isinstance(case, str) and "\x00" not in case:
            from pathlib import Path

            path = Path(case)
            if path.is_file():  # otherwise the option's own type says why
                from ihss_calc.case_file import EARNINGS, defaults_for

                names = {k: self.case_names.get(k, k) for k in EARNINGS}
                given = {f"--{key}" for key, name in names.items() if opts.get(name) is not None}
                found = defaults_for(path, given)
                ctx.default_map = {
                    **(ctx.default_map or {}),
                    **{self.case_names.get(k, k): v for k, v in found.items()},
                }
        return super().parse_args(ctx, args)


def case_values(ctx: click.Context, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """What was given, by the case's keys' options: on the command line or by ``--case``
    (never a default), for ``--save-case``."""
    from click.core import ParameterSource

    from ihss_calc.case_file import OPTION_OF, READERS

    wanted = {OPTION_OF.get(k, k) for k in READERS}
    given = (ParameterSource.COMMANDLINE, ParameterSource.DEFAULT_MAP, ParameterSource.ENVIRONMENT)
    found = {}
    for param in ctx.command.params:
        name = param.name or ""
        if name in wanted and name not in skip and ctx.get_parameter_source(name) in given:
            value = ctx.params[name]
            if value is not None and value != ():
                found[name] = value
    return found


def check_save_case(path: Any, force: bool) -> None:
    """Before any work: --force needs --save-case, and --save-case will not overwrite a file
    without it (a usage error, exit 2)."""
    if force and path is None:
        raise click.UsageError(_("--force is for --save-case FILE: give it too."))
    if path is not None and path.exists() and not force:
        why = _("{file} exists: give --force to overwrite it").format(file=path)
        raise click.BadParameter(why, param_hint="'--save-case'")


def save_case(ctx: click.Context, path: Any, force: bool, skip: tuple[str, ...] = ()) -> None:
    """``--save-case FILE``: what was given, never more; refused over a file without --force."""
    from ihss_calc.case_file import save

    save(path, case_values(ctx, skip), force)
    notice(_("Case saved to {file}").format(file=path))


def household_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options ``soc`` and ``whatif`` share: everything about the household but earnings."""
    options = [
        click.option("--unearned", type=AMOUNT, default="0", show_default=True,
                     metavar=N_("AMOUNT"),
                     help=N_("Monthly unearned income: SSDI, pensions, other benefits (not "
                     "CalFresh).")),
        click.option("--irwe", type=AMOUNT, default="0", show_default=True, metavar=N_("AMOUNT"),
                     help=N_("Impairment-related work expenses a month (people who are not "
                     "blind).")),
        click.option("--bwe", type=AMOUNT, default="0", show_default=True, metavar=N_("AMOUNT"),
                     help=N_("Blind work expenses a month (needs --blind or --spouse-blind).")),
        click.option("--couple", is_flag=True,
                     help=N_("A couple: incomes combined, one $20 and one $65.")),
        click.option("--blind", is_flag=True, help=N_("The recipient is blind.")),
        click.option("--spouse-blind", is_flag=True,
                     help=N_("The spouse is blind (needs --couple).")),
        click.option("--medi-cal", type=one_of(tuple(MEDI_CAL)), default=None,
                     metavar="[" + "|".join(MEDI_CAL) + "]",
                     help=N_("Your kind of Medi-Cal. ssi, magi, 1619b, wdp, ad-fpl and pickle mean "
                     "no share of cost; medically-needy also shows the Medi-Cal share of cost.")),
        click.option("--disability-income", type=AMOUNT, default="0", show_default=True,
                     metavar=N_("AMOUNT"),
                     help=N_("The part of --unearned that is disability benefits (SSDI, SDI, "
                     "workers' comp): left out for the Working Disabled Program check.")),
        click.option("--spouse-earned", type=AMOUNT, default=None, metavar=N_("AMOUNT"),
                     help=N_("Monthly earnings of a spouse who is not aged, blind or disabled: "
                     "part is deemed to you (SOC 294A part B). Not with --couple.")),
        click.option("--spouse-unearned", type=AMOUNT, default=None, metavar=N_("AMOUNT"),
                     help=N_("Monthly unearned income of a spouse who is not aged, blind or "
                     "disabled. Not with --couple.")),
        click.option("--spouse-ihss-wages", type=AMOUNT, default="0", show_default=True,
                     metavar=N_("AMOUNT"),
                     help=N_("The part of --spouse-earned that is IHSS wages for caring for you: "
                     "not counted.")),
        click.option("--children", type=whole(0, MAX_CHILDREN), default=0,
                     show_default=True, metavar=N_("N"),
                     help=N_("Children in the household who are not blind or disabled (under 18, "
                     "or under 22 and a student), for deeming from a spouse.")),
        click.option("--child-income", "child_incomes", type=AMOUNT, multiple=True,
                     metavar=N_("AMOUNT"),
                     help=N_("One child's own monthly income; give it once per child, in order "
                     "(--child-income 600 --child-income 0). A child not given has none.")),
        click.option("--child-student-earnings", "child_student_earnings", type=AMOUNT,
                     multiple=True, metavar=N_("AMOUNT"),
                     help=N_("One child's monthly earnings as a student under 22, once per "
                     "child, in order: up to the student earned income exclusion they do not "
                     "reduce that child's allocation (POMS SI 01320.185).")),
        click.option("--health-premiums", type=AMOUNT, default="0", show_default=True,
                     metavar=N_("AMOUNT"),
                     help=N_("Health insurance premiums you pay a month, Medicare Part B "
                     "included: they lower the Medi-Cal share of cost, not the IHSS one.")),
        click.option("--show-medi-cal-soc", "medi_cal_soc", is_flag=True,
                     help=N_("Show the Medi-Cal share of cost beside the IHSS one (shown anyway "
                     "with --medi-cal medically-needy).")),
        click.option("--assets", type=AMOUNT, default=None, metavar=N_("AMOUNT"),
                     help=N_("Countable assets (resources): money in the bank, cash, stocks, other "
                     "property; your home and one car usually do not count. Checked against "
                     "Medi-Cal's asset limit where the year has one (2026 on).")),
        click.option("--age", type=whole(0, MAX_AGE), default=None, metavar=N_("N"),
                     help=N_("Your age, for the Medi-Cal programs screened (MAGI is for 19 to "
                     "64). Without it, MAGI is only possible.")),
        click.option("--medicare", is_flag=True,
                     help=N_("You have Medicare Part A or B (MAGI Medi-Cal is for people "
                     "without it).")),
        click.option("--ssi-ended", type=one_of(SSI_ENDED), default=None,
                     metavar="[" + "|".join(SSI_ENDED) + "]",
                     help=N_("You got SSI cash once, and it stopped because of: earnings "
                     "(1619(b)), other (Pickle), childs-benefits (Disabled Adult Child) or "
                     "widows-benefits.")),
        click.option("--pickle-disregard", type=AMOUNT, default=None, metavar=N_("AMOUNT"),
                     help=N_("The Social Security the county disregards for Pickle, a month "
                     "(its factor table was not found: without it, Pickle is only possible).")),
        click.option("--month", type=whole(1, 12), default=None, metavar=N_("1-12"),
                     help=N_("The month screened, of the rates' year: Medi-Cal's poverty-level "
                     "limits change in April. Default: this month in this year, otherwise "
                     "April.")),
        click.option("--year", type=YEAR, default=None,
                     help=N_("Rates for this calendar year. Default: the latest year on file, not "
                     "after this year.")),
        click.option("--rates", "rates_file", metavar=N_("FILE"),
                     type=FilePath(exists=True, dir_okay=False),
                     help=N_("Use this rates file instead of the bundled one (see 'ihss rates "
                     "--check').")),
        click.option("--json", "as_json", is_flag=True,
                     help=N_("Print one JSON object instead of a table.")),
        click.option("--case", metavar=N_("FILE"), type=FilePath(exists=True, dir_okay=False),
                     help=N_("Read the household from a case file (TOML or JSON, the keys of "
                     "ihss batch's columns); options given here override its values.")),
        click.option("--save-case", "save_case_file", metavar=N_("FILE"),
                     type=FilePath(dir_okay=False),
                     help=N_("Also save what was given (options and --case) as a case file.")),
        click.option("--force", is_flag=True,
                     help=N_("With --save-case: overwrite the file if it exists.")),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def make_household(
    earned: Decimal, month: int = DEFAULT_MONTH, earned_as: str = "--earned", **options: Any
) -> Household:
    """The household the options describe; a combination the rules refuse exits 2, naming
    the options the person gave (``earned_as``: --wage/--hours or --yearly when earnings were
    given so)."""
    chosen = {name: options[name] for name in HOUSEHOLD_OPTIONS}
    for name in ("child_incomes", "child_student_earnings"):
        chosen[name] = tuple(chosen[name])
    household = Household(earned=earned, month=month, **chosen)

    def named(field: str) -> str:
        return earned_as if field == "earned" else option_name(field)

    try:
        check_household(household)
    except InputProblem as problem:
        hint = f"'{named(problem.field)}'"
        raise click.BadParameter(problem.text(named), param_hint=hint) from None
    return household


def monthly_earnings(
    given_earned: bool,
    earned: Decimal,
    wage: Decimal | None,
    hours: Decimal | None,
    yearly: Decimal | None,
) -> Monthly | None:
    """Earnings given with --wage and --hours or --yearly, as a month's; None for --earned.
    Two ways at once is a usage error; a monthly amount that looks yearly, a warning."""
    from ihss_calc.earnings import from_wage, from_yearly, looks_yearly

    ways = [name for name, used in (("--earned", given_earned),
                                    ("--wage/--hours", wage is not None or hours is not None),
                                    ("--yearly", yearly is not None)) if used]  # fmt: skip
    if len(ways) > 1:
        raise click.UsageError(two_ways(ways))
    if (wage is None) != (hours is None):
        missing, given = ("--hours", "--wage") if hours is None else ("--wage", "--hours")
        why = _("{given} needs {missing} too: monthly earnings are wage × hours a week × 52 ÷ 12.")
        raise click.UsageError(why.format(given=given, missing=missing))
    if wage is not None and hours is not None:
        return from_wage(wage, hours)
    if yearly is not None:
        return from_yearly(yearly)
    warning = looks_yearly(earned)
    if warning:
        warn(warning)
    return None


# Set by the ``ihss`` group for the length of a ``--json`` run: stderr is then JSON Lines.
JSON_STDERR = False


def warn(message: str) -> None:
    """A warning on stderr, as every command says one: stdout carries the result only. With
    ``--json``, one JSON object a line (``{"warning": ...}``), so that a script can read it."""
    if JSON_STDERR:
        notice(message, "warning")
    else:
        click.echo(_("Warning: {warning}").format(warning=message), err=True)


def notice(message: str, kind: str = "note") -> None:
    """What a run did besides its result ("Worksheet written to ..."), on stderr; with
    ``--json``, as ``{"note": ...}``."""
    if JSON_STDERR:
        from ihss_calc.jsonout import dumps

        click.echo(dumps({kind: message}, indent=None), err=True)
    else:
        click.echo(message, err=True)


def two_ways(ways: list[str]) -> str:
    """Earnings given two (or three) ways at once (soc and whatif): which, and to give one."""
    return _("{options} each give earnings: give one of them.").format(
        options=_(" and ").join(ways)
    )
