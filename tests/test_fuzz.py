"""Fuzzing the README's promises: random argument lists for soc, whatif and rates, random batch
rows in CSV and JSON Lines, random mutations of a rates file. Whatever comes in: an exit code of
0, 1 or 2, no traceback, nothing on stdout on failure, one JSON object on success with --json,
one output row per input row, in order, with its line; and a rates file --check accepts is one
soc and whatif can use, while one it refuses, they refuse too (exit 1)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihss_calc.batch import INPUT_COLUMNS
from ihss_calc.cli import cli

from .schema_check import check_output

DATA = Path(__file__).parent.parent / "data"
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=SLOW)

WEIRD = [
    "",
    "0",
    "-5",
    "nan",
    "inf",
    "1e3",
    "1.234",
    "$1,000.50",
    "1,00",
    "١٢٣",
    "0:100:10",
    "1:0:1",
    "0:1e9:1",
    "0:999999999999:1",
    "2022",
    "2100",
    "1989",
    "wdp",
    "WDP",
    " 5 ",
    "medically-needy",
    "\x00",
    "9" * 40,
    "9" * 5000,  # past Python's 4,300-digit limit for int()
    "999999999999.99",
    "-",
    "--json",
    "0x10",
    "1_000",
    "true",
    "yes",
    "ssi",
    "x\udcffy",
]  # fmt: skip  (\udcff: a non-UTF-8 byte in argv)
VALUES = st.one_of(
    st.sampled_from(WEIRD),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.integers(min_value=-10, max_value=10**13).map(str),
    st.text(max_size=12),
)


def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1"})


def invoke(args: list[str], stdin: str | None = None) -> Result:
    """In a folder of its own: a random --worksheet or --chart value is a file written there."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        return runner().invoke(cli, args, input=stdin, prog_name="ihss", catch_exceptions=True)


def promised(result: Result, args: list[str]) -> None:
    """The promises every command keeps, whatever its arguments."""
    where = (args, result.exit_code, result.stderr[-500:])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(where) from result.exception
    assert result.exit_code in (0, 1, 2), where
    assert "Traceback" not in result.stdout + result.stderr, where
    assert "internal error" not in result.stderr, where
    check_output(args, result.exit_code, result.stdout, result.stderr)  # the published schema


def command_args(name: str) -> st.SearchStrategy[list[str]]:
    """Random argument lists from the command's own options, and some that are not its.
    ``name`` may be a subcommand's path ("timesheets plan")."""
    command: click.Command | None = cli
    for part in name.split():
        assert isinstance(command, click.Group)
        command = command.get_command(click.Context(command), part)
    assert isinstance(command, click.Command)
    options = [p for p in command.params if isinstance(p, click.Option)]

    @st.composite
    def build(draw: st.DrawFn) -> list[str]:
        args = name.split()
        for _ in range(draw(st.integers(0, 7))):
            option = draw(st.sampled_from([*options, None]))
            if option is None:
                args.append(draw(st.sampled_from(["--nope", "-x", "extra", "--json"])))
            elif option.is_flag:
                args.append(option.opts[0])
            else:
                args += [option.opts[0], draw(VALUES)]
        return args

    return build()


@FUZZ
@given(
    args=st.one_of(
        command_args("soc"), command_args("whatif"), command_args("rates"), command_args("hours")
    )
)
def test_random_arguments(args: list[str]) -> None:
    random_arguments(args)


@FUZZ
@given(
    args=st.one_of(
        command_args("timesheets plan"),
        command_args("compare"),
        command_args("schema"),
        command_args("timesheets check"),
    )
)
def test_random_arguments_of_plan_compare_schema_and_check(args: list[str]) -> None:
    random_arguments(args)


def random_arguments(args: list[str]) -> None:
    result = invoke(args)
    promised(result, args)
    # Exit 1 from a timesheet check or plan is a finding (or hours that cannot be placed),
    # with its report; every other failure writes nothing on stdout.
    if result.exit_code == 2 or (result.exit_code == 1 and args[0] != "timesheets"):
        assert result.stdout == "", args
    elif asks_for_json(args) and "--help" not in args and "-h" not in args:
        assert isinstance(json.loads(result.stdout), dict), args


