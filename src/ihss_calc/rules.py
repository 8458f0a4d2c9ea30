"""The IHSS share of cost: pure functions over Decimal, no I/O, no click, no rich.

The method is DB101's (the seed page), made exact by SSA's rules for countable income:

1. countable unearned = unearned − the $20 general income exclusion, not below 0;
2. the unused part of the $20 comes off earned income (POMS SI 00810.420 A.3);
3. countable earned = (earned − unused $20 − $65 − IRWE, not below 0) × one-half − BWE,
   not below 0 (POMS SI 00820.500; 20 CFR 416.1112(c));
4. total countable income = countable unearned + countable earned;
5. share of cost = total − the SSI/SSP payment level, or 0 (CDSS SOC 294A, A13 − A14 = A15),
   rounded by the rates file's rule; 0 with certain kinds of Medi-Cal.

``countable_income`` does the arithmetic and nothing else (batch work calls it directly);
``share_of_cost`` adds the payment level, rounding, Medi-Cal and the steps that explain it.
Every figure comes from ``Rates``; the only numbers here are 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ihss_calc.amounts import MAX_AMOUNT, ZERO, money_display
from ihss_calc.rates import Figure, Rates

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class MediCalProgram:
    code: str
    label: str
    no_share_of_cost: bool
    source: str


MEDI_CAL: dict[str, MediCalProgram] = {
    p.code: p
    for p in (
        MediCalProgram("ssi", "SSI-linked Medi-Cal", True, "DB101 IHSS page, What You Pay"),
        MediCalProgram(
            "magi",
            'income-based (MAGI, "expansion") Medi-Cal',
            True,
            "DB101 IHSS page, What You Pay",
        ),
        MediCalProgram("1619b", "Medi-Cal through SSI 1619(b)", True, "DB101 IHSS page"),
        MediCalProgram(
            "wdp", "Medi-Cal's Working Disabled Program (WDP)", True, "DB101 IHSS page; DHCS WDP"
        ),
        MediCalProgram(
            "ad-fpl",
            "the Aged & Disabled Federal Poverty Level program",
            True,
            "Disability Rights California, IHSS Nuts & Bolts ch. 6; CANHR A&D FPL fact sheet",
        ),
        MediCalProgram(
            "pickle",
            "the Pickle program",
            True,
            "Disability Rights California, IHSS Nuts & Bolts ch. 6",
        ),
        MediCalProgram(
            "medically-needy",
            "medically needy (share-of-cost) Medi-Cal",
            False,
            "DB101 IHSS page, What You Pay",
        ),
        MediCalProgram("none", "no Medi-Cal", False, "DB101 IHSS page, What You Pay"),
    )
}
FREE_WITH = tuple(p for p in MEDI_CAL.values() if p.no_share_of_cost)

HOUSEHOLD_LABELS = {
    "individual": "individual",
    "couple": "couple",
    "blind_individual": "blind individual",
    "couple_one_blind": "couple, one blind",
    "couple_both_blind": "couple, both blind",
}

NOT_MODELED = (
    "Not modeled: the separate Medi-Cal share of cost and state buy-out for Medi-Cal-funded "
    "IHSS (PCSP, IPO, CFCO; 22 CCR 50653); income deemed from a spouse who is not aged, blind "
    "or disabled (SOC 294A part B); living anywhere but your own home with cooking facilities."
)


class InputProblem(ValueError):
    """Inputs the rules cannot take. ``field`` is the input's name (``bwe``, ``spouse_blind``)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True, slots=True)
class Household:
    """Who is asking and their monthly income. Amounts are Decimal dollars, 0 or more."""

    unearned: Decimal = ZERO
    earned: Decimal = ZERO
    irwe: Decimal = ZERO
    bwe: Decimal = ZERO
    couple: bool = False
    blind: bool = False
    spouse_blind: bool = False
    medi_cal: str | None = None
    disability_income: Decimal = ZERO  # the part of unearned that is disability benefits (WDP)

    @property
    def kind(self) -> str:
        """The payment level that applies: one of ``rates.HOUSEHOLD_KINDS``."""
        if not self.couple:
            return "blind_individual" if self.blind else "individual"
        blind_count = self.blind + self.spouse_blind
        return ("couple", "couple_one_blind", "couple_both_blind")[blind_count]


