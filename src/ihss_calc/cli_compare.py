"""``ihss compare``: two answers side by side, and what differs: two case files, or one case
under two years' rates."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc.cli_lang import lang_option, plain_option
from ihss_calc.cli_types import YEAR, FilePath
from ihss_calc.i18n import N_, _

COMPARE_HELP = N_("""Compare two answers side by side: two saved cases (ihss soc --save-case), or
one case under two years' rates (--year 2025 --year 2026). Shows what you would pay where the
county would likely place you, the share of cost, countable income and the rest, with the
change from the first to the second.
""")

COMPARE_EPILOG = N_("""\b
Examples:
  ihss soc --unearned 1000 --earned 500 --save-case now.toml
  ihss soc --case now.toml --earned 1500 --save-case job.toml
  ihss compare now.toml job.toml
  ihss compare now.toml --year 2025 --year 2026
  ihss compare now.toml job.toml --json | jq .differences

Exit codes: 0 done, 1 a case file that cannot be used, 2 bad usage.
""")

# What the table shows, in order: a label and how to read it from soc's JSON object.
ROWS: tuple[tuple[str, str, Callable[[dict[str, Any]], Any]], ...] = (
    ("placement", N_("Likely Medi-Cal"), lambda b: b["placement"]["program"]),
    ("placement_share_of_cost", N_("You would pay there"), lambda b: b["placement_share_of_cost"]),
    ("share_of_cost", N_("Share of cost (share-of-cost Medi-Cal)"), lambda b: b["share_of_cost"]),
    ("total_countable_income", N_("Countable income"), lambda b: b["total_countable_income"]),
    ("payment_level", N_("SSI/SSP payment level"), lambda b: b["payment_level"]),
    ("max_earned_without_soc", N_("Most earnings with no share of cost"),
     lambda b: b["max_earned_without_soc"]),
    ("wdp_likely_eligible", N_("Working Disabled Program likely"),
     lambda b: None if b["wdp"] is None else b["wdp"]["likely_eligible"]),
    ("medi_cal_share_of_cost", N_("Medi-Cal share of cost"),
     lambda b: None if b["medi_cal_share_of_cost"] is None
     else b["medi_cal_share_of_cost"]["share_of_cost"]),
    ("household", N_("Household"), lambda b: b["household"]),
    ("year", N_("Rates"), lambda b: b["rates"]["year"]),
)  # fmt: skip
COMPARE_SCHEMA_VERSION = 1


@click.command(help=COMPARE_HELP, epilog=COMPARE_EPILOG)
@click.argument("cases", nargs=-1, required=True, metavar=N_("CASE [CASE]"),
                type=FilePath(exists=True, dir_okay=False))  # fmt: skip
@click.option("--year", "years", type=YEAR, multiple=True,
              help=N_("Rates for this year, for both cases; give it twice with one case to "
                      "compare two years."))  # fmt: skip
@click.option(
    "--json", "as_json", is_flag=True, help=N_("Print one JSON object instead of a table.")
)
@plain_option
@lang_option
def compare(cases: tuple[Path, ...], years: tuple[int, ...], as_json: bool) -> None:
    """``ihss compare`` (its help is COMPARE_HELP)."""
    if len(cases) > 2:
        raise click.UsageError(_("Give one or two case files."))
    if len(years) > 2:
        raise click.BadParameter(_("give it once or twice"), param_hint="'--year'")
    if len(cases) == 2 and len(years) == 2:
        raise click.UsageError(_("Two cases or two years: give one case with --year twice, or two "
                                 "cases with --year once or not at all."))  # fmt: skip
    if len(cases) == 1 and len(years) != 2:
        raise click.UsageError(_("One case is compared under two years: give --year twice (--year "
                                 "2025 --year 2026), or give a second case."))  # fmt: skip
    if len(cases) == 2:
        sides = [(cases[0], years[0] if years else None), (cases[1], years[0] if years else None)]
        labels = [str(cases[0]), str(cases[1])]
    else:
        sides = [(cases[0], years[0]), (cases[0], years[1])]
        labels = [str(years[0]), str(years[1])]
    bodies = [_answer(path, year) for path, year in sides]
    differences = _differences(bodies)
    if as_json:
        from ihss_calc.jsonout import dumps
        from ihss_calc.stdout import write_out

        write_out(dumps({"schema_version": COMPARE_SCHEMA_VERSION, "labels": labels,
                         "results": bodies, "differences": differences}))  # fmt: skip
    else:
        _table(labels, bodies, differences)


def _answer(path: Path, year: int | None) -> dict[str, Any]:
    """soc's JSON object for a case, under ``year``'s rates (else the case's, else soc's
    default)."""
    from ihss_calc import api
    from ihss_calc.case_file import read
    from ihss_calc.cli import choose_rates, today
    from ihss_calc.cli_options import monthly_earnings
    from ihss_calc.jsonout import result_dict
    from ihss_calc.rules import Household, screened_month

    values = read(path)
    given = {k: None if values.get(k) is None else Decimal(values.pop(k))
             for k in ("wage", "hours", "yearly")}  # fmt: skip
    monthly = monthly_earnings("earned" in values, Decimal(values.get("earned", 0)), **given)
    notes = []
    if monthly is not None:  # as soc says it: how wage and hours, or a year's, became a month's
        values["earned"] = monthly.amount
        notes.append(_("Monthly earnings: {how}.").format(how=monthly.words))
    case_year = values.pop("year", None)
    rates, warnings = choose_rates(year if year is not None else case_year, None)
    fields = {k: v for k, v in values.items() if k in Household._fields}
    household = api.household(**fields)
    household = household._replace(month=screened_month(values.get("month"), rates.year, today()))
    body = result_dict(api.share_of_cost(household, rates=rates), warnings=warnings)
    body["notes"] = [*notes, *body["notes"]]
    return body


def _differences(bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for field, _label, get in ROWS:
        a, b = get(bodies[0]), get(bodies[1])
        if a != b:
            change = b - a if isinstance(a, Decimal) and isinstance(b, Decimal) else None
            found.append({"field": field, "a": a, "b": b, "change": change})
    return found


def _table(
    labels: list[str], bodies: list[dict[str, Any]], differences: list[dict[str, Any]]
) -> None:
    from rich.text import Text

    from ihss_calc.amounts import money_display
    from ihss_calc.render import console, titled_table

    def shown(value: Any) -> str:
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, Decimal):
            return "$" + money_display(value)
        return _("none") if value is None else str(value)

    changed = {d["field"]: d for d in differences}
    table = titled_table(_("{a} and {b}, side by side").format(a=labels[0], b=labels[1]))
    for heading in ("", labels[0], labels[1], _("Change")):
        table.add_column(Text(heading), justify="left" if not heading else "right")
    for field, label, get in ROWS:
        a, b = get(bodies[0]), get(bodies[1])
        diff = changed.get(field)
        change = "" if diff is None else (
            ("+" if diff["change"] > 0 else "−") + "$" + money_display(abs(diff["change"]))
            if diff["change"] is not None else _("changed"))  # fmt: skip
        table.add_row(Text(_(label)), Text(shown(a)), Text(shown(b)), Text(change))
    out = console()
    for label, body in zip(labels, bodies, strict=True):
        place = body["placement"]
        pays = place["share_of_cost"]
        line = (_("{case}: likely {program}, where you would pay {amount} a month.")
                if pays is not None else _("{case}: likely {program}."))  # fmt: skip
        out.print(Text(line.format(case=label, program=place["label"], amount=shown(pays))),
                  soft_wrap=True)  # fmt: skip
    out.print()
    out.print(table)
    if not differences:
        out.print(Text(_("The two answers are the same.")))
