"""The Medi-Cal share of cost beside the IHSS one, the state buy-out, and assets (docs/rules.md §9).

- Medi-Cal share of cost (22 CCR 50653(a)(1)): net nonexempt income, rounded to the nearest
  dollar, less the maintenance need, not below 0.
- Net nonexempt income: the same $20, $65 and one-half as the IHSS share of cost, less the
  health insurance premiums the person pays (22 CCR 50555.2).
- State buy-out: the Medi-Cal share of cost less the IHSS one, when positive (CDSS ACL 06-13).
  Which is owed when the Medi-Cal share is the smaller was not found: that is said, not guessed.
- Assets (from 2026): non-MAGI Medi-Cal has an asset limit again (DHCS ACWDL 25-14).

Pure functions; every figure from ``Rates``.
"""

from decimal import Decimal
from typing import NamedTuple

from ihss_calc.amounts import ZERO, money_display
from ihss_calc.i18n import N_, _, ngettext
from ihss_calc.rates import Figure, Rates
from ihss_calc.rules.household import Household
from ihss_calc.rules.steps import Step


class MediCalShare(NamedTuple):
    countable_income: Decimal
    health_premiums: Decimal
    net_nonexempt_income: Decimal
    rounded_income: Decimal
    maintenance_need: Figure
    share_of_cost: Decimal  # whole dollars
    ihss_share_of_cost: Decimal
    buy_out: Decimal | None  # None: the Medi-Cal share is below the IHSS one (rule not found)
    steps: tuple[Step, ...]
    notes: tuple[str, ...]


def wanted(household: Household) -> bool:
    """Whether the Medi-Cal share of cost is shown: with medically needy Medi-Cal, or asked."""
    return household.medi_cal == "medically-needy" or household.medi_cal_soc


def medi_cal_share(
    household: Household, rates: Rates, countable_income: Decimal, ihss_share: Decimal
) -> MediCalShare:
    """The Medi-Cal share of cost for one person or a couple, from their countable income
    (docs/rules.md §1, the same $20, $65 and one-half) and the IHSS share of cost it sits beside."""
    h = household
    premiums = h.health_premiums
    net = countable_income - premiums if countable_income > premiums else ZERO
    rounding = rates.medi_cal_rounding
    rounded = net.quantize(rounding.quantum.value, rounding=rounding.mode)
    need = rates.maintenance_need["two_adults" if h.couple else "one_person"]
    above = rounded - need.value if rounded > need.value else ZERO
    share = above.quantize(rounding.quantum.value, rounding=rounding.mode)  # whole dollars
    buy_out = share - ihss_share if share >= ihss_share else None
    steps = [
        Step("countable_income", _("Countable income"), countable_income,
             _("the same $20, $65 and one-half as the IHSS share of cost"),
             "22 CCR 50549.2, 50551.2; DB101 Countable Income Calculation"),
        Step("health_premiums", _("Health insurance premiums"), -(countable_income - net),
             _("what you pay, Medicare Part B included; not below 0"), "22 CCR 50555.2"),
        Step("net_nonexempt_income", _("Net nonexempt income"), net, _("income less premiums"),
             "22 CCR 50653(a)(1)"),
        Step("rounded_income", _("Rounded to the dollar"), rounded,
             _("to {quantum}, 50 cents or more up ({mode})").format(
                 quantum=rounding.quantum.value, mode=rounding.mode),
             "22 CCR 50653(a)(1)", (rounding.quantum,)),
        Step("maintenance_need", _("Maintenance need"), -need.value, _(need.label),
             "22 CCR 50653", (need,)),
        Step("share_of_cost", _("Medi-Cal share of cost"), share,
             _("rounded income − maintenance need, not below 0"), "22 CCR 50653(a)(1)"),
        Step("ihss_share_of_cost", _("IHSS share of cost"), ihss_share,
             _("what you pay your provider, worked out above"), "CDSS ACL 05-35"),
    ]  # fmt: skip
    if buy_out is not None:
        steps.append(
            Step("buy_out", _("State buy-out"), buy_out,
                 _("Medi-Cal share − IHSS share: the state pays it, not you"),
                 "CDSS ACL 06-13; Disability Rights California, IHSS Nuts & Bolts ch. 6")
        )  # fmt: skip
    shares = {"ihss": money_display(ihss_share), "medi_cal": money_display(share)}
    notes = [
        _(
            "You pay the IHSS share of cost, ${ihss}, not the Medi-Cal share of cost, "
            "${medi_cal}. Medi-Cal bills earlier in the month can lower what you hand your "
            "provider; the county's Explanation of IHSS SOC letter, sent after each pay period, "
            "is the authority (CDSS ACL 05-35; docs/rules.md §9)."
        ).format(**shares)
    ]
    if buy_out is None:
        notes.append(
            _(
                "Your Medi-Cal share of cost, ${medi_cal}, is below your IHSS share of cost, "
                "${ihss}. Which one you owe in that case was not found in the rules ihss "
                "follows, so it does not pick one: ask the county."
            ).format(**shares)
        )
    if h.irwe or h.bwe:
        notes.append(
            _(
                "Work expenses (IRWE, BWE) are taken off as for the IHSS share of cost; whether "
                "Medi-Cal takes them off too was not found."
            )
        )
    return MediCalShare(
        countable_income=countable_income,
        health_premiums=premiums,
        net_nonexempt_income=net,
        rounded_income=rounded,
        maintenance_need=need,
        share_of_cost=share,
        ihss_share_of_cost=ihss_share,
        buy_out=buy_out,
        steps=tuple(steps),
        notes=tuple(notes),
    )


