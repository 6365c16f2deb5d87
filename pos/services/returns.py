"""Returns and exchanges at the till (one transaction each).

A return is a ``sales`` row of ``kind='return'`` in its own gapless series per till (``R-T01-000001``),
amounts **positive** (the kind says the money goes out), hash-chained with the sales, with the refund
as its tenders (cash, card with the terminal's reference, wallet = store credit, gateway = paid back
online by the store, exchange = credited to a new sale). ``returns``/``return_lines`` record what
was taken back from which original line: a line is never refunded twice. Online orders (and sales
of other tills, which reach this till through the store) count what the store says others refunded.

Restocked lines go back into this store's stock (movement reason ``return``); damaged ones do not.
The ``return.refund`` outbox event makes the store refund the order (``api_refund`` only for the
gateway route) and restock online exactly once (``sync/returns_push.py``). ``return_hooks`` run in
the same transaction (the wallet credits store credit and takes back cashback there).

See docs/RETURNS.md.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.cart import Cart, from_milli, to_milli
from pos.domain.errors import PaymentError
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind, round_cash, settle
from pos.domain.returns import REASONS, ROUTES, ApprovalPolicy, ReturnError, share, value_of_return
from pos.domain.tax import TaxRate, breakdown
from pos.ledger.audit import append_audit
from pos.ledger.chain import chain_hash, last_sale_hash, sale_content
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, Product, Sale, SaleLine, SaleTax, TenderRow, User, utcnow
from pos.ledger.returns_models import OnlineOrder, ReturnLine, ReturnRecord
from pos.ledger.stock import move_stock
from pos.services.auth import AuthService
from pos.services.dto import Receipt, UserView
from pos.services.returns_dto import (
    QuotedLine,
    ReturnableDoc,
    ReturnableLine,
    ReturnContext,
    ReturnedLineInfo,
    ReturnItem,
    ReturnQuote,
    ReturnRequest,
    ReturnResult,
)
from pos.services.sales import SaleService, insert_sale, next_number, receipt_from_sale
from pos.services.shift_guard import guard_shift

ReturnHook = Callable[[Session, ReturnContext], None]
REFUND_EVENT = "return.refund"
PAID_AT_STORE = frozenset({"cod", ""})  # online orders paid on collection/delivery: no gateway to refund
_RECEIPT_NO = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*-\d{4,}$")


def online_aggregate(remote_order_id: int) -> str:
    """The outbox aggregate of an online order's refunds: they are delivered one at a time, in order."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mostrador:online-order:{remote_order_id}"))


def original_reference(session: Session, sale: Sale) -> str | None:
    """The receipt or online order number a return sale corrects."""
    if sale.original_sale_id is not None:
        return session.scalar(select(Sale.receipt_no).where(Sale.id == sale.original_sale_id))
    row = session.execute(select(OnlineOrder.receipt_no, OnlineOrder.number).join(
        ReturnRecord, ReturnRecord.online_order_id == OnlineOrder.id).where(ReturnRecord.sale_id == sale.id)).first()
    if row is None:
        return None
    return row[0] or f"#{row[1]}"


@dataclass
class _Line:
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
class _Plan:
    source: str
    doc: ReturnableDoc | None
    lines: list[_Line]
    route: str
    approvals: tuple[str, ...]
    currency: str

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


