"""Every JSON output the tests see is checked against its command's published JSON Schema
(``ihss schema COMMAND``), with jsonschema: the schema cannot drift from the output."""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft202012Validator

from ihss_calc.output_schemas import schema

COMMANDS = ("soc", "whatif", "batch", "hours", "timesheets", "rates", "compare")
CHECKED: dict[str, int] = dict.fromkeys((*COMMANDS, "plan", "rates-check", "error"), 0)


@functools.cache
def validator(command: str) -> Draft202012Validator:
    body = schema(command)
    Draft202012Validator.check_schema(body)
    return Draft202012Validator(body)


def validate(command: str, document: Any) -> None:
    """Raise AssertionError with every way ``document`` breaks ``command``'s schema."""
    problems = sorted(validator(command).iter_errors(document), key=lambda e: list(e.path))
    if problems:
        lines = [f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message[:300]}" for e in problems]
        raise AssertionError(f"{command} output breaks its schema:\n" + "\n".join(lines[:20]))
    CHECKED[command] += 1


def command_of(args: list[str]) -> str | None:
    """The command a list of ``ihss`` arguments runs (the group's --lang skipped)."""
    rest = list(args)
    while rest and rest[0].startswith("--lang"):
        rest = rest[1:] if "=" in rest[0] else rest[2:]
    if not rest or rest[0] not in COMMANDS:
        return None
    if rest[0] == "rates" and "--check" in rest:
        return "rates-check"
    if rest[0] == "timesheets" and rest[1:2] == ["plan"]:
        return "plan"
    return rest[0]


def check_output(args: list[str], exit_code: int, stdout: str, stderr: str) -> None:
    """Validate what a run printed: a --json result (or batch's JSON Lines) on success, the
    error object on stderr of a failed --json run."""
    command = command_of(args)
    if command is None or "--help" in args or "-h" in args:
        return
    if command == "batch":
        if exit_code in (0, 1) and stdout.startswith("{"):  # JSON Lines (CSV starts "line,")
            for line in stdout.split("\n"):
                if line:
                    validate("batch", json.loads(line))
        return
    head = args[: args.index("--")] if "--" in args else args
    if "--json" not in head:
        return
    if exit_code == 0 and stdout.strip():
        try:
            document = json.loads(stdout)
        except ValueError:
            return  # --json was the value of another option (the fuzz test tries that)
        validate(command, document)
    elif exit_code in (1, 2) and stderr.strip() and not stdout:
        last = stderr.strip().splitlines()[-1]
        if last.startswith("{"):
            body = json.loads(last)
            if "error" in body:
                validate("error", body)
