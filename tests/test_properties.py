"""Properties that must hold for every household, whatever the income (hypothesis)."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from ihss_calc.jsonout import dumps, result_dict
from ihss_calc.rates import Rates, load_bundled
from ihss_calc.rules import Household, countable_income, share_of_cost

RATES: Rates = load_bundled(2022)
D = Decimal
ONE_DOLLAR = D("1")

# Whole cents up to a million dollars a month; most draws near the thresholds that matter.
cents = st.one_of(
    st.integers(min_value=0, max_value=300_000),
    st.integers(min_value=0, max_value=100_000_000),
).map(lambda n: D(n).scaleb(-2))


@st.composite
def households(draw: st.DrawFn) -> Household:
    couple = draw(st.booleans())
    blind = draw(st.booleans())
    spouse_blind = couple and draw(st.booleans())
    household = Household(couple=couple, blind=blind, spouse_blind=spouse_blind)
    someone_blind = blind or spouse_blind
    someone_not_blind = household.kind not in ("blind_individual", "couple_both_blind")
    return Household(
        unearned=draw(cents),
        earned=draw(cents),
        irwe=draw(cents) if someone_not_blind else D(0),
        bwe=draw(cents) if someone_blind else D(0),
        couple=couple,
        blind=blind,
        spouse_blind=spouse_blind,
    )


def with_(h: Household, **changes: object) -> Household:
    return h._replace(**changes)  # type: ignore[arg-type]


@given(households())
@example(Household(unearned=D("1060.21")))
@example(Household(earned=D("100.01")))
def test_share_of_cost_is_never_negative_and_always_in_cents(h: Household) -> None:
    result = share_of_cost(h, RATES)
    assert result.share_of_cost >= 0
    assert result.share_of_cost == result.share_of_cost.quantize(D("0.01"))
    assert abs(result.share_of_cost - result.above_level) <= D("0.005")
    assert result.countable.total == result.countable.countable_unearned + (
        result.countable.countable_earned
    )


@given(households(), cents, st.sampled_from(["unearned", "earned"]))
@example(Household(unearned=D("20")), D("0.01"), "unearned")
@example(Household(earned=D("85")), D("0.01"), "earned")
@example(Household(unearned=D("1060.21")), D("0.01"), "unearned")
def test_share_of_cost_never_falls_when_income_rises(
    h: Household, more: Decimal, which: str
) -> None:
    before = share_of_cost(h, RATES)
    after = share_of_cost(with_(h, **{which: getattr(h, which) + more}), RATES)
    assert after.share_of_cost >= before.share_of_cost
    assert after.countable.total >= before.countable.total


@given(households())
@example(Household(earned=D("84.50")))
@example(Household(earned=D("85")))
@example(Household(unearned=D("10"), earned=D("74.99")))
def test_one_more_dollar_earned_adds_at_most_fifty_cents(h: Household) -> None:
    before = countable_income(h.unearned, h.earned, h.irwe, h.bwe, RATES).total
    after = countable_income(h.unearned, h.earned + ONE_DOLLAR, h.irwe, h.bwe, RATES).total
    assert D(0) <= after - before <= D("0.50")


@given(households(), cents)
def test_work_expenses_never_raise_countable_income(h: Household, extra: Decimal) -> None:
    base = countable_income(h.unearned, h.earned, D(0), D(0), RATES).total
    with_expenses = countable_income(h.unearned, h.earned, h.irwe, h.bwe, RATES).total
    assert with_expenses <= base
    more_irwe = countable_income(h.unearned, h.earned, h.irwe + extra, h.bwe, RATES).total
    more_bwe = countable_income(h.unearned, h.earned, h.irwe, h.bwe + extra, RATES).total
    assert more_irwe <= with_expenses
    assert more_bwe <= with_expenses


@given(households())
def test_json_numbers_are_the_exact_decimals(h: Household) -> None:
    result = share_of_cost(h, RATES)
    body = json.loads(dumps(result_dict(result)), parse_float=D)
    assert body["total_countable_income"] == result.countable.total
    assert body["share_of_cost"] == result.share_of_cost
    assert body["inputs"]["earned"] == h.earned
    assert [s["amount"] for s in body["steps"]] == [s.amount for s in result.steps]
