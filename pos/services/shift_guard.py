"""The one rule other use cases share with cash shifts: a till sells only inside an open shift.

``require_open_shift(session, till_id)`` runs inside the caller's write transaction (``BEGIN IMMEDIATE``),
so a shift cannot close between the check and the commit: a sale, a return's refund or a pickup payment
is either inside the shift's window or refused. Callers enforce it only when
``TillSettings.require_shift`` is on (``guard_shift``); the composition root turns it on from config.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.errors import DomainError
from pos.ledger.fast_insert import PreparedQuery
from pos.ledger.shift_models import Shift


class ShiftError(DomainError):
    """A shift rule was broken. ``reason``: no_open_shift, already_open, reason_required, not_positive,
    not_enough_cash, not_found."""

    code = "shift_refused"


_SHIFTS = Shift.__table__
_OPEN_SHIFT = PreparedQuery(select(_SHIFTS.c.id).where(_SHIFTS.c.till_id == bindparam("till"),
                                                       _SHIFTS.c.closed_at.is_(None))
                            .order_by(_SHIFTS.c.id.desc()).limit(1))


def open_shift_id(session: Session, till_id: str) -> int | None:
    """Id of the till's open shift, or None."""
    # On the DBAPI cursor (pos/ledger/fast_insert.py): this runs inside every sale's commit.
    return _OPEN_SHIFT.scalar(session, {"till": till_id})


def require_open_shift(session: Session, till_id: str) -> int:
    """The open shift's id; raises ``ShiftError("no_open_shift")`` when the till has none."""
    shift_id = open_shift_id(session, till_id)
    if shift_id is None:
        raise ShiftError("no_open_shift", till=till_id)
    return shift_id


def guard_shift(session: Session, settings: TillSettings) -> int | None:
    """``require_open_shift`` when ``settings.require_shift`` is on; otherwise nothing (returns None)."""
    return require_open_shift(session, settings.till_id) if settings.require_shift else None
