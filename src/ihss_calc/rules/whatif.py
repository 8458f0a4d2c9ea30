"""``ihss whatif``'s sweep (docs/rules.md §5, §12): the share of cost, the Medi-Cal the
person would likely be placed in and the share there, and what you keep, at each level of
earnings, and where things change. Imported only by whatif's paths."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import total_countable
from ihss_calc.rules.deeming import deem
from ihss_calc.rules.household import Household, check_household
from ihss_calc.rules.incentives import (
    max_earned_under_wdp_limit,
    max_earned_without_soc,
    share_at_earnings,
    wdp_check,
    wdp_countable_income,
    wdp_limit,
)
from ihss_calc.rules.share import placement_at


class Point(NamedTuple):
    """One earnings level of a what-if sweep."""

    earned: Decimal
    total_countable_income: Decimal  # the recipient's own
    share_of_cost: Decimal  # after Medi-Cal, as ``share_of_cost`` gives it
    wdp_countable_income: Decimal
    wdp_likely_eligible: bool | None  # None without earnings or without a limit to use
    share_of_cost_with_wdp: Decimal  # 0 where WDP looks likely, else the share of cost
    kept: Decimal  # earnings + unearned income − share of cost: what you keep a month
    placement: str  # the likely Medi-Cal at this level (docs/rules.md §12)
    placement_share_of_cost: Decimal | None  # what the person pays there; None: no Medi-Cal


def sweep(household: Household, rates: Rates, earnings: list[Decimal]) -> list[Point]:
    """The share of cost at each earnings level, the other inputs as given: what
    ``share_of_cost`` would say for each, without the steps."""
    h = household
    check_household(h)
    zero = ZERO.quantize(rates.rounding.quantum.value, rounding=rates.rounding.mode)
    limit = wdp_limit(h, rates)
    d = deem(h, rates)
    points = []
    for earned in earnings:
        total = total_countable(h.unearned, earned, h.irwe, h.bwe, rates)
        wdp_countable = wdp_countable_income(h, rates, earned)
        share = zero if h.free else share_at_earnings(h, rates, earned, d)
        at = h._replace(earned=earned)
        likely = None if limit is None else wdp_check(at, rates).likely_eligible  # type: ignore[union-attr]
        placed = placement_at(at, rates)
        points.append(
            Point(
                earned=earned,
                total_countable_income=total,
                share_of_cost=share,
                wdp_countable_income=wdp_countable,
                wdp_likely_eligible=likely,
                share_of_cost_with_wdp=zero if likely else share,
                kept=earned + h.unearned - share,
                placement=placed.program,
                placement_share_of_cost=placed.share_of_cost,
            )
        )
    return points


class WhatIf(NamedTuple):
    """A sweep over earnings, and the exact earnings where things change."""

    household: Household  # its ``earned`` is not used
    rates: Rates
    earnings: tuple[Decimal, ...]
    step: Decimal
    points: tuple[Point, ...]
    max_earned_without_soc: Decimal | None
    max_earned_under_wdp_limit: Decimal | None
    wdp_limit: Figure | None
    given_as: str = ""  # how the earnings were given, in words, when not as monthly amounts


def what_if(
    household: Household,
    rates: Rates,
    earnings: list[Decimal],
    step: Decimal,
    given_as: str = "",
) -> WhatIf:
    """``ihss whatif``: the share of cost at each earnings level."""
    points = sweep(household, rates, earnings)
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
    )
