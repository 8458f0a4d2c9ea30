"""Each rule of RULES.md §1–2 and each boundary, against the 2022 rates (payment level
1,040.21 individual, 1,765.64 couple, 1,110.26 blind individual)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ihss_calc.rates import Rates, parse, years_on_file
from ihss_calc.rules import (
    MEDI_CAL,
    Household,
    InputProblem,
    check_household,
    countable_income,
    share_of_cost,
)

D = Decimal


def countable(
    rates: Rates, unearned: str = "0", earned: str = "0", irwe: str = "0", bwe: str = "0"
) -> tuple[Decimal, Decimal, Decimal]:
    c = countable_income(D(unearned), D(earned), D(irwe), D(bwe), rates)
    return c.countable_unearned, c.countable_earned, c.total


# --- the $20 general income exclusion -------------------------------------------------------


@pytest.mark.parametrize(
    ("unearned", "expected"),
    [("0", "0"), ("19.99", "0"), ("20", "0"), ("20.01", "0.01"), ("1000", "980")],
)
def test_general_exclusion_on_unearned(rates_2022: Rates, unearned: str, expected: str) -> None:
    assert countable(rates_2022, unearned=unearned)[0] == D(expected)


@pytest.mark.parametrize(
    ("unearned", "earned", "countable_earned"),
    [
        # no unearned income: the whole $20 comes off earnings: (361 − 20 − 65) / 2 = 138
        ("0", "361", "138"),
        # 10 unearned uses 10 of the $20; the other 10 carries: (361 − 10 − 65) / 2 = 143
        ("10", "361", "143"),
        # 19.99 unearned leaves 0.01: (361 − 0.01 − 65) / 2 = 147.995 (kept exact)
        ("19.99", "361", "147.995"),
        # 20 or more unearned leaves nothing to carry: (361 − 65) / 2 = 148
        ("20", "361", "148"),
        ("500", "361", "148"),
    ],
)
def test_unused_general_exclusion_carries_to_earnings(
    rates_2022: Rates, unearned: str, earned: str, countable_earned: str
) -> None:
    assert countable(rates_2022, unearned=unearned, earned=earned)[1] == D(countable_earned)


def test_carry_over_never_exceeds_earnings(rates_2022: Rates) -> None:
    c = countable_income(D("5"), D("3"), D("0"), D("0"), rates_2022)
    assert c.general_on_unearned == D("5")
    assert c.general_on_earned == D("3")
    assert c.total == D("0")


# --- the $65, the one-half ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earned", "expected"),
    [
        ("65", "0"),  # with 20 unearned there is no carry-over; 65 − 65 = 0
        ("65.01", "0.005"),  # a half cent stays exact
        ("66", "0.5"),
        ("500", "217.5"),  # the seed: (500 − 65) / 2
        ("0", "0"),
    ],
)
def test_earned_income_exclusion_and_half(rates_2022: Rates, earned: str, expected: str) -> None:
    assert countable(rates_2022, unearned="20", earned=earned)[1] == D(expected)


def test_half_cent_is_kept_exact(rates_2022: Rates) -> None:
    # POMS SI 02001.010: 100.01 earned, no unearned → (100.01 − 20 − 65) / 2 = 7.505
    assert countable(rates_2022, earned="100.01")[2] == D("7.505")


# --- IRWE before halving, BWE after ---------------------------------------------------------


def test_irwe_comes_off_before_halving(rates_2022: Rates) -> None:
    # (500 − 65 − 35) / 2 = 200, not (500 − 65) / 2 − 35 = 182.50
    assert countable(rates_2022, unearned="1000", earned="500", irwe="35")[1] == D("200")


def test_irwe_never_below_zero(rates_2022: Rates) -> None:
    assert countable(rates_2022, unearned="1000", earned="100", irwe="500") == (
        D("980"),
        D("0"),
        D("980"),
    )


def test_bwe_comes_off_after_halving(rates_2022: Rates) -> None:
    # POMS SI 01210.600: 135 RSDI, 220 wages, 15 BWE → 115 + (220 − 65) / 2 − 15 = 177.50
    assert countable(rates_2022, unearned="135", earned="220", bwe="15") == (
        D("115"),
        D("62.5"),
        D("177.5"),
    )


def test_bwe_larger_than_halved_earnings_never_reduces_unearned(rates_2022: Rates) -> None:
    c = countable_income(D("500"), D("165"), D("0"), D("1000"), rates_2022)
    assert c.bwe == D("50")  # only what is left after halving: (165 − 65) / 2
    assert c.countable_earned == D("0")
    assert c.countable_unearned == D("480")


# --- couples --------------------------------------------------------------------------------


def test_couple_gets_one_twenty_and_one_sixty_five(rates_2022: Rates) -> None:
    # combined 1800 unearned + 400 earned: 1780 + (400 − 65) / 2 = 1947.50; level 1,765.64
    result = share_of_cost(Household(unearned=D("1800"), earned=D("400"), couple=True), rates_2022)
    assert result.countable.total == D("1947.5")
    assert result.payment_level.value == D("1765.64")
    assert result.share_of_cost == D("181.86")


# --- the payment level and the household kinds ----------------------------------------------


@pytest.mark.parametrize(
    ("couple", "blind", "spouse_blind", "kind", "level"),
    [
        (False, False, False, "individual", "1040.21"),
        (True, False, False, "couple", "1765.64"),
        (False, True, False, "blind_individual", "1110.26"),
        (True, True, False, "couple_one_blind", "1881.54"),
        (True, False, True, "couple_one_blind", "1881.54"),
        (True, True, True, "couple_both_blind", "1952.88"),
    ],
)
def test_payment_level_by_household(
    rates_2022: Rates, couple: bool, blind: bool, spouse_blind: bool, kind: str, level: str
) -> None:
    household = Household(couple=couple, blind=blind, spouse_blind=spouse_blind)
    assert household.kind == kind
    assert share_of_cost(household, rates_2022).payment_level.value == D(level)


@pytest.mark.parametrize(
    ("unearned", "share"),
    [
        ("1060.21", "0.00"),  # countable 1,040.21: exactly the level
        ("1060.22", "0.01"),  # one cent above
        ("2060.21", "1000.00"),
        ("0", "0.00"),
    ],
)
def test_payment_level_boundary(rates_2022: Rates, unearned: str, share: str) -> None:
    result = share_of_cost(Household(unearned=D(unearned)), rates_2022)
    assert result.share_of_cost == D(share)
    assert str(result.share_of_cost) == share  # always to the cent


@pytest.mark.parametrize(
    ("earned", "above", "share"),
    [
        # 1,020.21 unearned → 1,000.21 countable; the rest must come from earnings.
        # earned 165.01 → (165.01 − 65) / 2 = 50.005 → total 1,050.215 → 10.005 above
        ("165.01", "10.005", "10.00"),  # a half cent goes in the recipient's favour
        ("165.03", "10.015", "10.01"),  # …whether the cent below is odd or even
        ("165.02", "10.01", "10.01"),
        ("85.01", "0", "0.00"),  # 40.005 countable earned: below the level
    ],
)
def test_half_cent_rounds_down(rates_2022: Rates, earned: str, above: str, share: str) -> None:
    result = share_of_cost(Household(unearned=D("1020.21"), earned=D(earned)), rates_2022)
    assert result.above_level == D(above)
    assert result.share_of_cost == D(share)


def test_figures_come_from_the_rates_file_not_the_code() -> None:
    # A county worker trying other figures: change them in a file and the answer follows.
    text = Path(years_on_file()[2022]).read_text(encoding="utf-8")
    text = text.replace("value = 20.00", "value = 25.00", 1)
    text = text.replace("value = 65.00", "value = 85.00", 1)
    text = text.replace('mode = "ROUND_HALF_DOWN"', 'mode = "ROUND_HALF_UP"')
    other = parse(text, "test")
    c = countable_income(D("1000"), D("500"), D("0"), D("0"), other)
    assert c.countable_unearned == D("975")
    assert c.countable_earned == D("207.5")  # (500 − 85) / 2
    # 1,025.21 − 25 + (165.01 − 85) / 2 = 1,040.215: half a cent above the level, rounded up
    result = share_of_cost(Household(unearned=D("1025.21"), earned=D("165.01")), other)
    assert result.above_level == D("0.005")
    assert result.share_of_cost == D("0.01")


# --- Medi-Cal ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ssi", "magi", "1619b", "wdp", "ad-fpl", "pickle"])
def test_medi_cal_programs_with_no_share_of_cost(rates_2022: Rates, code: str) -> None:
    result = share_of_cost(
        Household(unearned=D("1000"), earned=D("500"), medi_cal=code), rates_2022
    )
    assert result.share_of_cost == D("0.00")
    assert result.computed_share_of_cost == D("157.29")  # still worked out and shown
    assert result.countable.total == D("1197.5")
    assert result.steps[-1].id == "medi_cal"
    assert MEDI_CAL[code].label in result.notes[0]
    assert "157.29" in result.notes[0]


@pytest.mark.parametrize("code", ["medically-needy", "none"])
def test_medi_cal_programs_that_keep_the_share_of_cost(rates_2022: Rates, code: str) -> None:
    result = share_of_cost(
        Household(unearned=D("1000"), earned=D("500"), medi_cal=code), rates_2022
    )
    assert result.share_of_cost == D("157.29")


def test_without_medi_cal_the_screen_places_the_person(rates_2022: Rates) -> None:
    result = share_of_cost(Household(unearned=D("1000"), earned=D("500"), month=6), rates_2022)
    assert result.share_of_cost == D("157.29")  # still the share on share-of-cost Medi-Cal
    # 1,197.50 is at or below A&D FPL's $1,563 from April 2022: placed there, with $0.
    assert (result.placement.program, result.placement.share_of_cost) == ("ad-fpl", D("0.00"))
    assert not result.placement.given
    # The old list of every program, fitting or not, is gone.
    assert not [n for n in result.notes if n.startswith("This share of cost would be 0 with")]
    assert result.notes[-1].startswith("Not modeled:")


# --- steps ------------------------------------------------------------------------------------


def test_steps_carry_amounts_rules_and_figures(rates_2022: Rates) -> None:
    result = share_of_cost(Household(unearned=D("1000"), earned=D("500")), rates_2022)
    steps = {s.id: s for s in result.steps}
    assert steps["countable_unearned_income"].amount == D("980")
    assert steps["countable_earned_income"].amount == D("217.5")
    assert steps["total_countable_income"].amount == D("1197.5")
    assert steps["payment_level"].amount == D("1040.21")
    assert steps["computed_share_of_cost"].amount == D("157.29")
    general = steps["general_exclusion_unearned"].figures[0]
    assert (general.key, general.value, general.status) == (
        "exclusions.general",
        D("20.00"),
        "verified",
    )
    assert any("00810.420" in s.title for s in general.sources)
    level = steps["payment_level"].figures
    assert [f.key for f in level] == [
        "payment_levels.individual",
        "payment_levels.individual.federal",
        "payment_levels.individual.state",
    ]
    assert [f.value for f in level] == [D("1040.21"), D("841.00"), D("199.21")]
    assert [f.status for f in level] == ["verified", "verified", "derived"]


# --- inputs the rules do not take -------------------------------------------------------------


@pytest.mark.parametrize(
    ("household", "field", "message"),
    [
        (
            Household(bwe=D("10")),
            "bwe",
            "blind work expenses (BWE) are for blind people, and no one in the household is "
            "marked blind (POMS SI 00820.535)",
        ),
        (
            Household(irwe=D("10"), blind=True),
            "irwe",
            "impairment-related work expenses (IRWE) are for people who are not blind; a blind "
            "person's work expenses are BWE (POMS SI 00820.540)",
        ),
        (
            Household(irwe=D("10"), couple=True, blind=True, spouse_blind=True),
            "irwe",
            "impairment-related work expenses (IRWE) are for people who are not blind; a blind "
            "person's work expenses are BWE (POMS SI 00820.540)",
        ),
        (
            Household(spouse_blind=True),
            "spouse_blind",
            "a blind spouse needs a couple, and the household is not a couple",
        ),
        (Household(earned=D("-1")), "earned", "-1 is not an amount of 0 or more"),
        (Household(unearned=D("NaN")), "unearned", "NaN is not an amount of 0 or more"),
        (
            Household(medi_cal="gold"),
            "medi_cal",
            "'gold' is not one of ssi, magi, 1619b, wdp, ad-fpl, pickle, medically-needy, none",
        ),
    ],
)
def test_problems(household: Household, field: str, message: str) -> None:
    with pytest.raises(InputProblem) as caught:
        check_household(household)
    assert (caught.value.field, caught.value.message) == (field, message)


@pytest.mark.parametrize(
    "household",
    [
        Household(bwe=D("10"), blind=True),
        Household(bwe=D("10"), couple=True, spouse_blind=True),
        Household(irwe=D("10"), couple=True, blind=True),  # the spouse is not blind
        Household(bwe=D("0"), irwe=D("0"), blind=True),
    ],
)
def test_allowed(household: Household) -> None:
    check_household(household)
