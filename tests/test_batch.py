"""ihss batch: every row accounted for, in order, with the same answers and words as soc."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from ihss_calc import batch
from ihss_calc.cli_batch import batch_rates
from ihss_calc.jsonout import dumps
from ihss_calc.jsonrow import row_extras
from ihss_calc.rules import Household, share_of_cost
from tests.helpers import PUBLIC_CASES, household_from_row, public_cases, run, run_on_terminal
from tests.test_properties import households

D = Decimal
RESULT_FIELDS = batch.RESULT_FIELDS


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line, parse_float=D) for line in text.splitlines()]


def test_every_public_case_equals_soc() -> None:
    result = run("batch", str(PUBLIC_CASES))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "Warning: the input column 'total_countable_income' passes through as "
        "'input_total_countable_income': the output has a field of that name.\n"
    )
    rows = jsonl(result.stdout)
    cases = list(public_cases())
    assert [r["id"] for r in rows] == [c["id"] for c in cases]
    for row, case in zip(rows, cases, strict=True):
        soc = run("soc", "--json", "--show-medi-cal-soc", "--year", case["year"],
                  *soc_args(case))  # fmt: skip
        expected = flat_soc(json.loads(soc.stdout, parse_float=D))
        for field in (*RESULT_FIELDS, "household", "medi_cal", "rates", "warnings"):
            if field != "placement":
                assert row[field] == expected[field], (case["id"], field)
        # batch writes the placement flat: its code, and the share of cost there
        assert row["placement"] == expected["placement"]["program"]
        assert row["placement_share_of_cost"] == expected["placement"]["share_of_cost"]
        assert row["source"] == case["source"]  # a passthrough column, untouched
        assert row["input_share_of_cost"] == case["share_of_cost"]  # renamed: ihss writes one
        assert row["total_countable_income"] == D(case["total_countable_income"])
        assert row["share_of_cost"] == D(case["share_of_cost"])


def flat_soc(soc: dict[str, Any]) -> dict[str, Any]:
    """``soc --json --show-medi-cal-soc`` with the fields a batch row writes flat: WDP likely,
    the Medi-Cal share of cost."""
    soc["wdp_likely_eligible"] = soc["wdp"]["likely_eligible"] if soc["wdp"] else None
    mc = soc["medi_cal_share_of_cost"]
    soc["medi_cal_soc"] = mc["share_of_cost"] if mc else None
    return soc


def soc_args(case: dict[str, str]) -> list[str]:
    args = []
    for name in ("unearned", "earned", "irwe", "bwe"):
        args += [f"--{name}", case[name]]
    for name in ("couple", "blind", "spouse_blind"):
        if case[name] == "1":
            args.append("--" + name.replace("_", "-"))
    return args


@given(households())
@settings(max_examples=200)
def test_engine_equals_soc_for_any_household(h: Household) -> None:
    from ihss_calc.rates import load_bundled

    # The fast path's placement (batch._placement) is the rules' own, for any such row: in
    # 2022 and 2026, in a month before April and after, with disability income or none.
    for year, month in ((2022, 4), (2026, 2), (2026, 9)):
        rates_for, warning_for, _ = batch_rates(year, None)
        engine = batch.Engine(rates_for, warning_for, functools.partial(lambda m, _y: m, month))
        disability = h.unearned if h.earned and h.unearned < 3000 else D(0)
        amounts = (str(h.unearned), str(h.earned), str(h.irwe), str(h.bwe))
        flags = (str(int(h.couple)), str(int(h.blind)), str(int(h.spouse_blind)))
        values = (*amounts, *flags, "", str(year), str(disability),
                  *[""] * len(batch.FULL_COLUMNS))  # fmt: skip
        r = engine.work(values)
        at = h._replace(disability_income=disability, month=month)
        expected = share_of_cost(at, load_bundled(year))
        got = [D(t) for t in (*r[1:7], r[8])]
        c = expected.countable
        assert got == [c.countable_unearned, c.countable_earned, c.total, expected.above_level,
                       expected.computed_share_of_cost, expected.share_of_cost,
                       expected.placement.share_of_cost]  # fmt: skip
        assert r[7] == expected.placement.program
        # WDP likely, the headroom and the Medi-Cal share of cost, as a --steps run gives them
        extras = row_extras(expected)
        assert (r[9], r[10], r[11]) == tuple(dumps(extras[k], indent=None) for k in (
            "wdp_likely_eligible", "max_earned_without_soc", "medi_cal_soc"))  # fmt: skip


CSV_WITH_BAD_ROWS = """\
id,unearned,earned,irwe,bwe,couple,blind,spouse_blind,medi_cal,year,note
a,1000,500,,,,,,,2022,seed
b,-5,0,0,0,0,0,0,,2022,negative
c,100,100,0,15,0,0,0,,2022,bwe not blind
d,100,100,15,0,0,1,0,,2022,irwe blind
e,100,0,0,0,0,0,1,,2022,spouse no couple
f,100,0,0,0,maybe,0,0,,2022,flag
g,100,0,0,0,0,0,0,gold,2022,medi-cal
h,100,0,0,0,0,0,0,,20x2,year
i,100,0,0,0,0,0,0,,2030,year not on file
j,1e3,0,0,0,0,0,0,,2022,exponent
k,100
l,$1,800.00,0,0,0,1,0,0,,2022,unquoted comma
m,"$1,800.00",0,0,0,1,0,0,,2022,"quoted, with a comma"
"""


def test_bad_rows_are_reported_in_place_and_nothing_is_lost(tmp_path: Path) -> None:
    result = run("batch", str(write(tmp_path, "cases.csv", CSV_WITH_BAD_ROWS)))
    assert result.exit_code == 1
    assert result.stderr == (
        "ihss batch: reading unearned, earned, irwe, bwe, couple, blind, spouse_blind, "
        "medi_cal, year; passing through id, note\nihss batch: 13 rows read, 11 failed\n"
    )
    rows = jsonl(result.stdout)
    assert [r["line"] for r in rows] == list(range(2, 15))
    errors = {r["id"]: r.get("error") for r in rows}
    assert errors == {
        "a": None,
        "b": "Invalid value for 'unearned': '-5' is negative; amounts must be 0 or more",
        "c": "Invalid value for 'bwe': blind work expenses (BWE) are for blind people, and no "
        "one in the household is marked blind (POMS SI 00820.535)",
        "d": "Invalid value for 'irwe': impairment-related work expenses (IRWE) are for people "
        "who are not blind; a blind person's work expenses are BWE (POMS SI 00820.540)",
        "e": "Invalid value for 'spouse_blind': a blind spouse needs a couple, and the household "
        "is not a couple",
        "f": "Invalid value for 'couple': 'maybe' is not a yes/no value; use 1 or 0, true or "
        "false, yes or no, or leave it empty",
        "g": "Invalid value for 'medi_cal': 'gold' is not one of 'ssi', 'magi', '1619b', 'wdp', "
        "'ad-fpl', 'pickle', 'medically-needy', 'none'.",
        "h": "Invalid value for 'year': '20x2' is not a year: write digits 0-9 only, such as 2026",
        "i": "Invalid value for 'year': no rates on file for 2030; years on file: 2021, 2022, "
        "2023, 2024, 2025, 2026",
        "j": "Invalid value for 'unearned': '1e3' uses exponent notation; write the amount out, "
        "such as 1000",
        "k": "this row has 2 fields; the header has 11",
        "l": "this row has 12 fields; the header has 11",
        "m": None,
    }
    assert rows[0]["share_of_cost"] == D("157.29")
    assert rows[0]["note"] == "seed"
    assert rows[-1]["note"] == "quoted, with a comma"
    assert rows[-1]["total_countable_income"] == D("1780.00")  # a couple: 1,800 − 20


def test_same_words_as_soc() -> None:
    soc = run("soc", "--unearned", "1e3")
    assert soc.stderr.endswith(
        "Error: Invalid value for '--unearned': '1e3' uses exponent notation; write the amount "
        "out, such as 1000\n"
    )


def test_missing_columns_take_soc_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "few.csv", 'unearned\n1000\n\n"$1,000.00"\n')
    result = run("batch", str(path))
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    assert [r["line"] for r in rows] == [2, 4]  # the blank line is not a row
    soc = json.loads(run("soc", "--unearned", "1000", "--json", "--show-medi-cal-soc").stdout,
                     parse_float=D)  # fmt: skip
    soc = flat_soc(soc)
    soc["placement"] = soc["placement"]["program"]  # batch writes the code, flat
    for row in rows:
        for field in RESULT_FIELDS:
            assert row[field] == soc[field]


@pytest.mark.parametrize(
    ("text", "blind"),
    [("1", True), ("true", True), ("yes", True), ("TRUE", True), (" Yes ", True), ("Y", True),
     ("n", False),
     ("0", False), ("false", False), ("no", False), ("", False), ("No", False)],
)  # fmt: skip
def test_yes_no_values(tmp_path: Path, text: str, blind: bool) -> None:
    path = write(tmp_path, "b.csv", f'unearned,blind\n1000,"{text}"\n')
    row = jsonl(run("batch", str(path)).stdout)[0]
    assert row["household"] == ("blind_individual" if blind else "individual")


def test_passthrough_columns_are_untouched(tmp_path: Path) -> None:
    text = 'id,name,unearned,case worker,{odd}\n"007","Ruiz, Ana\nsecond line",1000," x ",{}\n'
    result = run("batch", str(write(tmp_path, "p.csv", text)))
    (row,) = jsonl(result.stdout)
    assert row["line"] == 2
    assert (row["id"], row["name"], row["case worker"], row["{odd}"]) == (
        "007", "Ruiz, Ana\nsecond line", " x ", "{}"
    )  # fmt: skip
    out = run("batch", str(tmp_path / "p.csv"), "--output-format", "csv").stdout
    assert out.startswith("id,name,case worker,{odd},line,unearned,")
    assert '007,"Ruiz, Ana\nsecond line", x ,{},2,1000.00,' in out


def test_order_is_kept(tmp_path: Path) -> None:
    lines = ["id,unearned"] + [f"r{i},{(i * 7919) % 3000}.{i % 100:02d}" for i in range(500)]
    rows = jsonl(run("batch", str(write(tmp_path, "o.csv", "\n".join(lines)))).stdout)
    assert [r["id"] for r in rows] == [f"r{i}" for i in range(500)]
    for i, row in enumerate(rows):
        unearned = D(f"{(i * 7919) % 3000}.{i % 100:02d}")
        assert row["countable_unearned_income"] == max(D(0), unearned - 20)


JSONL_INPUT = """\
{"id": 1, "unearned": 1000, "earned": "500", "year": 2022, "tags": ["x", 1.50]}
{"id": 2, "unearned": 135, "earned": 220.00, "bwe": 15, "blind": true, "year": "2022"}

