"""Counting a cash drawer by denomination (the float at opening, the blind count at closing).

Denominations are integer minor units of the till's currency, largest first. A count maps each
denomination to a number of pieces; its total is exact integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pos.domain.errors import DomainError

# Notes and coins in circulation, largest first (minor units).
DENOMINATIONS: dict[str, tuple[int, ...]] = {
    # 500 € … 5 € notes; 2 € … 1 cent coins
    "EUR": (50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1),
    # $1000 … $20 notes ($20 also a coin); $10 … 10 centavos coins
    "MXN": (100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10),
    "USD": (10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1),
}
MAX_PIECES = 100_000  # per denomination; more is a typing slip, not a drawer


class CashCountError(DomainError):
    """A count could not be taken. ``reason``: unknown_currency, unknown_denomination, bad_pieces."""

    code = "cash_count_invalid"


def denominations(currency: str) -> tuple[int, ...]:
    try:
        return DENOMINATIONS[currency]
    except KeyError:
        raise CashCountError("unknown_currency", currency=currency) from None


@dataclass(frozen=True, slots=True)
class CashCount:
    """Pieces per denomination. Build it with :meth:`of`, which checks every entry."""

    currency: str
    pieces: tuple[tuple[int, int], ...]  # (denomination minor, pieces), largest first, zero entries left out

    @classmethod
    def of(cls, currency: str, pieces: Mapping[int, int] | Mapping[str, int]) -> CashCount:
        allowed = set(denominations(currency))
        clean: dict[int, int] = {}
        for key, count in pieces.items():
            try:
                value = int(key)
            except (TypeError, ValueError):
                raise CashCountError("unknown_denomination", denomination=str(key)) from None
            if value not in allowed:
                raise CashCountError("unknown_denomination", denomination=str(key))
            if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_PIECES:
                raise CashCountError("bad_pieces", denomination=str(key), pieces=str(count))
            if count:
                clean[value] = clean.get(value, 0) + count
        return cls(currency, tuple(sorted(clean.items(), reverse=True)))

    @property
    def total_minor(self) -> int:
        return sum(value * count for value, count in self.pieces)

    def as_json(self) -> dict[str, int]:
        """For the ledger: ``{"5000": 2}`` (JSON keys are text)."""
        return {str(value): count for value, count in self.pieces}
