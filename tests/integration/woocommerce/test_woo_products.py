"""Catalogue pull: mapping of the recorded products/variations, incremental queries, paging."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.connector import RemoteProduct
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.client import WooClient
from sync.woocommerce.money import to_minor
from sync.woocommerce.products import is_sellable, parent_info, to_remote_product

from .conftest import Answer, Replay, Seen, recording


def _body(name: str) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = recording(name)["response"]["body"]
    return body


def test_simple_product_mapping_from_list_page() -> None:
    variable, gift = _body("02-products-list-page1.json")
    assert not is_sellable(variable)
    p = to_remote_product(gift)
    assert p == RemoteProduct(remote_id=22, parent_id=None, sku="POS-REGALO-20", name="Tarjeta regalo 20 EUR",
                              price_minor=2000, tax_class="zero-rate", barcodes=("8412345000058",), stock=100,
                              active=True, modified_gmt=datetime(2026, 11, 22, 19, 20, 43, tzinfo=UTC),
                              category="Uncategorized")
    oil = to_remote_product(_body("02b-products-list-page2.json")[1])
    assert (oil.sku, oil.price_minor, oil.tax_class) == ("POS-ACEITE-1L", 875, "reduced-rate")


def test_variation_mapping_with_and_without_parent() -> None:
    parent = parent_info(_body("03-products-modified-after.json")[2])
    raw = _body("03b-variations-modified-after.json")[0]
    assert raw["name"] == "M"
    v = to_remote_product(raw, parent=parent)
    assert (v.remote_id, v.parent_id, v.name, v.sku) == (25, 23, "Camiseta logo - M", "POS-CAMI-M")
    assert (v.price_minor, v.stock, v.barcodes, v.active) == (1600, 12, ("8412345000072",), True)
    # /products?global_unique_id=<variation EAN> returns the variation with its full name (04b)
    by_gtin = to_remote_product(_body("04b-products-by-gtin-variation.json")[0])
    assert (by_gtin.remote_id, by_gtin.parent_id, by_gtin.name) == (25, 23, "Camiseta logo - M")


@pytest.mark.parametrize(("status", "active"), [("publish", True), ("draft", False), ("private", False),
                                                ("pending", False), ("trash", False)])
def test_status_maps_to_active(status: str, active: bool) -> None:
    raw = copy.deepcopy(_body("02-products-list-page1.json")[1])
    raw["status"] = status
    assert to_remote_product(raw).active is active


def test_prices_stock_and_parent_inheritance() -> None:
    raw = copy.deepcopy(_body("03b-variations-modified-after.json")[0])
    raw.update(price="", regular_price="16.5", manage_stock=False, tax_class="parent", global_unique_id="")
    parent_raw = copy.deepcopy(_body("03-products-modified-after.json")[2])
    parent_raw.update(status="draft", tax_class="reduced-rate", date_modified_gmt="2026-11-23T08:00:00")
    v = to_remote_product(raw, parent=parent_info(parent_raw))
    assert (v.price_minor, v.stock, v.tax_class, v.barcodes, v.active) == (1650, None, "reduced-rate", (), False)
    assert v.modified_gmt == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # parent changed later than the variation
    assert to_minor("4.995") == 500 and to_minor("") is None and to_minor("1234", 0) == 1234
    raw.update(price="", regular_price="")
    assert to_remote_product(raw).price_minor is None


def test_incremental_pull_queries_and_mapping(replay: Replay) -> None:
    products, variations = _body("03-products-modified-after.json"), _body("03b-variations-modified-after.json")

    def product_list(seen: Seen) -> Answer:
        items = [] if seen.params.get("status") == "trash" else products
        return Answer(200, items, {"X-WP-Total": str(len(items)), "X-WP-TotalPages": "1" if items else "0"})

    replay.handle("GET", "/wp-json/wc/v3/products", product_list)
    replay.add("GET", "/wp-json/wc/v3/variations", Answer(200, variations, {"X-WP-Total": "1", "X-WP-TotalPages": "1"}))
    replay.add("GET", "/wp-json/wc/v3/products/23/variations",
               Answer(200, [variations[0], _body("05c-variations-by-sku.json")[0]], {"X-WP-TotalPages": "1"}))
    conn = WooCommerceConnector(replay.url, "ck", "cs", currency="EUR")
    cursor = datetime(2026, 11, 22, 19, 21, 11, tzinfo=UTC)
    items = [p for page in conn.pull_products(cursor) for p in page]

    listing = [s for s in replay.seen if s.path in ("/wp-json/wc/v3/products", "/wp-json/wc/v3/variations")]
    for seen in listing:
        q = seen.params
        assert q["modified_after"] == "2026-11-22T19:21:06"  # cursor minus the 5 s overlap
        assert (q["dates_are_gmt"], q["orderby"], q["order"], q["per_page"]) == ("true", "modified", "asc", "100")
        assert "REDACTED" not in str(seen.query) and "oauth_signature" in q
    assert [s.params.get("status") for s in listing[:2]] == [None, "trash"]
    assert {p.sku for p in items} == {"POS-TAZA-01", "POS-CUAD-A5", "POS-CAMI-M", "POS-CAMI-S"}
    assert all(p.sku != "POS-CAMI" for p in items)  # the variable parent is not an item
    m = next(p for p in items if p.sku == "POS-CAMI-M")
    assert (m.name, m.parent_id, m.price_minor) == ("Camiseta logo - M", 23, 1600)
    s = next(p for p in items if p.sku == "POS-CAMI-S")
    assert s.name == "Camiseta logo - S"  # re-read because the parent changed


def test_paginate_follows_total_pages_and_resigns(replay: Replay) -> None:
    pages = [_body("02-products-list-page1.json"), _body("02b-products-list-page2.json"), [{"id": 18}, {"id": 19}]]

    def by_page(seen: Seen) -> Answer:
        page = int(seen.params["page"])
        return Answer(200, pages[page - 1], {"X-WP-Total": "6", "X-WP-TotalPages": "3",
                                             "Link": '<http://x/?oauth_nonce=REDACTED&page=2>; rel="next"'})

    replay.handle("GET", "/wp-json/wc/v3/products", by_page)
    got = list(WooClient(replay.url, "ck", "cs").paginate("wc/v3/products", per_page=2))
    assert [len(p.data) for p in got] == [2, 2, 2]
    nonces = {s.params["oauth_nonce"] for s in replay.seen}
    assert [s.params["page"] for s in replay.seen] == ["1", "2", "3"] and len(nonces) == 3


def test_full_pull_from_sandbox(sandbox_connector: WooCommerceConnector) -> None:
    pages = list(sandbox_connector.pull_products(None))
    items = [p for page in pages for p in page]
    ids = {p.remote_id for p in items}
    total = WooClient(sandbox_connector.client.root, "ck_demo", "cs_demo").get(
        "wc/v3/products", {"per_page": 1}).total
    assert len(ids) == len(items) == total and len(pages) > 5
    first = next(p for p in items if p.sku == "MOS-00001")
    assert first.barcodes and len(first.barcodes[0]) == 13 and first.price_minor and first.modified_gmt.tzinfo


def test_item_edited_while_paging_is_not_lost(tmp_path: Path) -> None:
    """Offset paging would skip an item when one from an earlier page moves to the end; key paging
    does not. The store's products change a few per second, as after an import (the demo store's
    thousand products share one second: past a page of them the pull falls back to offset paging,
    see docs/WOOCOMMERCE.md). The edits land while the pull reads ahead (``sync.prefetch``)."""
    from sync.sandbox import SandboxServer

    server = SandboxServer(tmp_path / "store").start()
    try:
        server.store.create_api_key("ck_demo", "cs_demo")
        server.store.bulk_create_simple_products(
            {"name": f"Artículo {i}", "sku": f"E{i:04d}", "regular_price": 1000 + i, "stock_quantity": 5,
             "created": 1_790_000_000 + i // 20, "modified": 1_790_000_000 + i // 20} for i in range(450))
        connector = WooCommerceConnector(server.url, "ck_demo", "cs_demo", timeout=(2, 5))
        client = connector.client
        seen: dict[int, RemoteProduct] = {}
        for number, page in enumerate(connector.pull_products(None)):
            for p in page:
                seen[p.remote_id] = p
            if number < 3:  # move an already-read product to the end of the modified order
                client.request("PUT", f"wc/v3/products/{page[number].remote_id}", json_body={"regular_price": "1.23"})
        total = client.get("wc/v3/products", {"per_page": 1}).total
        assert len(seen) == total == 450
        assert sum(1 for p in seen.values() if p.price_minor == 123) == 3  # the edits were read too
        connector.close()
    finally:
        server.stop()


def test_incremental_pull_from_sandbox(sandbox_connector: WooCommerceConnector) -> None:
    client = sandbox_connector.client
    target = client.get("wc/v3/products", {"sku": "MOS-00002"}).data[0]
    before = datetime.now(UTC) - timedelta(seconds=1)
    client.request("PUT", f"wc/v3/products/{target['id']}", json_body={"regular_price": "7.77"})
    changed = [p for page in sandbox_connector.pull_products(before) for p in page]
    assert [p.price_minor for p in changed if p.sku == "MOS-00002"] == [777]
    assert len(changed) < 20
