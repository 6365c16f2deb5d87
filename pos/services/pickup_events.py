"""What the pickup desk tells the online store: outbox events of a pickup order (delivered by
``sync/pickup_push.py``) and the payment details of an order paid at the till."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.money import Money
from pos.ledger.models import OutboxEvent, PickupOrder, Sale, TenderRow, utcnow
from pos.services.pickup_rules import TENDER_TITLES


def payment_event(session: Session, sale_uuid: str, till_id: str) -> dict[str, Any]:
    """What the store is told about a payment taken at the till: the tenders' title for the order's
    payment method, the ticket as transaction id, a private note (Spanish: the store's staff read it)."""
    sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid))
    assert sale is not None
    tenders = list(session.scalars(select(TenderRow).where(TenderRow.sale_id == sale.id).order_by(TenderRow.id)))
    kinds = list(dict.fromkeys(TENDER_TITLES.get(t.kind, t.kind) for t in tenders))
    amount = Money(sale.total_minor + sale.rounding_minor, sale.currency)
    return {"sale_uuid": sale.uuid, "receipt_no": sale.receipt_no, "amount": amount.to_api(),
            "currency": sale.currency, "tenders": [[t.kind, t.amount_minor] for t in tenders],
            "method_title": f"{' + '.join(kinds)} (pagado en tienda)",
            "note": (f"Pagado en tienda ({till_id}), ticket {sale.receipt_no}: {amount.to_api()} {sale.currency} "
                     f"({', '.join(kinds)}). [{sale.uuid}]")}


def add_outbox(session: Session, order: PickupOrder, event_type: str, payload: dict[str, Any]) -> None:
    """An outbox event of the order's aggregate (delivered in order per order)."""
    session.add(OutboxEvent(
        uuid=str(uuid.uuid4()), event_type=event_type, aggregate_type="pickup", aggregate_uuid=order.uuid,
        payload={"remote_id": order.remote_id, "number": order.number, **payload}, status="pending", attempts=0,
        created_at=utcnow()))
