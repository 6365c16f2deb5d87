"""Stock count sessions: the snapshot at the start, the blind-count entries, the reviewed lines.

A count never edits stock by itself: approval writes ``count`` movements through
``pos.ledger.stock.move_stock``. ``movement_mark`` columns hold the highest ``stock_movements.id``
at a moment, so "the movements since" is ``id > mark`` — exact even when clocks move.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos.ledger.models import Base, UTCDateTime, utcnow


class StockCount(Base):
    """One count session. ``scope``: ``store`` (everything), ``category`` (one category and its
    subcategories) or ``zone`` (only what is scanned; ``label`` names the zone).
    ``state``: open → review → approved, or cancelled."""

    __tablename__ = "stock_counts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    label: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(12))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    state: Mapped[str] = mapped_column(String(12), index=True)
    till_id: Mapped[str] = mapped_column(String(16))
    started_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    start_mark: Mapped[int] = mapped_column(BigInteger)  # max(stock_movements.id) when the snapshot was taken
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finish_mark: Mapped[int | None] = mapped_column(BigInteger)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StockCountSnapshot(Base):
    """On-hand of one product at ``start_mark`` (products in scope at the start; a zone count adds a
    product when it is first scanned, computed back to the start mark)."""

    __tablename__ = "stock_count_snapshots"
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id", ondelete="CASCADE"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    on_hand_milli: Mapped[int] = mapped_column(BigInteger)


class StockCountEntry(Base):
    """One scan or typed quantity by one person on one till. ``qty_milli`` may be negative (a
    correction). ``uuid`` makes merging another till's export idempotent."""

    __tablename__ = "stock_count_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    qty_milli: Mapped[int] = mapped_column(BigInteger)
    user_name: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(16))  # till id that recorded it
    counted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    movement_mark: Mapped[int] = mapped_column(BigInteger)  # max(stock_movements.id) when it was counted


class StockCountLine(Base):
    """The review of one product, frozen when the count is finished.

    ``expected_milli`` = snapshot + movements after ``start_mark`` up to ``mark`` (the product's last
    count entry, or the finish for products nobody counted); ``variance = counted - expected``.
    Approval adds ``variance`` to today's on-hand, so sales during the count and the review stay.
    """

    __tablename__ = "stock_count_lines"
    __table_args__ = (UniqueConstraint("count_id", "product_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    snapshot_milli: Mapped[int] = mapped_column(BigInteger)
    moved_milli: Mapped[int] = mapped_column(BigInteger)  # movements between the start and the mark
    expected_milli: Mapped[int] = mapped_column(BigInteger)
    counted_milli: Mapped[int] = mapped_column(BigInteger)
    variance_milli: Mapped[int] = mapped_column(BigInteger)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)  # VAT included, at the finish
    mark: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    adjustment_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)  # set at approval
