"""The working: each line as the table and the JSON show it, and the lines of each part."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ihss_calc.amounts import money_display
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import Computation, Countable
from ihss_calc.rules.deeming import Deeming
from ihss_calc.rules.household import HOUSEHOLD_LABELS, MediCalProgram


@dataclass(frozen=True, slots=True)
class Step:
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
    per_couple = ", one per couple" if couple else ""
    return [
        Step(f"{prefix}unearned", "Unearned income", c.unearned, entered, "input"),
        Step(
            f"{prefix}general_exclusion_unearned",
            "General income exclusion",
            -c.general_on_unearned,
            f"${money_display(general.value)} off unearned income{per_couple}",
            "POMS SI 00810.420; 20 CFR 416.1124",
            (general,),
        ),
        Step(
            f"{prefix}countable_unearned_income",
            "Countable unearned income",
            c.countable_unearned,
            "not below 0",
            "POMS SI 00830.050",
        ),
        Step(f"{prefix}earned", "Earned income", c.earned, entered, "input"),
        Step(
            f"{prefix}general_exclusion_earned",
            "Unused part of the general exclusion",
            -c.general_on_earned,
            "what unearned income left of it comes off earnings",
            "POMS SI 00810.420 A.3",
            (general,),
        ),
        Step(
            f"{prefix}earned_income_exclusion",
            "Earned income exclusion",
            -c.earned_exclusion,
            f"${money_display(earned_x.value)} off earnings{per_couple}",
            "POMS SI 00820.500; 20 CFR 416.1112(c)",
            (earned_x,),
        ),
        Step(
            f"{prefix}irwe",
            "Impairment-related work expenses",
            -c.irwe,
            "before halving",
            "POMS SI 00820.540",
        ),
        Step(
            f"{prefix}earned_after_exclusions",
            "Earnings left",
            c.after_exclusions,
            "not below 0",
            "POMS SI 00820.500",
        ),
        Step(
            f"{prefix}one_half_excluded",
            "One-half excluded",
            -c.half_excluded,
            f"{half.value} of what is left is not counted",
            "20 CFR 416.1112(c)",
            (half,),
        ),
        Step(
            f"{prefix}bwe",
            "Blind work expenses",
            -c.bwe,
            "after halving, not below 0",
            "POMS SI 00820.535",
        ),
        Step(
            f"{prefix}countable_earned_income",
            "Countable earned income",
            c.countable_earned,
            "what is left of earnings",
            "POMS SI 00820.500",
        ),
        Step(
            f"{prefix}total_countable_income",
            "Total countable income",
            c.total,
            "countable unearned + countable earned",
            "CDSS SOC 294A line A13",
        ),
    ]


def level_steps(prefix: str, comp: Computation, rates: Rates, share_label: str) -> list[Step]:
    level = comp.level
    share_id = "computed_share_of_cost" if not prefix else f"{prefix}share_of_cost"
    return [
        Step(
            f"{prefix}payment_level",
            "SSI/SSP payment level",
            level.value,
            f"{HOUSEHOLD_LABELS[comp.kind]}, {rates.year}",
            "SSI + California SSP (W&IC 12200); SOC 294A line A14",
            (level, *level.parts),
        ),
        Step(
            f"{prefix}above_payment_level",
            "Above the payment level",
            comp.above,
            "total − level, or 0; kept exact",
            "CDSS SOC 294A line A15",
        ),
        Step(
            share_id,
            share_label,
            comp.share,
            f"rounded to {rates.rounding.quantum.value}, a half cent in your favour",
            f"rates file: rounding {rates.rounding.mode}",
            (rates.rounding.quantum,),
        ),
    ]


def deeming_steps(d: Deeming) -> list[Step]:
    """SOC 294A part B: the spouse's income, the child allocations and the threshold."""
    alloc = d.allocation
    children = f"{d.children} child{'ren' * (d.children != 1)}"
    outcome = (
        "more than this, so it is deemed: added to yours against the couple level"
        if d.deemed
        else "not more than this, so nothing is deemed"
    )
    return [
        Step("spouse_earned", "Spouse's earned income", d.spouse_earned,
             "your spouse is not aged, blind or disabled", "input"),
        Step("spouse_ihss_wages", "Spouse's IHSS wages for your care", -d.spouse_ihss_wages,
             "not income", "POMS SI 01120.112"),
        Step("spouse_unearned", "Spouse's unearned income", d.spouse_unearned,
             "as entered", "input"),
        Step("child_allocations", f"Allocations for {children}", -d.child_allocations,
             f"{d.children} × ${money_display(alloc.value)} − the children's own income "
             f"${money_display(d.child_income)}, not below 0; off unearned first "
             f"(${money_display(d.from_unearned)}), then earned (${money_display(d.from_earned)})",
             "20 CFR 416.1163(b); SOC 294A lines B2–B5", (alloc,)),
        Step("spouse_income_left", "Spouse's income left", d.income_left,
             f"earned ${money_display(d.earned_left)} + unearned "
             f"${money_display(d.unearned_left)}", "20 CFR 416.1163; SOC 294A line B6"),
        Step("deeming_threshold", "Deeming threshold: the allocation amount", alloc.value,
             f"spouse's income left is {outcome}", "20 CFR 416.1163; POMS SI 01320.400",
             (alloc,)),
    ]  # fmt: skip


def medi_cal_steps(program: MediCalProgram | None, share: Decimal) -> list[Step]:
    if program is None or not program.no_share_of_cost:
        return []
    return [
        Step(
            "medi_cal",
            "Share of cost with your Medi-Cal",
            share,
            f"no share of cost with {program.label}",
            program.source,
        )
    ]
