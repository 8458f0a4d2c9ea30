"""The worksheet for a client's file (issue 24): who it is for, by whom and when, every input
given, money written as people write it, and an automated accessibility audit (axe-core in
headless Chromium) in both languages."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FULL = ["soc", "--year", "2026", "--unearned", "1500", "--earned", "300", "--spouse-earned",
        "900", "--spouse-unearned", "100", "--spouse-ihss-wages", "200", "--children", "2",
        "--child-income", "600", "--child-income", "0", "--health-premiums", "202.90",
        "--medi-cal", "medically-needy"]  # fmt: skip


def worksheet(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> str:
    page = tmp_path / "w.html"
    result = run(*args, "--worksheet", str(page), env=env)
    assert result.exit_code == 0, result.stderr
    return page.read_text(encoding="utf-8")


def words(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_client_the_case_the_preparer_and_the_date_are_on_the_page(tmp_path: Path) -> None:
    page = words(worksheet(tmp_path, "soc", "--unearned", "1000", "--client", "A. Person",
                           "--case-number", "123", "--prepared-by", "B. Counselor"))  # fmt: skip
    assert "Client: A. Person" in page
    assert "Case number: 123" in page
    assert "Prepared by: B. Counselor" in page
    assert "Date prepared: 2022-06-01" in page  # today (the tests pin it)
    bare = words(worksheet(tmp_path, "soc", "--unearned", "1000"))
    assert "Client: not given" in bare


def test_client_details_go_only_on_the_page(tmp_path: Path) -> None:
    result = run("soc", "--unearned", "1000", "--client", "A. Person", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--client go on the worksheet: give --worksheet FILE.html too." in result.stderr
    page = tmp_path / "w.html"
    result = run("soc", "--unearned", "1000", "--client", "A. Person", "--json", "--worksheet",
                 str(page))  # fmt: skip
    assert result.exit_code == 0
    assert "A. Person" not in result.stdout + result.stderr
    assert "A. Person" in page.read_text(encoding="utf-8")


def test_the_household_box_shows_every_input(tmp_path: Path) -> None:
    page = words(worksheet(tmp_path, *FULL))
    for fact in ("Spouse's earned income (not aged, blind or disabled): $900.00 a month",
                 "Spouse's unearned income: $100.00 a month",
                 "Spouse's IHSS wages for your care: $200.00 a month",
                 "Children (not blind or disabled): 2",
                 "Child 1: own income $600.00 a month", "Child 2: own income $0.00 a month",
                 "Health insurance premiums: $202.90 a month",
                 "Medi-Cal: medically needy (share-of-cost) Medi-Cal",
                 "Countable assets: not given", "Age: not given"):  # fmt: skip
        assert fact in page, fact


def test_money_is_written_as_people_write_it(tmp_path: Path) -> None:
    page = worksheet(tmp_path, "soc", "--year", "2026", "--unearned", "1500", "--medi-cal",
                     "medically-needy", "--health-premiums", "202.90")  # fmt: skip
    assert "−$202.90" in page
    assert "$-" not in page


def axe_core() -> Path | None:
    given = os.environ.get("IHSS_AXE_CORE")
    if given:
        return Path(given)
    for folder in (Path.cwd(), Path(tempfile.gettempdir()) / "ihss-axe"):
        found = folder / "node_modules" / "axe-core" / "axe.min.js"
        if found.exists():
            return found
    return None


AUDIT = """<script>{axe}</script>
<script>
axe.run(document, {{resultTypes: ["violations"]}}).then(function (r) {{
  var pre = document.createElement("pre");
  pre.id = "axe-result";
  pre.textContent = JSON.stringify(r.violations.map(function (v) {{
    return {{id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}};
  }}));
  document.body.appendChild(pre);
}});
</script>
</body>"""


def audit(page: str, folder: Path, axe: Path) -> list[dict[str, Any]]:
    """axe-core's violations on ``page``, run in headless Chromium (a copy of the page with
    the audit added; the worksheet itself loads nothing)."""
    assert CHROMIUM is not None
    copy = folder / "audit.html"
    copy.write_text(page.replace("</body>", AUDIT.format(axe=axe.read_text(encoding="utf-8"))),
                    encoding="utf-8")  # fmt: skip
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom",
             copy.as_uri()],
            capture_output=True, text=True, timeout=180, check=True,
        )  # fmt: skip
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', done.stdout, re.S)
    assert found, "axe-core did not report"
    result: list[dict[str, Any]] = json.loads(html.unescape(found.group(1)))
    return result


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (CI installs it)")
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_worksheet_passes_an_accessibility_audit(tmp_path: Path, lang: str) -> None:
    axe = axe_core()
    if axe is None:
        if os.environ.get("IHSS_REQUIRE_AXE"):
            pytest.fail("axe-core is not installed (.ci/run installs it from npm)")
        pytest.skip("needs axe-core from npm (.ci/run installs it)")
    page = worksheet(tmp_path, "--lang", lang, *FULL, "--client", "A. Person")
    serious = [v for v in audit(page, tmp_path, axe) if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (CI installs it)")
def test_the_chart_passes_the_same_audit(tmp_path: Path) -> None:
    axe = axe_core()
    if axe is None:
        if os.environ.get("IHSS_REQUIRE_AXE"):
            pytest.fail("axe-core is not installed (.ci/run installs it from npm)")
        pytest.skip("needs axe-core from npm (.ci/run installs it)")
    chart = tmp_path / "keep.svg"
    result = run("whatif", "--unearned", "1400", "--ssdi", "1400", "--twp-done", "--earned",
                 "0:3000:100", "--chart", str(chart))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    svg = chart.read_text(encoding="utf-8")
    svg = svg[svg.index("<svg") :]
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chart</title>'
            f"</head><body><main>{svg}</main></body></html>")  # fmt: skip
    serious = [v for v in audit(page, tmp_path, axe) if v["impact"] in ("serious", "critical")]
    assert serious == []
