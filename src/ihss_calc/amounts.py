"""Money in and out: parse what a person types, write a Decimal's exact text.

No click, no rich: the command line, batch input and tests all use these.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ihss_calc.i18n import N_, _

ZERO = Decimal("0")

# The largest monthly amount accepted. Far above any real income, and small enough that
# every step stays exact in decimal's default 28-digit context (inputs have at most 15
# digits; halving adds one).
MAX_AMOUNT = Decimal("999999999999.99")

# ASCII digits only: \d alone would take any script's digits.
_PLAIN = re.compile(r"\d+(?:\.\d{1,2})?", re.ASCII)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", re.ASCII)
_NUMBERISH = re.compile(r"[+-]?(?:\d[\d,]*)?(?:\.\d*)?(?:[eE][+-]?\d+)?", re.ASCII)
_WORDS = {"nan", "snan", "inf", "infinity"}

AMOUNT_HELP = N_("dollars and cents such as 1000, 1000.50 or $1,000.50")


class AmountError(ValueError):
    """Text that is not an amount of money; the message says why, in plain words."""


def parse_amount(text: str) -> Decimal:
    """Parse a monthly amount: digits, at most two decimals, optional ``$`` and thousands commas.

    >>> parse_amount("$1,000.50")
    Decimal('1000.50')
    """
    if text.isascii() and len(text) <= 15:  # the common cases, fast: 1000 and 1000.50
        if text.isdigit() and len(text) <= 12:
            return Decimal(text)
        if text[-3:-2] == "." and text[:-3].isdigit() and text[-2:].isdigit():
            return Decimal(text)
    raw = text
    text = text.strip()
    if not text:
        why = _("an amount is required, got an empty value; write {how}")
        raise AmountError(why.format(how=_(AMOUNT_HELP)))
    body = text[1:] if text.startswith("$") else text
    if _PLAIN.fullmatch(body) or _GROUPED.fullmatch(body):
        value = Decimal(body.replace(",", ""))
        if value > MAX_AMOUNT:
            why = _("{value} is too large: the most accepted is {most} a month")
            raise AmountError(why.format(value=repr(raw), most=f"{MAX_AMOUNT:,f}"))
        return value
    raise AmountError(_why_not(raw, body))


def _why_not(raw: str, body: str) -> str:
    """The plainest reason ``body`` is not an amount."""
    return _(_reason(raw, body)).format(value=repr(raw), how=_(AMOUNT_HELP))


def _reason(raw: str, body: str) -> str:
    lowered = body.lower()
    if lowered.lstrip("+-") in _WORDS:
        return N_("{value} is not an amount of money; write {how}")
    if body.startswith(("-", "$-")) or raw.strip().startswith("-"):
        return N_("{value} is negative; amounts must be 0 or more")
    if _NUMBERISH.fullmatch(body) and body not in {"", ".", "+", "-"}:
        if "e" in lowered:
            return N_("{value} uses exponent notation; write the amount out, such as 1000")
        if "." in body and len(body.rsplit(".", 1)[1]) > 2:
            return N_("{value} has more than two decimal places; amounts are in dollars and cents")
        if "," in body:
            return N_("{value} has misplaced thousands commas; write 1,000 or 1000")
    return N_("{value} is not an amount of money; write {how}")


def money_text(value: Decimal) -> str:
    """The exact text of an amount, with at least two decimals and no exponent.

    ``980`` becomes ``980.00``; ``217.500`` becomes ``217.50``; ``7.505`` stays ``7.505``.
    Never rounds: only zeros are added or taken away. Works on the text, because batch work
    writes millions of these.
    """
    text = str(value)
    if text[0] != "-":  # the common cases, fast: cents, or a half-step's three places
        if text[-3:-2] == ".":
            return text
        if text[-4:-3] == "." and "E" not in text:
            return text[:-1] if text[-1] == "0" else text
    if "E" in text:
        text = format(value, "f")
    if text[0] == "-" and value.is_zero():
        text = text[1:]
    dot = text.find(".")
    if dot < 0:
        return text + ".00"
    places = len(text) - dot - 1
    if places == 2:
        return text
    if places < 2:
        return text + "0"
    text = text.rstrip("0")
    places = len(text) - dot - 1
    return text + "0" * (2 - places) if places < 2 else text


def money_display(value: Decimal) -> str:
    """``money_text`` with thousands commas, for people: ``1,197.50``, ``7.505``."""
    text = money_text(value)
    whole, __, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{frac}"


MAX_POINTS = 1000


def parse_levels(text: str) -> tuple[list[Decimal], Decimal | None]:
    """``FROM:TO:STEP`` (a range, with its step) or ``A,B,…`` (levels as listed, in order,
    step None); one amount alone is a list of one. In a list, amounts are written without
    thousands commas: ``1,800`` alone is 1,800, ``0,1800`` is two levels."""
    if ":" in text:
        return parse_range(text)
    try:
        return [parse_amount(text)], None
    except AmountError:
        if "," not in text:
            raise
    levels = []
    for part in text.split(","):
        try:
            levels.append(parse_amount(part))
        except AmountError as exc:
            why = _("{part} in {value}: {problem} (write a list as 0,1800, without thousands "
                    "commas, or a range as FROM:TO:STEP)")  # fmt: skip
            raise AmountError(why.format(part=repr(part), value=repr(text), problem=exc)) from None
    if len(levels) > MAX_POINTS:
        why = _("{value} gives {count} points; at most {most}")
        raise AmountError(why.format(value=repr(text), count=f"{len(levels):,}",
                                     most=f"{MAX_POINTS:,}"))  # fmt: skip
    return levels, None


def parse_range(text: str) -> tuple[list[Decimal], Decimal]:
    """``FROM:TO:STEP`` -> ([FROM, FROM+STEP, … up to TO], STEP): at most MAX_POINTS."""
    parts = text.split(":")
    if len(parts) != 3:
        why = _("{value} is not a range; write FROM:TO:STEP, such as 0:3000:100")
        raise AmountError(why.format(value=repr(text)))
    values = []
    for name, part in zip(("FROM", "TO", "STEP"), parts, strict=True):
        try:
            values.append(parse_amount(part))
        except AmountError as exc:
            why = _("{part} in {value}: {problem}")
            raise AmountError(why.format(part=name, value=repr(text), problem=exc)) from None
    start, stop, step = values
    if not step:
        raise AmountError(
            _("STEP in {value} is 0; it must be more than 0").format(value=repr(text))
        )
    if stop < start:
        raise AmountError(_("TO in {value} is less than FROM").format(value=repr(text)))
    count = int((stop - start) / step) + 1
    if count > MAX_POINTS:
        why = _("{value} gives {count} points; at most {most}: use a larger STEP")
        raise AmountError(why.format(value=repr(text), count=f"{count:,}", most=f"{MAX_POINTS:,}"))
    return [start + step * i for i in range(count)], step
