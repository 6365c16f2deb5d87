"""Sale payload → order body (vs recording 06), find_sale, batch results (20b) and 413 splitting."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from sync.errors import PermanentError, TransientError
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.money import net_for_gross, tax_on_net
from sync.woocommerce.orders import OrderOptions, build_order, meta_value

from .conftest import Answer, Replay, Seen, recording

UUID_06 = "ddf58e16-f0c6-468b-8542-2b70826d8f98"


def sale_06(**overrides: Any) -> dict[str, Any]:
    """The till sale behind recording 06: 2 × café (4.95, 10 %) + camiseta S (15.00, 21 %), cash."""
    payload: dict[str, Any] = {
        "sale_uuid": UUID_06, "receipt_no": "T01-000123", "store_id": "S01", "till_id": "T01",
        "created_at": "2026-11-22T19:21:40+00:00", "currency": "EUR", "customer_id": None,
        "total_minor": 2490, "rounding_minor": 0,
        "lines": [
            {"line_no": 1, "product_id": 1, "remote_id": 18, "remote_parent_id": None, "sku": "POS-CAFE-250",
             "name": "Café molido natural 250 g", "qty_milli": 2000, "unit_price_minor": 495, "discount_minor": 0,
             "total_minor": 990, "tax_code": "ES-10"},
            {"line_no": 2, "product_id": 7, "remote_id": 24, "remote_parent_id": 23, "sku": "POS-CAMI-S",
             "name": "Camiseta logo - S", "qty_milli": 1000, "unit_price_minor": 1500, "discount_minor": 0,
             "total_minor": 1500, "tax_code": "ES-21"},
        ],
        "tenders": [{"kind": "cash", "amount_minor": 3000, "reference": None}],
        "change_minor": 510,
    }
    payload.update(overrides)
    return payload


def test_order_body_matches_recording_06() -> None:
    rec = recording("06-orders-create-pos-completed.json")
    sent, answered = rec["request"]["body"], rec["response"]["body"]
    body = build_order(sale_06(), OrderOptions()).body
    for key in ("status", "created_via", "currency", "payment_method", "payment_method_title"):
        assert body[key] == sent[key]
    assert body["set_paid"] is True
    assert meta_value(body, "_pos_txn_uuid") == UUID_06
    assert (meta_value(body, "_pos_receipt_no"), meta_value(body, "_pos_till")) == ("T01-000123", "T01")
    for ours, theirs, online in zip(body["line_items"], sent["line_items"], answered["line_items"], strict=True):
        assert {k: ours.get(k) for k in theirs} == theirs  # product_id / variation_id / quantity
        # the tax-exclusive amounts we send are exactly what WooCommerce computed from the catalogue
        assert (ours["subtotal"], ours["total"]) == (online["subtotal"], online["total"])
    assert "fee_lines" not in body and answered["total"] == "24.90"
    assert json.loads(meta_value(body, "_pos_tenders") or "") == [{"kind": "cash", "amount": "30.00",
                                                                    "reference": None}]
    assert meta_value(body, "_pos_change") == "5.10"


def test_unlinked_product_is_refused_before_any_request(replay: Replay,
                                                        replay_connector: WooCommerceConnector) -> None:
    payload = sale_06()
    payload["lines"][1]["remote_id"] = None
    with pytest.raises(PermanentError, match="unknown product in line 2 \\(POS-CAMI-S\\)") as err:
        replay_connector.push_sale(payload)
    assert err.value.code == "unknown_product" and replay.seen == []


def test_weighed_discounted_and_split_tender_lines() -> None:
    payload = sale_06(total_minor=1203, tenders=[{"kind": "cash", "amount_minor": 500, "reference": None},
                                                 {"kind": "card", "amount_minor": 703, "reference": "AUTH42"}],
                      change_minor=0)
    payload["lines"] = [
        {"line_no": 1, "remote_id": 20, "remote_parent_id": None, "sku": "POS-ACEITE-1L", "qty_milli": 350,
         "unit_price_minor": 875, "discount_minor": 0, "total_minor": 306, "tax_code": "ES-10"},
        {"line_no": 2, "remote_id": 19, "remote_parent_id": None, "sku": "POS-TAZA-01", "qty_milli": 1000,
         "unit_price_minor": 1050, "discount_minor": 153, "total_minor": 897, "tax_code": "ES-21"},
    ]
    body = build_order(payload, OrderOptions(tax_class_map={"ES-10": "reduced-rate", "ES-21": ""})).body
    oil, mug = body["line_items"]
    assert oil["quantity"] == 1 and {"key": "Cantidad", "value": "0.350"} in oil["meta_data"]
    assert oil["tax_class"] == "reduced-rate" and mug["tax_class"] == ""
    assert (mug["subtotal"], mug["total"]) == ("8.68", "7.41")  # 10.50 and 8.97 gross at 21 %
    assert body["payment_method"] == "pos_split" and body["payment_method_title"] == "Efectivo + Tarjeta"
    assert body["transaction_id"] == "AUTH42"
    assert [t["kind"] for t in json.loads(meta_value(body, "_pos_tenders") or "")] == ["cash", "card"]


def test_rounding_goes_to_an_untaxed_fee_line() -> None:
    unreachable = next(g for g in range(100, 2000) if (lambda n: n + tax_on_net(n, Decimal(21)))(
        net_for_gross(g, Decimal(21))) != g)
    payload = sale_06(total_minor=unreachable, rounding_minor=2)
    payload["lines"] = [{"line_no": 1, "remote_id": 19, "qty_milli": 1000, "unit_price_minor": unreachable,
                         "discount_minor": 0, "total_minor": unreachable, "tax_code": "ES-21"}]
    draft = build_order(payload, OrderOptions())
    net = int(Decimal(draft.body["line_items"][0]["total"]) * 100)
    fee = draft.body["fee_lines"][0]
    assert fee["tax_status"] == "none" and fee["name"] == "Redondeo"
    online = net + tax_on_net(net, Decimal(21)) + int(Decimal(fee["total"]) * 100)
    assert online == unreachable + 2 == draft.expected_total_minor


def test_net_for_gross_is_within_a_cent() -> None:
    for percent in (Decimal(21), Decimal(10), Decimal(4), Decimal("5.5"), Decimal(16), Decimal(0)):
        for gross in range(0, 3000):
            net = net_for_gross(gross, percent)
            assert abs(net + tax_on_net(net, percent) - gross) <= 1


def test_other_refusals() -> None:
    with pytest.raises(PermanentError, match="uses USD"):
        build_order(sale_06(), OrderOptions(), store_currency="USD")
    payload = sale_06()
    payload["lines"][0]["tax_code"] = "IVA-REDUCIDO"
    with pytest.raises(PermanentError, match="unknown tax rate"):
        build_order(payload, OrderOptions())
    assert build_order(payload, OrderOptions(tax_rates={"IVA-REDUCIDO": Decimal(10)})).body["line_items"]
    assert build_order(sale_06(customer_id=2), OrderOptions()).body["customer_id"] == 2


def test_push_sale_returns_the_order_ref(replay: Replay, replay_connector: WooCommerceConnector) -> None:
    replay.add_recording("06-orders-create-pos-completed.json")
    ref = replay_connector.push_sale(sale_06())
    assert (ref.remote_id, ref.number, ref.status) == (30, "30", "completed")
    assert "total_mismatch" not in ref.extra and "empty_lines" not in ref.extra
    sent = replay.seen[0]
    assert sent.headers.get("Idempotency-Key") == UUID_06 and sent.body["created_via"] == "mostrador-pos"


def test_find_sale_matches_meta_not_search(replay: Replay, replay_connector: WooCommerceConnector) -> None:
    orders = recording("08-orders-list-created-via.json")["response"]["body"]
    uuids = [meta_value(o, "_pos_txn_uuid") for o in orders]

    def listing(seen: Seen) -> Answer:
        return Answer(200, orders, {"X-WP-Total": str(len(orders)), "X-WP-TotalPages": "1"})

    replay.handle("GET", "/wp-json/wc/v3/orders", listing)
    created = datetime(2026, 11, 22, 19, 21, 47, tzinfo=UTC)
    ref = replay_connector.find_sale(str(uuids[-1]), created)
    assert ref is not None and ref.remote_id == orders[-1]["id"]
    q = replay.seen[0].params
    assert (q["created_via"], q["orderby"], q["order"], q["per_page"]) == ("mostrador-pos", "date", "desc", "100")
    assert (q["after"], q["dates_are_gmt"]) == ("2026-11-22T19:06:47", "true") and "search" not in q
    assert "meta_data" in q["_fields"]
    assert replay_connector.find_sale("11111111-2222-3333-4444-555555555555", created) is None


def test_batch_results_in_order(replay: Replay, replay_connector: WooCommerceConnector) -> None:
    rec = replay.add_recording("20b-orders-batch-partial-failure-invalid-customer.json")
    results = replay_connector.push_sales_batch(
        [sale_06(sale_uuid="a"), sale_06(sale_uuid="b", customer_id=99999999), sale_06(sale_uuid="c")])
    created = rec["response"]["body"]["create"]
    assert [getattr(r, "remote_id", None) for r in results] == [created[0]["id"], None, created[2]["id"]]
    err = results[1]
    assert isinstance(err, PermanentError) and err.code == "woocommerce_rest_invalid_customer_id"
    assert err.status == 400 and "Customer ID is invalid." in str(err)
    assert len(replay.seen) == 1 and len(replay.seen[0].body["create"]) == 3


def test_batch_splits_on_413_and_chunks_by_100(replay: Replay, replay_connector: WooCommerceConnector) -> None:
    too_large = recording("19b-products-batch-101-items.json")["response"]
    counter = iter(range(1000, 2000))

    def batch(seen: Seen) -> Answer:
        items = seen.body["create"]
        if len(items) > 40:
            return Answer(413, too_large["body"])
        return Answer(200, {"create": [{"id": next(counter), "number": "x", "status": "completed",
                                        "meta_data": i["meta_data"], "line_items": [], "total": "24.90"}
                                       for i in items]})

    replay.handle("POST", "/wp-json/wc/v3/orders/batch", batch)
    payloads = [sale_06(sale_uuid=f"u{i}") for i in range(130)]
    payloads[5]["lines"][0]["remote_id"] = None
    results = replay_connector.push_sales_batch(payloads)
    assert isinstance(results[5], PermanentError)
    assert all(not isinstance(r, Exception) for i, r in enumerate(results) if i != 5)
    sizes = [len(s.body["create"]) for s in replay.seen]
    assert max(sizes) <= 100 and sum(s for s in sizes if s <= 40) == 129


def test_batch_transport_error_fills_its_slots(replay: Replay, replay_connector: WooCommerceConnector) -> None:
    replay.add("POST", "/wp-json/wc/v3/orders/batch", Answer(503, {"code": "x", "message": "busy",
                                                                    "data": {"status": 503}}))
    results = replay_connector.push_sales_batch([sale_06(sale_uuid="a"), sale_06(sale_uuid="b")])
    assert all(isinstance(r, TransientError) and r.status == 503 for r in results)
