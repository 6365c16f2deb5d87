"""Drift between the till's stock and the online store's, net of what is still on its way.

The till is the record of what is on the shelves; the store lowers its own figure when our
sales reach it, and when an online pickup order is placed (we hold those goods as ``reserved``
until the customer collects them; the hand-over lowers on-hand and reserved together, and the
store does not move again). So for each product the store should show ``on_hand - reserved`` once
what is still in the outbox has arrived: ``drift = online - pending - (on_hand - reserved)``, where
``pending`` is what our unsent sales will take from the store, minus what our unsent pickup
cancellations will give back (the reservation is released here at once; the store restores its stock
when the cancellation reaches it). Anything else is a difference somebody should look at (a sale made
online and not yet known here, a miscount, a manual edit online).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from pos.domain.cart import from_milli
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, PickupLine, PickupOrder, Product, StockLevel


@dataclass(frozen=True, slots=True)
class DriftLine:
    product_id: int
    sku: str
    name: str
    on_hand: Decimal
    online: Decimal
    pending: Decimal  # sold here (net of count adjustments and pickup cancellations), not yet in the store
    drift: Decimal  # positive: the store shows more than the shop has


def stock_drift(ledger: Ledger, limit: int = 500) -> list[DriftLine]:
    with ledger.read() as session:
        pending: dict[int, int] = defaultdict(int)
        for payload in session.scalars(select(OutboxEvent.payload).where(
                OutboxEvent.status.in_(("pending", "parked")), OutboxEvent.event_type == "sale.completed")):
            for line in payload.get("lines", []):
                pending[int(line["product_id"])] += int(line["qty_milli"])
        # An approved count adjustment not yet set online: the store will move by its delta.
        for payload in session.scalars(select(OutboxEvent.payload).where(
                OutboxEvent.status.in_(("pending", "parked")), OutboxEvent.event_type == "stock.count_adjusted")):
            pending[int(payload["product_id"])] -= int(payload["delta_milli"])
        cancelling = select(OutboxEvent.aggregate_uuid).where(
            OutboxEvent.status.in_(("pending", "parked")), OutboxEvent.event_type == "pickup.cancelled")
        for product_id, qty, collected in session.execute(
                select(PickupLine.product_id, PickupLine.qty_milli, PickupLine.collected_milli)
                .join(PickupOrder, PickupOrder.id == PickupLine.order_id)
                .where(PickupOrder.uuid.in_(cancelling), PickupLine.product_id.is_not(None))):
            if product_id is not None:  # filtered above; says so to the type checker
                pending[product_id] -= qty - collected
        rows = session.execute(
            select(Product.id, Product.sku, Product.name, StockLevel.on_hand_milli, StockLevel.online_milli,
                   StockLevel.reserved_milli)
            .join(StockLevel, StockLevel.product_id == Product.id)
            .where(StockLevel.online_milli.is_not(None))
        ).all()
    out = []
    for pid, sku, name, on_hand, online, reserved in rows:
        drift = online - pending.get(pid, 0) - (on_hand - reserved)
        if drift:
            out.append(DriftLine(pid, sku, name, from_milli(on_hand), from_milli(online),
                                 from_milli(pending.get(pid, 0)), from_milli(drift)))
    out.sort(key=lambda d: (-abs(d.drift), d.sku))
    return out[:limit]
