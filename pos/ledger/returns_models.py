"""Returns and the local copy of returnable online orders.

A return is a ``sales`` row of ``kind='return'`` (its own gapless series ``R-T01``, amounts
positive, hash-chained with the sales). ``returns`` says what it returned from (a store sale, an
online order or nothing: no receipt) and how the money went back; ``return_lines`` records the
quantity taken back per original line, so a line is never refunded twice.

``online_orders`` / ``online_order_lines`` hold what the till knows of online orders that can be
returned at the counter (pulled by sync, or looked up live), with the quantities the store says
were refunded by anyone else (another till, the web admin) in ``refunded_elsewhere_milli``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pos.ledger.models import Base, UTCDateTime, utcnow


class OnlineOrder(Base):
    """An online order as last seen from the store. ``pos_sale_uuid``/``receipt_no`` are set for
    orders another till created (``_pos_txn_uuid`` / ``_pos_receipt_no`` meta)."""

    __tablename__ = "online_orders"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    remote_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    number: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(24))
    customer_name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str] = mapped_column(String(255), index=True)
    customer_remote_id: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(BigInteger)
    refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0)  # all refunds online, ours included
    payment_method: Mapped[str] = mapped_column(String(64))
    payment_title: Mapped[str] = mapped_column(String(128))
    paid: Mapped[bool] = mapped_column(Boolean)
    created_via: Mapped[str] = mapped_column(String(64))
    pos_sale_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    receipt_no: Mapped[str | None] = mapped_column(String(32), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    remote_modified_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pulled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    refunds_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # per-line refunds read live

    lines: Mapped[list[OnlineOrderLine]] = relationship(order_by="OnlineOrderLine.position",
                                                        cascade="all, delete-orphan")


class OnlineOrderLine(Base):
    """One product line of an online order; money as the store keeps it (net + tax, VAT apart)."""

    __tablename__ = "online_order_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("online_orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    remote_line_id: Mapped[int] = mapped_column(BigInteger)
    remote_product_id: Mapped[int] = mapped_column(BigInteger)
    remote_variation_id: Mapped[int | None] = mapped_column(BigInteger)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    net_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    tax_rate_remote_id: Mapped[int | None] = mapped_column(BigInteger)
    refunded_elsewhere_milli: Mapped[int] = mapped_column(BigInteger, default=0)


class ReturnRecord(Base):
    """What a return sale (``sales.kind='return'``) refunded and how.

    ``source``: store (a sale of this till), online (an online order or another till's sale, through
    the store) or none (no receipt). ``route``: cash, card, wallet, gateway or exchange.
    """

    __tablename__ = "returns"
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    source: Mapped[str] = mapped_column(String(8))
    original_sale_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    online_order_id: Mapped[int | None] = mapped_column(ForeignKey("online_orders.id"), index=True)
    remote_order_id: Mapped[int | None] = mapped_column(BigInteger)
    route: Mapped[str] = mapped_column(String(16))
    api_refund: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    customer_email: Mapped[str] = mapped_column(String(255), default="")
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    exchange_sale_uuid: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReturnLine(Base):
    """Quantity taken back from one original line (a store sale line or an online order line)."""

    __tablename__ = "return_lines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    source_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    online_line_id: Mapped[int | None] = mapped_column(ForeignKey("online_order_lines.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # VAT included, positive
    net_minor: Mapped[int] = mapped_column(BigInteger)
    tax_minor: Mapped[int] = mapped_column(BigInteger)
    restock: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(32))
