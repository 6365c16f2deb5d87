"""Concurrent requests never lose stock or wallet updates (one transaction per request)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sync.sandbox import SandboxServer

from .conftest import Client


def test_concurrent_orders_do_not_lose_stock_updates(server: SandboxServer) -> None:
    product = server.store.create_product({"name": "Vela", "regular_price": 599, "manage_stock": True,
                                           "stock_quantity": 100})
    variable = server.store.create_product({"name": "Camiseta", "type": "variable"})
    variation = server.store.create_product({"regular_price": 1500, "manage_stock": True, "stock_quantity": 50,
                                             "attributes": [{"name": "Talla", "option": "S"}]},
                                            parent_id=variable["id"])
    lines = [{"product_id": product["id"], "quantity": 2},
             {"product_id": variable["id"], "variation_id": variation["id"], "quantity": 1}]

    def sell(_: int) -> int:
        c = Client(server.url)
        try:
            return c.post("/orders", json={"status": "processing", "set_paid": True, "line_items": lines}).status_code
        finally:
            c.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(sell, range(24)))
    assert statuses == [201] * 24
    assert server.store.get_product_stock(product["id"]) == 100 - 48
    assert server.store.get_product_stock(variation["id"]) == 50 - 24
    assert server.store.counts()["orders"] == 24


def test_concurrent_inventory_deltas_are_atomic(server: SandboxServer) -> None:
    product = server.store.create_product({"name": "Lápiz", "manage_stock": True, "stock_quantity": 0})

    def bump(n: int) -> int:
        c = Client(server.url)
        try:
            return c.put(f"/products/{product['id']}", json={"inventory_delta": 1 if n % 2 else 2}).status_code
        finally:
            c.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(bump, range(40))) == {200}
    assert server.store.get_product_stock(product["id"]) == 60


def test_concurrent_wallet_retries_with_one_key_credit_once(server: SandboxServer) -> None:
    user = server.store.create_customer({"email": "ana@example.com", "first_name": "Ana"})

    def credit(_: int) -> tuple[int, str | None]:
        c = Client(server.url)
        try:
            resp = c.post("/terawallet/v1/admin/transactions", auth="app", headers={"Idempotency-Key": "k-1"},
                          json={"user_id": user["id"], "type": "credit", "amount": 5, "note": "x"})
            return resp.status_code, resp.headers.get("Idempotent-Replay")
        finally:
            c.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(credit, range(12)))
    assert all(status == 200 for status, _ in results)
    assert sum(1 for _, replay in results if replay is None) == 1
    assert server.store.wallet_balance(user["id"]) == 500
