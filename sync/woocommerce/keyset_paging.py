"""Listings ordered by modification time (products, variations, orders), paged by key.

``modified_after`` has 1 s granularity, so a pull asks from :data:`OVERLAP` before its cursor and
the caller dedupes. Offset pages over a list sorted by modification time lose an item edited while
we page (it moves to the end and shifts the rest up one place), so after each full page
:func:`changed` restarts from the last item's modified time − 1 s instead of asking for page *n+1*.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.errors import TransientError
from sync.woocommerce.client import MAX_PER_PAGE, WooClient
from sync.woocommerce.products import EPOCH, format_gmt, modified_of

OVERLAP = timedelta(seconds=5)  # modified_after has 1 s granularity; see pull_products


def overlapped(modified_after: datetime) -> datetime:
    """The ``modified_after`` to ask for from a cursor (UTC; naive is taken as UTC)."""
    return (modified_after if modified_after.tzinfo else modified_after.replace(tzinfo=UTC)) - OVERLAP


def changed(client: WooClient, path: str, extra: Mapping[str, str],
            since: datetime | None) -> Iterator[list[dict[str, Any]]]:
    """Items of a listing ordered by modification time, paged by key; yields the new ones."""
    window, page = since, 1
    seen: set[tuple[int, str]] = set()
    while True:
        params: dict[str, Any] = {"orderby": "modified", "order": "asc", "dates_are_gmt": "true",
                                  "per_page": MAX_PER_PAGE, "page": page, **extra}
        if window is not None:
            params["modified_after"] = format_gmt(window)
        resp = client.get(path, params)
        if not isinstance(resp.data, list):
            raise TransientError(f"{path}: expected a list", code="bad_listing")
        items = [r for r in resp.data if isinstance(r, dict) and "id" in r]
        fresh = [r for r in items if (int(r["id"]), str(r.get("date_modified_gmt"))) not in seen]
        seen.update((int(r["id"]), str(r.get("date_modified_gmt"))) for r in items)
        if fresh:
            yield fresh
        total_pages = resp.total_pages
        if len(resp.data) < MAX_PER_PAGE or (total_pages is not None and page >= total_pages):
            return
        times = [modified_of(r) for r in items]
        ordered = all(a <= b for a, b in itertools.pairwise(times))
        restart = times[-1] - timedelta(seconds=1) if times and times[-1] != EPOCH else None
        if ordered and restart is not None and (window is None or restart > window):
            window, page = restart, 1
        else:
            page += 1
