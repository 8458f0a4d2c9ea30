"""The program cites only what the repository ships: docs/rules.md, never the notes the rules
were gathered in (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run

ROOT = Path(__file__).resolve().parent.parent
GATHERED = "RULES" + ".md"  # spelled so that this file does not match itself


def test_docs_rules_exists_and_has_every_section_the_program_cites() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    cited = set()
    for path in [*(ROOT / "src").rglob("*.py"), *(ROOT / "src").rglob("*.j2"),
                 *(ROOT / "data").glob("*.toml"), ROOT / "README.md"]:  # fmt: skip
        body = path.read_text(encoding="utf-8")
        assert GATHERED not in body, path
        for part in body.split("docs/rules.md §")[1:]:
            digits = "".join(c for c in part[:2] if c.isdigit())
            if digits:  # "§N" in the README's own words is no citation
                cited.add(int(digits))
    assert cited
    for number in cited:
        assert f"## §{number}." in text, number
    assert "[docs/rules.md](docs/rules.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("soc", "--unearned", "800", "--spouse-earned", "3000", "--children", "1", "--json"),
        ("soc", "--unearned", "800", "--spouse-earned", "3000", "--earned", "100"),
        ("soc", "--unearned", "1500", "--medi-cal", "medically-needy", "--health-premiums", "900"),
        ("rates", "--year", "2026", "--json"),
        ("whatif", "--unearned", "1400", "--ssdi", "1400", "--twp-done", "--earned", "0:3000:500"),
    ],
)
def test_no_output_cites_the_gathering_notes(args: tuple[str, ...]) -> None:
    for lang in ("en", "es"):
        result = run("--lang", lang, *args)
        assert result.exit_code == 0, result.stderr
        assert GATHERED not in result.stdout + result.stderr
