"""Money in and out: parse what a person types, write a Decimal's exact text.

No click, no rich: the command line, batch input and tests all use these.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")

# The largest monthly amount accepted. Far above any real income, and small enough that
# every step stays exact in decimal's default 28-digit context (inputs have at most 15
# digits; halving adds one).
MAX_AMOUNT = Decimal("999999999999.99")

_PLAIN = re.compile(r"\d+(?:\.\d{1,2})?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?")
_NUMBERISH = re.compile(r"[+-]?(?:\d[\d,]*)?(?:\.\d*)?(?:[eE][+-]?\d+)?")
_WORDS = {"nan", "snan", "inf", "infinity"}

AMOUNT_HELP = "dollars and cents such as 1000, 1000.50 or $1,000.50"


class AmountError(ValueError):
    """Text that is not an amount of money; the message says why, in plain words."""


def parse_amount(text: str) -> Decimal:
    """Parse a monthly amount: digits, at most two decimals, optional ``$`` and thousands commas.

    >>> parse_amount("$1,000.50")
    Decimal('1000.50')
    """
    raw = text
    text = text.strip()
    if not text:
        raise AmountError(f"an amount is required, got an empty value; write {AMOUNT_HELP}")
    body = text[1:] if text.startswith("$") else text
    if _PLAIN.fullmatch(body) or _GROUPED.fullmatch(body):
        value = Decimal(body.replace(",", ""))
        if value > MAX_AMOUNT:
            raise AmountError(f"{raw!r} is too large: the most accepted is {MAX_AMOUNT:,f} a month")
        return value
    raise AmountError(_why_not(raw, body))


def _why_not(raw: str, body: str) -> str:
    """The plainest reason ``body`` is not an amount."""
    lowered = body.lower()
    if lowered.lstrip("+-") in _WORDS:
        return f"{raw!r} is not an amount of money; write {AMOUNT_HELP}"
    if body.startswith(("-", "$-")) or raw.strip().startswith("-"):
        return f"{raw!r} is negative; amounts must be 0 or more"
    if _NUMBERISH.fullmatch(body) and body not in {"", ".", "+", "-"}:
        if "e" in lowered:
            return f"{raw!r} uses exponent notation; write the amount out, such as 1000"
        if "." in body and len(body.rsplit(".", 1)[1]) > 2:
            return f"{raw!r} has more than two decimal places; amounts are in dollars and cents"
        if "," in body:
            return f"{raw!r} has misplaced thousands commas; write 1,000 or 1000"
    return f"{raw!r} is not an amount of money; write {AMOUNT_HELP}"


def money_text(value: Decimal) -> str:
    """The exact text of an amount, with at least two decimals and no exponent.

    ``980`` becomes ``980.00``; ``7.505`` stays ``7.505``. Never rounds: padding to cents
    only happens when the value already is a whole number of cents.
    """
    if value.is_zero():
        value = abs(value)
    cents = value.quantize(CENT, rounding=ROUND_HALF_EVEN)
    return format(cents if cents == value else value.normalize(), "f")


def money_display(value: Decimal) -> str:
    """``money_text`` with thousands commas, for people: ``1,197.50``, ``7.505``."""
    text = money_text(value)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{frac}"
