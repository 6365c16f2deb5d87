"""Money, tax and date helpers for the sandbox store (no I/O).

Money is integer cents everywhere; ``Decimal`` is used only to parse WooCommerce's price
strings and to render JSON numbers. Prices include VAT, as in the recorded store.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    SITE_TZ: dt.tzinfo = ZoneInfo("Europe/Madrid")
except ZoneInfoNotFoundError:  # no tz database (e.g. Windows without tzdata): fixed CET
    SITE_TZ = dt.timezone(dt.timedelta(hours=1), "CET")

_CENT = Decimal("0.01")


def parse_cents(value: object) -> int | None:
    """Parse a WooCommerce amount ("29.35", 29.35, 29) into cents; '' or None gives None.

    Raises ValueError for text that is not a number.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        dec = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    if not dec.is_finite():
        raise ValueError(value)
    return int((dec * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fmt(cents: int) -> str:
    """Cents as a WooCommerce amount string: 2935 -> "29.35", -795 -> "-7.95"."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole}.{frac:02d}"


def fmt_price(cents: int | None) -> str:
    return "" if cents is None else fmt(cents)


def number(cents: int) -> int | float:
    """Cents as a JSON number the way PHP prints it: 2500 -> 25, 750 -> 7.5."""
    if cents % 100 == 0:
        return cents // 100
    return float(Decimal(cents) / 100)


def decimal_number(value: Decimal, places: int = 6) -> int | float:
    """A Decimal as a JSON number rounded to ``places`` (PHP floats print integers bare)."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    if q == q.to_integral_value():
        return int(q)
    return float(q)


def euro_html(cents: int) -> str:
    """'&euro;25,00' as WooCommerce/TeraWallet format it for the es_ES store."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}&euro;{whole:,}".replace(",", ".") + f",{frac:02d}"


def _es_amount(cents: int) -> str:
    whole, frac = divmod(abs(cents), 100)
    return ("-" if cents < 0 else "") + f"{whole:,}".replace(",", ".") + f",{frac:02d}"


def price_html(cents: int | None, hidden: bool = False) -> str:
    """wc_price() markup for the es_ES store: '&euro;4,95' in spans."""
    if cents is None:
        return ""
    aria = ' aria-hidden="true"' if hidden else ""
    return (
        f'<span class="woocommerce-Price-amount amount"{aria}><bdi><span class="woocommerce-Price-currencySymbol"'
        f' translate="no">&euro;</span>{_es_amount(cents)}</bdi></span>'
    )


def price_range_html(low: int, high: int) -> str:
    """wc_format_price_range() markup as WooCommerce 11 renders a variable product."""
    return (
        f'{price_html(low, True)} <span aria-hidden="true">&ndash;</span> {price_html(high, True)}'
        f'<span class="screen-reader-text">Price range: &euro;{_es_amount(low)} through'
        f' &euro;{_es_amount(high)}</span>'
    )


def split_inclusive_tax(gross_cents: int, percent: int) -> tuple[int, int]:
    """Split a VAT-inclusive amount into (net, tax), tax rounded half-up per line like WooCommerce."""
    if percent <= 0:
        return gross_cents, 0
    num = abs(gross_cents) * percent
    den = 100 + percent
    tax, rem = divmod(num, den)
    if 2 * rem >= den:
        tax += 1
    if gross_cents < 0:
        tax = -tax
    return gross_cents - tax, tax


def exclusive_tax(net_cents: int, percent: int) -> int:
    """Tax on a tax-exclusive amount (shipping), rounded half-up."""
    tax, rem = divmod(abs(net_cents) * percent, 100)
    if 2 * rem >= 100:
        tax += 1
    return tax if net_cents >= 0 else -tax


def round_tax(exact_cents: Fraction) -> int:
    """An exact tax in cents rounded the way WooCommerce does: to 6 decimals of the currency
    (``WC_Tax::round``), then to the cent (``wc_round_tax_total``), halves away from zero."""
    sign = -1 if exact_cents < 0 else 1
    fine, rest = divmod(abs(exact_cents) * 10_000, 1)  # in 1/10000 of a cent
    fine = int(fine) + (1 if 2 * rest >= 1 else 0)
    cents, rem = divmod(fine, 10_000)
    return sign * (cents + (1 if 2 * rem >= 10_000 else 0))


def net_unit_price(gross_unit_cents: int, percent: int) -> Decimal:
    """Net unit price in currency units (the order line ``price`` field)."""
    return Decimal(gross_unit_cents) / Decimal(100) / (Decimal(100 + percent) / Decimal(100))


# ---------------------------------------------------------------- dates

# Cached: a page of products imported together shares a handful of seconds, four dates each.
@functools.lru_cache(maxsize=4096)
def iso_gmt(ts: int | None) -> str | None:
    if ts is None:
        return None
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


@functools.lru_cache(maxsize=4096)
def iso_local(ts: int | None) -> str | None:
    if ts is None:
        return None
    return dt.datetime.fromtimestamp(ts, SITE_TZ).strftime("%Y-%m-%dT%H:%M:%S")


def human_local(ts: int) -> str:
    """'November 22, 2026 8:24 pm' (WordPress 'F j, Y g:i a')."""
    d = dt.datetime.fromtimestamp(ts, SITE_TZ)
    hour = d.hour % 12 or 12
    return f"{d.strftime('%B')} {d.day}, {d.year} {hour}:{d.minute:02d} {'am' if d.hour < 12 else 'pm'}"


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def parse_wp_date(value: str, gmt: bool) -> int:
    """Parse a REST date filter into a unix timestamp (ValueError if invalid).

    Without a zone suffix the value is site-local time, or UTC when ``gmt`` is true
    (``dates_are_gmt=true``), as WooCommerce does.
    """
    text = value.strip()
    if not _DATE_RE.match(text):
        raise ValueError(value)
    text = text.replace(" ", "T")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = dt.datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC if gmt else SITE_TZ)
    return int(parsed.timestamp())


# ---------------------------------------------------------------- text

def fold(text: str | None) -> str:
    """Case- and accent-insensitive form (what MySQL's *_unicode_ci collations compare)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug or "item"
