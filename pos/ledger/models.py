"""SQLAlchemy models of the local ledger. The schema itself is owned by Alembic migrations.

Conventions: money in integer minor units (``*_minor``), quantities in integer thousandths
(``*_milli``), timestamps as timezone-aware UTC, UUIDs as 36-char text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC ISO text and gives them back aware (SQLite has no tz)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored in the ledger")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class TaxRateRow(Base):
    __tablename__ = "tax_rates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # ES-21
    percent: Mapped[str] = mapped_column(String(8))  # exact decimal text, "21" or "5.5"
    name: Mapped[str] = mapped_column(String(64))
    remote_class: Mapped[str | None] = mapped_column(String(64))  # WooCommerce tax class slug


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    remote_id: Mapped[int | None] = mapped_column(BigInteger)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    price_minor: Mapped[int] = mapped_column(BigInteger)  # VAT included
    currency: Mapped[str] = mapped_column(String(3))
    tax_rate_id: Mapped[int] = mapped_column(ForeignKey("tax_rates.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sold_by_weight: Mapped[bool] = mapped_column(Boolean, default=False)
    remote_id: Mapped[int | None] = mapped_column(BigInteger, index=True)  # online product id
    remote_parent_id: Mapped[int | None] = mapped_column(BigInteger)  # set for variations
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    tax_rate: Mapped[TaxRateRow] = relationship(lazy="joined")
    barcodes: Mapped[list[Barcode]] = relationship(back_populates="product", cascade="all, delete-orphan")


class Barcode(Base):
    __tablename__ = "barcodes"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    product: Mapped[Product] = relationship(back_populates="barcodes")


class StockLevel(Base):
    """Per-product figures kept in step with ``stock_movements`` in the same transaction."""

    __tablename__ = "stock_levels"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True)
    on_hand_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    reserved_milli: Mapped[int] = mapped_column(BigInteger, default=0)  # online orders awaiting pickup
    online_milli: Mapped[int | None] = mapped_column(BigInteger)  # last value pulled from the store
    online_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StockMovement(Base):
    """Append-only. ``reason``: sale, return, pickup, count, receipt, correction, initial."""

    __tablename__ = "stock_movements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    delta_milli: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(16))
    ref_uuid: Mapped[str | None] = mapped_column(String(36), index=True)  # the sale/return/count
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # cashier, supervisor, manager, admin
    pin_hash: Mapped[str] = mapped_column(String(255))  # argon2id
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReceiptCounter(Base):
    """Last number used per series (``T01`` sales, ``R-T01`` returns); bumped inside the sale transaction."""

    __tablename__ = "receipt_counters"
    series: Mapped[str] = mapped_column(String(16), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Sale(Base):
    """A finished ticket: a sale (``kind='sale'``) or a return (``kind='return'``). Hash-chained."""

    __tablename__ = "sales"
    __table_args__ = (UniqueConstraint("series", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    store_id: Mapped[str] = mapped_column(String(32))
    till_id: Mapped[str] = mapped_column(String(16))
    series: Mapped[str] = mapped_column(String(16))
    number: Mapped[int] = mapped_column(Integer)
    receipt_no: Mapped[str] = mapped_column(String(32), unique=True)  # T01-000123
    cashier_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    customer_id: Mapped[int | None] = mapped_column(Integer)
    original_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_minor: Mapped[int] = mapped_column(BigInteger)
    discount_minor: Mapped[int] = mapped_column(BigInteger)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    rounding_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    change_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    lines: Mapped[list[SaleLine]] = relationship(order_by="SaleLine.line_no", cascade="all, delete-orphan")
    tenders: Mapped[list[TenderRow]] = relationship(order_by="TenderRow.id", cascade="all, delete-orphan")
    taxes: Mapped[list[SaleTax]] = relationship(cascade="all, delete-orphan")


class SaleLine(Base):
    __tablename__ = "sale_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    discount_minor: Mapped[int] = mapped_column(BigInteger)  # line + share of ticket discount
    total_minor: Mapped[int] = mapped_column(BigInteger)
    tax_code: Mapped[str] = mapped_column(String(16))
    tax_percent: Mapped[str] = mapped_column(String(8))
    original_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"))  # for returns


class SaleTax(Base):
    __tablename__ = "sale_taxes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), index=True)
    tax_code: Mapped[str] = mapped_column(String(16))
    tax_percent: Mapped[str] = mapped_column(String(8))
    base_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)


class TenderRow(Base):
    __tablename__ = "tenders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str | None] = mapped_column(String(64))


class ParkedSale(Base):
    __tablename__ = "parked_sales"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    cashier_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    label: Mapped[str] = mapped_column(String(64))
    cart: Mapped[dict[str, Any]] = mapped_column(JSON)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OutboxEvent(Base):
    """Written in the same transaction as the change it announces; the sync engine drains it.

    ``status``: pending → sent, or parked (a permanent error a manager must look at).
    Events of one aggregate are delivered in ``id`` order.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_id", "status", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    event_type: Mapped[str] = mapped_column(String(48))  # sale.completed
    aggregate_type: Mapped[str] = mapped_column(String(24))
    aggregate_uuid: Mapped[str] = mapped_column(String(36), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    remote_ref: Mapped[str | None] = mapped_column(String(64))  # e.g. the WooCommerce order id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """Who did what, when, approved by whom. Hash-chained like the sales ledger."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(48), index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SyncCursor(Base):
    """Incremental pull positions (``products.modified_after`` …), owned by the sync engine."""

    __tablename__ = "sync_cursors"
    name: Mapped[str] = mapped_column(String(48), primary_key=True)
    value: Mapped[str] = mapped_column(String(64))


class Invoice(Base):
    """A full invoice (factura completa) issued for a finished sale, in its own gapless series."""

    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(16))
    number: Mapped[int] = mapped_column(Integer)
    invoice_no: Mapped[str] = mapped_column(String(32), unique=True)  # F-T01-000045
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), unique=True)  # one full invoice per ticket
    customer_name: Mapped[str] = mapped_column(String(255))
    customer_tax_id: Mapped[str] = mapped_column(String(32))
    customer_address: Mapped[str] = mapped_column(Text)
    customer_email: Mapped[str] = mapped_column(String(255), default="")
    issued_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PickupOrder(Base):
    """An online order to be collected at this store (click-and-collect), pulled by sync.

    ``state``: new → preparing → ready → collected, plus partially_collected, no_show and cancelled.
    ``remote_status`` is the store's own status as last pulled. ``uuid`` is the aggregate id of the
    order's outbox events (so they are delivered in order). ``verify_code`` is the last six
    characters of the WooCommerce ``order_key`` (the customer's e-mail carries the key).
    """

    __tablename__ = "pickup_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    remote_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    number: Mapped[str] = mapped_column(String(32), index=True)
    remote_status: Mapped[str] = mapped_column(String(24))
    state: Mapped[str] = mapped_column(String(24), index=True)
    customer_name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str] = mapped_column(String(255), index=True)
    phone: Mapped[str] = mapped_column(String(64))
    payment_method: Mapped[str] = mapped_column(String(64))
    payment_title: Mapped[str] = mapped_column(String(128))
    paid_online: Mapped[bool] = mapped_column(Boolean)
    paid_by_sale_uuid: Mapped[str | None] = mapped_column(String(36))
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    verify_code: Mapped[str] = mapped_column(String(16))
    customer_note: Mapped[str] = mapped_column(Text)
    pickup_location: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the customer ordered online
    remote_modified_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pulled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    prepared_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    collected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    conflict: Mapped[str | None] = mapped_column(String(64))  # needs a manager: e.g. cancelled_online

    lines: Mapped[list[PickupLine]] = relationship(order_by="PickupLine.id", cascade="all, delete-orphan")