def asks_for_json(args: list[str]) -> bool:
    """Whether click reads --json in ``args`` as the flag (``--earned --json`` gives it to
    --earned as a value, and a later --earned wins)."""
    import click

    from ihss_calc.cli import cli

    ctx = click.Context(cli, resilient_parsing=True)
    command = cli.get_command(ctx, args[0])
    assert command is not None
    sub = command.make_context(args[0], list(args[1:]), parent=ctx, resilient_parsing=True)
    return bool(sub.params.get("as_json"))


# CSV is bytes on disk: no lone surrogates in its text.
CELL = st.one_of(
    st.sampled_from([w for w in WEIRD if "\udcff" not in w]),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["a,b", 'say "hi"', "two\nlines", "cr\rlf", "1", "0", "2026", "é"]),
)
COLUMNS = st.sampled_from([*INPUT_COLUMNS, "id", "ID", "Unearned", "notes", "share_of_cost"])


@st.composite
def csv_input(draw: st.DrawFn) -> tuple[str, int]:
    """A CSV text with a header naming an input column, and its number of records."""
    header = draw(st.lists(COLUMNS, min_size=1, max_size=6, unique_by=str.lower))
    if not {h.lower() for h in header} & set(INPUT_COLUMNS):
        header.append("unearned")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # so that a lone \r in a field is quoted
    writer.writerow(header)
    records = 0
    for _ in range(draw(st.integers(0, 8))):
        width = draw(st.sampled_from([len(header), len(header), len(header) + 1, 1]))
        row = [draw(CELL) for _ in range(width)]
        if not any(cell.strip() for cell in row):
            continue  # a blank line, or only delimiters and spaces, is no record
        writer.writerow(row)
        records += 1
    return out.getvalue(), records


def output_rows(result: Result, records: int, fmt: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.split("\n")[:-1]]
    else:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == records, (records, result.stdout[:2000])
    lines = [int(r["line"]) for r in rows]
    assert lines == sorted(set(lines)), lines  # in order, each once
    for row in rows:
        assert row.get("error") or row.get("share_of_cost") not in (None, ""), row
    return rows


@FUZZ
@given(case=csv_input(), fmt=st.sampled_from(["jsonl", "csv"]), steps=st.booleans())
def test_random_csv_rows(case: tuple[str, int], fmt: str, steps: bool) -> None:
    text, records = case
    args = ["batch", "-", "--input-format", "csv", "--output-format", fmt, "--year", "2022"]
    args += ["--steps"] if steps and fmt == "jsonl" else []
    result = invoke(args, stdin=text)
    promised(result, args)
    if result.exit_code == 2:
        assert result.stdout == ""
        return
    output_rows(result, records, fmt)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3).map(float),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=6,
)  # fmt: skip


@st.composite
def jsonl_input(draw: st.DrawFn) -> tuple[str, int]:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["object", "object", "object", "garbage", "array"]))
        if kind == "object":
            record = draw(st.dictionaries(COLUMNS | st.text(max_size=6),
                                          VALUES | CELL | JSON_VALUES, max_size=5))  # fmt: skip
            lines.append(json.dumps(record))
        elif kind == "array":
            lines.append(json.dumps(draw(st.lists(JSON_VALUES, max_size=3))))
        else:
            lines.append(draw(st.sampled_from(["{", "nope", '{"unearned": NaN}', "[[[", "1"])))
    return "\n".join(lines) + ("\n" if lines else ""), len(lines)


@FUZZ
@given(case=jsonl_input(), fmt=st.sampled_from(["jsonl", "csv"]))
def test_random_json_lines(case: tuple[str, int], fmt: str) -> None:
    text, records = case
    args = ["batch", "-", "--input-format", "jsonl", "--output-format", fmt, "--year", "2022"]
    result = invoke(args, stdin=text)
    promised(result, args)
    assert result.exit_code in (0, 1)
    output_rows(result, records, fmt)


