"""Tables for people. The only module that imports rich, and only the table paths import it.

The Console is made here, inside the command, so rich sees the real stdout: no colour or
escape codes when stdout is not a terminal or when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ihss_calc.amounts import ZERO, money_display
from ihss_calc.rates import HOUSEHOLD_KINDS, Figure, Rates, Source
from ihss_calc.rules import HOUSEHOLD_LABELS, MEDI_CAL, Result, Step, WhatIf

# Deductions that are 0 say nothing in a table (the JSON keeps every step). Step ids of the
# two computations of deeming carry a prefix (own_, deemed_): the same rules apply.
_HIDDEN_WHEN_ZERO = {"general_exclusion_earned", "irwe", "bwe", "spouse_ihss_wages",
                     "child_allocations", "health_premiums"}  # fmt: skip
_TOTALS = {
    "countable_unearned_income",
    "countable_earned_income",
    "total_countable_income",
    "computed_share_of_cost",
    "share_of_cost",
    "medi_cal",
    "spouse_income_left",
    "buy_out",
}


def _base_id(step_id: str) -> str:
    return step_id.removeprefix("own_").removeprefix("deemed_")


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
    if result.deeming is not None:
        title += ", with a spouse who is not aged, blind or disabled"
    out.print(steps_table(title, result.steps))
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
    for line in work_lines(result):
        out.print(Text(line))
    mc = result.medi_cal_share
    if mc is not None:
        out.print(steps_table("Medi-Cal share of cost, beside the IHSS one", mc.steps))
    for note in result.notes:
        out.print(Text(f"- {note}"))


def steps_table(title: str, steps: Sequence[Step]) -> Table:
    """Steps as rows: label, amount, and the rule, source and status as detail."""
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Step", ratio=4)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("Rule · source · status", ratio=6)
    for step in steps:
        base = _base_id(step.id)
        if base in _HIDDEN_WHEN_ZERO and not step.amount:
            continue
        style = "bold" if base in _TOTALS else ""
        rule = f"{step.rule} · {step.source}"
        if step.figures:
            rule += f" · {step.figures[0].status}"
        table.add_row(
            Text(step.label, style=style),
            Text(money_display(step.amount), style=style),
            Text(rule, style="" if style else "dim"),
        )
    return table


def work_lines(result: Result) -> list[str]:
    """Headroom, the WDP check and 1619(b), in words."""
    lines = []
    headroom = result.max_earned_without_soc
    if headroom is not None:
        lines.append(
            f"You could earn up to ${money_display(headroom)} a month before paying a share "
            f"of cost (the other income as given)."
        )
    elif not result.free_because_of_medi_cal and result.computed_share_of_cost:
        lines.append("There is a share of cost even with no earnings.")
    wdp = result.wdp
    if wdp is not None:
        verdict = "under" if wdp.likely_eligible else "not under"
        lines.append(
            f"Working Disabled Program: countable income without disability income "
            f"${money_display(wdp.countable_income)} is {verdict} the limit "
            f"${money_display(wdp.monthly_limit.value)} a month (250% of the poverty level, "
            f"{wdp.monthly_limit.status})."
        )
    t = result.threshold_1619b
    if t is not None:
        lines.append(
            f"1619(b), for information: yearly earnings ${money_display(t.yearly_earnings)} are "
            f"{'under' if t.below else 'not under'} California's threshold of "
            f"${money_display(t.threshold.value)} ({t.threshold.status}); 1619(b) is for people "
            f"whose earnings ended their SSI cash."
        )
    return lines


def whatif(answer: WhatIf, out: Console | None = None) -> None:
    """A row per earnings level with a bar for the share of cost; markers where the share of
    cost starts and where WDP's limit is crossed."""
    out = out or console()
    h = answer.household
    table = Table(
        title=f"Share of cost by monthly earnings: {HOUSEHOLD_LABELS[h.kind]}, "
        f"{answer.rates.year} rates, unearned ${money_display(h.unearned)}",
        title_justify="left",
    )
    rows: list[tuple[list[str], Decimal, str]] = []
    top = max((p.share_of_cost for p in answer.points), default=ZERO) or Decimal(1)
    before = None  # the point before, to mark where things change within the sweep
    for p in answer.points:
        markers: list[str] = []
        if before is not None and p.share_of_cost and not before.share_of_cost:
            markers.append("◀ share starts")
        if before is not None and p.wdp_likely_eligible is False and before.wdp_likely_eligible:
            markers.append("◀ over WDP limit")
        before = p
        texts = [money_display(v) for v in (p.earned, p.total_countable_income, p.share_of_cost)]
        rows.append((texts, p.share_of_cost / top, ", ".join(markers)))
    widths = [max(len(name), *(len(r[0][i]) for r in rows)) for i, name in
              enumerate(("Earned", "Countable", "Share"))]  # fmt: skip
    for name, width in zip(("Earned", "Countable", "Share"), widths, strict=True):
        table.add_column(name, justify="right", no_wrap=True, min_width=width)
    marker_width = max((len(r[2]) for r in rows), default=0)
    used = sum(widths) + marker_width + 16  # borders and padding
    bar = max(8, min(30, out.width - used))
    table.add_column("", no_wrap=True, width=bar, overflow="crop")
    table.add_column("", no_wrap=True, min_width=marker_width)
    for texts, fraction, marked in rows:
        filled = int(fraction * bar)
        table.add_row(
            *(Text(t) for t in texts),
            Text("█" * filled + ("▏" if fraction and not filled else ""), style="cyan"),
            Text(marked, style="bold"),
        )
    out.print(table)
    if answer.max_earned_without_soc is not None:
        out.print(Text(
            f"The share of cost starts above ${money_display(answer.max_earned_without_soc)} a "
            f"month of earnings."
        ))  # fmt: skip
    elif not h.medi_cal or not MEDI_CAL[h.medi_cal].no_share_of_cost:
        out.print(Text("There is a share of cost even with no earnings."))
    program = h.medi_cal
    if program and answer.points and not any(p.share_of_cost for p in answer.points):
        out.print(Text(f"No share of cost at any of these earnings with --medi-cal {program}."))
    if answer.wdp_limit is not None and answer.max_earned_under_wdp_limit is not None:
        out.print(Text(
            f"Working Disabled Program: countable income (without disability income) stays "
            f"under its limit of ${money_display(answer.wdp_limit.value)} a month up to "
            f"${money_display(answer.max_earned_under_wdp_limit)} of earnings. WDP has no "
            f"premium and means no IHSS share of cost."
        ))  # fmt: skip


