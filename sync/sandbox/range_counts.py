"""``X-WP-Total`` of ``modified_after`` listings without counting the whole tail each time.

A keyset-paged pull asks for "modified after T" over and over, T creeping forward by a page at
a time; ``SELECT count(*)`` steps over every remaining row, so 1,000 pages of a 100,000-product
store counted 50 million rows (~15 ms a page). :class:`RangeCounts` remembers the counts it has
given for one filter and derives the next from the nearest one by counting only the rows
between the two times (a page's worth). Any write to the database forgets everything: the key
includes the connection's ``total_changes`` and SQLite's ``data_version`` (bumped by commits of
other connections), so a count is never stale.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

MAX_FILTERS = 32  # distinct filters remembered at once (a pull uses two or three)
MAX_TIMES = 4096  # counts remembered per filter


class RangeCounts:
    """Counts of ``<where> AND <column> > ?``; the caller holds the store's lock."""

    def __init__(self) -> None:
        self._generation: tuple[int, int] | None = None
        self._known: dict[tuple[str, tuple[Any, ...]], dict[int, int]] = {}

    def count(self, db: sqlite3.Connection, table: str, where: str, args: Sequence[Any], column: str,
              after: int) -> int:
        """``SELECT count(*) FROM <table> WHERE <where> AND <column> > after`` (``table`` may carry
        an alias, ``where`` must not mention ``after``)."""
        generation = (db.total_changes, int(db.execute("PRAGMA data_version").fetchone()[0]))
        if generation != self._generation:
            self._generation, self._known = generation, {}
        key = (f"{table}|{where}|{column}", tuple(args))
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= MAX_FILTERS:
                self._known.clear()
            known = self._known[key] = {}
        if after in known:
            return known[after]
        if len(known) >= MAX_TIMES:
            known.clear()
        base = f"SELECT count(*) FROM {table} WHERE {where} AND {column}"
        if not known:
            total = int(db.execute(f"{base} > ?", [*args, after]).fetchone()[0])
        else:
            nearest = min(known, key=lambda t: abs(t - after))
            low, high = sorted((nearest, after))
            between = int(db.execute(f"{base} > ? AND {column} <= ?", [*args, low, high]).fetchone()[0])
            total = known[nearest] - between if nearest < after else known[nearest] + between
        known[after] = total
        return total
