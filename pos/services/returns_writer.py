"""Writing a planned return: the return sale (own gapless series per till, hash-chained with the sales,
the refund as its tenders), the ``returns``/``return_lines`` rows, restocking, the audit entry, the
``return.refund`` outbox event and the return hooks, all in the caller's write transaction. Part of
:mod:`pos.services.returns`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.money import Money
from pos.domain.returns import share
from pos.domain.tax import TaxRate, breakdown
from pos.ledger.audit import append_audit
from pos.ledger.chain import chain_hash, last_sale_hash, sale_content
from pos.ledger.models import OutboxEvent, Sale, SaleLine, SaleTax, TenderRow, utcnow
from pos.ledger.returns_models import OnlineOrder, ReturnLine, ReturnRecord
from pos.ledger.stock import move_stock
from pos.services.dto import Receipt, UserView
from pos.services.returns_dto import ReturnContext, ReturnedLineInfo, ReturnRequest, ReturnResult
from pos.services.returns_outbox import add_refund_event
from pos.services.returns_plan import ReturnPlan
from pos.services.returns_tenders import RefundTender, refund_tenders
from pos.services.sales import insert_sale, next_number, receipt_from_sale
from pos.services.shift_guard import guard_shift
from pos.services.stock_adjustment_events import stock_adjustment_event

ReturnHook = Callable[[Session, ReturnContext], None]


def record_refund(session: Session, plan: ReturnPlan, request: ReturnRequest, cashier: UserView,
                  approver: UserView | None, settings: TillSettings, hooks: Sequence[ReturnHook]) -> ReturnResult:
    """Write ``plan`` refunded by its route. Raises ReturnError (the caller's transaction rolls back)."""
    now = utcnow().astimezone(UTC)
    tenders, rounding = refund_tenders(plan, request, settings.cash_rounding_minor)
    sale, context = write_return(session, plan, request, cashier, approver, tenders, rounding, now, None,
                                 settings=settings, hooks=hooks)
    return ReturnResult(return_receipt(sale, plan, settings, cashier), context)


def return_receipt(sale: Sale, plan: ReturnPlan, settings: TillSettings, cashier: UserView) -> Receipt:
    """The receipt of a return sale just written, naming the document it corrects."""
    return replace(receipt_from_sale(sale, settings, cashier.name),
                   original_receipt_no=plan.doc.number if plan.doc else None)


def write_return(session: Session, plan: ReturnPlan, request: ReturnRequest, cashier: UserView,
                 approver: UserView | None, tenders: list[RefundTender], rounding: int,
                 now: datetime, exchange_sale_uuid: str | None, *, settings: TillSettings,
                 hooks: Sequence[ReturnHook]) -> tuple[Sale, ReturnContext]:
    """The return sale and everything that goes with it; runs ``hooks`` last."""
    s = settings
    guard_shift(session, s)  # a cash refund belongs to the open shift's drawer
    doc = plan.doc
    series = f"R-{s.till_id}"
    number = next_number(session, series)
    return_uuid = str(uuid.uuid4())
    original: Sale | None = None
    online: OnlineOrder | None = None
    if plan.source == "store" and doc is not None:
        original = session.scalar(select(Sale).where(Sale.uuid == doc.ref))
    elif plan.source == "online" and doc is not None:
        online = session.get(OnlineOrder, int(doc.ref))
    customer_id = request.customer_id if request.customer_id is not None else (doc.customer_id if doc else None)
    email = (request.customer_email or (doc.customer_email if doc else "")).strip().lower()
    cur = plan.currency
    total = plan.total
    sale = Sale(
        uuid=return_uuid, kind="return", store_id=s.store_id, till_id=s.till_id, series=series, number=number,
        receipt_no=f"{series}-{number:06d}", cashier_id=cashier.user_id, customer_id=customer_id,
        original_sale_id=original.id if original is not None else None, currency=cur, subtotal_minor=total,
        discount_minor=0, total_minor=total, rounding_minor=rounding, change_minor=0, created_at=now)
    for no, ln in enumerate(plan.lines, start=1):
        gross_before = share(ln.unit_price, ln.qty_milli, 1000)
        sale.lines.append(SaleLine(
            line_no=no, product_id=ln.product_id, sku=ln.sku, name=ln.name, qty_milli=ln.qty_milli,
            unit_price_minor=ln.unit_price, discount_minor=max(0, gross_before - ln.amount),
            total_minor=ln.amount, tax_code=ln.tax_code, tax_percent=ln.tax_percent,
            original_line_id=ln.source_line_id))
    for code, percent, base, tax in _taxes(plan):
        sale.taxes.append(SaleTax(tax_code=code, tax_percent=percent, base_minor=base, tax_minor=tax))
    for kind, amount, reference in tenders:
        sale.tenders.append(TenderRow(kind=kind, amount_minor=amount, reference=reference))
    sale.prev_hash = last_sale_hash(session)
    sale.hash = chain_hash(sale.prev_hash, sale_content(sale))
    insert_sale(session, sale)
    remote_order_id = online.remote_id if online is not None else None
    api_refund = plan.route == "gateway"
    session.add(ReturnRecord(
        sale_id=sale.id, uuid=return_uuid, source=plan.source, original_sale_uuid=original.uuid if original else
        None, online_order_id=online.id if online else None, remote_order_id=remote_order_id, route=plan.route,
        api_refund=api_refund, reason=request.reason, note=request.note[:500], customer_email=email,
        approved_by=approver.user_id if approver else None, exchange_sale_uuid=exchange_sale_uuid,
        created_at=now))
    for ln in plan.lines:
        session.add(ReturnLine(
            return_sale_id=sale.id, source_line_id=ln.source_line_id, online_line_id=ln.online_line_id,
            product_id=ln.product_id, qty_milli=ln.qty_milli, amount_minor=ln.amount, net_minor=ln.net,
            tax_minor=ln.tax, restock=ln.restock, reason=request.reason))
    move_stock(session, [(ln.product_id, ln.qty_milli) for ln in plan.lines if ln.restock], "return",
               return_uuid, cashier.user_id)
    append_audit(session, "return.completed", user_id=cashier.user_id,
                 approved_by=approver.user_id if approver else None, details={
                     "return": return_uuid, "receipt": sale.receipt_no, "source": plan.source,
                     "original": doc.number if doc else None, "route": plan.route, "total": total,
                     "reason": request.reason, "approvals": list(plan.approvals),
                     "lines": [[ln.sku, ln.qty_milli, ln.amount, ln.restock] for ln in plan.lines],
                     "exchange_sale": exchange_sale_uuid})
    if plan.source in ("store", "online"):
        add_refund_event(session, sale, plan, request, original, online, api_refund, now)
    else:  # no receipt, so no order whose refund restocks online: move the online stock directly
        for ln in plan.lines:
            if ln.restock:
                session.add(OutboxEvent(**stock_adjustment_event(
                    adjustment_uuid=str(uuid.uuid5(uuid.UUID(return_uuid), f"restock:{ln.product_id}")),
                    product_id=ln.product_id, sku=ln.sku, delta_milli=ln.qty_milli, reason="return", now=now)))
    session.flush()
    context = ReturnContext(
        return_sale_id=sale.id, return_uuid=return_uuid, receipt_no=sale.receipt_no, source=plan.source,
        original_sale_id=original.id if original else None, original_sale_uuid=original.uuid if original else
        (online.pos_sale_uuid if online else None), online_order_remote_id=remote_order_id,
        customer_id=customer_id, customer_email=email,
        tenders=tuple((kind, amount) for kind, amount, _ in tenders),
        refunded_total_minor=sum(amount for _, amount, _ in tenders), currency=cur, user_id=cashier.user_id,
        approved_by=approver.user_id if approver else None,
        lines=tuple(ReturnedLineInfo(ln.product_id, ln.sku, ln.qty_milli, ln.amount, ln.source_line_id,
                                     ln.online_line_id) for ln in plan.lines))
    for hook in hooks:
        hook(session, context)
    return sale, context


def _taxes(plan: ReturnPlan) -> list[tuple[str, str, int, int]]:
    """Per-rate (code, percent, base, tax). Online lines keep the store's own net/tax split."""
    out: dict[tuple[str, str], list[int]] = {}
    local = [ln for ln in plan.lines if ln.online_line_id is None]
    for tax_line in breakdown([(TaxRate(ln.tax_code, Decimal(ln.tax_percent)), Money(ln.amount, plan.currency))
                               for ln in local], plan.currency):
        out[(tax_line.rate.code, str(tax_line.rate.percent))] = [tax_line.base.minor, tax_line.tax.minor]
    for ln in plan.lines:
        if ln.online_line_id is not None:
            pair = out.setdefault((ln.tax_code, ln.tax_percent), [0, 0])
            pair[0] += ln.net
            pair[1] += ln.tax
    return [(code, percent, base, tax) for (code, percent), (base, tax) in out.items()]
