"""Count rows shared by counting here and merging another till's entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.ledger.count_models import StockCount, StockCountEntry, StockCountSnapshot
from pos.ledger.models import Category, StockLevel
from pos.services.count_math import back_to_start, current_mark, moves_between
from pos.services.errors import NotFound


def get_count(session: Session, count_id: int) -> StockCount:
    count = session.get(StockCount, count_id)
    if count is None:
        raise NotFound(what="stock_count", id=count_id)
    return count


def add_entry(session: Session, count: StockCount, *, product_id: int, qty_milli: int, who: str, device: str,
              entry_uuid: str, mark: int, at: datetime) -> bool:
    """Insert one entry (and the product's snapshot when it is new to the count). False when the
    entry's uuid is already there (a second import of the same file)."""
    if session.scalar(select(StockCountEntry.id).where(StockCountEntry.uuid == entry_uuid)):
        return False
    if session.get(StockCountSnapshot, (count.id, product_id)) is None:
        on_hand = session.scalar(select(StockLevel.on_hand_milli).where(StockLevel.product_id == product_id)) or 0
        since = moves_between(session, count.start_mark, current_mark(session), [product_id]).get(product_id, [])
        session.add(StockCountSnapshot(count_id=count.id, product_id=product_id,
                                       on_hand_milli=back_to_start(int(on_hand), since)))
    session.add(StockCountEntry(uuid=entry_uuid, count_id=count.id, product_id=product_id, qty_milli=qty_milli,
                                user_name=who[:64], device=device[:16], counted_at=at, movement_mark=mark))
    session.flush()
    return True


def category_tree(session: Session, root: int | None) -> list[int]:
    """The category and all its descendants ([] when it does not exist)."""
    parents = dict(session.execute(select(Category.id, Category.parent_id)).all())
    if root not in parents:
        return []
    out, frontier = [root], [root]
    while frontier:
        frontier = [cid for cid, parent in parents.items() if parent in frontier and cid not in out]
        out += frontier
    return [c for c in out if c is not None]


def in_scope(session: Session, count: StockCount, product_id: int, category_id: int | None) -> bool:
    """A category count takes only its own products (a partial count of another one would book a loss)."""
    if count.scope != "category" or session.get(StockCountSnapshot, (count.id, product_id)) is not None:
        return True
    return category_id in category_tree(session, count.category_id)
