"""The sync engine's reads and writes on the outbox, each in its own short transaction.

``attempts > 0`` means a request for the event may have reached the store (the attempt is
recorded *before* the call), so the next try must first look for what that request created.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update

from pos.domain.sync_reason import SyncReason
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, Product, StockLevel, utcnow


@dataclass(frozen=True)
class DueEvent:
    event_id: int
    uuid: str
    event_type: str
    aggregate_uuid: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


def due_events(ledger: Ledger, now: datetime, limit: int = 100) -> list[DueEvent]:
    """Pending events whose time has come, oldest first, at most one per aggregate so that the
    events of one sale or order are delivered in order."""
    with ledger.read() as session:
        first_per_aggregate = (
            select(func.min(OutboxEvent.id)).where(OutboxEvent.status == "pending")
            .group_by(OutboxEvent.aggregate_uuid)
        )
        rows = session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.id.in_(first_per_aggregate))
            .where((OutboxEvent.next_attempt_at.is_(None)) | (OutboxEvent.next_attempt_at <= now))
            .order_by(OutboxEvent.id).limit(limit)
        ).all()
        return [DueEvent(r.id, r.uuid, r.event_type, r.aggregate_uuid, dict(r.payload), r.attempts, r.created_at)
                for r in rows]


def mark_attempt(ledger: Ledger, event_ids: list[int]) -> None:
    """Recorded, and fsynced, *before* the request goes out: after a power cut, an event whose request
    may have reached the store must still say so, or it would be created a second time. (The engine's
    other writes may be lost and are redone: see ``Ledger.background``.)"""
    with ledger.write(durable=True) as session:
        session.execute(update(OutboxEvent).where(OutboxEvent.id.in_(event_ids))
                        .values(attempts=OutboxEvent.attempts + 1))


_OUTBOX = OutboxEvent.__table__
_LEVELS = StockLevel.__table__
# Prebuilt executemany statements: the writer lock is held for milliseconds, not one ORM round per row.
_MARK_SENT = (_OUTBOX.update().where(_OUTBOX.c.id == bindparam("eid"))
              .values(status="sent", remote_ref=bindparam("ref"), sent_at=bindparam("at"), last_error=None,
                      next_attempt_at=None))
_MOVE_ONLINE = (_LEVELS.update().where(_LEVELS.c.product_id == bindparam("pid"), _LEVELS.c.online_milli.is_not(None))
                .values(online_milli=_LEVELS.c.online_milli + bindparam("delta")))


def mark_sent(ledger: Ledger, event_id: int, remote_ref: str, stock_moves: dict[int, int] | None = None) -> None:
    """Mark delivered. ``stock_moves`` (product id → milli-units) is what the store just did to its
    stock, applied to our copy of the online figure so it stays right until the next pull."""
    mark_sent_many(ledger, [(event_id, remote_ref, stock_moves or {})])


MARK_SENT_CHUNK = 25  # events per write transaction: a sale waits for the writer a few ms at most


def mark_sent_many(ledger: Ledger, sent: list[tuple[int, str, dict[int, int]]]) -> None:
    """``mark_sent`` for a whole batch in a few short executemany transactions (``MARK_SENT_CHUNK``
    events each, each event's stock moves with it), not one per order, so a sale at the till never
    queues behind a hundred of them, nor behind one long one."""
    now = utcnow()
    for start in range(0, len(sent), MARK_SENT_CHUNK):
        chunk = sent[start:start + MARK_SENT_CHUNK]
        moves = [{"pid": pid, "delta": delta} for _, _, stock_moves in chunk for pid, delta in stock_moves.items()]
        with ledger.write() as session:
            conn = session.connection()
            conn.execute(_MARK_SENT, [{"eid": event_id, "ref": remote_ref, "at": now}
                                      for event_id, remote_ref, _ in chunk])
            if moves:
                conn.execute(_MOVE_ONLINE, moves)


def mark_retry(ledger: Ledger, event_id: int, why: SyncReason, next_attempt_at: datetime) -> None:
    with ledger.write() as session:
        session.execute(update(OutboxEvent).where(OutboxEvent.id == event_id).values(
            last_error=why.encode(), next_attempt_at=next_attempt_at))


def mark_parked(ledger: Ledger, event_id: int, why: SyncReason) -> None:
    with ledger.write() as session:
        session.execute(update(OutboxEvent).where(OutboxEvent.id == event_id).values(
            status="parked", last_error=why.encode(), next_attempt_at=None))


def counts(ledger: Ledger) -> tuple[int, int]:
    """(pending, parked)."""
    with ledger.read() as session:
        rows = dict(session.execute(
            select(OutboxEvent.status, func.count()).where(OutboxEvent.status.in_(("pending", "parked")))
            .group_by(OutboxEvent.status)).all())
    return int(rows.get("pending", 0)), int(rows.get("parked", 0))


def sale_stock_moves(payload: dict[str, Any]) -> dict[int, int]:
    """What a pushed till sale does to online stock: minus each line's quantity."""
    moves: dict[int, int] = {}
    for line in payload.get("lines", []):
        pid = int(line["product_id"])
        moves[pid] = moves.get(pid, 0) - int(line["qty_milli"])
    return moves


def current_remote_ids(ledger: Ledger, product_ids: list[int]) -> dict[int, tuple[int | None, int | None]]:
    """Remote ids as known now: a sale made before the first catalogue pull still maps at push time."""
    with ledger.read() as session:
        return {pid: (rid, parent) for pid, rid, parent in session.execute(
            select(Product.id, Product.remote_id, Product.remote_parent_id).where(Product.id.in_(product_ids)))}
