"""Planning a return: which lines, how much each refunds (proportional to what was paid, never more
than is left), the refund route and the approvals it needs. Quotes and the recorded return both come
from a :class:`ReturnPlan`. Part of :mod:`pos.services.returns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.cart import from_milli, to_milli
from pos.domain.money import Money
from pos.domain.returns import REASONS, ROUTES, ApprovalPolicy, ReturnError, share, value_of_return
from pos.ledger.models import Product, Sale
from pos.ledger.returns_models import OnlineOrder
from pos.services.returns_approval import approvals_needed
from pos.services.returns_documents import elsewhere, online_doc, returned_online, returned_store, store_doc
from pos.services.returns_dto import QuotedLine, ReturnableDoc, ReturnItem, ReturnQuote, ReturnRequest


@dataclass
class PlannedLine:
    """A line being returned, with everything the rows and the outbox need."""

    key: str
    product_id: int
    sku: str
    name: str
    qty_milli: int
    sold_milli: int
    amount: int
    net: int
    tax: int
    restock: bool
    unit_price: int
    tax_code: str
    tax_percent: str
    source_line_id: int | None = None
    source_line_no: int | None = None
    online_line_id: int | None = None
    remote_line_id: int | None = None
    tax_rate_id: int | None = None


@dataclass
class ReturnPlan:
    source: str
    doc: ReturnableDoc | None
    lines: list[PlannedLine]
    route: str
    approvals: tuple[str, ...]
    currency: str

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def plan_return(session: Session, request: ReturnRequest, policy: ApprovalPolicy, till_currency: str, *,
                exchange: bool = False) -> ReturnPlan:
    """Check ``request`` against the ledger and plan it (``till_currency``: returns without a receipt).
    Raises ReturnError."""
    if request.reason not in REASONS:
        raise ReturnError("bad_reason", reason_code=request.reason)
    if request.source == "store":
        sale = session.scalar(select(Sale).where(Sale.uuid == (request.ref or ""), Sale.kind == "sale"))
        if sale is None:
            raise ReturnError("not_found", ref=request.ref)
        doc = store_doc(session, sale)
        lines = _store_lines(session, sale, request)
        currency = sale.currency
    elif request.source == "online":
        order = session.get(OnlineOrder, int(request.ref or 0))
        if order is None:
            raise ReturnError("not_found", ref=request.ref)
        doc = online_doc(session, order)
        lines = _online_lines(session, order, request)
        currency = order.currency
    elif request.source == "none":
        doc = None
        lines = _no_receipt_lines(session, request)
        currency = till_currency
    else:
        raise ReturnError("not_found", ref=request.ref)
    if not lines:
        raise ReturnError("nothing_selected")
    if exchange:
        route = "exchange"
    else:
        allowed = doc.routes if doc is not None else ("cash", "wallet")
        route = request.route or (doc.default_route if doc is not None else "cash")
        if route not in ROUTES or route not in allowed or route == "exchange":
            raise ReturnError("bad_route", route=route)
    customer_known = request.customer_id is not None or bool(request.customer_email) or (
        doc is not None and (doc.customer_id is not None or bool(doc.customer_email)))
    if route == "wallet" and not customer_known:
        raise ReturnError("needs_customer")
    if route == "card" and not (request.card_reference or "").strip():
        raise ReturnError("card_reference")
    total = sum(ln.amount for ln in lines)
    approvals = approvals_needed(policy, doc, total, route)
    return ReturnPlan(request.source, doc, lines, route, approvals, currency)


def quote_of(plan: ReturnPlan) -> ReturnQuote:
    """What the planned return refunds, for the screen."""
    cur = plan.currency
    return ReturnQuote(
        lines=tuple(QuotedLine(ln.key, ln.product_id, ln.sku, ln.name, from_milli(ln.qty_milli),
                               Money(ln.amount, cur), ln.restock) for ln in plan.lines),
        total=Money(plan.total, cur), route=plan.route, approvals=plan.approvals)


def _store_lines(session: Session, sale: Sale, request: ReturnRequest) -> list[PlannedLine]:
    by_key = {f"s:{ln.id}": ln for ln in sale.lines}
    returned = returned_store(session, [ln.id for ln in sale.lines])
    refunded_elsewhere = elsewhere(session, sale)
    out = []
    for item in _merged(request):
        ln = by_key.get(item.key)
        if ln is None:
            raise ReturnError("unknown_line", key=item.key)
        qty = _milli(item.quantity)
        before_qty = returned.get(ln.id, (0, 0))[0] + refunded_elsewhere.get(ln.id, 0)
        if before_qty + qty > ln.qty_milli:
            raise ReturnError("too_many", name=ln.name,
                              returnable=str(from_milli(max(0, ln.qty_milli - before_qty))))
        amount = value_of_return(ln.total_minor, ln.qty_milli, before_qty, qty)
        out.append(PlannedLine(
            key=item.key, product_id=ln.product_id, sku=ln.sku, name=ln.name, qty_milli=qty,
            sold_milli=ln.qty_milli, amount=amount, net=0, tax=0, restock=item.restock,
            unit_price=ln.unit_price_minor, tax_code=ln.tax_code, tax_percent=ln.tax_percent,
            source_line_id=ln.id, source_line_no=ln.line_no))
    return out


def _online_lines(session: Session, order: OnlineOrder, request: ReturnRequest) -> list[PlannedLine]:
    by_key = {f"o:{ln.id}": ln for ln in order.lines}
    returned = returned_online(session, [ln.id for ln in order.lines])
    out = []
    for item in _merged(request):
        ln = by_key.get(item.key)
        if ln is None:
            raise ReturnError("unknown_line", key=item.key)
        if ln.product_id is None:
            raise ReturnError("unknown_product", name=ln.name)
        qty = _milli(item.quantity)
        if qty % 1000:
            raise ReturnError("whole_units", name=ln.name)  # online quantities are whole units
        here = returned.get(ln.id, (0, 0, 0))[0]
        before = here + ln.refunded_elsewhere_milli
        if before + qty > ln.qty_milli:
            raise ReturnError("too_many", name=ln.name, returnable=str(from_milli(max(0, ln.qty_milli - before))))
        net = value_of_return(ln.net_minor, ln.qty_milli, before, qty)
        tax = value_of_return(ln.tax_minor, ln.qty_milli, before, qty) if ln.tax_minor else 0
        product = session.get(Product, ln.product_id)
        assert product is not None
        unit = share(ln.net_minor + ln.tax_minor, 1000, ln.qty_milli)
        out.append(PlannedLine(
            key=item.key, product_id=ln.product_id, sku=ln.sku or product.sku, name=ln.name, qty_milli=qty,
            sold_milli=ln.qty_milli, amount=net + tax, net=net, tax=tax, restock=item.restock, unit_price=unit,
            tax_code=product.tax_rate.code, tax_percent=product.tax_rate.percent, online_line_id=ln.id,
            remote_line_id=ln.remote_line_id, tax_rate_id=ln.tax_rate_remote_id))
    return out


def _no_receipt_lines(session: Session, request: ReturnRequest) -> list[PlannedLine]:
    out = []
    for item in request.no_receipt_items:
        product = session.get(Product, item.product_id)
        if product is None:
            raise ReturnError("unknown_product", product_id=item.product_id)
        qty = _milli(item.quantity)
        amount = share(product.price_minor, qty, 1000)
        out.append(PlannedLine(
            key=f"p:{product.id}", product_id=product.id, sku=product.sku, name=product.name, qty_milli=qty,
            sold_milli=qty, amount=amount, net=0, tax=0, restock=item.restock, unit_price=product.price_minor,
            tax_code=product.tax_rate.code, tax_percent=product.tax_rate.percent))
    return out


def _merged(request: ReturnRequest) -> list[ReturnItem]:
    """Items with a quantity, one per line (the same line twice is added up)."""
    merged: dict[str, tuple[Decimal, bool]] = {}
    for item in request.items:
        if item.quantity <= 0:
            continue
        qty, restock = merged.get(item.key, (Decimal(0), item.restock))
        merged[item.key] = (qty + item.quantity, restock and item.restock)
    return [ReturnItem(key, qty, restock) for key, (qty, restock) in merged.items()]


def _milli(quantity: Decimal) -> int:
    if quantity <= 0 or quantity != quantity.quantize(Decimal("0.001")):
        raise ReturnError("bad_quantity", quantity=str(quantity))
    return to_milli(Decimal(quantity))
