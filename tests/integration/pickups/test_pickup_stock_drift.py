"""The drift report (till stock vs the store's) with click-and-collect over real HTTP: an online pickup
order takes online stock at once and is held here as reserved; a cancellation made at the desk releases the
reservation at once and gives the store its stock back only when it is pushed. None of it is drift."""

from __future__ import annotations

from decimal import Decimal

from pos.services.stock_drift import stock_drift
from tests.integration.pickups.conftest import EANS, MANAGER_PIN, Desk


def _drift(desk: Desk, *, reread: bool = True) -> dict[str, Decimal]:
    if reread:
        desk.engine.request_full_resync()  # read the store's current stock figures
        desk.engine.run_once()
    return {d.sku: d.drift for d in stock_drift(desk.ledger)}


def test_reservations_and_unsent_cancellations_are_not_drift(desk: Desk) -> None:
    desk.engine.run_once()
    sku = desk.catalog.by_barcode(EANS[2]).sku
    baseline = _drift(desk)  # the demo's completed online orders are real differences; keep them
    order = desk.place_order([(EANS[2], 4)])
    assert _drift(desk) == baseline  # online −4 (the order), here reserved +4: the same available stock
    on_hand, reserved = desk.local_stock(EANS[2])
    assert reserved >= 4

    pid = desk.find(order["number"])
    desk.store.faults.down = True  # cancelled at the desk while the store is unreachable
    desk.pickups.cancel(pid, desk.cashier, approver_pin=MANAGER_PIN, reason="sin stock")
    assert desk.local_stock(EANS[2]) == (on_hand, reserved - 4)
    report = {d.sku: d for d in stock_drift(desk.ledger)}
    assert report.get(sku) is None or report[sku].drift == baseline.get(sku)  # the unsent cancellation counts
    if sku in report:
        assert report[sku].pending == Decimal(-4)
    desk.store.faults.down = False
    desk.drain()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "cancelled"
    assert _drift(desk) == baseline  # the store gave its 4 back


def test_the_old_formula_would_have_shown_the_reservation_as_drift(desk: Desk) -> None:
    """Guards the formula itself: without ``+ reserved`` every open pickup line would be reported."""
    desk.engine.run_once()
    baseline = _drift(desk)
    desk.place_order([(EANS[3], 2)])
    drift_now = _drift(desk)
    on_hand, reserved = desk.local_stock(EANS[3])
    online = desk.online_stock(EANS[3])
    sku = desk.catalog.by_barcode(EANS[3]).sku
    assert online - (on_hand - reserved) == int(baseline.get(sku, 0))  # what the report computes
    assert drift_now == baseline
