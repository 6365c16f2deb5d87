"""Locale-correct money, quantities and dates (es_ES shows ``1.234,56 €``). Pure Python via babel,
shared by the screen, the printed receipt and PDFs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime
from babel.numbers import format_currency, format_decimal

from pos.domain.money import Money

DEFAULT_LOCALES = {"es": "es_ES", "en": "en_US"}


def resolve_locale(setting: str, language: str) -> str:
    """The configured locale if valid (``es_MX``), else the default one for the UI language."""
    for candidate in (setting, DEFAULT_LOCALES.get(language, "en_US")):
        if not candidate:
            continue
        try:
            Locale.parse(candidate)
            return candidate
        except (UnknownLocaleError, ValueError):
            continue
    return "en_US"


class Formatter:
    def __init__(self, locale: str) -> None:
        self.locale = locale

    def money(self, amount: Money) -> str:
        return format_currency(amount.to_decimal(), amount.currency, locale=self.locale)

    def amount(self, amount: Money) -> str:
        """Number only, with the locale's separators (for narrow receipt columns)."""
        return format_decimal(amount.to_decimal(), format="#,##0.00", locale=self.locale)

    def quantity(self, qty: Decimal) -> str:
        if qty == qty.to_integral_value():
            return format_decimal(qty, format="#,##0", locale=self.locale)
        return format_decimal(qty, format="#,##0.###", locale=self.locale)

    def datetime(self, when: datetime) -> str:
        return format_datetime(when.astimezone(), format="short", locale=self.locale)

    def percent(self, value: Decimal) -> str:
        return format_decimal(value, format="#,##0.##", locale=self.locale) + " %"
