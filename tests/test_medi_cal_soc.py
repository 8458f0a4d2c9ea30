"""The Medi-Cal share of cost beside the IHSS one, the buy-out, and assets (RULES.md §9)."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest

from ihss_calc.rates import load_bundled
from tests.helpers import run


def soc_json(*args: str, year: str = "2026") -> dict[str, Any]:
    result = run("soc", "--year", year, *args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


def test_rules_md_worked_example() -> None:
    # SSDI 1,500 → IHSS 1,480 − 1,233.94 = 246.06; Medi-Cal round(1,480) − 600 = 880;
    # buy-out 633.94.
    body = soc_json("--unearned", "1500", "--medi-cal", "medically-needy")
    assert body["share_of_cost"] == D("246.06")
    mc = body["medi_cal_share_of_cost"]
    assert mc["net_nonexempt_income"] == D("1480.00")
    assert mc["rounded_income"] == 1480
    assert mc["maintenance_need"] == 600
    assert mc["share_of_cost"] == 880
    assert mc["buy_out"] == D("633.94")
    assert mc["ihss_share_of_cost"] == D("246.06")
    for step in mc["steps"]:
        assert step["source"], step
    assert [s["id"] for s in mc["steps"]] == [
        "countable_income", "health_premiums", "net_nonexempt_income", "rounded_income",
        "maintenance_need", "share_of_cost", "ihss_share_of_cost", "buy_out",
    ]  # fmt: skip
    notes = " ".join(body["notes"])
    assert "You pay the IHSS share of cost, $246.06" in notes
    assert "Explanation of IHSS SOC letter" in notes


def test_premiums_lower_the_medi_cal_share_only() -> None:
    # round(1,480 − 202.90 = 1,277.10) − 600 = 677; the IHSS share stays 246.06.
    body = soc_json("--unearned", "1500", "--medi-cal", "medically-needy",
                    "--health-premiums", "202.90")  # fmt: skip
    assert body["share_of_cost"] == D("246.06")
    assert body["medi_cal_share_of_cost"]["share_of_cost"] == 677
    assert body["medi_cal_share_of_cost"]["buy_out"] == D("430.94")


@pytest.mark.parametrize(("unearned", "rounded"), [("1300.50", 1281), ("1300.49", 1280)])
def test_income_rounds_to_the_dollar_half_up(unearned: str, rounded: int) -> None:
    mc = soc_json("--unearned", unearned, "--show-medi-cal-soc")["medi_cal_share_of_cost"]
    assert mc["rounded_income"] == rounded
    assert mc["share_of_cost"] == rounded - 600


def test_medi_cal_share_below_the_ihss_share_is_said_not_guessed() -> None:
    # IHSS: 1,980 − 1,233.94 = 746.06. Medi-Cal: round(1,980 − 1,500) − 600 → 0.
    body = soc_json("--unearned", "2000", "--medi-cal", "medically-needy",
                    "--health-premiums", "1500")  # fmt: skip
    mc = body["medi_cal_share_of_cost"]
    assert mc["share_of_cost"] == 0
    assert mc["buy_out"] is None
    assert "buy_out" not in [s["id"] for s in mc["steps"]]
    assert "was not found" in " ".join(body["notes"])
    assert body["share_of_cost"] == D("746.06")


def test_couple_uses_the_two_adult_maintenance_need() -> None:
    # Couple: 2,500 − 20 = 2,480; Medi-Cal 2,480 − 934 = 1,546; IHSS 2,480 − 2,098.83 = 381.17.
    mc = soc_json("--unearned", "2500", "--couple", "--medi-cal", "medically-needy")[
        "medi_cal_share_of_cost"
    ]
    assert mc["maintenance_need"] == 934
    assert mc["share_of_cost"] == 1546
    assert mc["buy_out"] == D("1164.83")


def test_not_shown_without_asking() -> None:
    assert soc_json("--unearned", "1500")["medi_cal_share_of_cost"] is None
    assert soc_json("--unearned", "1500", "--medi-cal", "none")["medi_cal_share_of_cost"] is None
    shown = soc_json("--unearned", "1500", "--medi-cal", "none", "--show-medi-cal-soc")
    assert shown["medi_cal_share_of_cost"]["share_of_cost"] == 880


def test_asking_with_free_medi_cal_is_a_usage_error() -> None:
    result = run("soc", "--unearned", "1500", "--medi-cal", "ssi", "--show-medi-cal-soc")
    assert result.exit_code == 2
    assert "'--show-medi-cal-soc'" in result.stderr
    assert "no Medi-Cal share of cost" in result.stderr


def test_with_deeming_the_rule_was_not_found() -> None:
    body = soc_json("--unearned", "1500", "--spouse-earned", "3000", "--medi-cal",
                    "medically-needy")  # fmt: skip
    assert body["medi_cal_share_of_cost"] is None
    assert "how Medi-Cal counts that spouse's income was not found" in " ".join(body["notes"])


def test_table_shows_the_medi_cal_share() -> None:
    result = run("soc", "--year", "2026", "--unearned", "1500", "--medi-cal", "medically-needy",
                 env={"COLUMNS": "160"})  # fmt: skip
    assert result.exit_code == 0
    assert "Medi-Cal share of cost, beside the IHSS one" in result.stdout
    assert "State buy-out" in result.stdout
    assert "633.94" in result.stdout


def test_maintenance_need_and_rounding_are_rates_figures() -> None:
    for year in range(2021, 2027):
        rates = load_bundled(year)
        assert rates.maintenance_need["one_person"].value == 600
        assert rates.maintenance_need["one_person"].status == "cross-checked"
        assert rates.maintenance_need["two_adults"].value == 934
        assert rates.medi_cal_rounding.mode == "ROUND_HALF_UP"


# -- assets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "over", "limit"),
    [
        (("--assets", "130000"), False, 130000),
        (("--assets", "130000.01"), True, 130000),
        (("--assets", "195000", "--couple"), False, 195000),
        (("--assets", "195000.01", "--couple"), True, 195000),
        (("--assets", "200000", "--spouse-earned", "0", "--children", "1"), False, 260000),
    ],
)
def test_asset_limit_2026(args: tuple[str, ...], over: bool, limit: int) -> None:
    body = soc_json("--unearned", "1500", *args)
    assert body["assets"]["over_limit"] is over
    assert body["assets"]["limit"] == limit
    notes = " ".join(body["notes"])
    if over:
        assert "out of reach" in notes
        assert "may not apply at all" in notes
    else:
        assert "within the Medi-Cal asset limit" in notes


def test_over_the_limit_hides_the_wdp_hint() -> None:
    body = soc_json("--unearned", "1500", "--earned", "500", "--assets", "200000")
    assert body["wdp"]["likely_eligible"] is False  # WDP has the asset limit too
    assert body["placement"]["program"] == "none"  # every program with an asset test fails
    assert body["placement"]["share_of_cost"] is None
    notes = " ".join(body["notes"])
    assert "You may qualify for Medi-Cal's Working Disabled Program" not in notes
    assert "out of reach" in notes


def test_without_assets_a_note_says_the_limit_exists() -> None:
    body = soc_json("--unearned", "1500")
    assert body["assets"]["assets"] is None
    assert body["assets"]["over_limit"] is None
    assert "non-MAGI Medi-Cal has an asset limit: $130,000.00 for 1 person" in " ".join(
        body["notes"]
    )


def test_no_limit_on_file_before_2026() -> None:
    body = soc_json("--unearned", "1500", "--assets", "500000", year="2025")
    assert body["assets"]["limit"] is None
    assert body["assets"]["over_limit"] is None
    assert "No Medi-Cal asset limit is on file for 2025" in " ".join(body["notes"])
    assert soc_json("--unearned", "1500", year="2025")["assets"] is None
    assert not load_bundled(2024).asset_limit


def test_magi_has_no_asset_limit() -> None:
    body = soc_json("--unearned", "1500", "--medi-cal", "magi", "--assets", "500000")
    assert body["assets"]["applies"] is False
    assert body["assets"]["over_limit"] is None
    assert "MAGI Medi-Cal has no asset limit." in body["notes"]


def test_rates_shows_the_new_figures() -> None:
    result = run("rates", "--year", "2026", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for text in ("Deeming and Medi-Cal", "Allocation amount", "Medi-Cal maintenance need, one",
                 "600.00", "934.00", "130,000.00", "65,000.00", "ROUND_HALF_UP"):  # fmt: skip
        assert text in result.stdout
    body = json.loads(run("rates", "--year", "2026", "--json").stdout, parse_float=D)
    assert body["deeming"]["allocation"]["value"] == 497
    assert body["medi_cal"]["asset_limit"]["first_person"]["value"] == 130000
    assert "No Medi-Cal asset limit is on file for 2024." in run("rates", "--year", "2024").stdout
