"""The errors every command can end with, and how a ``--json`` run writes one: as a JSON
object on stderr (``error``, ``exit_code``, ``option``, ``file``, ``message``)."""

from __future__ import annotations

from typing import Any

import click


class OutputError(click.ClickException):
    """The result could not be written (exit 1): a full disk, a closed stdout."""


class InternalError(click.ClickException):
    """A bug in ihss, said in one line (exit 1)."""


class FileProblems(click.ClickException):
    """A file that cannot be used (exit 1): every problem, by key, as ``(key, why)`` pairs."""

    def __init__(self, message: str, file: str, problems: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.file = file
        self.problems = problems


def json_error(exc: click.ClickException) -> None:
    """The error of a ``--json`` run, as one JSON object on stderr. ``error``: ``usage`` (exit
    2), ``data`` (a file or value that cannot be used, exit 1), ``output`` (the result could not
    be written, exit 1) or ``internal`` (a bug, exit 1)."""
    from ihss_calc.jsonout import dumps

    body: dict[str, Any] = {
        "error": "usage"
        if isinstance(exc, click.UsageError)
        else "output"
        if isinstance(exc, OutputError)
        else "internal"
        if isinstance(exc, InternalError)
        else "data",
        "exit_code": exc.exit_code,
        "option": None,
        "file": None,
        "message": exc.format_message(),
    }
    if isinstance(exc, click.BadParameter):
        if exc.param_hint is not None:
            hint = exc.param_hint if isinstance(exc.param_hint, str) else exc.param_hint[0]
            body["option"] = hint.strip("'\"")
        elif exc.param is not None and exc.param.opts:
            body["option"] = exc.param.opts[0]
    elif isinstance(exc, click.NoSuchOption):
        body["option"] = exc.option_name
    elif isinstance(getattr(exc, "problems", None), list):  # FileProblems, a case file's
        body["file"] = getattr(exc, "file", None)
        body["problems"] = [{"key": key, "message": why} for key, why in exc.problems]  # type: ignore[attr-defined]
    elif isinstance(exc, click.FileError):
        body["file"] = exc.filename
    if isinstance(exc, click.BadParameter) and body["option"] is None and exc.param is not None:
        body["option"] = exc.param.name
    click.echo(dumps(body, indent=None), err=True)
