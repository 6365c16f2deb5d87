"""What the tender screen takes payment for: the open ticket (``TillSession``) or an online order paid
at the pickup desk (``PickupCheckout``). The screen shows the cart's total, checks tenders as they are
added and, once covered, calls ``pay``, which commits and returns the ticket to print."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pos.domain.cart import Cart
from pos.domain.payment import Settlement, Tender
from pos.services.dto import Receipt


class Payable(Protocol):
    cart: Cart

    def check_payment(self, tenders: Sequence[Tender]) -> Settlement: ...

    def pay(self, tenders: Sequence[Tender]) -> Receipt: ...
