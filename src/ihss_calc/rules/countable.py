"""Countable income (docs/rules.md §1 steps 1–5): the arithmetic, exact, and nothing else.

1. countable unearned = unearned − the $20 general income exclusion, not below 0;
2. the unused part of the $20 comes off earned income (POMS SI 00810.420 A.3);
3. countable earned = (earned − unused $20 − $65 − IRWE, not below 0) × one-half − BWE,
   not below 0 (POMS SI 00820.500; 20 CFR 416.1112(c));
4. total countable income = countable unearned + countable earned;
5. above the payment level, and that rounded (CDSS SOC 294A, A13 − A14 = A15).

Every figure comes from ``Rates``; the only numbers here are 0.
"""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO
from ihss_calc.rates import Figure, Rates


class Countable(NamedTuple):
    """Countable income and every amount that went into it, in the order SSA applies them."""

    unearned: Decimal
    general_on_unearned: Decimal  # the part of the $20 used on unearned income
    countable_unearned: Decimal
    earned: Decimal
    general_on_earned: Decimal  # the unused part of the $20, carried to earnings
    earned_exclusion: Decimal  # the part of the $65 used
    irwe: Decimal  # the part of IRWE used
    after_exclusions: Decimal  # earnings left before halving
    half_excluded: Decimal
    bwe: Decimal  # the part of BWE used
    countable_earned: Decimal
    total: Decimal


def countable_amounts(
    unearned: Decimal,
    earned: Decimal,
    irwe: Decimal,
    bwe: Decimal,
    general: Decimal,
    earned_exclusion: Decimal,
    share_excluded: Decimal,
) -> tuple[Decimal, ...]:
    """docs/rules.md §1 steps 1–4, exact: the arithmetic and nothing else, for one case.

    Returns, in order: the part of the $20 used on unearned income, countable unearned, the
    unused part of the $20 used on earnings, the part of the $65 used, the part of IRWE used,
    earnings left before halving, the half excluded, the part of BWE used, countable earned,
    total countable income. Each exclusion takes only what is left, so nothing goes below 0.
    A plain tuple, because batch work calls this hundreds of thousands of times a second.
    """
    general_on_unearned = general if unearned > general else unearned
    countable_unearned = unearned - general_on_unearned
    if not earned:  # nothing to exclude from earnings: the same answer, sooner
        return (general_on_unearned, countable_unearned, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO,
                ZERO, countable_unearned)  # fmt: skip
    unused = general - general_on_unearned
    general_on_earned = unused if earned > unused else earned
    left = earned - general_on_earned
    excluded = earned_exclusion if left > earned_exclusion else left
    left -= excluded
    irwe_used = irwe if left > irwe else left
    left -= irwe_used
    half = left * share_excluded
    halved = left - half
    bwe_used = bwe if halved > bwe else halved
    countable_earned = halved - bwe_used
    return (
        general_on_unearned,
        countable_unearned,
        general_on_earned,
        excluded,
        irwe_used,
        left,
        half,
        bwe_used,
        countable_earned,
        countable_unearned + countable_earned,
    )


def exclusions(rates: Rates) -> tuple[Decimal, Decimal, Decimal]:
    """The figures ``countable_amounts`` takes: the $20, the $65 and the one-half."""
    return (
        rates.general_exclusion.value,
        rates.earned_exclusion.value,
        rates.earned_share_excluded.value,
    )


def total_countable(
    unearned: Decimal, earned: Decimal, irwe: Decimal, bwe: Decimal, rates: Rates
) -> Decimal:
    """Total countable income (docs/rules.md §1 steps 1–4) with the rates file's figures."""
    return countable_amounts(unearned, earned, irwe, bwe, *exclusions(rates))[9]


def countable_income(
    unearned: Decimal, earned: Decimal, irwe: Decimal, bwe: Decimal, rates: Rates
) -> Countable:
    """``countable_amounts`` with the rates file's figures, as a ``Countable``."""
    (g_unearned, c_unearned, g_earned, excluded, irwe_used, left, half, bwe_used, c_earned,
     total) = countable_amounts(unearned, earned, irwe, bwe, *exclusions(rates))  # fmt: skip
    return Countable(
        unearned=unearned,
        general_on_unearned=g_unearned,
        countable_unearned=c_unearned,
        earned=earned,
        general_on_earned=g_earned,
        earned_exclusion=excluded,
        irwe=irwe_used,
        after_exclusions=left,
        half_excluded=half,
        bwe=bwe_used,
        countable_earned=c_earned,
        total=total,
    )


def above_and_share(
    total: Decimal, level: Decimal, quantum: Decimal, mode: str
) -> tuple[Decimal, Decimal]:
    """docs/rules.md §1 step 5: what is above the payment level (exact, not below 0), and that
    rounded by the rates file's rule (to the cent, a half cent down): SOC 294A A15."""
    above = total - level if total > level else ZERO
    return above, above.quantize(quantum, rounding=mode)


def share_above(rates: Rates, kind: str, total: Decimal) -> Decimal:
    """The rounded share of cost for ``total`` countable income against ``kind``'s level."""
    level = rates.payment_levels[kind].value
    return above_and_share(total, level, rates.rounding.quantum.value, rates.rounding.mode)[1]


class Computation(NamedTuple):
    """Countable income set against one payment level."""

    kind: str  # the payment level's household kind
    countable: Countable
    level: Figure
    above: Decimal  # total countable income − payment level, not below 0, exact
    share: Decimal  # above, rounded


def compute(
    rates: Rates, kind: str, unearned: Decimal, earned: Decimal, irwe: Decimal, bwe: Decimal
) -> Computation:
    c = countable_income(unearned, earned, irwe, bwe, rates)
    level = rates.payment_levels[kind]
    above, share = above_and_share(
        c.total, level.value, rates.rounding.quantum.value, rates.rounding.mode
    )
    return Computation(kind=kind, countable=c, level=level, above=above, share=share)
