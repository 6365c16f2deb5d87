"""Listings ordered by modification time (products, variations, orders), paged by key.

``modified_after`` has 1 s granularity, so a pull asks from :data:`OVERLAP` before its cursor and
the caller dedupes. Offset pages over a list sorted by modification time lose an item edited while
we page (it moves to the end and shifts the rest up one place), so after each full page
:func:`changed` restarts from the last item's modified time − 1 s instead of asking for page *n+1*.
A page whose items were all modified in one second cannot move the window on (a CSV import leaves
hundreds in one second): that second is read on its own (:func:`one_second`), by id.
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
# one_second: each request starts this many items before where the last one ended, so that as many items
# edited between two requests (each leaves the second and shifts the rest up one place) hide nothing.
RUN_OVERLAP = 10
SECOND = timedelta(seconds=1)


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
        if fresh := _unseen(items, seen):
            yield fresh
        total_pages = resp.total_pages
        if len(resp.data) < MAX_PER_PAGE or (total_pages is not None and page >= total_pages):
            return
        times = [modified_of(r) for r in items]
        ordered = all(a <= b for a, b in itertools.pairwise(times))
        restart = times[-1] - SECOND if times and times[-1] != EPOCH else None
        if ordered and restart is not None and (window is None or restart > window):
            read = (page - 1) * MAX_PER_PAGE + len(resp.data)  # of this window's listing, so far
            exclude = _last_second_ids(items, times) if exclude_seen and _far_from_end(resp.total, read) else []
            window, page = restart, 1
        elif ordered and restart is not None and times[-1] != window:  # a full page of one second: all of it
            for run in one_second(client, path, extra, times[-1]):
                if fresh := _unseen(run, seen):
                    yield fresh
            window, page, exclude = times[-1], 1, []  # modified_after is exclusive: the seconds after it
        else:  # a store that does not sort (or filter) as asked: plain offset paging
            page += 1


def _unseen(items: list[dict[str, Any]], seen: set[tuple[int, str]]) -> list[dict[str, Any]]:
    """The items not read before in this version (``seen`` gains them)."""
    keys = [(int(r["id"]), str(r.get("date_modified_gmt"))) for r in items]
    fresh = [r for r, key in zip(items, keys, strict=True) if key not in seen]
    seen.update(keys)
    return fresh


def one_second(client: WooClient, path: str, extra: Mapping[str, str],
               second: datetime) -> Iterator[list[dict[str, Any]]]:
    """Every item of a listing modified in ``second``, by id, a page at a time. An item edited meanwhile
    leaves the second (it is read later, in its new place in the listing), and the ones after it move up
    one place: each request starts :data:`RUN_OVERLAP` items before where the last one ended (WordPress's
    ``offset``), so up to that many edits between two requests lose nothing; the caller drops repeats."""
    read = 0
    while True:
        params: dict[str, Any] = {"dates_are_gmt": "true", "per_page": MAX_PER_PAGE, **extra, "orderby": "id",
                                  "order": "asc", "modified_after": format_gmt(second - SECOND),
                                  "modified_before": format_gmt(second + SECOND)}
        if read:
            params["offset"] = read
        resp = client.get(path, params)
        if not isinstance(resp.data, list):
            raise TransientError(f"{path}: expected a list", code="bad_listing")
        yield [r for r in resp.data if isinstance(r, dict) and "id" in r]
        if len(resp.data) < MAX_PER_PAGE:
            return
        read = max(read + len(resp.data) - RUN_OVERLAP, read + 1)


def _far_from_end(total: int | None, read: int) -> bool:
    """More than two pages of the listing (``X-WP-Total``) remain unread: the next page cannot reach
    the items edited since (they go to the end), so none of them can hide behind ``exclude``."""
    return total is not None and total - read > 2 * MAX_PER_PAGE


def _last_second_ids(items: list[dict[str, Any]], times: list[datetime]) -> list[int]:
    """Ids of the items modified in the page's last second (all read now; none was on an earlier page,
    or the window would not have moved)."""
    return [int(r["id"]) for r, t in zip(items, times, strict=True) if t == times[-1]]
