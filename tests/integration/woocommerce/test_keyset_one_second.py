"""More than a page of items modified in one second (a CSV import leaves them so): the listing cannot move
its window on, so that second is read on its own, by id (``keyset_paging.one_second``) — and nothing is
lost when items of that second are edited between two requests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector, keyset_paging
from sync.woocommerce.client import WooClient
from sync.woocommerce.keyset_paging import changed
from sync.woocommerce.products import format_gmt, parse_gmt
from tests.integration.woocommerce.test_keyset_exclude import parse_cents

RUN = 430  # in one second
AFTER = 30  # one a second after it: the listing goes on once the second is read
T0 = 1_790_000_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path / "store").start()
    server.store.create_api_key("ck_demo", "cs_demo")
    server.store.bulk_create_simple_products(
        {"name": f"Artículo {i}", "sku": f"K{i:04d}", "regular_price": 1000 + i, "stock_quantity": 5,
         "created": T0, "modified": T0 if i < RUN else T0 + 1 + i - RUN} for i in range(RUN + AFTER))
    yield server
    server.stop()


def test_a_second_with_hundreds_of_items_is_read_whole(store: SandboxServer) -> None:
    connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2, 5))
    items = [p for page in connector.pull_products(None) for p in page]
    connector.close()
    assert len({p.remote_id for p in items}) == RUN + AFTER


def _pull_editing_read_items(store: SandboxServer, monkeypatch: pytest.MonkeyPatch,
                             per_request: int) -> tuple[dict[int, int], dict[int, int]]:
    """One pull; after every request for the crowded second, ``per_request`` items read already are edited
    (they leave the second: those not read yet move up). Returns (id → price read, id → price set)."""
    client = WooClient(store.url, "ck_demo", "cs_demo", timeout=(2, 5))
    read: dict[int, int] = {}
    edited: dict[int, int] = {}
    original = WooClient.get

    def get(self: WooClient, path: str, params: Any = None, **kw: Any) -> Any:
        resp = original(self, path, params, **kw)
        if isinstance(params, dict) and params.get("orderby") == "id" and len(resp.data) == 100:
            earliest = sorted(int(r["id"]) for r in resp.data)
            for rid in [i for i in earliest if i not in edited][:per_request]:
                edited[rid] = 50 + len(edited)
                client.request("PUT", f"wc/v3/products/{rid}", json_body={"regular_price": f"0.{edited[rid]}"})
        return resp

    monkeypatch.setattr(WooClient, "get", get)
    for page in changed(client, "wc/v3/products", {}, None):
        read.update((int(r["id"]), parse_cents(r["regular_price"])) for r in page)
    client.close()
    return read, edited


def test_items_of_the_second_edited_between_requests_hide_nothing(store: SandboxServer,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    read, edited = _pull_editing_read_items(store, monkeypatch, per_request=3)
    assert len(edited) >= 9
    assert len(read) == RUN + AFTER  # not one item shifted out of view
    assert {rid: read[rid] for rid in edited} == edited  # and every edit arrived in the same pull


def test_without_the_overlap_the_same_edits_hide_items(store: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hazard the overlap guards against is real: with none, each edit shifts one item out of view."""
    monkeypatch.setattr(keyset_paging, "RUN_OVERLAP", 0)
    read, _ = _pull_editing_read_items(store, monkeypatch, per_request=3)
    assert len(read) < RUN + AFTER


def test_a_store_whose_modified_after_includes_the_second_still_ends(store: SandboxServer,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Were ``modified_after`` inclusive, the second just read would come back whole: the listing then pages
    on by number instead of reading that second again and again."""
    original = WooClient.get
    calls: list[int] = []

    def inclusive(self: WooClient, path: str, params: Any = None, **kw: Any) -> Any:
        calls.append(1)
        assert len(calls) < 100, "the listing does not end"
        if isinstance(params, dict) and "modified_after" in params and params.get("orderby") == "modified":
            after = parse_gmt(params["modified_after"])
            assert after is not None
            params = {**params, "modified_after": format_gmt(after - timedelta(seconds=1))}
        return original(self, path, params, **kw)

    monkeypatch.setattr(WooClient, "get", inclusive)
    client = WooClient(store.url, "ck_demo", "cs_demo", timeout=(2, 5))
    read = {int(r["id"]) for page in changed(client, "wc/v3/products", {}, None) for r in page}
    client.close()
    assert len(read) == RUN + AFTER
