"""VAT for tax-inclusive prices: one module, one rounding policy.

Policy (the one a Spanish *factura simplificada* shows): gross amounts are grouped per
rate *after* all discounts; for each rate ``base = round_half_up(gross / (1 + rate))`` and
``tax = gross - base``. Tax is therefore never computed per line, the breakdown always
adds up to the ticket total exactly, and a line's gross is what the customer sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pos.domain.money import Money, round_half_up


@dataclass(frozen=True, slots=True)
class TaxRate:
    """A VAT rate. ``percent`` is exact (``Decimal("21")``); ``code`` is stable (``ES-21``)."""

    code: str
    percent: Decimal

    def __post_init__(self) -> None:
        if isinstance(self.percent, float):
            raise TypeError("tax percent must be Decimal or int")
        if not (Decimal(0) <= Decimal(self.percent) < Decimal(100)):
            raise ValueError(f"tax percent out of range: {self.percent}")

    @property
    def label(self) -> str:
        """``21 %`` style label, without trailing zeros."""
        return f"{Decimal(self.percent).normalize():f} %"


# Rates the product ships with; stores can add more in the catalogue.
ES_GENERAL = TaxRate("ES-21", Decimal(21))
ES_REDUCED = TaxRate("ES-10", Decimal(10))
ES_SUPER_REDUCED = TaxRate("ES-4", Decimal(4))
ES_ZERO = TaxRate("ES-0", Decimal(0))
MX_GENERAL = TaxRate("MX-16", Decimal(16))
MX_ZERO = TaxRate("MX-0", Decimal(0))
KNOWN_RATES: dict[str, TaxRate] = {
    r.code: r for r in (ES_GENERAL, ES_REDUCED, ES_SUPER_REDUCED, ES_ZERO, MX_GENERAL, MX_ZERO)
}


@dataclass(frozen=True, slots=True)
class TaxLine:
    """One row of the per-rate breakdown: base + tax == gross."""

    rate: TaxRate
    base: Money
    tax: Money
    gross: Money


def split_gross(gross: Money, rate: TaxRate) -> tuple[Money, Money]:
    """Split a tax-inclusive amount into (base, tax), rounding the base half up."""
    divisor = Decimal(1) + Decimal(rate.percent) / Decimal(100)
    base = round_half_up(Decimal(gross.minor) / divisor)
    return Money(base, gross.currency), Money(gross.minor - base, gross.currency)


def breakdown(amounts: Iterable[tuple[TaxRate, Money]], currency: str) -> tuple[TaxLine, ...]:
    """Per-rate breakdown of tax-inclusive amounts, highest rate first.

    Negative amounts (returns) are split the same way, so a full return mirrors its sale.
    """
    per_rate: dict[str, tuple[TaxRate, int]] = {}
    for rate, amount in amounts:
        if amount.currency != currency:
            raise ValueError(f"{amount.currency} amount in a {currency} breakdown")
        _, running = per_rate.get(rate.code, (rate, 0))
        per_rate[rate.code] = (rate, running + amount.minor)
    lines = []
    for rate, minor in per_rate.values():
        gross = Money(minor, currency)
        if minor >= 0:
            base, tax = split_gross(gross, rate)
        else:
            pos_base, pos_tax = split_gross(-gross, rate)
            base, tax = -pos_base, -pos_tax
        lines.append(TaxLine(rate, base, tax, gross))
    lines.sort(key=lambda t: (-Decimal(t.rate.percent), t.rate.code))
    return tuple(lines)
