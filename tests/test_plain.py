"""Output a screen reader and a pipe can use (issue 24): --plain, IHSS_PLAIN=1 and TERM=dumb
give every table as lines of words, with no box drawing, blocks, bars or colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run

FIXTURES = Path(__file__).parent / "fixtures" / "readme"
COMMANDS = [
    ("soc", "--unearned", "1000", "--earned", "500"),
    ("soc", "--unearned", "800", "--spouse-earned", "3000", "--children", "2", "--child-income",
     "600", "--medi-cal", "medically-needy"),
    ("whatif", "--unearned", "1400", "--ssdi", "1400", "--twp-done", "--earned", "0:3000:500"),
    ("rates", "--year", "2026"),
    ("hours", "--weekly", "personal-care=15", "--weekly", "meal-preparation=6"),
    ("timesheets", "check", str(FIXTURES / "march.csv"), "--authorized", "R1=160"),
]  # fmt: skip


def drawn(text: str) -> list[str]:
    """Box-drawing (U+2500–U+257F), block (U+2580–U+259F) and arrow-like marks."""
    return [c for c in text if 0x2500 <= ord(c) <= 0x259F or c == "◀"]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize("how", ["--plain", "IHSS_PLAIN=1", "TERM=dumb"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_box_drawing_in_plain_mode(args: tuple[str, ...], how: str, lang: str) -> None:
    env = {"COLUMNS": "80"}
    extra: tuple[str, ...] = ()
    if how == "--plain":
        extra = ("--plain",)
    else:
        name, value = how.split("=")
        env[name] = value
    result = run("--lang", lang, *args, *extra, env=env)
    assert result.exit_code in (0, 1), result.stderr  # timesheets: 1 for violations found
    assert result.stdout.strip()
    assert drawn(result.stdout) == []


def test_each_step_is_a_sentence_on_its_own_line() -> None:
    out = run("soc", "--year", "2022", "--unearned", "1000", "--earned", "500", "--plain").stdout
    lines = out.splitlines()
    assert lines[0].startswith("You likely pay $0 for IHSS")  # the answer stays first
    assert "How it is worked out: individual, 2022 rates from bundled rates_2022.toml" in lines
    assert "Step 3: Countable unearned income, $980.00. Not below 0. POMS SI 00830.050." in lines
    assert ("Step 2: General income exclusion, −$20.00. $20.00 off unearned income. POMS SI "
            "00810.420; 20 CFR 416.1124. Verified.") in lines  # fmt: skip
    steps = [line for line in lines if line.startswith("Step ")]
    assert len(steps) == 12
    assert "Step 12: Share of cost, $157.29." in steps[-1]
    spanish = run("--lang", "es", "soc", "--year", "2022", "--unearned", "1000", "--earned",
                  "500", "--plain").stdout  # fmt: skip
    assert any(line.startswith("Paso 3: Ingreso no devengado contable, $980.00.")
               for line in spanish.splitlines())  # fmt: skip


def test_the_table_and_plain_say_the_same_words() -> None:
    table = " ".join(run("rates", "--year", "2026", env={"COLUMNS": "200"}).stdout.split())
    plain = run("rates", "--year", "2026", "--plain").stdout
    for word in ("General income exclusion", "1,233.94", "Working Disabled Program income limit",
                 "SSDI substantial gainful activity (SGA), blind"):  # fmt: skip
        assert word in table
        assert word in plain


def _commands() -> list[tuple[str, ...]]:
    import click

    from ihss_calc.cli import cli

    found: list[tuple[str, ...]] = [()]
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        found.append((name,))
        if isinstance(command, click.Group):
            found += [(name, sub) for sub in command.list_commands(ctx)]
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_help_has_a_control_character(lang: str) -> None:
    for command in _commands():
        text = run("--lang", lang, *command, "--help", env={"COLUMNS": "80"}).stdout
        assert text, command
        bad = [hex(ord(c)) for c in text if ord(c) < 32 and c not in "\n"]
        assert bad == [], (command, bad)


def test_a_year_not_on_file_is_said_in_batch_as_in_soc(tmp_path: Path) -> None:
    soc = run("soc", "--year", "99999").stderr.splitlines()[-1]
    assert soc.endswith("no rates on file for 99999; years on file: 2021, 2022, 2023, 2024, "
                        "2025, 2026")  # fmt: skip
    source = tmp_path / "y.csv"
    source.write_text("unearned,year\n1000,99999\n", encoding="utf-8")
    (line,) = run("batch", str(source)).stdout.splitlines()
    assert soc.split("'--year': ")[1] in line


def test_hours_json_is_exact() -> None:
    import json
    from decimal import Decimal as D

    result = run("hours", "--weekly", "personal-care=15", "--weekly", "meal-preparation=6.51",
                 "--json")  # fmt: skip
    body = json.loads(result.stdout, parse_float=D)
    # 21.51 × 52 ÷ 12 = 93.21 h = 5,592.6 minutes exactly; ÷ 4 = 1,398.15 minutes a week.
    assert body["monthly_minutes"] == D("5592.60")
    assert body["monthly_hours"] == D("93.21")
    assert body["provider_weekly_max_minutes"] == D("1398.15")
    assert body["provider_weekly_max_hours"] == D("23.30")
    assert "to 0.01 hour, half up" in body["hours_rounding"]
    assert all(len(str(v).split(".")[-1]) <= 4 for v in (body["monthly_hours"],
                                                         body["monthly_minutes"]))  # fmt: skip
