"""``ihss rates``: a year's figures, each with its status and its sources by number; then the
numbered sources with their links. Below NARROW columns, the tables drop their borders."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ihss_calc.amounts import money_display
from ihss_calc.i18n import N_, _
from ihss_calc.rates import HOUSEHOLD_KINDS, Figure, Rates, Source, origin_text
from ihss_calc.render import console, titled_table
from ihss_calc.rules import HOUSEHOLD_LABELS

NARROW = 60
# Units as a reader says them after a value: "40 hours a week", "$1,040.21 a month".
UNITS = {
    "USD per month": N_("{value} a month"),
    "USD per year": N_("{value} a year"),
    "USD": "{value}",
    "hours per week": N_("{value} hours a week"),
    "hours per month": N_("{value} hours a month"),
    "day of month": N_("day {value} of the month"),
    "divisor": "{value}",
    "fraction": "{value}",
}


def rates_table(rates: Rates, out: Console | None = None) -> None:
    out = out or console()
    narrow = out.width < NARROW
    numbers: dict[str, Source] = {}

    def status(*figures: Figure) -> Text:
        """The figure's status (and its parts'), then its sources by number."""
        for f in figures:
            for source in f.sources:
                numbers.setdefault(source.id, source)
        order = list(numbers)
        ids = dict.fromkeys(s.id for f in figures for s in f.sources)
        refs = " ".join(f"[{order.index(i) + 1}]" for i in ids)
        statuses = [_(figures[0].status), *(f"{_(f.key.rsplit('.', 1)[1])} {_(f.status)}"
                                            for f in figures[1:])]  # fmt: skip
        return Text(", ".join(statuses) + " " + refs)

    def table(title: str, *columns: str) -> Table:
        made = titled_table(_(title), **({"box": None, "padding": (0, 0, 0, 1)} if narrow else {}))
        for name in columns:
            numeric = name in {"Value", "Level", "Federal + state"}
            made.add_column(Text(_(name)), justify="right" if numeric else "left", no_wrap=numeric)
        return made

    def figures(title: str, rows: Sequence[Figure]) -> Table:
        made = table(title, N_("Figure"), N_("Value"), N_("Status, sources"))
        for f in rows:
            made.add_row(Text(_(f.label)), Text(_value(f)), status(f))
        return made

    heading = _("IHSS rates for {year} from {origin}").format(
        year=rates.year, origin=origin_text(rates)
    )
    out.print(Text(heading, style="bold"))
    exclusions = figures(N_("Exclusions and rounding"), [rates.general_exclusion,
                         rates.earned_exclusion, rates.earned_share_excluded])  # fmt: skip
    q = rates.rounding.quantum
    exclusions.add_row(Text(_(q.label)), Text(f"{q.value}, {rates.rounding.mode}"), status(q))
    out.print(exclusions)
    levels = table(N_("SSI/SSP payment levels, a month"), N_("Household"), N_("Level"),
                   N_("Federal + state"), N_("Status, sources"))  # fmt: skip
    for kind in HOUSEHOLD_KINDS:
        level = rates.payment_levels[kind]
        federal, state = level.parts
        parts = f"{money_display(federal.value)}\n+ {money_display(state.value)}"
        levels.add_row(Text(_(HOUSEHOLD_LABELS[kind])), Text(money_display(level.value)),
                       Text(parts), status(level, federal, state))  # fmt: skip
    out.print(levels)
    out.print(
        figures(
            N_("Work incentives"),
            [*rates.wdp_income_limits.values(), *rates.thresholds_1619b.values()],
        )
    )
    if not rates.thresholds_1619b:
        none = _("No 1619(b) threshold was found for {year}; none is shown.")
        out.print(Text(none.format(year=rates.year)))
    student = [f for f in (rates.student_exclusion, rates.student_exclusion_yearly) if f]
    mc = figures(N_("Deeming and Medi-Cal"), [rates.deeming_allocation, *student,
                                              *rates.maintenance_need.values()])  # fmt: skip
    q = rates.medi_cal_rounding.quantum
    mc.add_row(Text(_(q.label)), Text(f"{q.value}, {rates.medi_cal_rounding.mode}"), status(q))
    for f in rates.asset_limit.values():
        mc.add_row(Text(_(f.label)), Text(_value(f)), status(f))
    out.print(mc)
    if not rates.asset_limit:
        none = _("No Medi-Cal asset limit is on file for {year}.")
        out.print(Text(none.format(year=rates.year)))
    if rates.ssdi:
        out.print(figures(N_("SSDI's work rules"), list(rates.ssdi.values())))
    programs = program_figures(rates)
    if programs:
        out.print(figures(N_("Which Medi-Cal: the programs' limits"), programs))
    out.print(figures(N_("Hours, providers and timesheets"), list(rates.hours.values())))
    out.print(Text(_("Sources:")))
    for number, source in enumerate(numbers.values(), start=1):
        # Not wrapped, so that a link stays whole and can be copied.
        out.print(Text(f"[{number}] {source.title}: {source.url}"), soft_wrap=True)


def program_figures(rates: Rates) -> list[Figure]:
    """The figures of the Medi-Cal programs screened (docs/rules.md §12), those on file."""
    return [
        *rates.ssi_resource_limit.values(),
        *rates.magi_limit.values(),
        *rates.magi_limit_before_april.values(),
        *rates.ad_fpl_limit.values(),
        *rates.ad_fpl_limit_before_april.values(),
        *((rates.ad_fpl_spouse_allowance,) if rates.ad_fpl_spouse_allowance else ()),
        *rates.wdp_income_limits_before_april.values(),
        *((rates.wdp_premium,) if rates.wdp_premium else ()),
    ]


def _value(figure: Figure) -> str:
    """The value with its unit, as a reader says it; amounts of money with commas."""
    money = figure.unit.startswith("USD")
    value = money_display(figure.value) if money else str(figure.value)
    return _(UNITS.get(figure.unit, "{value} " + figure.unit)).format(value=value)
