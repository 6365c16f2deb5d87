"""Stock movements: append-only rows plus the on-hand figure, written together, in bulk."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from pos.ledger.models import StockLevel, StockMovement, utcnow

_LEVELS = StockLevel.__table__
_INSERT_MOVEMENT = StockMovement.__table__.insert()
_HAVE_LEVEL = select(_LEVELS.c.product_id).where(_LEVELS.c.product_id.in_(bindparam("ids", expanding=True)))
_BUMP_LEVEL = (_LEVELS.update().where(_LEVELS.c.product_id == bindparam("pid"))
               .values(on_hand_milli=_LEVELS.c.on_hand_milli + bindparam("delta")))


def move_stock(session: Session, moves: Sequence[tuple[int, int]], reason: str, ref_uuid: str | None,
               user_id: int | None) -> None:
    """Record ``(product_id, delta_milli)`` moves in the caller's transaction: one executemany for
    the movements and one for the on-hand figures (a sale commit is on the till's hot path)."""
    move_stock_each(session, [(pid, delta, ref_uuid) for pid, delta in moves], reason, user_id)


def move_stock_each(session: Session, moves: Sequence[tuple[int, int, str | None]], reason: str,
                    user_id: int | None) -> None:
    """Stock moves where every ``(product_id, delta_milli, ref_uuid)`` has its own reference (the
    adjustments of a stock count): one executemany per table, whatever the number of lines."""
    if not moves:
        return
    now = utcnow()
    conn = session.connection()
    conn.execute(_INSERT_MOVEMENT, [
        {"uuid": str(uuid.uuid4()), "product_id": pid, "delta_milli": delta, "reason": reason, "ref_uuid": ref,
         "user_id": user_id, "created_at": now}
        for pid, delta, ref in moves
    ])
    totals: dict[int, int] = {}
    for pid, delta, _ in moves:
        totals[pid] = totals.get(pid, 0) + delta
    have = set(conn.scalars(_HAVE_LEVEL, {"ids": list(totals)}))
    updates = [{"pid": pid, "delta": delta} for pid, delta in totals.items() if pid in have]
    if updates:
        conn.execute(_BUMP_LEVEL, updates)
    missing = [{"product_id": pid, "on_hand_milli": delta, "reserved_milli": 0}
               for pid, delta in totals.items() if pid not in have]
    if missing:
        conn.execute(_LEVELS.insert(), missing)
