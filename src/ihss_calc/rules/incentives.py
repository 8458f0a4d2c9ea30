"""Work incentives (docs/rules.md §5): headroom, the Working Disabled Program, 1619(b), what-if.

Pure functions over Decimal; every figure from ``Rates``.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import MAX_AMOUNT, ZERO
from ihss_calc.i18n import N_
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import share_above, total_countable
from ihss_calc.rules.deeming import Deeming, deem
from ihss_calc.rules.household import Household
from ihss_calc.rules.screening import asset_limit, in_force


def share_at_earnings(
    household: Household, rates: Rates, earned: Decimal, deeming: Deeming | None = None
) -> Decimal:
    """The share of cost (rounded, before Medi-Cal) with ``earned`` in place of the earnings:
    with a spouse's income deemed, the larger of the two computations (docs/rules.md §8)."""
    h = household
    own = share_above(rates, h.kind, total_countable(h.unearned, earned, h.irwe, h.bwe, rates))
    d = deeming if deeming is not None else deem(h, rates)
    if d is None or not d.deemed:
        return own
    total = total_countable(
        h.unearned + d.deemed_unearned, earned + d.deemed_earned, h.irwe, h.bwe, rates
    )
    combined = share_above(rates, h.deemed_kind, total)
    return combined if combined > own else own


def largest_cents(holds: Callable[[Decimal], bool], low: int = 0) -> Decimal | None:
    """The largest whole-cent amount from ``low`` up to MAX_AMOUNT for which ``holds`` is
    true, when ``holds`` is true up to some amount and false beyond it (the rules only ever
    add countable income as earnings rise); None when it holds even at MAX_AMOUNT."""
    high = int(MAX_AMOUNT * 100)
    if holds(MAX_AMOUNT):
        return None
    while low < high - 1:  # holds(low) is true and holds(high) is false
        middle = (low + high) // 2
        if holds(Decimal(middle).scaleb(-2)):
            low = middle
        else:
            high = middle
    return Decimal(low).scaleb(-2)


def max_earned_without_soc(household: Household, rates: Rates) -> Decimal | None:
    """The largest monthly gross earnings, in whole cents, at which the share of cost is still
    0.00, the other inputs as given. None when there is a share of cost even with no earnings
    (or, with odd figures, none at any earnings)."""
    d = deem(household, rates)
    if share_at_earnings(household, rates, ZERO, d):
        return None
    return largest_cents(lambda earned: not share_at_earnings(household, rates, earned, d))


class WdpCheck(NamedTuple):
    """Medi-Cal's Working Disabled Program, roughly: countable income, counted as docs/rules.md §1
    with disability income left out, under 250% of the poverty level (DHCS WDP page)."""

    monthly_limit: Figure
    disability_income: Decimal
    countable_income: Decimal
    likely_eligible: bool


WDP_NOT_FOR_DEEMING = N_(
    "The Working Disabled Program check is not made with a spouse who is not aged, blind or "
    "disabled: how WDP counts that spouse's income was not found in the rules ihss follows."
)


def wdp_countable_income(household: Household, rates: Rates, earned: Decimal) -> Decimal:
    """docs/rules.md §1 with disability income left out: the unused part of the $20 still carries
    to earnings, and IRWE still come off."""
    unearned = household.unearned - household.disability_income
    return total_countable(unearned, earned, household.irwe, household.bwe, rates)


def wdp_limit(household: Household, rates: Rates) -> Figure | None:
    """WDP's limit for the household in force in the month screened (from January to March,
    last April's); None without one on file, or with a spouse who is not aged, blind or
    disabled (not modeled: WDP_NOT_FOR_DEEMING)."""
    if household.ineligible_spouse:
        return None
    limits = in_force(household, rates.wdp_income_limits, rates.wdp_income_limits_before_april)
    return limits.get("couple" if household.couple else "individual")


def wdp_check(household: Household, rates: Rates) -> WdpCheck | None:
    """The WDP income check; None when there is no WDP limit to use. Likely eligible only
    with earnings (WDP is for people who work) and assets not over Medi-Cal's limit."""
    limit = wdp_limit(household, rates)
    if limit is None:
        return None
    countable = wdp_countable_income(household, rates, household.earned)
    found = asset_limit(household, rates)
    over = found is not None and household.assets is not None and household.assets > found[0]
    return WdpCheck(
        monthly_limit=limit,
        disability_income=household.disability_income,
        countable_income=countable,
        likely_eligible=bool(household.earned) and not over and countable < limit.value,
    )


def max_earned_under_wdp_limit(household: Household, rates: Rates) -> Decimal | None:
    """The largest earnings, in whole cents, at which WDP's countable income is still under
    its limit; None without a limit or when it is reached with no earnings."""
    limit = wdp_limit(household, rates)
    if limit is None:
        return None

    def under(earned: Decimal) -> bool:
        return wdp_countable_income(household, rates, earned) < limit.value

    return largest_cents(under) if under(ZERO) else None


class Threshold1619b(NamedTuple):
    """1619(b), as information: yearly earnings against California's threshold."""

    threshold: Figure
    yearly_earnings: Decimal
    below: bool


def threshold_1619b(household: Household, rates: Rates) -> Threshold1619b | None:
    if not household.earned:
        return None
    figure = rates.thresholds_1619b.get("blind" if household.blind else "regular")
    if figure is None:
        return None
    yearly = household.earned * 12
    return Threshold1619b(threshold=figure, yearly_earnings=yearly, below=yearly < figure.value)
