"""Nothing a user or a file throws at ihss ends in a traceback, a lost row or a wrong file
(issue 9): output that cannot be written, pathological batch rows, JSON Lines to CSV, names
that are not UTF-8, spreadsheet exports."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import error_text, run

DATA = Path(__file__).parent.parent / "data"
SOC = ["soc", "--unearned", "1000", "--earned", "500", "--year", "2022"]
COMMANDS = {
    "soc": SOC,
    "soc --json": [*SOC, "--json"],
    "whatif": ["whatif", "--unearned", "1000", "--earned", "0:3000:10", "--year", "2022"],
    "rates": ["rates", "--year", "2022"],
    "rates --check": ["rates", "--check", str(DATA / "rates_2022.toml")],
    "soc --help": ["soc", "--help"],
}


def shell(redirect: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m ihss_calc ARGS`` with a shell redirection (``>/dev/full``, ``>&-``)."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "ihss_calc", *args],
        stderr=subprocess.PIPE, timeout=120,
    )  # fmt: skip


def caseload(tmp_path: Path, rows: int = 50_000) -> Path:
    path = tmp_path / "many.csv"
    path.write_text("id,unearned,earned\n" + "".join(f"{i},{i % 3000},{i % 500}\n"
                                                    for i in range(rows)))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return caseload(tmp_path_factory.mktemp("many"))


def one_line_error(stderr: bytes, starts: str) -> None:
    """One line of error on stderr (after any stale-rates warning, or batch's line of the
    columns it reads), and no traceback."""
    text = stderr.decode()
    assert "Traceback" not in text
    if text.startswith("{"):  # --json: JSON Lines, warnings then the error object
        said = [json.loads(line) for line in text.splitlines()]
        text = "".join(f"Warning: {b['warning']}\n" if "warning" in b else
                       f"Error: {b['message']}\n" for b in said)  # fmt: skip
    lines = [line for line in text.splitlines()
             if not line.startswith(("Warning: ", "ihss batch: reading "))]  # fmt: skip
    assert len(lines) == 1, text
    assert lines[0].startswith(starts), text


@pytest.mark.parametrize("name", [*COMMANDS, "batch jsonl", "batch csv"])
def test_a_full_disk_is_an_error(name: str, many: Path) -> None:
    args = COMMANDS.get(name) or ["batch", str(many), "--output-format", name.split()[1]]
    done = shell(">/dev/full", *args)
    assert done.returncode == 1
    one_line_error(
        done.stderr, "Error: cannot write the result to standard output: No space left on device"
    )


@pytest.mark.parametrize("name", [*COMMANDS, "batch jsonl", "batch csv"])
def test_a_closed_stdout_is_an_error(name: str, many: Path) -> None:
    args = COMMANDS.get(name) or ["batch", str(many), "--output-format", name.split()[1]]
    done = shell(">&-", *args)
    assert done.returncode == 1
    one_line_error(done.stderr, "Error: standard output is closed: nowhere to write the result")


def test_a_closed_stdin_is_a_usage_error() -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", sys.executable, "-m", "ihss_calc", "batch", "-",
         "--input-format", "csv"], capture_output=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == b""
    assert b"Error: standard input is closed: give a FILE, or pipe the input in." in done.stderr
    assert b"Traceback" not in done.stderr


# -- pathological rows -------------------------------------------------------------------------


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line, parse_float=D) for line in text.splitlines()]


def test_huge_csv_fields_pass_through_or_fail_in_place(tmp_path: Path) -> None:
    big = "x" * 200_000  # over the csv module's default limit of 131,072
    huge = "y" * (17 << 20)  # over ihss's own limit of 16 MiB
    path = tmp_path / "big.csv"
    path.write_text(f'id,note,unearned\na,"{big}",1000\nb,"{huge}",1000\nc,ok,500\n')
    result = run("batch", str(path))
    rows = jsonl(result.stdout)
    assert [r["line"] for r in rows] == [2, 3, 4]
    assert rows[0]["note"] == big
    assert rows[0]["countable_unearned_income"] == D("980.00")
    assert rows[1]["error"].startswith("this row cannot be read as CSV: field larger than")
    assert rows[2]["id"] == "c"
    assert result.exit_code == 1


def test_pathological_json_lines(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    long = "z" * (5 << 20)
    lines = [
        '{"id": "nested", "x": ' + deep + ', "unearned": 1}',
        '{"id": "nan", "unearned": NaN}',
        '{"id": "inf", "unearned": Infinity}',
        '{"id": "surrogate\\ud800", "unearned": 1000}',
        '{"id": "long", "note": "' + long + '", "unearned": 1000}',
        '{"id": "fine", "unearned": 1000}',
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(lines) + "\n")
    done = subprocess.run([sys.executable, "-m", "ihss_calc", "batch", str(path)],
                          capture_output=True, timeout=120)  # fmt: skip
    assert b"Traceback" not in done.stderr
    assert done.returncode == 1
    text = done.stdout.decode("utf-8")  # valid UTF-8, whatever the input held
    rows = jsonl(text)
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0]["error"] == "not valid JSON: nested too deeply"
    assert rows[1]["error"].startswith("not valid JSON: NaN is not a number JSON allows")
    assert rows[2]["error"].startswith("not valid JSON: Infinity is not a number JSON allows")
    assert rows[3]["id"] == "surrogate\ud800"  # passed through, as its JSON escape
    assert '"id": "surrogate\\ud800"' in text
    assert rows[3]["share_of_cost"] == D("0.00")
    assert rows[4]["note"] == long
    assert rows[5]["countable_unearned_income"] == D("980.00")


def test_jsonl_to_csv_keeps_every_key_in_its_own_column(tmp_path: Path) -> None:
    path = tmp_path / "keys.jsonl"
    path.write_text(
        '{"id": "a", "unearned": 1000}\n'
        '{"unearned": 500, "office": "north", "id": "b"}\n'
        "[1]\n"
        '{"id": "d", "extra": {"k": 1.50}, "unearned": 100}\n'
    )
    result = run("batch", str(path), "--output-format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert header[:4] == ["id", "office", "extra", "line"]
    assert [(r["id"], r["office"], r["extra"], r["line"]) for r in rows] == [
        ("a", "", "", "1"), ("b", "north", "", "2"), ("", "", "", "3"),
        ("d", "", '{"k": 1.50}', "4"),
    ]  # fmt: skip
    assert rows[1]["countable_unearned_income"] == "480.00"
    assert rows[2]["error"] == "a JSON Lines row must be an object, not an array"


def test_headers_and_codes_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("ID,Unearned,EARNED,Medi_Cal,Year\nx,1000,500,WDP,2022\ny,1000,500,,2022\n")
    result = run("batch", str(path))
    rows = jsonl(result.stdout)
    assert result.exit_code == 0, result.stderr
    assert rows[0]["ID"] == "x"
    assert rows[0]["share_of_cost"] == D("0.00")  # WDP: no share of cost
    assert rows[1]["share_of_cost"] == D("157.29")
    twice = tmp_path / "twice.csv"
    twice.write_text("unearned,Unearned\n1,2\n")
    result = run("batch", str(twice))
    assert result.exit_code == 2
    assert "the header names the column 'Unearned' twice" in result.stderr
    soc = run(*SOC, "--medi-cal", "WDP", "--json")
    assert json.loads(soc.stdout)["medi_cal"]["code"] == "wdp"


def test_a_passthrough_column_is_renamed_only_when_it_collides(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("id,notes,steps,unearned,year\na,hello,2,1000,2022\n")
    plain = run("batch", str(path))
    assert plain.stderr == (
        "ihss batch: reading unearned, year; passing through id, notes, steps\n"
        "ihss batch: 1 row read, 0 failed\n"
    )
    row = jsonl(plain.stdout)[0]
    assert (row["notes"], row["steps"]) == ("hello", "2")
    with_steps = run("batch", str(path), "--steps")
    row = jsonl(with_steps.stdout)[0]
    assert row["input_notes"] == "hello"
    assert row["input_steps"] == "2"
    assert isinstance(row["notes"], list)
    assert "'notes' passes through as 'input_notes'" in with_steps.stderr
    as_csv = run("batch", str(path), "--output-format", "csv")
    assert as_csv.stdout.startswith("id,notes,steps,line,")


def test_a_rates_path_that_is_not_utf8_gives_valid_json(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/rates_\xff.toml"
    with open(name, "wb") as f:
        f.write((DATA / "rates_2022.toml").read_bytes())
    for args in (["soc", "--json"], ["whatif", "--earned", "0:100:50", "--json"], ["soc"]):
        done = subprocess.run([sys.executable, "-m", "ihss_calc", *args, "--rates", name],
                              capture_output=True, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")  # strict: no invalid UTF-8 on stdout
        if "--json" in args:
            assert json.loads(text)["rates"]["file"].endswith("rates_\udcff.toml")
        else:
            assert "rates_\\udcff.toml" in text


def test_a_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("ihss_calc.api._share_of_cost", broken)
    result = run(*SOC, "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert error_text(result) == (
        "Error: internal error (ZeroDivisionError: division by zero); this is a bug in ihss, "
        "please report it with the command that gave it\n"
    )
    monkeypatch.setenv("IHSS_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        run(*SOC, "--json")


def test_thousands_of_digits_and_deep_toml(tmp_path: Path) -> None:
    digits = "9" * 5000  # past Python's 4,300-digit limit for int()
    rows = tmp_path / "big.csv"
    rows.write_text(f"id,unearned,year,children,spouse_earned\na,1000,{digits},,\n"
                    f"b,1000,2026,{digits},5\nc,1000,2026,,\n")  # fmt: skip
    result = run("batch", str(rows))
    got = jsonl(result.stdout)
    assert [r["id"] for r in got] == ["a", "b", "c"]
    assert got[0]["error"] == (
        "Invalid value for 'year': '99999999999999999999… (5,000 characters)' is not a year: "
        "write digits 0-9 only, such as 2026"
    )
    assert got[1]["error"].startswith("Invalid value for 'children': '9999")
    assert got[2]["countable_unearned_income"] == D("980.00")
    for name, text, why in (
        ("huge.toml", f"year = {digits}\n", "not valid TOML: Exceeds the limit"),
        ("deep.toml", "x = " + "[" * 3000 + "]" * 3000 + "\n", "not valid TOML: nested too deeply"),
    ):
        path = tmp_path / name
        path.write_text(text)
        for args in (["rates", "--check", str(path)], ["soc", "--rates", str(path)]):
            result = run(*args)
            assert (result.exit_code, result.stdout) == (1, ""), result.stderr
            assert f"{path}: (file): {why}" in result.stderr
