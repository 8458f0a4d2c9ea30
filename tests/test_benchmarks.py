"""The benchmark scripts still run: their speed is measured by hand (README, Performance), but a
broken baseline or generator must fail here, not the next time someone measures."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_frozen_batch_baseline_writes_what_ihss_batch_writes(tmp_path: Path) -> None:
    bench = load("batch")
    source = tmp_path / "caseload.csv"
    bench.write_caseload(source, 400)
    for fmt in ("jsonl", "csv"):
        base, new = tmp_path / f"base.{fmt}", tmp_path / f"new.{fmt}"
        for command, out in (
            ([sys.executable, str(bench.BASELINE), str(source), "--output-format", fmt], base),
            ([sys.executable, "-m", "ihss_calc", "batch", str(source), "--output-format", fmt],
             new),
        ):  # fmt: skip
            with out.open("w", encoding="utf-8") as sink:
                subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=True)
        # the benchmark's own checks: every row there, in order, equal to the baseline's
        (bench.same_jsonl if fmt == "jsonl" else bench.same_csv)(base, new, 400)
    assert base.read_text(encoding="utf-8").count("\n") == 401  # the header and 400 rows


def test_the_timesheet_benchmark_runs_and_checks_its_output() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "timesheets.py"), "--visits", "2000", "--runs", "2",
         "--no-duckdb"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2,000 visits: " in result.stdout
    assert "(median of 2: " in result.stdout
    assert "targets: 10 s (met), 200 MB (met)" in result.stdout


def test_duckdb_counts_what_ihss_finds() -> None:
    """The benchmark's SQL (DuckDB, installed with pip for the run) finds what ihss finds,
    kind by kind, on a month with every kind the generator makes."""
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "timesheets.py"), "--visits", "30000", "--runs", "1"],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr  # 1: a target missed, said in the output
    assert "every count the same: yes" in result.stdout, result.stdout
    by_kind = result.stdout.split("by kind: ")[1].splitlines()[0]
    for kind in ("over_authorized", "over_recipient_weekly_max", "over_workweek",
                 "overlap_recipients"):  # fmt: skip
        assert kind in by_kind
    assert "ihss / DuckDB time: " in result.stdout


def test_the_caseload_benchmark_runs_and_checks_its_output() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "caseload.py"), "--rows", "300", "--runs", "1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "300 rows, median of 1, one core, start-up included:" in result.stdout
    assert "--steps ÷ plain: " in result.stdout
    assert "checked: the workbook's output is the CSV's, byte for byte" in result.stdout
