"""A parsed copy of each bundled rates file, kept in the user's cache folder.

Parsing a bundled rates file with tomllib costs a run more than working out the answer
(about 38 M instructions of a 278 M start-up, tomllib's import included). So the document
tomllib gives is kept, as ``marshal`` data, in ``$XDG_CACHE_HOME/ihss`` (``~/.cache/ihss``),
beside the exact text it was parsed from: it is used only while the bundled file's text is
the same, character for character. It holds public figures only, never anyone's income.
Anything wrong with it (missing, unreadable, another Python's, damaged, a folder that cannot
be written) means the file is parsed as before, and the copy written again if it can be.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
from decimal import Decimal
from typing import Any

FORMAT = 1  # bump when what is kept changes


def folder() -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return None if base.startswith("~") else os.path.join(base, "ihss")  # no home: no cache


def _path(name: str) -> str | None:
    where = folder()
    return None if where is None else os.path.join(where, f"{name}.marshal")


def load(name: str, text: str) -> dict[str, Any] | None:
    """The document parsed from ``text`` (the bundled file ``name``), or None if not kept."""
    path = _path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            kept = marshal.load(file)
        if kept[0] != FORMAT or kept[1] != text:
            return None
        doc = _decode(kept[2])
    except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError, ArithmeticError):
        return None
    return doc if isinstance(doc, dict) else None


def store(name: str, text: str, doc: dict[str, Any]) -> None:
    """Keep ``doc`` for next time; a folder that cannot be written is no error."""
    path = _path(name)
    if path is None:
        return
    part = f"{path}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(part, "wb") as file:
            marshal.dump((FORMAT, text, _encode(doc)), file)
        os.replace(part, path)  # whole or not at all, even with two runs at once
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(part)


# marshal keeps str, int, bool, lists and dicts; a Decimal and a date are kept as tagged
# tuples (tomllib gives no tuples, so a tuple is always a tag), the Decimal by its exact text.
def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, Decimal):
        return ("D", str(value))
    if isinstance(value, dt.date):
        if isinstance(value, dt.datetime):
            raise ValueError("a date and time is not kept")  # not in a valid rates file
        return ("d", value.isoformat())
    if isinstance(value, (str, int, bool)):
        return value
    raise ValueError(f"{type(value).__name__} is not kept")  # float, time: not in a rates file


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, tuple):
        tag, text = value
        return Decimal(text) if tag == "D" else dt.date.fromisoformat(text)
    return value
