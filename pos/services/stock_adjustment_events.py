"""The ``stock.count_adjusted`` outbox event: "move this product's online stock by delta". The sync
engine re-reads the online figure and writes it back moved by the delta, with the adjustment's UUID in
the product's meta so a retry never applies it twice (``sync/count_push.py``). Stock counts book their
variances with it; a return without a receipt books the goods it puts back on the shelf, since there
is no order whose refund would restock them online."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

STOCK_ADJUSTED_EVENT = "stock.count_adjusted"


def stock_adjustment_event(*, adjustment_uuid: str, product_id: int, sku: str, delta_milli: int, reason: str | None,
                           now: datetime, remote_id: int | None = None, remote_parent_id: int | None = None,
                           count_uuid: str | None = None) -> dict[str, Any]:
    """The outbox row (as insert values) of one adjustment: its own aggregate, so one refused product
    parks alone. Without remote ids the push looks them up when it runs."""
    return {"uuid": str(uuid.uuid4()), "event_type": STOCK_ADJUSTED_EVENT, "aggregate_type": "stock_adjustment",
            "aggregate_uuid": adjustment_uuid, "status": "pending", "attempts": 0, "created_at": now,
            "payload": {"adjustment_uuid": adjustment_uuid, "count_uuid": count_uuid, "product_id": product_id,
                        "sku": sku, "number": sku, "remote_id": remote_id, "remote_parent_id": remote_parent_id,
                        "delta_milli": delta_milli, "reason": reason}}
