"""Preparing a pickup order at the desk: start, confirm each item by scanning it while picking, and
mark it ready (outbox ``pickup.ready`` → customer note online)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from pos.ledger.audit import append_audit
from pos.ledger.models import Barcode, Product, utcnow
from pos.services.dto import PickupView, UserView
from pos.services.errors import UnknownBarcode
from pos.services.pickup_core import PickupCore
from pos.services.pickup_events import add_outbox
from pos.services.pickup_rules import PickupError, milli_of


class PickupPreparing(PickupCore):
    """Preparing and picking: ``start_preparing``, ``confirm_item``, ``mark_ready``."""

    def start_preparing(self, pickup_id: int, user: UserView) -> PickupView:
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing")
            if order.state == "new":
                order.state = "preparing"
                order.prepared_by = user.user_id
                append_audit(session, "pickup.preparing", user_id=user.user_id, details={"order": order.number})
            return self._view(order, utcnow())

    def confirm_item(self, pickup_id: int, code: str, user: UserView, quantity: Decimal | int = 1) -> PickupView:
        """Scan while picking: the barcode (or SKU) must be a line of the order still short of its
        quantity. Raises UnknownBarcode, PickupError(wrong_item | too_many)."""
        qty = milli_of(quantity)
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing", "partially_collected")
            product_id = session.scalar(select(Barcode.product_id).where(Barcode.code == code.strip()))
            if product_id is None:
                product_id = session.scalar(select(Product.id).where(Product.sku == code.strip()))
            lines = [ln for ln in order.lines
                     if (product_id is not None and ln.product_id == product_id) or (ln.sku and ln.sku == code.strip())]
            if not lines:
                if product_id is None:
                    raise UnknownBarcode(code=code)
                raise PickupError("wrong_item", code=code, number=order.number)
            line = next((ln for ln in lines if ln.picked_milli + qty <= ln.qty_milli - ln.collected_milli), None)
            if line is None:
                raise PickupError("too_many", code=code, number=order.number, name=lines[0].name)
            line.picked_milli += qty
            if order.state == "new":
                order.state = "preparing"
                order.prepared_by = user.user_id
            return self._view(order, utcnow())

    def mark_ready(self, pickup_id: int, user: UserView, *, force: bool = False) -> PickupView:
        """Ready to collect: records who prepared it and queues the customer note (``pickup.ready``).
        Refused while items are unconfirmed unless ``force`` (PickupError(not_fully_picked))."""
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing")
            if not force and any(ln.picked_milli < ln.qty_milli - ln.collected_milli for ln in order.lines):
                raise PickupError("not_fully_picked", number=order.number)
            now = utcnow()
            order.state, order.prepared_by, order.ready_at = "ready", user.user_id, now
            note = self._ready_note.format(number=order.number, location=self._location,
                                           hint=f"{order.number}-{order.verify_code}")
            add_outbox(session, order, "pickup.ready", {"note": note, "customer_note": True})
            append_audit(session, "pickup.ready", user_id=user.user_id,
                         details={"order": order.number, "forced": force})
            return self._view(order, now)
