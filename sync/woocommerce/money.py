"""Exact money for the WooCommerce connector: integer minor units ↔ WooCommerce's decimal strings.

No floats anywhere: WooCommerce sends prices as strings (``"12.40"``) and we send amounts back
as strings built from integers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 exponents for currencies we expect; anything else has 2 decimals.
_EXPONENTS: dict[str, int] = {"CLP": 0, "COP": 2, "JPY": 0, "PYG": 0, "KRW": 0, "UYU": 2, "BHD": 3, "KWD": 3}


def exponent(currency: str | None) -> int:
    """Decimal places of ``currency`` (2 when unknown)."""
    return _EXPONENTS.get((currency or "").upper(), 2)


def round_half_up(value: Decimal) -> int:
    """Round to an integer, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_minor(text: object, places: int = 2) -> int | None:
    """``"12.40"`` → 1240. ``""``/``None`` → ``None``. More decimals than the currency has are
    rounded half up (WooCommerce allows ``"4.995"``). Raises ``ValueError`` for non-numbers."""
    if text is None or isinstance(text, bool):
        return None
    raw = str(text).strip()
    if raw == "":
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"not an amount: {raw!r}") from None
    if not value.is_finite():
        raise ValueError(f"not an amount: {raw!r}")
    return round_half_up(value.scaleb(places))


def to_text(minor: int, places: int = 2) -> str:
    """1240 → ``"12.40"``; -5 → ``"-0.05"``; with 0 places 1240 → ``"1240"``."""
    return f"{Decimal(minor).scaleb(-places):.{places}f}"


def tax_on_net(net_minor: int, percent: Decimal) -> int:
    """The tax WooCommerce adds to a tax-exclusive line total, rounded half up per line."""
    return round_half_up(Decimal(net_minor) * percent / 100)


def net_for_gross(gross_minor: int, percent: Decimal) -> int:
    """A tax-exclusive amount ``n`` such that ``n + tax_on_net(n)`` is as close as possible to
    ``gross_minor`` (exact in most cases; per-line rounding makes a few grosses unreachable)."""
    if percent == 0 or gross_minor == 0:
        return gross_minor
    exact = Decimal(gross_minor) * 100 / (100 + percent)
    best = round_half_up(exact)
    candidates = sorted({best - 1, best, best + 1}, key=lambda n: (abs(n + tax_on_net(n, percent) - gross_minor),
                                                                   abs(Decimal(n) - exact)))
    return candidates[0]
