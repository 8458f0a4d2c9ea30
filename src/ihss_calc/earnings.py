"""Earnings as people know them: an hourly wage and hours a week, or a yearly amount, turned
into the monthly amount the rules take, exactly, and said in words.

A year has 52 weeks and 12 months (calendar facts, not rules), so a month of a weekly amount
is × 52 ÷ 12. The result is rounded to the cent, half a cent up, once, at the end.
"""

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from ihss_calc.amounts import AmountError, money_display
from ihss_calc.i18n import _

WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)
CENT = Decimal("0.01")
MAX_HOURS = Decimal(168)  # hours in a week
# A monthly amount above this looks like a year's pay: said, never refused.
LOOKS_YEARLY = Decimal(15_000)

_HOURS = re.compile(r"\d{1,3}(?:\.\d{1,2})?", re.ASCII)


def parse_hours(text: str, *, weekly: bool = True) -> Decimal:
    """Hours (a week, unless ``weekly`` is False): 0 to 168, at most two decimals (20, 20.5,
    37.25)."""
    body = text.strip()
    if not _HOURS.fullmatch(body):
        why = (
            _("{value} is not a number of hours a week, such as 20 or 37.5")
            if weekly
            else _("{value} is not a number of hours, such as 20 or 37.5")
        )
        raise AmountError(why.format(value=repr(text)))
    hours = Decimal(body)
    if hours > MAX_HOURS:
        why = _("{value} is more hours than a week has ({most})")
        raise AmountError(why.format(value=repr(text), most=MAX_HOURS))
    return hours


class Monthly(NamedTuple):
    """A monthly amount worked out from another way of giving earnings."""

    exact: Decimal
    amount: Decimal  # exact, rounded to the cent, half up
    words: str  # how: "18.50 an hour × 20 hours a week × 52 ÷ 12 = 1,603.333…, ..."


def _monthly(exact: Decimal, how: str) -> Monthly:
    amount = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if amount == exact:
        words = _("{how} = {amount} a month").format(how=how, amount=money_display(amount))
    else:
        shown = exact.quantize(Decimal("0.001"), rounding="ROUND_DOWN")
        words = _(
            "{how} = {exact}…, rounded to the nearest cent (half a cent up): {amount} a month"
        ).format(how=how, exact=money_display(shown), amount=money_display(amount))
    return Monthly(exact=exact, amount=amount, words=words)


def from_wage(wage: Decimal, hours: Decimal) -> Monthly:
    exact = wage * hours * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    how = _("{wage} an hour × {hours} hours a week × 52 ÷ 12").format(
        wage=money_display(wage), hours=hours
    )
    return _monthly(exact, how)


def from_yearly(yearly: Decimal) -> Monthly:
    how = _("{yearly} a year ÷ 12").format(yearly=money_display(yearly))
    return _monthly(yearly / MONTHS_PER_YEAR, how)


def looks_yearly(monthly: Decimal) -> str | None:
    """A warning when a monthly amount of earnings looks like a year's."""
    if monthly <= LOOKS_YEARLY:
        return None
    return _(
        "{monthly} a month of earnings is {yearly} a year; if {monthly} is a year's pay, give "
        "it with --yearly."
    ).format(monthly=money_display(monthly), yearly=money_display(monthly * 12))
