"""The answer in plain words: what you pay, why, how you could pay $0, and how much you could
earn first. ``ihss soc`` prints these lines before the steps; ``--json`` has them as
``summary``. Words only: the figures come from the rules' result."""

from __future__ import annotations

from ihss_calc.amounts import money_display
from ihss_calc.i18n import N_, _
from ihss_calc.rules import LIKELY, PROGRAM_LABELS, SCREEN_NOTE, Result, could_pay_nothing
from ihss_calc.rules.screening import Screen, month_name

# The payment level's household, as the end of "the payment level for ...".
WHO = {
    "individual": N_("one person"),
    "couple": N_("a couple"),
    "blind_individual": N_("a blind person"),
    "couple_one_blind": N_("a couple, one of them blind"),
    "couple_both_blind": N_("a couple, both blind"),
}
# Kinds of Medi-Cal that mean no share of cost, short, for one sentence.
SHORT = {"ssi": N_("SSI-linked"), "magi": "MAGI", "1619b": "1619(b)", "ad-fpl": "A&D FPL",
         "wdp": N_("the Working Disabled Program"), "pickle": "Pickle",
         "dac": N_("Disabled Adult Child"), "dw": N_("disabled widow(er)s"),
         "medically-needy": N_("medically needy (share of cost)"),
         "none": N_("no Medi-Cal")}  # fmt: skip


def dollars(amount: object) -> str:
    return f"${money_display(amount)}"  # type: ignore[arg-type]


def answer_lines(r: Result) -> list[str]:
    """The answer block, each line a sentence, most important first."""
    lines = [_what_you_pay(r)]
    placed, screen = r.placement, _free_screen(r)
    if screen is not None and r.computed_share_of_cost:
        lines.append(_("On share-of-cost Medi-Cal you would pay {amount}.").format(
            amount=dollars(r.computed_share_of_cost)))  # fmt: skip
    lines.append(_why(r))
    if screen is not None and not r.computed_share_of_cost:
        line = _("You appear to qualify for {program}: {reason}")
        lines.append(line.format(program=_(PROGRAM_LABELS[placed.program]),
                                 reason=_lower_first(screen.reason)))  # fmt: skip
    if r.caution:
        lines.append(r.caution)
    free = _pay_nothing(r)
    if free:
        lines.append(free)
    headroom = _headroom(r)
    if headroom:
        lines.append(headroom)
    mc = r.medi_cal_share
    if mc is not None:
        if mc.buy_out is None:
            line = _(
                "Your Medi-Cal share of cost, {medi_cal}, is below the IHSS one: which you owe "
                "was not found; ask the county."
            )
        else:
            line = _(
                "Your Medi-Cal share of cost is {medi_cal}; you pay the IHSS one, and the state "
                "pays the other {buy_out}."
            )
        buy_out = "" if mc.buy_out is None else dollars(mc.buy_out)
        lines.append(line.format(medi_cal=dollars(mc.share_of_cost), buy_out=buy_out))
    if r.assets is not None and r.assets.over_limit:
        lines.append(
            _(
                "But your assets are over Medi-Cal's limit of {limit}: that Medi-Cal, and this "
                "share of cost with it, may not apply at all."
            ).format(limit=dollars(r.assets.limit))
        )
    year = r.rates.year
    screened = _("Medi-Cal screened for {month} {year}.").format(
        month=month_name(r.household.month), year=year
    )
    lines.append(f"{screened} {_(SCREEN_NOTE)}")
    return lines


def summary(r: Result) -> str:
    return " ".join(answer_lines(r))


def _free_screen(r: Result) -> Screen | None:
    """The screen of the program the person is placed in (not told of), when it has no share
    of cost."""
    placed = r.placement
    if placed.given or placed.program == "medically-needy" or placed.share_of_cost:
        return None
    return placed.screen


def _what_you_pay(r: Result) -> str:
    placed = r.placement
    free = _free_screen(r)
    if free is not None and r.computed_share_of_cost:
        return _(
            "You likely pay $0 for IHSS: you appear to qualify for {program}: {reason}"
        ).format(program=_(PROGRAM_LABELS[placed.program]), reason=_lower_first(free.reason))
    if r.free_because_of_medi_cal and r.medi_cal is not None:
        return _("You pay no share of cost: IHSS is free with {program}.").format(
            program=_(r.medi_cal.label)
        )
    if r.share_of_cost:
        return _("You pay {amount} a month for IHSS.").format(amount=dollars(r.share_of_cost))
    return _("You pay no share of cost for IHSS ($0 a month).")


def _why(r: Result) -> str:
    figures = {
        "total": dollars(r.countable.total),
        "level": dollars(r.payment_level.value),
        "who": _(WHO[r.decisive.kind]),
        "year": r.rates.year,
        "above": dollars(r.computed_share_of_cost),
    }
    deemed = r.deemed is r.decisive
    if not r.computed_share_of_cost:
        why = (
            _(
                "Your countable income with your spouse's income deemed, {total}, is not above "
                "the SSI/SSP payment level for {who}, {level} ({year} rates)."
            )
            if deemed
            else _(
                "Your countable income, {total}, is not above the SSI/SSP payment level for "
                "{who}, {level} ({year} rates)."
            )
        )
    elif r.free_because_of_medi_cal:
        why = (
            _(
                "Your countable income with your spouse's income deemed, {total}, is {above} "
                "above the SSI/SSP payment level for {who}, {level} ({year} rates), which you "
                "would pay without that Medi-Cal."
            )
            if deemed
            else _(
                "Your countable income, {total}, is {above} above the SSI/SSP payment level for "
                "{who}, {level} ({year} rates), which you would pay without that Medi-Cal."
            )
        )
    else:
        why = (
            _(
                "Your countable income with your spouse's income deemed, {total}, is {above} "
                "above the SSI/SSP payment level for {who}, {level} ({year} rates)."
            )
            if deemed
            else _(
                "Your countable income, {total}, is {above} above the SSI/SSP payment level for "
                "{who}, {level} ({year} rates)."
            )
        )
    return why.format(**figures)


def _lower_first(sentence: str) -> str:
    """A sentence that goes on after a colon: "Your income …" -> "your income …" (not an
    initialism such as "MAGI")."""
    if len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence


def _pay_nothing(r: Result) -> str | None:
    """The programs with no share of cost that are likely or possible, with what each needs;
    only when the person pays a share of cost where they are."""
    if r.placement.share_of_cost is not None and not r.placement.share_of_cost:
        return None  # placed with no share of cost (none: no Medi-Cal fits; said below)
    found = [s for s in could_pay_nothing(r.programs) if s.program != r.household.medi_cal]
    if not found:
        return _("No Medi-Cal program without a share of cost appears to fit what you entered.")
    kinds = []
    for screen in found:
        name = _(SHORT[screen.program])
        if screen.status == LIKELY:
            kinds.append(name)
        else:
            kinds.append(
                _("{program} (possible: it depends on {needs})").format(
                    program=name, needs="; ".join(screen.needs)
                )
            )
    return _("You could pay $0 with {kinds}.").format(kinds=_either(kinds))


def _either(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _headroom(r: Result) -> str | None:
    if _free_screen(r) is not None and r.computed_share_of_cost:
        return None  # the headroom is on share-of-cost Medi-Cal; the placement is not
    if r.max_earned_without_soc is not None:
        return _("You could earn up to {amount} a month before paying.").format(
            amount=dollars(r.max_earned_without_soc)
        )
    if not r.free_because_of_medi_cal and r.computed_share_of_cost:
        return _("There is a share of cost even with no earnings.")
    return None
