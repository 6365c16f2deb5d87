"""Key paging with ``exclude``: a restart leaves out the items of the second it has just read
(``keyset_paging.changed(exclude_seen=True)``), so a pull makes one request per page — and still
loses nothing when those very items are edited between two requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.client import WooClient
from sync.woocommerce.keyset_paging import changed

N = 1_050  # not whole pages: the request after the tenth page reaches the end of the listing
T0 = 1_790_000_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path / "store").start()
    server.store.create_api_key("ck_demo", "cs_demo")
    server.store.bulk_create_simple_products(  # 20 a second, as an import leaves them
        {"name": f"Artículo {i}", "sku": f"K{i:04d}", "regular_price": 1000 + i, "stock_quantity": 5,
         "created": T0 + i // 20, "modified": T0 + i // 20} for i in range(N))
    yield server
    server.stop()


@pytest.fixture
def requests_seen(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    original = WooClient.get

    def get(self: WooClient, path: str, params: Any = None, **kw: Any) -> Any:
        if path == "wc/v3/products" and isinstance(params, dict) and "orderby" in params:
            seen.append(dict(params))
        return original(self, path, params, **kw)

    monkeypatch.setattr(WooClient, "get", get)
    return seen


def test_one_request_per_page_and_no_product_twice(store: SandboxServer, requests_seen: list[dict[str, Any]]) -> None:
    connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2, 5))
    items = [p for page in connector.pull_products(None) for p in page]
    connector.close()
    assert len(items) == len({p.remote_id for p in items}) == N
    listing = [r for r in requests_seen if r.get("status") != "trash"]
    assert len(listing) <= N // 100 + 3  # 10 pages, the last three without exclude: 13 at most
    assert all("exclude" in r for r in listing[1:-3]) and not any("exclude" in r for r in listing[-2:])


def test_items_left_out_by_exclude_and_edited_meanwhile_are_read_again(store: SandboxServer) -> None:
    """Between two requests (the listing read one page at a time), edit one of the items the next
    request may leave out: far from the end the edit is read further on; near the end the pull
    stops excluding, so the last pages read it too."""
    client = WooClient(store.url, "ck_demo", "cs_demo", timeout=(2, 5))
    seen: dict[int, int] = {}
    edited: dict[int, int] = {}
    pages = changed(client, "wc/v3/products", {}, None, exclude_seen=True)
    for number, page in enumerate(pages):
        seen.update((int(r["id"]), parse_cents(r["regular_price"])) for r in page)
        last = [r for r in page if r["date_modified_gmt"] == page[-1]["date_modified_gmt"]]
        target = int(last[number % len(last)]["id"])
        if len(seen) < N and target not in edited:  # not after the last page: that edit is the next pull's
            edited[target] = 50 + number
            client.request("PUT", f"wc/v3/products/{target}", json_body={"regular_price": f"0.{50 + number}"})
    client.close()
    assert len(seen) == N and len(edited) >= 9
    assert {rid: seen[rid] for rid in edited} == edited  # every edit arrived in the same pull


def parse_cents(text: str) -> int:
    units, _, cents = text.partition(".")
    return int(units) * 100 + int((cents + "00")[:2])
