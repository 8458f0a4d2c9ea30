"""What you keep if you take the job (issue 22): SSDI under its work rules, SSI/SSP cash, the
likely program, and the cliffs named. Expected figures are worked out by hand from
docs/rules.md §12–§13 and the 2026 rates."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run

Y2026 = ("--year", "2026", "--month", "5")
SSDI_JOB = (*Y2026, "--unearned", "1400", "--ssdi", "1400", "--twp-done", "--age", "45",
            "--medicare")  # fmt: skip


def whatif_json(*args: str) -> dict[str, Any]:
    result = run("whatif", *args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


def at(body: dict[str, Any], earned: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [p for p in body["points"] if p["earned"] == D(earned)]
    (point,) = found
    return point


def test_ssdi_stops_above_sga_after_the_trial_work_period() -> None:
    body = whatif_json(*SSDI_JOB, "--earned", "0:3000:100")
    for point in body["points"]:
        # SGA 2026 is $1,690: 1,600 and below keep SSDI, 1,700 and above do not.
        assert point["ssdi"] == (D("1400.00") if point["earned"] <= 1600 else D("0.00"))
    # At 1,600: WDP ((1,600 − 20 − 65) ÷ 2 = 757.50 < 3,325), so kept = 1,600 + 1,400.
    assert at(body, "1600")["kept"] == D("3000.00")
    # At 1,700 SSDI is gone: 1,700 of earnings alone; A&D FPL (817.50 ≤ 1,836): kept 1,700.
    assert at(body, "1700")["kept"] == D("1700.00")
    assert at(body, "1700")["unearned"] == D("0.00")
    (cliff,) = [c for c in body["cliffs"] if c["kind"] == "ssdi"]
    assert (cliff["earned"], cliff["before"], cliff["after"]) == (D("1690.00"), D("1400.00"),
                                                                   D("0.00"))  # fmt: skip
    # At 1,690 exactly SSDI is still paid (not over SGA): 1,690 + 1,400 = 3,090 kept.
    assert (cliff["kept_before"], cliff["kept_after"]) == (D("3090.00"), D("1700.00"))
    assert cliff["sentence"].startswith(
        "Above $1,690.00 a month your SSDI of $1,400.00 stops (earnings less IRWE over SGA, "
        "$1,690.00, after the trial work period)"
    )
    assert cliff["sentence"].endswith("you keep $1,390.00 less at $1,700.00 than at $1,690.00.")


def test_irwe_come_off_before_sga_and_blind_people_have_their_own() -> None:
    irwe = whatif_json(*SSDI_JOB, "--irwe", "100", "--earned", "1700:1800:100")
    assert [p["ssdi"] for p in irwe["points"]] == [D("1400.00"), D("0.00")]  # 1,600, 1,700 net
    blind = whatif_json(*Y2026, "--unearned", "1400", "--ssdi", "1400", "--twp-done", "--blind",
                        "--earned", "2800:2900:100")  # fmt: skip
    assert [p["ssdi"] for p in blind["points"]] == [D("1400.00"), D("0.00")]  # SGA blind 2,830


def test_without_twp_done_ssdi_is_paid_and_the_period_is_explained() -> None:
    body = whatif_json(*Y2026, "--unearned", "1400", "--ssdi", "1400", "--earned", "0:3000:1500")
    assert [p["ssdi"] for p in body["points"]] == [D("1400.00")] * 3
    assert not [c for c in body["cliffs"] if c["kind"] == "ssdi"]
    assert any("over $1,210.00 counts toward it" in n and "9 such months" in n
               for n in body["notes"])  # fmt: skip


def test_ssi_ssp_cash_falls_by_half_of_each_dollar_until_zero() -> None:
    body = whatif_json(*Y2026, "--gets-ssi", "--unearned", "300", "--earned", "0:2000:250")
    cash = [p["ssi_ssp_payment"] for p in body["points"]]
    # 1,233.94 − 280 = 953.94 at 0; at 250, 280 + (250 − 65) ÷ 2 = 372.50 → 861.44; then 125
    # less for each 250 more; 0 at 2,000 (280 + 967.50 = 1,247.50 over the level).
    assert cash == [D("953.94"), D("861.44"), D("736.44"), D("611.44"), D("486.44"),
                    D("361.44"), D("236.44"), D("111.44"), D("0.00")]  # fmt: skip
    assert [p["placement"]["program"] for p in body["points"][:8]] == ["ssi"] * 8
    # kept = earnings + 300 + SSI/SSP, $0 of share of cost on SSI-linked Medi-Cal.
    assert at(body, "1000")["kept"] == D("1786.44")
    (cliff,) = [c for c in body["cliffs"] if c["kind"] == "ssi_ssp"]
    # countable reaches 1,233.94 at 280 + (e − 65) ÷ 2: e = 1,972.88; 1,972.87 is the last
    # cent with cash (one cent).
    assert cliff["earned"] == D("1972.87")
    assert "1619(b) may keep your Medi-Cal" in cliff["sentence"]


def test_ssi_over_its_resource_limit_pays_nothing() -> None:
    body = whatif_json(*Y2026, "--gets-ssi", "--unearned", "300", "--assets", "2500",
                       "--earned", "0:500:500")  # fmt: skip
    assert [p["ssi_ssp_payment"] for p in body["points"]] == [D("0.00"), D("0.00")]


def test_a_list_of_levels_gives_now_and_with_the_job() -> None:
    body = whatif_json(*SSDI_JOB, "--earned", "0,1800")
    assert [p["earned"] for p in body["points"]] == [D("0.00"), D("1800.00")]
    assert body["inputs"]["earned"]["levels"] == [D("0.00"), D("1800.00")]
    assert body["inputs"]["earned"]["step"] is None
    # Now: 1,400 of SSDI on A&D FPL (1,380 ≤ 1,836), $0. With 1,800: SSDI gone, 1,800 kept.
    assert body["compared"] == [
        "Now you keep $1,400.00; with $1,800.00 a month you keep $1,800.00, $400.00 more."
    ]
    table = run("whatif", *SSDI_JOB, "--earned", "0,1800", env={"COLUMNS": "200"}).stdout
    assert "Now you keep $1,400.00; with $1,800.00 a month you keep $1,800.00, $400.00 more." in (
        table)  # fmt: skip


def test_hours_sweeps_carry_hours_everywhere(tmp_path: Path) -> None:
    body = whatif_json(*Y2026, "--unearned", "1000", "--wage", "17", "--hours", "0:40:10")
    # 17 × hours × 52 ÷ 12, to the cent: 10 hours → 736.666… → 736.67.
    assert [(p["hours"], p["earned"]) for p in body["points"]] == [
        (D(0), D("0.00")), (D(10), D("736.67")), (D(20), D("1473.33")), (D(30), D("2210.00")),
        (D(40), D("2946.67"))]  # fmt: skip
    table = run("whatif", *Y2026, "--unearned", "1000", "--wage", "17", "--hours", "0:40:10",
                env={"COLUMNS": "120"}).stdout  # fmt: skip
    assert "Hours a" in table
    chart = tmp_path / "h.svg"
    assert run("whatif", *Y2026, "--unearned", "1000", "--wage", "17", "--hours", "0:40:10",
               "--chart", str(chart)).exit_code == 0  # fmt: skip
    assert ">Hours a week</text>" in chart.read_text(encoding="utf-8")


def test_the_chart_is_text_with_a_title_and_a_description_naming_the_cliffs(
    tmp_path: Path,
) -> None:
    chart = tmp_path / "out.svg"
    result = run("whatif", *SSDI_JOB, "--earned", "0:3000:100", "--chart", str(chart))
    assert result.exit_code == 0, result.stderr
    svg = chart.read_text(encoding="utf-8")
    title = re.search(r"<title id=\"chart-title\">(.*?)</title>", svg)
    desc = re.search(r"<desc id=\"chart-desc\">(.*?)</desc>", svg, re.S)
    assert title is not None
    assert desc is not None
    assert title.group(1) == "What you keep: individual, 2026 rates, unearned $1,400.00"
    assert "your SSDI of $1,400.00 stops" in desc.group(1)
    assert "leaves out taxes, CalFresh" in desc.group(1)
    assert 'role="img"' in svg
    # The words are text, not drawn outlines.
    assert ">Monthly earnings</text>" in svg
    assert ">A month</text>" in svg
    png = tmp_path / "out.png"
    assert run("whatif", *SSDI_JOB, "--earned", "0:3000:100", "--chart", str(png)).exit_code == 0
    from PIL import Image

    with Image.open(png) as image:
        assert "your SSDI of $1,400.00 stops" in image.info["Description"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--unearned", "100", "--ssdi", "200", "--earned", "0:100:50"),
         "Invalid value for '--ssdi': 200.00 is more than the unearned income, 100.00"),
        (("--unearned", "100", "--twp-done", "--earned", "0:100:50"),
         "--twp-done is about SSDI: give --ssdi AMOUNT too."),
        (("--earned", "0,1x800"), "Invalid value for '--earned': '1x800' in '0,1x800'"),
    ],
)  # fmt: skip
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run("whatif", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr
