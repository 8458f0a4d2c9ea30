"""``ihss soc --worksheet``: one self-contained HTML page to print and put in a file, laid out
like CDSS form SOC 294A (part A, and part B with a spouse who is not aged, blind or disabled).

Jinja2 with autoescape fills ``templates/worksheet.html.j2``; the page has its CSS inline and
loads nothing. Jinja2 is imported here and nowhere else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from ihss_calc.amounts import money_display
from ihss_calc.answer import answer_lines
from ihss_calc.i18n import _, date_text, language, ngettext
from ihss_calc.rates import Figure, Source, label_text, origin_text
from ihss_calc.rules import HOUSEHOLD_LABELS, PROGRAM_LABELS, Result
from ihss_calc.rules.screening import STATUS, month_name

# Lines whose wording is the stored copy of SOC 294A's; the others' wording is ihss's own.
FORM_WORDING = {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A13", "A14", "A15",
                "B1", "B2", "B3", "B4", "B5", "B6"}  # fmt: skip


class Client(NamedTuple):
    """Who the worksheet is for and who made it: printed on the page, nowhere else."""

    name: str | None = None
    case_number: str | None = None
    prepared_by: str | None = None
    prepared_on: dt.date | None = None


NO_CLIENT = Client()


def dollars(amount: Decimal) -> str:
    """Money on the page: "$1,197.50", and a negative amount "−$202.90" (a minus sign before
    the dollar sign, as a person writes it)."""
    return f"−${money_display(-amount)}" if amount < 0 else f"${money_display(amount)}"


def facts(r: Result) -> list[tuple[str, str]]:
    """Every input of the household, as given, and "not given" for what was not."""
    h = r.household
    none = _("not given")
    a_month = _("{amount} a month")

    def money(value: Decimal | None) -> str:
        return none if value is None else a_month.format(amount=dollars(value))

    rows = [
        (_("Household"), _(HOUSEHOLD_LABELS[h.kind])),
        (_("Medi-Cal"), _(r.medi_cal.label) if r.medi_cal else none),
        (_("Unearned income"), money(h.unearned)),
        (_("Earned income"), money(h.earned)),
        (_("Impairment-related work expenses"), money(h.irwe)),
        (_("Blind work expenses"), money(h.bwe)),
        (_("Disability income (for WDP)"), money(h.disability_income)),
        (_("Spouse's earned income (not aged, blind or disabled)"), money(h.spouse_earned)),
        (_("Spouse's unearned income"), money(h.spouse_unearned)),
        (_("Spouse's IHSS wages for your care"), money(h.spouse_ihss_wages)),
        (_("Children (not blind or disabled)"), str(h.children)),
    ]
    d = r.deeming
    for i in range(h.children):
        income = d.child_incomes[i] if d else (h.child_incomes[i] if i < len(h.child_incomes)
                                                 else Decimal(0))  # fmt: skip
        student = d.student_earnings[i] if d else Decimal(0)
        text = _("own income {income}").format(income=money(income))
        if student:
            text += _("; earnings as a student {earnings}").format(earnings=money(student))
        rows.append((_("Child {n}").format(n=i + 1), text))
    rows += [
        (_("Health insurance premiums"), money(h.health_premiums)),
        (_("Countable assets"), none if h.assets is None else dollars(h.assets)),
        (_("Age"), none if h.age is None else str(h.age)),
        (_("Medicare Part A or B"), _("yes") if h.medicare else _("no, or not given")),
        (_("SSI cash ended because of"), h.ssi_ended or none),
        (_("Pickle disregard"), money(h.pickle_disregard)),
    ]
    return rows


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
    remaining = (
        _("A5 − A6 − A7, less IRWE {irwe}").format(irwe=m(c.irwe)) if c.irwe else "A5 − A6 − A7"
    )
    return [
        Line("A1", _("Unearned income"), m(c.unearned), _("as entered")),
        Line("A2", _("Total unearned income"), m(c.unearned), "A1"),
        Line("A3", _("Any income exclusion"), m(c.general_on_unearned), _("the $20, up to A2")),
        Line("A4", _("Net unearned income"), m(c.countable_unearned), "A2 − A3"),
        Line("A5", _("Earned income"), m(c.earned), _("gross, as entered")),
        Line("A6", _("Unused $20 exclusion"), m(c.general_on_earned), _("what A3 left of the $20")),
        Line("A7", _("Earned income exclusion"), m(c.earned_exclusion), _("the $65")),
        Line("A8", _("Remaining earned income"), m(c.after_exclusions), remaining),
        Line("A9", _("One-half of remaining earned income"), m(c.half_excluded), "A8 × ½"),
        Line("A10", _("Earned income after the one-half"),
             m(c.after_exclusions - c.half_excluded), "A8 − A9"),
        Line("A11", _("Blind work expenses"), m(c.bwe), _("BWE, up to A10")),
        Line("A12", _("Net earned income"), m(c.countable_earned), "A10 − A11"),
        Line("A13", _("Total net income"), m(c.total), "A4 + A12"),
        Line("A14", _("SSI/SSP payment level"), m(r.payment_level.value),
             f"{_(HOUSEHOLD_LABELS[r.decisive.kind])}, {r.rates.year}"),
        Line("A15", _("Share of cost"), m(r.computed_share_of_cost), _("A13 − A14, not below 0")),
    ]  # fmt: skip


def part_b(r: Result) -> list[Line]:
    """SOC 294A part B, lines B1–B6: a spouse who is not aged, blind or disabled."""
    d = r.deeming
    if d is None:
        return []
    m = money_display
    income = (
        _("unearned / earned, less IHSS wages {wages}").format(wages=m(d.spouse_ihss_wages))
        if d.spouse_ihss_wages
        else _("unearned / earned")
    )
    net = (
        _("B3 + B5: deemed")
        if d.deemed
        else _("B3 + B5: not more than {allocation}, nothing deemed").format(
            allocation=m(d.allocation.value)
        )
    )
    return [
        Line("B1", _("Income of client's spouse"), f"{m(d.spouse_unearned)} / "
             f"{m(d.spouse_earned_counted)}", income),
        Line("B2", _("Allowance for children not blind or disabled"), m(d.child_allocations),
             _("each child: {allocation} − own income, not below 0 ({each})").format(
                 allocation=m(d.allocation.value),
                 each="; ".join(m(a) for a in d.allocations))),
        Line("B3", _("Remaining unearned income"), m(d.unearned_left), _("B1 unearned − B2")),
        Line("B4", _("Unmet children's needs"), m(d.from_earned),
             _("what B1 unearned did not cover")),
        Line("B5", _("Remaining earned income"), m(d.earned_left), _("B1 earned − B4")),
        Line("B6", _("Net income of spouse"), m(d.income_left), net),
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


def render(r: Result, said: Sequence[str] = (), client: Client = NO_CLIENT) -> str:
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
    env.globals.update(_=_, date_text=date_text, label_text=label_text, ngettext=ngettext,
                       origin_text=origin_text, dollars=dollars)  # fmt: skip
    return env.get_template("worksheet.html.j2").render(
        lang=language(),
        r=r,
        money=money_display,
        answer=answer_lines(r),
        said=said,
        household=_(HOUSEHOLD_LABELS[h.kind]),
        facts=facts(r),
        client=client,
        part_a=part_a(r),
        part_b=part_b(r),
        form_wording=FORM_WORDING,
        figures=cited,
        sources=numbered,
        zero=Decimal(0),
        screened_month=month_name(h.month),
        program_labels=PROGRAM_LABELS,
        status_words=STATUS,
        unlikely=[_(PROGRAM_LABELS[s.program]) for s in r.programs if s.status == "unlikely"],
        screened={s.reason for s in r.programs},  # a note the box says already is not repeated
    )


def write_worksheet(
    r: Result, path: Path, said: Sequence[str] = (), client: Client = NO_CLIENT
) -> None:
    path.write_text(render(r, said, client), encoding="utf-8")
