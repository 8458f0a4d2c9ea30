"""Batch throughput and memory: today's `ihss batch` against the engine before the rewrite.

    python benchmarks/batch.py [--rows 300000] [--big-rows 3000000] [--runs 3]

Generates a caseload CSV in a temporary folder (nothing is kept), then, for CSV -> JSON Lines
and CSV -> CSV, runs the frozen baseline engine (benchmarks/baseline_batch.py) and the
installed `ihss batch`, interleaved, on one core (taskset -c 0 where there is taskset). It
reports the median wall time of each (start-up included), rows a second, the ratio, and the
peak memory (the child's maximum resident set). Then it checks every row: the new output
equals the baseline's row for row (JSON Lines and CSV on the baseline's fields and columns),
every row is there in order with no error, and a sample equals `ihss soc --json`.

The caseload: a third of unearned amounts 0, a third whole dollars up to 3,000, a third with
cents; earnings the same up to 5,000; 30% couples, 10% blind, a few with IRWE or BWE or a
Medi-Cal program; every row valid; year 2026. Seeded, so every run reads the same rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

TARGET_RATIO = 2.0  # CSV -> JSON Lines at the larger size, against the baseline
TARGET_PEAK_MB = 40
BASELINE = Path(__file__).with_name("baseline_batch.py")


def amount(rng: random.Random, top: int) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return "0"
    if kind == 1:
        return str(rng.randint(1, top))
    return f"{rng.randint(1, top * 100) / 100:.2f}"


def write_caseload(path: Path, rows: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    medi_cal = ["", "", "", "", "", "", "none", "medically-needy", "wdp", "ssi"]
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("id,unearned,earned,irwe,bwe,couple,blind,spouse_blind,medi_cal,year\n")
        for i in range(rows):
            couple = rng.random() < 0.3
            blind = rng.random() < 0.1
            spouse_blind = couple and rng.random() < 0.1
            irwe = str(rng.randint(1, 200)) if not blind and rng.random() < 0.03 else "0"
            bwe = (
                str(rng.randint(1, 200)) if (blind or spouse_blind) and rng.random() < 0.2 else "0"
            )
            f.write(
                f"case-{i},{amount(rng, 3000)},{amount(rng, 5000)},{irwe},{bwe},{int(couple)},"
                f"{int(blind)},{int(spouse_blind)},{rng.choice(medi_cal)},2026\n"
            )


def run(command: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds and the peak resident memory in MB of that one process."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen([*pin, *command], stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own usage
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed: exit {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def same_jsonl(base: Path, new: Path, rows: int) -> None:
    """Equal on every field the baseline has, in its order (the new one has more, such as the
    placement), and every row there, in order, with no error."""
    with base.open("rb") as a, new.open("rb") as b:
        count = 0
        for count, (x, y) in enumerate(zip(a, b, strict=True), start=1):
            old, current = json.loads(x, parse_float=Decimal), json.loads(y, parse_float=Decimal)
            kept = [name for name in current if name in old]
            if kept != list(old) or {name: current[name] for name in kept} != old:
                sys.exit(f"JSON Lines row {count} differs:\n{x!r}\n{y!r}")
            if not y.startswith(b'{"line": %d, ' % (count + 1)) or b'"error": ' in y:
                sys.exit(f"row {count} is not in order, or failed: {y!r}")
    if count != rows:
        sys.exit(f"{count} rows out of {rows}")


def same_csv(base: Path, new: Path, rows: int) -> None:
    """Equal on every column the baseline has (the new one has more), row for row."""
    with base.open(newline="") as a, new.open(newline="") as b:
        old, current = csv.reader(a), csv.reader(b)
        head, new_head = next(old), next(current)
        at = [new_head.index(name) for name in head]
        count = 0
        for count, (x, y) in enumerate(zip(old, current, strict=True), start=1):
            if x != [y[i] for i in at] or y[new_head.index("error")]:
                sys.exit(f"CSV row {count} differs:\n{x}\n{y}")
    if count != rows:
        sys.exit(f"{count} rows out of {rows}")


def sample_equals_soc(ihss: str, source: Path, out: Path, rows: int) -> None:
    with out.open(encoding="utf-8") as results, source.open(encoding="utf-8") as inputs:
        next(inputs)
        for count, (line, case) in enumerate(zip(results, inputs, strict=True), start=1):
            if count % max(rows // 20, 1) != 1:
                continue
            row = json.loads(line, parse_float=Decimal)
            fields = case.rstrip("\n").split(",")
            args = ["soc", "--json", "--year", fields[9], "--unearned", fields[1],
                    "--earned", fields[2], "--irwe", fields[3], "--bwe", fields[4]]  # fmt: skip
            args += [f for f, v in zip(["--couple", "--blind", "--spouse-blind"], fields[5:8],
                                       strict=True) if v == "1"]  # fmt: skip
            args += ["--medi-cal", fields[8]] if fields[8] else []
            answer = subprocess.run([ihss, *args], capture_output=True, text=True, check=True)
            soc = json.loads(answer.stdout, parse_float=Decimal)
            for field in ("total_countable_income", "share_of_cost", "payment_level"):
                if soc[field] != row[field]:
                    sys.exit(f"row {count}: {field} {row[field]} != soc {soc[field]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--big-rows", type=int, default=3_000_000, help="0: skip")
    parser.add_argument("--runs", type=int, default=3, help="runs of each, interleaved")
    args = parser.parse_args()
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    if ihss is None:
        sys.exit("ihss is not installed in this environment: pip install . first")

    print(f"Python {sys.version.split()[0]}; CSV in; one core; median of {args.runs} runs, "
          "interleaved; wall time includes start-up")  # fmt: skip
    print(f"{'rows':>9} {'output':6} {'baseline':>16} {'now':>16} {'ratio':>6} {'peak MB':>13}")
    ratios: dict[tuple[int, str], float] = {}
    peaks: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rows in [args.rows] + ([args.big_rows] if args.big_rows else []):
            source = Path(tmp, f"caseload_{rows}.csv")
            write_caseload(source, rows)
            for fmt in ("jsonl", "csv"):
                base_out, new_out = Path(tmp, f"base.{fmt}"), Path(tmp, f"new.{fmt}")
                commands = {
                    "base": [sys.executable, str(BASELINE), str(source), "--output-format", fmt],
                    "new": [ihss, "batch", str(source), "--output-format", fmt],
                }
                times: dict[str, list[float]] = {"base": [], "new": []}
                peak = {"base": 0.0, "new": 0.0}
                for _ in range(args.runs):
                    for name, command in commands.items():
                        seconds, mb = run(command, base_out if name == "base" else new_out)
                        times[name].append(seconds)
                        peak[name] = max(peak[name], mb)
                (same_jsonl if fmt == "jsonl" else same_csv)(base_out, new_out, rows)
                if fmt == "jsonl":
                    sample_equals_soc(ihss, source, new_out, rows)
                base, new = (statistics.median(times[n]) for n in ("base", "new"))
                ratios[rows, fmt] = base / new
                peaks.append(peak["new"])
                print(f"{rows:>9,} {fmt:6} {base:6.2f} s {rows / base:7,.0f}/s "
                      f"{new:6.2f} s {rows / new:7,.0f}/s {base / new:5.2f}x "
                      f"{peak['base']:5.1f} {peak['new']:5.1f}")  # fmt: skip
    print("every row equal to the baseline's, in order, without error; a sample equal to soc")
    key = (args.big_rows or args.rows, "jsonl")
    fast = ratios[key] >= TARGET_RATIO
    small = max(peaks) <= TARGET_PEAK_MB
    print(f"target {TARGET_RATIO}x on CSV -> JSON Lines at {key[0]:,} rows: "
          f"{'met' if fast else 'NOT met'} ({ratios[key]:.2f}x)")  # fmt: skip
    print(f"memory target {TARGET_PEAK_MB} MB: {'met' if small else 'NOT met'} "
          f"({max(peaks):.1f} MB at most)")  # fmt: skip
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
