"""Saved households: ``--case FILE`` (TOML or JSON, the keys of batch's columns) for ``soc``
and ``whatif``, and ``--save-case FILE``. A case's values become the options' defaults, so that
an option given on the command line wins and every value goes through the option's own type.

A file that cannot be used reports every problem, by key (exit 1), as a rates file does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ihss_calc.amounts import money_text
from ihss_calc.batch import (
    RowError,
    column_amount,
    optional_code,
    optional_count,
    parse_count,
    parse_flag,
    parse_medi_cal,
    parse_year,
    per_child,
)
from ihss_calc.batch_sources import resembles
from ihss_calc.i18n import _, ngettext
from ihss_calc.rules import MAX_AGE, MAX_CHILDREN, SSI_ENDED

# The case's keys (batch's columns) and the options they fill, where the names differ.
OPTION_OF = {"show_medi_cal_soc": "medi_cal_soc"}
KEY_OF = {v: k for k, v in OPTION_OF.items()}
EARNINGS = ("earned", "wage", "hours", "yearly")
EARNINGS_OPTIONS = ("--earned", "--wage", "--hours", "--yearly")
CASE_SCHEMA_VERSION = 1


def _money(key: str) -> Callable[[str], Any]:
    return lambda text: money_text(column_amount(text, key))


def _hours(text: str) -> str:
    from ihss_calc.batch import invalid
    from ihss_calc.earnings import parse_hours

    try:
        return money_text(parse_hours(text))
    except ValueError as exc:
        raise invalid("hours", str(exc)) from None


# Each key: how its text is read (batch's own parsers: the same spellings as a batch column),
# giving the value the option takes.
READERS: dict[str, Callable[[str], Any]] = {
    **{k: _money(k) for k in ("unearned", "earned", "irwe", "bwe", "disability_income",
                              "spouse_earned", "spouse_unearned", "spouse_ihss_wages",
                              "health_premiums", "assets", "pickle_disregard", "wage", "yearly")},
    **{k: (lambda key: lambda text: parse_flag(text, key))(k)
       for k in ("couple", "blind", "spouse_blind", "show_medi_cal_soc", "medicare")},
    "hours": _hours,
    "medi_cal": parse_medi_cal,
    "ssi_ended": lambda text: optional_code(text, "ssi_ended", SSI_ENDED),
    "year": parse_year,
    "month": lambda text: optional_count(text, "month", 12, low=1),
    "children": lambda text: parse_count(text, "children", MAX_CHILDREN),
    "age": lambda text: optional_count(text, "age", MAX_AGE),
    "child_incomes": lambda text: [money_text(a) for a in per_child(text, "child_incomes")],
    "child_student_earnings": lambda text: [
        money_text(a) for a in per_child(text, "child_student_earnings")
    ],
}  # fmt: skip


class CaseProblems(click.ClickException):
    """A case file that cannot be used: every problem, by key (exit 1)."""

    def __init__(self, path: Path, problems: list[tuple[str, str]]) -> None:
        count = len(problems)
        head = ngettext(
            "case file {file} cannot be used ({n} problem):",
            "case file {file} cannot be used ({n} problems):",
            count,
        ).format(file=path, n=count)
        lines = (f"  {path}: {key}: {why}" for key, why in problems)
        super().__init__("\n".join([head, *lines]))
        self.file = str(path)
        self.problems = problems


def read(path: Path) -> dict[str, Any]:
    """The option values a case file gives, by option name; CaseProblems for a bad file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from ihss_calc.i18n import os_reason

        raise CaseProblems(path, [("(file)", os_reason(exc))]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseProblems(path, [("(file)", _("not UTF-8 text ({reason})").format(
            reason=exc.reason))]) from None  # fmt: skip
    body = _parse(path, text)
    problems: list[tuple[str, str]] = []
    values: dict[str, Any] = {}
    for key, value in body.items():
        name = key.strip().lower()
        if name == "schema_version":
            if value != CASE_SCHEMA_VERSION:
                why = _("{value} is not a case file version ihss reads (1)").format(
                    value=json.dumps(value, default=str)
                )
                problems.append((key, why))
            continue
        reader = READERS.get(name)
        if reader is None:
            near = resembles(key)
            why = (_("not a case key; did you mean {key}?").format(key=near) if near
                   else _("not a case key; the keys are the columns of ihss batch"))  # fmt: skip
            problems.append((key, why))
            continue
        if isinstance(value, Mapping) or (
            isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value)
        ):
            problems.append((key, _("a table or nested list is not a value here")))
            continue
        if isinstance(value, list) and name not in ("child_incomes", "child_student_earnings"):
            problems.append((key, _("a list is not a value here")))
            continue
        try:
            parsed = reader(_text(value))
        except RowError as exc:
            problems.append((key, str(exc)))
            continue
        if parsed is not None:
            values[OPTION_OF.get(name, name)] = parsed
    problems += _combinations(values)
    if not problems:
        problems += _household_problems(values)
    if problems:
        raise CaseProblems(path, problems)
    return values


