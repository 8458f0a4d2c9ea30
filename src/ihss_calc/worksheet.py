"""``ihss soc --worksheet``: one self-contained HTML page to print and put in a file, laid out
like CDSS form SOC 294A (part A, and part B with a spouse who is not aged, blind or disabled).

Jinja2 with autoescape fills ``templates/worksheet.html.j2``; the page has its CSS inline and
loads nothing. Jinja2 is imported here and nowhere else."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ihss_calc.amounts import money_display
from ihss_calc.answer import answer_lines
from ihss_calc.rates import Figure, Source
from ihss_calc.rules import HOUSEHOLD_LABELS, Result

# Lines whose wording is the stored copy of SOC 294A's; the others' wording is ihss's own.
FORM_WORDING = {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A13", "A14", "A15",
                "B1", "B2", "B3", "B4", "B5", "B6"}  # fmt: skip


@dataclass(frozen=True)
class Line:
    number: str
    label: str
    amount: str
    how: str = ""


def part_a(r: Result) -> list[Line]:
    """SOC 294A part A, lines A1–A15, for the computation that gives the share of cost."""
    c = r.countable
    m = money_display
    irwe = f", less IRWE {m(c.irwe)}" if c.irwe else ""
    return [
        Line("A1", "Unearned income", m(c.unearned), "as entered"),
        Line("A2", "Total unearned income", m(c.unearned), "A1"),
        Line("A3", "Any income exclusion", m(c.general_on_unearned), "the $20, up to A2"),
        Line("A4", "Net unearned income", m(c.countable_unearned), "A2 − A3"),
        Line("A5", "Earned income", m(c.earned), "gross, as entered"),
        Line("A6", "Unused $20 exclusion", m(c.general_on_earned), "what A3 left of the $20"),
        Line("A7", "Earned income exclusion", m(c.earned_exclusion), "the $65"),
        Line("A8", "Remaining earned income", m(c.after_exclusions), f"A5 − A6 − A7{irwe}"),
        Line("A9", "One-half of remaining earned income", m(c.half_excluded), "A8 × ½"),
        Line("A10", "Earned income after the one-half", m(c.after_exclusions - c.half_excluded),
             "A8 − A9"),
        Line("A11", "Blind work expenses", m(c.bwe), "BWE, up to A10"),
        Line("A12", "Net earned income", m(c.countable_earned), "A10 − A11"),
        Line("A13", "Total net income", m(c.total), "A4 + A12"),
        Line("A14", "SSI/SSP payment level", m(r.payment_level.value),
             f"{HOUSEHOLD_LABELS[r.decisive.kind]}, {r.rates.year}"),
        Line("A15", "Share of cost", m(r.computed_share_of_cost), "A13 − A14, not below 0"),
    ]  # fmt: skip


def part_b(r: Result) -> list[Line]:
    """SOC 294A part B, lines B1–B6: a spouse who is not aged, blind or disabled."""
    d = r.deeming
    if d is None:
        return []
    m = money_display
    wages = f", less IHSS wages {m(d.spouse_ihss_wages)}" if d.spouse_ihss_wages else ""
    return [
        Line("B1", "Income of client's spouse", f"{m(d.spouse_unearned)} / "
             f"{m(d.spouse_earned_counted)}", f"unearned / earned{wages}"),
        Line("B2", "Allowance for children not blind or disabled", m(d.child_allocations),
             f"{d.children} × {m(d.allocation.value)} − children's income {m(d.child_income)}"),
        Line("B3", "Remaining unearned income", m(d.unearned_left), "B1 unearned − B2"),
        Line("B4", "Unmet children's needs", m(d.from_earned), "what B1 unearned did not cover"),
        Line("B5", "Remaining earned income", m(d.earned_left), "B1 earned − B4"),
        Line("B6", "Net income of spouse", m(d.income_left),
             "B3 + B5: deemed" if d.deemed else "B3 + B5: not more than "
             f"{m(d.allocation.value)}, nothing deemed"),
    ]  # fmt: skip


def figures_and_sources(r: Result) -> tuple[list[tuple[Figure, list[int]]], list[Source]]:
    """Every rates figure the working used, once, with the numbers of its sources; and the
    sources, numbered in the order they are first cited."""
    figures: dict[str, Figure] = {}
    for step in [*r.steps, *(r.medi_cal_share.steps if r.medi_cal_share else ())]:
        for figure in step.figures:
            figures.setdefault(figure.key, figure)
    numbered: dict[str, Source] = {}
    cited = []
    for figure in figures.values():
        for source in figure.sources:
            numbered.setdefault(source.id, source)
        cited.append((figure, [list(numbered).index(s.id) + 1 for s in figure.sources]))
    return cited, list(numbered.values())


def render(r: Result, said: Sequence[str] = ()) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("ihss_calc", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    h = r.household
    cited, numbered = figures_and_sources(r)
    inputs = [("Unearned income", h.unearned), ("Earned income", h.earned),
              ("Impairment-related work expenses", h.irwe), ("Blind work expenses", h.bwe),
              ("Disability income (for WDP)", h.disability_income)]  # fmt: skip
    return env.get_template("worksheet.html.j2").render(
        r=r,
        money=money_display,
        answer=answer_lines(r),
        said=said,
        household=HOUSEHOLD_LABELS[h.kind],
        inputs=[
            (label, money_display(v))
            for label, v in inputs
            if v or label.startswith(("Unearned", "Earned"))
        ],
        part_a=part_a(r),
        part_b=part_b(r),
        form_wording=FORM_WORDING,
        figures=cited,
        sources=numbered,
        zero=Decimal(0),
    )


def write_worksheet(r: Result, path: Path, said: Sequence[str] = ()) -> None:
    path.write_text(render(r, said), encoding="utf-8")
