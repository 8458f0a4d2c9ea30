"""Work incentives (docs/rules.md §5): headroom, the Working Disabled Program, 1619(b), what-if.

Pure functions over Decimal; every figure from ``Rates``.
"""

from collections.abc import Callable
from decimal import ROUND_FLOOR, Decimal
from typing import NamedTuple

from ihss_calc.amounts import MAX_AMOUNT, ZERO
from ihss_calc.i18n import N_
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import exclusions, share_above, total_countable
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


CENT = Decimal("0.01")


def largest_cents(
    holds: Callable[[Decimal], bool], low: int = 0, guess: Decimal | None = None
) -> Decimal | None:
    """The largest whole-cent amount from ``low`` up to MAX_AMOUNT for which ``holds`` is
    true, when ``holds`` is true up to some amount and false beyond it (the rules only ever
    add countable income as earnings rise); None when it holds even at MAX_AMOUNT. A
    ``guess`` is taken when it holds and the next cent does not, which is then the answer;
    otherwise the search decides."""
    if (guess is not None and low * CENT <= guess < MAX_AMOUNT and holds(guess)
            and not holds(guess + CENT)):  # fmt: skip
        return guess
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
    h = household
    d = deem(h, rates)
    if share_at_earnings(h, rates, ZERO, d):
        return None
    guess = None
    if d is None or not d.deemed:
        guess = headroom_guess(h.unearned, h.irwe, h.bwe, rates.payment_levels[h.kind].value,
                               rates.rounding.quantum.value, rates.rounding.mode,
                               exclusions(rates))  # fmt: skip
    return largest_cents(lambda earned: not share_at_earnings(h, rates, earned, d), guess=guess)


def headroom_guess(
    unearned: Decimal,
    irwe: Decimal,
    bwe: Decimal,
    level: Decimal,
    quantum: Decimal,
    mode: str,
    exclusions: tuple[Decimal, Decimal, Decimal],
) -> Decimal:
    """The earnings at which the share of cost would last round to 0.00, worked out rather
    than searched: above the exclusions, each dollar earned adds the counted fraction of a
    dollar to countable income (docs/rules.md §1). A guess, for ``largest_cents`` to check on
    both sides."""
    general, earned_exclusion, excluded = exclusions
    counted = 1 - excluded
    top = quantum / 2  # about the largest amount above the level that rounds to 0.00
    if top.quantize(quantum, rounding=mode):
        top = ZERO
    countable_unearned = unearned - general if unearned > general else ZERO
    unused = general - (unearned - countable_unearned)
    room = level + top - countable_unearned + bwe
    return (room / counted + unused + earned_exclusion + irwe).quantize(
        CENT, rounding=ROUND_FLOOR)  # fmt: skip


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
    h = household
    countable = wdp_countable_income(h, rates, h.earned)
    found = asset_limit(h, rates)
    over = found is not None and h.assets is not None and h.assets > found[0]
    # The second test (docs/rules.md §12): "eligible for SSI/SSP but for earnings", read as
    # countable unearned income other than disability income below the SSI/SSP level.
    other = total_countable(h.unearned - h.disability_income, ZERO, ZERO, ZERO, rates)
    return WdpCheck(
        monthly_limit=limit,
        disability_income=h.disability_income,
        countable_income=countable,
        likely_eligible=(
            bool(h.earned)
            and not over
            and countable < limit.value
            and other < rates.payment_levels[h.kind].value
        ),
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
