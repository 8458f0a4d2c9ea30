"""Timesheet checking at a county's scale: a month of EVV visits through `ihss timesheets check`,
beside the same checks in DuckDB SQL.

    python benchmarks/timesheets.py [--visits 1000000] [--runs 3] [--no-duckdb]

Generates a seeded month of visits in a temporary folder (nothing is kept): providers who each
work for one to three recipients, a visit or two a day, some past midnight, some overlapping,
some workweeks over 66 hours; every recipient authorized 120 hours. Runs the installed `ihss
timesheets check FILE --authorizations auth.csv --json` on one core, three times (--runs), and
reports the median wall time (start-up included) and each run's, visits a second and peak
memory; each run's JSON is checked whole, with every visit counted.

Then the same checks as SQL in DuckDB (installed for the benchmark only, with pip into a
temporary folder: not a dependency of ihss), on the same file, one thread, in a process of its
own, the same number of runs: overlaps of two providers and of two recipients (any shared
minute), workweeks over 66 hours, over a recipient's weekly maximum (120 / 4), months over the
authorized hours and over the cap of 283. Every count is compared with ihss's findings (a
difference fails the run) and the ratio of the times is reported, against the target of 2x.
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
TARGET_RATIO = 2.0  # ihss's time over DuckDB's, one thread each
AUTHORIZED = 120  # hours a month, for every recipient

# The checks of docs/rules.md §10 that the generated month can meet, in DuckDB SQL. Times are
# minutes since 1970-01-01; a visit whose end is before its start ends the next day; a visit
# is cut at midnight into pieces (a workweek runs Sunday to Saturday: day + 4 // 7).
DUCKDB_SQL = """
SET threads = 1;
CREATE TABLE raw AS SELECT * FROM read_csv('{source}', header = true, all_varchar = true);
CREATE TABLE v AS SELECT
    row_number() OVER () AS idx, provider, recipient, d, d * 1440 + sm AS s,
    d * 1440 + em + CASE WHEN em < sm THEN 1440 ELSE 0 END AS e
FROM (SELECT provider, recipient, date_diff('day', DATE '1970-01-01', CAST(date AS DATE)) AS d,
             CAST(split_part(start, ':', 1) AS INT) * 60 + CAST(split_part(start, ':', 2) AS INT)
                 AS sm,
             CAST(split_part("end", ':', 1) AS INT) * 60 + CAST(split_part("end", ':', 2) AS INT)
                 AS em
      FROM raw);
CREATE TABLE p AS
    SELECT provider, recipient, d AS day, least(e, (d + 1) * 1440) - s AS minutes FROM v
    UNION ALL
    SELECT provider, recipient, d + 1, e - (d + 1) * 1440 FROM v WHERE e > (d + 1) * 1440;
SELECT 'over_workweek', count(*) FROM (
    SELECT provider, (day + 4) // 7 AS week, sum(minutes) AS m FROM p GROUP BY ALL)
    WHERE m > 66 * 60
UNION ALL
SELECT 'over_recipient_weekly_max', count(*) FROM (
    SELECT provider, recipient, (day + 4) // 7 AS week, sum(minutes) AS m FROM p GROUP BY ALL)
    WHERE m > {authorized} * 60 / 4
UNION ALL
SELECT 'over_monthly_cap', count(*) FROM (
    SELECT recipient, strftime(DATE '1970-01-01' + CAST(day AS INT), '%Y-%m') AS month,
           sum(minutes) AS m FROM p GROUP BY ALL) WHERE m > 283 * 60
UNION ALL
SELECT 'over_authorized', count(*) FROM (
    SELECT recipient, strftime(DATE '1970-01-01' + CAST(day AS INT), '%Y-%m') AS month,
           sum(minutes) AS m FROM p GROUP BY ALL) WHERE m > {authorized} * 60
UNION ALL
SELECT 'overlap_providers', count(*) FROM v a JOIN v b
    ON a.recipient = b.recipient AND a.provider <> b.provider AND a.e > b.s
   AND (a.s < b.s OR (a.s = b.s AND a.idx < b.idx))
UNION ALL
SELECT 'overlap_recipients', count(*) FROM v a JOIN v b
    ON a.provider = b.provider AND a.recipient <> b.recipient AND a.e > b.s
   AND (a.s < b.s OR (a.s = b.s AND a.idx < b.idx))
"""

COUNT_KINDS = """
import json, sys
body = json.load(open(sys.argv[1], encoding="utf-8"))
kinds = {}
for finding in body["findings"]:
    kinds[finding["kind"]] = kinds.get(finding["kind"], 0) + 1
print(json.dumps({"visits": body["visits"], "kinds": kinds}))
"""

DUCKDB_RUN = """
import json, sys, duckdb
con = duckdb.connect()
statements = [s for s in sys.argv[2].split(";") if s.strip()]
for statement in statements[:-1]:
    con.execute(statement)
print(json.dumps(dict(con.execute(statements[-1]).fetchall())))
"""


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


def write_authorizations(source: Path, path: Path) -> None:
    """Every recipient of ``source``, authorized AUTHORIZED hours a month."""
    with source.open(encoding="utf-8") as f:
        next(f)
        recipients = {line.split(",", 2)[1] for line in f}
    path.write_text("recipient,hours\n" + "".join(f"{r},{AUTHORIZED}\n" for r in sorted(
        recipients)), encoding="utf-8")  # fmt: skip


def check_once(
    ihss: str, source: Path, auth: Path, out: Path, visits: int
) -> tuple[float, float, dict[str, int]]:
    """One run on one core: wall seconds, peak resident MB, and the findings by kind."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    with out.open("w") as sink:
        process = subprocess.Popen([*pin, ihss, "timesheets", "check", str(source),
                                    "--authorizations", str(auth), "--json"],
                                   stdout=sink, stderr=subprocess.DEVNULL)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"ihss timesheets check failed: exit {code}")
    # Read in a process of its own: a child's peak memory counts its parent's at the fork (the
    # high-water mark survives exec), so this process must stay small for the next run's.
    done = subprocess.run([sys.executable, "-c", COUNT_KINDS, str(out)], capture_output=True,
                          text=True, check=True)  # fmt: skip
    body = json.loads(done.stdout)
    if body["visits"] != visits:
        sys.exit(f"{body['visits']} visits checked of {visits}")
    return seconds, usage.ru_maxrss / 1024, body["kinds"]


def duckdb_path() -> str:
    """A folder holding the duckdb package, installed there with pip for this run."""
    folder = tempfile.mkdtemp(prefix="ihss-bench-duckdb-")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "--target", folder, "duckdb"],
                   check=True)  # fmt: skip
    return folder


