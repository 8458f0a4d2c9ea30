"""Earnings headroom, the Working Disabled Program check, 1619(b) and the what-if sweep."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ihss_calc.rates import Rates, load_bundled
from ihss_calc.rules import (
    Household,
    max_earned_without_soc,
    share_at_earnings,
    share_of_cost,
)
from ihss_calc.rules.whatif import sweep
from tests.helpers import run

D = Decimal
CENT = D("0.01")
RATES_2022 = load_bundled(2022)
SEED_2022 = ("soc", "--year", "2022", "--unearned", "1000", "--earned", "500")


def soc_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


# --- headroom -----------------------------------------------------------------------------


def test_seed_headroom() -> None:
    body = soc_json(*SEED_2022)
    assert body["max_earned_without_soc"] == D("185.43")
    assert '"max_earned_without_soc": 185.43,' in run(*SEED_2022, "--json").stdout
    at = soc_json("soc", "--year", "2022", "--unearned", "1000", "--earned", "185.43")
    above = soc_json("soc", "--year", "2022", "--unearned", "1000", "--earned", "185.44")
    assert (at["share_of_cost"], above["share_of_cost"]) == (D("0.00"), D("0.01"))


def test_headroom_in_words() -> None:
    # On share-of-cost Medi-Cal (the person's word), the headroom is what they can earn.
    given = (*SEED_2022, "--medi-cal", "medically-needy")
    text = " ".join(run(*given, env={"COLUMNS": "80"}).stdout.split())
    assert "You could earn up to $185.43 a month before paying." in text
    # In the answer block, before the steps.
    assert text.index("$185.43") < text.index("How it is worked out")
    # Placed on A&D FPL with $0, the headroom on share-of-cost Medi-Cal is not the answer.
    placed = " ".join(run(*SEED_2022, env={"COLUMNS": "80"}).stdout.split())
    assert "You could earn up to" not in placed


def test_headroom_null_with_a_share_at_no_earnings() -> None:
    body = soc_json("soc", "--year", "2022", "--unearned", "2500")
    assert body["share_of_cost"] == D("1439.79")
    assert body["max_earned_without_soc"] is None
    assert body["placement"]["program"] == "medically-needy"  # over A&D FPL's $1,563
    text = " ".join(run("soc", "--year", "2022", "--unearned", "2500").stdout.split())
    assert "There is a share of cost even with no earnings." in text


def test_headroom_null_with_medi_cal_that_means_no_share() -> None:
    body = soc_json(*SEED_2022, "--medi-cal", "wdp")
    assert body["max_earned_without_soc"] is None
    assert soc_json(*SEED_2022, "--medi-cal", "none")["max_earned_without_soc"] == D("185.43")


def test_headroom_with_no_unearned_income() -> None:
    # (e − 20 − 65) / 2 ≤ 1,040.215 → e ≤ 2,165.43
    h = Household()
    assert max_earned_without_soc(h, RATES_2022) == D("2165.43")
    assert share_at_earnings(h, RATES_2022, D("2165.44")) == CENT


@st.composite
def near_the_level(draw: st.DrawFn) -> Household:
    """Households whose countable unearned income is within $60 of the payment level, so
    that a search over every cent of earnings stays short."""
    couple = draw(st.booleans())
    blind = draw(st.booleans())
    spouse_blind = couple and draw(st.booleans())
    kind = Household(couple=couple, blind=blind, spouse_blind=spouse_blind).kind
    level = RATES_2022.payment_levels[kind].value
    unearned = level + 20 - D(draw(st.integers(0, 6000))).scaleb(-2)
    blind_in_household = blind or spouse_blind
    return Household(
        unearned=unearned,
        irwe=D(draw(st.integers(0, 3000))).scaleb(-2) if kind.endswith("couple") or not
        blind_in_household else D(0),
        bwe=D(draw(st.integers(0, 3000))).scaleb(-2) if blind_in_household else D(0),
        couple=couple, blind=blind, spouse_blind=spouse_blind,
    )  # fmt: skip


def brute_force(h: Household, rates: Rates) -> Decimal | None:
    """Every cent from 0 up: the last one with no share of cost."""
    if share_at_earnings(h, rates, D(0)):
        return None
    cents = 0
    while not share_at_earnings(h, rates, D(cents + 1).scaleb(-2)):
        cents += 1
    return D(cents).scaleb(-2)


@given(near_the_level())
@settings(max_examples=40, deadline=None)
def test_headroom_equals_brute_force(h: Household) -> None:
    assert max_earned_without_soc(h, RATES_2022) == brute_force(h, RATES_2022)


# --- the Working Disabled Program ------------------------------------------------------------


def test_wdp_individual_leaves_disability_income_out() -> None:
    body = soc_json("soc", "--year", "2026", "--unearned", "1400", "--disability-income", "1400",
                    "--earned", "1000")  # fmt: skip
    wdp = body["wdp"]
    assert isinstance(wdp, dict)
    # No countable unearned income for WDP, so the whole $20 carries: (1000 − 20 − 65) / 2
    assert wdp["countable_income"] == D("457.50")
    assert wdp["monthly_limit"] == D("3325.00")
    assert wdp["disability_income"] == D("1400.00")
    assert wdp["likely_eligible"] is True
    assert wdp["limit"]["status"] == "derived"
    assert body["share_of_cost"] == D("613.56")  # 1,380 + (1,000 − 65) / 2 − 1,233.94
    text = " ".join(run("soc", "--year", "2026", "--unearned", "1400", "--disability-income",
                        "1400", "--earned", "1000").stdout.split())  # fmt: skip
    assert ("You likely pay $0 for IHSS: you appear to qualify for Medi-Cal's Working Disabled "
            "Program (WDP): you work, your countable income without disability income, $457.50, "
            "is under its limit of $3,325.00 (250% of the poverty level), and your other "
            "unearned income, $0.00, is below the SSI/SSP payment level of $1,233.94. On "
            "share-of-cost Medi-Cal you would pay $613.56.") in text  # fmt: skip
    assert body["placement"]["program"] == "wdp"
    assert body["placement"]["share_of_cost"] == D("0.00")
    (screen,) = [p for p in body["programs"] if p["program"] == "wdp"]
    assert screen["status"] == "likely"
    assert "WDP has no premium (since July 2022)." in screen["notes"]


def test_wdp_part_disability_income_and_irwe() -> None:
    body = soc_json("soc", "--year", "2023", "--unearned", "1500", "--disability-income", "1200",
                    "--earned", "2000", "--irwe", "100")  # fmt: skip
    wdp = body["wdp"]
    assert isinstance(wdp, dict)
    # (1500 − 1200 − 20) + (2000 − 65 − 100) / 2 = 280 + 917.50
    assert wdp["countable_income"] == D("1197.50")
    assert wdp["monthly_limit"] == D("3037.50")  # 2023, verified by DB101


@pytest.mark.parametrize(
    ("earned", "countable", "likely"),
    [("5747.49", "2831.245", True), ("5747.50", "2831.25", False), ("6000", "2957.50", False)],
)
def test_wdp_limit_is_strict(earned: str, countable: str, likely: bool) -> None:
    body = soc_json("soc", "--year", "2022", "--earned", earned)
    wdp = body["wdp"]
    assert isinstance(wdp, dict)
    assert (wdp["countable_income"], wdp["likely_eligible"]) == (D(countable), likely)


def test_wdp_couple_limit() -> None:
    body = soc_json("soc", "--year", "2024", "--couple", "--unearned", "2500", "--earned", "4000")
    wdp = body["wdp"]
    assert isinstance(wdp, dict)
    assert wdp["monthly_limit"] == D("4258.33")
    assert wdp["countable_income"] == D("4447.50")  # 2,480 + (4,000 − 65) / 2
    assert wdp["likely_eligible"] is False


def test_no_wdp_without_earnings() -> None:
    body = soc_json("soc", "--unearned", "1000")
    assert body["wdp"]["likely_eligible"] is False  # the limit is shown; WDP needs work
    assert body["threshold_1619b"] is None
    (screen,) = [p for p in body["programs"] if p["program"] == "wdp"]
    assert screen["status"] == "unlikely"
    assert screen["reason"] == ("The Working Disabled Program is for people who work, and you "
                                "have no earnings.")  # fmt: skip


def test_disability_income_more_than_unearned() -> None:
    result = run("soc", "--unearned", "100", "--disability-income", "200", "--earned", "10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Error: Invalid value for '--disability-income': 200.00 is more than the unearned "
        "income, 100.00: disability benefits are part of it\n"
    )


@pytest.mark.parametrize(
    ("year", "flags", "threshold"),
    [(2022, (), "54082"), (2022, ("--blind",), "55439"), (2023, (), "57251"),
     (2023, ("--blind",), None), (2024, (), None), (2026, ("--blind",), "68103")],
)  # fmt: skip
def test_1619b_as_information(year: int, flags: tuple[str, ...], threshold: str | None) -> None:
    body = soc_json("soc", "--year", str(year), "--earned", "4600", *flags)
    info = body["threshold_1619b"]
    if threshold is None:
        assert info is None
    else:
        assert isinstance(info, dict)
        assert (info["threshold"], info["yearly_earnings"]) == (D(threshold), D("55200"))
        assert info["below"] is (D("55200") < D(threshold))


# --- what if -------------------------------------------------------------------------------------


def test_whatif_json_equals_repeated_soc() -> None:
    result = run("whatif", "--year", "2022", "--unearned", "1000", "--earned", "0:600:50",
                 "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout, parse_float=D)
    points = body["points"]
    assert [p["earned"] for p in points] == [D(50 * i) for i in range(13)]
    for point in points[::4]:
        soc = soc_json("soc", "--year", "2022", "--unearned", "1000", "--earned",
                       str(point["earned"]))  # fmt: skip
        assert point["share_of_cost"] == soc["share_of_cost"]
        assert point["total_countable_income"] == soc["total_countable_income"]
    assert body["max_earned_without_soc"] == D("185.43")
    assert body["wdp"]["monthly_limit"] == D("2831.25")
    assert body["wdp"]["max_earned_under_limit"] == D("3767.49")  # 980 + (e − 65)/2 < 2,831.25
    assert body["inputs"]["earned"] == {"from": D(0), "to": D(600), "step": D(50), "points": 13,
                                        "given_as": None, "levels": None}  # fmt: skip
    for point in points:  # the job question: with WDP, and what you keep where placed
        pays = point["placement"]["share_of_cost"]
        assert point["kept"] == point["earned"] + D(1000) - pays
        assert point["share_of_cost_with_wdp"] == (
            D("0.00") if point["wdp_likely_eligible"] else point["share_of_cost"]
        )
    assert points[10]["share_of_cost"] == D("157.29")
    # 1,197.50 is under A&D FPL's $1,563 (2022): placed there, the person pays $0.
    assert points[10]["placement"] == {"program": "ad-fpl", "share_of_cost": D("0.00")}
    assert points[10]["kept"] == D("1500.00")
    assert points[10]["share_of_cost_with_wdp"] == D("0.00")


@given(st.integers(0, 3000), st.integers(0, 400), st.booleans(),
       st.sampled_from([None, "ssi", "none"]))  # fmt: skip
@settings(max_examples=60, deadline=None)
def test_sweep_equals_share_of_cost(unearned: int, start: int, couple: bool,
                                    medi_cal: str | None) -> None:  # fmt: skip
    h = Household(unearned=D(unearned), couple=couple, medi_cal=medi_cal)
    levels = [D(start) + D("37.37") * i for i in range(8)]
    for point, earned in zip(sweep(h, RATES_2022, levels)[0], levels, strict=True):
        single = share_of_cost(Household(unearned=h.unearned, earned=earned, couple=couple,
                                         medi_cal=medi_cal), RATES_2022)  # fmt: skip
        assert point.share_of_cost == single.share_of_cost
        assert point.total_countable_income == single.countable.total
        assert point.wdp_likely_eligible == (single.wdp.likely_eligible if single.wdp else None)


def test_whatif_table_marks_the_changes() -> None:
    result = run("whatif", "--year", "2022", "--unearned", "1000", "--earned", "0:4000:200",
                 env={"COLUMNS": "80"})  # fmt: skip
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    (starts,) = [line for line in lines if "◀ share starts" in line]
    assert "200.00" in starts
    (over,) = [line for line in lines if "◀ over WDP limit" in line]
    assert "3,800.00" in over
    text = " ".join(result.stdout.split())
    assert "The share of cost starts above $185.43 a month of earnings." in text
    assert "up to $3,767.49 of earnings" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0:1000", "'0:1000' is not a range; write FROM:TO:STEP, such as 0:3000:100"),
        ("0:abc:100", "TO in '0:abc:100': 'abc' is not an amount of money; write dollars and "
                      "cents such as 1000, 1000.50 or $1,000.50"),
        ("-5:100:10", "FROM in '-5:100:10': '-5' is negative; amounts must be 0 or more"),
        ("0:100:0", "STEP in '0:100:0' is 0; it must be more than 0"),
        ("500:100:10", "TO in '500:100:10' is less than FROM"),
        ("0:100000:1", "'0:100000:1' gives 100,001 points; at most 1,000: use a larger STEP"),
    ],
)  # fmt: skip
def test_bad_ranges(value: str, message: str) -> None:
    result = run("whatif", "--earned", value)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"Error: Invalid value for '--earned': {message}\n")


def test_a_thousand_points_is_fine() -> None:
    body = json.loads(run("whatif", "--earned", "0:999:1", "--json").stdout, parse_float=D)
    assert len(body["points"]) == 1000


def test_whatif_needs_earned() -> None:
    result = run("whatif", "--unearned", "1000")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Missing earnings: give --earned FROM:TO:STEP, --wage with --hours FROM:TO:STEP, "
        "or --yearly FROM:TO:STEP.\n"
    )
