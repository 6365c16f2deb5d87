"""Paying the difference of an exchange with the normal payment dialog: it reads what is due from
``cart`` and hands the tenders to ``pay``; the exchange (return + new sale) is recorded in one
transaction there."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from pos.domain.cart import Cart, ProductRef
from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender, settle
from pos.domain.returns import ReturnError
from pos.domain.tax import TaxRate
from pos.services.dto import Receipt, UserView
from pos.services.returns import ReturnService
from pos.services.returns_dto import ReturnRequest, ReturnResult
from pos.services.till import TillSession
from pos.ui.approval_dialog import with_approval


def difference_cart(due: Money) -> Cart:
    """What the payment screen shows as due: one untaxed line worth the difference (never recorded;
    ``pay`` records the real return and the real new sale)."""
    line = ProductRef(product_id=0, sku="", name="", unit_price=due, tax_rate=TaxRate("NONE", Decimal(0)))
    return Cart(due.currency).add(line, 1)


class ExchangeCheckout:
    """What :class:`pos.ui.payment_dialog.PaymentDialog` needs: ``cart`` (the amount due),
    ``check_payment`` and ``pay``."""

    def __init__(self, parent: QWidget, returns: ReturnService, request: ReturnRequest, till: TillSession,
                 user: UserView, due: Money, cash_rounding_minor: int) -> None:
        self._parent, self._returns, self._request, self._till = parent, returns, request, till
        self._user, self._due, self._rounding = user, due, cash_rounding_minor
        self.result: ReturnResult | None = None
        self.cart = difference_cart(due)

    def check_payment(self, tenders: Sequence[Tender]) -> Settlement:
        return settle(self._due, list(tenders), self._rounding)

    def pay(self, tenders: Sequence[Tender]) -> Receipt:
        returns, request, cart, user = self._returns, self._request, self._till.cart, self._user
        customer = self._till.customer_id
        result = with_approval(self._parent, lambda pin: returns.exchange(
            request, cart, tenders, user, approver_pin=pin, customer_id=customer))
        if result is None:
            raise ReturnError("approval_cancelled")
        self.result = result
        return result.sale_receipt or result.receipt
