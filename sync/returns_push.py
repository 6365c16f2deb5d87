"""Pushing ``return.refund`` events: the store refunds the order exactly once.

For each event: read the order and its refunds (one GET each), then post what is missing. A return
is sent as up to two refunds, the restocked lines (``api_restock`` true) and the ones kept out of
stock (damaged goods, ``api_restock`` false), each tagged ``_pos_refund_uuid`` + ``_pos_refund_part``.
A refund already on the order with our tags is never sent again, whatever happened to an earlier
answer: killing the till in the middle of a push cannot refund twice.

Before posting, the quantities already refunded on each line (by anyone) are added to ours; a line
that would be refunded beyond what was sold (another till took it back while this one was offline)
is refused here and parked with an audited conflict for the manager.

A till sale (``source='store'``) is refunded on the order the till created for it: its
``sale.completed`` event has the same aggregate, so it is always delivered first, and its remote
order id is read from that event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import select

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent
from pos.services.returns import REFUND_EVENT
from sync import outbox_store
from sync.connector import RemoteOrder
from sync.errors import PermanentError, TransientError, reason_of
from sync.outbox_store import DueEvent
from sync.woocommerce.money import net_for_gross
from sync.woocommerce.refunds import RefundLine, RemoteRefund, refund_body

log = logging.getLogger(__name__)

EVENTS = frozenset({REFUND_EVENT})
REASON_TEXT = {"changed_mind": "Devolución en tienda", "wrong_size": "Cambio de talla", "defective": "Defectuoso",
               "damaged": "Dañado", "not_as_described": "No es como se describía", "other": "Devolución en tienda"}


class RefundConnector(Protocol):
    @property
    def places(self) -> int: ...

    def get_order(self, order_id: int) -> RemoteOrder | None: ...

    def list_refunds(self, order_id: int) -> list[RemoteRefund]: ...

    def create_refund(self, order_id: int, body: dict[str, Any]) -> RemoteRefund: ...


def push_refund(ledger: Ledger, connector: RefundConnector, event: DueEvent,
                schedule_retry: Callable[[DueEvent, Exception], None]) -> None:
    """Deliver one ``return.refund`` event (marks it sent, parked or due for a retry).
    Transient errors are re-raised after scheduling the retry (the pass goes offline)."""
    payload = event.payload
    return_uuid = str(payload["return_uuid"])
    try:
        order_id = _order_id(ledger, payload)
        order = connector.get_order(order_id)
        if order is None:
            raise PermanentError(f"order {order_id} no longer exists online", code="order_not_found", status=404,
                                 params={"order": order_id})
        refunds = connector.list_refunds(order_id)
        done = {r.part for r in refunds if r.refund_uuid == return_uuid}
        others = [r for r in refunds if r.refund_uuid != return_uuid]
        parts = _parts(payload, order, connector.places, others, done)
        missing = [p for p in parts if p[0] not in done]
        if missing:
            _check_quantities(order, refunds, return_uuid, missing)
        ids = [str(r.refund_id) for r in refunds if r.refund_uuid == return_uuid]
        for part, restock, lines in missing:
            body = refund_body(lines=lines, reason=REASON_TEXT.get(str(payload.get("reason")), "Devolución en tienda"),
                               api_refund=bool(payload.get("api_refund")), restock=restock, refund_uuid=return_uuid,
                               part=part, receipt_no=str(payload.get("receipt_no") or ""), places=connector.places)
            outbox_store.mark_attempt(ledger, [event.event_id])
            ids.append(str(connector.create_refund(order_id, body).refund_id))
    except PermanentError as exc:
        _park(ledger, event, exc)
        return
    except TransientError as exc:
        schedule_retry(event, exc)
        raise
    moves = {int(ln["product_id"]): int(ln["qty_milli"]) for ln in payload.get("lines", []) if ln.get("restock")}
    outbox_store.mark_sent(ledger, event.event_id, ",".join(ids)[:64], moves)


def _order_id(ledger: Ledger, payload: dict[str, Any]) -> int:
    if payload.get("remote_order_id"):
        return int(payload["remote_order_id"])
    sale_uuid = str(payload.get("original_sale_uuid") or "")
    with ledger.read() as session:
        row = session.execute(select(OutboxEvent.status, OutboxEvent.remote_ref).where(
            OutboxEvent.aggregate_uuid == sale_uuid, OutboxEvent.event_type == "sale.completed")).first()
    if row is None or row[0] != "sent" or not row[1]:
        raise PermanentError(f"the original sale {payload.get('original_receipt_no')} is not in the online store "
                             "(its own sending failed); refund it online by hand", code="original_not_online",
                             params={"receipt": payload.get("original_receipt_no")})
    return int(str(row[1]).split(",")[0])


def _parts(payload: dict[str, Any], order: RemoteOrder, places: int, others: list[RemoteRefund],
           done: set[str]) -> list[tuple[str, bool, list[RefundLine]]]:
    """(part name, restock, lines): "restock" and "keep" (not restocked), whichever have lines.

    The refund that completes a line takes exactly what is left of its net and tax online, and no
    refund goes beyond what is left of the order (the store's own rule, 18b): a till sale's gross
    split into net + tax may differ by a cent from how another till split its part."""
    by_id = {ln.remote_line_id: ln for ln in order.lines}
    refunded_qty: dict[int, int] = {}
    refunded_amount: dict[int, tuple[int, int]] = {}
    for refund in others:
        for line_id, qty in refund.quantities.items():
            refunded_qty[line_id] = refunded_qty.get(line_id, 0) + qty
        for line_id, (net, tax) in refund.amounts.items():
            before = refunded_amount.get(line_id, (0, 0))
            refunded_amount[line_id] = (before[0] + net, before[1] + tax)
    restocked: list[RefundLine] = []
    kept: list[RefundLine] = []
    for line in payload.get("lines", []):
        qty_milli, sold_milli = int(line["qty_milli"]), int(line.get("sold_milli") or line["qty_milli"])
        if line.get("remote_line_id"):
            remote = by_id.get(int(line["remote_line_id"]))
            net, tax = int(line["net_minor"]), int(line["tax_minor"])
        else:
            no = int(line.get("line_no") or 0)
            remote = order.lines[no - 1] if 0 < no <= len(order.lines) else None
            net, tax = 0, 0
            if remote is not None:
                gross = int(line["amount_minor"])
                percent = Decimal(str(line.get("tax_percent") or "0"))
                net = net_for_gross(gross, percent) if remote.tax_rate_id is not None else gross
                tax = gross - net
        if remote is None:
            raise PermanentError(f"line {line.get('sku')} is not on order {order.number} online", code="line_not_found",
                                 params={"product": line.get("sku"), "order": order.number})
        if qty_milli % 1000 == 0 and sold_milli % 1000 == 0:
            units = qty_milli // 1000
        else:  # weighed goods travel as 1 unit: only a full return gives the unit back
            units = 1 if qty_milli == sold_milli else 0
        if units and refunded_qty.get(remote.remote_line_id, 0) + units == remote.quantity:
            done_net, done_tax = refunded_amount.get(remote.remote_line_id, (0, 0))
            net, tax = max(0, remote.net_minor - done_net), max(0, remote.tax_minor - done_tax)
        refund = RefundLine(remote.remote_line_id, units, net, tax, remote.tax_rate_id)
        (restocked if line.get("restock") else kept).append(refund)
    parts = [(name, restock, lines) for name, restock, lines in (("restock", True, restocked), ("keep", False, kept))
             if lines]
    left = order.total_minor - sum(r.amount_minor for r in others)
    for name, _, lines in parts:
        asked = sum(ln.net_minor + ln.tax_minor for ln in lines)
        if name not in done and asked > left and lines:
            last = lines[-1]  # a cent or two of rounding: never more than the store has left to refund
            lines[-1] = RefundLine(last.remote_line_id, last.quantity, max(0, last.net_minor - (asked - left)),
                                   last.tax_minor, last.tax_rate_id)
        left -= min(asked, left)
    return parts


def _check_quantities(order: RemoteOrder, refunds: list[RemoteRefund], return_uuid: str,
                      missing: list[tuple[str, bool, list[RefundLine]]]) -> None:
    refunded: dict[int, int] = {}
    for refund in refunds:
        for line_id, qty in refund.quantities.items():
            refunded[line_id] = refunded.get(line_id, 0) + qty
    sold = {ln.remote_line_id: ln.quantity for ln in order.lines}
    for _, _, lines in missing:
        for line in lines:
            before = refunded.get(line.remote_line_id, 0)
            if line.quantity and before + line.quantity > sold.get(line.remote_line_id, 0):
                raise PermanentError(
                    f"order {order.number}: line {line.remote_line_id} was already refunded online "
                    f"({refunded.get(line.remote_line_id, 0)} of {sold.get(line.remote_line_id, 0)}); "
                    f"return {return_uuid} was not sent again", code="already_refunded", status=409,
                    params={"order": order.number})


def _park(ledger: Ledger, event: DueEvent, exc: PermanentError) -> None:
    why = reason_of(exc)
    outbox_store.mark_parked(ledger, event.event_id, why)
    with ledger.write() as session:
        append_audit(session, "return.refund_refused", user_id=None, details={
            "return": event.payload.get("return_uuid"), "receipt": event.payload.get("receipt_no"),
            "code": exc.code, "detail": exc.message[:500]})
    log.warning("refund of %s parked: %s", event.payload.get("receipt_no"), why.line())
