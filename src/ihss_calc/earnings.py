"""Earnings as people know them: an hourly wage and hours a week, or a yearly amount, turned
into the monthly amount the rules take, exactly, and said in words.

A year has 52 weeks and 12 months (calendar facts, not rules), so a month of a weekly amount
is × 52 ÷ 12. The result is rounded to the cent, half a cent up, once, at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ihss_calc.amounts import AmountError, money_display

WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)
CENT = Decimal("0.01")
MAX_HOURS = Decimal(168)  # hours in a week
# A monthly amount above this looks like a year's pay: said, never refused.
LOOKS_YEARLY = Decimal(15_000)

_HOURS = re.compile(r"\d{1,3}(?:\.\d{1,2})?", re.ASCII)


def parse_hours(text: str) -> Decimal:
    """Hours a week: 0 to 168, at most two decimals (20, 20.5, 37.25)."""
    body = text.strip()
    if not _HOURS.fullmatch(body):
        raise AmountError(f"{text!r} is not a number of hours a week, such as 20 or 37.5")
    hours = Decimal(body)
    if hours > MAX_HOURS:
        raise AmountError(f"{text!r} is more hours than a week has ({MAX_HOURS})")
    return hours


@dataclass(frozen=True, slots=True)
class Monthly:
    """A monthly amount worked out from another way of giving earnings."""

    exact: Decimal
    amount: Decimal  # exact, rounded to the cent, half up
    words: str  # how: "18.50 an hour × 20 hours a week × 52 ÷ 12 = 1,603.333…, ..."


def _monthly(exact: Decimal, how: str) -> Monthly:
    amount = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if amount == exact:
        words = f"{how} = {money_display(amount)} a month"
    else:
        shown = exact.quantize(Decimal("0.001"), rounding="ROUND_DOWN")
        words = (
            f"{how} = {money_display(shown)}…, rounded to the nearest cent (half a cent up): "
            f"{money_display(amount)} a month"
        )
    return Monthly(exact=exact, amount=amount, words=words)


def from_wage(wage: Decimal, hours: Decimal) -> Monthly:
    exact = wage * hours * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    how = f"{money_display(wage)} an hour × {hours} hours a week × 52 ÷ 12"
    return _monthly(exact, how)


def from_yearly(yearly: Decimal) -> Monthly:
    return _monthly(yearly / MONTHS_PER_YEAR, f"{money_display(yearly)} a year ÷ 12")


def looks_yearly(monthly: Decimal) -> str | None:
    """A warning when a monthly amount of earnings looks like a year's."""
    if monthly <= LOOKS_YEARLY:
        return None
    return (
        f"{money_display(monthly)} a month of earnings is {money_display(monthly * 12)} a year; "
        f"if {money_display(monthly)} is a year's pay, give it with --yearly."
    )
