"""``ihss whatif``: the share of cost, and what you keep, at each level of earnings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc.amounts import MAX_AMOUNT, money_display
from ihss_calc.cli_lang import lang_option, plain_option
from ihss_calc.cli_options import (
    CaseCommand,
    check_save_case,
    household_options,
    make_household,
    notice,
    save_case,
    two_ways,
    warn,
)
from ihss_calc.cli_types import AMOUNT, HOURS_RANGE, LEVELS, FilePath
from ihss_calc.earnings import from_wage, from_yearly, looks_yearly
from ihss_calc.i18n import N_, _, os_reason
from ihss_calc.rules import screened_month

WHATIF_EPILOG = N_("""\b
Examples:
  ihss whatif --unearned 1000 --earned 0:3000:100
  ihss whatif --unearned 1400 --ssdi 1400 --twp-done --earned 0:3000:100
  ihss whatif --unearned 300 --gets-ssi --earned 0:2000:250
  ihss whatif --unearned 1400 --ssdi 1400 --earned 0,1800
  ihss whatif --unearned 1000 --wage 18.50 --hours 0:40:5
  ihss whatif --unearned 1000 --yearly 0:60000:5000 --chart keep.svg
  ihss whatif --unearned 1000 --earned 0:3000:100 --json | jq '.points[].kept'

