"""Stock movements: append-only rows plus the on-hand figure, written together, in bulk."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.orm import Session

from pos.ledger.fast_insert import PreparedInsert, execute_many
from pos.ledger.models import StockMovement, utcnow

_INSERT_MOVEMENT = PreparedInsert(StockMovement.__table__, ["uuid", "product_id", "delta_milli", "reason",
                                                             "ref_uuid", "user_id", "created_at"])
# One statement whether or not the product has a level row yet.
_ADD_TO_LEVEL = ("INSERT INTO stock_levels (product_id, on_hand_milli, reserved_milli) VALUES (?, ?, 0) "
                 "ON CONFLICT (product_id) DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli")


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
    _INSERT_MOVEMENT.many(session, [
        {"uuid": str(uuid.uuid4()), "product_id": pid, "delta_milli": delta, "reason": reason, "ref_uuid": ref,
         "user_id": user_id, "created_at": now}
        for pid, delta, ref in moves
    ])
    totals: dict[int, int] = {}
    for pid, delta, _ in moves:
        totals[pid] = totals.get(pid, 0) + delta
    execute_many(session, _ADD_TO_LEVEL, list(totals.items()))
