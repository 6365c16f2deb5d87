"""Exact money: integer minor units with a currency code.

Floats are refused everywhere. ``Decimal`` appears only when parsing text such as the
store's ``"29.35"`` or when a computation needs an explicit rounding mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos.domain.errors import CurrencyMismatch, InvalidAmount

# ISO 4217 exponents for the currencies we sell in; anything else defaults to 2.
_EXPONENTS: dict[str, int] = {"EUR": 2, "MXN": 2, "USD": 2, "COP": 2, "CLP": 0, "ARS": 2, "PEN": 2}

# No single amount at a till is anywhere near this; it guards against a scanner burst
# typed into an amount field (10 million in major units).
MAX_MINOR = 10_000_000_00


def exponent(currency: str) -> int:
    """Number of decimal places of ``currency`` (2 for EUR/MXN)."""
    return _EXPONENTS.get(currency, 2)


def round_half_up(value: Decimal) -> int:
    """Round a Decimal amount of minor units to an int, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in integer minor units (cents) of one currency."""

    minor: int
    currency: str = "EUR"

    def __post_init__(self) -> None:
        if isinstance(self.minor, bool) or not isinstance(self.minor, int):
            raise TypeError(f"Money needs int minor units, got {type(self.minor).__name__}")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise ValueError(f"bad currency code {self.currency!r}")

    # --- construction -------------------------------------------------------------
    @classmethod
    def zero(cls, currency: str = "EUR") -> Money:
        return cls(0, currency)

    @classmethod
    def parse(cls, text: str | Decimal | int, currency: str = "EUR") -> Money:
        """Parse a major-unit amount (``"29.35"``, ``"29,35"``, ``Decimal``) exactly.

        Raises ``InvalidAmount`` for anything that is not a finite number or has more
        decimals than the currency allows. Floats raise ``TypeError``.
        """
        if isinstance(text, float):
            raise TypeError("floats are not money; pass a str or Decimal")
        if isinstance(text, str):
            cleaned = text.strip().replace("€", "").replace("$", "").replace(" ", "")
            if "," in cleaned and "." in cleaned:
                # "1.234,56" (es) or "1,234.56" (en): the last separator is decimal.
                if cleaned.rfind(",") > cleaned.rfind("."):
                    cleaned = cleaned.replace(".", "").replace(",", ".")
                else:
                    cleaned = cleaned.replace(",", "")
            else:
                cleaned = cleaned.replace(",", ".")
            if "_" in cleaned:  # Decimal() takes "1_000"; no till or store writes amounts so
                raise InvalidAmount(text=text)
            try:
                value = Decimal(cleaned)
            except InvalidOperation:
                raise InvalidAmount(text=text) from None
        else:
            value = Decimal(text)
        if not value.is_finite():
            raise InvalidAmount(text=str(text))
        # Exact digit arithmetic: Decimal.scaleb() rounds to the context's 28 digits (so
        # "1.0000000000000000000000000001" slipped through), flushes 1e-999999999 to 0 and
        # raises decimal.Overflow on 1e999999999.
        sign, digits, exp10 = value.as_tuple()
        assert isinstance(exp10, int)  # finite
        shift = exp10 + exponent(currency)  # minor units = coefficient * 10**shift
        kept = len(digits)
        while shift < 0 and kept > 1 and digits[kept - 1] == 0:  # "29.350" is fine
            kept -= 1
            shift += 1
        if digits[:kept] == (0,):
            minor = 0
        elif shift < 0:
            raise InvalidAmount(text=str(text), reason="too_many_decimals")
        elif kept + shift > len(str(MAX_MINOR)):
            raise InvalidAmount(text=str(text), reason="too_large")
        else:
            minor = int("".join(map(str, digits[:kept]))) * 10**shift
        if minor > MAX_MINOR:
            raise InvalidAmount(text=str(text), reason="too_large")
        return cls(-minor if sign else minor, currency)

    # --- arithmetic ---------------------------------------------------------------
    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(left=self.currency, right=other.currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.minor), self.currency)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise TypeError("Money can only be multiplied by an int; use times() for Decimal")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def times(self, factor: Decimal) -> Money:
        """Multiply by an exact Decimal (a weight, a percentage), rounding half up."""
        if isinstance(factor, float):
            raise TypeError("floats are not allowed")
        whole = int(factor)
        if whole == factor:  # the usual whole quantity: exact without Decimal arithmetic
            return Money(self.minor * whole, self.currency)
        return Money(round_half_up(Decimal(self.minor) * Decimal(factor)), self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    def __bool__(self) -> bool:
        return self.minor != 0

    # --- views --------------------------------------------------------------------
    def to_decimal(self) -> Decimal:
        """Major units as an exact Decimal (``Money(2935).to_decimal() == Decimal("29.35")``)."""
        return Decimal(self.minor).scaleb(-exponent(self.currency))

    def to_api(self) -> str:
        """Plain ``"29.35"`` string as online stores expect."""
        return f"{self.to_decimal():.{exponent(self.currency)}f}"

    def is_negative(self) -> bool:
        return self.minor < 0

    def __str__(self) -> str:
        return f"{self.to_api()} {self.currency}"


def money_sum(items: list[Money] | tuple[Money, ...], currency: str) -> Money:
    """Sum that works on an empty list."""
    total = 0
    for item in items:
        if not isinstance(item, Money):
            raise TypeError(f"cannot combine Money with {type(item).__name__}")
        if item.currency != currency:
            raise CurrencyMismatch(left=currency, right=item.currency)
        total += item.minor
    return Money(total, currency)