def _parse(path: Path, text: str) -> dict[str, Any]:
    if path.suffix.lower() == ".json":
        try:
            body = json.loads(text, parse_float=Decimal, parse_int=Decimal)
        except ValueError as exc:
            raise CaseProblems(path, [("(file)", _("not valid JSON: {error}").format(
                error=exc))]) from None  # fmt: skip
    else:
        import tomllib

        try:
            body = tomllib.loads(text, parse_float=Decimal)
        except tomllib.TOMLDecodeError as exc:
            raise CaseProblems(path, [("(file)", _("not valid TOML: {error}").format(
                error=exc))]) from None  # fmt: skip
    if not isinstance(body, dict):
        raise CaseProblems(path, [("(file)", _("a case is one object of keys and values"))])
    return body


def _text(value: object) -> str:
    """A TOML or JSON value as the text a batch cell would hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_text(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _household_problems(values: dict[str, Any]) -> list[tuple[str, str]]:
    """A combination the rules refuse (blind work expenses without blindness, a spouse both
    ways), by the case's key, as ``soc`` would refuse the options."""
    from ihss_calc.api import household
    from ihss_calc.rules import Household, InputProblem

    fields = {k: v for k, v in values.items() if k in Household._fields}
    try:
        household(**fields)
    except InputProblem as problem:
        return [
            (KEY_OF.get(problem.field, problem.field), problem.text(lambda n: KEY_OF.get(n, n)))
        ]
    return []


def _combinations(values: dict[str, Any]) -> list[tuple[str, str]]:
    """Earnings given two ways at once, or wage without hours."""
    ways: list[str] = [k for k in ("earned", "yearly") if k in values]
    if "wage" in values or "hours" in values:
        ways.append("wage/hours")
        if ("wage" in values) != ("hours" in values):
            given, missing = ("wage", "hours") if "wage" in values else ("hours", "wage")
            why = _("{given} needs {missing} too: monthly earnings are wage × hours a week × 52 "
                    "÷ 12").format(given=given, missing=missing)  # fmt: skip
            return [(given, why)]
    if len(ways) > 1:
        why = _("the case gives earnings {ways}: give one way").format(ways=" and ".join(ways))
        return [(ways[1].split("/")[0], why)]
    return []


def defaults_for(path: Path, given: set[str]) -> dict[str, Any]:
    """The case's values as the command's option defaults. ``given``: the options the command
    line gives; when it gives earnings in any way, the case's earnings are left out."""
    values = read(path)
    if given & set(EARNINGS_OPTIONS):
        for name in EARNINGS:
            values.pop(name, None)
    return values


def save(path: Path, values: Mapping[str, Any], force: bool) -> None:
    """Write a case file: the values given (by option name), as TOML under batch's keys.
    Amounts are written as quoted text, so that no reader takes them through float."""
    if path.exists() and not force:
        why = _("{file} exists: give --force to overwrite it").format(file=path)
        raise click.BadParameter(why, param_hint="'--save-case'")
    lines = ["# " + _("An ihss case: ihss soc --case FILE (or whatif); the keys are ihss batch's "
                      "columns."), f"schema_version = {CASE_SCHEMA_VERSION}"]  # fmt: skip
    for name, value in values.items():
        key = KEY_OF.get(name, name)
        lines.append(f"{key} = {_toml(value)}")
    text = "\n".join(lines) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        from ihss_calc.i18n import os_reason

        why = _("cannot write {file}: {reason}").format(file=path, reason=os_reason(exc))
        raise click.ClickException(why) from None


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return json.dumps(money_text(value))
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string
