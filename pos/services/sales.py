"""Completing a sale: one transaction with the sale, its lines, taxes and tenders, the stock
movements, the audit entry and the ``sale.completed`` outbox event. All of it or none of it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.cart import Cart, CartTotals, from_milli, to_milli
from pos.domain.errors import PaymentError
from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender, settle
from pos.domain.tax import TaxRate
from pos.ledger.audit import append_audit
from pos.ledger.chain import chain_hash, last_sale_hash, sale_content
from pos.ledger.db import Ledger, classify_operational_error
from pos.ledger.fast_insert import PreparedInsert, PreparedQuery, fetch_rows
from pos.ledger.loyalty_models import Customer, WalletMovement
from pos.ledger.models import (
    OutboxEvent,
    Product,
    ReceiptCounter,
    Sale,
    SaleLine,
    SaleTax,
    TenderRow,
    User,
    utcnow,
)
from pos.ledger.sale_rows import LineRow, SaleRow, TaxRow, TenderLine
from pos.ledger.stock import move_stock
from pos.services.dto import Receipt, ReceiptLine, ReceiptTax, ReceiptTender, UserView
from pos.services.errors import NotFound, StorageError
from pos.services.shift_guard import guard_shift

# Built once: compiling statements per sale costs more than writing them.
_COUNTERS = ReceiptCounter.__table__
_BUMP_COUNTER = PreparedQuery(_COUNTERS.update().where(_COUNTERS.c.series == bindparam("s"))
                              .values(last_number=_COUNTERS.c.last_number + 1).returning(_COUNTERS.c.last_number))
_SALE_COLUMNS = [c.key for c in Sale.__table__.columns if c.key != "id"]
_INSERT_SALE = PreparedInsert(Sale.__table__, _SALE_COLUMNS)
_CHILDREN = [(PreparedInsert(t, ["sale_id", *keys]), keys, attr)
             for t, attr in ((SaleLine.__table__, "lines"), (SaleTax.__table__, "taxes"),
                             (TenderRow.__table__, "tenders"))
             for keys in ([c.key for c in t.columns if c.key not in ("id", "sale_id")],)]
_INSERT_OUTBOX = PreparedInsert(OutboxEvent.__table__, [c.key for c in OutboxEvent.__table__.columns if c.key != "id"])

# Runs inside the sale's transaction after the sale is written (e.g. the wallet turns its holds into the
# payment and books cashback); raising rolls the whole sale back.
SaleHook = Callable[[Session, SaleRow], None]


_PRODUCTS = Product.__table__.name


def _remote_ids_sql(n: int) -> str:
    return f"SELECT id, remote_id, remote_parent_id FROM {_PRODUCTS} WHERE id IN ({', '.join('?' * n)})"


def next_number(session: Session, series: str) -> int:
    """Gapless: the counter row is bumped inside the caller's transaction, so a rollback un-bumps it."""
    number = _BUMP_COUNTER.scalar(session, {"s": series})
    if number is None:
        session.connection().execute(_COUNTERS.insert(), {"series": series, "last_number": 1})
        number = 1
    return int(number)


def receipt_from_sale(sale: Sale | SaleRow, settings: TillSettings, cashier_name: str) -> Receipt:
    cur = sale.currency
    return Receipt(
        sale_uuid=sale.uuid, kind=sale.kind, receipt_no=sale.receipt_no, created_at=sale.created_at,
        store_name=settings.store_name, tax_id=settings.tax_id, address=settings.address,
        till_id=sale.till_id, cashier=cashier_name,
        lines=tuple(
            ReceiptLine(ln.name, ln.sku, from_milli(ln.qty_milli), Money(ln.unit_price_minor, cur),
                        Money(ln.discount_minor, cur), Money(ln.total_minor, cur), ln.tax_code)
            for ln in sale.lines
        ),
        taxes=tuple(
            ReceiptTax(TaxRate(t.tax_code, Decimal(t.tax_percent)).label, Money(t.base_minor, cur),
                       Money(t.tax_minor, cur))
            for t in sorted(sale.taxes, key=lambda t: -Decimal(t.tax_percent))
        ),
        tenders=tuple(ReceiptTender(t.kind, Money(t.amount_minor, cur), t.reference) for t in sale.tenders),
        subtotal=Money(sale.subtotal_minor, cur), discount=Money(sale.discount_minor, cur),
        rounding=Money(sale.rounding_minor, cur), total=Money(sale.total_minor + sale.rounding_minor, cur),
        change=Money(sale.change_minor, cur), footer=settings.receipt_footer,
    )


