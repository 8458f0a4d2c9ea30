"""``ihss whatif``: the share of cost, and what you keep, at each level of earnings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc.cli_lang import lang_option
from ihss_calc.cli_options import (
    household_options,
    make_household,
    screened_month,
    two_ways,
    warn,
)
from ihss_calc.cli_types import AMOUNT, HOURS_RANGE, RANGE, FilePath
from ihss_calc.earnings import from_wage, from_yearly, looks_yearly
from ihss_calc.i18n import N_, _

WHATIF_EPILOG = N_("""\b
Examples:
  ihss whatif --unearned 1000 --earned 0:3000:100
  ihss whatif --unearned 1000 --wage 18.50 --hours 0:40:5
  ihss whatif --unearned 1000 --yearly 0:60000:5000 --chart keep.svg
  ihss whatif --unearned 1200 --disability-income 1200 --earned 0:5000:250
  ihss whatif --unearned 1000 --earned 0:3000:100 --json | jq '.points[].kept'

At most 1,000 points. Exit codes: 0 done, 1 bad rates file (or a chart that
cannot be written), 2 bad usage or input.
""")

WHATIF_HELP = N_("""If I take this job, or more hours, what do I keep? At each level of earnings:
the share of cost, the share of cost with the Working Disabled Program, and what you keep
(earnings + unearned income − share of cost), with where the share of cost starts and where
WDP's income limit is crossed.
""")


@click.command(help=WHATIF_HELP, epilog=WHATIF_EPILOG)
@click.option(
    "--earned", "earnings", type=RANGE, default=None, metavar=N_("FROM:TO:STEP"),
    help=N_("Monthly gross earnings from FROM to TO in steps of STEP, such as 0:3000:100."),
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
    metavar=N_("FROM:TO:STEP"),
    help=N_("Hours a week from FROM to TO, with --wage: wage × hours × 52 ÷ 12 a month."),
)
@click.option(
    "--yearly",
    type=RANGE,
    default=None,
    metavar=N_("FROM:TO:STEP"),
    help=N_("Yearly gross earnings from FROM to TO: each ÷ 12 a month."),
)
@household_options
@click.option(
    "--chart",
    type=FilePath(dir_okay=False, writable=True),
    metavar=N_("FILE.svg|FILE.png"),
    help=N_("Also draw the share of cost and what you keep against earnings."),
)
@lang_option
def whatif(earnings: tuple[list[Decimal], Decimal] | None, wage: Decimal | None,
           hours: tuple[list[Decimal], Decimal] | None,
           yearly: tuple[list[Decimal], Decimal] | None, year: int | None,
           rates_file: Path | None, as_json: bool, chart: Path | None, month: int | None,
           **options: Any) -> None:  # fmt: skip
    """``ihss whatif`` (its help is WHATIF_HELP)."""
    from ihss_calc import cli as cli_mod
    from ihss_calc.rules.whatif import what_if

    levels, step, given_as = _earnings(earnings, wage, hours, yearly)
    if chart is not None and chart.suffix.lower() not in {".svg", ".png"}:
        raise click.BadParameter(_("the file must end in .svg or .png"), param_hint="'--chart'")
    household = make_household(levels[0], **options)
    rates, warnings = cli_mod.choose_rates(year, rates_file)
    household = household._replace(month=screened_month(month, rates.year, cli_mod.today()))
    answer = what_if(household, rates, levels, step, given_as)
    if chart is not None:
        from ihss_calc.chart import write_chart

        try:
            write_chart(answer, chart)
        except OSError as exc:
            why = _("cannot write {file}: {reason}").format(file=chart, reason=exc.strerror)
            raise click.ClickException(why) from None
        click.echo(_("Chart written to {file}").format(file=chart), err=True)
    if as_json:
        from ihss_calc.jsonout import dumps, whatif_dict

        click.echo(dumps(whatif_dict(answer, warnings)))
    else:
        from ihss_calc.render_whatif import whatif as draw

        draw(answer)


def _earnings(
    earnings: tuple[list[Decimal], Decimal] | None,
    wage: Decimal | None,
    hours: tuple[list[Decimal], Decimal] | None,
    yearly: tuple[list[Decimal], Decimal] | None,
) -> tuple[list[Decimal], Decimal, str]:
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
        step = from_yearly(yearly[1]).amount
    else:
        if wage is None or hours is None:
            raise click.UsageError(_("--wage and --hours go together: monthly earnings are "
                                     "wage × hours a week × 52 ÷ 12."))  # fmt: skip
        points = [from_wage(wage, h) for h in hours[0]]
        how = _("{wage} an hour × hours a week ({low} to {high}) × 52 ÷ 12").format(
            wage=wage, low=hours[0][0], high=hours[0][-1]
        )
        step = from_wage(wage, hours[1]).amount
    how = _("{how}, each rounded to the cent (half up)").format(how=how)
    return [p.amount for p in points], step, how
