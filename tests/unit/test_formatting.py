"""The hand-made fast paths of Formatter agree with babel, which they replace on the hot path."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.formatting import Formatter

LOCALES = ("es_ES", "es_MX", "en_US", "de_DE")


@pytest.mark.parametrize("locale", LOCALES)
@given(n=st.integers(min_value=-10**9, max_value=10**9))
def test_whole_quantities_match_babel(locale: str, n: int) -> None:
    assert Formatter(locale).quantity(Decimal(n)) == format_decimal(Decimal(n), format="#,##0", locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
@given(minor=st.integers(min_value=-10**9, max_value=10**9))
def test_money_matches_babel(locale: str, minor: int) -> None:
    expected = format_currency(Decimal(minor).scaleb(-2), "EUR", locale=locale)
    assert Formatter(locale).money(Money(minor, "EUR")) == expected


def test_weighed_quantities_keep_their_decimals() -> None:
    assert Formatter("es_ES").quantity(Decimal("1.250")) == "1,25"
