"""Cash shifts, cash movements and the persisted login guard (issue #8: staff, shifts and Z report).

A shift belongs to one till and owns, by time window, every ``sales`` row of that till with
``opened_at <= created_at < closed_at`` (no column on ``sales``: every kind of money movement at the
till is a ``sales`` row, whoever writes it). Money in integer minor units, times in UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pos.ledger.models import Base, UTCDateTime, utcnow


class Shift(Base):
    """One till's cash shift: opened with a counted float, closed with a blind count and a Z report.

    ``number`` counts the till's shifts ("Turno 14"); ``z_number`` is the gapless Z counter given at close.
    ``counted`` is the blind count by denomination (``{"5000": 2, "200": 7}``: minor value → pieces).
    ``z_report`` is the frozen report as printed, so a reprint shows exactly what was signed off."""

    __tablename__ = "shifts"
    __table_args__ = (UniqueConstraint("till_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    till_id: Mapped[str] = mapped_column(String(16), index=True)
    number: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    float_minor: Mapped[int] = mapped_column(BigInteger)
    float_counted: Mapped[dict[str, Any]] = mapped_column(JSON)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    z_number: Mapped[int | None] = mapped_column(Integer)
    counted: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    counted_minor: Mapped[int | None] = mapped_column(BigInteger)
    expected_minor: Mapped[int | None] = mapped_column(BigInteger)
    z_report: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class CashMovement(Base):
    """Cash put into (``in``) or taken out of (``out``) the drawer during a shift, with its reason."""

    __tablename__ = "cash_movements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # in | out
    amount_minor: Mapped[int] = mapped_column(BigInteger)  # always positive
    reason: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginGuard(Base):
    """Wrong-PIN counter and lockout of one till, kept in the ledger so a restart does not reset it."""

    __tablename__ = "login_guards"
    till_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
