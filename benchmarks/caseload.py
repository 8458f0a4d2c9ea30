"""A county's caseload: `ihss batch` plain, with `--steps`, and from an Excel workbook, against
the previous release, in one run.

    python benchmarks/caseload.py [--rows 100000] [--runs 3] [--previous REV]

Writes the seeded caseload of benchmarks/batch.py (CSV) and the same rows as an .xlsx workbook
(numbers as numbers, as a person types them) in a temporary folder; nothing is kept. Then it
runs, interleaved, on one core (taskset -c 0 where there is taskset), start-up included:

- the installed `ihss batch` on the CSV: plain, and with `--steps`;
- the installed `ihss batch` on the workbook;
- with ``--previous REV`` (a git tag or commit of this repository), that release of `ihss`,
  built from `git archive` into a temporary virtual environment, on the CSV: plain and with
  `--steps` (it reads no workbook).

It reports the median wall time and peak memory (the child's maximum resident set) of each,
the output's size, `--steps` ÷ plain (target: at most 10) and workbook ÷ CSV, and checks that
the workbook's JSON Lines are byte for byte the CSV's, and that every plain row's fields are the
`--steps` row's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import write_caseload

TARGET_STEPS_RATIO = 10.0
ROOT = Path(__file__).resolve().parent.parent


def write_workbook(csv_path: Path, xlsx_path: Path) -> None:
    """The CSV's rows as a workbook, written in openpyxl's streaming mode."""
    import csv

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Caseload")
    with csv_path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        sheet.append(next(reader))
        for row in reader:
            sheet.append([_typed(cell) for cell in row])
    book.save(xlsx_path)


def _typed(cell: str) -> object:
    """A cell as Excel stores what was typed: a number as a number (1197.50 is 1197.5)."""
    if not cell:
        return None
    try:
        number = float(cell)
    except ValueError:
        return cell
    return int(number) if number.is_integer() else number


def run(command: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds and the peak resident memory in MB of that one process. The peak is read by
    GNU time where there is one: a child forked from this process (openpyxl loaded, some
    40 MB) would otherwise count this process's memory as its own."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    gnu_time = Path("/usr/bin/time")
    peak_file = out.with_suffix(".peak")
    timed = [str(gnu_time), "-f", "%M", "-o", str(peak_file)] if gnu_time.exists() else []
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen([*timed, *pin, *command], stdout=sink,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed: exit {os.waitstatus_to_exitcode(status)}")
    if timed:
        return seconds, int(peak_file.read_text().split()[-1]) / 1024  # KB
    return seconds, usage.ru_maxrss / 1024


def previous_release(rev: str, folder: Path) -> Path:
    """`ihss` of ``rev``, installed into a virtual environment of its own; its console script."""
    source = folder / "previous"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                             capture_output=True).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    # data/ is a symlink in the source tree, and the wheel's force-include copies it
    venv = folder / "previous-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(source)], check=True)
    return venv / "bin" / "ihss"


def check(csv_out: Path, xlsx_out: Path, steps_out: Path) -> None:
    if csv_out.read_bytes() != xlsx_out.read_bytes():
        sys.exit("the workbook's JSON Lines are not the CSV's")
    with csv_out.open(encoding="utf-8") as plain, steps_out.open(encoding="utf-8") as steps:
        for n, (a, b) in enumerate(zip(plain, steps, strict=True), start=1):
            row, full = json.loads(a), json.loads(b)
            for key, value in row.items():
                if key == "placement":
                    value_full = full["placement"]["program"]
                elif key == "placement_share_of_cost":
                    value_full = full["placement"]["share_of_cost"]
                elif key in ("wdp_likely_eligible", "medi_cal_soc"):
                    continue  # --steps has these inside the wdp and Medi-Cal objects
                else:
                    value_full = full[key]
                if value != value_full:
                    sys.exit(f"row {n}: {key} is {value!r} plain, {value_full!r} with --steps")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--previous", metavar="REV", help="a git tag or commit to compare with")
    args = parser.parse_args()
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent)) or "ihss"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, workbook = folder / "caseload.csv", folder / "caseload.xlsx"
        write_caseload(source, args.rows)
        write_workbook(source, workbook)
        cases = {
            "CSV, plain": [ihss, "batch", str(source)],
            "CSV, --steps": [ihss, "batch", str(source), "--steps"],
            ".xlsx, plain": [ihss, "batch", str(workbook)],
        }
        if args.previous:
            old = str(previous_release(args.previous, folder))
            cases[f"{args.previous}: CSV, plain"] = [old, "batch", str(source)]
            cases[f"{args.previous}: CSV, --steps"] = [old, "batch", str(source), "--steps"]
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, float] = dict.fromkeys(cases, 0.0)
        sizes: dict[str, int] = {}
        outs = {name: folder / f"out-{i}.jsonl" for i, name in enumerate(cases)}
        for _ in range(args.runs):
            for name, command in cases.items():
                seconds, peak = run(command, outs[name])
                times[name].append(seconds)
                peaks[name] = max(peaks[name], peak)
                sizes[name] = outs[name].stat().st_size
        check(outs["CSV, plain"], outs[".xlsx, plain"], outs["CSV, --steps"])
        median = {name: statistics.median(t) for name, t in times.items()}
        print(f"{args.rows:,} rows, median of {args.runs}, one core, start-up included:")
        for name in cases:
            print(f"  {name:<28} {median[name]:8.2f} s  {args.rows / median[name]:10,.0f} rows/s"
                  f"  peak {peaks[name]:6.1f} MB  output {sizes[name] / 1e6:9.1f} MB")  # fmt: skip
        ratio = median["CSV, --steps"] / median["CSV, plain"]
        met = "met" if ratio <= TARGET_STEPS_RATIO else "NOT met"
        print(f"--steps ÷ plain: {ratio:.1f} (target {TARGET_STEPS_RATIO:.0f}: {met})")
        print(f".xlsx ÷ CSV: {median['.xlsx, plain'] / median['CSV, plain']:.1f}")
        if args.previous:
            rev = args.previous
            for kind in ("plain", "--steps"):
                then = median[f"{rev}: CSV, {kind}"]
                print(f"{kind}: now {median[f'CSV, {kind}']:.2f} s, {rev} {then:.2f} s: "
                      f"{median[f'CSV, {kind}'] / then:.2f}×")  # fmt: skip
            old_ratio = median[f"{rev}: CSV, --steps"] / median[f"{rev}: CSV, plain"]
            print(f"{rev}: --steps ÷ plain {old_ratio:.1f}")
        print(
            "checked: the workbook's output is the CSV's, byte for byte; every plain row's "
            "fields are its --steps row's"
        )


if __name__ == "__main__":
    main()
