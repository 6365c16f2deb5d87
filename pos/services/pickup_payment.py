"""Pay at store: an online pickup order that was not paid online is paid at the till when it is collected.

The money goes through the normal tender screen and is recorded as a ``sales`` row of kind ``pickup``:
the order's lines with their VAT breakdown, a receipt number in the till's own series, the tenders, and
the hash chain, like any ticket, so the shift's Z report counts it by kind. Unlike a sale it moves no stock
(the hand-over does, in the same transaction) and creates no online order (``sale.completed``): the store
order already exists, and the hand-over's outbox event marks it paid there, once.

``PickupPaymentService.checkout`` checks everything that can be checked before money changes hands and
returns a ``PickupCheckout``: what the tender screen needs (``cart``, ``check_payment``, ``pay``). Its
``pay`` writes the pickup sale and the hand-over in ONE transaction: money without goods or goods without
money cannot happen.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC
from decimal import ROUND_CEILING, Decimal

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.cart import Cart, CartTotals, ProductRef, allocate, from_milli
from pos.domain.discount import Discount
from pos.domain.errors import PaymentError
from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender, settle
from pos.domain.tax import TaxRate
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger, classify_operational_error
from pos.ledger.models import PickupOrder, Product, Sale, utcnow
from pos.services.dto import HandoverResult, Receipt, UserView
from pos.services.errors import StorageError
from pos.services.pickups import PICKUP_SALE_KIND, PickupError, PickupService
from pos.services.sales import chained_sale, insert_sale, receipt_from_sale


@dataclass(frozen=True, slots=True)
class PickupPaid:
    """The outcome of a pay-at-store hand-over: the ticket (print it) and what was handed over."""

    receipt: Receipt
    handover: HandoverResult


def order_cart(session: Session, order: PickupOrder) -> Cart:
    """The order as a till cart whose total is exactly the order's total.

    Each line keeps its quantity; a line total that is not a whole multiple of its quantity gets the
    unit price rounded up and the cents back as a line discount. A difference between the order's total
    and its lines (a pickup fee) is spread over the lines in proportion: in Spain an accessory charge
    takes the VAT of the goods it comes with. Lines whose product is not in the till's catalogue cannot
    be invoiced here: PickupError(unknown_product) — sync the catalogue first.
    """
    cur = order.currency
    lines = list(order.lines)
    unknown = [ln.name for ln in lines if ln.product_id is None]
    if unknown or not lines:
        raise PickupError("unknown_product", number=order.number, name=", ".join(unknown))
    products = {p.id: p for p in session.scalars(select(Product).where(
        Product.id.in_([ln.product_id for ln in lines])))}
    weights = [max(ln.total_minor, 0) for ln in lines]
    extra = order.total_minor - sum(ln.total_minor for ln in lines)
    shares = _spread(extra, weights)
    cart = Cart(cur)
    for line, share in zip(lines, shares, strict=True):
        assert line.product_id is not None
        product = products[line.product_id]
        target = line.total_minor + share
        qty = from_milli(line.qty_milli)
        if target < 0:
            raise PickupError("wrong_amount", number=order.number)
        unit = int((Decimal(target) / qty).to_integral_value(rounding=ROUND_CEILING))
        ref = ProductRef(product.id, product.sku, line.name or product.name, Money(unit, cur),
                         TaxRate(product.tax_rate.code, Decimal(product.tax_rate.percent)), product.category_id)
        cart = cart.add(ref, qty, merge=False)
        gross = Money(unit, cur).times(qty)
        if gross.minor != target:
            cart = cart.set_line_discount(cart.lines[-1].line_id, Discount.of_amount(Money(gross.minor - target, cur)))
    if cart.totals().total.minor != order.total_minor:  # never invoice a different amount than the order's
        raise PickupError("wrong_amount", number=order.number)
    return cart


def _spread(amount: int, weights: list[int]) -> list[int]:
    if not amount:
        return [0] * len(weights)
    sign = -1 if amount < 0 else 1
    if not sum(weights):
        weights = [1] * len(weights)
    return [sign * share for share in allocate(abs(amount), weights)]


class PickupCheckout:
    """One pay-at-store hand-over waiting for its tenders: what the tender screen (``PaymentDialog``)
    works with, like a ``TillSession``: ``cart``, ``check_payment(tenders)``, ``pay(tenders)``."""

    customer_id: int | None = None

    def __init__(self, service: PickupPaymentService, pickup_id: int, number: str, cashier: UserView, cart: Cart,
                 *, verify_code: str | None, id_check: str | None,
                 lines: Mapping[int, Decimal | int] | None) -> None:
        self._service = service
        self.pickup_id = pickup_id
        self.number = number
        self.cashier = cashier
        self.cart = cart
        self._verify_code, self._id_check, self._lines = verify_code, id_check, lines
        self.paid: PickupPaid | None = None

    @property
    def total(self) -> Money:
        return self.cart.totals().total

    def check_payment(self, tenders: Sequence[Tender]) -> Settlement:
        return self._service.check_payment(self.cart, tenders)

    def pay(self, tenders: Sequence[Tender]) -> Receipt:
        """Record the payment and the hand-over (one transaction); the ticket to print."""
        self.paid = self._service.pay_and_hand_over(self.pickup_id, self.cashier, tenders,
                                                    verify_code=self._verify_code, id_check=self._id_check,
                                                    lines=self._lines)
        return self.paid.receipt


class PickupPaymentService:
    def __init__(self, ledger: Ledger, settings: TillSettings, pickups: PickupService) -> None:
        self._ledger = ledger
        self._settings = settings
        self._pickups = pickups

    def checkout(self, pickup_id: int, cashier: UserView, *, verify_code: str | None = None,
                 id_check: str | None = None, lines: Mapping[int, Decimal | int] | None = None) -> PickupCheckout:
        """Start paying an order at the till. Everything that can refuse the hand-over is checked now,
        before the customer hands over any money: cancelled online (with its resolution entry), state,
        verification, quantities, already paid, products unknown here. Nothing is written otherwise."""
        self._pickups.refuse_if_cancelled_online(pickup_id, cashier)
        view = self._pickups.check_handover(pickup_id, verify_code=verify_code, id_check=id_check, lines=lines)
        if not view.needs_payment:
            raise PickupError("already_paid", number=view.number)
        with self._ledger.read() as session:
            order = session.get(PickupOrder, pickup_id)
            assert order is not None
            cart = order_cart(session, order)
        return PickupCheckout(self, pickup_id, view.number, cashier, cart, verify_code=verify_code,
                              id_check=id_check, lines=lines)

    def check_payment(self, cart: Cart, tenders: Sequence[Tender]) -> Settlement:
        return settle(cart.totals().total, list(tenders), self._settings.cash_rounding_minor)

    def pay_and_hand_over(self, pickup_id: int, cashier: UserView, tenders: Sequence[Tender], *,
                          verify_code: str | None = None, id_check: str | None = None,
                          lines: Mapping[int, Decimal | int] | None = None) -> PickupPaid:
        """Take the order's total with ``tenders`` and hand the goods over, in one transaction.
        Raises PaymentError(not_fully_paid) or any PickupError of the hand-over; nothing is stored then."""
        receipts: list[Receipt] = []

        def take_payment(session: Session, order: PickupOrder) -> str:
            cart = order_cart(session, order)
            settlement = self.check_payment(cart, tenders)
            if not settlement.complete:
                raise PaymentError("not_fully_paid", remaining=settlement.remaining.to_api())
            sale = self._write(session, order, cart, cart.totals(), tenders, settlement, cashier)
            receipts.append(receipt_from_sale(sale, self._settings, cashier.name))
            return sale.uuid

        try:
            handover = self._pickups.hand_over(pickup_id, cashier, verify_code=verify_code, id_check=id_check,
                                               lines=lines, take_payment=take_payment)
        except OperationalError as exc:
            unavailable = classify_operational_error(exc)
            if unavailable is None:
                raise
            raise StorageError(reason=unavailable.reason) from exc
        return PickupPaid(receipts[0], handover)

    def _write(self, session: Session, order: PickupOrder, cart: Cart, totals: CartTotals, tenders: Sequence[Tender],
               settlement: Settlement, cashier: UserView) -> Sale:
        # The money goes into the open shift's drawer (chained_sale checks it).
        sale = chained_sale(session, self._settings, PICKUP_SALE_KIND, cart, totals, tenders, settlement, cashier,
                            None, str(uuid.uuid4()), utcnow().astimezone(UTC))
        insert_sale(session, sale)  # no stock movement, no sale.completed: see the module docstring
        append_audit(session, "pickup.paid", user_id=cashier.user_id, details={
            "order": order.number, "sale": sale.uuid, "receipt": sale.receipt_no, "total": sale.total_minor})
        return sale
