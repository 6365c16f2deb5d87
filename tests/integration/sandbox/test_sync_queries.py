"""What an incremental sync relies on: pagination, modified_after, lookups and trash."""

from __future__ import annotations

import re

import pytest

from sync.sandbox import SandboxServer

from .conftest import Client

T0 = 1_800_000_000  # 2027-01-15T08:00:00Z (09:00 in Madrid)


@pytest.fixture
def catalogue(server: SandboxServer) -> list[int]:
    server.store.clock = lambda: T0
    return [int(server.store.create_product({"name": f"Producto {n:02d}", "sku": f"P-{n:02d}",
                                              "regular_price": 100 + n, "manage_stock": True,
                                              "stock_quantity": n})["id"]) for n in range(7)]


def _next_link(link: str) -> str | None:
    match = re.search(r'<([^>]+)>; rel="next"', link)
    return match.group(1) if match else None


def test_pagination_across_pages(client: Client, catalogue: list[int]) -> None:
    seen: list[int] = []
    page = 1
    while True:
        resp = client.get("/products", params={"per_page": 3, "page": page, "orderby": "id", "order": "asc"})
        assert resp.headers["X-WP-Total"] == "7" and resp.headers["X-WP-TotalPages"] == "3"
        seen += [p["id"] for p in resp.json()]
        link = resp.headers["Link"]
        assert ('rel="prev"' in link) == (page > 1)
        next_url = _next_link(link)
        if next_url is None:
            break
        assert f"page={page + 1}" in next_url and "per_page=3" in next_url and "oauth_signature=" in next_url
        page += 1
    assert seen == catalogue and page == 3
    beyond = client.get("/products", params={"per_page": 3, "page": 9})
    assert beyond.json() == [] and 'rel="prev"' in beyond.headers["Link"]
    for bad in ({"per_page": 0}, {"per_page": 101}, {"page": 0}, {"per_page": "x"}):
        resp = client.get("/products", params=bad)
        assert (resp.status_code, resp.json()["code"]) == (400, "rest_invalid_param"), bad


def test_offset_overrides_page_as_in_wordpress(server: SandboxServer, client: Client, catalogue: list[int]) -> None:
    resp = client.get("/products", params={"per_page": 3, "page": 3, "offset": 2, "orderby": "id", "order": "asc"})
    assert [p["id"] for p in resp.json()] == catalogue[2:5]
    assert resp.headers["X-WP-Total"] == "7"  # the whole listing, as WordPress counts it
    for n in range(3):
        client.post("/orders", json={"line_items": [{"product_id": catalogue[n], "quantity": 1}]})
    orders = client.get("/orders", params={"orderby": "id", "order": "asc"}).json()
    later = client.get("/orders", params={"orderby": "id", "order": "asc", "offset": 1, "page": 2}).json()
    assert [o["id"] for o in later] == [o["id"] for o in orders[1:]]
    bad = client.get("/products", params={"offset": -1})
    assert (bad.status_code, bad.json()["code"]) == (400, "rest_invalid_param")


def test_modified_after_is_exclusive_and_respects_dates_are_gmt(server: SandboxServer, client: Client,
                                                               catalogue: list[int]) -> None:
    server.store.clock = lambda: T0 + 10
    server.store.update_product(catalogue[3], {"regular_price": 999})
    server.store.clock = lambda: T0 + 20
    server.store.adjust_stock(catalogue[5], -1)  # a sale reduces stock: date_modified bumps too

    def ids(**params: str) -> list[int]:
        resp = client.get("/products", params={"orderby": "modified", "order": "asc", **params})
        return [p["id"] for p in resp.json()]

    assert ids(modified_after="2027-01-15T08:00:00", dates_are_gmt="true") == [catalogue[3], catalogue[5]]
    assert ids(modified_after="2027-01-15T08:00:10", dates_are_gmt="true") == [catalogue[5]]  # strictly after
    assert ids(modified_after="2027-01-15T09:00:10") == [catalogue[5]]  # without the flag: Madrid time
    assert ids(modified_after="2027-01-15T08:00:10Z") == [catalogue[5]]
    assert ids(modified_after="2027-01-15T08:00:20", dates_are_gmt="true") == []
    bad = client.get("/products", params={"modified_after": "yesterday"})
    assert (bad.status_code, bad.json()["data"]["details"]["modified_after"]["code"]) == (400, "rest_invalid_date")
    orders = client.get("/orders", params={"modified_after": "2027-01-15T08:00:00", "dates_are_gmt": "true"})
    assert orders.json() == []


def test_lookups_search_include_and_trash(client: Client, catalogue: list[int]) -> None:
    assert [p["id"] for p in client.get("/products", params={"sku": "P-01,P-03"}).json()] == [
        catalogue[3], catalogue[1]]
    assert [p["id"] for p in client.get("/products", params={"include": f"{catalogue[2]},{catalogue[4]}",
                                                              "orderby": "include"}).json()] == [
        catalogue[2], catalogue[4]]
    assert len(client.get("/products", params={"search": "PRODUCTO 0"}).json()) == 7
    assert client.delete(f"/products/{catalogue[0]}").json()["status"] == "trash"
    assert client.get("/products").headers["X-WP-Total"] == "6"
    assert [p["id"] for p in client.get("/products", params={"status": "trash"}).json()] == [catalogue[0]]
    assert client.delete(f"/products/{catalogue[0]}", params={"force": "true"}).status_code == 200
    assert client.get(f"/products/{catalogue[0]}").status_code == 404
    assert client.get("/products", params={"status": "bogus"}).status_code == 400


def test_orders_filters_and_pagination(server: SandboxServer, client: Client, catalogue: list[int]) -> None:
    for n in range(5):
        status = "processing" if n % 2 else "completed"
        client.post("/orders", json={"status": status, "created_via": "mostrador-pos" if n < 3 else "checkout",
                                     "line_items": [{"product_id": catalogue[n], "quantity": 1}]})
    first = client.get("/orders", params={"per_page": 2})
    assert first.headers["X-WP-Total"] == "5" and first.headers["X-WP-TotalPages"] == "3"
    assert len(client.get("/orders", params={"status": "processing,completed"}).json()) == 5
    assert len(client.get("/orders", params={"status": "processing"}).json()) == 2
    assert len(client.get("/orders", params={"created_via": "checkout"}).json()) == 2
    assert len(client.get("/orders", params={"search": "Producto 04"}).json()) == 1
    order_id = client.get("/orders").json()[0]["id"]
    assert client.delete(f"/orders/{order_id}").json()["status"] == "trash"
    assert client.get("/orders").headers["X-WP-Total"] == "4"
    assert len(client.get("/orders", params={"status": "trash"}).json()) == 1