def duckdb_once(path: str, source: Path) -> tuple[float, float, dict[str, int]]:
    """The same checks in DuckDB SQL, one thread, in a process of its own."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    sql = DUCKDB_SQL.format(authorized=AUTHORIZED, source=str(source).replace("'", "''"))
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": path}
    process = subprocess.Popen([*pin, sys.executable, "-c", DUCKDB_RUN, str(source), sql],
                               stdout=subprocess.PIPE, env=env)  # fmt: skip
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("the DuckDB run failed")
    counts = {k: v for k, v in json.loads(output).items() if v}
    return seconds, usage.ru_maxrss / 1024, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="runs; the median is judged")
    parser.add_argument("--no-duckdb", action="store_true", help="ihss alone")
    args = parser.parse_args()
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    if ihss is None:
        sys.exit("ihss is not installed in this environment: pip install . first")
    with tempfile.TemporaryDirectory() as tmp:
        source, out, auth = Path(tmp, "visits.csv"), Path(tmp, "findings.json"), Path(tmp, "a.csv")
        write_visits(source, args.visits)
        write_authorizations(source, auth)
        runs = [check_once(ihss, source, auth, out, args.visits) for _ in range(args.runs)]
        theirs = []
        if not args.no_duckdb:
            path = duckdb_path()
            try:
                theirs = [duckdb_once(path, source) for _ in range(args.runs)]
            finally:
                shutil.rmtree(path, ignore_errors=True)
    times = [seconds for seconds, _, _ in runs]
    seconds, peak = statistics.median(times), max(mb for _, mb, _ in runs)
    kinds = [k for _, _, k in runs]
    if any(k != kinds[0] for k in kinds):
        sys.exit(f"the runs found different findings: {kinds}")
    found = kinds[0]
    print(f"Python {sys.version.split()[0]}; ihss timesheets check, CSV in, JSON out, one core")
    print(f"{args.visits:,} visits: {seconds:.2f} s wall (median of {args.runs}: "
          f"{', '.join(f'{t:.2f}' for t in times)}), {args.visits / seconds:,.0f} visits/s, "
          f"peak {peak:.1f} MB (runs: {', '.join(f'{mb:.1f}' for _, mb, _ in runs)}); "
          f"{sum(found.values()):,} findings")  # fmt: skip
    print("  by kind: " + ", ".join(f"{k} {n:,}" for k, n in sorted(found.items())))
    fast, small = seconds <= TARGET_SECONDS, peak <= TARGET_PEAK_MB
    print(f"targets: {TARGET_SECONDS} s ({'met' if fast else 'NOT met'}), {TARGET_PEAK_MB} MB "
          f"({'met' if small else 'NOT met'})")  # fmt: skip
    if not theirs:
        return 0 if fast and small else 1
    their_times = [t for t, _, _ in theirs]
    their_seconds, their_peak = statistics.median(their_times), max(mb for _, mb, _ in theirs)
    counted = theirs[0][2]
    print(f"DuckDB, the same checks in SQL, one thread: {their_seconds:.2f} s wall (median of "
          f"{args.runs}: {', '.join(f'{t:.2f}' for t in their_times)}), peak "
          f"{their_peak:.1f} MB")  # fmt: skip
    agree = counted == found
    print(f"every count the same: {'yes' if agree else 'NO'}"
          + ("" if agree else f" (ihss {found}, DuckDB {counted})"))  # fmt: skip
    ratio = seconds / their_seconds
    print(f"ihss / DuckDB time: {ratio:.2f}x (target {TARGET_RATIO:.0f}x: "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}); ihss peak {peak:.0f} MB, DuckDB "
          f"{their_peak:.0f} MB")  # fmt: skip
    return 0 if fast and small and agree and ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
