"""batch --steps writes each row straight from the result (ihss_calc.jsonrow): the same text as
soc's object through compact_dumps, byte for byte, for any household, in either language."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihss_calc.i18n import choose, reset
from ihss_calc.jsonout import compact_dumps, result_dict
from ihss_calc.jsonrow import money, steps_row
from ihss_calc.rates import load_bundled
from ihss_calc.rules import (
    MEDI_CAL,
    SSI_ENDED,
    Household,
    InputProblem,
    check_household,
    share_of_cost,
)

AMOUNT = st.decimals(min_value=0, max_value=9000, places=2, allow_nan=False)
OPTIONAL = st.none() | AMOUNT


@st.composite
def households(draw: st.DrawFn) -> Household:
    couple = draw(st.booleans())
    spouse = not couple and draw(st.booleans())
    children = draw(st.integers(0, 3)) if spouse else 0
    return Household(
        unearned=draw(AMOUNT), earned=draw(AMOUNT),
        irwe=draw(st.sampled_from([Decimal(0), Decimal(25)])), couple=couple,
        medi_cal=draw(st.none() | st.sampled_from(tuple(MEDI_CAL))),
        spouse_earned=draw(AMOUNT) if spouse else None,
        spouse_unearned=draw(OPTIONAL) if spouse else None, children=children,
        child_incomes=tuple(draw(st.lists(AMOUNT, max_size=children))),
        health_premiums=draw(st.sampled_from([Decimal(0), Decimal("202.90")])),
        medi_cal_soc=draw(st.booleans()), assets=draw(OPTIONAL),
        age=draw(st.none() | st.integers(18, 90)), medicare=draw(st.booleans()),
        ssi_ended=draw(st.none() | st.sampled_from(SSI_ENDED)),
        pickle_disregard=draw(OPTIONAL), month=draw(st.integers(1, 12)),
    )  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(household=households(), year=st.sampled_from([2022, 2024, 2026]),
       lang=st.sampled_from(["en", "es"]))  # fmt: skip
def test_the_row_is_the_soc_object(household: Household, year: int, lang: str) -> None:
    try:
        check_household(household)
    except InputProblem:
        return
    choose(lang)
    try:
        result = share_of_cost(household, load_bundled(year))
        warnings = ['a warning, "quoted"']
        expected = compact_dumps(result_dict(result, warnings=warnings))
        assert "{" + steps_row(result, warnings) == expected
    finally:
        reset()


def test_money_text_is_remembered_by_value() -> None:
    assert money(Decimal("980")) == "980.00"
    assert money(Decimal("980.000")) == "980.00"  # the same value, the same text
    assert money(Decimal("7.5050")) == "7.505"
    assert money(Decimal("-0")) == "0.00"
