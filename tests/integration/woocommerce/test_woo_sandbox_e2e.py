"""End to end over real HTTP against the sandbox store: ping, push, lost answers, batch."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from sync.errors import PermanentError, TransientError
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.money import to_minor
from sync.woocommerce.orders import meta_value

TAX_CODES = {"": "ES-21", "reduced-rate": "ES-10", "super-reduced-rate": "ES-4", "zero-rate": "ES-0"}


def _product(conn: WooCommerceConnector, sku: str) -> dict[str, Any]:
    found = conn.client.get("wc/v3/products", {"sku": sku}).data
    assert len(found) == 1, sku
    product: dict[str, Any] = found[0]
    return product


def _sale(conn: WooCommerceConnector, *lines: tuple[str, int], **overrides: Any) -> dict[str, Any]:
    items, total = [], 0
    for no, (sku, qty) in enumerate(lines, start=1):
        p = _product(conn, sku)
        price = to_minor(p["price"]) or 0
        items.append({"line_no": no, "product_id": no, "remote_id": p["id"], "remote_parent_id": p["parent_id"] or None,
                      "sku": sku, "name": p["name"], "qty_milli": qty * 1000, "unit_price_minor": price,
                      "discount_minor": 0, "total_minor": price * qty, "tax_code": TAX_CODES[p["tax_class"]]})
        total += price * qty
    payload = {"sale_uuid": str(uuid.uuid4()), "receipt_no": "T01-000001", "store_id": "S01", "till_id": "T01",
               "created_at": datetime.now(UTC).isoformat(), "currency": "EUR", "customer_id": None,
               "total_minor": total, "rounding_minor": 0, "lines": items,
               "tenders": [{"kind": "card", "amount_minor": total, "reference": "A1"}], "change_minor": 0}
    payload.update(overrides)
    return payload


def _orders_with(conn: WooCommerceConnector, sale_uuid: str) -> list[dict[str, Any]]:
    orders = [o for page in conn.client.paginate("wc/v3/orders", {"created_via": "mostrador-pos"}) for o in page.data]
    return [o for o in orders if meta_value(o, "_pos_txn_uuid") == sale_uuid]


def test_ping(sandbox_connector: WooCommerceConnector) -> None:
    info = sandbox_connector.ping()
    assert info.currency == "EUR" and info.prices_include_tax is True and info.name


def test_push_sale_creates_one_order_and_reduces_stock(sandbox_connector: WooCommerceConnector) -> None:
    conn = sandbox_connector
    stock_before = _product(conn, "MOS-00001")["stock_quantity"]
    started = datetime.now(UTC)
    sale = _sale(conn, ("MOS-00001", 2), ("MOS-00003", 1))
    ref = conn.push_sale(sale)
    assert ref.status == "completed"
    assert _product(conn, "MOS-00001")["stock_quantity"] == stock_before - 2
    found = conn.find_sale(sale["sale_uuid"], started)
    assert found is not None and found.remote_id == ref.remote_id
    [order] = _orders_with(conn, sale["sale_uuid"])
    assert order["created_via"] == "mostrador-pos" and order["payment_method_title"] == "Tarjeta"
    assert order["date_paid_gmt"] and order["status"] == "completed"
    assert to_minor(order["total"]) == sale["total_minor"] and "total_mismatch" not in ref.extra
    assert conn.find_sale(str(uuid.uuid4()), started) is None


def test_lost_answer_then_find_sale_no_duplicate(sandbox: Any, sandbox_connector: WooCommerceConnector) -> None:
    conn = sandbox_connector
    started = datetime.now(UTC)
    sale = _sale(conn, ("MOS-00002", 1))
    sandbox.faults.drop_after_commit_next = 1
    with pytest.raises(TransientError) as lost:
        conn.push_sale(sale)
    assert lost.value.code == "connection_dropped"
    # what the engine does before any retry: look the sale up by its UUID
    found = conn.find_sale(sale["sale_uuid"], started)
    assert found is not None
    assert len(_orders_with(conn, sale["sale_uuid"])) == 1


def test_5xx_means_not_created(sandbox: Any, sandbox_connector: WooCommerceConnector) -> None:
    conn = sandbox_connector
    sale = _sale(conn, ("MOS-00004", 1))
    sandbox.faults.fail_5xx_next = 1
    with pytest.raises(TransientError):
        conn.push_sale(sale)
    assert conn.find_sale(sale["sale_uuid"]) is None
    assert conn.push_sale(sale).remote_id
    assert len(_orders_with(conn, sale["sale_uuid"])) == 1


def test_batch_with_a_bad_item(sandbox_connector: WooCommerceConnector) -> None:
    conn = sandbox_connector
    good, bad = _sale(conn, ("MOS-00005", 1)), _sale(conn, ("MOS-00005", 1), customer_id=99999999)
    unlinked = _sale(conn, ("MOS-00006", 1))
    unlinked["lines"][0]["remote_id"] = None
    results = conn.push_sales_batch([good, bad, unlinked])
    assert not isinstance(results[0], Exception) and results[0].status == "completed"
    assert isinstance(results[1], PermanentError) and results[1].status == 400
    assert isinstance(results[2], PermanentError) and results[2].code == "unknown_product"
    assert len(_orders_with(conn, good["sale_uuid"])) == 1 and _orders_with(conn, bad["sale_uuid"]) == []


def test_variations_pull_and_sale(sandbox_connector: WooCommerceConnector) -> None:
    conn, client = sandbox_connector, sandbox_connector.client
    before = datetime.now(UTC)
    parent = client.post("wc/v3/products", {"name": "Sudadera", "type": "variable", "sku": "E2E-SUD", "attributes": [
        {"name": "Talla", "variation": True, "visible": True, "options": ["S", "M"]}]}).data
    for size, gtin in (("S", "8412345999992"), ("M", "8412345999985")):
        client.post(f"wc/v3/products/{parent['id']}/variations", {
            "sku": f"E2E-SUD-{size}", "regular_price": "30.00", "global_unique_id": gtin, "manage_stock": True,
            "stock_quantity": 5, "attributes": [{"name": "Talla", "option": size}]})
    items = {p.sku: p for page in conn.pull_products(before) for p in page}
    assert "E2E-SUD" not in items
    small = items["E2E-SUD-S"]
    assert (small.name, small.parent_id, small.price_minor, small.stock) == ("Sudadera - S", parent["id"], 3000, 5)
    assert small.barcodes == ("8412345999992",) and small.active
    sale = _sale(conn, ("E2E-SUD-S", 2))
    assert sale["lines"][0]["remote_parent_id"] == parent["id"]
    conn.push_sale(sale)
    assert client.get(f"wc/v3/products/{parent['id']}/variations/{small.remote_id}").data["stock_quantity"] == 3
