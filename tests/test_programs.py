"""Which Medi-Cal (issue 20): each program screened, the person placed in the first likely one
in the county's order, and the share of cost they would really pay there. Every expected
figure here is worked out by hand from docs/rules.md §12, not read off the program."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest

from ihss_calc.rates import load_bundled
from ihss_calc.rules import Household, share_of_cost
from tests.helpers import run


def soc_json(*args: str) -> dict[str, Any]:
    result = run("soc", *args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


def screens(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["program"]: p for p in body["programs"]}


MAY_2026 = ("--year", "2026", "--month", "5")


# -- the worked examples of docs/rules.md §12 (2026, May, own home) -----------------------------

WORKED = [
    # 70, Social Security $1,700, Part B $202.90, savings $20,000: A&D 1,680 − 202.90 =
    # 1,477.10 ≤ 1,836 (not MAGI: age and Medicare); share of cost there would be 446.06.
    (("--unearned", "1700", "--age", "70", "--medicare", "--health-premiums", "202.90",
      "--assets", "20000"), "ad-fpl", "0.00", "446.06"),
    # 40, SSDI $1,700, no Medicare yet: MAGI 1,700 ≤ 1,836, before A&D FPL in the order.
    (("--unearned", "1700", "--disability-income", "1700", "--age", "40"), "magi", "0.00",
     "446.06"),
    # The same with SSDI $2,100: MAGI and A&D (2,080) fail: 2,080 − 1,233.94.
    (("--unearned", "2100", "--disability-income", "2100", "--age", "40"), "medically-needy",
     "846.06", "846.06"),
    # 45, SSDI $1,400, wages $2,500, assets $10,000: A&D 2,597.50 > 1,836; WDP
    # (2,500 − 20 − 65) ÷ 2 = 1,207.50 < 3,325 and other unearned 0 < 1,233.94.
    (("--unearned", "1400", "--disability-income", "1400", "--earned", "2500", "--age", "45",
      "--assets", "10000"), "wdp", "0.00", "1363.56"),
    # 28, SSI until 2025 (ended by earnings), wages $3,000, resources $1,500: 1619(b),
    # $36,000 a year ≤ $66,078.
    (("--earned", "3000", "--age", "28", "--ssi-ended", "earnings", "--assets", "1500"),
     "1619b", "0.00", "223.56"),
    # 72, Social Security $2,500, Part B $202.90: A&D 2,277.10 > 1,836; never on SSI.
    (("--unearned", "2500", "--age", "72", "--medicare", "--health-premiums", "202.90"),
     "medically-needy", "1246.06", "1246.06"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "program", "pays", "share"), WORKED)
def test_worked_examples_of_rules_12(
    args: tuple[str, ...], program: str, pays: str, share: str
) -> None:
    body = soc_json(*MAY_2026, *args)
    assert body["placement"]["program"] == program
    assert body["placement"]["share_of_cost"] == D(pays)
    assert body["placement_share_of_cost"] == D(pays)
    assert body["share_of_cost"] == D(share)  # unchanged: the share on share-of-cost Medi-Cal
    assert body["screened_month"] == 5
    assert screens(body)[program]["status"] == "likely"


def test_the_issue_example_leads_with_zero_and_a_and_d_fpl() -> None:
    out = run("soc", *MAY_2026, "--unearned", "1500", "--disability-income", "1500", "--age",
              "60", "--medicare", "--brief", env={"COLUMNS": "200"}).stdout  # fmt: skip
    flat = " ".join(out.split())
    assert flat.startswith(
        "You likely pay $0 for IHSS: you appear to qualify for the Aged & Disabled Federal "
        "Poverty Level program: your income for it, $1,480.00, is at or below its limit of "
        "$1,836 (138% of the poverty level, from April 2026)."
    )
    assert "On share-of-cost Medi-Cal you would pay $246.06." in out.splitlines()
    # A screen, not a decision: said once.
    assert out.count("This is a screen, not a decision") == 1


def test_the_rules_place_without_a_terminal() -> None:
    h = Household(unearned=D("1700"), age=70, medicare=True, health_premiums=D("202.90"),
                  assets=D("20000"), month=5)  # fmt: skip
    result = share_of_cost(h, load_bundled(2026))
    assert (result.placement.program, result.placement.share_of_cost) == ("ad-fpl", D("0.00"))
    (ad,) = [s for s in result.programs if s.program == "ad-fpl"]
    compared = {c.what: c.value for c in ad.figures}
    assert compared["income_for_program"] == D("1477.10")
    assert compared["limit"] == D("1836")
    # The order is the county's: the SSI group, MAGI, A&D FPL and WDP, medically needy.
    assert [s.program for s in result.programs] == [
        "ssi", "1619b", "pickle", "dac", "dw", "magi", "ad-fpl", "wdp", "medically-needy"
    ]  # fmt: skip


# -- what the screen must no longer offer -------------------------------------------------------


def test_earning_20000_offers_neither_wdp_nor_1619b() -> None:
    body = soc_json(*MAY_2026, "--earned", "20000")
    found = screens(body)
    assert found["wdp"]["status"] == "unlikely"  # 9,957.50 is not under 3,325
    assert found["1619b"]["status"] == "unlikely"  # no SSI history given
    assert body["wdp"]["likely_eligible"] is False
    assert "Working Disabled" not in body["summary"]
    assert "1619(b)" not in body["summary"]


def test_no_earnings_no_wdp_and_no_ssi_over_its_resources() -> None:
    body = soc_json(*MAY_2026, "--unearned", "900", "--assets", "140000")
    found = screens(body)
    assert found["wdp"]["status"] == "unlikely"
    assert found["ssi"]["status"] == "unlikely"  # 880 is below the level, but 140,000 > 2,000
    # Over $130,000 every program with Medi-Cal's asset test fails; MAGI has none.
    assert found["ad-fpl"]["status"] == found["medically-needy"]["status"] == "unlikely"
    assert found["magi"]["status"] == "possible"  # no age given
    assert body["placement"] == {"program": "none", "label": "no Medi-Cal",
                                 "share_of_cost": None, "given": False}  # fmt: skip


# -- possible: what it depends on -----------------------------------------------------------------


def test_a_missing_input_makes_a_program_possible_with_what_it_needs() -> None:
    body = soc_json(*MAY_2026, "--unearned", "1500")  # no age, no assets
    magi = screens(body)["magi"]
    assert magi["status"] == "possible"
    assert magi["needs"] == ["your age (19 to 64)"]
    ssi = soc_json(*MAY_2026, "--unearned", "900")
    assert screens(ssi)["ssi"]["status"] == "possible"
    assert screens(ssi)["ssi"]["needs"] == ["your countable resources (assets), at most $2,000"]


def test_pickle_without_the_disregard_is_possible() -> None:
    body = soc_json(*MAY_2026, "--unearned", "1500", "--ssi-ended", "other")
    pickle = screens(body)["pickle"]
    assert pickle["status"] == "possible"
    assert pickle["needs"] == ["the amount the county disregards for Pickle"]
    # With the disregard: 1,500 − 300 − 20 = 1,180 < 1,233.94, and SSI's resources given.
    given = soc_json(*MAY_2026, "--unearned", "1500", "--ssi-ended", "other",
                     "--pickle-disregard", "300", "--assets", "1000")  # fmt: skip
    assert screens(given)["pickle"]["status"] == "likely"
    assert given["placement"]["program"] == "pickle"


def test_magi_limits_not_on_file_are_possible_not_unlikely() -> None:
    body = soc_json("--year", "2024", "--month", "5", "--unearned", "1500", "--age", "40")
    magi = screens(body)["magi"]
    assert magi["status"] == "possible"
    assert magi["needs"] == ["the MAGI income limit in force in May 2024 (not found)"]


# -- the month: January to March use last April's limits ------------------------------------------


def test_january_to_march_use_last_aprils_limit() -> None:
    # 1,840 − 20 = 1,820: at or below 2026's 1,836 (from April), over 2025's 1,801.
    args = ("--year", "2026", "--unearned", "1840", "--age", "70", "--medicare")
    may, february = soc_json(*args, "--month", "5"), soc_json(*args, "--month", "2")
    assert may["placement"]["program"] == "ad-fpl"
    assert february["placement"]["program"] == "medically-needy"
    assert february["placement"]["share_of_cost"] == D("586.06")  # 1,820 − 1,233.94
    ad = screens(february)["ad-fpl"]
    assert "$1,801" in ad["reason"]
    assert any("January's Social Security raise" in note for note in ad["notes"])


@pytest.mark.parametrize(
    ("year", "limit"), [(2022, 1563), (2023, 1677), (2024, 1732), (2025, 1801), (2026, 1836)]
)
def test_each_years_a_and_d_limit(year: int, limit: int) -> None:
    # $1 either side of the limit, by unearned income ($20 off).
    at = soc_json("--year", str(year), "--month", "6", "--unearned", str(limit + 20), "--age",
                  "70", "--medicare")  # fmt: skip
    over = soc_json("--year", str(year), "--month", "6", "--unearned", str(limit + 21), "--age",
                    "70", "--medicare")  # fmt: skip
    assert screens(at)["ad-fpl"]["status"] == "likely"
    assert screens(over)["ad-fpl"]["status"] == "unlikely"


# -- couples and a spouse who does not apply -------------------------------------------------------


def test_a_couple_under_the_couple_limit() -> None:
    # 2,400 − 20 = 2,380 ≤ 2,490; the couple's share of cost would be 2,380 − 2,098.83.
    body = soc_json(*MAY_2026, "--couple", "--unearned", "2400", "--age", "70", "--medicare")
    assert body["placement"]["program"] == "ad-fpl"
    assert body["share_of_cost"] == D("281.17")
    over = soc_json(*MAY_2026, "--couple", "--unearned", "2600", "--age", "70", "--medicare")
    ad = screens(over)["ad-fpl"]
    assert ad["status"] == "possible"  # one of them may qualify alone (ACWDL 02-38)
    assert ad["needs"] == ["the county's check of each of you alone"]


def test_a_spouse_who_does_not_apply_is_added_less_600() -> None:
    # 1,500 + 1,000 (the spouse's) − 20 = 2,480 unearned, − 600 = 1,880 > 1,836.
    body = soc_json(*MAY_2026, "--unearned", "1500", "--spouse-unearned", "1000", "--age", "70",
                    "--medicare")  # fmt: skip
    ad = screens(body)["ad-fpl"]
    assert ad["status"] == "unlikely"
    assert {c["what"]: c["value"] for c in ad["figures"]}["income_for_program"] == D("1880.00")
    # With the spouse's 900: 1,780 ≤ 1,836.
    under = soc_json(*MAY_2026, "--unearned", "1500", "--spouse-unearned", "900", "--age", "70",
                     "--medicare")  # fmt: skip
    assert under["placement"]["program"] == "ad-fpl"


# -- the person's word, and a caution when the facts say otherwise ---------------------------------


@pytest.mark.parametrize(
    ("args", "program"),
    [
        (("--medi-cal", "wdp", "--unearned", "1500"), "Working Disabled Program"),
        (("--medi-cal", "ssi", "--unearned", "900", "--assets", "500000"), "SSI-linked"),
        (("--medi-cal", "ad-fpl", "--unearned", "5000", "--age", "70"), "Aged & Disabled"),
    ],
)
def test_a_caution_keeps_the_persons_word(args: tuple[str, ...], program: str) -> None:
    body = soc_json(*MAY_2026, *args)
    assert body["placement"]["given"] is True
    assert body["placement"]["share_of_cost"] == D("0.00")  # their word is kept
    assert body["caution"].startswith("You said you have ")
    assert program in body["caution"]
    assert "The answer keeps your word" in body["caution"]
    fits = soc_json(*MAY_2026, "--medi-cal", "wdp", "--unearned", "1000", "--earned", "500")
    assert fits["caution"] is None


# -- WDP's premium, and the batch columns ---------------------------------------------------------


def test_wdp_has_no_premium_only_from_july_2022() -> None:
    args = ("--year", "2022", "--unearned", "1400", "--disability-income", "1400", "--earned",
            "1000", "--age", "45")  # fmt: skip
    june, july = soc_json(*args, "--month", "6"), soc_json(*args, "--month", "7")
    assert "WDP has no premium (since July 2022)." in screens(july)["wdp"]["notes"]
    assert not any("no premium" in n for n in screens(june)["wdp"]["notes"])
    assert any("monthly premium" in n for n in screens(june)["wdp"]["notes"])


def test_batch_writes_the_placement_in_both_formats(tmp_path: Any) -> None:
    rows = ("id,unearned,disability_income,earned,age,medicare,health_premiums,assets,"
            "ssi_ended,year,month\n"
            "a,1700,,,70,yes,202.90,20000,,2026,5\n"
            "b,2100,2100,,40,,,,,2026,5\n"
            "c,,,3000,28,,,1500,earnings,2026,5\n"
            "d,1500,,500,,,,200000,,2026,5\n")  # fmt: skip
    source = tmp_path / "cases.csv"
    source.write_text(rows, encoding="utf-8")
    lines = run("batch", str(source)).stdout.splitlines()
    got = [json.loads(line, parse_float=D) for line in lines]
    assert [(r["placement"], r["placement_share_of_cost"]) for r in got] == [
        ("ad-fpl", D("0.00")), ("medically-needy", D("846.06")), ("1619b", D("0.00")),
        ("none", None),
    ]  # fmt: skip
    text = run("batch", str(source), "--output-format", "csv").stdout
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(text)))
    assert [(r["placement"], r["placement_share_of_cost"]) for r in table] == [
        ("ad-fpl", "0.00"), ("medically-needy", "846.06"), ("1619b", "0.00"), ("none", ""),
    ]  # fmt: skip


def test_whatif_shows_the_likely_program_and_honours_assets() -> None:
    body = json.loads(run("whatif", *MAY_2026, "--unearned", "1000", "--earned", "0:6000:3000",
                          "--age", "70", "--medicare", "--json").stdout, parse_float=D)  # fmt: skip
    assert [p["placement"]["program"] for p in body["points"]] == [
        "ad-fpl", "wdp", "medically-needy"
    ]  # fmt: skip
    over = json.loads(run("whatif", *MAY_2026, "--unearned", "1000", "--earned", "0:3000:1500",
                          "--assets", "200000", "--json").stdout, parse_float=D)  # fmt: skip
    assert {p["placement"]["program"] for p in over["points"]} == {"none"}
