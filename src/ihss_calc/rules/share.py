"""The IHSS share of cost with every step that led to it (docs/rules.md §1–§2, §8, §9).

``share_of_cost`` puts together countable income, the payment level, rounding, Medi-Cal,
deeming from a spouse who is not aged, blind or disabled, the Medi-Cal share of cost and the
asset limit, and the steps and notes that explain them.
"""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO, money_display
from ihss_calc.i18n import _
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.countable import Computation, Countable, compute
from ihss_calc.rules.deeming import Deeming, deem
from ihss_calc.rules.household import (
    NOT_MODELED,
    Household,
    MediCalProgram,
    check_household,
)
from ihss_calc.rules.incentives import (
    WDP_NOT_FOR_DEEMING,
    Threshold1619b,
    WdpCheck,
    max_earned_without_soc,
    threshold_1619b,
    wdp_check,
)
from ihss_calc.rules.medi_cal import (
    NOT_FOR_DEEMING,
    AssetCheck,
    MediCalShare,
    asset_check,
    medi_cal_share,
    wanted,
)
from ihss_calc.rules.placement import Placement, caution, place, screen_programs
from ihss_calc.rules.screening import Screen
from ihss_calc.rules.steps import Step, deeming_steps, income_steps, level_steps, medi_cal_steps


class Result(NamedTuple):
    household: Household
    rates: Rates
    own: Computation  # the household's own income (a couple's, added together)
    deeming: Deeming | None  # with a spouse who is not aged, blind or disabled
    deemed: Computation | None  # with the spouse's income deemed, when it is
    share_of_cost: Decimal  # 0 when the Medi-Cal program means no share of cost
    medi_cal: MediCalProgram | None
    steps: tuple[Step, ...]
    notes: tuple[str, ...]
    max_earned_without_soc: Decimal | None  # whole cents; None: a share even at 0, or free
    wdp: WdpCheck | None  # only with earnings
    threshold_1619b: Threshold1619b | None  # only with earnings and a threshold on file
    medi_cal_share: MediCalShare | None  # with medically needy Medi-Cal, or when asked
    assets: AssetCheck | None
    programs: tuple[Screen, ...]  # every Medi-Cal program screened, in the county's order
    placement: Placement  # the likely one and what the person pays there
    caution: str | None  # the facts given contradict the --medi-cal given

    @property
    def decisive(self) -> Computation:
        """The computation that gives the share of cost: with deeming, the larger (docs/rules.md §8
        step 6), the deemed one when they are equal."""
        deemed = self.deemed
        return deemed if deemed is not None and deemed.share >= self.own.share else self.own

    @property
    def countable(self) -> Countable:
        return self.decisive.countable

    @property
    def payment_level(self) -> Figure:
        return self.decisive.level

    @property
    def above_level(self) -> Decimal:
        return self.decisive.above

    @property
    def computed_share_of_cost(self) -> Decimal:
        return self.decisive.share

    @property
    def free_because_of_medi_cal(self) -> bool:
        return self.medi_cal is not None and self.medi_cal.no_share_of_cost


def share_of_cost(household: Household, rates: Rates, *, headroom: bool = True) -> Result:
    """The share of cost for ``household`` under ``rates``, with every step that led to it.
    ``headroom=False`` leaves out the search for the most that can be earned before paying
    (``max_earned_without_soc`` None): a what-if sweep asks it once, not at every level."""
    h = household
    check_household(h)
    own = compute(rates, h.kind, h.unearned, h.earned, h.irwe, h.bwe)
    deeming = deem(h, rates)
    deemed = None
    if deeming is not None and deeming.deemed:
        deemed = compute(
            rates,
            h.deemed_kind,
            h.unearned + deeming.deemed_unearned,
            h.earned + deeming.deemed_earned,
            h.irwe,
            h.bwe,
        )
    decisive = deemed if deemed is not None and deemed.share >= own.share else own
    program = h.program
    quantum, mode = rates.rounding.quantum.value, rates.rounding.mode
    share = ZERO.quantize(quantum, rounding=mode) if h.free else decisive.share
    mc_share = None
    if wanted(h) and not h.ineligible_spouse:
        mc_share = medi_cal_share(h, rates, own.countable.total, decisive.share)
    assets = asset_check(h, rates)
    wdp = wdp_check(h, rates)
    steps = [
        *_working(h, rates, own, deeming, deemed, decisive),
        *medi_cal_steps(program, share),
    ]
    programs = screen_programs(h, rates, own, decisive)
    placement = place(h, programs, decisive.share, ZERO.quantize(quantum, rounding=mode))
    said = caution(h, programs)
    notes = _notes(h, rates, decisive.share, program, deeming, mc_share, assets)
    return Result(
        household=h,
        rates=rates,
        own=own,
        deeming=deeming,
        deemed=deemed,
        share_of_cost=share,
        medi_cal=program,
        steps=tuple(steps),
        notes=notes,
        max_earned_without_soc=(
            None if h.free or not headroom else max_earned_without_soc(h, rates)
        ),
        wdp=wdp,
        threshold_1619b=threshold_1619b(h, rates),
        medi_cal_share=mc_share,
        assets=assets,
        programs=programs,
        placement=placement,
        caution=said,
    )