NOT_FOR_DEEMING = N_(
    "The Medi-Cal share of cost with a spouse who is not aged, blind or disabled is not shown: "
    "how Medi-Cal counts that spouse's income was not found in the rules ihss follows "
    "(docs/rules.md §9 gives one person and two adults)."
)


class AssetCheck(NamedTuple):
    assets: Decimal | None  # None: not given
    persons: int
    limit: Decimal | None  # None: no limit on file for the year
    figures: tuple[Figure, ...]
    applies: bool  # False with MAGI or SSI-linked Medi-Cal
    over_limit: bool | None  # None: not given, no limit, or the limit does not apply
    note: str


def asset_check(household: Household, rates: Rates) -> AssetCheck | None:
    """The non-MAGI Medi-Cal asset limit for the household's size, against ``--assets``; None
    when there is nothing to say (no assets given and no limit on file)."""
    h = household
    figures = rates.asset_limit
    if h.assets is None and not figures:
        return None
    program = h.program
    applies = program is None or program.asset_test
    limit = None
    used: tuple[Figure, ...] = ()
    if figures:
        first, more = figures["first_person"], figures["each_additional"]
        limit = first.value + more.value * (h.persons - 1)
        used = (first, more)
    over = None if h.assets is None or limit is None or not applies else h.assets > limit
    people = ngettext("{n} person", "{n} people", h.persons).format(n=h.persons)
    if limit is None:
        note = _("No Medi-Cal asset limit is on file for {year}; --assets was not checked.")
        note = note.format(year=rates.year)
    elif not applies and program is not None:
        note = (
            _("MAGI Medi-Cal has no asset limit.")
            if program.code == "magi"
            else _("{program} keeps SSI's own asset limit, which ihss does not check.").format(
                program=_(program.label)
            )
        )
    elif h.assets is None:
        note = _(
            "In {year}, non-MAGI Medi-Cal has an asset limit: ${limit} for {people} (DHCS "
            "ACWDL 25-14). Give your countable assets (--assets) to check."
        ).format(year=rates.year, limit=money_display(limit), people=people)
    elif over:
        note = _(
            "Your countable assets, ${assets}, are over the Medi-Cal asset limit of ${limit} "
            "for {people} (DHCS ACWDL 25-14): non-MAGI Medi-Cal, and with it share-of-cost "
            "Medi-Cal, the Working Disabled Program and the A&D FPL program, is out of reach, "
            "and the IHSS share of cost worked out here may not apply at all."
        ).format(assets=money_display(h.assets), limit=money_display(limit), people=people)
    else:
        note = _(
            "Your countable assets, ${assets}, are within the Medi-Cal asset limit of ${limit} "
            "for {people} (DHCS ACWDL 25-14)."
        ).format(assets=money_display(h.assets), limit=money_display(limit), people=people)
    return AssetCheck(
        assets=h.assets,
        persons=h.persons,
        limit=limit,
        figures=used,
        applies=applies,
        over_limit=over,
        note=note,
    )
