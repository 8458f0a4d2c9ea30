"""Same input, same answer, everywhere (issue 26): each of the seven things a fuzz run found,
and the invariants behind them, over random values."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import run

# -- 1. timesheets on any valid date ------------------------------------------------------------


def test_a_date_before_the_first_workweek_is_a_bad_row_not_a_crash(tmp_path: Path) -> None:
    visits = tmp_path / "y.csv"
    visits.write_text("provider,recipient,date,start,end\nP1,R1,0001-01-01,08:00,09:00\n",
                      encoding="utf-8")  # fmt: skip
    result = run("timesheets", "check", str(visits), "--json")
    assert result.exit_code == 1
    body = json.loads(result.stdout)  # a whole document
    (finding,) = body["findings"]
    assert finding["kind"] == "bad_row"
    assert "'0001-01-01' is before 0001-01-07, the first Sunday" in finding["message"]
    assert "internal error" not in result.stderr


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 7), max_value=dt.date(4000, 12, 31)))
def test_timesheets_check_any_valid_date(day: dt.date) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        visits = Path(folder) / "v.csv"
        visits.write_text("provider,recipient,date,start,end\n"
                          f"P1,R1,{day.isoformat()},08:00,17:30\n", encoding="utf-8")  # fmt: skip
        result = run("timesheets", "check", str(visits), "--json")
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    (week,) = body["workweeks"]
    start = dt.date.fromisoformat(week["week_starts"])
    assert start.weekday() == 6  # a Sunday
    assert start <= day < start + dt.timedelta(days=7)
    assert body["pay_periods"][0]["period"].startswith(f"{day.year:04d}-{day.month:02d} ")


# -- 2. every whatif point is soc for that level --------------------------------------------------

FIELDS = ("countable_unearned_income", "countable_earned_income", "total_countable_income",
          "payment_level", "above_payment_level", "computed_share_of_cost",
          "share_of_cost")  # fmt: skip
money = st.integers(0, 400_000).map(lambda c: D(c) / 100)


@settings(max_examples=25, deadline=None)
@given(unearned=money, earned=money, spouse=st.one_of(st.none(), money),
       children=st.integers(0, 2), medi_cal=st.sampled_from([None, "ssi", "medically-needy"]),
       age=st.one_of(st.none(), st.integers(19, 80)))  # fmt: skip
def test_every_whatif_point_is_soc(unearned: D, earned: D, spouse: D | None, children: int,
                                   medi_cal: str | None, age: int | None) -> None:  # fmt: skip
    args = ["--year", "2026", "--month", "5", "--unearned", str(unearned)]
    if spouse is not None:
        args += ["--spouse-unearned", str(spouse), "--children", str(children)]
    if medi_cal:
        args += ["--medi-cal", medi_cal]
    if age is not None:
        args += ["--age", str(age)]
    whatif = run("whatif", *args, "--earned", f"{earned}:{earned}:1", "--json")
    assert whatif.exit_code == 0, whatif.stderr
    (point,) = json.loads(whatif.stdout, parse_float=D)["points"]
    soc = json.loads(run("soc", *args, "--earned", str(earned), "--json").stdout, parse_float=D)
    for field in FIELDS:
        assert point[field] == soc[field], field
    assert point["placement"] == {"program": soc["placement"]["program"],
                                  "share_of_cost": soc["placement"]["share_of_cost"]}  # fmt: skip


def test_the_deeming_case_of_the_fuzz_run() -> None:
    body = json.loads(run("whatif", "--year", "2026", "--unearned", "1000", "--earned", "500:500:1",
                          "--spouse-unearned", "3000", "--json").stdout, parse_float=D)  # fmt: skip
    (point,) = body["points"]
    assert (point["total_countable_income"], point["payment_level"], point["share_of_cost"]) == (
        D("4197.50"), D("2098.83"), D("2098.67"))  # fmt: skip


# -- 3. one parser per kind of value: soc and batch take and refuse the same ---------------------

KINDS = {
    # column: (the soc option, what else soc needs for the value to be used)
    "year": ("--year", ()),
    "children": ("--children", ("--spouse-earned", "0")),
    "age": ("--age", ()),
    "month": ("--month", ()),
    "medi_cal": ("--medi-cal", ()),
    "ssi_ended": ("--ssi-ended", ()),
}
TEXTS = st.one_of(
    st.sampled_from(["2026", "02026", "+2026", "2_026", "٢٠٢٦", " 2026 ", "1.5", "3", "+3", "٣",
                     "31", "0", "13", "-1", "x", "ssi", "ssi ", "SSI", "Medically Needy",
                     "medically_needy", "earnings", " Other ", "childs benefits", "12"]),
    st.text(st.characters(whitelist_categories=["Nd", "Lu", "Ll", "Zs", "Pd"]), min_size=1,
            max_size=6),
)  # fmt: skip


def _said(stderr: str) -> str:
    """What follows "Invalid value for X: " on the last line."""
    import re

    line = stderr.strip().splitlines()[-1]
    found = re.search(r"Invalid value for '[^']*': (.*)$", line)
    return found.group(1) if found else line


@settings(max_examples=80, deadline=None)
@given(column=st.sampled_from(sorted(KINDS)), text=TEXTS)
def test_soc_and_batch_take_and_refuse_the_same_values(column: str, text: str) -> None:
    import tempfile

    if text.strip() == "" or "\n" in text or "," in text or '"' in text:
        return  # an empty cell is "not given" in batch; an empty option is no value
    option, needs = KINDS[column]
    soc = run("soc", "--unearned", "1000", *needs, f"{option}={text}")
    extra = "spouse_earned," if column == "children" else ""
    value = "0," if column == "children" else ""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "v.csv"
        source.write_text(f'unearned,{extra}{column}\n1000,{value}"{text}"\n', encoding="utf-8")
        (row,) = [json.loads(line) for line in run("batch", str(source)).stdout.splitlines()]
    if soc.exit_code == 0:
        assert "error" not in row or "rates on file" in row["error"], (text, row)
    else:
        assert soc.exit_code == 2
        assert "error" in row, (text, soc.stderr)
        if "rates on file" not in soc.stderr:
            assert _said(row["error"]) == _said(soc.stderr), (text, row["error"], soc.stderr)


# -- 4. earnings given as a wage or by the year are checked as soc checks them --------------------


def test_a_wage_too_large_names_the_options_given() -> None:
    whatif = run("whatif", "--unearned", "1000", "--wage", "999999999999", "--hours", "0:40:10")
    assert (whatif.exit_code, whatif.stdout) == (2, "")
    assert "Invalid value for '--wage/--hours': 43,333,333,333,290.00 a month is more than " \
           "999,999,999,999.99" in whatif.stderr  # fmt: skip
    soc = run("soc", "--unearned", "1000", "--wage", "999999999999", "--hours", "40")
    assert soc.exit_code == 2
    assert "Invalid value for '--wage/--hours'" in soc.stderr
    assert "--earned" not in soc.stderr


# -- 5. a message quotes what was typed -----------------------------------------------------------


def test_monthly_hours_quote_what_was_typed() -> None:
    result = run("hours", "--monthly", "1e3", "--severely-impaired")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: Invalid value for '--monthly': '1e3' uses exponent notation; write the amount "
        "out, such as 1000"
    )


# -- 6. a Spanish run says everything in Spanish --------------------------------------------------

ENGLISH = (" File ", "File '", " or ", "integer", "range", "No such file")


@pytest.mark.parametrize(
    "args",
    [
        ("soc", "--rates", "/nonexistent/rates.toml"),
        ("soc", "--worksheet", "/"),
        ("soc", "--worksheet", "/nonexistent/folder/w.html"),
        ("rates", "--check", "/nonexistent/rates.toml"),
        ("soc", "--children", "1.5", "--spouse-earned", "0"),
        ("soc", "--year", "+2026"),
        ("soc", "--medi-cal", "nope"),
    ],
)
def test_a_spanish_run_has_no_english_words_left(args: tuple[str, ...]) -> None:
    result = run("--lang", "es", *args)
    assert result.exit_code in (1, 2), result.stderr  # 1: a file that cannot be written
    for word in ENGLISH:
        assert word not in result.stderr, (word, result.stderr)


def test_rates_file_problems_in_spanish(tmp_path: Path) -> None:
    text = (Path(__file__).parent.parent / "data" / "rates_2026.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(text.replace('status = "verified"', 'status = "maybe"', 1), encoding="utf-8")
    result = run("--lang", "es", "rates", "--check", str(bad))
    assert result.exit_code == 1
    assert "'verified', 'cross-checked' o 'derived'" in result.stderr
    assert " or " not in result.stderr


# -- 7. timesheets check the header's bytes, as batch does ---------------------------------------


@pytest.mark.parametrize("header", [b"provider,recipient,date,start,end,not\xe9s",
                                    b"pr\xf6vider,recipient,date,start,end"])  # fmt: skip
def test_a_header_that_is_not_text_is_said_so(tmp_path: Path, header: bytes) -> None:
    visits = tmp_path / "h.csv"
    extra = b",x" if b"not" in header else b""
    visits.write_bytes(header + b"\nP1,R1,2026-03-02,08:00,09:00" + extra + b"\n")
    result = run("timesheets", "check", str(visits))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "the header line is not utf-8 text" in result.stderr
    assert "try --encoding cp1252" in result.stderr