def check_household(household: Household) -> None:
    """Raise ``InputProblem`` for inputs the rules do not allow (RULES.md §1.3)."""
    for name in ("unearned", "earned", "irwe", "bwe", "disability_income"):
        amount: Decimal = getattr(household, name)
        if not amount.is_finite() or amount < 0:
            raise InputProblem(name, f"{amount} is not an amount of 0 or more")
        if amount > MAX_AMOUNT:
            raise InputProblem(name, f"{amount} is more than {money_display(MAX_AMOUNT)}")
    if household.disability_income > household.unearned:
        raise InputProblem(
            "disability_income",
            f"{money_display(household.disability_income)} is more than the unearned income, "
            f"{money_display(household.unearned)}: disability benefits are part of it",
        )
    if household.spouse_blind and not household.couple:
        raise InputProblem(
            "spouse_blind", "a blind spouse needs a couple, and the household is not a couple"
        )
    if household.bwe and not (household.blind or household.spouse_blind):
        raise InputProblem(
            "bwe",
            "blind work expenses (BWE) are for blind people, and no one in the household "
            "is marked blind (POMS SI 00820.535)",
        )
    if household.irwe and household.kind in ("blind_individual", "couple_both_blind"):
        raise InputProblem(
            "irwe",
            "impairment-related work expenses (IRWE) are for people who are not blind; "
            "a blind person's work expenses are BWE (POMS SI 00820.540)",
        )
    if household.medi_cal is not None and household.medi_cal not in MEDI_CAL:
        raise InputProblem(
            "medi_cal", f"{household.medi_cal!r} is not one of {', '.join(MEDI_CAL)}"
        )


@dataclass(frozen=True, slots=True)
class Countable:
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
    """RULES.md §1 steps 1–4, exact: the arithmetic and nothing else, for one case.

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
    """Total countable income (RULES.md §1 steps 1–4) with the rates file's figures."""
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
    """RULES.md §1 step 5: what is above the payment level (exact, not below 0), and that
    rounded by the rates file's rule (to the cent, a half cent down): SOC 294A A15."""
    above = total - level if total > level else ZERO
    return above, above.quantize(quantum, rounding=mode)


@dataclass(frozen=True, slots=True)
class Step:
    """One line of the working: what it is, its amount, the rule and the figures it used."""

    id: str
    label: str
    amount: Decimal
    rule: str
    source: str
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    household: Household
    rates: Rates
    countable: Countable
    payment_level: Figure
    above_level: Decimal  # total countable income − payment level, not below 0, exact
    computed_share_of_cost: Decimal  # above_level, rounded
    share_of_cost: Decimal  # 0 when the Medi-Cal program means no share of cost
    medi_cal: MediCalProgram | None
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    max_earned_without_soc: Decimal | None  # whole cents; None: a share even at 0, or free
    wdp: WdpCheck | None  # only with earnings
    threshold_1619b: Threshold1619b | None  # only with earnings and a threshold on file

    @property
    def free_because_of_medi_cal(self) -> bool:
        return self.medi_cal is not None and self.medi_cal.no_share_of_cost


def share_of_cost(household: Household, rates: Rates) -> Result:
    """The share of cost for ``household`` under ``rates``, with every step that led to it."""
    check_household(household)
    c = countable_income(household.unearned, household.earned, household.irwe, household.bwe, rates)
    level = rates.payment_levels[household.kind]
    quantum, mode = rates.rounding.quantum.value, rates.rounding.mode
    above, computed = above_and_share(c.total, level.value, quantum, mode)
    program = MEDI_CAL[household.medi_cal] if household.medi_cal else None
    free = program is not None and program.no_share_of_cost
    share = ZERO.quantize(quantum, rounding=mode) if free else computed
    steps = _steps(household, rates, c, level, above, computed, program, share)
    wdp = wdp_check(household, rates)
    return Result(
        household=household,
        rates=rates,
        countable=c,
        payment_level=level,
        above_level=above,
        computed_share_of_cost=computed,
        share_of_cost=share,
        medi_cal=program,
        steps=steps,
        notes=_notes(computed, program, wdp),
        max_earned_without_soc=None if free else max_earned_without_soc(household, rates),
        wdp=wdp,
        threshold_1619b=threshold_1619b(household, rates),
    )


