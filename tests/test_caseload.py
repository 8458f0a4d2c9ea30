"""Caseload files as counties have them: every header accounted for, soc's inputs, blank rows,
any delimiter, Excel workbooks, the per-row columns counties need and a summary."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ihss_calc.batch_sources import READ, resembles
from tests.helpers import run

D = Decimal

ROWS = [
    ["id", "unearned", "earned", "year", "blind", "medi_cal"],
    ["a", "1000", "500", "2022", "N", ""],
    ["b", "1197.50", "0", "2022", "Y", "medically needy"],
    ["c", "2400", "0", "2026", "no", ""],
    ["d", "-5", "0", "2026", "", ""],
]


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    return "".join(delimiter.join(row) + "\n" for row in rows)


def _invoke(text: str, *args: str) -> Any:
    from click.testing import CliRunner

    from ihss_calc.cli import cli

    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": None})
    return runner.invoke(cli, ["batch", "-", "--input-format", "csv", *args], input=text,
                         prog_name="ihss", catch_exceptions=False)  # fmt: skip


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line, parse_float=D) for line in text.splitlines()]


# -- 1. Every header is accounted for --------------------------------------------------------


def near_misses(column: str) -> list[str]:
    """Headers that look like ``column`` without being spelled as it: its words in capitals
    with a stop, with spaces or hyphens and another word, and a letter dropped."""
    words = column.split("_")
    joined = "".join(words)
    found = [column.upper().replace("_", " ") + ".", "-".join(words).title() + " Amount"]
    if len(joined) >= 4:
        found.append(joined[:2] + joined[3:])  # "earned" → "eaned"
    return [f for f in found if not (len(words) == 1 and len(joined) < 4 and " " in f)]


@pytest.mark.parametrize("column", READ)
def test_a_near_miss_of_every_input_column_is_an_error(column: str) -> None:
    for header in near_misses(column):
        assert resembles(header) == column, header
        result = _invoke(f"id,{header}\na,1500\n")
        assert (result.exit_code, result.stdout) == (2, ""), header
        assert result.stderr.endswith(
            f"Error: standard input: the column {header!r} looks like the input column "
            f"{column!r} but is not spelled as one: rename it (--rename "
            f"{header + '=' + column!r}) or keep it as data (--passthrough {header!r})\n"
        )


def test_the_issue_s_headers() -> None:
    result = _invoke("id,Unearned Income,earned\na,1500,0\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "'Unearned Income' looks like the input column 'unearned'" in result.stderr
    result = _invoke("id,unearned,earnd\na,1500,0\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "'earnd' looks like the input column 'earned'" in result.stderr


@pytest.mark.parametrize(
    "header",
    [
        "id",
        "name",
        "notes",
        "county",
        "worker",
        "ssn",
        "dob",
        "case",
        "date",
        "total_countable_income",
        "source",
    ],
)
def test_ordinary_passthrough_columns_are_not_near_misses(header: str) -> None:
    assert resembles(header) is None


def test_rename_passthrough_and_strict_columns() -> None:
    text = "id,Unearned Income,earned\na,1500,0\n"
    renamed = _invoke(text, "--rename", "Unearned Income=unearned")
    assert renamed.exit_code == 0
    (row,) = jsonl(renamed.stdout)
    assert row["countable_unearned_income"] == D("1480.00")
    assert "Unearned Income" not in row
    assert renamed.stderr.startswith("ihss batch: reading unearned, earned; passing through id\n")
    kept = _invoke(text, "--passthrough", "Unearned Income")
    (row,) = jsonl(kept.stdout)
    assert (row["Unearned Income"], row["countable_unearned_income"]) == ("1500", D("0.00"))
    assert kept.stderr.startswith(
        "ihss batch: reading earned; passing through id, Unearned Income\n")  # fmt: skip
    strict = _invoke("id,unearned\na,1500\n", "--strict-columns")
    assert (strict.exit_code, strict.stdout) == (2, "")
    assert strict.stderr.endswith(
        "Error: standard input: the column 'id' is not an input column, and --strict-columns "
        "is given (keep it as data with --passthrough 'id')\n"
    )
    assert _invoke("id,unearned\na,1500\n", "--strict-columns", "--passthrough", "id").exit_code \
        == 0  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--rename", "Income=unearned"), "--rename names the column 'Income', which the header "
                                          "does not have (its columns: 'id', 'unearned')"),
        (("--passthrough", "Notes"), "--passthrough names the column 'Notes', which the header "
                                     "does not have (its columns: 'id', 'unearned')"),
    ],
)  # fmt: skip
def test_a_rename_or_passthrough_of_no_column_is_an_error(args: tuple[str, ...],
                                                           message: str) -> None:  # fmt: skip
    result = _invoke("id,unearned\na,1\n", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(f"Error: standard input: {message}\n")


@pytest.mark.parametrize("pair", ["unearned", "X=", "=unearned", "X=income"])
def test_a_bad_rename_is_a_usage_error(pair: str) -> None:
    result = _invoke("id,unearned\na,1\n", "--rename", pair)
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Invalid value for '--rename': {pair!r} is not HEADER=column" in result.stderr


# -- 2. The same inputs as soc ------------------------------------------------------------------


@pytest.mark.parametrize(("wage", "hours"), [("16.50", "20"), ("18", "37.5"), ("0", "40")])
def test_wage_and_hours_give_soc_s_earnings(wage: str, hours: str) -> None:
    result = _invoke(f"id,unearned,wage,hours,year\na,900,{wage},{hours},2026\n")
    assert result.exit_code == 0, result.stderr
    (row,) = jsonl(result.stdout)
    soc = run("soc", "--unearned", "900", "--wage", wage, "--hours", hours, "--year", "2026",
              "--json")  # fmt: skip
    expected = json.loads(soc.stdout, parse_float=D)
    for field in ("countable_earned_income", "share_of_cost", "max_earned_without_soc"):
        assert row[field] == expected[field], field
    assert row["placement"] == expected["placement"]["program"]


def test_yearly_gives_soc_s_earnings() -> None:
    result = _invoke("unearned,yearly,year\n900,14400,2026\n")
    (row,) = jsonl(result.stdout)
    soc = run("soc", "--unearned", "900", "--yearly", "14400", "--year", "2026", "--json")
    assert row["share_of_cost"] == json.loads(soc.stdout, parse_float=D)["share_of_cost"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("unearned,earned,wage,hours\n900,100,16,20\n",
         "the row gives earnings earned and wage/hours: give one way"),
        ("unearned,wage,hours\n900,16,\n", "the row gives wage without hours: monthly earnings "
                                           "are wage × hours a week × 52 ÷ 12"),
        ("unearned,yearly,wage\n900,1200,16\n",
         "the row gives earnings wage/hours and yearly: give one way"),
    ],
)  # fmt: skip
def test_earnings_given_two_ways_or_half_given_is_the_row_s_error(text: str, error: str) -> None:
    result = _invoke(text)
    assert result.exit_code == 1
    (row,) = jsonl(result.stdout)
    assert row["error"] == error


# -- 3. Blank rows ---------------------------------------------------------------------------


def test_blank_rows_are_skipped_and_counted() -> None:
    text = table(ROWS[:3]) + ",,,,,\n   ,  , , , ,\n" + table(ROWS[3:4]) + ",,,,,\n"
    result = _invoke(text)
    assert result.exit_code == 0
    assert [r["id"] for r in jsonl(result.stdout)] == ["a", "b", "c"]
    assert result.stderr.endswith("ihss batch: 3 rows read, 0 failed, 3 blank rows skipped\n")
    some = _invoke("id,unearned\n,5\n")
    assert [r["line"] for r in jsonl(some.stdout)] == [2]  # a row with a cell is a row


def test_blank_json_lines_are_counted_too(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"unearned": 1000}\n\n   \n{"unearned": 2000}\n', encoding="utf-8")
    result = run("batch", str(path))
    assert len(jsonl(result.stdout)) == 2
    assert result.stderr.endswith("2 rows read, 0 failed, 2 blank rows skipped\n")


# -- 4. Delimiters and spreadsheets ------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_any_delimiter_gives_the_comma_file_s_output(delimiter: str) -> None:
    comma = _invoke(table(ROWS))
    other = _invoke(table(ROWS, delimiter))
    assert other.stdout == comma.stdout
    assert other.exit_code == comma.exit_code == 1  # the -5 row
    named = {";": ";", "\t": "tab", "|": "|"}[delimiter]
    assert _invoke(table(ROWS, delimiter), "--delimiter", named).stdout == comma.stdout


def test_a_tsv_file_is_known(tmp_path: Path) -> None:
    path = tmp_path / "caseload.tsv"
    path.write_text(table(ROWS, "\t"), encoding="utf-8")
    assert run("batch", str(path)).stdout == _invoke(table(ROWS)).stdout


def test_delimiter_and_sheet_are_for_their_formats(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"unearned": 1}\n', encoding="utf-8")
    result = run("batch", str(path), "--delimiter", ";")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--delimiter is for CSV input" in result.stderr
    result = run("batch", str(path), "--sheet", "Caseload")
    assert "--sheet is for an .xlsx workbook" in result.stderr


def workbook(path: Path, rows: list[list[Any]], title: str = "Caseload") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def typed(rows: list[list[str]]) -> list[list[Any]]:
    """The rows as Excel would store what a person typed: numbers as numbers, Y as text."""
    out: list[list[Any]] = [rows[0]]
    for row in rows[1:]:
        cells: list[Any] = []
        for cell in row:
            try:
                number = float(cell)
            except ValueError:
                cells.append(cell or None)
            else:
                cells.append(int(number) if number.is_integer() else number)
        out.append(cells)
    return out


def test_a_workbook_gives_byte_for_byte_the_csv_s_json_lines(tmp_path: Path) -> None:
    path = workbook(tmp_path / "caseload.xlsx", typed(ROWS))
    from_excel = run("batch", str(path))
    from_csv = _invoke(table(ROWS))
    assert from_excel.stdout == from_csv.stdout
    assert from_excel.exit_code == from_csv.exit_code == 1
    assert from_excel.stderr.startswith(
        "ihss batch: reading sheet 'Caseload': unearned, earned, year, blind, medi_cal; "
        "passing through id\n"
    )
    csv_out = run("batch", str(path), "--output-format", "csv").stdout
    assert csv_out == _invoke(table(ROWS), "--output-format", "csv").stdout


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1197.5, "1197.5"), (0.1, "0.1"), (1000.0, "1000"), (12, "12"), (None, ""),
        (True, "true"), (False, "false"), (dt.date(2026, 1, 5), "2026-01-05"),
        (dt.datetime(2026, 1, 5), "2026-01-05"), (dt.datetime(2026, 1, 5, 9, 30),
                                                  "2026-01-05 09:30:00"),
        # what a formula such as =0.1+0.2 leaves: its exact text, which the amount check
        # then refuses (more than two decimals), never rounded to 0.30
        (0.1 + 0.2, "0.30000000000000004"), ("$1,000.00", "$1,000.00"),
    ],
)  # fmt: skip
def test_excel_cells_become_the_text_a_csv_export_holds(value: Any, text: str) -> None:
    from ihss_calc.batch_xlsx import cell_text

    assert cell_text(value) == text


def test_excel_cells_are_converted_exactly(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["id", "unearned", "earned", "couple", "note"],
        ["money", 1197.5, 0.1, False, dt.date(2026, 1, 5)],
        ["text", "$1,000.00", "500", "Y", 3.25],
        [None, None, None, None, None],
        ["bad", "abc", 0, None, None],
    ]
    path = workbook(tmp_path / "cells.xlsx", rows)
    result = run("batch", str(path), "--year", "2026")
    out = jsonl(result.stdout)
    assert [r["line"] for r in out] == [2, 3, 5]  # sheet rows; the empty one is skipped
    assert (out[0]["countable_unearned_income"], out[0]["note"]) == (D("1177.50"), "2026-01-05")
    assert out[0]["household"] == "individual"
    assert (out[1]["household"], out[1]["note"]) == ("couple", "3.25")
    assert out[1]["countable_unearned_income"] == D("980.00")
    # the bad cell: its sheet (said before the rows), its row (line) and its column
    assert out[2]["error"].startswith("Invalid value for 'unearned': 'abc' is not an amount")
    assert result.stderr.startswith("ihss batch: reading sheet 'Caseload': ")
    assert result.stderr.endswith("3 rows read, 1 failed, 1 blank row skipped\n")


def test_sheet_option_and_bad_workbooks(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    first.append(["nothing here"])
    second = book.create_sheet("Caseload")
    second.append(["id", "unearned"])
    second.append(["a", 1000])
    path = tmp_path / "two.xlsx"
    book.save(path)
    assert run("batch", str(path)).exit_code == 2  # the first sheet has no input column
    result = run("batch", str(path), "--sheet", "Caseload")
    assert [r["id"] for r in jsonl(result.stdout)] == ["a"]
    missing = run("batch", str(path), "--sheet", "Cases")
    assert (missing.exit_code, missing.stdout) == (2, "")
    assert missing.stderr.endswith(
        f"Error: {path}: the workbook has no sheet 'Cases'; its sheets: 'Notes', 'Caseload'\n"
    )
    fake = tmp_path / "fake.xlsx"
    fake.write_text("id,unearned\n", encoding="utf-8")
    result = run("batch", str(fake))
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"Error: {fake}: cannot read it as an .xlsx workbook" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_workbook_on_standard_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from ihss_calc.cli import cli

    path = workbook(tmp_path / "c.xlsx", typed(ROWS))
    result = CliRunner().invoke(cli, ["batch", "-", "--input-format", "xlsx"],
                                input=path.read_bytes())  # fmt: skip
    assert result.stdout == _invoke(table(ROWS)).stdout


# -- 5. What counties need per row -------------------------------------------------------------


def test_per_row_columns_without_steps() -> None:
    result = _invoke("id,unearned,earned,year\na,1000,500,2022\nb,2400,0,2026\n")
    a, b = jsonl(result.stdout)
    assert (a["placement"], a["placement_share_of_cost"]) == ("ad-fpl", D("0.00"))
    assert (a["wdp_likely_eligible"], a["max_earned_without_soc"], a["medi_cal_soc"]) == (
        True, D("185.43"), D("598.00"))  # fmt: skip
    soc = json.loads(run("soc", "--unearned", "2400", "--year", "2026", "--json",
                         "--show-medi-cal-soc").stdout, parse_float=D)  # fmt: skip
    assert b["placement"] == soc["placement"]["program"]
    assert b["placement_share_of_cost"] == soc["placement"]["share_of_cost"]
    assert b["wdp_likely_eligible"] == soc["wdp"]["likely_eligible"]
    assert b["max_earned_without_soc"] == soc["max_earned_without_soc"]
    assert b["medi_cal_soc"] == soc["medi_cal_share_of_cost"]["share_of_cost"]


# -- 6. The caseload summary -------------------------------------------------------------------


def test_summary_on_stderr_and_as_json(tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    text = table(ROWS) + ",,,,,\n"
    result = _invoke(text, "--summary", "--summary-json", str(summary))
    assert result.stdout == _invoke(text).stdout  # the rows are the same
    rows = jsonl(result.stdout)
    paying = [r for r in rows if r.get("placement_share_of_cost")]
    total = sum((r["placement_share_of_cost"] for r in paying), D(0))
    data = json.loads(summary.read_text(encoding="utf-8"), parse_float=D)
    programs: dict[str, int] = {}
    for r in rows:
        if "placement" in r:
            programs[r["placement"]] = programs.get(r["placement"], 0) + 1
    assert data == {
        "rows_read": 4, "rows_failed": 1, "blank_rows_skipped": 1,
        "rows_paying_share_of_cost": len(paying), "share_of_cost_total": total,
        "by_likely_program": dict(sorted(programs.items())),
        "rows_with_warning": sum(1 for r in rows if r.get("warnings")),
    }  # fmt: skip
    assert len(paying) == 2
    assert total > 0
    assert "Caseload summary:\n  4 rows read; 1 failed; 1 blank skipped.\n" in result.stderr
    assert (f"  2 pay a share of cost where likely placed: ${total:,} a month in all.\n"
            in result.stderr)  # fmt: skip
    assert "  By likely program:\n" in result.stderr


def test_summary_json_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    result = _invoke("unearned\n1\n", "--summary-json", str(tmp_path / "no" / "s.json"))
    assert (result.exit_code, result.stdout) == (2, "")  # said before any row is worked
    assert "Invalid value for '--summary-json': the folder" in result.stderr


def test_json_lines_keys_are_checked_as_headers_are() -> None:
    from click.testing import CliRunner

    from ihss_calc.cli import cli

    text = '{"id": "a", "Unearned Income": 1500}\n{"id": "b", "unearned": 1500}\n'

    def batch(*args: str) -> list[dict[str, Any]]:
        result = CliRunner().invoke(cli, ["batch", "-", "--input-format", "jsonl", *args],
                                    input=text)  # fmt: skip
        return jsonl(result.stdout)

    a, b = batch()
    assert a["error"].startswith("the column 'Unearned Income' looks like the input column "
                                 "'unearned' but is not spelled as one")  # fmt: skip
    assert b["countable_unearned_income"] == D("1480.00")
    a, b = batch("--rename", "Unearned Income=unearned")
    assert a["countable_unearned_income"] == b["countable_unearned_income"] == D("1480.00")
    a, b = batch("--passthrough", "Unearned Income")
    assert (a["Unearned Income"], a["countable_unearned_income"]) == (1500, D("0.00"))
    a, b = batch("--strict-columns")
    assert a["error"].startswith("the column 'id' is not an input column")  # the first key's
    assert b["error"] == ("the column 'id' is not an input column, and --strict-columns is given "
                          "(keep it as data with --passthrough 'id')")  # fmt: skip


@pytest.mark.parametrize(
    ("header", "column"),
    [("Earnings", "earned"), ("Monthly Salary", "earned"), ("Spouse Earnings", "spouse_earned"),
     ("Spouse Unearned Income", "spouse_unearned"), ("Child Income", "child_incomes"),
     ("Wages", "wage"), ("Hours Worked", "hours"), ("SSI-Ended", "ssi_ended"),
     ("Medi-Cal", "medi_cal"), ("Spouse Blind (Y/N)", "spouse_blind")],
)  # fmt: skip
def test_headers_a_county_writes_are_recognised(header: str, column: str) -> None:
    assert resembles(header) == column


def test_unnamed_columns_are_named_by_their_place() -> None:
    result = _invoke("id,unearned,,\na,1000,,\n,,,\n")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "ihss batch: reading unearned; passing through id, column_3, column_4\n")  # fmt: skip
    (row,) = jsonl(result.stdout)
    assert (row["column_3"], row["column_4"]) == ("", "")
    assert row["countable_unearned_income"] == D("980.00")
