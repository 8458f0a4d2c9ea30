"""Batch throughput and memory: a generated caseload CSV through `ihss batch` to JSON Lines.

    python benchmarks/batch.py [--rows 300000] [--big-rows 1200000]

Generates the input in a temporary folder (nothing is kept), runs the installed `ihss batch`
on one core (taskset -c 0 where there is taskset), and reports wall time including start-up,
rows a second, and peak memory (the child's maximum resident set). It then checks that every
row came out, in order, with no errors, and that a sample of rows equals `ihss soc --json`.
The larger run shows that memory does not grow with the input.

The caseload: a third of unearned amounts 0, a third whole dollars up to 3,000, a third with
cents; earnings the same up to 5,000; 30% couples, 10% blind, a few with IRWE or BWE or a
Medi-Cal program; every row valid; year 2026. Seeded, so every run reads the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

TARGET_ROWS_PER_SECOND = 300_000
TARGET_PEAK_MB = 60


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


def run(ihss: str, source: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and the peak resident memory in MB of that one `ihss batch` process."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen([*pin, ihss, "batch", str(source)], stdout=sink,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)  # this child's own usage
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"ihss batch failed: exit {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def check(ihss: str, source: Path, out: Path, rows: int) -> None:
    """Every row out, in order, no errors; a sample equal to `ihss soc --json`."""
    count = 0
    # Streamed, so that this process stays small: a child started from a large parent can
    # report the parent's size as its own peak.
    with out.open(encoding="utf-8") as results, source.open(encoding="utf-8") as inputs:
        next(inputs)
        for count, (line, case) in enumerate(zip(results, inputs, strict=False), start=1):
            row = json.loads(line, parse_float=Decimal)
            if row["line"] != count + 1 or "error" in row:
                sys.exit(f"row {count}: {line}")
            if count % (rows // 20) == 1:
                fields = case.rstrip("\n").split(",")
                args = ["soc", "--json", "--year", fields[9], "--unearned", fields[1],
                        "--earned", fields[2], "--irwe", fields[3], "--bwe", fields[4]]  # fmt: skip
                args += [f for f, v in zip(["--couple", "--blind", "--spouse-blind"],
                                           fields[5:8], strict=True) if v == "1"]  # fmt: skip
                args += ["--medi-cal", fields[8]] if fields[8] else []
                answer = subprocess.run([ihss, *args], capture_output=True, text=True, check=True)
                soc = json.loads(answer.stdout, parse_float=Decimal)
                for field in ("total_countable_income", "share_of_cost", "payment_level"):
                    if soc[field] != row[field]:
                        sys.exit(f"row {count}: {field} {row[field]} != soc {soc[field]}")
    if count != rows:
        sys.exit(f"{count} rows out of {rows}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--big-rows", type=int, default=1_200_000,
                        help="a larger input, to show memory stays flat (0: skip)")  # fmt: skip
    args = parser.parse_args()
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    if ihss is None:
        sys.exit("ihss is not installed in this environment: pip install . first")

    print(f"Python {sys.version.split()[0]}; ihss batch, CSV in, JSON Lines out, one core")
    rates: list[float] = []
    peaks: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rows in [args.rows] + ([args.big_rows] if args.big_rows else []):
            source, out = Path(tmp, f"caseload_{rows}.csv"), Path(tmp, "out.jsonl")
            write_caseload(source, rows)
            seconds, peak = run(ihss, source, out)
            check(ihss, source, out, rows)
            rates.append(rows / seconds)
            peaks.append(peak)
            print(f"{rows:>9,} rows: {seconds:6.2f} s wall, {rows / seconds:9,.0f} rows/s, "
                  f"peak {peak:5.1f} MB; every row out, in order, sample equal to soc")  # fmt: skip
    fast = rates[0] >= TARGET_ROWS_PER_SECOND
    small = max(peaks) <= TARGET_PEAK_MB
    print(f"throughput target {TARGET_ROWS_PER_SECOND:,} rows/s: "
          f"{'met' if fast else 'NOT met'} ({rates[0]:,.0f})")  # fmt: skip
    print(f"memory target {TARGET_PEAK_MB} MB: {'met' if small else 'NOT met'} "
          f"({max(peaks):.1f} MB at most)")  # fmt: skip
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
