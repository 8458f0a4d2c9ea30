"""A closed pipe is exit 141, quietly, for every command, in table and JSON modes (issue 24):
the reader gone before the first write (``| true``), and gone midway through output larger
than a pipe holds (``| head -1``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "readme"
IHSS = shutil.which("ihss", path=str(Path(sys.executable).parent))
COMMANDS = [
    "soc --unearned 1000 --earned 500",
    "soc --unearned 1000 --earned 500 --json",
    "rates",
    "rates --json",
    "hours --weekly personal-care=15",
    "hours --weekly personal-care=15 --json",
    "whatif --unearned 1000 --earned 0:3000:100",
    "whatif --unearned 1000 --earned 0:3000:100 --json",
    f"timesheets check {FIXTURES / 'march.csv'} --authorized R1=160",
    f"timesheets check {FIXTURES / 'march.csv'} --authorized R1=160 --json",
]


def piped(command: str, reader: str, folder: Path) -> tuple[int, str]:
    """The exit code of ``ihss COMMAND | READER``, and what ihss said on stderr."""
    assert IHSS is not None
    err = folder / "err"
    script = f'{IHSS} {command} 2>"{err}" | {reader}; echo "${{PIPESTATUS[0]}}"'
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                          cwd=folder)  # fmt: skip
    return int(done.stdout.split()[-1]), err.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_reader_gone_before_the_first_write(command: str, tmp_path: Path) -> None:
    code, said = piped(command, "true", tmp_path)
    assert code == 141
    assert "Traceback" not in said
    assert "Broken pipe" not in said


@pytest.mark.parametrize("json", ["", " --json"])
def test_reader_gone_midway(json: str, tmp_path: Path) -> None:
    # 1,000 points: far more than a pipe holds, the reader gone after the first line.
    code, said = piped(f"whatif --unearned 1000 --earned 0:9990:10{json}", "head -1 >/dev/null",
                       tmp_path)  # fmt: skip
    assert code == 141
    assert said == ""
