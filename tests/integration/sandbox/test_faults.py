"""Fault switches: 5xx, 429 + Retry-After, response dropped after commit, latency, down."""

from __future__ import annotations

import time

import pytest
import requests

from sync.sandbox import SandboxServer

from .conftest import Client


@pytest.fixture
def product_id(server: SandboxServer) -> int:
    row = server.store.create_product({"name": "Pan", "sku": "PAN", "regular_price": 120, "manage_stock": True,
                                       "stock_quantity": 10})
    return int(row["id"])


def _order(product_id: int) -> dict[str, object]:
    return {"status": "completed", "created_via": "mostrador-pos", "line_items": [{"product_id": product_id,
                                                                                   "quantity": 1}]}


def test_fail_5xx_next_touches_no_data(server: SandboxServer, client: Client, product_id: int) -> None:
    server.faults.fail_5xx_next = 2
    for _ in range(2):
        resp = client.post("/orders", json=_order(product_id))
        assert resp.status_code == 503
        assert resp.json()["data"] == {"status": 503}
    assert server.store.counts()["orders"] == 0
    assert server.store.get_product_stock(product_id) == 10
    assert client.post("/orders", json=_order(product_id)).status_code == 201
    assert server.store.get_product_stock(product_id) == 9


def test_rate_limit_next_has_retry_after(server: SandboxServer, client: Client) -> None:
    server.faults.rate_limit_next = 1
    resp = client.get("/products")
    assert resp.status_code == 429
    assert resp.headers["Retry-After"] == "1"
    assert client.get("/products").status_code == 200


def test_drop_after_commit_commits_then_closes(server: SandboxServer, client: Client, product_id: int) -> None:
    server.faults.drop_after_commit_next = 1
    assert client.get("/products").status_code == 200  # reads are not dropped
    with pytest.raises(requests.ConnectionError):
        client.post("/orders", json=_order(product_id))
    assert server.faults.drop_after_commit_next == 0
    orders = client.get("/orders").json()  # the order exists although the client never got the answer
    assert len(orders) == 1 and orders[0]["status"] == "completed"
    assert server.store.get_product_stock(product_id) == 9


def test_latency(server: SandboxServer, client: Client) -> None:
    server.faults.latency_s = 0.25
    start = time.monotonic()
    assert client.get("/products").status_code == 200
    assert time.monotonic() - start >= 0.25


def test_down_and_the_http_admin_endpoint(server: SandboxServer, client: Client) -> None:
    admin = f"{server.url}/__sandbox/faults"
    resp = requests.post(admin, json={"down": True, "fail_5xx_next": 3}, timeout=5)
    assert resp.json() == {"latency_s": 0.0, "fail_5xx_next": 3, "rate_limit_next": 0,
                           "drop_after_commit_next": 0, "down": True}
    with pytest.raises(requests.ConnectionError):
        client.get("/products")
    assert requests.get(f"{server.url}/__sandbox/state", timeout=5).json()["faults"]["down"] is True
    requests.post(admin, json={"reset": True}, timeout=5)
    assert server.faults.snapshot()["fail_5xx_next"] == 0
    assert client.get("/products").status_code == 200


def test_faults_reset(server: SandboxServer) -> None:
    server.faults.update({"latency_s": 1, "rate_limit_next": 2, "drop_after_commit_next": 1, "down": True})
    server.faults.reset()
    assert server.faults.snapshot() == {"latency_s": 0.0, "fail_5xx_next": 0, "rate_limit_next": 0,
                                        "drop_after_commit_next": 0, "down": False}
