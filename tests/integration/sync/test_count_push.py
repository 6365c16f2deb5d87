"""A stock count while the shop sells, pushed to the sandbox store over real HTTP: the till and the
store end right, and a lost answer never applies an adjustment twice."""

from __future__ import annotations

from sqlalchemy import select

from pos.ledger.models import OutboxEvent, StockLevel
from pos.services.auth import AuthService
from pos.services.stock_counts import EVENT_TYPE, StockCountService
from sync.woocommerce.stock_writes import APPLIED_META
from tests.integration.sync.conftest import EANS, Shop
from tests.integration.sync.test_sync_engine import _drain


def _on_hand(shop: Shop, product_id: int) -> int:
    with shop.ledger.read() as s:
        level = s.get(StockLevel, product_id)
        assert level is not None
        return level.on_hand_milli // 1000


def _applied(shop: Shop, remote_id: int) -> list[str]:
    meta = shop.api("GET", f"/products/{remote_id}")["meta_data"]
    return next((m["value"].split(",") for m in meta if m["key"] == APPLIED_META), [])


def test_count_with_sales_during_it_ends_right_locally_and_online(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()  # link the catalogues
    product = shop.catalog.by_barcode(EANS[0])
    remote = shop.api("GET", "/products", params={"sku": product.sku})[0]
    local_start, online_start = _on_hand(shop, product.product_id), int(remote["stock_quantity"])
    manager = AuthService(shop.ledger).login("9999")
    counts = StockCountService(shop.ledger, AuthService(shop.ledger), shop.catalog, till_id="T01", currency="EUR")
    count = counts.start(manager, scope="zone", label="Lácteos")

    shop.sell(EANS[0], EANS[0])  # sold before the shelf was counted: not on the shelf any more
    counted = local_start - 2 - 3  # three units are missing
    counts.scan(count.count_id, manager, EANS[0], counted)
    shop.sell(EANS[0])  # sold after it was counted: the counted units included it
    # An online customer buys one meanwhile (shipped from the warehouse; the store lowers its stock).
    shop.api("POST", "/orders", json={"status": "processing", "line_items": [
        {"product_id": remote["id"], "quantity": 1}]})
    _drain(shop, engine)  # the till's sales reach the store during the count
    review = counts.finish(count.count_id, manager)
    line = next(ln for ln in review.lines if ln.product_id == product.product_id)
    assert (line.expected, line.counted, line.variance) == (local_start - 2, counted, -3)
    shop.sell(EANS[0])  # and during the review
    _drain(shop, engine)  # that sale first, so that the next write to the store is the adjustment
    counts.set_reason(count.count_id, [product.product_id], "shrinkage", manager)
    counts.approve(count.count_id, manager)

    shop.store.faults.drop_after_commit_next = 1  # the adjustment's PUT commits, its answer is lost
    _drain(shop, engine)
    assert shop.store.faults.drop_after_commit_next == 0

    assert _on_hand(shop, product.product_id) == local_start - 4 - 3
    assert shop.online_stock(product.sku) == online_start - 4 - 1 - 3
    with shop.ledger.read() as s:
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.event_type == EVENT_TYPE)).one()
        state, attempts, adjustment = event.status, event.attempts, event.aggregate_uuid
        level = s.get(StockLevel, product.product_id)
        assert level is not None
        online_copy = level.online_milli
    assert (state, attempts) == ("sent", 1)  # one write; the retry re-read and found it applied
    assert _applied(shop, remote["id"]) == [adjustment]
    assert online_copy == (online_start - 8) * 1000


def test_a_product_the_store_does_not_know_is_parked_not_retried(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()
    product = shop.catalog.by_barcode(EANS[1])
    remote = shop.api("GET", "/products", params={"sku": product.sku})[0]
    manager = AuthService(shop.ledger).login("9999")
    counts = StockCountService(shop.ledger, AuthService(shop.ledger), shop.catalog, till_id="T01", currency="EUR")
    count = counts.start(manager, scope="zone", label="Aceites")
    counts.scan(count.count_id, manager, EANS[1], product.on_hand + 2)
    counts.finish(count.count_id, manager)
    counts.set_reason(count.count_id, [product.product_id], "receiving", manager)
    counts.approve(count.count_id, manager)
    shop.api("DELETE", f"/products/{remote['id']}", params={"force": "true"})
    engine.run_once()
    assert engine.status.parked == 1 and engine.status.pending == 0


def test_variations_are_read_and_set_on_their_own_route(shop: Shop) -> None:
    parent = shop.api("POST", "/products", json={"name": "Camiseta", "type": "variable", "attributes": [
        {"name": "Talla", "options": ["S", "M"], "variation": True}]})
    variation = shop.api("POST", f"/products/{parent['id']}/variations", json={
        "sku": "CAMI-S", "regular_price": "15.00", "manage_stock": True, "stock_quantity": 5,
        "attributes": [{"name": "Talla", "option": "S"}]})
    before = shop.connector.read_stock(variation["id"], parent["id"])
    assert (before.stock, before.applied) == (5, ())
    after = shop.connector.write_stock(variation["id"], parent["id"], 9, ("u-2", "u-1"))
    assert (after.stock, after.applied) == (9, ("u-2", "u-1"))
    again = shop.api("GET", f"/products/{parent['id']}/variations/{variation['id']}")
    assert again["stock_quantity"] == 9
