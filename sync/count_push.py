"""Pushing an approved stock-count adjustment to the online store, exactly once.

The event carries a *delta* (counted − expected at the till) and its adjustment UUID. The online
figure is not the till's on-hand (online orders, pickups and sales not yet pushed all move it), so
the store gets ``online = current online + delta``, written as an absolute ``stock_quantity``
right after a re-read (DESIGN §2.5), together with the UUID in the product's
``mostrador_count_adjustments`` meta, in the same ``PUT``:

1. re-read the product (or variation): stock and the adjustments it already took;
2. if our UUID is among them, an earlier attempt was applied and only its answer was lost: done;
3. otherwise bump the attempt counter and ``PUT {stock_quantity: stock + delta, meta: [uuid, …]}``.

Every attempt starts with step 1, so a dropped response, a timeout or a crash between the write
and ``mark_sent`` never applies the delta twice, and a write that never happened is retried.
WooCommerce has no compare-and-set: an online order placed between our read and our write
(milliseconds apart) would be overwritten; the drift report shows such a difference and the next
count fixes it. ``inventory_delta`` would shrink that window but is undocumented (recording 26).

Quantities online are whole units: a fractional delta (weighed goods) is rounded half-even.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Protocol, runtime_checkable

from sqlalchemy import update

from pos.domain.sync_reason import reason
from pos.ledger.db import Ledger
from pos.ledger.models import StockLevel, utcnow
from sync import outbox_store
from sync.errors import PermanentError, reason_of
from sync.outbox_store import DueEvent
from sync.woocommerce.stock_writes import RemoteStock

EVENT_TYPE = "stock.count_adjusted"


@runtime_checkable
class StockWriter(Protocol):
    def read_stock(self, remote_id: int, parent_id: int | None) -> RemoteStock: ...

    def write_stock(self, remote_id: int, parent_id: int | None, quantity: int,
                    applied: tuple[str, ...]) -> RemoteStock: ...


def whole_units(delta_milli: int) -> int:
    return int((Decimal(delta_milli) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def push_adjustment(ledger: Ledger, connector: object, event: DueEvent) -> None:
    """Deliver one ``stock.count_adjusted`` event. ``PermanentError`` parks it; ``TransientError``
    propagates for the engine to schedule a retry (the next attempt re-reads first). A connector
    without stock writes (not WooCommerce) parks the event instead of failing every pass."""
    if not isinstance(connector, StockWriter):
        outbox_store.mark_parked(ledger, event.event_id, reason(
            "stock_writes_unsupported", "this online store cannot take stock adjustments"))
        return
    payload = event.payload
    adjustment = str(payload["adjustment_uuid"])
    product_id = int(payload["product_id"])
    remote_id, parent_id = payload.get("remote_id"), payload.get("remote_parent_id")
    if not remote_id:  # approved before the first catalogue pull linked the product
        remote_id, parent_id = outbox_store.current_remote_ids(ledger, [product_id]).get(product_id, (None, None))
    try:
        if not remote_id:
            raise PermanentError(f"{payload.get('sku')}: the product is not linked to the online store",
                                 code="product_not_linked", params={"product": payload.get("sku")})
        current = connector.read_stock(int(remote_id), int(parent_id) if parent_id else None)
        if adjustment in current.applied or current.stock is None:
            # Already applied (an earlier answer was lost), or the store does not count this product.
            _done(ledger, event, current)
            return
        outbox_store.mark_attempt(ledger, [event.event_id])
        written = connector.write_stock(int(remote_id), int(parent_id) if parent_id else None,
                                        current.stock + whole_units(int(payload["delta_milli"])),
                                        (adjustment, *current.applied))
    except PermanentError as exc:
        outbox_store.mark_parked(ledger, event.event_id, reason_of(exc))
        return
    _done(ledger, event, written)


def _done(ledger: Ledger, event: DueEvent, remote: RemoteStock) -> None:
    outbox_store.mark_sent(ledger, event.event_id, str(remote.remote_id))
    if remote.stock is None:
        return
    # Our copy of the online figure is now known exactly (not just moved by a delta).
    with ledger.write() as session:
        session.execute(update(StockLevel).where(StockLevel.product_id == int(event.payload["product_id"]))
                        .values(online_milli=remote.stock * 1000, online_seen_at=utcnow()))
