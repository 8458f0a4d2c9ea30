"""The working: each line as the table and the JSON show it, and the lines of each part."""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import money_display
from ihss_calc.i18n import _, ngettext
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import Computation, Countable
from ihss_calc.rules.deeming import Deeming
from ihss_calc.rules.household import HOUSEHOLD_LABELS, MediCalProgram


class Step(NamedTuple):
    """One line of the working: what it is, its amount, the rule and the figures it used."""

    id: str
    label: str
    amount: Decimal
    rule: str
    source: str
    figures: tuple[Figure, ...] = ()


def income_steps(
    prefix: str, c: Countable, rates: Rates, entered: str, *, couple: bool
) -> list[Step]:
    general = rates.general_exclusion
    earned_x = rates.earned_exclusion
    half = rates.earned_share_excluded
    return [
        Step(f"{prefix}unearned", _("Unearned income"), c.unearned, entered, "input"),
        Step(
            f"{prefix}general_exclusion_unearned",
            _("General income exclusion"),
            -c.general_on_unearned,
            (
                _("${amount} off unearned income, one per couple")
                if couple
                else _("${amount} off unearned income")
            ).format(amount=money_display(general.value)),
            "POMS SI 00810.420; 20 CFR 416.1124",
            (general,),
        ),
        Step(
            f"{prefix}countable_unearned_income",
            _("Countable unearned income"),
            c.countable_unearned,
            _("not below 0"),
            "POMS SI 00830.050",
        ),
        Step(f"{prefix}earned", _("Earned income"), c.earned, entered, "input"),
        Step(
            f"{prefix}general_exclusion_earned",
            _("Unused part of the general exclusion"),
            -c.general_on_earned,
            _("what unearned income left of it comes off earnings"),
            "POMS SI 00810.420 A.3",
            (general,),
        ),
        Step(
            f"{prefix}earned_income_exclusion",
            _("Earned income exclusion"),
            -c.earned_exclusion,
            (
                _("${amount} off earnings, one per couple")
                if couple
                else _("${amount} off earnings")
            ).format(amount=money_display(earned_x.value)),
            "POMS SI 00820.500; 20 CFR 416.1112(c)",
            (earned_x,),
        ),
        Step(
            f"{prefix}irwe",
            _("Impairment-related work expenses"),
            -c.irwe,
            _("before halving"),
            "POMS SI 00820.540",
        ),
        Step(
            f"{prefix}earned_after_exclusions",
            _("Earnings left"),
            c.after_exclusions,
            _("not below 0"),
            "POMS SI 00820.500",
        ),
        Step(
            f"{prefix}one_half_excluded",
            _("One-half excluded"),
            -c.half_excluded,
            _("{fraction} of what is left is not counted").format(fraction=half.value),
            "20 CFR 416.1112(c)",
            (half,),
        ),
        Step(
            f"{prefix}bwe",
            _("Blind work expenses"),
            -c.bwe,
            _("after halving, not below 0"),
            "POMS SI 00820.535",
        ),
        Step(
            f"{prefix}countable_earned_income",
            _("Countable earned income"),
            c.countable_earned,
            _("what is left of earnings"),
            "POMS SI 00820.500",
        ),
        Step(
            f"{prefix}total_countable_income",
            _("Total countable income"),
            c.total,
            _("countable unearned + countable earned"),
            "CDSS SOC 294A line A13",
        ),
    ]


def level_steps(prefix: str, comp: Computation, rates: Rates, share_label: str) -> list[Step]:
    level = comp.level
    share_id = "computed_share_of_cost" if not prefix else f"{prefix}share_of_cost"
    return [
        Step(
            f"{prefix}payment_level",
            _("SSI/SSP payment level"),
            level.value,
            f"{_(HOUSEHOLD_LABELS[comp.kind])}, {rates.year}",
            "SSI + California SSP (W&IC 12200); SOC 294A line A14",
            (level, *level.parts),
        ),
        Step(
            f"{prefix}above_payment_level",
            _("Above the payment level"),
            comp.above,
            _("total − level, or 0; kept exact"),
            "CDSS SOC 294A line A15",
        ),
        Step(
            share_id,
            share_label,
            comp.share,
            _("rounded to {quantum}, a half cent in your favour").format(
                quantum=rates.rounding.quantum.value
            ),
            f"rates file: rounding {rates.rounding.mode}",  # a citation, as the others
            (rates.rounding.quantum,),
        ),
    ]


