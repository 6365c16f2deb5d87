"""Finding what can be returned: receipts of this till and online orders (which include sales of other
tills, reaching this till through the store), each line with what is still returnable and the refund
routes the document allows. Reads the local ledger only; part of :mod:`pos.services.returns`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pos.domain.cart import from_milli
from pos.domain.money import Money
from pos.domain.returns import ReturnError
from pos.domain.tax import TaxRate
from pos.ledger.models import Product, Sale
from pos.ledger.returns_models import OnlineOrder, ReturnLine, ReturnRecord
from pos.services.returns_dto import ReturnableDoc, ReturnableLine

PAID_AT_STORE = frozenset({"cod", ""})  # online orders paid on collection/delivery: no gateway to refund
_RECEIPT_NO = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*-\d{4,}$")


def looks_like_receipt(text: str) -> bool:
    """``T02-000123``-shaped (a receipt scanned or typed, maybe from another till)."""
    return bool(_RECEIPT_NO.match(text.strip()))


def find_documents(session: Session, text: str) -> list[ReturnableDoc]:
    """Receipts and online orders matching ``text`` (stripped, not empty): a receipt number, an online
    order number (``#1234`` or ``1234``) or a customer e-mail. Newest first."""
    found: list[ReturnableDoc] = []
    sale = session.scalar(select(Sale).where(func.upper(Sale.receipt_no) == text.upper(),
                                             Sale.kind == "sale"))
    if sale is not None:
        found.append(store_doc(session, sale))
    number = text.lstrip("#")
    query = select(OnlineOrder).order_by(OnlineOrder.created_at.desc()).limit(20)
    if "@" in text:
        query = query.where(OnlineOrder.email == text.lower())
    else:
        query = query.where(or_(OnlineOrder.number == number, func.upper(OnlineOrder.receipt_no) ==
                                text.upper()))
    for order in session.scalars(query).unique():
        if order.pos_sale_uuid and session.scalar(select(Sale.id).where(Sale.uuid == order.pos_sale_uuid)):
            continue  # the POS order of a sale of this till: the sale itself is the document
        found.append(online_doc(session, order))
    return found


def load_document(session: Session, source: str, ref: str) -> ReturnableDoc:
    """One document by ``source`` (``store``: sale UUID; ``online``: online order id). Raises ReturnError."""
    if source == "store":
        sale = session.scalar(select(Sale).where(Sale.uuid == ref, Sale.kind == "sale"))
        if sale is None:
            raise ReturnError("not_found", ref=ref)
        return store_doc(session, sale)
    if source == "online":
        order = session.get(OnlineOrder, int(ref))
        if order is None:
            raise ReturnError("not_found", ref=ref)
        return online_doc(session, order)
    raise ReturnError("not_found", ref=ref)


def elsewhere(session: Session, sale: Sale) -> dict[int, int]:
    """Sale line id → quantity other tills (or the web admin) refunded on the sale's POS order, as
    last read from the store (line positions match: the order was built from the sale's lines)."""
    order = session.scalar(select(OnlineOrder).where(OnlineOrder.pos_sale_uuid == sale.uuid))
    if order is None:
        return {}
    by_position = {ln.position: ln.refunded_elsewhere_milli for ln in order.lines}
    out = {}
    for ln in sale.lines:
        units = by_position.get(ln.line_no, 0)
        if units:  # weighed lines travel as one unit: refunded at all means refunded whole
            out[ln.id] = min(ln.qty_milli, units if ln.qty_milli % 1000 == 0 else ln.qty_milli)
    return out


def store_doc(session: Session, sale: Sale) -> ReturnableDoc:
    """A sale of this till as a returnable document."""
    returned = returned_store(session, [ln.id for ln in sale.lines])
    for line_id, qty in elsewhere(session, sale).items():
        here = returned.get(line_id, (0, 0))
        returned[line_id] = (here[0] + qty, here[1])
    kinds = [t.kind for t in sale.tenders]
    lines = tuple(
        ReturnableLine(
            key=f"s:{ln.id}", product_id=ln.product_id, sku=ln.sku, name=ln.name, sold=from_milli(ln.qty_milli),
            returned=from_milli(returned.get(ln.id, (0, 0))[0]),
            returnable=from_milli(ln.qty_milli - returned.get(ln.id, (0, 0))[0]),
            total=Money(ln.total_minor, sale.currency),
            tax_label=TaxRate(ln.tax_code, Decimal(ln.tax_percent)).label)
        for ln in sale.lines)
    routes = ["cash"]
    if "card" in kinds:
        routes.insert(0, "card")
    if sale.customer_id is not None:
        routes.append("wallet")
    default = "card" if "card" in kinds else ("wallet" if "wallet" in kinds and "wallet" in routes else "cash")
    name, email = "", ""
    return ReturnableDoc(
        source="store", ref=sale.uuid, number=sale.receipt_no, created_at=sale.created_at,
        customer_id=sale.customer_id, customer_name=name, customer_email=email,
        paid_with=", ".join(dict.fromkeys(kinds)), paid_by_card="card" in kinds,
        total=Money(sale.total_minor + sale.rounding_minor, sale.currency), lines=lines, routes=tuple(routes),
        default_route=default, remote_order_id=None, checked_online_at=None)


def online_doc(session: Session, order: OnlineOrder) -> ReturnableDoc:
    """An online order (or another till's sale, through its POS order) as a returnable document."""
    returned = returned_online(session, [ln.id for ln in order.lines])
    lines = []
    for ln in order.lines:
        before = returned.get(ln.id, (0, 0, 0))[0] + ln.refunded_elsewhere_milli
        label = ""
        if ln.product_id is not None:
            product = session.get(Product, ln.product_id)
            label = TaxRate(product.tax_rate.code, Decimal(product.tax_rate.percent)).label if product else ""
        lines.append(ReturnableLine(
            key=f"o:{ln.id}", product_id=ln.product_id, sku=ln.sku, name=ln.name, sold=from_milli(ln.qty_milli),
            returned=from_milli(min(before, ln.qty_milli)),
            returnable=from_milli(max(0, ln.qty_milli - before)) if ln.product_id is not None else Decimal(0),
            total=Money(ln.net_minor + ln.tax_minor, order.currency), tax_label=label))
    gateway = order.paid and order.payment_method not in PAID_AT_STORE and not order.pos_sale_uuid
    # Another till's sale: its POS order says how it was paid ("card", "pos_split" for a mix).
    till_card = bool(order.pos_sale_uuid) and order.payment_method in ("card", "pos_split")
    routes = (["gateway"] if gateway else []) + (["card"] if till_card else []) + ["cash"]
    if order.customer_remote_id or order.email:
        routes.append("wallet")
    return ReturnableDoc(
        source="online", ref=str(order.id), number=order.receipt_no or order.number, created_at=order.created_at,
        customer_id=None, customer_name=order.customer_name, customer_email=order.email,
        paid_with=order.payment_title or order.payment_method, paid_by_card=gateway or till_card,
        total=Money(order.total_minor, order.currency), lines=tuple(lines), routes=tuple(routes),
        default_route=routes[0], remote_order_id=order.remote_id, checked_online_at=order.refunds_checked_at,
        status=order.status)


def returned_store(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Sale line id → (quantity, amount) already returned."""
    rows = session.execute(select(ReturnLine.source_line_id, func.sum(ReturnLine.qty_milli),
                                  func.sum(ReturnLine.amount_minor))
                           .where(ReturnLine.source_line_id.in_(line_ids)).group_by(ReturnLine.source_line_id))
    return {int(lid): (int(q), int(a)) for lid, q, a in rows if lid is not None}


def returned_online(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """Online line id → (quantity, net, tax) returned at this till."""
    rows = session.execute(select(ReturnLine.online_line_id, func.sum(ReturnLine.qty_milli),
                                  func.sum(ReturnLine.net_minor), func.sum(ReturnLine.tax_minor))
                           .where(ReturnLine.online_line_id.in_(line_ids)).group_by(ReturnLine.online_line_id))
    return {int(lid): (int(q), int(n), int(t)) for lid, q, n, t in rows if lid is not None}


def original_reference(session: Session, sale: Sale) -> str | None:
    """The receipt or online order number a return sale corrects."""
    if sale.original_sale_id is not None:
        return session.scalar(select(Sale.receipt_no).where(Sale.id == sale.original_sale_id))
    row = session.execute(select(OnlineOrder.receipt_no, OnlineOrder.number).join(
        ReturnRecord, ReturnRecord.online_order_id == OnlineOrder.id).where(ReturnRecord.sale_id == sale.id)).first()
    if row is None:
        return None
    return row[0] or f"#{row[1]}"
