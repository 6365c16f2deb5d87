"""The sync engine against the sandbox store over real HTTP: exactly once, whatever the network does."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from pos.domain.sync_reason import SyncReason
from pos.ledger.models import OutboxEvent, Product
from tests.integration.sync.conftest import EANS, Shop, uuids_of


def _drain(shop: Shop, engine, passes: int = 50) -> None:  # type: ignore[no-untyped-def]
    """Run passes until nothing is pending, ignoring backoff delays (tests do not wait for the clock)."""
    for _ in range(passes):
        with shop.ledger.write() as s:
            for event in s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")):
                event.next_attempt_at = None
        engine.run_once()
        if engine.status.pending == 0:
            return
    raise AssertionError(f"still pending: {engine.status}")


def test_sales_made_while_store_is_down_arrive_exactly_once(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()  # first pull links the catalogues
    shop.store.faults.down = True
    receipts = [shop.sell(EANS[i % 3]) for i in range(200)]
    assert engine.run_once() is False
    assert not engine.status.online and engine.status.offline_since is not None
    assert engine.status.pending == 200
    shop.store.faults.down = False
    _drain(shop, engine)
    assert engine.status.online and engine.status.parked == 0
    sent = Counter(uuids_of(shop.pos_orders()))
    assert set(sent) == {r.sale_uuid for r in receipts}
    assert max(sent.values()) == 1


def test_lost_responses_5xx_and_429_cause_no_duplicate_and_no_loss(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()
    receipts = [shop.sell(EANS[0], EANS[1]) for _ in range(12)]
    shop.store.faults.drop_after_commit_next = 3
    shop.store.faults.fail_5xx_next = 2
    shop.store.faults.rate_limit_next = 2
    _drain(shop, engine)
    sent = Counter(uuids_of(shop.pos_orders()))
    assert set(sent) == {r.sale_uuid for r in receipts}
    assert max(sent.values()) == 1


def test_sale_at_till_lowers_online_stock(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()
    sku = shop.catalog.by_barcode(EANS[2]).sku
    before = shop.online_stock(sku)
    shop.sell(EANS[2], EANS[2])
    _drain(shop, engine)
    assert shop.online_stock(sku) == before - 2


def test_catalogue_change_in_store_appears_at_till(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()
    product = shop.catalog.by_barcode(EANS[1])
    remote = shop.api("GET", "/products", params={"sku": product.sku})[0]
    shop.api("PUT", f"/products/{remote['id']}", json={"regular_price": "12.34", "name": "Aceite nuevo 1 L"})
    engine.request_pull()  # incremental, from the cursor, without waiting for the interval
    engine.run_once()
    updated = shop.catalog.by_barcode(EANS[1])
    assert (updated.name, updated.price.minor) == ("Aceite nuevo 1 L", 1234)


def test_unknown_product_is_parked_without_blocking_others(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()
    with shop.ledger.write() as s:
        orphan = s.scalars(select(Product).where(Product.sku == shop.catalog.by_barcode(EANS[3]).sku)).one()
        orphan.remote_id = None
        orphan.sku = "LOCAL-ONLY-1"
    bad = shop.sell(EANS[3])
    good = shop.sell(EANS[0])
    _drain(shop, engine)
    assert engine.status.parked == 1
    with shop.ledger.read() as s:
        parked = s.scalars(select(OutboxEvent).where(OutboxEvent.status == "parked")).one()
        assert parked.aggregate_uuid == bad.sale_uuid
        why = SyncReason.decode(parked.last_error)  # what the panel says, in the manager's language
    assert why is not None and why.code == "unknown_product"
    assert dict(why.params) == {"line": "1", "product": "LOCAL-ONLY-1"} and "LOCAL-ONLY-1" in why.detail
    assert uuids_of(shop.pos_orders()) == [good.sale_uuid]


def test_drift_report_nets_out_pending_sales_and_shows_real_differences(shop: Shop) -> None:
    from pos.services.stock_drift import stock_drift

    engine = shop.engine()
    engine.run_once()
    # The demo store's own online orders already took some online stock: that is the baseline.
    baseline = {d.sku: d.drift for d in stock_drift(shop.ledger)}
    shop.sell(EANS[0], EANS[0])
    assert {d.sku: d.drift for d in stock_drift(shop.ledger)} == baseline  # sold here, not yet pushed
    _drain(shop, engine)
    assert {d.sku: d.drift for d in stock_drift(shop.ledger)} == baseline  # pushed: the store lowered it too
    product = shop.catalog.by_barcode(EANS[1])
    assert product.sku not in baseline
    remote = shop.api("GET", "/products", params={"sku": product.sku})[0]
    shop.api("PUT", f"/products/{remote['id']}", json={"stock_quantity": remote["stock_quantity"] + 5})
    engine.request_pull()
    engine.run_once()
    drift = {d.sku: d.drift for d in stock_drift(shop.ledger)}
    assert drift == {**baseline, product.sku: 5}


def test_a_pull_requested_while_a_pass_is_running_is_not_lost(shop: Shop) -> None:
    engine = shop.engine(pull_interval_s=3600)
    assert engine.run_once()  # the first pull; the next is an hour away
    pull = shop.connector.pull_products

    def pull_and_meanwhile_ask_again(since):  # type: ignore[no-untyped-def]
        engine.request_pull()  # e.g. the manager's "reload" while this pass reads its pages
        yield from pull(since)

    engine.request_pull()
    shop.connector.pull_products = pull_and_meanwhile_ask_again  # type: ignore[method-assign]
    assert engine.run_once()
    shop.connector.pull_products = pull  # type: ignore[method-assign]
    remote = shop.api("GET", "/products", params={"sku": shop.catalog.by_barcode(EANS[0]).sku})[0]
    shop.api("PUT", f"/products/{remote['id']}", json={"name": "Nombre nuevo"})
    assert engine.run_once()
    assert shop.catalog.by_barcode(EANS[0]).name == "Nombre nuevo"
