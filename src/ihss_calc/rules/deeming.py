"""A spouse who is not aged, blind or disabled: deeming (docs/rules.md §8; SOC 294A part B).

The steps are SSI's (20 CFR 416.1163; POMS SI 01320.400):

1. the recipient's own share of cost, as an individual, comes first (``share``);
2. the spouse's earned and unearned income, IHSS wages for caring for the recipient left out
   (POMS SI 01120.112);
3. an allocation for each ineligible child, the allocation amount less that child's own
   income, not below 0 (a student child's earnings up to the student earned income exclusion
   left out: POMS SI 01320.185), taken from the spouse's unearned income first, then earned
   (20 CFR 416.1163(b));
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
    child_incomes: tuple[Decimal, ...]  # each child's own income (one per child)
    student_earnings: tuple[Decimal, ...]  # each child's earnings as a student
    student_excluded: tuple[Decimal, ...]  # the part of each left out (up to the exclusion)
    allocation: Figure  # the allocation amount, and the threshold
    student_exclusion: Figure | None  # a month's student earned income exclusion, if on file
    allocations: tuple[Decimal, ...]  # each child's: allocation − counted income, not below 0
    child_allocations: Decimal  # their sum
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
    """docs/rules.md §8 steps 2–4 for a household with a spouse who is not aged, blind or
    disabled; None for any other household. Child by child, as SSI does: one child's income
    over the allocation amount never eats into another child's allocation."""
    h = household
    if not h.ineligible_spouse:
        return None
    allocation = rates.deeming_allocation
    exclusion = rates.student_exclusion
    incomes = _per_child(h.child_incomes, h.children)
    students = _per_child(h.child_student_earnings, h.children)
    excluded = tuple(
        ZERO if exclusion is None else (s if s < exclusion.value else exclusion.value)
        for s in students
    )
    allocations = []
    for income, student, left_out in zip(incomes, students, excluded, strict=True):
        counted = income + student - left_out
        allocations.append(allocation.value - counted if counted < allocation.value else ZERO)
    total = sum(allocations, ZERO)
    earned = h.spouse_earned or ZERO
    counted_earned = earned - h.spouse_ihss_wages
    unearned = h.spouse_unearned or ZERO
    from_unearned = total if total < unearned else unearned
    rest = total - from_unearned
    from_earned = rest if rest < counted_earned else counted_earned
    unearned_left = unearned - from_unearned
    earned_left = counted_earned - from_earned
    return Deeming(
        spouse_earned=earned,
        spouse_ihss_wages=h.spouse_ihss_wages,
        spouse_earned_counted=counted_earned,
        spouse_unearned=unearned,
        children=h.children,
        child_incomes=incomes,
        student_earnings=students,
        student_excluded=excluded,
        allocation=allocation,
        student_exclusion=exclusion,
        allocations=tuple(allocations),
        child_allocations=total,
        from_unearned=from_unearned,
        from_earned=from_earned,
        unearned_left=unearned_left,
        earned_left=earned_left,
        deemed=unearned_left + earned_left > allocation.value,
    )


def _per_child(given: tuple[Decimal, ...], children: int) -> tuple[Decimal, ...]:
    """One amount per child: those given, in order, and 0 for the rest."""
    return (*given, *(ZERO,) * (children - len(given)))
