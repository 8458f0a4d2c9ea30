"""Parsing what people type, and writing Decimal text without rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ihss_calc.amounts import AmountError, money_display, money_text, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", "0"),
        ("1000", "1000"),
        ("1000.5", "1000.5"),
        ("1000.50", "1000.50"),
        ("$1000", "1000"),
        ("$1,000.50", "1000.50"),
        ("1,234,567.89", "1234567.89"),
        (" 12 ", "12"),
        ("0.01", "0.01"),
        ("999999999999.99", "999999999999.99"),
    ],
)
def test_accepted(text: str, value: str) -> None:
    parsed = parse_amount(text)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # the exact text, never through float


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "",
            "an amount is required, got an empty value; write dollars and cents such as "
            "1000, 1000.50 or $1,000.50",
        ),
        (
            "   ",
            "an amount is required, got an empty value; write dollars and cents such as "
            "1000, 1000.50 or $1,000.50",
        ),
        ("-5", "'-5' is negative; amounts must be 0 or more"),
        ("$-5", "'$-5' is negative; amounts must be 0 or more"),
        ("-0.01", "'-0.01' is negative; amounts must be 0 or more"),
        (
            "nan",
            "'nan' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "NaN",
            "'NaN' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "inf",
            "'inf' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "-Infinity",
            "'-Infinity' is not an amount of money; write dollars and cents such as "
            "1000, 1000.50 or $1,000.50",
        ),
        ("1e3", "'1e3' uses exponent notation; write the amount out, such as 1000"),
        ("1E+3", "'1E+3' uses exponent notation; write the amount out, such as 1000"),
        ("1.234", "'1.234' has more than two decimal places; amounts are in dollars and cents"),
        ("0.005", "'0.005' has more than two decimal places; amounts are in dollars and cents"),
        ("1,00", "'1,00' has misplaced thousands commas; write 1,000 or 1000"),
        ("10,00.00", "'10,00.00' has misplaced thousands commas; write 1,000 or 1000"),
        (
            "abc",
            "'abc' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "1000.",
            "'1000.' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "\uff11\uff10\uff10\uff10",
            "'\uff11\uff10\uff10\uff10' is not an amount of money; write dollars and cents "
            "such as 1000, 1000.50 or $1,000.50",
        ),
        (
            "$$5",
            "'$$5' is not an amount of money; write dollars and cents such as 1000, "
            "1000.50 or $1,000.50",
        ),
        (
            "1000000000000",
            "'1000000000000' is too large: the most accepted is 999,999,999,999.99 a month",
        ),
    ],
)
def test_rejected(text: str, message: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("value", "text", "display"),
    [
        ("980", "980.00", "980.00"),
        ("1197.500", "1197.50", "1,197.50"),
        ("7.505", "7.505", "7.505"),
        ("7.5050", "7.505", "7.505"),
        ("5E+2", "500.00", "500.00"),
        ("-20.00", "-20.00", "-20.00"),
        ("-1234.5", "-1234.50", "-1,234.50"),
        ("-0", "0.00", "0.00"),
        ("0.000", "0.00", "0.00"),
        ("0E-7", "0.00", "0.00"),
        ("1.0", "1.00", "1.00"),
        ("1", "1.00", "1.00"),
        ("1234567.125", "1234567.125", "1,234,567.125"),
        ("2E+5", "200000.00", "200,000.00"),
    ],
)
def test_money_text_never_rounds(value: str, text: str, display: str) -> None:
    assert money_text(Decimal(value)) == text
    assert money_display(Decimal(value)) == display
    assert Decimal(money_text(Decimal(value))) == Decimal(value)


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=-6, max_value=3))
def test_money_text_is_exact_with_at_least_two_places(coefficient: int, exponent: int) -> None:
    value = Decimal(coefficient).scaleb(exponent)
    text = money_text(value)
    assert Decimal(text) == value
    assert "E" not in text
    assert "e" not in text
    places = text.partition(".")[2]
    assert len(places) >= 2
    assert len(places) == 2 or not places.endswith("0")
