"""``ihss whatif``'s sweep (docs/rules.md §5, §12, §13): the share of cost, the Medi-Cal the
person would likely be placed in and the share there, SSDI and SSI/SSP cash, and what you
keep, at each level of earnings, and the cliffs between them. Imported only by whatif's
paths."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.household import Household, check_household
from ihss_calc.rules.incentives import (
    max_earned_under_wdp_limit,
    max_earned_without_soc,
    wdp_countable_income,
    wdp_limit,
)
from ihss_calc.rules.keep import NO_WORK, Cliff, Level, Work, at_level, cliffs


class Point(NamedTuple):
    """One earnings level of a what-if sweep: the fields of ``ihss soc`` for that level (the
    same function gives them), and what you keep."""

    earned: Decimal
    total_countable_income: Decimal  # as soc gives it: with deeming, the deciding computation's
    share_of_cost: Decimal  # after Medi-Cal, as ``share_of_cost`` gives it
    wdp_countable_income: Decimal
    wdp_likely_eligible: bool | None  # None without earnings or without a limit to use
    share_of_cost_with_wdp: Decimal  # 0 where WDP looks likely, else the share of cost
    kept: Decimal  # earnings + unearned + SSI/SSP − the share of cost where likely placed
    placement: str  # the likely Medi-Cal at this level (docs/rules.md §12)
    placement_share_of_cost: Decimal | None  # what the person pays there; None: no Medi-Cal
    unearned: Decimal = ZERO  # the unearned income at this level (SSDI stops over SGA)
    ssdi: Decimal | None = None  # SSDI paid, with --ssdi
    ssi_ssp: Decimal | None = None  # SSI/SSP cash, with --gets-ssi
    hours: Decimal | None = None  # hours a week, when earnings were swept by hours
    countable_unearned_income: Decimal = ZERO
    countable_earned_income: Decimal = ZERO
    payment_level: Decimal = ZERO  # the deciding computation's level, as soc gives it
    above_payment_level: Decimal = ZERO
    computed_share_of_cost: Decimal = ZERO


def sweep(
    household: Household,
    rates: Rates,
    earnings: list[Decimal],
    work: Work = NO_WORK,
    hours: list[Decimal] | None = None,
) -> tuple[list[Point], list[Cliff]]:
    """Each level of earnings worked out by ``share_of_cost`` itself, the other inputs as
    given, and the cliffs between them (docs/rules.md §12–§13)."""
    h = household
    check_household(h)
    zero = ZERO.quantize(rates.rounding.quantum.value, rounding=rates.rounding.mode)

    def level(earned: Decimal) -> Level:
        return at_level(h, rates, work, earned)

    levels = [level(earned) for earned in earnings]
    points = []
    for i, v in enumerate(levels):
        r = v.result
        c = r.countable
        wdp = r.wdp
        points.append(
            Point(
                earned=v.earned,
                total_countable_income=c.total,
                share_of_cost=r.share_of_cost,
                wdp_countable_income=wdp_countable_income(v.household, rates, v.earned),
                wdp_likely_eligible=None if wdp is None else wdp.likely_eligible,
                share_of_cost_with_wdp=zero if wdp and wdp.likely_eligible else r.share_of_cost,
                kept=v.kept,
                placement=r.placement.program,
                placement_share_of_cost=r.placement.share_of_cost,
                unearned=v.household.unearned,
                ssdi=v.ssdi,
                ssi_ssp=v.ssi_ssp,
                hours=None if hours is None else hours[i],
                countable_unearned_income=c.countable_unearned,
                countable_earned_income=c.countable_earned,
                payment_level=r.payment_level.value,
                above_payment_level=r.above_level,
                computed_share_of_cost=r.computed_share_of_cost,
            )
        )
    return points, cliffs(levels, level)


class WhatIf(NamedTuple):
    """A sweep over earnings, and the exact earnings where things change."""

    household: Household  # its ``earned`` is not used
    rates: Rates
    earnings: tuple[Decimal, ...]
    step: Decimal | None  # None: levels given as a list
    points: tuple[Point, ...]
    max_earned_without_soc: Decimal | None
    max_earned_under_wdp_limit: Decimal | None
    wdp_limit: Figure | None
    given_as: str = ""  # how the earnings were given, in words, when not as monthly amounts
    work: Work = NO_WORK
    cliffs: tuple[Cliff, ...] = ()
    by_hours: bool = False  # earnings swept by hours a week


def what_if(
    household: Household,
    rates: Rates,
    earnings: list[Decimal],
    step: Decimal | None,
    given_as: str = "",
    work: Work = NO_WORK,
    hours: list[Decimal] | None = None,
) -> WhatIf:
    """``ihss whatif``: what you keep at each earnings level, and the cliffs."""
    points, found = sweep(household, rates, earnings, work, hours)
    return WhatIf(
        household=household,
        rates=rates,
        earnings=tuple(earnings),
        step=step,
        points=tuple(points),
        max_earned_without_soc=(
            None if household.free else max_earned_without_soc(household, rates)
        ),
        max_earned_under_wdp_limit=max_earned_under_wdp_limit(household, rates),
        wdp_limit=wdp_limit(household, rates),
        given_as=given_as,
        work=work,
        cliffs=tuple(found),
        by_hours=hours is not None,
    )
