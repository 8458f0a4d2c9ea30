"""The answer first, in plain words; what you keep; earnings as people know them; the chart;
the worksheet in a real browser; narrow terminals (issue 11)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run

SEED = ["soc", "--unearned", "1000", "--earned", "500", "--year", "2022"]


def soc_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    body: dict[str, Any] = json.loads(result.stdout, parse_float=D)
    return body


def test_the_answer_comes_first() -> None:
    out = run(*SEED, env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert lines[0].startswith("You likely pay $0 for IHSS: you appear to qualify for the Aged")
    assert "On share-of-cost Medi-Cal you would pay $157.29." in lines
    table = out.index("How it is worked out")
    assert out.index("Medi-Cal screened for June 2022.") < table
    assert out.index("┏") > table  # the step table comes after the answer
    assert "ROUND_HALF_DOWN" in out[table:]  # the legal detail stays, as detail
    assert out.index("Which Medi-Cal: each program") > table  # the screens, as detail


def test_brief_prints_the_answer_block_only() -> None:
    brief = run(*SEED, "--brief", env={"COLUMNS": "200"})
    assert brief.exit_code == 0
    assert brief.stdout.splitlines() == [
        "You likely pay $0 for IHSS: you appear to qualify for the Aged & Disabled Federal "
        "Poverty Level program: your income for it, $1,197.50, is at or below its limit of "
        "$1,563 (138% of the poverty level,",
        "from April 2022).",
        "On share-of-cost Medi-Cal you would pay $157.29.",
        "Your countable income, $1,197.50, is $157.29 above the SSI/SSP payment level for one "
        "person, $1,040.21 (2022 rates).",
        "Medi-Cal screened for June 2022. This is a screen, not a decision: the county decides "
        "which Medi-Cal you get, after checking every program in its order (DHCS ACWDL 17-03).",
    ]
    # On share-of-cost Medi-Cal (the person's word), the answer is the share, and the ways
    # to $0 are named with what each depends on.
    given = run(*SEED, "--brief", "--medi-cal", "medically-needy", env={"COLUMNS": "200"})
    assert given.stdout.splitlines()[:4] == [
        "You pay $157.29 a month for IHSS.",
        "Your countable income, $1,197.50, is $157.29 above the SSI/SSP payment level for one "
        "person, $1,040.21 (2022 rates).",
        "You could pay $0 with MAGI (possible: it depends on your age (19 to 64); the MAGI "
        "income limit in force in June 2022 (not found)), A&D FPL or the Working Disabled "
        "Program.",
        "You could earn up to $185.43 a month before paying.",
    ]
    both = run(*SEED, "--brief", "--json")
    assert (both.exit_code, both.stdout) == (2, "")


JSON_KEYS = {
    "schema_version", "inputs", "household", "countable_unearned_income",
    "countable_earned_income", "total_countable_income", "payment_level",
    "above_payment_level", "computed_share_of_cost", "share_of_cost", "medi_cal", "rates",
    "max_earned_without_soc", "wdp", "threshold_1619b", "deeming", "medi_cal_share_of_cost",
    "assets", "steps", "notes", "summary", "warnings", "programs", "placement",
    "placement_share_of_cost", "screened_month", "caution",
}  # fmt: skip


def test_json_gains_only_a_summary_and_the_screen() -> None:
    body = soc_json(*SEED)
    assert set(body) == JSON_KEYS
    assert body["schema_version"] == 2
    assert body["share_of_cost"] == D("157.29")  # still the share on share-of-cost Medi-Cal
    assert body["summary"].startswith("You likely pay $0 for IHSS: you appear to qualify")
    assert "On share-of-cost Medi-Cal you would pay $157.29." in body["summary"]
    assert body["max_earned_without_soc"] == D("185.43")


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["--medi-cal", "ssi"], "You pay no share of cost: IHSS is free with SSI-linked Medi-Cal."),
        (["--year", "2026"], "You pay no share of cost for IHSS ($0 a month)."),
    ],
)
def test_other_answers(args: list[str], first: str) -> None:
    out = run("soc", "--unearned", "1000", "--earned", "500", *args, "--brief").stdout
    assert out.splitlines()[0] == first


def test_share_even_with_no_earnings_names_only_what_could_fit() -> None:
    out = " ".join(run("soc", "--year", "2022", "--unearned", "2500", "--brief").stdout.split())
    assert "You pay $1,439.79 a month for IHSS." in out
    # No earnings: no WDP; no SSI history: no 1619(b) or Pickle; over A&D FPL's $1,563.
    assert ("You could pay $0 with MAGI (possible: it depends on your age (19 to 64); the MAGI "
            "income limit in force in June 2022 (not found)).") in out  # fmt: skip
    assert "There is a share of cost even with no earnings." in out
    over = " ".join(run("soc", "--year", "2026", "--unearned", "2500", "--age", "70",
                        "--medicare", "--brief").stdout.split())  # fmt: skip
    assert ("No Medi-Cal program without a share of cost appears to fit what you "
            "entered.") in over  # fmt: skip


# -- earnings as people know them ----------------------------------------------------------------


def test_wage_and_hours() -> None:
    # 18.50 × 20 × 52 ÷ 12 = 1,603.333…, to the cent, half up: 1,603.33.
    body = soc_json("soc", "--year", "2026", "--unearned", "1000", "--wage", "18.50", "--hours",
                    "20")  # fmt: skip
    assert body["inputs"]["earned"] == D("1603.33")
    assert body["notes"][0] == (
        "Monthly earnings: 18.50 an hour × 20 hours a week × 52 ÷ 12 = 1,603.333…, rounded to "
        "the nearest cent (half a cent up): 1,603.33 a month."
    )
    same = soc_json("soc", "--year", "2026", "--unearned", "1000", "--earned", "1603.33")
    assert body["share_of_cost"] == same["share_of_cost"]
    table = run("soc", "--unearned", "1000", "--wage", "18.50", "--hours", "20").stdout
    assert "18.50 an hour × 20 hours a week × 52 ÷ 12 = 1,603.333…" in " ".join(table.split())


def test_yearly() -> None:
    body = soc_json("soc", "--year", "2026", "--unearned", "1000", "--yearly", "30000")
    assert body["inputs"]["earned"] == D("2500.00")
    assert body["notes"][0] == "Monthly earnings: 30,000.00 a year ÷ 12 = 2,500.00 a month."
    odd = soc_json("soc", "--year", "2026", "--yearly", "10000")
    assert odd["inputs"]["earned"] == D("833.33")  # 833.333…


def test_a_monthly_amount_that_looks_yearly_is_warned_never_refused() -> None:
    warning = ("30,000.00 a month of earnings is 360,000.00 a year; if 30,000.00 is a year's "
               "pay, give it with --yearly.")  # fmt: skip
    result = run("soc", "--earned", "30000")
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {warning}\n"
    result = run("soc", "--earned", "30000", "--json")  # with --json, as JSON for a script
    assert result.exit_code == 0
    assert json.loads(result.stderr) == {"warning": warning}
    assert run("soc", "--earned", "15000", "--json").stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--earned", "5", "--yearly", "60"], "--earned and --yearly each give earnings"),
        (["--wage", "18"], "--wage needs --hours too"),
        (["--hours", "18"], "--hours needs --wage too"),
        (["--wage", "18", "--hours", "200"], "'200' is more hours than a week has (168)"),
        (["--wage", "18", "--hours", "x"], "'x' is not a number of hours a week"),
    ],
)
def test_earnings_usage_errors(args: list[str], message: str) -> None:
    result = run("soc", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_whatif_by_wage_and_hours() -> None:
    body = soc_json("whatif", "--year", "2022", "--unearned", "1000", "--wage", "18.50",
                    "--hours", "0:20:10")  # fmt: skip
    assert [p["earned"] for p in body["points"]] == [D("0.00"), D("801.67"), D("1603.33")]
    assert body["inputs"]["earned"]["given_as"].startswith("18.50 an hour × hours a week")
    yearly = soc_json("whatif", "--year", "2022", "--yearly", "0:24000:12000")
    assert [p["earned"] for p in yearly["points"]] == [D("0.00"), D("1000.00"), D("2000.00")]


# -- the chart ---------------------------------------------------------------------------------


def test_chart_svg_and_png(tmp_path: Path) -> None:
    svg, png = tmp_path / "keep.svg", tmp_path / "keep.png"
    args = ["whatif", "--year", "2022", "--unearned", "1000", "--earned", "0:4000:100"]
    result = run(*args, "--chart", str(svg), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["points"]  # stdout is still the result
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = svg.read_text(encoding="utf-8")
    assert 'href="http' not in text  # loads nothing: no linked image or font
    assert "@import" not in text
    assert "<path" in text
    assert run(*args, "--chart", str(png)).exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = tmp_path / "again.svg"
    run(*args, "--chart", str(again))
    assert again.read_bytes() == svg.read_bytes()  # the same input draws the same file
    bad = run(*args, "--chart", str(tmp_path / "keep.gif"))
    assert (bad.exit_code, bad.stdout) == (2, "")
    assert "Invalid value for '--chart': the file must end in .svg or .png" in bad.stderr


def test_chart_path_alone_imports_matplotlib() -> None:
    code = (
        "import sys\nfrom ihss_calc.cli import cli\n"
        "try:\n    cli(['whatif', '--earned', '0:100:50', '--json'], prog_name='ihss')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('matplotlib', 'jinja2', 'numpy')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stderr.strip().splitlines()[-1] == "[]"


# -- narrow terminals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        SEED,
        ["whatif", "--year", "2022", "--unearned", "1000", "--earned", "0:4000:400"],
        ["rates", "--year", "2026"],
        ["soc", "--year", "2026", "--unearned", "1500", "--medi-cal", "medically-needy"],
    ],
)
def test_forty_columns_wrap_and_keep_every_amount_whole(args: list[str]) -> None:
    wide = run(*args, env={"COLUMNS": "200"}).stdout
    narrow = run(*args, env={"COLUMNS": "40"}).stdout
    lines = narrow.splitlines()
    # A source's link is never broken, so that it can be copied: only such lines may be longer.
    assert max(len(line) for line in lines if "://" not in line) <= 40
    assert not any(line.endswith(" ") for line in lines)
    amounts = {word.strip("│┃$(),.") for word in wide.split() if any(c.isdigit() for c in word)}
    money = {a for a in amounts if a.count(".") == 1 and a.split(".")[1].isdigit()}
    assert money
    for amount in money:
        assert amount in narrow, amount


# -- the worksheet, in a real browser ----------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def print_to_pdf(page: Path, pdf: Path) -> None:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip


HEADINGS_EN = ("Household: everything given", "Part A:", "Part B:", "Which Medi-Cal",
               "Medi-Cal share of cost, beside the IHSS one", "Notes",
               "Figures used, and their sources")  # fmt: skip


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (CI installs it)")
@pytest.mark.parametrize(
    ("args", "share", "pages"),
    [
        (SEED, "$157.29", 1),
        (["soc", "--year", "2026", "--unearned", "1500", "--earned", "900", "--spouse-earned",
          "3000", "--spouse-unearned", "200", "--children", "2", "--child-income", "100",
          "--irwe", "50", "--assets", "20000"], "$926.67", 2),
        (["soc", "--year", "2026", "--unearned", "1500", "--earned", "300", "--couple",
          "--spouse-blind", "--bwe", "20", "--medi-cal", "medically-needy",
          "--health-premiums", "202.90", "--assets", "200000"], "$0.00", 2),
    ],
)  # fmt: skip
def test_worksheet_prints_on_letter_pages(
    tmp_path: Path, args: list[str], share: str, pages: int
) -> None:
    """One US-letter page for most households; a long one (deeming, children, the Medi-Cal
    share) at most two, broken between sections: no heading ends a page."""
    from pypdf import PdfReader

    page, pdf = tmp_path / "w.html", tmp_path / "w.pdf"
    result = run(*args, "--worksheet", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html
    assert 'rel="stylesheet"' not in html  # inline CSS only
    assert "estimate to plan with, not a county decision" in html
    print_to_pdf(page, pdf)
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= pages
    for sheet in reader.pages:
        width, height = sheet.mediabox.width, sheet.mediabox.height
        assert (round(width), round(height)) == (612, 792)  # US letter, in points
    first = reader.pages[0].extract_text()
    text = "\n".join(p.extract_text() for p in reader.pages)
    for number in range(1, 16):
        assert f"A{number}" in first
    assert share in text
    last_line = first.rstrip().splitlines()[-1]
    assert not any(last_line.startswith(h) for h in HEADINGS_EN), last_line
