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
            since: datetime | None, *, exclude_seen: bool = False) -> Iterator[list[dict[str, Any]]]:
    """Items of a listing ordered by modification time, paged by key; yields the new ones.

    With ``exclude_seen`` (the listing takes WooCommerce's ``exclude``), a restart leaves out the
    items of the last second it has just read instead of reading them again — a fifth of every
    page when products change 20 a second — except near the end of the listing: an item edited
    between two requests moves to the end, and hidden by ``exclude`` there it would be missed.
    """
    window, page = since, 1
    seen: set[tuple[int, str]] = set()
    exclude: list[int] = []
    while True:
        params: dict[str, Any] = {"orderby": "modified", "order": "asc", "dates_are_gmt": "true",
                                  "per_page": MAX_PER_PAGE, "page": page, **extra}
        if window is not None:
            params["modified_after"] = format_gmt(window)
        if exclude:
            params["exclude"] = ",".join(map(str, exclude))
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
            read = (page - 1) * MAX_PER_PAGE + len(resp.data)  # of this window's listing, so far
            exclude = _last_second_ids(items, times) if exclude_seen and _far_from_end(resp.total, read) else []
            window, page = restart, 1
        else:
            page += 1  # the same window and the same exclude: plain offset paging


def _far_from_end(total: int | None, read: int) -> bool:
    """More than two pages of the listing (``X-WP-Total``) remain unread: the next page cannot reach
    the items edited since (they go to the end), so none of them can hide behind ``exclude``."""
    return total is not None and total - read > 2 * MAX_PER_PAGE


def _last_second_ids(items: list[dict[str, Any]], times: list[datetime]) -> list[int]:
    """Ids of the items modified in the page's last second (all read now; none was on an earlier page,
    or the window would not have moved)."""
    return [int(r["id"]) for r, t in zip(items, times, strict=True) if t == times[-1]]
