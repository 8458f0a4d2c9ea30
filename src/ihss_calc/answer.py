"""The answer in plain words: what you pay, why, how you could pay $0, and how much you could
earn first. ``ihss soc`` prints these lines before the steps; ``--json`` has them as
``summary``. Words only: the figures come from the rules' result."""

from __future__ import annotations

from ihss_calc.amounts import money_display
from ihss_calc.i18n import N_, _
from ihss_calc.rules import FREE_WITH, Result

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
         "wdp": N_("the Working Disabled Program"), "pickle": "Pickle"}  # fmt: skip


def dollars(amount: object) -> str:
    return f"${money_display(amount)}"  # type: ignore[arg-type]


def answer_lines(r: Result) -> list[str]:
    """The answer block, each line a sentence, most important first."""
    lines = [_what_you_pay(r), _why(r)]
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
    return lines


def summary(r: Result) -> str:
    return " ".join(answer_lines(r))


def _what_you_pay(r: Result) -> str:
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


def _pay_nothing(r: Result) -> str | None:
    if not r.share_of_cost:
        return None
    over_assets = r.assets is not None and r.assets.over_limit
    wdp = r.wdp
    if r.medi_cal is None and wdp is not None and wdp.likely_eligible and not over_assets:
        return _(
            "You could pay $0 with Medi-Cal's Working Disabled Program (WDP): your countable "
            "income for it, {income}, is under its limit of {limit} a month."
        ).format(income=dollars(wdp.countable_income), limit=dollars(wdp.monthly_limit.value))
    kinds = [_(SHORT[p.code]) for p in FREE_WITH if not (over_assets and p.asset_test)]
    return _("You could pay $0 with another kind of Medi-Cal: {kinds} (see --medi-cal).").format(
        kinds=_either(kinds)
    )


def _either(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("{items} or {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _headroom(r: Result) -> str | None:
    if r.max_earned_without_soc is not None:
        return _("You could earn up to {amount} a month before paying.").format(
            amount=dollars(r.max_earned_without_soc)
        )
    if not r.free_because_of_medi_cal and r.computed_share_of_cost:
        return _("There is a share of cost even with no earnings.")
    return None
