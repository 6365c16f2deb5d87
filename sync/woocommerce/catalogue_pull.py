"""``pull_products``: the catalogue (simple products and variations) changed since a cursor."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from pos.ledger.foreground import yield_to_till
from sync.connector import RemoteProduct
from sync.errors import PermanentError
from sync.prefetch import prefetched
from sync.woocommerce.client import MAX_PER_PAGE
from sync.woocommerce.connector_state import ConnectorState
from sync.woocommerce.keyset_paging import changed, overlapped
from sync.woocommerce.products import PRODUCT_FIELDS, is_sellable, parent_info, to_remote_product

log = logging.getLogger(__name__)


class CataloguePullMixin(ConnectorState):
    """:meth:`pull_products` for :class:`sync.woocommerce.connector.WooCommerceConnector`."""

    def pull_products(self, modified_after: datetime | None) -> Iterator[list[RemoteProduct]]:
        """Pages of simple products and variations changed after ``modified_after`` (UTC; naive is
        taken as UTC), or everything when it is ``None``.

        Sources: ``/products`` (status any), ``/products?status=trash`` (trashed → inactive) and
        ``/variations``, each filtered with ``modified_after`` minus a 5 s overlap (the filter has
        1 s granularity), ``dates_are_gmt=true``, ``orderby=modified&order=asc``, 100 per page.
        Within a listing, pages advance by key (the last item's modified time) rather than by
        offset, so an item edited while we page cannot shift another item out of view.
        Incremental pulls also re-read the variations of variable parents that changed (their
        name, tax class and status live on the parent).

        The same product can appear more than once in one pull (overlap, parent re-reads):
        the caller dedupes by ``remote_id`` keeping the latest ``modified_gmt``, and advances its
        cursor to the highest ``modified_gmt`` only after the iteration completes. Deleted (not
        trashed) products never show up here: a full resync catches them.

        The pages are read one ahead by a helper thread (:func:`sync.prefetch.prefetched`) while
        the caller writes the current one; errors and stopping behave as in a plain loop, and the
        connector is not used by anyone else until the iteration has ended.
        """
        return prefetched(self._read_pages(modified_after), name="catalogue-prefetch")

    def _read_pages(self, modified_after: datetime | None) -> Iterator[list[RemoteProduct]]:
        places = self.places
        since = overlapped(modified_after) if modified_after is not None else None
        changed_parents: list[int] = []
        fields = {"_fields": PRODUCT_FIELDS}
        for extra in (fields, {"status": "trash", **fields}):
            for raws in changed(self._client, "wc/v3/products", extra, since, exclude_seen=True):
                page = []
                for raw in raws:
                    if raw.get("type") == "variable":
                        self._parents[int(raw["id"])] = parent_info(raw)
                        changed_parents.append(int(raw["id"]))
                    elif is_sellable(raw):
                        page.append(self._map(raw, places))
                if page:
                    yield page
        seen: set[int] = set()
        if self._has_variations_route:
            try:
                for raws in changed(self._client, "wc/v3/variations", fields, since, exclude_seen=True):
                    seen.update(int(r["id"]) for r in raws)
                    self._load_parents(int(r.get("parent_id") or 0) for r in raws if r.get("parent_id"))
                    yield [self._map(raw, places) for raw in raws]
            except PermanentError as exc:
                if exc.code != "rest_no_route":
                    raise
                log.warning("store has no /wc/v3/variations route (WooCommerce < 9); reading variations per parent")
                self._has_variations_route = False
        parents = changed_parents if since is not None or not self._has_variations_route else []
        for parent_id in dict.fromkeys(parents):
            for resp in self._client.paginate(f"wc/v3/products/{parent_id}/variations", {"_fields": PRODUCT_FIELDS}):
                page = [self._map(r, places) for r in resp.data
                        if isinstance(r, dict) and "id" in r and int(r["id"]) not in seen]
                if page:
                    yield page

    def _map(self, raw: dict[str, Any], places: int) -> RemoteProduct:
        yield_to_till()  # a page is ~100 of these: the till's sale or scan need not take turns with them
        parent_id = int(raw.get("parent_id") or 0)
        if parent_id and parent_id not in self._parents:
            self._load_parents([parent_id])
        return to_remote_product(raw, places, self._parents.get(parent_id) if parent_id else None)

    def _load_parents(self, ids: Iterable[int]) -> None:
        """Fill the parent cache for variations whose parent was not in this pull."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._parents]
        for status in ("any", "trash"):
            for start in range(0, len(missing), MAX_PER_PAGE):
                chunk = missing[start:start + MAX_PER_PAGE]
                resp = self._client.get("wc/v3/products", {"include": ",".join(map(str, chunk)), "status": status,
                                                           "per_page": MAX_PER_PAGE, "_fields": PRODUCT_FIELDS})
                for raw in resp.data if isinstance(resp.data, list) else []:
                    if isinstance(raw, dict) and "id" in raw:
                        self._parents[int(raw["id"])] = parent_info(raw)
            missing = [i for i in missing if i not in self._parents]
            if not missing:
                return