def _steps(
    h: Household,
    rates: Rates,
    c: Countable,
    level: Figure,
    above: Decimal,
    computed: Decimal,
    program: MediCalProgram | None,
    share: Decimal,
) -> tuple[Step, ...]:
    general = rates.general_exclusion
    earned_x = rates.earned_exclusion
    half = rates.earned_share_excluded
    entered = "both members, added together" if h.couple else "as entered"
    per_couple = ", one per couple" if h.couple else ""
    steps = [
        Step("unearned", "Unearned income", c.unearned, entered, "input"),
        Step(
            "general_exclusion_unearned",
            "General income exclusion",
            -c.general_on_unearned,
            f"${money_display(general.value)} off unearned income{per_couple}",
            "POMS SI 00810.420; 20 CFR 416.1124",
            (general,),
        ),
        Step(
            "countable_unearned_income",
            "Countable unearned income",
            c.countable_unearned,
            "not below 0",
            "POMS SI 00830.050",
        ),
        Step("earned", "Earned income", c.earned, entered, "input"),
        Step(
            "general_exclusion_earned",
            "Unused part of the general exclusion",
            -c.general_on_earned,
            "what unearned income left of it comes off earnings",
            "POMS SI 00810.420 A.3",
            (general,),
        ),
        Step(
            "earned_income_exclusion",
            "Earned income exclusion",
            -c.earned_exclusion,
            f"${money_display(earned_x.value)} off earnings{per_couple}",
            "POMS SI 00820.500; 20 CFR 416.1112(c)",
            (earned_x,),
        ),
        Step(
            "irwe",
            "Impairment-related work expenses",
            -c.irwe,
            "before halving",
            "POMS SI 00820.540",
        ),
        Step(
            "earned_after_exclusions",
            "Earnings left",
            c.after_exclusions,
            "not below 0",
            "POMS SI 00820.500",
        ),
        Step(
            "one_half_excluded",
            "One-half excluded",
            -c.half_excluded,
            f"{half.value} of what is left is not counted",
            "20 CFR 416.1112(c)",
            (half,),
        ),
        Step(
            "bwe",
            "Blind work expenses",
            -c.bwe,
            "after halving, not below 0",
            "POMS SI 00820.535",
        ),
        Step(
            "countable_earned_income",
            "Countable earned income",
            c.countable_earned,
            "what is left of earnings",
            "POMS SI 00820.500",
        ),
        Step(
            "total_countable_income",
            "Total countable income",
            c.total,
            "countable unearned + countable earned",
            "CDSS SOC 294A line A13",
        ),
        Step(
            "payment_level",
            "SSI/SSP payment level",
            level.value,
            f"{HOUSEHOLD_LABELS[h.kind]}, {rates.year}",
            "SSI + California SSP (W&IC 12200); SOC 294A line A14",
            (level, *level.parts),
        ),
        Step(
            "above_payment_level",
            "Above the payment level",
            above,
            "total − level, or 0; kept exact",
            "CDSS SOC 294A line A15",
        ),
        Step(
            "computed_share_of_cost",
            "Share of cost",
            computed,
            f"rounded to {rates.rounding.quantum.value}, a half cent in your favour",
            f"rates file: rounding {rates.rounding.mode}",
            (rates.rounding.quantum,),
        ),
    ]
    if program is not None and program.no_share_of_cost:
        steps.append(
            Step(
                "medi_cal",
                "Share of cost with your Medi-Cal",
                share,
                f"no share of cost with {program.label}",
                program.source,
            )
        )
    return tuple(steps)


def _notes(
    computed: Decimal, program: MediCalProgram | None, wdp: WdpCheck | None
) -> tuple[str, ...]:
    notes = []
    if computed and program is None and wdp is not None and wdp.likely_eligible:
        notes.append(
            f"You may qualify for Medi-Cal's Working Disabled Program (WDP): your countable "
            f"income for WDP, ${money_display(wdp.countable_income)}, is under its limit of "
            f"${money_display(wdp.monthly_limit.value)} a month. WDP has no premium and means "
            f"no IHSS share of cost (DHCS WDP; DB101 IHSS page)."
        )
    if program is not None and program.no_share_of_cost:
        notes.append(
            f"No share of cost: IHSS is free with {program.label} ({program.source})."
            + (
                f" Without it, the share of cost would be ${money_display(computed)} a month."
                if computed
                else ""
            )
        )
    elif computed and program is None:
        names = "; ".join(p.label for p in FREE_WITH)
        notes.append(f"This share of cost would be 0 with any of: {names} (see --medi-cal).")
    notes.append(NOT_MODELED)
    return tuple(notes)


# -- work incentives (RULES.md §5) ------------------------------------------------------------


def share_at_earnings(household: Household, rates: Rates, earned: Decimal) -> Decimal:
    """The share of cost (rounded, before Medi-Cal) with ``earned`` in place of the earnings."""
    total = total_countable(household.unearned, earned, household.irwe, household.bwe, rates)
    return share_from_total(household, rates, total)


def share_from_total(household: Household, rates: Rates, total: Decimal) -> Decimal:
    level = rates.payment_levels[household.kind].value
    return above_and_share(total, level, rates.rounding.quantum.value, rates.rounding.mode)[1]


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
    if share_at_earnings(household, rates, ZERO):
        return None
    return largest_cents(lambda earned: not share_at_earnings(household, rates, earned))


