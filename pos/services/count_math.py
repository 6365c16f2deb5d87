"""Expected stock for a count while the shop keeps selling: the snapshot plus the movements since.

``stock_movements`` is append-only with increasing ids, so a moment is a *mark*: the highest id
then. For a product counted at mark ``m`` (its last count entry) in a count started at mark
``s``::

    expected = snapshot(s) + Σ delta of its movements with s < id <= m
    variance = counted - expected

Every movement counts, whatever its reason (sales, returns, pickups, receipts and the
adjustments of another count): each one changed what was on the shelf. A sale made *after* the
product was counted is left out — the counted units already stood without it — and stays in
on-hand, because approval adds the variance to the on-hand of that moment, not an absolute
figure. A product nobody counted (store or category counts) is judged at the finish mark.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.ledger.models import StockMovement


def current_mark(session: Session) -> int:
    """The highest stock movement id now (0 on an empty ledger)."""
    return int(session.scalar(select(func.max(StockMovement.id))) or 0)


def moves_between(session: Session, start_mark: int, end_mark: int,
                  product_ids: list[int] | None = None) -> dict[int, list[tuple[int, int]]]:
    """``product_id → [(movement id, delta_milli)]`` for movements with ``start < id <= end``."""
    query = select(StockMovement.product_id, StockMovement.id, StockMovement.delta_milli).where(
        StockMovement.id > start_mark, StockMovement.id <= end_mark)
    if product_ids is not None:
        query = query.where(StockMovement.product_id.in_(product_ids))
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for pid, mid, delta in session.execute(query):
        out[int(pid)].append((int(mid), int(delta)))
    return out


def moved_until(moves: list[tuple[int, int]], mark: int) -> int:
    """Sum of the deltas of ``moves`` with id ≤ ``mark``."""
    return sum(delta for mid, delta in moves if mid <= mark)


def back_to_start(on_hand_now: int, moves_since_start: list[tuple[int, int]]) -> int:
    """On-hand at the start mark, worked back from today's figure (a product first met mid-count)."""
    return on_hand_now - sum(delta for _, delta in moves_since_start)
