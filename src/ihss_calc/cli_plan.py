"""``ihss timesheets plan``: a month's authorized hours split between providers, week by week,
within each one's limits, as a table, JSON, and a fill-in CSV that ``timesheets check`` reads."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import click

from ihss_calc.cli_lang import lang_option, plain_option
from ihss_calc.cli_types import FilePath
from ihss_calc.i18n import N_, _, os_reason

PLAN_HELP = N_("""Plan a month: split the recipient's authorized hours between their
providers, workweek by workweek (Sunday to Saturday; the month's first and last weeks are
partial), so that no provider passes the weekly maximum for this recipient (authorized ÷ 4),
nor 66 hours a week (90 with an exemption) with their other work, and overtime (over 40) is
used only when the hours cannot be placed without it. Says plainly when they cannot be placed
without overtime, or at all.
""")

PLAN_EPILOG = N_("""\b
Examples:
  ihss timesheets plan --authorized 160 --provider A --provider B
  ihss timesheets plan --authorized 160 --provider A --provider B --month 2027-01
  ihss timesheets plan --authorized 283 --provider A --other-hours A=30 --json
  ihss timesheets plan --authorized 160 --provider A --provider B --template dec.csv
  ihss timesheets check dec.csv --authorized R1=160

Exit codes: 0 every hour placed (overtime, if any, is said), 1 some hours cannot be placed,
2 bad usage.
""")

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


@click.command(help=PLAN_HELP, epilog=PLAN_EPILOG)
@click.option("--authorized", "authorized_text", required=True, metavar=N_("HOURS"),
              help=N_("The recipient's monthly authorized hours (160, 91.5)."))  # fmt: skip
@click.option("--provider", "providers", multiple=True, required=True, metavar=N_("NAME"),
              help=N_("A provider; repeat for each, in the order hours go out."))  # fmt: skip
@click.option("--month", "month_text", metavar=N_("YYYY-MM"), default=None,
              help=N_("The month to plan. Default: this month."))  # fmt: skip
@click.option("--recipient", default="R1", show_default=True, metavar=N_("NAME"),
              help=N_("The recipient's name, as the visits file will have it."))  # fmt: skip
@click.option("--other-hours", "other", multiple=True, metavar=N_("PROVIDER=HOURS"),
              help=N_("Hours a week the provider works for other recipients (they count "
                      "toward 66 and toward overtime)."))  # fmt: skip
@click.option("--exemption", multiple=True, metavar=N_("PROVIDER=1|2"),
              help=N_("A provider with exemption 1 or 2 (90 hours a week)."))  # fmt: skip
@click.option("--start", "start_text", default="09:00", show_default=True, metavar=N_("TIME"),
              help=N_("When each day's visits start, in the template."))  # fmt: skip
@click.option("--template", metavar=N_("FILE.csv"), type=FilePath(dir_okay=False),
              help=N_("Also write the plan as a visits CSV to fill in: one row a planned visit "
                      "day, the columns 'timesheets check' reads."))  # fmt: skip
@click.option("--force", is_flag=True, help=N_("With --template: overwrite the file."))  # fmt: skip
@click.option("--rates", "rates_file", metavar=N_("FILE"),
              type=FilePath(exists=True, dir_okay=False),
              help=N_("Use this rates file instead of the bundled one."))  # fmt: skip
@click.option(
    "--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of a table.")
)
@plain_option
@lang_option
def plan(authorized_text: str, providers: tuple[str, ...], month_text: str | None,
         recipient: str, other: tuple[str, ...], exemption: tuple[str, ...], start_text: str,
         template: Path | None, force: bool, rates_file: Path | None,
         as_json: bool) -> None:  # fmt: skip
    """``ihss timesheets plan`` (its help is PLAN_HELP)."""
    from ihss_calc import cli as cli_mod
    from ihss_calc.cli_hours import _exemption, _monthly_value, _pairs
    from ihss_calc.cli_options import notice
    from ihss_calc.rules.plan import Provider, plan_month
    from ihss_calc.timesheets import RowProblem, parse_time

    try:
        authorized = _monthly_value(authorized_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--authorized'") from None
    if len(set(providers)) != len(providers):
        raise click.BadParameter(_("a provider is named twice"), param_hint="'--provider'")
    year, month = _month(month_text)
    others = _pairs("--other-hours", other, _weekly_hours)
    exempt = _pairs("--exemption", exemption, _exemption)
    for option, named in (("--other-hours", others), ("--exemption", exempt)):
        for name in named:
            if name not in providers:
                why = _("{provider} is not one of the --provider names").format(provider=repr(name))
                raise click.BadParameter(why, param_hint=f"'{option}'")
    try:
        start = parse_time(start_text, "start")
    except RowProblem as exc:
        raise click.BadParameter(exc.why, param_hint="'--start'") from None
    if template is not None and template.exists() and not force:
        why = _("{file} exists: give --force to overwrite it").format(file=template)
        raise click.BadParameter(why, param_hint="'--template'")
    rates, warnings = cli_mod.choose_rates(year, rates_file)
    cap = rates.hours["monthly_cap_severely_impaired"]
    if authorized > cap.value:
        why = _("{hours} hours a month is over the cap of {cap} ({label}): no recipient is "
                "authorized more").format(hours=authorized, cap=cap.value,
                                          label=_(cap.label))  # fmt: skip
        raise click.BadParameter(why, param_hint="'--authorized'")
    chosen = [Provider(name, others.get(name, Decimal(0)), exempt.get(name)) for name in providers]
    made = plan_month(year, month, authorized, chosen, rates, recipient, start)
    from ihss_calc import plan_out

    if template is not None:
        try:
            with template.open("w", encoding="utf-8", newline="") as out:
                plan_out.write_template(made, out)
        except OSError as exc:
            why = _("cannot write {file}: {reason}").format(file=template, reason=os_reason(exc))
            raise click.ClickException(why) from None
        notice(_("Template written to {file}").format(file=template))
    if as_json:
        from ihss_calc.jsonout import dumps
        from ihss_calc.stdout import write_out

        write_out(dumps(plan_out.plan_dict(made, rates, warnings)))
    else:
        plan_out.plan_table(made)
    if made.unplaced:
        raise SystemExit(1)


def _month(text: str | None) -> tuple[int, int]:
    from ihss_calc.cli import today

    if text is None:
        now = today()
        return now.year, now.month
    found = _MONTH.fullmatch(text.strip())
    if not found or not 1 <= int(found[2]) <= 12 or not 1 <= int(found[1]) <= 4000:
        why = _("{value} is not a month; write YYYY-MM (2026-12)").format(value=repr(text))
        raise click.BadParameter(why, param_hint="'--month'")
    return int(found[1]), int(found[2])


def _weekly_hours(text: str) -> Decimal:
    from ihss_calc.earnings import parse_hours

    return parse_hours(text)
