"""Domain errors: a stable code plus parameters, never UI text.

The UI maps ``code`` to a translated message; logs and tests match on ``code``.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the business was broken. ``code`` is stable, ``params`` fill the message."""

    code: str = "domain_error"

    def __init__(self, reason: str | None = None, **params: Any) -> None:
        if reason is not None:
            params = {"reason": reason, **params}
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code} {params}" if params else self.code)

    @property
    def reason(self) -> str:
        return str(self.params.get("reason", ""))


class CurrencyMismatch(DomainError):
    code = "currency_mismatch"


class InvalidQuantity(DomainError):
    code = "invalid_quantity"


class InvalidAmount(DomainError):
    code = "invalid_amount"


class InvalidDiscount(DomainError):
    code = "invalid_discount"


class UnknownLine(DomainError):
    code = "unknown_line"


class PaymentError(DomainError):
    code = "payment_error"
