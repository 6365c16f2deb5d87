"""Fee lines on order create, as WooCommerce 11 applies them (no recording has one: the rules come
from ``WC_REST_Orders_V2_Controller::prepare_fee_lines``, ``WC_Order_Item_Fee`` and
``WC_Abstract_Order::calculate_totals``).

Fee totals are net; a taxable fee pays its class's rate on top; a negative fee takes tax back in
proportion to the order's taxable costs whatever its ``tax_status``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sync.sandbox import SandboxServer
from sync.sandbox.store import SandboxStore

from .conftest import Client

FEE_KEYS = ["id", "name", "tax_class", "tax_status", "amount", "total", "total_tax", "taxes", "meta_data"]


@pytest.fixture
def pids(server: SandboxServer) -> dict[str, int]:
    """Olive oil at 10 % (8.75 = 7.95 + 0.80) and a mug at 21 % (12.10 = 10.00 + 2.10)."""
    store = server.store
    oil = store.create_product({"name": "Aceite 1 L", "sku": "ACE", "regular_price": 875, "tax_class": "reduced-rate",
                                "manage_stock": True, "stock_quantity": 10})
    mug = store.create_product({"name": "Taza", "sku": "TAZA", "regular_price": 1210, "manage_stock": True,
                                "stock_quantity": 10})
    return {"oil": int(oil["id"]), "mug": int(mug["id"])}


def _create(client: Client, lines: list[dict[str, Any]], fees: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    resp = client.post("/orders", json={"line_items": lines, "fee_lines": fees, **extra})
    assert resp.status_code == 201, resp.text
    order: dict[str, Any] = resp.json()
    return order


def _taxes(order: dict[str, Any]) -> list[tuple[int, str]]:
    return [(t["rate_id"], t["tax_total"]) for t in order["tax_lines"]]


def test_positive_and_negative_untaxed_fees_reach_the_total(client: Client, pids: dict[str, int]) -> None:
    oil = [{"product_id": pids["oil"], "quantity": 2}]  # 15.91 + 1.59 = 17.50
    up = _create(client, oil, [{"name": "Redondeo", "tax_status": "none", "total": "0.01"}])
    assert (up["total"], up["total_tax"], up["cart_tax"], _taxes(up)) == ("17.51", "1.59", "1.59", [(2, "1.59")])
    [fee] = up["fee_lines"]
    assert list(fee) == FEE_KEYS
    assert fee == {"id": fee["id"], "name": "Redondeo", "tax_class": "", "tax_status": "none", "amount": "",
                   "total": "0.01", "total_tax": "0.00", "taxes": [], "meta_data": []}
    assert fee["id"] > up["line_items"][0]["id"]
    assert client.get(f"/orders/{up['id']}").json()["fee_lines"] == [fee]

    # the connector's case: -0.02 on a 21 % ticket. WooCommerce spreads tax over a negative fee even
    # when untaxed, but -0.02 x 21 % = -0.0042 rounds to 0.00, so the total is the exact sum.
    down = _create(client, [{"product_id": pids["mug"], "quantity": 1}],
                   [{"name": "Redondeo", "tax_status": "none", "total": "-0.02"}])
    assert (down["total"], down["total_tax"], _taxes(down)) == ("12.08", "2.10", [(1, "2.10")])
    [fee] = down["fee_lines"]
    assert (fee["total"], fee["total_tax"], fee["taxes"]) == ("-0.02", "0.00", [{"id": 1, "total": "0.00",
                                                                                 "subtotal": ""}])
    both = _create(client, oil, [{"name": "Más", "tax_status": "none", "total": "0.01"},
                                 {"name": "Menos", "tax_status": "none", "total": "-0.02"}])
    assert (both["total"], both["total_tax"]) == ("17.49", "1.59")
    assert [f["total"] for f in both["fee_lines"]] == ["0.01", "-0.02"]
    assert [o["total"] for o in client.get("/orders", params={"include": f"{up['id']},{down['id']}"}).json()] == [
        "12.08", "17.51"]


def test_taxable_fee_pays_its_class_rate_on_top(client: Client, pids: dict[str, int]) -> None:
    order = _create(client, [{"product_id": pids["oil"], "quantity": 2}], [
        {"name": "Envoltorio", "tax_status": "taxable", "total": "2.00"},  # standard 21 %: 0.42
        {"name": "Entrega", "tax_class": "reduced-rate", "total": "1.55",  # tax_status defaults to taxable
         "meta_data": [{"key": "zona", "value": "centro"}]}])  # 10 %: 0.155 -> 0.16 (half up)
    wrap, delivery = order["fee_lines"]
    assert (wrap["tax_status"], wrap["total_tax"], wrap["taxes"]) == (
        "taxable", "0.42", [{"id": 1, "total": "0.42", "subtotal": ""}])
    assert (delivery["tax_class"], delivery["tax_status"], delivery["total_tax"]) == ("reduced-rate", "taxable", "0.16")
    assert [(m["key"], m["value"], m["display_key"]) for m in delivery["meta_data"]] == [("zona", "centro", "zona")]
    # lines 15.91 + 1.59, fees 2.00 + 0.42 and 1.55 + 0.16
    assert (order["total"], order["total_tax"], order["cart_tax"]) == ("21.63", "2.17", "2.17")
    assert _taxes(order) == [(2, "1.75"), (1, "0.42")]
    assert order["discount_total"] == "0.00" and order["shipping_total"] == "0.00"


def test_negative_fee_takes_tax_back_whatever_its_status(client: Client, pids: dict[str, int]) -> None:
    """``WC_Order_Item_Fee::calculate_taxes`` ignores tax_status for negative fees (woocommerce#47948)."""
    mixed = [{"product_id": pids["mug"], "quantity": 1}, {"product_id": pids["oil"], "quantity": 1}]
    order = _create(client, mixed, [{"name": "Descuento", "tax_status": "none", "total": "-1.00"}])
    # costs: 10.00 standard, 7.95 reduced: -1.00 x 1000/1795 x 21 % = -0.117 and x 795/1795 x 10 % = -0.044
    [fee] = order["fee_lines"]
    assert fee["taxes"] == [{"id": 1, "total": "-0.12", "subtotal": ""}, {"id": 2, "total": "-0.04", "subtotal": ""}]
    assert (fee["total"], fee["total_tax"]) == ("-1.00", "-0.16")
    assert _taxes(order) == [(1, "1.98"), (2, "0.76")]
    assert (order["total"], order["total_tax"]) == ("19.69", "2.74")  # 20.85 - 1.00 - 0.16
    # a negative fee cannot take the order below zero: it is cut to minus the net costs
    capped = _create(client, [{"product_id": pids["mug"], "quantity": 1}],
                     [{"name": "Todo gratis", "tax_status": "none", "total": "-50.00"}])
    assert (capped["fee_lines"][0]["total"], capped["fee_lines"][0]["total_tax"]) == ("-10.00", "-2.10")
    assert (capped["total"], capped["total_tax"], capped["needs_payment"]) == ("0.00", "0.00", False)


def test_refunds_reach_the_total_with_fees_and_not_beyond(server: SandboxServer, client: Client,
                                                          pids: dict[str, int]) -> None:
    order = _create(client, [{"product_id": pids["oil"], "quantity": 2}],
                    [{"name": "Redondeo", "tax_status": "none", "total": "0.01"}],
                    status="completed", payment_method="cash")
    assert order["total"] == "17.51"
    line, fee = order["line_items"][0], order["fee_lines"][0]
    too_much = client.post(f"/orders/{order['id']}/refunds", json={"amount": "17.52", "api_refund": False})
    assert (too_much.status_code, too_much.json()) == (500, {
        "code": "woocommerce_rest_cannot_create_order_refund", "message": "Invalid refund amount.", "data": 500})
    by_lines = client.post(f"/orders/{order['id']}/refunds", json={"api_refund": False, "line_items": [
        {"id": line["id"], "quantity": 2, "refund_total": "15.91", "refund_tax": [{"id": 2, "refund_total": "1.59"}]},
        {"id": fee["id"], "refund_total": "0.01"}]})
    assert by_lines.status_code == 201, by_lines.text
    refund = by_lines.json()
    assert refund["amount"] == "17.51"  # the lines, fee included
    [refunded_fee] = refund["fee_lines"]
    assert list(refunded_fee) == FEE_KEYS
    assert (refunded_fee["name"], refunded_fee["total"], refunded_fee["total_tax"]) == ("Redondeo", "-0.01", "0.00")
    assert [(m["key"], m["value"]) for m in refunded_fee["meta_data"]] == [("_refunded_item_id", str(fee["id"]))]
    assert server.store.get_product_stock(pids["oil"]) == 10  # the product line restocked, the fee has no stock
    after = client.get(f"/orders/{order['id']}").json()
    assert after["status"] == "refunded"
    assert after["refunds"] == [{"id": refund["id"], "reason": "", "total": "-17.51", "total_tax": "-1.59"}]
    again = client.post(f"/orders/{order['id']}/refunds", json={"amount": "0.01", "api_refund": False})
    assert (again.status_code, again.json()["message"]) == (500, "Invalid refund amount.")


def test_refund_by_amount_up_to_a_total_with_a_negative_fee(client: Client, pids: dict[str, int]) -> None:
    order = _create(client, [{"product_id": pids["mug"], "quantity": 1}],
                    [{"name": "Redondeo", "tax_status": "none", "total": "-0.02"}],
                    status="completed", payment_method="cash")
    over = client.post(f"/orders/{order['id']}/refunds", json={"amount": "12.09", "api_refund": False})
    assert (over.status_code, over.json()["message"]) == (500, "Invalid refund amount.")
    partial = client.post(f"/orders/{order['id']}/refunds", json={"amount": "2.08", "api_refund": False})
    rest = client.post(f"/orders/{order['id']}/refunds", json={"amount": "10.00", "api_refund": False})
    assert (partial.status_code, rest.status_code) == (201, 201)
    assert client.get(f"/orders/{order['id']}").json()["status"] == "refunded"


def test_fee_validation(server: SandboxServer, client: Client, pids: dict[str, int]) -> None:
    lines = [{"product_id": pids["mug"], "quantity": 1}]

    def post(fee: dict[str, Any], **extra: Any) -> tuple[int, dict[str, Any]]:
        resp = client.post("/orders", json={"line_items": lines, "fee_lines": [fee], **extra})
        return resp.status_code, resp.json()

    status, body = post({"total": "1.00"})
    assert (status, body["code"], body["message"]) == (400, "woocommerce_rest_invalid_fee_item",
                                                       "Fee name is required.")
    status, body = post({"name": "X", "tax_status": "exempt", "total": "1.00"})
    assert (status, body["code"], body["data"]["params"]) == (400, "rest_invalid_param", {
        "fee_lines": "fee_lines[0][tax_status] is not one of taxable and none."})
    status, body = post({"name": "X", "total": 1})
    assert (status, body["data"]["details"]["fee_lines"]["code"]) == (400, "rest_invalid_type")
    assert body["data"]["params"] == {"fee_lines": "fee_lines[0][total] is not of type string."}
    status, body = post({"name": "X", "tax_class": "standard", "total": "1.00"})  # standard is '', not a slug
    assert (status, body["code"], body["message"]) == (400, "order_item_fee_invalid_tax_class", "Invalid tax class")
    status, body = post({"total": "1.00"}, customer_id=999)  # items are checked before the customer
    assert (status, body["code"]) == (400, "woocommerce_rest_invalid_fee_item")
    assert server.store.counts()["orders"] == 0
    assert server.store.get_product_stock(pids["mug"]) == 10
    dropped = _create(client, lines, [{"name": None, "total": "5.00"}])  # a null name removes the item
    assert (dropped["fee_lines"], dropped["total"]) == ([], "12.10")


def test_batch_creates_fees_without_schema_checks(client: Client, pids: dict[str, int]) -> None:
    lines = [{"product_id": pids["mug"], "quantity": 1}]
    resp = client.post("/orders/batch", json={"create": [
        {"line_items": lines, "fee_lines": [{"name": "Redondeo", "tax_status": "none", "total": "-0.01"}]},
        {"line_items": lines, "fee_lines": [{"name": "Raro", "tax_status": "exempt", "total": 1}]},
        {"line_items": lines, "fee_lines": [{"total": "1.00"}]}]})
    assert resp.status_code == 200
    good, lenient, bad = resp.json()["create"]
    assert (good["total"], good["fee_lines"][0]["total"]) == ("12.09", "-0.01")
    assert (lenient["fee_lines"][0]["tax_status"], lenient["fee_lines"][0]["total_tax"]) == ("taxable", "0.21")
    assert lenient["total"] == "13.31"
    assert bad == {"id": 0, "error": {"code": "woocommerce_rest_invalid_fee_item", "message": "Fee name is required.",
                                      "data": {"status": 400}}}


def test_older_data_files_get_the_fee_columns(tmp_path: Path) -> None:
    store = SandboxStore(tmp_path)
    store.close()
    with sqlite3.connect(tmp_path / "sandbox.sqlite3") as db:
        for column in ("taxes", "tax_status"):
            db.execute(f"ALTER TABLE order_items DROP COLUMN {column}")
    db.close()
    store = SandboxStore(tmp_path)
    try:
        order = store.create_order({"fee_lines": [{"name": "Redondeo", "tax_status": "none", "total": "0.03"}]})
        assert order["total"] == 3 and order["items"][0]["taxes"] == []
    finally:
        store.close()
