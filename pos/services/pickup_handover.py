"""Handing a pickup order over: verify the customer (code or identity check), take the money of an
order not paid online, move physical stock (movement reason ``pickup``), release the reservation and
queue ``pickup.collected`` (order completed online once) or ``pickup.partially_collected`` (private
note). Online stock is never taken again: the online order took it when it was placed."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.ledger.audit import append_audit
from pos.ledger.models import PickupHandover, PickupOrder, Sale, utcnow
from pos.ledger.stock import move_stock
from pos.services.dto import HandoverResult, PickupView, UserView
from pos.services.pickup_core import PickupCore
from pos.services.pickup_events import add_outbox, payment_event
from pos.services.pickup_reservations import adjust_reserved
from pos.services.pickup_rules import (
    COLLECTABLE,
    GONE_REMOTE,
    PICKUP_SALE_KIND,
    PaymentWriter,
    PickupError,
    milli_of,
    units_of,
)


class PickupHandingOver(PickupCore):
    """Hand-over: ``hand_over``, ``check_handover`` and ``refuse_if_cancelled_online``."""

    def hand_over(self, pickup_id: int, user: UserView, *, verify_code: str | None = None,
                  id_check: str | None = None, lines: Mapping[int, Decimal | int] | None = None,
                  paid_by_sale_uuid: str | None = None, take_payment: PaymentWriter | None = None) -> HandoverResult:
        """Give the customer all remaining lines (``lines=None``) or some: ``{line_id: quantity}``.

        The customer is verified by the order's code (``verify_code``) or an identity check the
        cashier records (``id_check``, e.g. "DNI ***1234"). An order not paid online is paid at the
        till first: ``take_payment`` writes the ``pickup`` sale in this same transaction (see
        ``pos/services/pickup_payment.py``), or ``paid_by_sale_uuid`` names one written before; the
        whole order is paid at the first hand-over. An order cancelled online is refused with
        PickupError(cancelled_online) and an audited resolution entry.
        """
        self.refuse_if_cancelled_online(pickup_id, user)
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, *COLLECTABLE)
            verified_by = self._verified(order, verify_code, id_check)
            wanted = self._wanted(order, lines)
            sale_uuid = self._payment(session, order, paid_by_sale_uuid, take_payment)
            now = utcnow()
            handover_uuid = str(uuid.uuid4())
            moves: list[tuple[int, int]] = []
            taken: list[dict[str, Any]] = []
            by_id = {ln.id: ln for ln in order.lines}
            for line_id, qty in wanted.items():
                line = by_id[line_id]
                line.collected_milli += qty
                line.picked_milli = max(0, line.picked_milli - qty)
                if line.product_id is not None:
                    moves.append((line.product_id, -qty))
                    release = min(qty, line.reserved_milli)
                    line.reserved_milli -= release
                    adjust_reserved(session, line.product_id, -release)
                taken.append({"line_id": line.id, "remote_line_id": line.remote_line_id,
                              "product_id": line.product_id, "sku": line.sku, "name": line.name, "qty_milli": qty})
            move_stock(session, moves, "pickup", handover_uuid, user.user_id)
            complete = all(ln.collected_milli >= ln.qty_milli for ln in order.lines)
            order.state = "collected" if complete else "partially_collected"
            if complete:
                order.collected_at = now
            if sale_uuid:
                order.paid_by_sale_uuid = sale_uuid
            session.add(PickupHandover(uuid=handover_uuid, order_id=order.id, user_id=user.user_id,
                                       verified_by=verified_by, id_check=(id_check or "").strip()[:128] or None,
                                       lines=taken, complete=complete, paid_by_sale_uuid=sale_uuid, created_at=now))
            summary = ", ".join(f"{units_of(t['qty_milli']).normalize()} × {t['name']}" for t in taken)
            payload: dict[str, Any] = {
                "handover_uuid": handover_uuid, "till_id": self._till_id, "lines": taken,
                "paid_by_sale_uuid": sale_uuid,
                "note": (f"{'Entregado' if complete else 'Entrega parcial'} en tienda ({self._till_id}): {summary}."
                         f" [{handover_uuid}]")}
            if sale_uuid:
                # This hand-over took the money: its push marks the online order paid (once).
                payload["payment"] = payment_event(session, sale_uuid, self._till_id)
            add_outbox(session, order, "pickup.collected" if complete else "pickup.partially_collected", payload)
            append_audit(session, "pickup.handover", user_id=user.user_id, details={
                "order": order.number, "handover": handover_uuid, "complete": complete, "verified_by": verified_by,
                "lines": [[t["line_id"], t["qty_milli"]] for t in taken], "paid_by_sale": sale_uuid})
            session.flush()
            handed = tuple((t["line_id"], units_of(t["qty_milli"])) for t in taken)
            return HandoverResult(handover_uuid, complete, handed, self._view(order, now))

    def refuse_if_cancelled_online(self, pickup_id: int, user: UserView) -> None:
        """An order the store cancelled cannot be handed over: commit the resolution entry the manager
        sees (``pickup.handover_refused``), then raise PickupError(cancelled_online)."""
        refused: PickupError | None = None
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            if order.state == "cancelled" and order.remote_status in GONE_REMOTE:
                append_audit(session, "pickup.handover_refused", user_id=user.user_id, details={
                    "order": order.number, "reason": "cancelled_online", "remote_status": order.remote_status})
                refused = PickupError("cancelled_online", number=order.number)
        if refused is not None:
            raise refused

    def check_handover(self, pickup_id: int, *, verify_code: str | None = None, id_check: str | None = None,
                       lines: Mapping[int, Decimal | int] | None = None) -> PickupView:
        """Check a hand-over before any money is taken (state, verification, quantities); nothing is written."""
        with self._ledger.read() as session:
            order = self._load(session, pickup_id)
            self._require(order, *COLLECTABLE)
            self._verified(order, verify_code, id_check)
            self._wanted(order, lines)
            return self._view(order, utcnow())

    def _verified(self, order: PickupOrder, verify_code: str | None, id_check: str | None) -> str:
        if verify_code and verify_code.strip():
            if not self._code_ok(order, verify_code):
                raise PickupError("wrong_code", number=order.number)
            return "code"
        if id_check and id_check.strip():
            return "id_check"
        raise PickupError("verification_required", number=order.number)

    @staticmethod
    def _payment(session: Session, order: PickupOrder, sale_uuid: str | None,
                 take_payment: PaymentWriter | None) -> str | None:
        """The sale that pays this order at this hand-over, or None when nothing is to be paid now."""
        if order.paid_online or order.paid_by_sale_uuid:
            if sale_uuid or take_payment:
                raise PickupError("already_paid", number=order.number)
            return None
        if take_payment is not None:
            sale_uuid = take_payment(session, order)
        if not sale_uuid:
            raise PickupError("not_paid", number=order.number, total=order.total_minor)
        sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid, Sale.kind == PICKUP_SALE_KIND))
        if sale is None:
            raise PickupError("sale_not_found", sale=sale_uuid)
        if sale.total_minor != order.total_minor or sale.currency != order.currency:
            raise PickupError("wrong_amount", sale=sale_uuid, number=order.number)
        if session.scalar(select(PickupOrder.id).where(PickupOrder.paid_by_sale_uuid == sale_uuid)) is not None:
            raise PickupError("sale_already_used", sale=sale_uuid)
        return sale_uuid

    @staticmethod
    def _wanted(order: PickupOrder, lines: Mapping[int, Decimal | int] | None) -> dict[int, int]:
        remaining = {ln.id: ln.qty_milli - ln.collected_milli for ln in order.lines}
        if lines is None:
            wanted = {lid: left for lid, left in remaining.items() if left > 0}
        else:
            wanted = {}
            for line_id, qty in lines.items():
                if line_id not in remaining:
                    raise PickupError("wrong_item", line_id=line_id, number=order.number)
                milli = milli_of(qty)
                if milli > remaining[line_id]:
                    raise PickupError("too_many", line_id=line_id, number=order.number)
                wanted[line_id] = milli
        if not wanted:
            raise PickupError("nothing_to_collect", number=order.number)
        return wanted
