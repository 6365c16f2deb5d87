"""Locale-correct money, quantities and dates (es_ES shows ``1.234,56 €``). Pure Python via babel,
shared by the screen, the printed receipt and PDFs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.dates import format_datetime
from babel.numbers import format_currency, format_decimal, get_decimal_symbol, get_group_symbol

from pos.domain.money import Money, exponent

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


_SAMPLE = Decimal("1234.56")


class Formatter:
    """Formats for one locale. Babel is asked once per currency for the pattern; after that amounts
    are formatted by hand, because the sale screen formats them on every scan."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._decimal = get_decimal_symbol(locale)
        self._group = get_group_symbol(locale)
        self._templates: dict[str, str] = {}

    def _number(self, minor: int, currency: str) -> str:
        digits = exponent(currency)
        whole, frac = divmod(abs(minor), 10**digits)
        grouped = f"{whole:,}".replace(",", self._group)
        text = f"{grouped}{self._decimal}{frac:0{digits}d}" if digits else grouped
        return "-" + text if minor < 0 else text

    def money(self, amount: Money) -> str:
        template = self._templates.get(amount.currency)
        if template is None:
            sample = format_currency(_SAMPLE, amount.currency, locale=self.locale)
            number = self._number(123456, amount.currency)
            template = sample.replace(number, "{}") if number in sample and exponent(amount.currency) == 2 else ""
            self._templates[amount.currency] = template
        if not template:
            return format_currency(amount.to_decimal(), amount.currency, locale=self.locale)
        text = template.format(self._number(abs(amount.minor), amount.currency))
        return "-" + text if amount.minor < 0 else text

    def amount(self, amount: Money) -> str:
        """Number only, with the locale's separators (for narrow receipt columns)."""
        return self._number(amount.minor, amount.currency)

    def quantity(self, qty: Decimal) -> str:
        if qty == qty.to_integral_value():  # the common case, on every line at every scan: by hand
            whole = int(qty)
            grouped = f"{abs(whole):,}".replace(",", self._group)
            return "-" + grouped if whole < 0 else grouped
        return format_decimal(qty, format="#,##0.###", locale=self.locale)

    def datetime(self, when: datetime) -> str:
        return format_datetime(when.astimezone(), format="short", locale=self.locale)

    def percent(self, value: Decimal) -> str:
        return format_decimal(value, format="#,##0.##", locale=self.locale) + " %"
