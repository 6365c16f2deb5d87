"""Paying the difference of an exchange with the normal payment dialog: it asks this object what is
due and hands it the tenders; the exchange (return + new sale) is recorded in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender, settle
from pos.domain.returns import ReturnError
from pos.services.dto import Receipt, UserView
from pos.services.returns import ReturnService
from pos.services.returns_dto import ReturnRequest, ReturnResult
from pos.services.till import TillSession
from pos.ui.approval_dialog import with_approval


class ExchangeCheckout:
    """What :class:`pos.ui.payment_dialog.PaymentDialog` needs (``due``, ``check_payment``, ``pay``)."""

    def __init__(self, parent: QWidget, returns: ReturnService, request: ReturnRequest, till: TillSession,
                 user: UserView, due: Money, cash_rounding_minor: int) -> None:
        self._parent, self._returns, self._request, self._till = parent, returns, request, till
        self._user, self._due, self._rounding = user, due, cash_rounding_minor
        self.result: ReturnResult | None = None

    def due(self) -> Money:
        return self._due

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
