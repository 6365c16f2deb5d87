"""Line and ticket discounts, as a percentage or a fixed amount."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.domain.errors import InvalidDiscount
from pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class Discount:
    """Either ``percent`` (0 < p <= 100, exact Decimal) or ``amount`` (positive Money)."""

    percent: Decimal | None = None
    amount: Money | None = None

    def __post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise InvalidDiscount(reason="percent_xor_amount")
        if self.percent is not None:
            if isinstance(self.percent, float):
                raise TypeError("discount percent must be Decimal")
            # NaN is checked first: ordering comparisons on it raise decimal.InvalidOperation.
            if not Decimal(self.percent).is_finite() or not (Decimal(0) < Decimal(self.percent) <= Decimal(100)):
                raise InvalidDiscount(reason="percent_range", percent=str(self.percent))
        if self.amount is not None and self.amount.minor <= 0:
            raise InvalidDiscount(reason="amount_not_positive")

    @classmethod
    def of_percent(cls, percent: Decimal | int | str) -> Discount:
        if isinstance(percent, float):
            raise TypeError("discount percent must be Decimal")
        try:
            value = Decimal(percent)
        except ArithmeticError:  # "abc", "": decimal.InvalidOperation, not a domain error
            raise InvalidDiscount(reason="percent_range", percent=str(percent)) from None
        return cls(percent=value)

    @classmethod
    def of_amount(cls, amount: Money) -> Discount:
        return cls(amount=amount)

    def applied_to(self, gross: Money) -> Money:
        """The discount on ``gross``: never more than ``gross`` itself."""
        if self.percent is not None:
            value = gross.times(Decimal(self.percent) / Decimal(100))
        else:
            assert self.amount is not None
            if self.amount.currency != gross.currency:
                raise InvalidDiscount(reason="currency")
            value = self.amount
        if value > gross:
            raise InvalidDiscount(reason="exceeds_amount", amount=value.to_api(), gross=gross.to_api())
        return value

    def share_of(self, gross: Money) -> Decimal:
        """Discount as a fraction of ``gross`` (for approval thresholds)."""
        if gross.minor == 0:
            return Decimal(0)
        return Decimal(self.applied_to(gross).minor) / Decimal(gross.minor)
