"""The answer in plain words: what you pay, why, how you could pay $0, and how much you could
earn first. ``ihss soc`` prints these lines before the steps; ``--json`` has them as
``summary``. Words only: the figures come from the rules' result."""

from __future__ import annotations

from ihss_calc.amounts import money_display
from ihss_calc.rules import FREE_WITH, Result

# The payment level's household, as the end of "the payment level for ...".
WHO = {
    "individual": "one person",
    "couple": "a couple",
    "blind_individual": "a blind person",
    "couple_one_blind": "a couple, one of them blind",
    "couple_both_blind": "a couple, both blind",
}
# Kinds of Medi-Cal that mean no share of cost, short, for one sentence.
SHORT = {"ssi": "SSI-linked", "magi": "MAGI", "1619b": "1619(b)", "ad-fpl": "A&D FPL",
         "wdp": "the Working Disabled Program", "pickle": "Pickle"}  # fmt: skip


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
            lines.append(
                f"Your Medi-Cal share of cost, {dollars(mc.share_of_cost)}, is below the IHSS "
                "one: which you owe was not found; ask the county."
            )
        else:
            lines.append(
                f"Your Medi-Cal share of cost is {dollars(mc.share_of_cost)}; you pay the IHSS "
                f"one, and the state pays the other {dollars(mc.buy_out)}."
            )
    if r.assets is not None and r.assets.over_limit:
        lines.append(
            f"But your assets are over Medi-Cal's limit of {dollars(r.assets.limit)}: that "
            "Medi-Cal, and this share of cost with it, may not apply at all."
        )
    return lines


def summary(r: Result) -> str:
    return " ".join(answer_lines(r))


def _what_you_pay(r: Result) -> str:
    if r.free_because_of_medi_cal and r.medi_cal is not None:
        return f"You pay no share of cost: IHSS is free with {r.medi_cal.label}."
    if r.share_of_cost:
        return f"You pay {dollars(r.share_of_cost)} a month for IHSS."
    return "You pay no share of cost for IHSS ($0 a month)."


def _why(r: Result) -> str:
    total, level = dollars(r.countable.total), dollars(r.payment_level.value)
    who = WHO[r.decisive.kind]
    spouse = " with your spouse's income deemed" if r.deemed is r.decisive else ""
    if r.computed_share_of_cost:
        above = dollars(r.computed_share_of_cost)
        why = (
            f"Your countable income{spouse}, {total}, is {above} above the SSI/SSP payment "
            f"level for {who}, {level} ({r.rates.year} rates)."
        )
        if r.free_because_of_medi_cal:
            why = why[:-1] + ", which you would pay without that Medi-Cal."
        return why
    return (
        f"Your countable income{spouse}, {total}, is not above the SSI/SSP payment level for "
        f"{who}, {level} ({r.rates.year} rates)."
    )


def _pay_nothing(r: Result) -> str | None:
    if not r.share_of_cost:
        return None
    over_assets = r.assets is not None and r.assets.over_limit
    wdp = r.wdp
    if r.medi_cal is None and wdp is not None and wdp.likely_eligible and not over_assets:
        return (
            f"You could pay $0 with Medi-Cal's Working Disabled Program (WDP): your countable "
            f"income for it, {dollars(wdp.countable_income)}, is under its limit of "
            f"{dollars(wdp.monthly_limit.value)} a month."
        )
    kinds = [SHORT[p.code] for p in FREE_WITH if not (over_assets and p.asset_test)]
    return f"You could pay $0 with another kind of Medi-Cal: {_either(kinds)} (see --medi-cal)."


def _either(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _headroom(r: Result) -> str | None:
    if r.max_earned_without_soc is not None:
        return f"You could earn up to {dollars(r.max_earned_without_soc)} a month before paying."
    if not r.free_because_of_medi_cal and r.computed_share_of_cost:
        return "There is a share of cost even with no earnings."
    return None
