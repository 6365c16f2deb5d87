"""Stock reservations of pickup orders: a pulled order reserves its quantities
(``stock_levels.reserved_milli``, so on-hand − reserved = available) until it is handed over or
cancelled. Shared with ``sync/orders_store.py``; always inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from pos.ledger.models import PickupOrder, StockLevel


def adjust_reserved(session: Session, product_id: int, delta_milli: int) -> None:
    """Add ``delta_milli`` to the product's reserved figure (creating its stock row if needed)."""
    if not delta_milli:
        return
    done = session.execute(update(StockLevel).where(StockLevel.product_id == product_id)
                           .values(reserved_milli=StockLevel.reserved_milli + delta_milli))
    if not getattr(done, "rowcount", 0):
        session.add(StockLevel(product_id=product_id, on_hand_milli=0, reserved_milli=delta_milli))
        session.flush()


def release_reservations(session: Session, order: PickupOrder) -> None:
    """Give back everything the order still reserves (cancelled, completed elsewhere)."""
    for line in order.lines:
        if line.product_id is not None and line.reserved_milli:
            adjust_reserved(session, line.product_id, -line.reserved_milli)
        line.reserved_milli = 0
