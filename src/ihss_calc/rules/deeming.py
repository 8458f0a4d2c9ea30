"""A spouse who is not aged, blind or disabled: deeming (RULES.md §8; SOC 294A part B).

The steps are SSI's (20 CFR 416.1163; POMS SI 01320.400):

1. the recipient's own share of cost, as an individual, comes first (``share``);
2. the spouse's earned and unearned income, IHSS wages for caring for the recipient left out
   (POMS SI 01120.112);
3. an allocation for each ineligible child, the allocation amount less the children's own
   income, taken from the spouse's unearned income first, then earned (20 CFR 416.1163(b));
4. if what is left of the spouse's income is not more than the allocation amount, nothing is
   deemed;
5. otherwise it is added to the recipient's, earned to earned and unearned to unearned, and
   the total is set against the couple level (one blind member if the recipient is blind);
6. the share of cost is the larger of 1 and 5: deeming never helps (SSA Handbook §2168.4).

Pure functions; every figure from ``Rates``.
"""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.household import Household


class Deeming(NamedTuple):
    """What of the spouse's income is deemed to the recipient, and every amount on the way."""

    spouse_earned: Decimal  # as given
    spouse_ihss_wages: Decimal  # not counted
    spouse_earned_counted: Decimal
    spouse_unearned: Decimal
    children: int
    child_income: Decimal
    allocation: Figure  # the allocation amount, and the threshold
    child_allocations: Decimal  # children × allocation − their income, not below 0
    from_unearned: Decimal  # the allocations taken from the spouse's unearned income
    from_earned: Decimal  # the rest, from earned
    unearned_left: Decimal
    earned_left: Decimal
    deemed: bool  # what is left is more than the allocation amount

    @property
    def income_left(self) -> Decimal:
        return self.unearned_left + self.earned_left

    @property
    def deemed_unearned(self) -> Decimal:
        return self.unearned_left if self.deemed else ZERO

    @property
    def deemed_earned(self) -> Decimal:
        return self.earned_left if self.deemed else ZERO


def deem(household: Household, rates: Rates) -> Deeming | None:
    """RULES.md §8 steps 2–4 for a household with a spouse who is not aged, blind or
    disabled; None for any other household.

    The children's income is given as one total, so the allocations are
    children × allocation − that total: the same as SSI's child-by-child sum unless one child
    has more income of their own than the allocation amount.
    """
    h = household
    if not h.ineligible_spouse:
        return None
    allocation = rates.deeming_allocation
    earned = h.spouse_earned or ZERO
    counted = earned - h.spouse_ihss_wages
    unearned = h.spouse_unearned or ZERO
    wanted = allocation.value * h.children - h.child_income
    allocations = wanted if wanted > 0 else ZERO
    from_unearned = allocations if allocations < unearned else unearned
    rest = allocations - from_unearned
    from_earned = rest if rest < counted else counted
    unearned_left = unearned - from_unearned
    earned_left = counted - from_earned
    return Deeming(
        spouse_earned=earned,
        spouse_ihss_wages=h.spouse_ihss_wages,
        spouse_earned_counted=counted,
        spouse_unearned=unearned,
        children=h.children,
        child_income=h.child_income,
        allocation=allocation,
        child_allocations=allocations,
        from_unearned=from_unearned,
        from_earned=from_earned,
        unearned_left=unearned_left,
        earned_left=earned_left,
        deemed=unearned_left + earned_left > allocation.value,
    )