@dataclass(frozen=True, slots=True)
class WdpCheck:
    """Medi-Cal's Working Disabled Program, roughly: countable income, counted as RULES.md §1
    with disability income left out, under 250% of the poverty level (DHCS WDP page)."""

    monthly_limit: Figure
    disability_income: Decimal
    countable_income: Decimal
    likely_eligible: bool


def wdp_countable_income(household: Household, rates: Rates, earned: Decimal) -> Decimal:
    """RULES.md §1 with disability income left out: the unused part of the $20 still carries
    to earnings, and IRWE still come off."""
    unearned = household.unearned - household.disability_income
    return total_countable(unearned, earned, household.irwe, household.bwe, rates)


def wdp_limit(household: Household, rates: Rates) -> Figure | None:
    return rates.wdp_income_limits.get("couple" if household.couple else "individual")


def wdp_check(household: Household, rates: Rates) -> WdpCheck | None:
    """The WDP check for a household with earnings; None without earnings (WDP is for people
    who work) or when the rates file has no WDP limit."""
    limit = wdp_limit(household, rates)
    if not household.earned or limit is None:
        return None
    countable = wdp_countable_income(household, rates, household.earned)
    return WdpCheck(
        monthly_limit=limit,
        disability_income=household.disability_income,
        countable_income=countable,
        likely_eligible=countable < limit.value,
    )


def max_earned_under_wdp_limit(household: Household, rates: Rates) -> Decimal | None:
    """The largest earnings, in whole cents, at which WDP's countable income is still under
    its limit; None without a limit on file or when it is reached with no earnings."""
    limit = wdp_limit(household, rates)
    if limit is None:
        return None

    def under(earned: Decimal) -> bool:
        return wdp_countable_income(household, rates, earned) < limit.value

    return largest_cents(under) if under(ZERO) else None


@dataclass(frozen=True, slots=True)
class Threshold1619b:
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


@dataclass(frozen=True, slots=True)
class Point:
    """One earnings level of a what-if sweep."""

    earned: Decimal
    total_countable_income: Decimal
    share_of_cost: Decimal  # after Medi-Cal, as ``share_of_cost`` gives it
    wdp_countable_income: Decimal
    wdp_likely_eligible: bool | None  # None without earnings or without a limit on file


def sweep(household: Household, rates: Rates, earnings: list[Decimal]) -> list[Point]:
    """The share of cost at each earnings level, the other inputs as given: what
    ``share_of_cost`` would say for each, without the steps."""
    check_household(household)
    program = MEDI_CAL[household.medi_cal] if household.medi_cal else None
    free = program is not None and program.no_share_of_cost
    quantum, mode = rates.rounding.quantum.value, rates.rounding.mode
    zero = ZERO.quantize(quantum, rounding=mode)
    limit = wdp_limit(household, rates)
    points = []
    for earned in earnings:
        total = total_countable(household.unearned, earned, household.irwe, household.bwe, rates)
        share = share_from_total(household, rates, total)
        wdp_countable = wdp_countable_income(household, rates, earned)
        points.append(
            Point(
                earned=earned,
                total_countable_income=total,
                share_of_cost=zero if free else share,
                wdp_countable_income=wdp_countable,
                wdp_likely_eligible=(
                    None if limit is None or not earned else wdp_countable < limit.value
                ),
            )
        )
    return points


@dataclass(frozen=True, slots=True)
class WhatIf:
    """A sweep over earnings, and the exact earnings where things change."""

    household: Household  # its ``earned`` is not used
    rates: Rates
    earnings: tuple[Decimal, ...]
    step: Decimal
    points: tuple[Point, ...]
    max_earned_without_soc: Decimal | None
    max_earned_under_wdp_limit: Decimal | None
    wdp_limit: Figure | None


def what_if(household: Household, rates: Rates, earnings: list[Decimal], step: Decimal) -> WhatIf:
    """``ihss whatif``: the share of cost at each earnings level."""
    points = sweep(household, rates, earnings)
    program = MEDI_CAL[household.medi_cal] if household.medi_cal else None
    free = program is not None and program.no_share_of_cost
    return WhatIf(
        household=household,
        rates=rates,
        earnings=tuple(earnings),
        step=step,
        points=tuple(points),
        max_earned_without_soc=None if free else max_earned_without_soc(household, rates),
        max_earned_under_wdp_limit=max_earned_under_wdp_limit(household, rates),
        wdp_limit=wdp_limit(household, rates),
    )
