"""The ``return.refund`` outbox event: it makes the store refund the order (``api_refund`` only for the
gateway route) and restock online exactly once (``sync/returns_push.py``). Part of
:mod:`pos.services.returns`."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from pos.ledger.models import OutboxEvent, Sale
from pos.ledger.returns_models import OnlineOrder
from pos.services.returns_dto import ReturnRequest
from pos.services.returns_plan import ReturnPlan

REFUND_EVENT = "return.refund"


def online_aggregate(remote_order_id: int) -> str:
    """The outbox aggregate of an online order's refunds: they are delivered one at a time, in order."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mostrador:online-order:{remote_order_id}"))


def add_refund_event(session: Session, sale: Sale, plan: ReturnPlan, request: ReturnRequest, original: Sale | None,
                     online: OnlineOrder | None, api_refund: bool, now: datetime) -> None:
    """``return.refund``: store sales queue behind their own ``sale.completed`` (same aggregate)."""
    aggregate = original.uuid if original is not None else online_aggregate(online.remote_id if online else 0)
    session.add(OutboxEvent(
        uuid=str(uuid.uuid4()), event_type=REFUND_EVENT, aggregate_type="return", aggregate_uuid=aggregate,
        status="pending", attempts=0, created_at=now, payload={
            "return_uuid": sale.uuid, "receipt_no": sale.receipt_no, "till_id": sale.till_id,
            "source": plan.source, "original_sale_uuid": original.uuid if original else None,
            "original_receipt_no": plan.doc.number if plan.doc else None,
            "remote_order_id": online.remote_id if online else None, "api_refund": api_refund,
            "route": plan.route, "reason": request.reason, "currency": sale.currency, "total_minor": plan.total,
            "lines": [{"line_no": ln.source_line_no, "remote_line_id": ln.remote_line_id,
                       "product_id": ln.product_id, "sku": ln.sku, "qty_milli": ln.qty_milli,
                       "sold_milli": ln.sold_milli, "amount_minor": ln.amount, "net_minor": ln.net,
                       "tax_minor": ln.tax, "tax_percent": ln.tax_percent, "tax_rate_id": ln.tax_rate_id,
                       "restock": ln.restock} for ln in plan.lines]}))