At most 1,000 points. Exit codes: 0 done, 1 bad rates file (or a chart that
cannot be written), 2 bad usage or input.
""")

WHATIF_HELP = N_("""If I take this job, or more hours, what do I keep? At each level of earnings:
the share of cost, the Medi-Cal you would likely be placed in and what you pay there, SSDI
under its work rules (--ssdi), SSI/SSP cash (--gets-ssi), and what you keep (earnings +
unearned income + SSI/SSP − the share of cost), with each cliff named: where SSDI stops,
SSI/SSP reaches $0, or the likely program changes.
""")


@click.command(
    cls=CaseCommand, case_names={"earned": "earnings"}, help=WHATIF_HELP, epilog=WHATIF_EPILOG
)
@click.option(
    "--earned", "earnings", type=LEVELS, default=None, metavar=N_("FROM:TO:STEP|A,B"),
    help=N_("Monthly gross earnings from FROM to TO in steps of STEP, such as 0:3000:100, or "
            "levels listed, such as 0,1800 (now, and with the job)."),
)  # fmt: skip
@click.option(
    "--wage",
    type=AMOUNT,
    default=None,
    metavar=N_("AMOUNT"),
    help=N_("Hourly wage, with --hours FROM:TO:STEP (hours a week)."),
)
@click.option(
    "--hours",
    "hours",
    type=HOURS_RANGE,
    default=None,
    metavar=N_("FROM:TO:STEP|A,B"),
    help=N_(
        "Hours a week from FROM to TO (or listed), with --wage: wage × hours × 52 ÷ 12 a month."
    ),
)
@click.option(
    "--yearly",
    type=LEVELS,
    default=None,
    metavar=N_("FROM:TO:STEP|A,B"),
    help=N_("Yearly gross earnings from FROM to TO (or listed): each ÷ 12 a month."),
)
@click.option(
    "--ssdi",
    type=AMOUNT,
    default=None,
    metavar=N_("AMOUNT"),
    help=N_(
        "The part of --unearned that is SSDI (counted as disability income): paid in full "
        "during the trial work period; with --twp-done, $0 in a month earnings less IRWE "
        "are over SGA."
    ),
)
@click.option(
    "--twp-done",
    is_flag=True,
    help=N_("Your SSDI trial work period (9 months) is used up: SGA decides each month's check."),
)
@click.option(
    "--gets-ssi",
    is_flag=True,
    help=N_("You get SSI cash: shown at each level (the SSI/SSP level less countable income)."),
)
@household_options
@click.option(
    "--chart",
    type=FilePath(dir_okay=False, writable=True),
    metavar=N_("FILE.svg|FILE.png"),
    help=N_("Also draw the share of cost and what you keep against earnings."),
)
@plain_option
@lang_option
def whatif(earnings: Levels | None, wage: Decimal | None, hours: Levels | None,
           yearly: Levels | None, ssdi: Decimal | None, twp_done: bool, gets_ssi: bool,
           year: int | None, rates_file: Path | None, as_json: bool, chart: Path | None,
           month: int | None, case: Path | None, save_case_file: Path | None, force: bool,
           **options: Any) -> None:  # fmt: skip
    """``ihss whatif`` (its help is WHATIF_HELP)."""
    from ihss_calc import api
    from ihss_calc import cli as cli_mod

    check_save_case(save_case_file, force)

    levels, step, given_as = _earnings(earnings, wage, hours, yearly)
    if ssdi is not None and ssdi > options["unearned"]:
        why = _("{ssdi} is more than the unearned income, {unearned}: SSDI is part of it")
        raise click.BadParameter(why.format(ssdi=money_display(ssdi),
                                            unearned=money_display(options["unearned"])),
                                 param_hint="'--ssdi'")  # fmt: skip
    if twp_done and not ssdi:
        raise click.UsageError(_("--twp-done is about SSDI: give --ssdi AMOUNT too."))
    if chart is not None and chart.suffix.lower() not in {".svg", ".png"}:
        raise click.BadParameter(_("the file must end in .svg or .png"), param_hint="'--chart'")
    household = make_household(levels[0], **options)
    rates, warnings = cli_mod.choose_rates(year, rates_file)
    household = household._replace(month=screened_month(month, rates.year, cli_mod.today()))
    swept_hours = hours[0] if hours is not None else None
    if save_case_file is not None:  # the household: a sweep is not one case's earnings
        ctx = click.get_current_context()
        save_case(ctx, save_case_file, force, skip=("earnings", "wage", "hours", "yearly"))
    answer = api.what_if(
        household,
        earnings=levels,
        rates=rates,
        ssdi=ssdi,
        twp_done=twp_done,
        gets_ssi=gets_ssi,
        hours=swept_hours,
        step=step,
        given_as=given_as,
    )
    if chart is not None:
        from ihss_calc.chart import write_chart

        try:
            write_chart(answer, chart)
        except OSError as exc:
            why = _("cannot write {file}: {reason}").format(file=chart, reason=os_reason(exc))
            raise click.ClickException(why) from None
        notice(_("Chart written to {file}").format(file=chart))
    if as_json:
        from ihss_calc.jsonout import dumps
        from ihss_calc.stdout import write_out
        from ihss_calc.whatif_json import whatif_dict

        write_out(dumps(whatif_dict(answer, warnings)))
    else:
        from ihss_calc.render_whatif import whatif as draw

        draw(answer)


Levels = tuple[list[Decimal], Decimal | None]  # the levels, and the step of a range


def _earnings(
    earnings: Levels | None,
    wage: Decimal | None,
    hours: Levels | None,
    yearly: Levels | None,
) -> tuple[list[Decimal], Decimal | None, str]:
    """The monthly earnings of each point, the step between them, and how they were given."""
    ways = [name for name, used in (("--earned", earnings is not None),
                                    ("--wage/--hours", wage is not None or hours is not None),
                                    ("--yearly", yearly is not None)) if used]  # fmt: skip
    if not ways:
        raise click.UsageError(_("Missing earnings: give --earned FROM:TO:STEP, --wage with "
                                 "--hours FROM:TO:STEP, or --yearly FROM:TO:STEP."))  # fmt: skip
    if len(ways) > 1:
        raise click.UsageError(two_ways(ways))
    if earnings is not None:
        warning = looks_yearly(earnings[0][-1])
        if warning:
            warn(warning)
        return earnings[0], earnings[1], ""
    if yearly is not None:
        points = [from_yearly(y) for y in yearly[0]]
        how = _("a yearly amount ÷ 12")
        step = None if yearly[1] is None else from_yearly(yearly[1]).amount
    else:
        if wage is None or hours is None:
            raise click.UsageError(_("--wage and --hours go together: monthly earnings are "
                                     "wage × hours a week × 52 ÷ 12."))  # fmt: skip
        points = [from_wage(wage, h) for h in hours[0]]
        how = _("{wage} an hour × hours a week ({low} to {high}) × 52 ÷ 12").format(
            wage=money_display(wage), low=hours[0][0], high=hours[0][-1]
        )
        step = None if hours[1] is None else from_wage(wage, hours[1]).amount
    how = _("{how}, each rounded to the cent (half up)").format(how=how)
    given = "--yearly" if yearly is not None else "--wage/--hours"
    for point in points:
        if point.amount > MAX_AMOUNT:  # as soc refuses it, naming what was given
            why = _("{amount} a month is more than {most}").format(
                amount=money_display(point.amount), most=money_display(MAX_AMOUNT)
            )
            raise click.BadParameter(why, param_hint=f"'{given}'")  # fmt: skip
    return [p.amount for p in points], step, how