class PickupLine(Base):
    """One line of a pickup order; ``reserved_milli`` is what it holds in ``stock_levels.reserved_milli``."""

    __tablename__ = "pickup_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("pickup_orders.id", ondelete="CASCADE"), index=True)
    remote_line_id: Mapped[int] = mapped_column(BigInteger)
    remote_product_id: Mapped[int] = mapped_column(BigInteger)
    remote_variation_id: Mapped[int | None] = mapped_column(BigInteger)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    picked_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    collected_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    reserved_milli: Mapped[int] = mapped_column(BigInteger, default=0)
    total_minor: Mapped[int] = mapped_column(BigInteger)  # VAT included


class PickupHandover(Base):
    """One visit where the customer took some or all lines. ``uuid`` travels to the store."""

    __tablename__ = "pickup_handovers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("pickup_orders.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    verified_by: Mapped[str] = mapped_column(String(16))  # code | id_check
    id_check: Mapped[str | None] = mapped_column(String(128))  # what was checked, e.g. "DNI …123"
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{line_id, product_id, qty_milli}]
    complete: Mapped[bool] = mapped_column(Boolean)
    paid_by_sale_uuid: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


from pos.ledger import count_models  # noqa: E402,F401  (stock counts: registers its tables on Base)
from pos.ledger import loyalty_models as _loyalty_models  # noqa: E402,F401  (registers the loyalty tables)
from pos.ledger import returns_models as _returns_models  # noqa: E402,F401  (Alembic sees them)
from pos.ledger import shift_models as _shift_models  # noqa: E402,F401  (Alembic metadata sees them)
