"""Tables for people. The only module that imports rich, and only the table paths import it.

The Console is made here, inside the command, so rich sees the real stdout: no colour or
escape codes when stdout is not a terminal or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ihss_calc.amounts import money_display
from ihss_calc.rates import Rates
from ihss_calc.rules import HOUSEHOLD_LABELS, Result

# Deductions that are 0 say nothing in a table (the JSON keeps every step).
_HIDDEN_WHEN_ZERO = {"general_exclusion_earned", "irwe", "bwe"}
_TOTALS = {
    "countable_unearned_income",
    "countable_earned_income",
    "total_countable_income",
    "computed_share_of_cost",
    "medi_cal",
}


def console() -> Console:
    """A console on stdout. rich alone drops colour for NO_COLOR but keeps bold and italic
    escapes; NO_COLOR here means no escape codes at all (https://no-color.org)."""
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(highlight=False, color_system=None if plain else "auto")


def soc(result: Result, out: Console | None = None) -> None:
    """The steps as a table, the share of cost in plain words under it, then the notes."""
    out = out or console()
    h = result.household
    title = (
        f"IHSS share of cost: {HOUSEHOLD_LABELS[h.kind]}, {result.rates.year} rates"
        f" from {result.rates.origin}"
    )
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Step", ratio=4)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("Rule · source · status", ratio=6)
    for step in result.steps:
        if step.id in _HIDDEN_WHEN_ZERO and not step.amount:
            continue
        style = "bold" if step.id in _TOTALS else ""
        rule = f"{step.rule} · {step.source}"
        if step.figures:
            rule += f" · {step.figures[0].status}"
        table.add_row(
            Text(step.label, style=style),
            Text(money_display(step.amount), style=style),
            Text(rule, style="" if style else "dim"),
        )
    out.print(table)
    c = result.countable
    level = result.payment_level.value
    if result.free_because_of_medi_cal:
        verdict = "Share of cost: $0.00 a month (your Medi-Cal program means no share of cost)"
    elif result.share_of_cost:
        verdict = (
            f"Share of cost: ${money_display(result.share_of_cost)} a month "
            f"(countable income ${money_display(c.total)} against the payment level "
            f"${money_display(level)})"
        )
    else:
        verdict = (
            f"Share of cost: $0.00 a month (countable income ${money_display(c.total)} is "
            f"not above the payment level ${money_display(level)})"
        )
    out.print(Text(verdict, style="bold"))
    for note in result.notes:
        out.print(Text(f"- {note}"))


def rates_table(rates: Rates, out: Console | None = None) -> None:
    """Every figure of a year with its status and sources."""
    out = out or console()
    table = Table(
        title=f"IHSS rates for {rates.year} ({rates.origin})", title_justify="left", expand=False
    )
    table.add_column("Figure", ratio=3)
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Sources", ratio=4)
    for figure in rates.figures():
        for row in (figure, *figure.parts):
            value = money_display(row.value) if row.unit.startswith("USD") else str(row.value)
            if row.key == "rounding":
                value = f"{row.value} {rates.rounding.mode}"
            table.add_row(
                Text(row.label),
                Text(value),
                Text(row.status),
                Text("; ".join(s.title for s in row.sources)),
            )
    out.print(table)
