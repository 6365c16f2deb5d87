"""WooCommerce rules the recordings imply but do not show step by step."""

from __future__ import annotations

import pytest
import requests

from sync.sandbox import SandboxServer

from .conftest import Client


@pytest.fixture
def pid(server: SandboxServer) -> int:
    return int(server.store.create_product({"name": "Aceite 1 L", "sku": "ACE", "regular_price": 875,
                                            "tax_class": "reduced-rate", "manage_stock": True,
                                            "stock_quantity": 10})["id"])


def _line(pid: int, qty: int = 2) -> list[dict[str, int]]:
    return [{"product_id": pid, "quantity": qty}]


def test_stock_follows_status_transitions(server: SandboxServer, client: Client, pid: int) -> None:
    def stock() -> int | None:
        return server.store.get_product_stock(pid)

    order = client.post("/orders", json={"line_items": _line(pid)}).json()
    assert (order["status"], stock()) == ("pending", 10)  # pending does not reduce
    client.put(f"/orders/{order['id']}", json={"status": "processing"})
    assert stock() == 8
    client.put(f"/orders/{order['id']}", json={"status": "completed"})
    assert stock() == 8  # not twice
    client.put(f"/orders/{order['id']}", json={"status": "cancelled"})
    assert stock() == 10  # cancelled gives it back
    notes = [n["note"] for n in client.get(f"/orders/{order['id']}/notes").json()]
    assert "Stock levels increased: Aceite 1 L (8&rarr;10)" in notes
    client.put(f"/orders/{order['id']}", json={"status": "on-hold"})
    assert stock() == 8
    client.delete(f"/orders/{order['id']}", params={"force": "true"})
    assert stock() == 8  # deleting an order never restocks


def test_set_paid_created_via_and_validation(server: SandboxServer, client: Client, pid: int) -> None:
    order = client.post("/orders", json={"set_paid": True, "created_via": "mostrador-pos",
                                         "line_items": _line(pid, 1)}).json()
    assert order["status"] == "processing" and order["date_paid"] is not None
    assert server.store.get_product_stock(pid) == 9
    updated = client.put(f"/orders/{order['id']}", json={"created_via": "other"}).json()
    assert updated["created_via"] == "mostrador-pos"  # read-only after creation
    bad_qty = client.post("/orders", json={"line_items": [{"product_id": pid, "quantity": "many"}]})
    assert (bad_qty.status_code, bad_qty.json()["code"]) == (400, "rest_invalid_param")
    bad_customer = client.post("/orders", json={"customer_id": 999, "line_items": _line(pid)})
    assert (bad_customer.status_code, bad_customer.json()["code"]) == (400, "woocommerce_rest_invalid_customer_id")
    missing = client.put("/orders/999999", json={"status": "completed"})
    assert (missing.status_code, missing.json()["code"]) == (400, "woocommerce_rest_shop_order_invalid_id")
    assert server.store.counts()["orders"] == 1


def test_totals_shipping_and_explicit_line_totals(client: Client, pid: int) -> None:
    order = client.post("/orders", json={
        "line_items": [{"product_id": pid, "quantity": 2}, {"product_id": pid, "quantity": 1, "total": "5.00"}],
        "shipping_lines": [{"method_id": "flat_rate", "method_title": "Envío", "total": "4.00"}]}).json()
    first, second = order["line_items"]
    assert (first["total"], first["total_tax"], first["price"]) == ("15.91", "1.59", 7.954545)
    assert (second["total"], second["total_tax"]) == ("5.00", "0.50")  # REST totals are net of tax
    assert order["shipping_lines"][0]["total_tax"] == "0.84"
    assert (order["shipping_total"], order["cart_tax"], order["total"]) == ("4.00", "2.09", "27.84")
    assert [(t["rate_id"], t["tax_total"], t["shipping_tax_total"]) for t in order["tax_lines"]] == [
        (2, "2.09", "0.00"), (1, "0.00", "0.84")]


def test_refunds_full_amount_and_defaults(server: SandboxServer, client: Client, pid: int) -> None:
    order = client.post("/orders", json={"status": "completed", "payment_method": "cash",
                                         "line_items": _line(pid)}).json()
    item = order["line_items"][0]["id"]
    refund = client.post(f"/orders/{order['id']}/refunds", json={
        "api_refund": False, "line_items": [{"id": item, "quantity": 2, "refund_total": 15.91,
                                             "refund_tax": [{"id": 2, "refund_total": 1.59}]}]})
    assert refund.status_code == 201
    assert refund.json()["amount"] == "17.50"  # no amount: the sum of the lines
    assert server.store.get_product_stock(pid) == 10  # api_restock defaults to true
    after = client.get(f"/orders/{order['id']}").json()
    assert after["status"] == "refunded" and after["total"] == "17.50"
    again = client.post(f"/orders/{order['id']}/refunds", json={"amount": "0.01", "api_refund": False})
    assert (again.status_code, again.json()["message"]) == (500, "Invalid refund amount.")
    not_forced = client.delete(f"/orders/{order['id']}/refunds/{refund.json()['id']}")
    assert not_forced.status_code == 501