def placement_at(household: Household, rates: Rates) -> Placement:
    """The placement alone, as ``share_of_cost`` finds it, without the steps and notes (the
    household is taken as checked)."""
    h = household
    own = compute(rates, h.kind, h.unearned, h.earned, h.irwe, h.bwe)
    deeming = deem(h, rates)
    decisive = own
    if deeming is not None and deeming.deemed:
        deemed = compute(rates, h.deemed_kind, h.unearned + deeming.deemed_unearned,
                         h.earned + deeming.deemed_earned, h.irwe, h.bwe)  # fmt: skip
        decisive = deemed if deemed.share >= own.share else own
    zero = ZERO.quantize(rates.rounding.quantum.value, rounding=rates.rounding.mode)
    return place(h, screen_programs(h, rates, own, decisive), decisive.share, zero)


def _working(
    h: Household,
    rates: Rates,
    own: Computation,
    deeming: Deeming | None,
    deemed: Computation | None,
    decisive: Computation,
) -> list[Step]:
    """The steps from income to the computed share of cost."""
    if deeming is None:
        entered = _("both members, added together") if h.couple else _("as entered")
        return [
            *income_steps("", own.countable, rates, entered, couple=h.couple),
            *level_steps("", own, rates, _("Share of cost")),
        ]
    steps = [
        *income_steps("own_", own.countable, rates, _("yours, as entered"), couple=False),
        *level_steps("own_", own, rates, _("Share of cost on your own income")),
        *deeming_steps(deeming),
    ]
    if deemed is None:
        steps.append(
            Step("computed_share_of_cost", _("Share of cost"), own.share,
                 _("nothing is deemed: your own share of cost"),
                 "20 CFR 416.1163; docs/rules.md §8")
        )  # fmt: skip
        return steps
    steps += [
        *income_steps(
            "deemed_", deemed.countable, rates, _("yours + your spouse's left, added"), couple=True
        ),
        *level_steps("deemed_", deemed, rates, _("Share of cost with your spouse's income")),
        Step(
            "computed_share_of_cost",
            _("Share of cost: the larger of the two"),
            decisive.share,
            _("deeming never gives a lower share of cost than your own income alone"),
            "SSA Handbook §2168.4",
        ),
    ]
    return steps


class SaidInTheAnswer(str):
    """A note the plain-words answer already says in its own words: the table leaves it out,
    the JSON keeps it (it is a str like any other note)."""

    __slots__ = ()


def _notes(
    h: Household,
    rates: Rates,
    computed: Decimal,
    program: MediCalProgram | None,
    deeming: Deeming | None,
    mc_share: MediCalShare | None,
    assets: AssetCheck | None,
) -> tuple[str, ...]:
    notes: list[str] = []
    if program is not None and program.no_share_of_cost:
        note = _("No share of cost: IHSS is free with {program} ({source}).").format(
            program=_(program.label), source=program.source
        )
        if computed:
            note += " " + _("Without it, the share of cost would be ${amount} a month.").format(
                amount=money_display(computed)
            )
        notes.append(note)
    if deeming is not None:
        notes.extend(_deeming_notes(h, rates, deeming))
    if mc_share is not None:
        notes.extend(mc_share.notes)
    elif wanted(h) and h.ineligible_spouse:
        notes.append(_(NOT_FOR_DEEMING))
    if assets is not None:
        notes.append(assets.note)
    notes.append(_(NOT_MODELED))
    return tuple(notes)


def _deeming_notes(h: Household, rates: Rates, d: Deeming) -> list[str]:
    levels = rates.payment_levels
    difference = levels[h.deemed_kind].value - levels[h.kind].value
    notes = [
        _(
            "Deeming from your spouse uses the allocation amount ${allocation} ({status}: the "
            "federal couple rate less the individual rate). Whether IHSS uses it or the "
            "difference of the SSI/SSP payment levels (${difference}) was not found, so the "
            "county's SOC 294A Part B worksheet may differ (docs/rules.md §8)."
        ).format(
            allocation=money_display(d.allocation.value),
            status=_(d.allocation.status),
            difference=money_display(difference),
        )
    ]
    if any(d.student_earnings):
        found = d.student_exclusion
        if found is None:
            notes.append(
                _(
                    "A student child's earnings up to the student earned income exclusion do "
                    "not reduce that child's allocation (POMS SI 01320.185), but no exclusion "
                    "is on file for {year}: they were counted in full, and the county's "
                    "allocations may be larger."
                ).format(year=rates.year)
            )
        else:
            yearly = rates.student_exclusion_yearly
            notes.append(
                _(
                    "A student child's earnings up to ${monthly} a month do not reduce that "
                    "child's allocation (the student earned income exclusion, {status}; POMS SI "
                    "01320.185). It is for a child under 22 regularly attending school, and at "
                    "most {yearly} a year: earnings already excluded earlier this year are not "
                    "tracked here."
                ).format(
                    monthly=money_display(found.value),
                    status=_(found.status),
                    yearly=_("an amount not on file")
                    if yearly is None
                    else f"${money_display(yearly.value)}",
                )
            )
    if h.earned:
        notes.append(_(WDP_NOT_FOR_DEEMING))
    return notes
