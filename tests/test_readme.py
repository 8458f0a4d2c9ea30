"""Every output block in the README is what the real command prints, so the README cannot
drift: a block that starts with ``$ `` is run, line by line, and its output compared. A line
``...`` in a block stands for lines left out (any number, at least one).

The commands run in a shell (pipes to jq and all) with the installed ``ihss`` first on PATH,
in a folder holding tests/fixtures/readme/, with ``IHSS_TODAY=2026-12-01``, 80 columns and no
colour. ``python -m tests.test_readme --update`` writes each block's full output back (then
cut what should be cut, by hand, with ``...``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
FIXTURES = Path(__file__).parent / "fixtures" / "readme"
BLOCK = re.compile(r"^```\n(\$ .*?)^```$", re.M | re.S)
GAP = "..."
TODAY = "2026-12-01"


def blocks(text: str) -> list[tuple[int, str]]:
    """(line number, body) of each fenced block without a language that starts with $."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in BLOCK.finditer(text)]


def commands(body: str) -> list[tuple[str, list[str]]]:
    """The block's commands, each with the lines shown under it."""
    found: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            found[-1][1].append(line)
    return found


def run_shell(command: str, folder: Path) -> list[str]:
    ihss = shutil.which("ihss", path=str(Path(sys.executable).parent))
    assert ihss is not None, "ihss is not installed in this environment"
    env = {**os.environ, "PATH": f"{Path(ihss).parent}{os.pathsep}{os.environ['PATH']}",
           "IHSS_TODAY": TODAY, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}  # fmt: skip
    done = subprocess.run(["sh", "-c", f"{{ {command}\n}} 2>&1"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    return [line.rstrip() for line in done.stdout.splitlines()]


def matches(shown: list[str], got: list[str]) -> bool:
    """Whether ``got`` is ``shown``, a GAP line standing for one or more lines."""
    if not shown:
        return not got
    if shown[0] == GAP:
        return any(matches(shown[1:], got[i:]) for i in range(1, len(got) + 1))
    return bool(got) and shown[0] == got[0] and matches(shown[1:], got[1:])


def folder() -> Path:
    made = Path(tempfile.mkdtemp(prefix="readme-"))
    if FIXTURES.is_dir():
        for entry in FIXTURES.iterdir():
            shutil.copy(entry, made / entry.name)
    return made


README_BLOCKS = blocks(README.read_text(encoding="utf-8"))


def test_the_readme_has_output_blocks() -> None:
    assert len(README_BLOCKS) >= 8


@pytest.mark.skipif(shutil.which("jq") is None, reason="the README's examples pipe to jq")
@pytest.mark.parametrize(
    ("line", "body"), README_BLOCKS, ids=[f"line {n}" for n, _ in README_BLOCKS]
)
def test_readme_block_is_what_the_command_prints(line: int, body: str) -> None:
    where = folder()
    for command, shown in commands(body):
        got = run_shell(command, where)
        assert matches(shown, got), (
            f"README.md line {line}: $ {command}\n--- shown:\n" + "\n".join(shown)
            + "\n--- printed:\n" + "\n".join(got)
        )  # fmt: skip


def update() -> None:
    """Write every block's full output back into the README."""
    text = README.read_text(encoding="utf-8")
    where = folder()

    def fresh(match: re.Match[str]) -> str:
        lines = []
        for command, _ in commands(match.group(1)):
            lines += [f"$ {command}", *run_shell(command, where)]
        return "```\n" + "\n".join(lines) + "\n```"

    README.write_text(BLOCK.sub(fresh, text), encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    update()