def rates_table(rates: Rates, out: Console | None = None) -> None:
    """A year's figures in three tables, each figure with its status and its sources by
    number; then the numbered sources with their links."""
    out = out or console()
    numbers: dict[str, Source] = {}

    def refs(*figures: Figure) -> Text:
        ids = dict.fromkeys(s.id for f in figures for s in f.sources)
        for f in figures:
            for source in f.sources:
                numbers.setdefault(source.id, source)
        order = list(numbers)
        return Text(" ".join(f"[{order.index(i) + 1}]" for i in ids))

    out.print(Text(f"IHSS rates for {rates.year} from {rates.origin}", style="bold"))
    rules = _table("Exclusions and rounding", "Figure", "Value", "Status", "Sources")
    for f in (rates.general_exclusion, rates.earned_exclusion, rates.earned_share_excluded):
        rules.add_row(Text(f.label), Text(_value(f)), Text(f.status), refs(f))
    q = rates.rounding.quantum
    rules.add_row(Text(q.label), Text(f"{q.value}, {rates.rounding.mode}"), Text(q.status),
                  refs(q))  # fmt: skip
    out.print(rules)

    levels = _table("SSI/SSP payment levels, a month", "Household", "Level", "Federal",
                    "State", "Status", "Sources")  # fmt: skip
    for kind in HOUSEHOLD_KINDS:
        level = rates.payment_levels[kind]
        federal, state = level.parts
        status = f"{level.status}\nfederal {federal.status}\nstate {state.status}"
        levels.add_row(Text(HOUSEHOLD_LABELS[kind]), Text(money_display(level.value)),
                       Text(money_display(federal.value)), Text(money_display(state.value)),
                       Text(status), refs(level, federal, state))  # fmt: skip
    out.print(levels)

    work = _table("Work incentives", "Figure", "Value", "Status", "Sources")
    for f in (*rates.wdp_income_limits.values(), *rates.thresholds_1619b.values()):
        work.add_row(Text(f.label), Text(_value(f)), Text(f.status), refs(f))
    out.print(work)
    if not rates.thresholds_1619b:
        out.print(Text(f"No 1619(b) threshold was found for {rates.year}; none is shown."))

    mc = _table("Deeming and Medi-Cal", "Figure", "Value", "Status", "Sources")
    for f in (rates.deeming_allocation, *rates.maintenance_need.values()):
        mc.add_row(Text(f.label), Text(_value(f)), Text(f.status), refs(f))
    q = rates.medi_cal_rounding.quantum
    mc.add_row(Text(q.label), Text(f"{q.value}, {rates.medi_cal_rounding.mode}"),
               Text(q.status), refs(q))  # fmt: skip
    for f in rates.asset_limit.values():
        mc.add_row(Text(f.label), Text(_value(f)), Text(f.status), refs(f))
    out.print(mc)
    if not rates.asset_limit:
        out.print(Text(f"No Medi-Cal asset limit is on file for {rates.year}."))

    out.print(Text("Sources:"))
    for number, source in enumerate(numbers.values(), start=1):
        # Not wrapped, so that a link stays whole and can be copied.
        out.print(Text(f"[{number}] {source.title}: {source.url}"), soft_wrap=True)


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in columns:
        numeric = name in {"Value", "Level", "Federal", "State"}
        table.add_column(
            name, justify="right" if numeric else "left", no_wrap=numeric or name == "Status"
        )
    return table


def _value(figure: Figure) -> str:
    if figure.unit == "fraction":
        return str(figure.value)
    per = {"USD per month": " a month", "USD per year": " a year"}.get(figure.unit, "")
    return money_display(figure.value) + per


T = TypeVar("T")


def batch_progress(lines: Iterator[T], total: int | None, done: Callable[[], int]) -> Iterator[T]:
    """Pass the input's ``lines`` through, drawing a progress bar on stderr: bytes read of
    ``total``, or lines so far when the size is not known (standard input)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = [TextColumn("{task.fields[lines]:,} lines"), BarColumn()]
    if total:
        columns.append(TimeRemainingColumn())
    # rich would route stdout through its display (redirect_stdout): results stay on stdout.
    progress = Progress(*columns, console=Console(stderr=True), transient=True,
                        redirect_stdout=False, redirect_stderr=False)  # fmt: skip
    with progress:
        task = progress.add_task("batch", total=total, lines=0)
        for count, line in enumerate(lines, start=1):
            if count % 4096 == 0:
                progress.update(task, completed=done(), lines=count)
            yield line