{"id": 3, "unearned": 1e3}
[1, 2]
{"id": 5, "unearned": true}
not json
{"id": 7, "couple": 1, "unearned": "1800", "year": 2022, "error": "x", "bwe": 5}
{"id": 8, "couple": 1, "unearned": "1800", "year": 2022}
"""


def test_jsonl_in_and_out(tmp_path: Path) -> None:
    result = run("batch", str(write(tmp_path, "c.jsonl", JSONL_INPUT)))
    assert result.exit_code == 1
    rows = result.stdout.splitlines()
    parsed = [json.loads(r, parse_float=D) for r in rows]
    assert [p["line"] for p in parsed] == [1, 2, 4, 5, 6, 7, 8, 9]
    assert parsed[0]["share_of_cost"] == D("157.29")
    assert '"tags": ["x", 1.50]' in rows[0]  # passed through untouched, 1.50 as written
    assert parsed[1]["total_countable_income"] == D("177.50")
    assert parsed[2]["error"] == (
        "Invalid value for 'unearned': '1e3' uses exponent notation; write the amount out, "
        "such as 1000"
    )
    assert parsed[3] == {"line": 5, "error": "a JSON Lines row must be an object, not an array"}
    assert parsed[4]["error"] == (
        "Invalid value for 'unearned': 'true' is not an amount of money; write dollars and "
        "cents such as 1000, 1000.50 or $1,000.50"
    )
    assert parsed[5]["error"].startswith("not valid JSON: Expecting value")
    assert parsed[6]["input_error"] == "x"
    assert parsed[6]["error"] == (
        "Invalid value for 'bwe': blind work expenses (BWE) are for blind people, and no one "
        "in the household is marked blind (POMS SI 00820.535)"
    )
    assert parsed[7]["share_of_cost"] == D("14.36")
    assert result.stderr == (
        "Warning: the input column 'error' passes through as 'input_error': the output has a "
        "field of that name.\nihss batch: 8 rows read, 5 failed, 1 blank row skipped\n"
    )


def test_jsonl_to_csv(tmp_path: Path) -> None:
    path = write(
        tmp_path, "c.jsonl", '{"id": "a", "unearned": 1000, "earned": 500, "year": 2022}\n'
    )
    result = run("batch", str(path), "--output-format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[:4] == ["id", "line", "unearned", "earned"]
    assert lines[1].startswith(
        "a,1,1000.00,500.00,0.00,0.00,false,false,false,,2022,0.00,,,0.00,0,,,0.00,false,,"
        ",false,,,6,individual,"  # age, medicare, ssi_ended, pickle_disregard; June (today's)
    )
    # placement, WDP likely, headroom, Medi-Cal share of cost, then deeming and the others
    assert ",157.29,ad-fpl,0.00,true,185.43,598.00,,,,,bundled rates_2022.toml," in lines[1]


def test_csv_output_columns(tmp_path: Path) -> None:
    result = run("batch", str(write(tmp_path, "cases.csv", CSV_WITH_BAD_ROWS)),
                 "--output-format", "csv")  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0] == "id,note," + ",".join(batch.CSV_FIELDS)
    assert lines[1] == (
        "a,seed,2,1000.00,500.00,0.00,0.00,false,false,false,,2022,0.00,,,0.00,0,,,0.00,false,,"
        ",false,,,6,individual,980.00,217.50,1197.50,1040.21,157.29,157.29,157.29,ad-fpl,0.00,"
        "true,185.43,598.00,,,,,bundled rates_2022.toml,,"
    )
    assert lines[2] == (
        "b,negative,3," + "," * 43 + "Invalid value for 'unearned': '-5' is negative; "
        "amounts must be 0 or more"
    )


def test_steps(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", "id,unearned,earned,year\nx,1000,500,2022\n")
    (row,) = jsonl(run("batch", str(path), "--steps").stdout)
    soc = json.loads(run("soc", "--unearned", "1000", "--earned", "500", "--json").stdout,
                     parse_float=D)  # fmt: skip
    assert row["steps"] == soc["steps"]
    assert row["inputs"] == soc["inputs"]
    assert (row["line"], row["id"]) == (2, "x")
    result = run("batch", str(path), "--steps", "--output-format", "csv")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Error: --steps needs --output-format jsonl" in result.stderr


def test_stdin_needs_a_format() -> None:
    result = run("batch", "-")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Error: cannot tell the input format from standard input; pass --input-format csv, "
        "jsonl or xlsx.\n"
    )


def test_stdin(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ihss_calc.cli import cli

    result = CliRunner().invoke(
        cli, ["batch", "-", "--input-format", "csv"], input="unearned,year\n1000,2022\n"
    )
    assert result.exit_code == 0
    assert jsonl(result.stdout)[0]["countable_unearned_income"] == D("980.00")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,name\n1,x\n", "the first line names none of the input columns (unearned, earned, "
                           "irwe, bwe, couple, blind, spouse_blind, medi_cal, year, "
                           "disability_income, spouse_earned, spouse_unearned, "
                           "spouse_ihss_wages, children, child_incomes, "
                           "child_student_earnings, health_premiums, "
                           "show_medi_cal_soc, assets, age, medicare, ssi_ended, "
                           "pickle_disregard, month, wage, hours, yearly); CSV input "
                           "needs a header row"),
        ("unearned,unearned\n1,2\n", "the header names the column 'unearned' twice"),
    ],
)  # fmt: skip
def test_unusable_header(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "h.csv", text)
    result = run("batch", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"Error: {path}: {message}\n")


def test_empty_input(tmp_path: Path) -> None:
    for text in ("", "unearned,earned\n"):
        result = run("batch", str(write(tmp_path, "e.csv", text)))
        assert (result.exit_code, result.stdout) == (0, "")
        said = "ihss batch: reading unearned, earned\n" if text else ""
        assert result.stderr == said + "ihss batch: 0 rows read, 0 failed\n"


def test_spreadsheet_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffid,unearned\r\nx,1000\r\n".encode())
    (row,) = jsonl(run("batch", str(path)).stdout)
    assert (row["id"], row["countable_unearned_income"]) == ("x", D("980.00"))


def test_not_utf8_is_that_rows_error_and_encoding_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("id,unearned\nJos\xe9,1000\nAna,500\n".encode("latin-1"))
    result = run("batch", str(path))
    assert result.exit_code == 1
    rows = jsonl(result.stdout)
    assert rows[0]["line"] == 2
    assert rows[0]["error"] == (
        "line 2 is not utf-8 text (byte 0xe9 at column 4); if the file comes from a "
        "spreadsheet, try --encoding cp1252"
    )
    assert rows[1]["id"] == "Ana"
    assert rows[1]["countable_unearned_income"] == D("480.00")
    for encoding in ("latin-1", "cp1252", "CP1252"):
        result = run("batch", str(path), "--encoding", encoding)
        assert result.exit_code == 0, result.stderr
        assert [r["id"] for r in jsonl(result.stdout)] == ["José", "Ana"]


def test_bad_encodings(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "id,unearned\na,1\n")
    result = run("batch", str(path), "--encoding", "klingon")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "Invalid value for '--encoding': 'klingon' is not an encoding Python knows" in (
        result.stderr
    )
    result = run("batch", str(path), "--encoding", "utf-16")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "utf-16 is not an encoding ihss can read CSV or JSON Lines in" in result.stderr
    header = tmp_path / "h.csv"
    header.write_bytes(b"id,unearn\xe9d\na,1\n")
    result = run("batch", str(header))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the header line is not utf-8 text" in result.stderr


def test_format_from_name(tmp_path: Path) -> None:
    path = write(tmp_path, "cases.txt", "unearned\n1\n")
    result = run("batch", str(path))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: cannot tell the input format from the name 'cases.txt'; pass --input-format csv, "
        "jsonl or xlsx.\n"
    )
    assert run("batch", str(path), "--input-format", "csv").exit_code == 0


def test_year_option_and_warning_once(tmp_path: Path) -> None:
    path = write(tmp_path, "y.csv", "unearned,year\n1000,\n1000,2024\n1000,\n1000,2024\n")
    result = run("batch", str(path), "--year", "2023")
    rows = jsonl(result.stdout)
    assert [r["rates"]["year"] for r in rows] == [2023, 2024, 2023, 2024]
    assert result.stderr == (
        "ihss batch: reading unearned, year\n"
        "Warning: these are 2023 rates, for a year that has not started (it is 2022).\n"
        "Warning: these are 2024 rates, for a year that has not started (it is 2022).\n"
        "ihss batch: 4 rows read, 0 failed\n"
    )
    assert rows[0]["warnings"] == [
        "these are 2023 rates, for a year that has not started (it is 2022)."
    ]


def test_rates_file_for_every_row(tmp_path: Path) -> None:
    from ihss_calc.rates import years_on_file

    rates = str(years_on_file()[2024])
    path = write(tmp_path, "r.csv", "unearned,year\n1000,\n1000,2022\n")
    result = run("batch", str(path), "--rates", rates)
    rows = jsonl(result.stdout)
    assert rows[0]["payment_level"] == D("1182.94")
    assert rows[1]["error"] == (
        f"Invalid value for 'year': 2022 does not match the year of {rates}, 2024"
    )


# -- as a process: closed pipes and Ctrl-C ------------------------------------------------------


def ihss_process(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ihss_calc", "batch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def big_csv(tmp_path: Path, rows: int) -> Path:
    lines = ["id,unearned,earned"] + [f"{i},{i % 3000},{i % 700}" for i in range(rows)]
    return write(tmp_path, "big.csv", "\n".join(lines) + "\n")


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    process = ihss_process(str(big_csv(tmp_path, 200_000)))
    assert process.stdout is not None
    first = process.stdout.readline()
    assert first.startswith(b'{"line": 2, "id": "0"')
    process.stdout.close()  # as `| head -1` does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 141
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    # Ctrl-C as at a terminal, even when this suite runs in the background (where a shell
    # starts commands with SIGINT ignored, and the child would inherit that).
    process = subprocess.Popen(
        [sys.executable, "-m", "ihss_calc", "batch", "-", "--input-format", "csv"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert process.stdin is not None
    process.stdin.write(b"id,unearned\n1,1000\n")
    process.stdin.flush()
    time.sleep(1.0)  # it is waiting for more input
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err
    # The row read before the interrupt was worked out, and written.
    assert out.startswith(b'{"line": 2, "id": "1", ')
    assert err.endswith(b"Interrupted: 1 row written, of 1 read.\n")


def test_household_from_row_helper_matches_csv() -> None:
    # The helper the public-case tests use reads rows as batch does.
    case = next(public_cases())
    assert household_from_row(case).unearned == D(case["unearned"])
    assert os.path.exists(PUBLIC_CASES)


def test_caches_stay_bounded_whatever_the_input() -> None:
    engine = batch.Engine(*batch_rates(2022, None))
    rest = ("",) * (len(batch.INPUT_COLUMNS) - 9)
    for i in range(batch._PROFILES_CACHED + 10):
        with pytest.raises(batch.RowError, match=f"'y{i}' is not a year"):
            engine.work(("1", "2", "", "", "", "", "", "", f"y{i}", *rest))
    for i in range(3 * (batch.amount.cache_info().maxsize or 0)):
        engine.work((f"{i}.01", "", "", "", "", "", "", "", "", *rest))
    assert len(engine._profiles) <= batch._PROFILES_CACHED
    info = batch.amount.cache_info()
    assert info.maxsize is not None
    assert info.currsize <= info.maxsize


def test_progress_bar_on_a_terminal_leaves_stdout_alone(tmp_path: Path) -> None:
    pytest.importorskip("pty")
    source = big_csv(tmp_path, 20_000)
    with (tmp_path / "out.jsonl").open("w") as out:
        code, err = run_on_terminal("batch", str(source), stdout=out)
    assert code == 0
    assert b"lines" in err  # the bar was drawn, on stderr
    assert b"ihss batch: 20,000 rows read, 0 failed" in err
    results = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(results) == 20_000
    assert all(line.startswith('{"line": ') for line in results)


def test_disability_income_column(tmp_path: Path) -> None:
    text = (
        "id,unearned,disability_income,earned,year\nok,1400,1400,1000,2026\nbad,100,200,10,2026\n"
    )
    path = write(tmp_path, "d.csv", text)
    rows = jsonl(run("batch", str(path), "--steps").stdout)
    assert rows[0]["wdp"]["countable_income"] == D("457.50")  # as soc: disability income out
    assert rows[0]["inputs"]["disability_income"] == D("1400.00")
    assert rows[1]["error"] == (
        "Invalid value for 'disability_income': 200.00 is more than the unearned income, "
        "100.00: disability benefits are part of it"
    )
    plain = jsonl(run("batch", str(path)).stdout)
    assert plain[1]["error"] == rows[1]["error"]  # checked without --steps too


SPOUSE_CSV = """\
id,unearned,spouse_earned,spouse_unearned,children,child_incomes,medi_cal,health_premiums,assets,year
s1,800,3000,,,,,,,2026
s2,1500,,,,,medically-needy,202.90,,2026
s3,1500,,,,,,,130000.01,2026
s4,1000,,,,,,,,2026
s5,800,3000,,x,,,,,2026
s6,800,,,2,,,,,2026
"""


def test_rows_with_deeming_medi_cal_or_assets_equal_soc(tmp_path: Path) -> None:
    result = run("batch", str(write(tmp_path, "s.csv", SPOUSE_CSV)))
    rows = jsonl(result.stdout)
    assert [r["id"] for r in rows] == ["s1", "s2", "s3", "s4", "s5", "s6"]
    assert result.exit_code == 1
    soc_args = {
        "s1": ("--unearned", "800", "--spouse-earned", "3000"),
        "s2": ("--unearned", "1500", "--medi-cal", "medically-needy", "--health-premiums",
               "202.90"),
        "s3": ("--unearned", "1500", "--assets", "130000.01"),
        "s4": ("--unearned", "1000"),
    }  # fmt: skip
    for row in rows[:3]:
        soc = json.loads(run("soc", "--year", "2026", *soc_args[row["id"]], "--json").stdout,
                         parse_float=D)  # fmt: skip
        for key in ("share_of_cost", "total_countable_income", "payment_level", "household"):
            assert row[key] == soc[key], (row["id"], key)
        for key in ("deeming", "medi_cal_share_of_cost", "assets"):
            assert row.get(key) == soc[key], (row["id"], key)
    assert rows[0]["share_of_cost"] == D("148.67")
    assert rows[1]["medi_cal_share_of_cost"]["share_of_cost"] == 677
    assert rows[2]["assets"]["over_limit"] is True
    # An ordinary row keeps its ordinary fields: no asset note without an assets column.
    assert rows[3]["share_of_cost"] == D("0.00")
    assert not {"deeming", "medi_cal_share_of_cost", "assets"} & rows[3].keys()
    assert rows[4]["error"] == (
        "Invalid value for 'children': 'x' is not a whole number: write digits 0-9 only, such as 3"
    )
    assert rows[5]["error"].startswith("Invalid value for 'children': this is for a household")
    assert "give spouse_earned or spouse_unearned too" in rows[5]["error"]


def test_child_incomes_one_per_child_as_soc(tmp_path: Path) -> None:
    text = ("id,unearned,spouse_earned,children,child_incomes,child_student_earnings,year\n"
            "k1,800,1100,2,600;0,,2026\n"
            'k2,800,1100,2,"$600.00; 0",,2026\n'
            "k3,800,3000,2,,2600,2026\n"
            "k4,800,1100,1,1;2,,2026\n"
            "k5,800,1100,2,600;x,,2026\n")  # fmt: skip
    rows = jsonl(run("batch", str(write(tmp_path, "k.csv", text))).stdout)
    soc = json.loads(run("soc", "--year", "2026", "--unearned", "800", "--spouse-earned", "1100",
                         "--children", "2", "--child-income", "600", "--child-income", "0",
                         "--json").stdout, parse_float=D)  # fmt: skip
    assert rows[0]["deeming"] == soc["deeming"]
    assert rows[0]["deeming"]["allocations_by_child"] == [D("0.00"), D("497.00")]
    assert rows[1]["deeming"] == soc["deeming"]  # amounts as spreadsheets write them
    assert rows[2]["deeming"]["allocations_by_child"] == [D("307.00"), D("497.00")]
    assert rows[3]["error"].startswith("Invalid value for 'child_incomes': 2 amounts for 1 child")
    assert "(children)" in rows[3]["error"]
    assert rows[4]["error"].startswith("Invalid value for 'child_incomes': 'x'")
    out = run("batch", str(write(tmp_path, "k.csv", text)), "--output-format", "csv").stdout
    table = list(csv.DictReader(io.StringIO(out)))
    assert table[0]["child_incomes"] == "600.00;0.00"
    assert table[2]["child_student_earnings"] == "2600.00"
    lines = (
        '{"id": "j", "unearned": 800, "spouse_earned": 1100, "children": 2, '
        '"child_incomes": [600, 0], "year": 2026}\n'
    )
    (row,) = jsonl(run("batch", str(write(tmp_path, "k.jsonl", lines))).stdout)
    assert row["deeming"] == soc["deeming"]


def test_the_old_child_income_column_is_refused_not_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "old.csv", "unearned,spouse_earned,children,child_income\n800,1,2,5\n")
    result = run("batch", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the column child_income (one total for all the children) is now child_incomes" in (
        result.stderr)  # fmt: skip
    lines = '{"unearned": 800, "child_income": 5}\n{"unearned": 800}\n'
    result = run("batch", str(write(tmp_path, "old.jsonl", lines)))
    rows = jsonl(result.stdout)
    assert result.exit_code == 1
    assert rows[0]["error"].startswith("the column child_income (one total")
    assert rows[1]["share_of_cost"] == D("0.00")


def test_csv_output_has_the_deeming_and_medi_cal_columns(tmp_path: Path) -> None:
    result = run("batch", str(write(tmp_path, "s.csv", SPOUSE_CSV)), "--output-format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["deemed"] == "true"
    assert rows[0]["share_of_cost"] == "148.67"
    assert rows[0]["spouse_earned"] == "3000.00"
    assert rows[0]["spouse_unearned"] == ""
    assert rows[1]["medi_cal_share_of_cost"] == "677.00"
    assert rows[1]["buy_out"] == "430.94"
    assert rows[2]["assets_over_limit"] == "true"
    assert rows[3]["deemed"] == ""
    assert rows[3]["share_of_cost"] == "0.00"
    assert rows[4]["error"].startswith("Invalid value for 'children'")