def deeming_steps(d: Deeming) -> list[Step]:
    """SOC 294A part B: the spouse's income, the child allocations and the threshold."""
    alloc = d.allocation
    allocations = ngettext(
        "Allocations for {n} child", "Allocations for {n} children", d.children
    ).format(n=d.children)
    threshold = (
        _(
            "spouse's income left is more than this, so it is deemed: added to yours against "
            "the couple level"
        )
        if d.deemed
        else _("spouse's income left is not more than this, so nothing is deemed")
    )
    how = _(
        "each child's allocation, added; off unearned first (${from_unearned}), then earned "
        "(${from_earned})"
    ).format(
        from_unearned=money_display(d.from_unearned),
        from_earned=money_display(d.from_earned),
    )
    each = [_child_step(d, i) for i in range(d.children)]
    left = _("earned ${earned} + unearned ${unearned}").format(
        earned=money_display(d.earned_left), unearned=money_display(d.unearned_left)
    )
    return [
        Step("spouse_earned", _("Spouse's earned income"), d.spouse_earned,
             _("your spouse is not aged, blind or disabled"), "input"),
        Step("spouse_ihss_wages", _("Spouse's IHSS wages for your care"), -d.spouse_ihss_wages,
             _("not income"), "POMS SI 01120.112"),
        Step("spouse_unearned", _("Spouse's unearned income"), d.spouse_unearned,
             _("as entered"), "input"),
        *each,
        Step("child_allocations", allocations, -d.child_allocations, how,
             "20 CFR 416.1163(b); SOC 294A lines B2–B5", (alloc,)),
        Step("spouse_income_left", _("Spouse's income left"), d.income_left, left,
             "20 CFR 416.1163; SOC 294A line B6"),
        Step("deeming_threshold", _("Deeming threshold: the allocation amount"), alloc.value,
             threshold, "20 CFR 416.1163; POMS SI 01320.400", (alloc,)),
    ]  # fmt: skip


def _child_step(d: Deeming, i: int) -> Step:
    """One child's allocation: the allocation amount less that child's own income (a
    student's earnings up to the exclusion left out), not below 0."""
    m = money_display
    income, student, left_out = d.child_incomes[i], d.student_earnings[i], d.student_excluded[i]
    if student:
        how = _(
            "${allocation} − own income ${income} − student earnings ${student} less "
            "${excluded} excluded, not below 0"
        ).format(allocation=m(d.allocation.value), income=m(income), student=m(student),
                 excluded=m(left_out))  # fmt: skip
        source = "20 CFR 416.1163(b); POMS SI 01320.185"
        figures = (d.allocation, d.student_exclusion) if d.student_exclusion else (d.allocation,)
    else:
        how = _("${allocation} − own income ${income}, not below 0").format(
            allocation=m(d.allocation.value), income=m(income)
        )
        source, figures = "20 CFR 416.1163(b)", (d.allocation,)
    label = _("Allocation for child {n}").format(n=i + 1)
    return Step(f"child_allocation_{i + 1}", label, d.allocations[i], how, source, figures)


def medi_cal_steps(program: MediCalProgram | None, share: Decimal) -> list[Step]:
    if program is None or not program.no_share_of_cost:
        return []
    return [
        Step(
            "medi_cal",
            _("Share of cost with your Medi-Cal"),
            share,
            _("no share of cost with {program}").format(program=_(program.label)),
            program.source,
        )
    ]
