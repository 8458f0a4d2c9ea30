"""Cold start: `ihss soc ... --json` and the table path against a bare click "hello" command,
measured side by side in one run, in the same environment (the venv this runs in).

    python benchmarks/startup.py [--runs 40]

Each command is started as a fresh process, the runs interleaved so that any load on the
machine falls on all of them alike. Prints the median and mean wall time of each, and the
ratios issue 14 asks for (JSON path within 1.5x, table path within 2.0x of hello).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

JSON_TARGET, TABLE_TARGET = 1.5, 2.0  # times a bare click command

HELLO = """\
import click


@click.command()
def hello() -> None:
    click.echo("hello")


hello()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each command (default 40)")
    args = parser.parse_args()

    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    if ihss is None:
        sys.exit("ihss is not installed in this environment: pip install . first")
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp, "hello.py")
        hello.write_text(HELLO, encoding="utf-8")
        seed = ["soc", "--unearned", "1000", "--earned", "500", "--year", "2026"]
        commands = {
            "click hello": [sys.executable, str(hello)],
            "ihss soc --json": [ihss, *seed, "--json"],
            "ihss soc (table)": [ihss, *seed],
        }
        env = {**os.environ, "COLUMNS": "80"}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm the file cache once
            subprocess.run(command, check=True, capture_output=True, env=env)
        for _ in range(args.runs):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
                times[name].append(time.perf_counter() - start)

    base = statistics.median(times["click hello"])
    print(f"Python {sys.version.split()[0]}, {args.runs} runs each, interleaved")
    print(f"{'command':20} {'median':>9} {'mean':>9} {'x hello':>8}")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(
            f"{name:20} {median * 1000:7.1f}ms {statistics.mean(runs) * 1000:7.1f}ms "
            f"{median / base:7.2f}x"
        )
    json_ratio = statistics.median(times["ihss soc --json"]) / base
    table_ratio = statistics.median(times["ihss soc (table)"]) / base
    ok = json_ratio <= JSON_TARGET and table_ratio <= TABLE_TARGET
    print(
        f"targets: JSON within {JSON_TARGET}x ({json_ratio:.2f}x), table within {TABLE_TARGET}x"
        f" ({table_ratio:.2f}x):"
        f" {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
