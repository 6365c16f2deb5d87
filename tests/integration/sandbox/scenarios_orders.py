"""Scenarios for the order, note, refund and batch recordings (06-13, 17-18, 20-20c, 22, 23b)."""

from __future__ import annotations

from typing import Any

from .contract import Ctx, Recording, check, scenario
from .recorded_store import catalogue, click_and_collect, lucia, order_from

UUID_06 = "ddf58e16-f0c6-468b-8542-2b70826d8f98"


def _notes(ctx: Ctx, order_id: int) -> list[dict[str, Any]]:
    return [{"note": n["note"], "customer_note": bool(n["customer_note"]), "author": n["author"]}
            for n in ctx.store.order_notes(order_id)]


@scenario("06-orders-create-pos-completed.json", "07-orders-create-pos-setpaid-processing.json")
def pos_sale(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    recorded = rec.body
    ctx.pin(post=recorded["id"], item=recorded["line_items"][0]["id"])
    body = check(ctx, rec, ctx.send(rec))
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]
    assert _notes(ctx, body["id"]) == rec.data["order_notes_after_create"]
    assert all(m["key"] == "_reduced_stock" for li in body["line_items"] for m in li["meta_data"][-1:])


@scenario("08-orders-list-created-via.json", "08b-orders-search-uuid.json")
def list_pos_orders(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    lucia(ctx)
    order_from(ctx, "06-orders-create-pos-completed.json", post=30, item=15)
    order_from(ctx, "07-orders-create-pos-setpaid-processing.json", post=31, item=19)
    order_from(ctx, "10-orders-create-click-and-collect.json", post=33, item=25)  # created_via checkout
    check(ctx, rec, ctx.send(rec))


@scenario("09-orders-create-duplicate-uuid.json")
def duplicate_uuid(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    order_from(ctx, "06-orders-create-pos-completed.json", post=30, item=15)
    ctx.pin(post=32, item=23)
    check(ctx, rec, ctx.send(rec))
    orders = ctx.client.get("/orders", params={"created_via": "mostrador-pos"}).json()
    uuids = [m["value"] for o in orders for m in o["meta_data"] if m["key"] == "_pos_txn_uuid"]
    assert uuids == [UUID_06, UUID_06]  # no idempotency: two orders


@scenario("09b-orders-create-oversell.json")
def oversell(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    ctx.pin(post=40, item=42)
    check(ctx, rec, ctx.send(rec))
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]
    assert ctx.client.get("/products/21").json()["stock_status"] == "outofstock"


@scenario("10-orders-create-click-and-collect.json", "13-orders-update-completed-handover.json")
def click_and_collect_flow(ctx: Ctx, rec: Recording) -> None:
    steps = rec.data["stock_check"]
    catalogue(ctx)
    lucia(ctx)
    ctx.set_stocks(steps["0_before_create"])
    ctx.pin(post=33, item=25, comment=23)
    create = Recording.load("10-orders-create-click-and-collect.json")
    response = ctx.send(create)
    if rec.name.startswith("10"):
        check(ctx, rec, response)
    assert ctx.stocks(steps["1_after_create_processing"]) == steps["1_after_create_processing"]
    ctx.at(ctx.now + 1)
    ctx.client.post("/orders/33/notes", json={"note": "Tu pedido está listo para recoger", "customer_note": True})
    assert ctx.stocks(steps["2_after_note"]) == steps["2_after_note"]
    handover = Recording.load("13-orders-update-completed-handover.json")
    response = ctx.send(handover)
    if rec.name.startswith("13"):
        check(ctx, rec, response)
    assert ctx.stocks(steps["3_after_completed"]) == steps["3_after_completed"]  # not reduced twice


@scenario("11-orders-list-processing.json")
def list_processing(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    lucia(ctx)
    order_from(ctx, "06-orders-create-pos-completed.json", post=30, item=15)  # completed: not listed
    order_from(ctx, "07-orders-create-pos-setpaid-processing.json", post=31, item=19)
    order_from(ctx, "10-orders-create-click-and-collect.json", post=33, item=25)
    check(ctx, rec, ctx.send(rec))


@scenario("12-orders-notes-create-customer.json")
def customer_note(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx)
    ctx.at(ctx.now + 1)
    check(ctx, rec, ctx.send(rec))


@scenario("12b-orders-notes-list.json")
def notes_list(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx)
    ctx.at(ctx.now + 1)
    ctx.store.add_order_note(33, "Tu pedido está listo para recoger", customer_note=True)
    check(ctx, rec, ctx.send(rec))


@scenario("17-orders-refund-at-till.json", "17b-orders-refunds-list.json")
def refund_at_till(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx, completed=True)
    ctx.set_stocks({"product 20 (sku POS-ACEITE-1L)": 27})
    ctx.pin(post=37, item=36)
    refund = Recording.load("17-orders-refund-at-till.json")
    response = ctx.send(refund)
    assert ctx.store.get_product_stock(20) == 28  # api_restock
    if rec.name.startswith("17b"):
        response = ctx.send(rec)
        order = ctx.client.get("/orders/33").json()
        summary = rec.data["order_after_refund_summary"]
        assert {k: order[k] for k in summary} == summary  # total unchanged, refunds[] listed
    check(ctx, rec, response)
    notes = [n["note"] for n in ctx.store.order_notes(33)]
    assert "Item #20 stock increased from 27 to 28." in notes


@scenario("17c-orders-refund-delete.json")
def refund_delete(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx, completed=True)
    ctx.pin(post=35, item=32)
    ctx.store.create_refund(33, amount=876, reason="Devolución en tienda", api_refund=False, api_restock=True,
                            lines=[{"id": 25, "quantity": 1, "refund_total": 796, "refund_tax": {2: 80}}],
                            meta_data=[{"key": "_pos_txn_uuid", "value": "51986e1a-a7a8-44e9-bf74-593f09fc7397"}])
    ctx.set_stocks(rec.data["stock_check"]["before"])
    check(ctx, rec, ctx.send(rec))
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]  # not un-restocked
    assert ctx.client.get("/orders/33/refunds").json() == []


@scenario("18-orders-refund-api-refund-true-cod.json", "18b-orders-refund-too-much.json")
def refund_failures(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx)
    stock_check = rec.data.get("stock_check", {"before": {}, "after": {}})
    ctx.set_stocks(stock_check["before"])
    body = check(ctx, rec, ctx.send(rec))
    assert body["data"] == 500  # a bare number, not {"status": 500}
    assert ctx.stocks(stock_check["after"]) == stock_check["after"]
    assert ctx.client.get("/orders/33/refunds").json() == rec.data.get("refunds_after", [])


@scenario("18c-orders-refund-api-refund-true-pos-cash.json")
def refund_cash_gateway(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    order_from(ctx, "06-orders-create-pos-completed.json", post=30, item=15)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    check(ctx, rec, ctx.send(rec))
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]
    assert ctx.client.get("/orders/30/refunds").json() == []


@scenario("20-orders-batch-partial-failure.json", "20b-orders-batch-partial-failure-invalid-customer.json")
def orders_batch(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    first = rec.body["create"][0]
    ctx.pin(post=first["id"], item=first["line_items"][0]["id"])
    check(ctx, rec, ctx.send(rec))
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]


@scenario("20c-orders-create-invalid-status-single.json", "22-error-order-not-found.json",
          "23b-error-invalid-enum.json")
def order_errors(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    check(ctx, rec, ctx.send(rec))
    assert ctx.store.counts()["orders"] == 0
