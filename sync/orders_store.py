"""Applying pulled online orders to the local click-and-collect copy, one short transaction per page.

Only pickups are kept: a shipping line ``local_pickup`` or ``pickup_location`` (when the till has a
``[store] pickup_location``, an order naming another location is skipped; the legacy
``local_pickup`` method names none and is always kept). A new open order (processing / on-hold)
reserves its quantities in the same transaction as the insert. Later pulls update the status: an
order cancelled online releases what it reserved; one cancelled after (part of) it was handed over,
or completed online while still open here, is flagged as a conflict with an audited resolution entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, PickupLine, PickupOrder, Product, utcnow
from pos.services.pickups import (
    GONE_REMOTE,
    OPEN_STATES,
    adjust_reserved,
    release_reservations,
    verify_code_of,
)
from sync.connector import RemoteOrder, RemoteOrderLine

ORDERS_CURSOR = "orders.modified_after"
PICKUP_METHODS = frozenset({"local_pickup", "pickup_location"})
OPEN_REMOTE = frozenset({"processing", "on-hold"})


@dataclass
class OrdersResult:
    added: int = 0
    updated: int = 0
    cancelled: int = 0
    conflicts: int = 0
    skipped: int = 0


def is_pickup_here(order: RemoteOrder, location: str) -> bool:
    """A click-and-collect order for this store (``location``: ``[store] pickup_location``, may be "")."""
    if order.shipping_method not in PICKUP_METHODS:
        return False
    if location and order.pickup_location:
        return order.pickup_location.strip().casefold() == location.strip().casefold()
    return True


def dedupe(orders: list[RemoteOrder]) -> list[RemoteOrder]:
    """One entry per order, the most recently modified (pulls overlap by a few seconds)."""
    latest: dict[int, RemoteOrder] = {}
    for order in orders:
        seen = latest.get(order.remote_id)
        if seen is None or order.modified_gmt >= seen.modified_gmt:
            latest[order.remote_id] = order
    return list(latest.values())


def apply_orders(ledger: Ledger, orders: list[RemoteOrder], location: str = "") -> OrdersResult:
    """Upsert the pickups among ``orders`` (one transaction)."""
    result = OrdersResult()
    wanted = [o for o in dedupe(orders) if is_pickup_here(o, location)]
    result.skipped = len(orders) - len(wanted)
    if not wanted:
        return result
    with ledger.write() as session:
        existing = {o.remote_id: o for o in session.scalars(select(PickupOrder).where(
            PickupOrder.remote_id.in_([o.remote_id for o in wanted]))).unique()}
        for remote in wanted:
            local = existing.get(remote.remote_id)
            if local is None:
                if remote.status in OPEN_REMOTE:
                    _insert(session, remote)
                    result.added += 1
                else:
                    result.skipped += 1
                continue
            if remote.modified_gmt < local.remote_modified_at:
                continue  # an older copy (overlap): ours is newer
            outcome = _update(session, local, remote)
            result.updated += 1
            if outcome == "cancelled":
                result.cancelled += 1
            elif outcome == "conflict":
                result.conflicts += 1
    return result


def product_for_line(session: Session, line: RemoteOrderLine) -> int | None:
    """The local product of an online order line: by remote id, then SKU, then barcode."""
    remote_id = line.variation_id or line.product_id
    pid = session.scalar(select(Product.id).where(Product.remote_id == remote_id).limit(1)) if remote_id else None
    if pid is None and line.sku:
        pid = session.scalar(select(Product.id).where(Product.sku == line.sku))
    if pid is None and line.barcode:
        pid = session.scalar(select(Barcode.product_id).where(Barcode.code == line.barcode))
    return pid


def _insert(session: Session, remote: RemoteOrder) -> None:
    order = PickupOrder(
        uuid=str(uuid.uuid4()), remote_id=remote.remote_id, number=remote.number, remote_status=remote.status,
        state="new", currency=remote.currency or "EUR", pulled_at=utcnow(),
        verify_code=verify_code_of(remote.order_key),
        created_at=remote.created_gmt, remote_modified_at=remote.modified_gmt, paid_by_sale_uuid=None,
        **_fields(remote))
    for line in remote.lines:
        pid = product_for_line(session, line)
        qty = line.quantity * 1000
        order.lines.append(PickupLine(
            remote_line_id=line.remote_line_id, remote_product_id=line.product_id,
            remote_variation_id=line.variation_id, product_id=pid, sku=line.sku[:64], name=line.name[:255],
            qty_milli=qty, picked_milli=0, collected_milli=0, reserved_milli=qty if pid is not None else 0,
            total_minor=line.total_minor))
        if pid is not None:
            adjust_reserved(session, pid, qty)
    session.add(order)
    session.flush()


def _fields(remote: RemoteOrder) -> dict[str, object]:
    return {"customer_name": remote.customer_name[:255], "email": remote.email[:255], "phone": remote.phone[:64],
            "payment_method": remote.payment_method[:64], "payment_title": remote.payment_title[:128],
            "paid_online": remote.paid, "total_minor": remote.total_minor, "customer_note": remote.customer_note,
            "pickup_location": remote.pickup_location[:128]}


def _update(session: Session, local: PickupOrder, remote: RemoteOrder) -> str:
    """Apply a newer copy; returns "cancelled", "conflict" or "updated"."""
    for key, value in _fields(remote).items():
        setattr(local, key, value)
    local.remote_status, local.remote_modified_at = remote.status, remote.modified_gmt
    handed = any(ln.collected_milli for ln in local.lines)
    if remote.status in GONE_REMOTE and local.state != "cancelled":
        previous = local.state
        if local.state == "collected":  # the goods left with the customer: keep it, flag it
            return _conflict(session, local, "cancelled_online_after_handover", previous)
        release_reservations(session, local)
        local.state = "cancelled"
        if handed:
            return _conflict(session, local, "cancelled_online_after_handover", previous)
        append_audit(session, "pickup.cancelled_online", user_id=None,
                     details={"order": local.number, "previous_state": previous, "remote_status": remote.status})
        return "cancelled"
    if remote.status == "completed" and local.state in OPEN_STATES:
        release_reservations(session, local)
        previous, local.state, local.collected_at = local.state, "collected", utcnow()
        return _conflict(session, local, "completed_online", previous)
    return "updated"


def _conflict(session: Session, order: PickupOrder, what: str, previous: str) -> str:
    order.conflict = what
    append_audit(session, "pickup.conflict", user_id=None, details={
        "order": order.number, "conflict": what, "previous_state": previous, "remote_status": order.remote_status})
    return "conflict"


def record_push_conflict(ledger: Ledger, pickup_uuid: str, what: str, detail: str) -> None:
    """The store refused a pickup change (e.g. completing an order cancelled online after the
    hand-over was recorded here): flag the order and write the resolution entry for the manager."""
    with ledger.write() as session:
        order = session.scalar(select(PickupOrder).where(PickupOrder.uuid == pickup_uuid))
        if order is None:
            return
        order.conflict = what
        append_audit(session, "pickup.conflict", user_id=None, details={
            "order": order.number, "conflict": what, "state": order.state, "detail": detail[:500]})