def with_customer(session: Session, receipt: Receipt, sale: Sale | SaleRow) -> Receipt:
    """The receipt of a sale to a loyalty customer names them and the cashback the ticket earned."""
    if sale.customer_id is None:
        return receipt
    names = session.execute(select(Customer.first_name, Customer.last_name)
                            .where(Customer.id == sale.customer_id)).first()
    earned = session.scalar(select(WalletMovement.amount_minor).where(
        WalletMovement.sale_uuid == sale.uuid, WalletMovement.reason == "cashback"))
    return replace(receipt, customer=" ".join(p for p in names if p) if names else "",
                   cashback=Money(int(earned), sale.currency) if earned else None)


def insert_sale(session: Session, sale: Sale | SaleRow) -> None:
    """Write a built (not yet added) sale with its lines, taxes and tenders using plain executemany:
    the ORM's unit of work costs more than the disk on the commit path."""
    sale.id = _INSERT_SALE.one(session, {k: getattr(sale, k) for k in _SALE_COLUMNS})
    for statement, keys, attr in _CHILDREN:
        rows = getattr(sale, attr)
        if rows:
            statement.many(session, [{"sale_id": sale.id, **{k: getattr(r, k) for k in keys}} for r in rows])


def chained_sale(session: Session, settings: TillSettings, kind: str, cart: Cart, totals: CartTotals,
                 tenders: Sequence[Tender], settlement: Settlement, cashier: UserView, customer_id: int | None,
                 sale_uuid: str, now: datetime) -> SaleRow:
    """A settled ticket of ``kind`` as rows (``pos/ledger/sale_rows.py``) with its lines, taxes and tenders,
    the next number of the till's series and its hash-chain fields; not yet inserted (``insert_sale``).
    Checked inside the caller's write transaction: a shift cannot close between the check and the commit."""
    guard_shift(session, settings)
    series = settings.till_id
    number = next_number(session, series)
    sale = SaleRow(
        uuid=sale_uuid, kind=kind, store_id=settings.store_id, till_id=settings.till_id, series=series,
        number=number, receipt_no=f"{series}-{number:06d}", cashier_id=cashier.user_id, customer_id=customer_id,
        currency=cart.currency, subtotal_minor=totals.subtotal.minor, discount_minor=totals.discount_total.minor,
        total_minor=totals.total.minor, rounding_minor=settlement.rounding.minor,
        change_minor=settlement.change.minor, created_at=now,
    )
    for no, (line, lt) in enumerate(zip(cart.lines, totals.lines, strict=True), start=1):
        sale.lines.append(LineRow(
            line_no=no, product_id=line.product.product_id, sku=line.product.sku, name=line.product.name,
            qty_milli=to_milli(line.quantity), unit_price_minor=line.product.unit_price.minor,
            discount_minor=(lt.line_discount + lt.ticket_discount).minor, total_minor=lt.total.minor,
            tax_code=line.product.tax_rate.code, tax_percent=str(line.product.tax_rate.percent),
        ))
    for tax in totals.taxes:
        sale.taxes.append(TaxRow(tax_code=tax.rate.code, tax_percent=str(tax.rate.percent),
                                 base_minor=tax.base.minor, tax_minor=tax.tax.minor))
    for tender in tenders:
        sale.tenders.append(TenderLine(kind=tender.kind.value, amount_minor=tender.amount.minor,
                                       reference=tender.reference))
    sale.prev_hash = last_sale_hash(session)
    sale.hash = chain_hash(sale.prev_hash, sale_content(sale))
    return sale


