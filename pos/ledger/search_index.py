"""The product search index (FTS5 ``products_fts``), merged in small steps of its own.

FTS5 writes a new segment per write transaction and, by default, merges segments as they pile up
("automerge"): the merge work lands in whichever transaction crosses a threshold. On a ledger of
100,000 products, about one 25-product catalogue transaction in a hundred took 15-95 ms instead of
2 ms, all of it holding the writer lock a sale was waiting for. Migration 0008 turns automerge off
(crisis merges only at 64 segments per level) and ``merge_step`` does that work instead, a few pages
at a time, in a transaction of its own: writers that add many products call it after each of theirs.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

# 16 pages (~1 ms) after each 25-product transaction kept the index as merged as FTS5's own automerge
# did over 100,000 products added 25 at a time, with no transaction over 11 ms (against 64-95 ms).
PAGES_PER_25_PRODUCTS = 16


def merge_step(session: Session, written: int = 25) -> None:
    """The merge work owed for ``written`` products just written (only levels of at least four segments
    are merged, so it costs little when there is nothing to do)."""
    pages = max(1, -(-written * PAGES_PER_25_PRODUCTS // 25))  # in proportion, rounded up: 4 for 5 products
    session.connection().exec_driver_sql(
        "INSERT INTO products_fts(products_fts, rank) VALUES ('merge', ?)", (pages,))


def settings(session: Session) -> dict[str, int]:
    """The index's stored merge settings (``automerge``, ``crisismerge``; absent means FTS5's default)."""
    rows = session.connection().exec_driver_sql(
        "SELECT k, v FROM products_fts_config WHERE k IN ('automerge', 'crisismerge')").all()
    return {str(k): int(v) for k, v in rows}


def segment_count(session: Session) -> int:
    """How many b-tree segments the index is made of (each one a look-up per search term)."""
    return int(session.connection().exec_driver_sql(
        "SELECT count(DISTINCT segid) FROM products_fts_idx").scalar_one())