GOOD = (DATA / "rates_2022.toml").read_text(encoding="utf-8")
LINES = GOOD.splitlines()
ASSIGNED = [i for i, line in enumerate(LINES) if " = " in line and not line.startswith("#")]
TOML_VALUES = st.sampled_from([
    "0", "-1", "1e1000000", "1e-20", "0.001", "0.0001", "3", "0.5", "1.0", "true", '"x"',
    "[]", '["nope"]', "2022-01-01", "2023-01-01T00:00:00", "{ value = 1 }", "99999999999",
    "1040.2100001", "nan", "inf", '"ROUND_UP"', '"derived"', "1", "0.00", "1000000",
    "1000000.01", "100000000", "10", "9" * 5000, "[" * 3000 + "]" * 3000,
])  # fmt: skip


@st.composite
def mutated_rates(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(ASSIGNED))
        action = draw(st.sampled_from(["value", "value", "value", "drop", "twice"]))
        key = lines[i].split(" = ", 1)[0]
        if action == "value":
            lines[i] = f"{key} = {draw(TOML_VALUES)}"
        elif action == "drop":
            lines[i] = ""
        else:
            lines.insert(i, lines[i])
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated_rates())
def test_rates_check_accepts_only_what_soc_can_use(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp, "rates_2022.toml"))
        Path(path).write_text(text, encoding="utf-8")
        check = invoke(["rates", "--check", path])
        promised(check, ["rates", "--check"])
        for args in (
            ["soc", "--rates", path, "--unearned", "1000", "--earned", "500", "--json"],
            ["soc", "--rates", path, "--unearned", "800", "--spouse-earned", "3000",
             "--show-medi-cal-soc", "--assets", "5"],
            ["whatif", "--rates", path, "--unearned", "1000", "--earned", "0:3000:500"],
            ["batch", "-", "--input-format", "csv", "--rates", path],
        ):  # fmt: skip
            used = invoke(args, stdin="unearned,earned,couple\n1000,500,1\n")
            promised(used, args)
            assert used.exit_code == (0 if check.exit_code == 0 else 1), (
                check.stdout + check.stderr,
                used.stderr[-1000:],
            )


TIMES = st.sampled_from(["08:00", "9:30 am", "10pm", "12:00 am", "23:59", "25:00", "x", "",
                         "6:00 PM", "00:00", "12", "7:5"])  # fmt: skip
DATES = st.sampled_from(["2026-03-01", "3/7/2026", "2026-02-30", "2026-13-01", "", "nope",
                         "2026-03-08", "12/31/2026"])  # fmt: skip


@FUZZ
@given(rows=st.lists(st.tuples(st.sampled_from(["P1", "P2", "", "p1"]),
                               st.sampled_from(["R1", "R2", ""]), DATES, TIMES, TIMES,
                               st.sampled_from(["", "1.5", "8", "-1", "x"])), max_size=12),
       fmt=st.sampled_from(["table", "csv", "json"]))  # fmt: skip
def test_random_timesheets(rows: list[tuple[str, ...]], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "visits.csv")
        with path.open("w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["provider", "recipient", "date", "start", "end", "travel_hours"])
            writer.writerows(rows)
        args = ["timesheets", "check", str(path), "--authorized", "R1=10"]
        args += ["--json"] if fmt == "json" else ["--output-format", fmt]
        result = invoke(args)
        promised(result, args)
        assert result.exit_code in (0, 1)
        if fmt == "json":
            body = json.loads(result.stdout)
            bad = sum(f["kind"] == "bad_row" for f in body["findings"])
            assert body["visits"] + bad == len(rows)


# English words that must not be left in a Spanish run's messages (issue 26): outside the
# values quoted back to the person, who may have typed them.
ENGLISH_LEFT = re.compile(r"\b(File|or|integer|range|invalid choice|is not one of)\b")


@settings(max_examples=150, deadline=None)
@given(
    args=st.one_of(
        command_args("soc"), command_args("whatif"), command_args("rates"), command_args("hours")
    )
)
def test_a_spanish_run_says_everything_in_spanish(args: list[str]) -> None:
    result = invoke(["--lang", "es", *args])
    promised(result, args)
    if result.exit_code == 0 or "--lang" in args:
        return
    said = re.sub(r"'[^']*'|\"[^\"]*\"", "", result.stderr)  # what was typed, quoted back
    said = said.replace("--", " ")  # option names are code, not words
    assert not ENGLISH_LEFT.search(said), (args, result.stderr)
    assert result.stdout == "", args  # nothing cut off before the error
