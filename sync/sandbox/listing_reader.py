"""One listing's view of the catalogue: what rendering a page of products reads, read once.

Rendering a product reads its categories, its related products and, for a variation, its parent;
a page of 100 products from a CSV import shares a dozen categories, so the listing routes render
through a :class:`ListingReader` that remembers each answer for the length of one request (no
writes happen while a GET renders its page).
"""

from __future__ import annotations

import json
from typing import Any

RELATED = 5  # related_ids per product, as WooCommerce shows


class ListingReader:
    """A :class:`~sync.sandbox.render_products.CatalogReader` memoising the store for one request."""

    def __init__(self, store: Any, *, related: bool = True) -> None:
        self._store = store
        self._with_related = related  # False when the response's _fields drop related_ids
        self._products: dict[int, dict[str, Any] | None] = {}
        self._children: dict[int, list[dict[str, Any]]] = {}
        self._related: dict[str, list[int]] = {}
        self._categories: dict[tuple[int, ...], list[dict[str, Any]]] = {}

    def get_product(self, product_id: int) -> dict[str, Any] | None:
        if product_id not in self._products:
            self._products[product_id] = self._store.get_product(product_id)
        return self._products[product_id]

    def product_children(self, parent_id: int) -> list[dict[str, Any]]:
        if parent_id not in self._children:
            self._children[parent_id] = self._store.product_children(parent_id)
        return self._children[parent_id]

    def related_ids(self, product: dict[str, Any]) -> list[int]:
        # The store's answer depends on the product only through its categories and by leaving the
        # product itself out: ask once per category set for one more, then drop the product.
        if not self._with_related:  # like WooCommerce, skip what ?_fields= will not return
            return []
        key = json.dumps(product["category_ids"])
        if key not in self._related:
            self._related[key] = self._store.related_ids({"id": 0, "category_ids": product["category_ids"]},
                                                         limit=RELATED + 1)
        return [i for i in self._related[key] if i != product["id"]][:RELATED]

    def categories(self, ids: list[int]) -> list[dict[str, Any]]:
        key = tuple(ids)
        if key not in self._categories:
            self._categories[key] = self._store.categories(ids)
        return [dict(c) for c in self._categories[key]]