def test_stock_quantity_wins_over_inventory_delta(client: Client, pid: int) -> None:
    body = client.put(f"/products/{pid}", json={"stock_quantity": 3, "inventory_delta": 100}).json()
    assert body["stock_quantity"] == 3
    body = client.put(f"/products/{pid}", json={"inventory_delta": -5}).json()
    assert (body["stock_quantity"], body["stock_status"]) == (-2, "outofstock")


def test_product_validation(client: Client, pid: int) -> None:
    dup = client.post("/products", json={"name": "Otro", "sku": "ACE"})
    assert (dup.status_code, dup.json()["code"]) == (400, "product_invalid_sku")
    price = client.post("/products", json={"name": "Otro", "regular_price": 4.95})
    assert price.json()["data"]["params"] == {"regular_price": "regular_price is not of type string."}
    variable = client.post("/products", json={"name": "Camiseta", "type": "variable"}).json()
    s = client.post(f"/products/{variable['id']}/variations", json={"regular_price": "15.00", "sku": "CAM-S",
                                                                   "attributes": [{"name": "Talla", "option": "S"}]})
    assert s.status_code == 201 and "(?P<product_id>" in s.headers["Location"]
    assert client.get(f"/products/{variable['id']}").json()["variations"] == [s.json()["id"]]
    assert client.get("/products", params={"sku": "CAM-S"}).json()[0]["type"] == "variation"
    assert client.delete(f"/products/{variable['id']}/variations/{s.json()['id']}").status_code == 501
    batch = client.post("/products/batch", json={"create": [{"name": "Nuevo", "stock_quantity": "abc",
                                                             "manage_stock": True}],
                                                  "update": [{"id": 999999, "regular_price": "1.00"}],
                                                  "delete": [pid]}).json()
    assert batch["create"][0]["stock_quantity"] == 0  # batch items skip validation (PHP casts)
    assert batch["update"][0]["error"]["code"] == "woocommerce_rest_product_invalid_id"
    assert batch["delete"][0]["id"] == pid and client.get(f"/products/{pid}").status_code == 404


def test_customers_search_and_email(client: Client) -> None:
    created = client.post("/customers", json={"email": "jose.nunez@example.com", "first_name": "José",
                                              "last_name": "Núñez", "billing": {"phone": "+34 699 000 111"}})
    assert created.status_code == 201 and created.json()["username"] == "jose.nunez"
    assert len(client.get("/customers", params={"search": "NUÑEZ"}).json()) == 1  # login, accent-insensitive
    assert client.get("/customers", params={"search": "699"}).json() == []
    assert client.get("/customers", params={"email": "jose.nunez@example"}).json() == []  # exact only
    assert client.get("/customers", params={"role": "all"}).headers["X-WP-Total"] == "2"
    missing = client.post("/customers", json={"first_name": "Sin correo"})
    assert (missing.status_code, missing.json()["code"]) == (400, "rest_missing_callback_param")


def test_bad_json_and_head(server: SandboxServer, client: Client) -> None:
    resp = client.request("POST", "/products", data=b"{nope", headers={"Content-Type": "application/json"})
    assert (resp.status_code, resp.json()["code"]) == (400, "rest_invalid_json")
    head = client.request("HEAD", "/products")
    assert head.status_code == 200 and head.headers["X-WP-Total"] == "0" and not head.content
    index = requests.get(f"{server.url}/wp-json/", timeout=5).json()
    assert "wc/v3" in index["namespaces"]


def test_fields_filter_and_settings(client: Client, pid: int) -> None:
    order = client.post("/orders", json={"status": "completed", "line_items": _line(pid, 1)}).json()
    listed = client.get("/orders", params={"_fields": "id,status,line_items.quantity"}).json()
    assert listed == [{"id": order["id"], "status": "completed", "line_items": [{"quantity": 1}]}]
    currency = client.get("/settings/general/woocommerce_currency").json()
    assert (currency["id"], currency["value"]) == ("woocommerce_currency", "EUR")
    assert client.get("/settings/tax/woocommerce_prices_include_tax").json()["value"] == "yes"
    assert client.get("/settings/general/nope").status_code == 404
