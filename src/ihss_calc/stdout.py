"""Writing a result to standard output so that a closed pipe is noticed (exit 141): a piece
at a time, each flushed. No rich here: the JSON paths import this and nothing heavier."""

from __future__ import annotations

import sys
from typing import IO, TextIO

CHUNK = 1 << 16  # written and flushed a piece at a time: a reader gone midway is noticed


def write_in_chunks(out: IO[str] | TextIO, text: str) -> None:
    """Write ``text`` a chunk at a time, each flushed, so that a reader that closed the pipe
    midway (``| head -1``) gives BrokenPipeError, not a silent success: one large write can
    be taken whole by the pipe whatever the reader does."""
    for start in range(0, len(text), CHUNK):
        out.write(text[start : start + CHUNK])
        out.flush()


def write_out(text: str) -> None:
    """A JSON result (and its newline) on stdout, a chunk at a time."""
    write_in_chunks(sys.stdout, text + "\n")
