"""Customers and their loyalty wallet movements (docs/LOYALTY.md).

The wallet itself lives in the online store (TeraWallet); the till keeps each customer's last
known balance with the time it was read, and every credit or debit it makes as a movement whose
``uuid`` is the ``Idempotency-Key`` sent to the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pos.ledger.models import Base, Sale, UTCDateTime, utcnow

# The customer card lists a customer's tickets; without it that is a scan of the whole sales table.
Index("ix_sales_customer_id", Sale.__table__.c.customer_id)


class Customer(Base):
    """A customer known at the till: pulled from the store (``remote_id``) or created here.

    ``uuid`` is the aggregate id of the customer's outbox events (creation and wallet movements are
    delivered in order). ``loyalty_code`` is what their card/QR carries (``CLI-…``); it is stored
    online as the customer meta ``pos_customer_id`` so every till reads the same one.
    ``balance_minor``/``balance_at``: the wallet balance as last read from the store, kept up to date
    with the movements this till delivered since (``None``: never read).
    """

    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    remote_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128))
    last_name: Mapped[str] = mapped_column(String(128))
    email: Mapped[str] = mapped_column(String(255), index=True)
    phone: Mapped[str] = mapped_column(String(64))
    phone_digits: Mapped[str] = mapped_column(String(32), index=True)  # the last 9 digits, for search
    search_text: Mapped[str] = mapped_column(Text)  # folded names, e-mail and code
    loyalty_code: Mapped[str] = mapped_column(String(32), unique=True)
    balance_minor: Mapped[int | None] = mapped_column(BigInteger)
    balance_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    remote_modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WalletMovement(Base):
    """One credit or debit of a customer's wallet made by this till.

    ``state``: ``held`` (a debit reserved for a checkout in progress, until ``expires_at``), ``spent``
    (the hold became a payment of ``sale_uuid``), ``released`` (the checkout let it go), ``booked``
    (a credit or a reversal), and ``refused`` (the store would not take it: a conflict a manager
    sees). ``remote_tx_id`` is the TeraWallet transaction once delivered; ``releases`` names the
    hold a compensating credit gives back. ``offline``: made while the store could not be reached.
    """

    __tablename__ = "wallet_movements"
    __table_args__ = (Index("ix_wallet_movements_customer_state", "customer_id", "state"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    kind: Mapped[str] = mapped_column(String(8))  # credit | debit
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # always > 0
    reason: Mapped[str] = mapped_column(String(24))  # cashback, payment, release, refund, reversal, credit
    state: Mapped[str] = mapped_column(String(12), index=True)
    sale_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    source_uuid: Mapped[str | None] = mapped_column(String(36), unique=True)  # caller's id (a return)
    releases: Mapped[str | None] = mapped_column(String(36))
    offline: Mapped[bool] = mapped_column(default=False)
    delivered: Mapped[bool] = mapped_column(default=False)
    remote_tx_id: Mapped[int | None] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(String(255))
    error: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    till_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CustomerActivity(Base):
    """What the store knows of a customer beyond this till, cached for the customer card (and for
    offline): online orders and wallet transactions, as last read."""

    __tablename__ = "customer_activity"
    __table_args__ = (Index("ix_customer_activity_key", "customer_id", "source", "remote_id", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))  # online_order | wallet_tx
    remote_id: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # signed for wallet transactions
    label: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(24))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