class SaleService:
    def __init__(self, ledger: Ledger, settings: TillSettings, hooks: Sequence[SaleHook] = ()) -> None:
        self._ledger = ledger
        self._settings = settings
        self._hooks = list(hooks)

    def add_hook(self, hook: SaleHook) -> None:
        """Composition root: another part joins every sale's transaction."""
        self._hooks.append(hook)

    def check_payment(self, cart: Cart, tenders: Sequence[Tender]) -> Settlement:
        return settle(cart.totals().total, list(tenders), self._settings.cash_rounding_minor)

    def complete(self, cart: Cart, tenders: Sequence[Tender], cashier: UserView, *,
                 customer_id: int | None = None, sale_uuid: str | None = None,
                 now: datetime | None = None) -> Receipt:
        """Record a paid sale. Raises PaymentError if not fully paid, ShiftError(no_open_shift) when the till
        must have an open shift and has none, StorageError if the ledger cannot be written (nothing is stored
        then; the same call can be retried)."""
        if cart.is_empty:
            raise PaymentError("empty_cart")
        totals = cart.totals()
        settlement = settle(totals.total, list(tenders), self._settings.cash_rounding_minor)
        if not settlement.complete:
            raise PaymentError("not_fully_paid", remaining=settlement.remaining.to_api())
        try:
            with self._ledger.write() as session:
                # The chain hashes the time as stored: always UTC, whatever zone the caller used.
                sale = self._write(session, cart, totals, tenders, settlement, cashier, customer_id,
                                   sale_uuid or str(uuid.uuid4()), (now or utcnow()).astimezone(UTC))
                return with_customer(session, receipt_from_sale(sale, self._settings, cashier.name), sale)
        except OperationalError as exc:
            unavailable = classify_operational_error(exc)
            if unavailable is None:
                raise
            raise StorageError(reason=unavailable.reason) from exc

    def write_in(self, session: Session, cart: Cart, tenders: Sequence[Tender], settlement: Settlement,
                 cashier: UserView, customer_id: int | None, sale_uuid: str, now: datetime) -> SaleRow:
        """Write a settled sale inside the caller's transaction (an exchange writes its return first)."""
        return self._write(session, cart, cart.totals(), tenders, settlement, cashier, customer_id, sale_uuid, now)

    def _write(self, session: Session, cart: Cart, totals: CartTotals, tenders: Sequence[Tender],
               settlement: Settlement, cashier: UserView, customer_id: int | None, sale_uuid: str,
               now: datetime) -> SaleRow:
        sale = chained_sale(session, self._settings, "sale", cart, totals, tenders, settlement, cashier,
                            customer_id, sale_uuid, now)
        insert_sale(session, sale)
        move_stock(session, [(ln.product.product_id, -to_milli(ln.quantity)) for ln in cart.lines], "sale",
                   sale_uuid, cashier.user_id)
        append_audit(session, "sale.completed", user_id=cashier.user_id,
                     details={"sale": sale_uuid, "receipt": sale.receipt_no, "total": totals.total.minor})
        _INSERT_OUTBOX.one(session, {
            "uuid": str(uuid.uuid4()), "event_type": "sale.completed", "aggregate_type": "sale",
            "aggregate_uuid": sale_uuid, "payload": self._payload(session, sale), "created_at": now,
            "status": "pending", "attempts": 0, "next_attempt_at": None, "last_error": None, "remote_ref": None,
            "sent_at": None,
        })
        for hook in self._hooks:
            hook(session, sale)
        return sale

    @staticmethod
    def _payload(session: Session, sale: SaleRow) -> dict[str, object]:
        ids = sorted({ln.product_id for ln in sale.lines})
        remote = {pid: (rid, parent) for pid, rid, parent in fetch_rows(session, _remote_ids_sql(len(ids)), ids)}
        return {
            "sale_uuid": sale.uuid, "receipt_no": sale.receipt_no, "store_id": sale.store_id,
            "till_id": sale.till_id, "created_at": sale.created_at.isoformat(), "currency": sale.currency,
            "customer_id": sale.customer_id, "total_minor": sale.total_minor, "rounding_minor": sale.rounding_minor,
            "lines": [
                {"line_no": ln.line_no, "product_id": ln.product_id, "remote_id": remote[ln.product_id][0],
                 "remote_parent_id": remote[ln.product_id][1], "sku": ln.sku, "name": ln.name,
                 "qty_milli": ln.qty_milli, "unit_price_minor": ln.unit_price_minor,
                 "discount_minor": ln.discount_minor, "total_minor": ln.total_minor, "tax_code": ln.tax_code}
                for ln in sale.lines
            ],
            "tenders": [{"kind": t.kind, "amount_minor": t.amount_minor, "reference": t.reference}
                        for t in sale.tenders],
            "change_minor": sale.change_minor,
        }

    def receipt(self, sale_uuid: str) -> Receipt:
        with self._ledger.read() as session:
            sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid))
            if sale is None:
                raise NotFound(what="sale", uuid=sale_uuid)
            cashier = session.get(User, sale.cashier_id)
            receipt = with_customer(session, receipt_from_sale(sale, self._settings, cashier.name if cashier else "?"),
                                    sale)
            if sale.kind == "return":
                from pos.services.returns import original_reference  # returns builds on this module

                receipt = replace(receipt, original_receipt_no=original_reference(session, sale))
            return receipt

    def last_receipt(self) -> Receipt | None:
        with self._ledger.read() as session:
            sale_uuid = session.scalar(select(Sale.uuid).where(Sale.till_id == self._settings.till_id)
                                       .order_by(Sale.id.desc()).limit(1))
        return self.receipt(sale_uuid) if sale_uuid else None
