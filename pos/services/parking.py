"""Parked sales: a cart put aside (customer forgot something) and resumed later, even after a restart."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select

from pos.domain.cart import Cart, CartLine, ProductRef
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.tax import TaxRate
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import ParkedSale
from pos.services.dto import ParkedView
from pos.services.errors import NotFound


def _discount_to_json(d: Discount | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"percent": str(d.percent)} if d.percent is not None else {"amount": d.amount.minor if d.amount else 0}


def _discount_from_json(raw: dict[str, Any] | None, currency: str) -> Discount | None:
    if raw is None:
        return None
    if "percent" in raw:
        return Discount.of_percent(Decimal(raw["percent"]))
    return Discount.of_amount(Money(int(raw["amount"]), currency))


def cart_to_json(cart: Cart) -> dict[str, Any]:
    return {
        "currency": cart.currency,
        "ticket_discount": _discount_to_json(cart.ticket_discount),
        "lines": [
            {"product_id": ln.product.product_id, "sku": ln.product.sku, "name": ln.product.name,
             "price": ln.product.unit_price.minor, "tax_code": ln.product.tax_rate.code,
             "tax_percent": str(ln.product.tax_rate.percent), "category_id": ln.product.category_id,
             "qty": str(ln.quantity), "discount": _discount_to_json(ln.discount)}
            for ln in cart.lines
        ],
    }


def cart_from_json(raw: dict[str, Any]) -> Cart:
    cur = raw["currency"]
    lines = tuple(
        CartLine(
            i,
            ProductRef(ln["product_id"], ln["sku"], ln["name"], Money(ln["price"], cur),
                       TaxRate(ln["tax_code"], Decimal(ln["tax_percent"])), ln.get("category_id")),
            Decimal(ln["qty"]),
            _discount_from_json(ln.get("discount"), cur),
        )
        for i, ln in enumerate(raw["lines"], start=1)
    )
    return Cart(cur, lines, _discount_from_json(raw.get("ticket_discount"), cur), len(lines) + 1)


class ParkingService:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    def park(self, cart: Cart, cashier_id: int, label: str,
             customer: tuple[int, str | None] | None = None) -> ParkedView:
        """Put the cart aside, with the customer it was for (``(customer_id, name)``) when there is one."""
        stored = cart_to_json(cart)
        if customer is not None:
            stored["customer"] = {"id": customer[0], "name": customer[1]}
        with self._ledger.write() as session:
            row = ParkedSale(uuid=str(uuid.uuid4()), cashier_id=cashier_id, label=label[:64] or "—",
                             cart=stored, total_minor=cart.totals().total.minor)
            session.add(row)
            session.flush()
            append_audit(session, "sale.parked", user_id=cashier_id, details={"parked": row.uuid, "label": row.label})
            return ParkedView(row.id, row.label, Money(row.total_minor, cart.currency), row.created_at, cashier_id)

    def list(self) -> list[ParkedView]:
        with self._ledger.read() as session:
            rows = session.scalars(select(ParkedSale).order_by(ParkedSale.id)).all()
            return [ParkedView(r.id, r.label, Money(r.total_minor, r.cart["currency"]), r.created_at, r.cashier_id)
                    for r in rows]

    def resume(self, parked_id: int, cashier_id: int) -> Cart:
        """Take a parked cart back; it is removed from the parked list in the same transaction."""
        return self.take(parked_id, cashier_id)[0]

    def take(self, parked_id: int, cashier_id: int) -> tuple[Cart, tuple[int, str | None] | None]:
        """``resume``, with the customer the cart was parked with (``(customer_id, name)`` or None)."""
        with self._ledger.write() as session:
            row = session.get(ParkedSale, parked_id)
            if row is None:
                raise NotFound(what="parked_sale", id=parked_id)
            cart = cart_from_json(row.cart)
            session.execute(delete(ParkedSale).where(ParkedSale.id == parked_id))
            append_audit(session, "sale.resumed", user_id=cashier_id, details={"parked": row.uuid})
            who = row.cart.get("customer")
            return cart, ((int(who["id"]), who.get("name")) if who else None)
