"""The sandbox's shortcuts for big listings give the same answers as the plain way.

``X-WP-Total`` of ``modified_after`` listings is derived from earlier counts
(``range_counts``), and a listing page reads categories and related products once
(``listing_reader``): both must agree with counting and reading from scratch, including
after writes.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from sync.sandbox import SandboxServer
from sync.sandbox.listing_reader import ListingReader
from sync.sandbox.server import filter_fields
from sync.sandbox.store import SandboxStore
from sync.sandbox.store_catalog import ProductQuery

from .conftest import Client

T0 = 1_800_000_000


def _store(tmp_path: Path, n: int = 300) -> SandboxStore:
    store = SandboxStore(tmp_path / "store")
    cats = [store.ensure_category(f"Familia {i}") for i in range(4)]
    store.bulk_create_simple_products(
        {"name": f"Artículo {i}", "sku": f"S{i:05d}", "regular_price": 100 + i, "category_ids": [cats[i % 4]],
         "created": T0 + i // 7, "modified": T0 + i // 7} for i in range(n))
    return store


def _brute_total(store: SandboxStore, after: int, status: str = "any") -> int:
    db = sqlite3.connect(store.path)
    try:
        where = "status NOT IN ('trash', 'auto-draft')" if status == "any" else "status = 'trash'"
        return int(db.execute(f"SELECT count(*) FROM products WHERE type != 'variation' AND {where}"
                              " AND modified > ?", (after,)).fetchone()[0])
    finally:
        db.close()


def _total(store: SandboxStore, after: int, status: str = "any", exclude: tuple[int, ...] = ()) -> int:
    return store.list_products(ProductQuery(orderby="modified", order="asc", modified_after=after,
                                            status=status, per_page=100, exclude=list(exclude)))[1]


def test_modified_after_totals_match_a_full_count_while_creeping_and_after_writes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    try:
        rng = random.Random(7)
        times = sorted(rng.randrange(T0 - 5, T0 + 50) for _ in range(40))
        for after in [*times, *reversed(times), T0 + 20, T0 - 100]:  # forwards, backwards, repeated
            assert _total(store, after) == _brute_total(store, after), after
        rows = store.list_products(ProductQuery(orderby="modified", order="asc", per_page=1000))[0]
        for after in times[::5]:  # a key-paged pull leaves out what it has just read (and more)
            excluded = (*(r["id"] for r in rows if r["modified"] in (after, after + 1)), 10**6)
            listed = store.list_products(ProductQuery(orderby="modified", order="asc", modified_after=after,
                                                      per_page=100, exclude=list(excluded)))[0]
            expected = _brute_total(store, after) - sum(1 for r in rows if r["modified"] == after + 1)
            assert _total(store, after, exclude=excluded) == expected, after
            assert not {r["id"] for r in listed} & set(excluded)
        ids = [p["id"] for p in store.list_products(ProductQuery(orderby="id", order="asc", per_page=100))[0]]
        store.clock = lambda: T0 + 40
        store.update_product(ids[5], {"regular_price": 999})  # moves to the end of the modified order
        store.delete_product(ids[250 // 7], force=False)
        for after in (T0 + 20, T0 + 30, T0 - 100):
            assert _total(store, after) == _brute_total(store, after), after
            assert _total(store, after, "trash") == _brute_total(store, after, "trash"), after
        other = sqlite3.connect(store.path)  # a write by another connection is seen too
        other.execute("UPDATE products SET status = 'trash' WHERE id IN (SELECT id FROM products LIMIT 10 OFFSET 200)")
        other.commit()
        other.close()
        for after in (T0 + 20, T0 + 30):
            assert _total(store, after) == _brute_total(store, after), after
    finally:
        store.close()


def test_listing_reader_answers_like_the_store(tmp_path: Path) -> None:
    store = _store(tmp_path, 60)
    try:
        reader = ListingReader(store)
        for product in store.list_products(ProductQuery(per_page=100))[0]:
            for _ in range(2):  # the second answer comes from memory
                assert reader.related_ids(product) == store.related_ids(product)
                assert reader.categories(product["category_ids"]) == store.categories(product["category_ids"])
                assert reader.get_product(product["id"]) == store.get_product(product["id"])
                assert reader.product_children(product["id"]) == store.product_children(product["id"])
    finally:
        store.close()


def test_fields_filtered_listings_equal_the_full_listing_filtered(server: SandboxServer, client: Client) -> None:
    store = server.store
    cats = [store.ensure_category(f"Familia {i}") for i in range(3)]
    store.bulk_create_simple_products(
        {"name": f"Artículo {i}", "sku": f"F{i:03d}", "regular_price": 100 + i, "category_ids": [cats[i % 3]],
         "created": T0 + i, "modified": T0 + i} for i in range(30))
    query = {"orderby": "modified", "order": "asc", "per_page": 100}
    full = client.get("/products", params=query).json()
    for fields in ("id,sku,categories", "id,related_ids", "related_ids.x,id", "id,name,date_modified_gmt"):
        got = client.get("/products", params={**query, "_fields": fields}).json()
        assert got == filter_fields(full, fields), fields
    assert any(p["related_ids"] for p in full)
