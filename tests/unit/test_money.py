"""Money: exact parsing, refusal of floats and mixed currencies, arithmetic and comparisons."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.domain.errors import (
    CurrencyMismatch,
    DomainError,
    InvalidAmount,
    InvalidDiscount,
    InvalidQuantity,
    PaymentError,
    UnknownLine,
)
from pos.domain.money import MAX_MINOR, Money, exponent, money_sum, round_half_up

FAST = settings(max_examples=200, deadline=None, database=None)


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("29.35", "EUR", 2935),
        ("29,35", "EUR", 2935),
        ("1.234,56", "EUR", 123456),  # es: last separator is the decimal one
        ("1,234.56", "EUR", 123456),  # en
        ("1.234.567,89", "EUR", 123456789),
        ("1,234,567.89", "EUR", 123456789),
        ("1 234,56", "EUR", 123456),
        ("€ 3", "EUR", 300),
        ("3 €", "EUR", 300),
        ("3€", "EUR", 300),
        ("$12.5", "USD", 1250),
        ("  7  ", "EUR", 700),
        ("0,5", "EUR", 50),
        (".5", "EUR", 50),
        ("-4,20", "EUR", -420),  # returns are negative amounts
        ("-0", "EUR", 0),
        ("0.00", "EUR", 0),
        ("29.350", "EUR", 2935),  # trailing zeros are not extra precision
        ("29.35000000000000000000000000000000", "EUR", 2935),
        ("1e2", "EUR", 10000),
        ("10000000", "EUR", MAX_MINOR),  # the limit itself is allowed
        ("-10000000", "EUR", -MAX_MINOR),
        ("1500", "CLP", 1500),  # zero-decimal currency
        ("1.500,00", "CLP", 1500),
        ("16,00", "MXN", 1600),
        (Decimal("29.35"), "EUR", 2935),
        (Decimal("-1.50"), "EUR", -150),
        (7, "EUR", 700),
        (-3, "CLP", -3),
    ],
)
def test_parse_valid(text: str | Decimal | int, currency: str, minor: int) -> None:
    assert Money.parse(text, currency) == Money(minor, currency)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "€",
        "abc",
        "12abc",
        "1.2.3",
        "1,2,3",
        "--1",
        "1-",
        "0x10",
        "1_000",  # Decimal() accepts underscores; a till must not
        "½",
        "12 34 5,6,7",
    ],
)
def test_parse_garbage(text: str) -> None:
    with pytest.raises(InvalidAmount) as info:
        Money.parse(text)
    assert info.value.code == "invalid_amount"
    assert info.value.params == {"text": text}


@pytest.mark.parametrize(
    "text", ["NaN", "nan", "-NaN", "sNaN", "Infinity", "-Infinity", "inf", Decimal("NaN"), Decimal("-Infinity")]
)
def test_parse_not_finite(text: str | Decimal) -> None:
    with pytest.raises(InvalidAmount) as info:
        Money.parse(text)
    assert "reason" not in info.value.params


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("0.001", "EUR"),
        ("29.355", "EUR"),
        ("29,355", "EUR"),
        ("1,234.567", "EUR"),
        ("-0.001", "EUR"),
        ("1.0000000000000000000000000001", "EUR"),  # beyond the default 28-digit context
        ("1e-999999999", "EUR"),  # would underflow to 0 with Decimal.scaleb
        ("3,5", "CLP"),
        ("0.01", "CLP"),
        (Decimal("0.005"), "EUR"),
    ],
)
def test_parse_too_many_decimals(text: str | Decimal, currency: str) -> None:
    with pytest.raises(InvalidAmount) as info:
        Money.parse(text, currency)
    assert info.value.params["reason"] == "too_many_decimals"


@pytest.mark.parametrize(
    "text",
    [
        "10000000.01",
        "-10000000.01",
        "99999999",
        "1e30",
        "1e999999999",  # would raise decimal.Overflow with Decimal.scaleb
        "9" * 40,
        "1" * 5000,  # longer than int()'s default digit limit
        Decimal("1E+10"),
        10**12,
    ],
)
def test_parse_too_large(text: str | Decimal | int) -> None:
    with pytest.raises(InvalidAmount) as info:
        Money.parse(text)
    assert info.value.params["reason"] == "too_large"


def test_parse_limit_is_in_minor_units_of_the_currency() -> None:
    assert Money.parse("1000000000", "CLP") == Money(MAX_MINOR, "CLP")
    with pytest.raises(InvalidAmount):
        Money.parse("1000000001", "CLP")


def test_invalid_amount_is_a_domain_error() -> None:
    with pytest.raises(DomainError):
        Money.parse("abc")


@given(st.integers(-MAX_MINOR, MAX_MINOR))
@FAST
def test_parse_round_trips_to_api(minor: int) -> None:
    money = eur(minor)
    assert Money.parse(money.to_api()) == money
    assert Money.parse(money.to_decimal()) == money
    assert Money.parse(money.to_api().replace(".", ",")) == money


@given(st.integers(0, MAX_MINOR))
@FAST
def test_parse_round_trips_with_thousand_separators(minor: int) -> None:
    en = f"{Decimal(minor).scaleb(-2):,.2f}"  # 1,234,567.89
    es = en.replace(",", " ").replace(".", ",").replace(" ", ".")  # 1.234.567,89
    assert Money.parse(en) == eur(minor)
    assert Money.parse(es) == eur(minor)


# --- floats and types are refused ------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: Money.parse(29.35),  # type: ignore[arg-type]
        lambda: Money(29.35),  # type: ignore[arg-type]
        lambda: Money(Decimal(29)),  # type: ignore[arg-type]
        lambda: Money(True),
        lambda: eur(100).times(0.5),  # type: ignore[arg-type]
        lambda: eur(100) * 1.5,  # type: ignore[operator]
        lambda: 1.5 * eur(100),  # type: ignore[operator]
        lambda: eur(100) * Decimal(2),  # type: ignore[operator]
        lambda: eur(100) * True,
        lambda: eur(100) + 1,  # type: ignore[operator]
        lambda: eur(100) - Decimal(1),  # type: ignore[operator]
        lambda: eur(100) < 5,  # type: ignore[operator]
    ],
)
def test_floats_and_non_money_are_refused(make: Callable[[], Any]) -> None:
    with pytest.raises(TypeError):
        make()


@pytest.mark.parametrize("currency", ["eur", "EU", "EURO", "", "€"])
def test_bad_currency_code(currency: str) -> None:
    with pytest.raises(ValueError):
        Money(1, currency)


def test_money_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        eur(1).minor = 2  # type: ignore[misc]


# --- mixed currencies ------------------------------------------------------------------


@pytest.mark.parametrize("op", [operator.add, operator.sub, operator.lt, operator.le, operator.gt, operator.ge])
def test_mixed_currencies_are_refused(op: Callable[[Money, Money], Any]) -> None:
    with pytest.raises(CurrencyMismatch) as info:
        op(Money(100, "EUR"), Money(100, "MXN"))
    assert info.value.code == "currency_mismatch"
    assert info.value.params == {"left": "EUR", "right": "MXN"}


def test_money_sum_refuses_mixed_currencies() -> None:
    with pytest.raises(CurrencyMismatch):
        money_sum([Money(1, "EUR"), Money(1, "USD")], "EUR")
    with pytest.raises(CurrencyMismatch):
        money_sum([Money(1, "USD")], "EUR")


def test_equality_across_currencies_is_false_not_an_error() -> None:
    assert Money(100, "EUR") != Money(100, "USD")
    assert Money(100, "EUR") == Money(100)


# --- arithmetic ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (eur(1050) + eur(-50), 1000),
        (eur(1050) - eur(2000), -950),
        (-eur(1050), -1050),
        (-eur(0), 0),
        (abs(eur(-1050)), 1050),
        (eur(125) * 3, 375),
        (3 * eur(125), 375),
        (eur(125) * -2, -250),
        (eur(5).times(Decimal("0.1")), 1),  # 0.5 → 1, halves away from zero
        (eur(-5).times(Decimal("0.1")), -1),  # -0.5 → -1, a return mirrors the sale
        (eur(15).times(Decimal("0.1")), 2),  # 1.5 → 2
        (eur(14).times(Decimal("0.1")), 1),  # 1.4 → 1
        (eur(121).times(Decimal("0.5")), 61),  # 60.5 → 61
        (eur(299).times(Decimal("0.750")), 224),  # 224.25 → 224
        (eur(999).times(Decimal("0.333")), 333),  # 332.667 → 333
        (eur(1).times(Decimal("0.499")), 0),
        (eur(1234).times(Decimal(2)), 2468),
    ],
)
def test_arithmetic(result: Money, expected: int) -> None:
    assert result == eur(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0.5"), 1),
        (Decimal("-0.5"), -1),
        (Decimal("1.4999"), 1),
        (Decimal("2.5"), 3),
        (Decimal("-2.5"), -3),
        (Decimal("-2.4"), -2),
        (Decimal(7), 7),
    ],
)
def test_round_half_up(value: Decimal, expected: int) -> None:
    assert round_half_up(value) == expected


@pytest.mark.parametrize(
    ("left", "right", "lt", "le", "gt", "ge"),
    [
        (100, 200, True, True, False, False),
        (200, 100, False, False, True, True),
        (150, 150, False, True, False, True),
        (-5, 0, True, True, False, False),
    ],
)
def test_comparisons(left: int, right: int, lt: bool, le: bool, gt: bool, ge: bool) -> None:
    a, b = eur(left), eur(right)
    assert (a < b, a <= b, a > b, a >= b) == (lt, le, gt, ge)


def test_bool_and_sign() -> None:
    assert not eur(0)
    assert eur(1)
    assert eur(-1)
    assert eur(-1).is_negative()
    assert not eur(0).is_negative()


def test_money_sum() -> None:
    assert money_sum([], "MXN") == Money(0, "MXN")
    assert money_sum((eur(1), eur(2), eur(-4)), "EUR") == eur(-1)
    assert Money.zero("CLP") == Money(0, "CLP")


# --- views -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("money", "decimal", "api", "text"),
    [
        (eur(2935), Decimal("29.35"), "29.35", "29.35 EUR"),
        (eur(5), Decimal("0.05"), "0.05", "0.05 EUR"),
        (eur(-5), Decimal("-0.05"), "-0.05", "-0.05 EUR"),
        (eur(100), Decimal("1.00"), "1.00", "1.00 EUR"),
        (eur(0), Decimal("0.00"), "0.00", "0.00 EUR"),
        (Money(1500, "CLP"), Decimal(1500), "1500", "1500 CLP"),
        (Money(1600, "MXN"), Decimal("16.00"), "16.00", "16.00 MXN"),
    ],
)
def test_views(money: Money, decimal: Decimal, api: str, text: str) -> None:
    assert money.to_decimal() == decimal
    assert money.to_api() == api
    assert str(money) == text


@pytest.mark.parametrize(("currency", "places"), [("EUR", 2), ("MXN", 2), ("CLP", 0), ("XYZ", 2)])
def test_exponent(currency: str, places: int) -> None:
    assert exponent(currency) == places


# --- domain errors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (DomainError, "domain_error"),
        (CurrencyMismatch, "currency_mismatch"),
        (InvalidQuantity, "invalid_quantity"),
        (InvalidAmount, "invalid_amount"),
        (InvalidDiscount, "invalid_discount"),
        (UnknownLine, "unknown_line"),
        (PaymentError, "payment_error"),
    ],
)
def test_domain_errors_carry_a_stable_code_and_params(error: type[DomainError], code: str) -> None:
    err = error(reason="why", value="1,5")
    assert isinstance(err, DomainError)
    assert err.code == code == error.code
    assert err.params == {"reason": "why", "value": "1,5"}
    assert code in str(err)
    assert error().params == {}
    assert str(error()) == code
