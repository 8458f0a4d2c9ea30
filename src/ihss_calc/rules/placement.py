"""Which Medi-Cal, and so what the person really pays (docs/rules.md §12).

A county "must evaluate for all programs and place the person in the one that is most
beneficial", down a fixed order (DHCS ACWDL 17-03; Santa Clara County Medi-Cal handbook; LA
DPSS ePolicy): the SSI/SSP-linked and Pickle group, then MAGI, then A&D FPL and the Working
Disabled Program, then medically needy (share-of-cost) Medi-Cal. ``screen_programs`` screens
each; ``place`` takes the first ``likely`` one. A screen, not a determination.
"""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.i18n import N_, _
from ihss_calc.rates import Rates
from ihss_calc.rules.countable import Computation
from ihss_calc.rules.fpl_programs import ad_fpl, magi, medically_needy, wdp
from ihss_calc.rules.household import MEDI_CAL, Household
from ihss_calc.rules.screening import LIKELY, POSSIBLE, UNLIKELY, Screen
from ihss_calc.rules.ssi_group import (
    disabled_adult_child,
    disabled_widow,
    pickle,
    section_1619b,
    ssi_linked,
)

# The county's order (docs/rules.md §12): codes as --medi-cal uses them, plus dac and dw.
ORDER = ("ssi", "1619b", "pickle", "dac", "dw", "magi", "ad-fpl", "wdp", "medically-needy")
PROGRAM_LABELS = {
    **{code: MEDI_CAL[code].label for code in ORDER if code in MEDI_CAL},
    "dac": N_("Medi-Cal for a Disabled Adult Child"),
    "dw": N_("Medi-Cal for disabled widows and widowers"),
    "none": MEDI_CAL["none"].label,
}
SCREEN_NOTE = N_(
    "This is a screen, not a decision: the county decides which Medi-Cal you get, after "
    "checking every program in its order (DHCS ACWDL 17-03)."
)


class Placement(NamedTuple):
    """Where the person would likely be placed, and the IHSS share of cost there."""

    program: str  # a code of ORDER, or "none"
    share_of_cost: Decimal | None  # 0 on a program without a share of cost; None: no Medi-Cal
    screen: Screen | None  # the placement's screen (None for "none", or the person's word)
    given: bool  # True: the program the person said they have (--medi-cal)


def screen_programs(
    household: Household, rates: Rates, own: Computation, decisive: Computation
) -> tuple[Screen, ...]:
    """Every program, in the county's order. ``own`` is the household's own income against
    its level; ``decisive`` the computation that gives the share of cost (deeming's, if it
    is larger)."""
    h = household
    return (
        ssi_linked(h, rates, decisive),
        section_1619b(h, rates),
        pickle(h, rates),
        disabled_adult_child(h, rates),
        disabled_widow(h),
        magi(h, rates),
        ad_fpl(h, rates, own),
        wdp(h, rates),
        medically_needy(h, rates, decisive.share),
    )


def place(
    household: Household, screens: tuple[Screen, ...], computed: Decimal, zero: Decimal
) -> Placement:
    """The first ``likely`` program in the county's order, and the share of cost there: 0,
    or ``computed`` on medically needy Medi-Cal; with no program likely ("none": assets over
    every limit), no Medi-Cal and so no share of cost to give (None). With ``--medi-cal``,
    the person's word."""
    program = household.program
    if program is not None:
        share = zero if program.no_share_of_cost else computed
        return Placement(program.code, share, None, True)
    for screen in screens:
        if screen.status == LIKELY:
            share = computed if screen.program == "medically-needy" else zero
            return Placement(screen.program, share, screen, False)
    return Placement("none", None, None, False)


def could_pay_nothing(screens: tuple[Screen, ...]) -> tuple[Screen, ...]:
    """The programs without a share of cost that are likely or possible."""
    return tuple(
        s for s in screens if s.program != "medically-needy" and s.status in (LIKELY, POSSIBLE)
    )


def caution(household: Household, screens: tuple[Screen, ...]) -> str | None:
    """When the facts given contradict the Medi-Cal the person says they have: a caution,
    which keeps their word."""
    code = household.medi_cal
    found = next((s for s in screens if s.program == code), None)
    if found is None or found.status != UNLIKELY:
        return None
    return _(
        "You said you have {program}, but from what you entered it looks unlikely. {reason} "
        "The answer keeps your word; the county's notice is what counts."
    ).format(program=_(PROGRAM_LABELS[found.program]), reason=found.reason)
