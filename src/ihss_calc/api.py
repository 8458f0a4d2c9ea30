"""The Python API: the same answers as the command line, for programs.

Everything here is importable from ``ihss_calc`` itself::

    >>> import ihss_calc
    >>> result = ihss_calc.share_of_cost(unearned="1000", earned="500", year=2022)
    >>> result.share_of_cost
    Decimal('157.29')

Money is exact: amounts are ``Decimal`` or text (``"1000"``, ``"$1,000.50"``), or whole
numbers; a float is refused with a ``TypeError``, because ``0.1 + 0.2`` is not ``0.3``. A value
the rules cannot take raises ``ValueError`` naming the field. The command line is built on these
functions: ``ihss soc`` is ``share_of_cost``, ``ihss whatif`` is ``what_if``, ``ihss timesheets
check`` is ``check_timesheets``.

What bumps the version of this API: removing or renaming a function, a parameter or a field of a
result type. Adding one does not.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from ihss_calc.amounts import AmountError, parse_amount
from ihss_calc.rates import Rates
from ihss_calc.rules import (
    MAX_AGE,
    MAX_CHILDREN,
    MEDI_CAL,
    SSI_ENDED,
    Household,
    Placement,
    Result,
    Screen,
    check_household,
    screened_month,
)
from ihss_calc.rules import share_of_cost as _share_of_cost

if TYPE_CHECKING:
    from ihss_calc.rules.hours_used import MonthUse, ToFix
    from ihss_calc.rules.timesheets import Finding
    from ihss_calc.rules.visits import Totals
    from ihss_calc.rules.whatif import WhatIf

__all__ = [
    "Household",
    "Programs",
    "Rates",
    "Result",
    "TimesheetCheck",
    "check_timesheets",
    "household",
    "load_rates",
    "screen_programs",
    "share_of_cost",
    "what_if",
]

Money = Decimal | str | int

_MONEY = ("unearned", "earned", "irwe", "bwe", "disability_income", "spouse_ihss_wages",
          "health_premiums")  # fmt: skip
_OPTIONAL_MONEY = ("spouse_earned", "spouse_unearned", "assets", "pickle_disregard")
_MONEY_LISTS = ("child_incomes", "child_student_earnings")
_FLAGS = ("couple", "blind", "spouse_blind", "medi_cal_soc", "medicare")
_WHOLE = {"children": (0, MAX_CHILDREN), "age": (0, MAX_AGE), "month": (1, 12)}
_CODES = {"medi_cal": tuple(MEDI_CAL), "ssi_ended": SSI_ENDED}
_OPTIONAL = {*_OPTIONAL_MONEY, "age", "medi_cal", "ssi_ended"}


def money(field: str, value: object) -> Decimal:
    """``value`` as an exact amount of dollars: a Decimal, text as ``ihss soc`` reads it, or a
    whole number. A float (or anything else) is a TypeError; a bad amount a ValueError."""
    if isinstance(value, Decimal):
        if not value.is_finite() or value < 0:
            raise ValueError(f"{field}: {value} is not an amount of money (0 or more, finite)")
        return value
    if isinstance(value, str):
        try:
            return parse_amount(value)
        except AmountError as exc:
            raise ValueError(f"{field}: {exc}") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return money(field, Decimal(value))
    if isinstance(value, float):
        raise TypeError(
            f"{field} must be a Decimal or a str, not float: money is exact "
            f"(write Decimal({str(value)!r}) or {str(value)!r})"
        )
    raise TypeError(f"{field} must be a Decimal or a str, not {type(value).__name__}")


def household(**fields: Any) -> Household:
    """A household from keyword fields (the names of ``Household``'s fields), each checked for
    its type, then checked as the rules check it. Fields not given take their defaults."""
    values: dict[str, Any] = {}
    known = set(Household._fields)
    for field, value in fields.items():
        if field not in known:
            raise TypeError(
                f"household() got an unexpected field {field!r}; the fields are: "
                + ", ".join(Household._fields)
            )
        values[field] = _field(field, value)
    h = Household(**values)
    check_household(h)  # an InputProblem (a ValueError) naming the field
    return h


def _field(field: str, value: Any) -> Any:
    if value is None and field in _OPTIONAL:
        return None
    if field in _MONEY or field in _OPTIONAL_MONEY:
        return money(field, value)
    if field in _MONEY_LISTS:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            raise TypeError(f"{field} must be a list of amounts, one per child, in order")
        return tuple(money(f"{field}[{i}]", v) for i, v in enumerate(value))
    if field in _FLAGS:
        if not isinstance(value, bool):
            raise TypeError(f"{field} must be True or False, not {type(value).__name__}")
        return value
    if field in _WHOLE:
        low, high = _WHOLE[field]
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{field} must be a whole number, not {type(value).__name__}")
        if not low <= value <= high:
            raise ValueError(f"{field}: {value} is not between {low} and {high}")
        return value
    if field in _CODES:
        if not isinstance(value, str) or value not in _CODES[field]:
            raise ValueError(f"{field} must be one of: " + ", ".join(_CODES[field]))
        return value
    raise TypeError(f"{field} cannot be given")  # not reached: every field is typed above


def load_rates(
    year: int | None = None,
    *,
    file: str | os.PathLike[str] | None = None,
    today: dt.date | None = None,
) -> Rates:
    """The rates for ``year`` (default: the latest year on file, not after ``today``), or those
    of a rates ``file``. Raises ``ihss_calc.rates.RatesError`` (every problem, by key) for a file
    that cannot be used, and ``ValueError`` for a year not on file."""
    from pathlib import Path

    from ihss_calc import rates as rates_mod

    if file is not None:
        rates = rates_mod.load_file(Path(file))
        if year is not None and year != rates.year:
            raise ValueError(f"year {year} does not match the year of {file}, {rates.year}")
        return rates
    years = list(rates_mod.years_on_file())
    if year is None:
        year = rates_mod.default_year(today or dt.date.today(), years)
    elif isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"year must be a whole number, not {type(year).__name__}")
    elif year not in years:
        on_file = ", ".join(map(str, years))
        raise ValueError(f"no rates on file for {year}; years on file: {on_file}")
    return rates_mod.load_bundled(year)


def _inputs(
    given: Household | None, year: int | None, rates: Rates | None, fields: dict[str, Any]
) -> tuple[Household, Rates]:
    if given is not None and fields:
        raise TypeError("give a Household or its fields, not both")
    if given is not None and not isinstance(given, Household):
        raise TypeError(f"household must be a Household, not {type(given).__name__}")
    if rates is not None and year is not None and rates.year != year:
        raise ValueError(f"year {year} does not match the rates given, for {rates.year}")
    chosen = rates if rates is not None else load_rates(year)
    h = given if given is not None else household(**fields)
    if given is None and "month" not in fields:
        h = h._replace(month=screened_month(None, chosen.year, dt.date.today()))
    return h, chosen


def share_of_cost(
    household: Household | None = None,
    /,
    *,
    year: int | None = None,
    rates: Rates | None = None,
    **fields: Any,
) -> Result:
    """The monthly IHSS share of cost with every step, as ``ihss soc`` works it out.

    Give a ``Household``, or its fields as keywords (``unearned="1000", earned="500"``);
    ``year`` picks the bundled rates (default: as ``ihss soc``), or pass ``rates``. The result
    holds the answer (``share_of_cost``, ``placement``), each step (``steps``) and every check.
    """
    h, chosen = _inputs(household, year, rates, fields)
    return _share_of_cost(h, chosen)


class Programs(NamedTuple):
    """Each kind of Medi-Cal screened, in the county's order, and where the person would
    likely be placed (with what they would pay there)."""

    screens: tuple[Screen, ...]
    placement: Placement


def screen_programs(
    household: Household | None = None,
    /,
    *,
    year: int | None = None,
    rates: Rates | None = None,
    **fields: Any,
) -> Programs:
    """Which Medi-Cal fits (docs/rules.md §12): each program likely, possible or unlikely, and
    the likely placement, as the ``programs`` and ``placement`` of ``ihss soc --json``."""
    result = share_of_cost(household, year=year, rates=rates, **fields)
    return Programs(tuple(result.programs), result.placement)


def what_if(
    household: Household | None = None,
    /,
    *,
    earnings: Iterable[Money],
    year: int | None = None,
    rates: Rates | None = None,
    ssdi: Money | None = None,
    twp_done: bool = False,
    gets_ssi: bool = False,
    hours: Iterable[Money] | None = None,
    step: Money | None = None,
    given_as: str = "",
    **fields: Any,
) -> WhatIf:
    """What you would pay and keep at each level of monthly ``earnings``, and the cliffs
    (SSDI's, SSI/SSP cash, the share of cost), as ``ihss whatif`` works it out.

    ``ssdi``: the part of ``unearned`` that is SSDI (``twp_done``: its trial work period is
    used up); ``gets_ssi``: SSI/SSP cash now. For the output only: ``hours``, the hours a week
    of each level when earnings were swept by hours; ``step``, the step between levels of a
    range; ``given_as``, how the earnings were given, in words."""
    from ihss_calc.rules.keep import Work
    from ihss_calc.rules.whatif import what_if as sweep

    levels = [money("earnings", e) for e in earnings]
    if not levels:
        raise ValueError("earnings: give at least one level")
    if "earned" in fields:
        raise TypeError("what_if takes earnings (the levels), not earned")
    h, chosen = _inputs(household, year, rates, fields)
    work = Work(
        ssdi=Decimal(0) if ssdi is None else money("ssdi", ssdi),
        twp_done=twp_done,
        gets_ssi=gets_ssi,
    )
    if work.ssdi > h.unearned:
        raise ValueError("ssdi: more than the unearned income; SSDI is part of it")
    swept = None if hours is None else [money("hours", x) for x in hours]
    if swept is not None and len(swept) != len(levels):
        raise ValueError("hours: give one for each level of earnings")
    every = None if step is None else money("step", step)
    return sweep(h._replace(earned=levels[0]), chosen, levels, every, given_as, work, swept)


class TimesheetCheck(NamedTuple):
    """Every finding (in file order), the totals they came from, how many visits were read,
    each recipient's months (hours claimed, authorized, left) and the timesheets to fix
    before approving them (provider, recipient, pay period)."""

    findings: list[Finding]
    totals: Totals
    visits: int
    months: list[MonthUse]
    to_fix: list[ToFix]


def check_timesheets(
    visits: str | os.PathLike[str],
    *,
    authorized: Mapping[str, Money] | None = None,
    exemptions: Mapping[str, int] | None = None,
    year: int | None = None,
    rates: Rates | None = None,
    input_format: str | None = None,
    encoding: str = "utf-8",
    as_of: dt.date | None = None,
) -> TimesheetCheck:
    """Check a file of visits (CSV or JSON Lines, as ``ihss timesheets check`` reads them):
    overlaps, workweeks over the limit, months over the hours ``authorized`` (by recipient),
    travel. ``exemptions``: exemption 1 or 2 by provider. ``as_of``: the month of that day
    counts the visits through it, so that its ``months`` say what is left for the rest."""
    from pathlib import Path

    from ihss_calc.tabular import Lines
    from ihss_calc.timesheets import load

    path = Path(visits)
    fmt = input_format or ("jsonl" if path.suffix.lower() in {".jsonl", ".ndjson"} else "csv")
    months = {k: money(f"authorized[{k!r}]", v) for k, v in (authorized or {}).items()}
    exempt = dict(exemptions or {})
    for provider, kind in exempt.items():
        if kind not in (1, 2):
            raise ValueError(f"exemptions[{provider!r}]: an exemption is 1 or 2")
    chosen = rates if rates is not None else load_rates(year)
    with path.open("rb") as stream:
        loaded, bad = load(Lines(stream, encoding), fmt.lower())
    return check_loaded(loaded, bad, chosen, months, exempt, as_of)


def check_loaded(
    visits: Any, bad: list[Finding], rates: Rates, authorized: dict[str, Decimal],
    exemptions: dict[str, int], as_of: dt.date | None = None,
) -> TimesheetCheck:  # fmt: skip
    """The check of visits already read (the command line reads them from any stream)."""
    from ihss_calc.rules.hours_used import month_use, timesheets_of, to_fix
    from ihss_calc.rules.timesheets import check

    findings, totals = check(visits, rates, authorized, exemptions)
    ordered = sorted([*bad, *findings], key=lambda f: (f.rows[0] if f.rows else 1 << 62, f.kind))
    first_period_ends = int(rates.hours["first_pay_period_ends"].value)
    sheets = timesheets_of(visits, {row for f in findings for row in f.rows}, first_period_ends)
    return TimesheetCheck(ordered, totals, len(visits), month_use(visits, totals, authorized,
                          as_of), to_fix(ordered, sheets))  # fmt: skip