class ReturnService:
    """Find what can be returned, quote a return, and record it (refund, or exchange with a new sale).

    ``return_hooks`` run inside the return's transaction after its rows are written, each with the
    session and a :class:`ReturnContext`; an exception there rolls the whole return back.
    """

    def __init__(self, ledger: Ledger, settings: TillSettings, auth: AuthService, sales: SaleService, *,
                 return_hooks: Sequence[ReturnHook] = ()) -> None:
        self._ledger = ledger
        self._settings = settings
        self._auth = auth
        self._sales = sales
        self._hooks = return_hooks  # kept by reference: the composition root may add hooks after building us
        self._policy = ApprovalPolicy(settings.refund_approval_minor, settings.return_days)

    @property
    def currency(self) -> str:
        return self._settings.currency

    # --- finding ---------------------------------------------------------------------------
    def find(self, text: str) -> list[ReturnableDoc]:
        """Receipts and online orders matching a scanned/typed receipt number, an online order
        number (``#1234`` or ``1234``) or a customer e-mail, from the local ledger. Newest first."""
        text = text.strip()
        if not text:
            return []
        found: list[ReturnableDoc] = []
        with self._ledger.read() as session:
            sale = session.scalar(select(Sale).where(func.upper(Sale.receipt_no) == text.upper(),
                                                     Sale.kind == "sale"))
            if sale is not None:
                found.append(self._store_doc(session, sale))
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
                found.append(self._online_doc(session, order))
        return found

    @staticmethod
    def looks_like_receipt(text: str) -> bool:
        """``T02-000123``-shaped (a receipt scanned or typed, maybe from another till)."""
        return bool(_RECEIPT_NO.match(text.strip()))

    def document(self, source: str, ref: str) -> ReturnableDoc:
        with self._ledger.read() as session:
            if source == "store":
                sale = session.scalar(select(Sale).where(Sale.uuid == ref, Sale.kind == "sale"))
                if sale is None:
                    raise ReturnError("not_found", ref=ref)
                return self._store_doc(session, sale)
            if source == "online":
                order = session.get(OnlineOrder, int(ref))
                if order is None:
                    raise ReturnError("not_found", ref=ref)
                return self._online_doc(session, order)
        raise ReturnError("not_found", ref=ref)

    @staticmethod
    def _elsewhere(session: Session, sale: Sale) -> dict[int, int]:
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

    def _store_doc(self, session: Session, sale: Sale) -> ReturnableDoc:
        returned = self._returned_store(session, [ln.id for ln in sale.lines])
        for line_id, qty in self._elsewhere(session, sale).items():
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

    def _online_doc(self, session: Session, order: OnlineOrder) -> ReturnableDoc:
        returned = self._returned_online(session, [ln.id for ln in order.lines])
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

    @staticmethod
    def _returned_store(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int]]:
        """Sale line id → (quantity, amount) already returned."""
        rows = session.execute(select(ReturnLine.source_line_id, func.sum(ReturnLine.qty_milli),
                                      func.sum(ReturnLine.amount_minor))
                               .where(ReturnLine.source_line_id.in_(line_ids)).group_by(ReturnLine.source_line_id))
        return {int(lid): (int(q), int(a)) for lid, q, a in rows if lid is not None}

    @staticmethod
    def _returned_online(session: Session, line_ids: list[int]) -> dict[int, tuple[int, int, int]]:
        """Online line id → (quantity, net, tax) returned at this till."""
        rows = session.execute(select(ReturnLine.online_line_id, func.sum(ReturnLine.qty_milli),
                                      func.sum(ReturnLine.net_minor), func.sum(ReturnLine.tax_minor))
                               .where(ReturnLine.online_line_id.in_(line_ids)).group_by(ReturnLine.online_line_id))
        return {int(lid): (int(q), int(n), int(t)) for lid, q, n, t in rows if lid is not None}

    # --- quoting -----------------------------------------------------------------------------
    def quote(self, request: ReturnRequest) -> ReturnQuote:
        """What the return would refund and whether a manager must approve it. Raises ReturnError."""
        with self._ledger.read() as session:
            plan = self._plan(session, request)
        cur = plan.currency
        return ReturnQuote(
            lines=tuple(QuotedLine(ln.key, ln.product_id, ln.sku, ln.name, from_milli(ln.qty_milli),
                                   Money(ln.amount, cur), ln.restock) for ln in plan.lines),
            total=Money(plan.total, cur), route=plan.route, approvals=plan.approvals)

    def _plan(self, session: Session, request: ReturnRequest, *, exchange: bool = False) -> _Plan:
        if request.reason not in REASONS:
            raise ReturnError("bad_reason", reason_code=request.reason)
        if request.source == "store":
            sale = session.scalar(select(Sale).where(Sale.uuid == (request.ref or ""), Sale.kind == "sale"))
            if sale is None:
                raise ReturnError("not_found", ref=request.ref)
            doc = self._store_doc(session, sale)
            lines = self._store_lines(session, sale, request)
            currency = sale.currency
        elif request.source == "online":
            order = session.get(OnlineOrder, int(request.ref or 0))
            if order is None:
                raise ReturnError("not_found", ref=request.ref)
            doc = self._online_doc(session, order)
            lines = self._online_lines(session, order, request)
            currency = order.currency
        elif request.source == "none":
            doc = None
            lines = self._no_receipt_lines(session, request)
            currency = self._settings.currency
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
        age = (utcnow() - doc.created_at).days if doc is not None else None
        approvals = self._policy.reasons(total_minor=total, has_receipt=doc is not None, route=route,
                                         paid_by_card=doc.paid_by_card if doc is not None else False, age_days=age)
        return _Plan(request.source, doc, lines, route, approvals, currency)

    def _store_lines(self, session: Session, sale: Sale, request: ReturnRequest) -> list[_Line]:
        by_key = {f"s:{ln.id}": ln for ln in sale.lines}
        returned = self._returned_store(session, [ln.id for ln in sale.lines])
        elsewhere = self._elsewhere(session, sale)
        out = []
        for item in _merged(request):
            ln = by_key.get(item.key)
            if ln is None:
                raise ReturnError("unknown_line", key=item.key)
            qty = _milli(item.quantity)
            before_qty = returned.get(ln.id, (0, 0))[0] + elsewhere.get(ln.id, 0)
            if before_qty + qty > ln.qty_milli:
                raise ReturnError("too_many", name=ln.name,
                                  returnable=str(from_milli(max(0, ln.qty_milli - before_qty))))
            amount = value_of_return(ln.total_minor, ln.qty_milli, before_qty, qty)
            out.append(_Line(
                key=item.key, product_id=ln.product_id, sku=ln.sku, name=ln.name, qty_milli=qty,
                sold_milli=ln.qty_milli, amount=amount, net=0, tax=0, restock=item.restock,
                unit_price=ln.unit_price_minor, tax_code=ln.tax_code, tax_percent=ln.tax_percent,
                source_line_id=ln.id, source_line_no=ln.line_no))
        return out

    def _online_lines(self, session: Session, order: OnlineOrder, request: ReturnRequest) -> list[_Line]:
        by_key = {f"o:{ln.id}": ln for ln in order.lines}
        returned = self._returned_online(session, [ln.id for ln in order.lines])
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
            out.append(_Line(
                key=item.key, product_id=ln.product_id, sku=ln.sku or product.sku, name=ln.name, qty_milli=qty,
                sold_milli=ln.qty_milli, amount=net + tax, net=net, tax=tax, restock=item.restock, unit_price=unit,
                tax_code=product.tax_rate.code, tax_percent=product.tax_rate.percent, online_line_id=ln.id,
                remote_line_id=ln.remote_line_id, tax_rate_id=ln.tax_rate_remote_id))
        return out

    def _no_receipt_lines(self, session: Session, request: ReturnRequest) -> list[_Line]:
        out = []
        for item in request.no_receipt_items:
            product = session.get(Product, item.product_id)
            if product is None:
                raise ReturnError("unknown_product", product_id=item.product_id)
            qty = _milli(item.quantity)
            amount = share(product.price_minor, qty, 1000)
            out.append(_Line(
                key=f"p:{product.id}", product_id=product.id, sku=product.sku, name=product.name, qty_milli=qty,
                sold_milli=qty, amount=amount, net=0, tax=0, restock=item.restock, unit_price=product.price_minor,
                tax_code=product.tax_rate.code, tax_percent=product.tax_rate.percent))
        return out

    # --- recording ---------------------------------------------------------------------------
    def refund(self, request: ReturnRequest, cashier: UserView, *, approver_pin: str | None = None) -> ReturnResult:
        """Record a return and its refund by ``request.route``. Raises ReturnError (nothing changed),
        ApprovalRequired (call again with a manager's ``approver_pin``), AuthError."""
        with self._ledger.read() as session:
            plan = self._plan(session, request)
        approver = self._approve(plan, cashier, approver_pin)
        with self._ledger.write() as session:
            plan = self._plan(session, request)  # again, inside the writer lock: nobody returned it meanwhile
            now = utcnow().astimezone(UTC)
            tenders, rounding = self._refund_tenders(plan, request)
            sale, context = self._write_return(session, plan, request, cashier, approver, tenders, rounding, now, None)
            receipt = replace(receipt_from_sale(sale, self._settings, cashier.name),
                              original_receipt_no=plan.doc.number if plan.doc else None)
            return ReturnResult(receipt, context)

    def exchange(self, request: ReturnRequest, cart: Cart, payment: Sequence[Tender], cashier: UserView, *,
                 approver_pin: str | None = None, customer_id: int | None = None) -> ReturnResult:
        """Return goods and sell ``cart`` in one transaction. The returned value pays the new sale
        (tender ``exchange``); ``payment`` covers what the new sale costs beyond it (the customer
        pays the difference); when the return is worth more, the rest is refunded by
        ``request.route``. Raises ReturnError, PaymentError, ApprovalRequired."""
        if cart.is_empty:
            raise ReturnError("empty_exchange")
        with self._ledger.read() as session:
            plan = self._plan(session, request, exchange=True)
        approver = self._approve(plan, cashier, approver_pin)
        with self._ledger.write() as session:
            plan = self._plan(session, request, exchange=True)
            now = utcnow().astimezone(UTC)
            sale_total = cart.totals().total
            credit = min(plan.total, sale_total.minor)
            tenders: list[tuple[str, int, str | None]] = [("exchange", credit, None)]
            rounding = 0
            if plan.total > sale_total.minor:  # the customer gets the difference back
                extra = plan.total - sale_total.minor
                route = request.route or (plan.doc.default_route if plan.doc else "cash")
                if plan.doc is not None and route not in plan.doc.routes:
                    raise ReturnError("bad_route", route=route)
                rest, rounding = self._tender_for(route, extra, plan.currency, request)
                tenders.append(rest)
            sale_tenders = [Tender(TenderKind.EXCHANGE, Money(credit, cart.currency))] if credit else []
            sale_tenders += list(payment)
            settlement = settle(sale_total, sale_tenders, self._settings.cash_rounding_minor)
            if not settlement.complete:
                raise PaymentError("not_fully_paid", remaining=settlement.remaining.to_api())
            sale_uuid = str(uuid.uuid4())
            ret, context = self._write_return(session, plan, request, cashier, approver, tenders, rounding, now,
                                              sale_uuid)
            new_sale = self._sales.write_in(session, cart, sale_tenders, settlement, cashier,
                                            customer_id if customer_id is not None else request.customer_id,
                                            sale_uuid, now)
            receipt = replace(receipt_from_sale(ret, self._settings, cashier.name),
                              original_receipt_no=plan.doc.number if plan.doc else None)
            return ReturnResult(receipt, context, receipt_from_sale(new_sale, self._settings, cashier.name))

    def exchange_due(self, request: ReturnRequest, cart: Cart) -> Money:
        """What the customer still pays for ``cart`` after the returned goods (0 when the return covers it)."""
        with self._ledger.read() as session:
            plan = self._plan(session, request, exchange=True)
        return Money(max(0, cart.totals().total.minor - plan.total), cart.currency)

    def _approve(self, plan: _Plan, cashier: UserView, pin: str | None) -> UserView | None:
        if not plan.approvals:
            return None
        details = {"approvals": list(plan.approvals), "total": plan.total,
                   "original": plan.doc.number if plan.doc else None, "route": plan.route}
        if cashier.is_manager and not pin:
            return cashier
        return self._auth.approve(pin, "return", requested_by=cashier.user_id, details=details)

    def _refund_tenders(self, plan: _Plan, request: ReturnRequest) -> tuple[list[tuple[str, int, str | None]], int]:
        tender, rounding = self._tender_for(plan.route, plan.total, plan.currency, request)
        return [tender], rounding

    def _tender_for(self, route: str, amount: int, currency: str,
                    request: ReturnRequest) -> tuple[tuple[str, int, str | None], int]:
        if route == "cash":
            rounded = round_cash(Money(amount, currency), self._settings.cash_rounding_minor).minor
            return ("cash", rounded, None), rounded - amount
        if route == "card":
            reference = (request.card_reference or "").strip()
            if not reference:
                raise ReturnError("card_reference")
            return ("card", amount, reference[:64]), 0
        return (route, amount, None), 0

    def _write_return(self, session: Session, plan: _Plan, request: ReturnRequest, cashier: UserView,
                      approver: UserView | None, tenders: list[tuple[str, int, str | None]], rounding: int,
                      now: datetime, exchange_sale_uuid: str | None) -> tuple[Sale, ReturnContext]:
        s = self._settings
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
        for code, percent, base, tax in self._taxes(plan):
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
            self._outbox(session, sale, plan, request, original, online, api_refund, now)
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
        for hook in self._hooks:
            hook(session, context)
        return sale, context

    @staticmethod
    def _taxes(plan: _Plan) -> list[tuple[str, str, int, int]]:
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

    def _outbox(self, session: Session, sale: Sale, plan: _Plan, request: ReturnRequest, original: Sale | None,
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

    # --- reading back ------------------------------------------------------------------------
    def receipt(self, return_uuid: str) -> Receipt:
        with self._ledger.read() as session:
            sale = session.scalar(select(Sale).where(Sale.uuid == return_uuid, Sale.kind == "return"))
            if sale is None:
                raise ReturnError("not_found", ref=return_uuid)
            cashier = session.get(User, sale.cashier_id)
            return replace(receipt_from_sale(sale, self._settings, cashier.name if cashier else "?"),
                           original_receipt_no=original_reference(session, sale))


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
