"""What you keep at a level of earnings (docs/rules.md §13): SSDI under its work rules,
SSI/SSP cash, the Medi-Cal the person would likely be placed in and the share of cost there,
and the cliffs between two levels. Pure; every figure from ``Rates``."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise
from typing import NamedTuple

from ihss_calc.amounts import ZERO
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import total_countable
from ihss_calc.rules.deeming import deem
from ihss_calc.rules.household import Household
from ihss_calc.rules.placement import Placement
from ihss_calc.rules.screening import resource_limit
from ihss_calc.rules.share import Result, share_of_cost

CENT = Decimal("0.01")


class Work(NamedTuple):
    """What ``whatif`` knows beyond the household: SSDI, the trial work period, SSI."""

    ssdi: Decimal = ZERO  # the part of the unearned income that is SSDI (disability income)
    twp_done: bool = False  # the trial work period is used up
    gets_ssi: bool = False  # the person says they get SSI cash


class Level(NamedTuple):
    """One level of earnings, worked out: ``result`` is what ``ihss soc`` gives for it."""

    earned: Decimal
    household: Household  # at this level: earnings, unearned income as it would be
    ssdi: Decimal | None  # SSDI paid (None without --ssdi)
    ssi_ssp: Decimal | None  # SSI/SSP cash (None without --gets-ssi)
    result: Result  # share_of_cost() for this household: the same function as soc
    kept: Decimal  # earnings + unearned + SSI/SSP − the share of cost where placed

    @property
    def share_of_cost(self) -> Decimal:
        """On share-of-cost Medi-Cal, rounded, before Medi-Cal."""
        return self.result.computed_share_of_cost

    @property
    def placement(self) -> Placement:
        return self.result.placement


def sga(h: Household, rates: Rates) -> Figure | None:
    """The SGA amount that stops SSDI: the blind one for a blind person."""
    return rates.ssdi.get("sga_blind" if h.blind else "sga")


def at_level(h: Household, rates: Rates, work: Work, earned: Decimal) -> Level:
    """What you keep with ``earned`` a month, the other inputs as given."""
    ssdi = work.ssdi
    paid = ssdi
    limit = sga(h, rates)
    if work.twp_done and limit is not None and earned - h.irwe > limit.value:
        paid = ZERO  # over SGA after the trial work period: no check that month
    lost = ssdi - paid
    disability = max(h.disability_income, ssdi) - lost
    at = h._replace(earned=earned, unearned=h.unearned - lost,
                    disability_income=disability if disability > 0 else ZERO)  # fmt: skip
    cash = ssi_ssp(at, rates) if work.gets_ssi else None
    if work.gets_ssi and at.medi_cal is None:
        if cash:  # on SSI: SSI-linked Medi-Cal, no share of cost
            at = at._replace(medi_cal="ssi")
        elif earned and at.ssi_ended is None:  # earnings ended the cash: 1619(b)'s case
            at = at._replace(ssi_ended="earnings")
    result = share_of_cost(at, rates, headroom=False)
    placed = result.placement
    pays = result.computed_share_of_cost if placed.share_of_cost is None else placed.share_of_cost
    kept = earned + at.unearned + (cash or ZERO) - pays
    return Level(earned, at, None if not ssdi else paid, cash, result, kept)


def ssi_ssp(h: Household, rates: Rates) -> Decimal:
    """SSI/SSP cash: the payment level less countable income, when positive (20 CFR 416.420);
    with a spouse's income deemed, never more than without (SSA Handbook §2168.4); none over
    SSI's resource limit."""
    limit = resource_limit(h, rates)
    if h.assets is not None and limit is not None and h.assets > limit.value:
        return ZERO
    own = rates.payment_levels[h.kind].value - total_countable(
        h.unearned, h.earned, h.irwe, h.bwe, rates
    )
    d = deem(h, rates)
    if d is not None and d.deemed:
        combined = rates.payment_levels[h.deemed_kind].value - total_countable(
            h.unearned + d.deemed_unearned, h.earned + d.deemed_earned, h.irwe, h.bwe, rates
        )
        own = combined if combined < own else own
    return own if own > 0 else ZERO


class Cliff(NamedTuple):
    """Where something jumps between two levels of earnings."""

    kind: str  # "ssdi" (stops over SGA), "ssi_ssp" (reaches $0), "program" (changes)
    at: Level  # the last level, to the cent, before the change
    after: Level  # the sweep's next level, past it


def first_change(
    low: Level, high: Level, changed: Callable[[Level], bool], level: Callable[[Decimal], Level]
) -> Level:
    """The last whole-cent level from ``low`` up, before ``high``, at which nothing has
    changed yet: ``changed(low)`` is false, ``changed(high)`` true (a bisection; earnings only
    ever add income)."""
    lo, hi = int(low.earned * 100), int(high.earned * 100)
    found = low
    while hi - lo > 1:
        middle = (lo + hi) // 2
        probe = level(Decimal(middle) * CENT)
        if changed(probe):
            hi = middle
        else:
            lo, found = middle, probe
    return found


def cliffs(levels: list[Level], level: Callable[[Decimal], Level]) -> list[Cliff]:
    """Each jump between neighbouring levels, at the exact cent it happens."""
    found = []
    for before, after in pairwise(levels):
        if before.ssdi and not after.ssdi:
            at = first_change(before, after, lambda v: not v.ssdi, level)
            found.append(Cliff("ssdi", at, after))
        if before.ssi_ssp and not after.ssi_ssp:
            at = first_change(before, after, lambda v: not v.ssi_ssp, level)
            found.append(Cliff("ssi_ssp", at, after))
        if before.placement.program != after.placement.program:
            program = before.placement.program

            def moved(v: Level, program: str = program) -> bool:
                return v.placement.program != program

            found.append(Cliff("program", first_change(before, after, moved, level), after))
    return found


NO_WORK = Work()  # no SSDI, no SSI: the share of cost and the placement only
