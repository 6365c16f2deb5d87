"""Scenarios for the product recordings (01-05, 19, 22b, 23, 24-26)."""

from __future__ import annotations

from .contract import T0, Ctx, Recording, check, scenario
from .recorded_store import TALLA, catalogue

SALES_HISTORY = frozenset({"total_sales"})  # depends on orders made earlier in the recording session


@scenario("01-products-create.json")
def create_simple(ctx: Ctx, rec: Recording) -> None:
    ctx.at(T0)
    ctx.pin(post=18)
    check(ctx, rec, ctx.send(rec))


@scenario("01b-products-create-variable.json")
def create_variable(ctx: Ctx, rec: Recording) -> None:
    ctx.at(T0)
    ctx.pin(post=23)
    check(ctx, rec, ctx.send(rec))


@scenario("01c-variations-create.json")
def create_variation(ctx: Ctx, rec: Recording) -> None:
    ctx.at(T0)
    ctx.pin(post=23)
    ctx.store.create_product({"name": "Camiseta logo", "type": "variable", "sku": "POS-CAMI", "attributes": [TALLA]})
    body = check(ctx, rec, ctx.send(rec))
    assert body["parent_id"] == 23 and body["stock_quantity"] == 8


@scenario("02-products-list-page1.json", "02b-products-list-page2.json")
def list_pages(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx, m_price=1500)
    body = check(ctx, rec, ctx.send(rec))
    assert [p["id"] for p in body] == [p["id"] for p in rec.body]  # date desc, variations excluded


def _modified_setup(ctx: Ctx) -> None:
    """Catalogue at T0, then after the cursor: price of 19, stock of 21, price of variation 25."""
    catalogue(ctx, m_price=1500)
    ctx.at(T0 + 26)
    ctx.store.update_product(19, {"regular_price": 1050})
    ctx.at(T0 + 27)
    ctx.store.update_product(21, {"stock_quantity": 55})
    ctx.at(T0 + 29)
    ctx.store.update_product(25, {"regular_price": 1600})  # re-saves the parent (03)


@scenario("03-products-modified-after.json")
def modified_after(ctx: Ctx, rec: Recording) -> None:
    _modified_setup(ctx)
    body = check(ctx, rec, ctx.send(rec))
    assert [p["sku"] for p in body] == ["POS-TAZA-01", "POS-CUAD-A5", "POS-CAMI"]


@scenario("03b-variations-modified-after.json")
def variations_modified_after(ctx: Ctx, rec: Recording) -> None:
    _modified_setup(ctx)
    body = check(ctx, rec, ctx.send(rec))
    assert [v["sku"] for v in body] == ["POS-CAMI-M"]


@scenario("04-products-by-gtin.json", "04b-products-by-gtin-variation.json", "04c-variations-by-gtin.json",
          "05-products-by-sku.json", "05b-products-by-sku-variation.json", "05c-variations-by-sku.json")
def lookups(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    body = check(ctx, rec, ctx.send(rec))
    assert [(p["id"], p["type"], p["parent_id"]) for p in body] == [
        (p["id"], p["type"], p["parent_id"]) for p in rec.body]


@scenario("19-products-batch-update-stock.json")
def batch_stock(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    check(ctx, rec, ctx.send(rec), ignore=SALES_HISTORY)
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]


@scenario("19b-products-batch-101-items.json")
def batch_too_big(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks({"product 21 (sku POS-CUAD-A5)": 53})
    check(ctx, rec, ctx.send(rec, body={"update": [{"id": 21, "stock_quantity": 70}] * 101}))
    assert ctx.store.get_product_stock(21) == 53  # nothing applied


@scenario("22b-error-product-not-found.json", "23-error-invalid-param.json")
def product_errors(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    check(ctx, rec, ctx.send(rec))


@scenario("24-error-stock-quantity-abc.json", "25-products-update-stock-absolute.json",
          "26-products-update-inventory-delta.json", "26b-variations-update-inventory-delta.json")
def stock_updates(ctx: Ctx, rec: Recording) -> None:
    catalogue(ctx)
    ctx.set_stocks(rec.data["stock_check"]["before"])
    before = {pid: ctx.store.get_product(pid)["modified"] for pid in (21, 24)}
    ctx.at(ctx.now + 5)
    check(ctx, rec, ctx.send(rec), ignore=SALES_HISTORY)
    assert ctx.stocks(rec.data["stock_check"]["after"]) == rec.data["stock_check"]["after"]
    changed = rec.response["status"] == 200
    pid = 24 if "variation" in rec.name else 21
    assert (ctx.store.get_product(pid)["modified"] > before[pid]) == changed  # date_modified bumps on change
