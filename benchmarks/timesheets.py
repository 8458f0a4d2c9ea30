"""Timesheet checking at a county's scale: a month of EVV visits through `ihss timesheets check`.

    python benchmarks/timesheets.py [--visits 1000000] [--runs 3]

Generates a seeded month of visits in a temporary folder (nothing is kept): providers who each
work for one to three recipients, a visit or two a day, some past midnight, some overlapping,
some workweeks over 66 hours. Runs the installed `ihss timesheets check FILE --json` on one
core, three times (--runs), and reports the median wall time (start-up included) and each run's,
visits a second and peak memory; each run's JSON is checked whole, with every visit counted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 10
TARGET_PEAK_MB = 200


def write_visits(path: Path, visits: int, seed: int = 2026) -> None:
    """A month as a county's EVV export has it: each provider works for one to three
    recipients, a visit or two a day one after the other; a few work past midnight, a few
    overlap another visit, a few workweeks run long."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("provider,recipient,date,start,end\n")
        written, p = 0, 0
        while written < visits:
            p += 1
            recipients = [f"R{p}-{k}" for k in range(rng.randint(1, 3))]
            long_weeks = rng.random() < 0.05
            for day in range(1, 32):
                if written >= visits or rng.random() < 0.25:
                    continue
                hour = rng.randint(6, 9)
                for recipient in rng.sample(recipients, k=min(len(recipients), 2)):
                    length = rng.randint(2, 5 if not long_weeks else 7)
                    if rng.random() < 0.01:
                        hour -= 1  # overlaps the visit before
                    end = hour + length
                    shown_end = f"{end % 24:02d}:{rng.choice(['00', '30'])}"
                    f.write(f"P{p},{recipient},2026-03-{day:02d},{hour:02d}:00,{shown_end}\n")
                    written += 1
                    hour = end + 1
                    if written >= visits:
                        break


def check_once(ihss: str, source: Path, out: Path, visits: int) -> tuple[float, float, int]:
    """One run on one core: wall seconds, peak resident MB, and the findings counted."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    with out.open("w") as sink:
        process = subprocess.Popen([*pin, ihss, "timesheets", "check", str(source), "--json"],
                                   stdout=sink, stderr=subprocess.DEVNULL)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"ihss timesheets check failed: exit {code}")
    body = json.loads(out.read_text())
    if body["visits"] != visits:
        sys.exit(f"{body['visits']} visits checked of {visits}")
    return seconds, usage.ru_maxrss / 1024, len(body["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is judged")
    args = parser.parse_args()
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    if ihss is None:
        sys.exit("ihss is not installed in this environment: pip install . first")
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp, "visits.csv"), Path(tmp, "findings.json")
        write_visits(source, args.visits)
        runs = [check_once(ihss, source, out, args.visits) for _ in range(args.runs)]
    times = [seconds for seconds, _, _ in runs]
    seconds, peak = statistics.median(times), max(mb for _, mb, _ in runs)
    findings = {n for _, _, n in runs}
    if len(findings) != 1:
        sys.exit(f"the runs found different numbers of findings: {sorted(findings)}")
    print(f"Python {sys.version.split()[0]}; ihss timesheets check, CSV in, JSON out, one core")
    print(f"{args.visits:,} visits: {seconds:.2f} s wall (median of {args.runs}: "
          f"{', '.join(f'{t:.2f}' for t in times)}), {args.visits / seconds:,.0f} visits/s, "
          f"peak {peak:.1f} MB; {findings.pop():,} findings")  # fmt: skip
    fast, small = seconds <= TARGET_SECONDS, peak <= TARGET_PEAK_MB
    print(f"targets: {TARGET_SECONDS} s ({'met' if fast else 'NOT met'}), {TARGET_PEAK_MB} MB "
          f"({'met' if small else 'NOT met'})")  # fmt: skip
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
