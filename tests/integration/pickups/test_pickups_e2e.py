"""Click-and-collect against the sandbox store over real HTTP: pull, prepare, ready note, hand-over
(full, partial, offline, exactly once), pay at store, cancellation, and orders cancelled online."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.ledger.models import AuditEntry, OutboxEvent, StockMovement
from pos.services.errors import ApprovalRequired, UnknownBarcode
from pos.services.pickups import PickupError
from tests.integration.pickups.conftest import EANS, MANAGER_PIN, Desk

COMPLETED_NOTE = "Order status changed from Processing to Completed."


def _code(order: dict) -> str:  # type: ignore[type-arg]
    return str(order["order_key"])[-6:]


def _audit(desk: Desk, action: str) -> list[AuditEntry]:
    with desk.ledger.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _ready_order(desk: Desk, lines: list[tuple[str, int]], **kw: object) -> tuple[dict, int]:  # type: ignore[type-arg]
    order = desk.place_order(lines, **kw)  # type: ignore[arg-type]
    desk.engine.run_once()
    pid = desk.find(order["number"])
    desk.pickups.mark_ready(pid, desk.cashier, force=True)
    return order, pid


def test_online_order_appears_in_queue_reserves_stock_and_opens_by_scan(desk: Desk) -> None:
    desk.engine.run_once()  # link catalogues, pull the demo pickups
    assert len(desk.pickups.queue()) == 4  # the sandbox demo's four click-and-collect orders
    on_hand, reserved = desk.local_stock(EANS[0])
    order = desk.place_order([(EANS[0], 2), (EANS[1], 1)])
    other = desk.place_order([(EANS[2], 1)], method="flat_rate")  # shipped: not ours
    assert desk.engine.run_once()
    numbers = {v.number for v in desk.pickups.queue()}
    assert order["number"] in numbers and other["number"] not in numbers
    view = desk.pickups.get(desk.find(order["number"]))
    assert view.state == "new" and view.paid_online and view.customer_name == "Lucía García Pérez"
    assert [(ln.quantity, ln.product_id is not None) for ln in view.lines] == [(Decimal(2), True), (Decimal(1), True)]
    assert desk.local_stock(EANS[0]) == (on_hand, reserved + 2)
    # A second pull of the same order changes nothing (no double reservation).
    desk.engine.run_once()
    assert desk.local_stock(EANS[0]) == (on_hand, reserved + 2)
    # Search by number, name (accents ignored), e-mail, phone; a scan of number + code opens it.
    assert order["number"] in {v.number for v in desk.pickups.search("lucia garcia")}
    assert order["number"] in {v.number for v in desk.pickups.search("600111222")}
    assert [v.number for v in desk.pickups.search(order["number"])] == [order["number"]]
    assert desk.pickups.open_scanned(f"{order['number']}-{_code(order).lower()}").number == order["number"]
    assert desk.pickups.open_scanned(f"{order['number']} {order['order_key']}").number == order["number"]
    with pytest.raises(PickupError) as err:
        desk.pickups.open_scanned(f"{order['number']}-XXXXXX")
    assert err.value.reason == "wrong_code"


def test_prepare_by_scanning_then_ready_puts_customer_note_online(desk: Desk) -> None:
    desk.engine.run_once()
    order = desk.place_order([(EANS[0], 2)])
    desk.engine.run_once()
    pid = desk.find(order["number"])
    desk.pickups.start_preparing(pid, desk.cashier)
    with pytest.raises(PickupError) as err:
        desk.pickups.confirm_item(pid, EANS[3], desk.cashier)
    assert err.value.reason == "wrong_item"
    with pytest.raises(UnknownBarcode):
        desk.pickups.confirm_item(pid, "0000000000000", desk.cashier)
    with pytest.raises(PickupError) as err:
        desk.pickups.mark_ready(pid, desk.cashier)
    assert err.value.reason == "not_fully_picked"
    desk.pickups.confirm_item(pid, EANS[0], desk.cashier)
    assert desk.pickups.confirm_item(pid, EANS[0], desk.cashier).fully_picked
    with pytest.raises(PickupError) as err:
        desk.pickups.confirm_item(pid, EANS[0], desk.cashier)
    assert err.value.reason == "too_many"
    view = desk.pickups.mark_ready(pid, desk.cashier)
    assert view.state == "ready" and view.prepared_by == desk.cashier.user_id
    desk.store.faults.drop_after_commit_next = 1  # the note is added but the answer is lost: no second note
    desk.drain()
    notes = [n for n in desk.notes(order["id"]) if n["customer_note"]]
    assert len(notes) == 1 and notes[0]["note"].startswith("Tu pedido")
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "processing"


def test_full_handover_completes_online_once_and_stock_agrees(desk: Desk) -> None:
    desk.engine.run_once()
    online_before = desk.online_stock(EANS[0])
    on_hand, reserved = desk.local_stock(EANS[0])
    order, pid = _ready_order(desk, [(EANS[0], 2)])
    assert desk.online_stock(EANS[0]) == online_before - 2  # the online order took online stock
    assert desk.local_stock(EANS[0]) == (on_hand, reserved + 2)
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier)
    assert err.value.reason == "verification_required"
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, verify_code="ZZZZZZ")
    assert err.value.reason == "wrong_code"
    result = desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert result.complete and result.pickup.state == "collected"
    assert desk.local_stock(EANS[0]) == (on_hand - 2, reserved)
    with desk.ledger.read() as s:
        moves = s.scalars(select(StockMovement).where(StockMovement.ref_uuid == result.handover_uuid)).all()
        assert [(m.reason, m.delta_milli) for m in moves] == [("pickup", -2000)]
    desk.store.faults.drop_after_commit_next = 1  # completed online, answer lost: the retry must not redo it
    desk.drain()
    remote = desk.api("GET", f"/orders/{order['id']}")
    assert remote["status"] == "completed"
    assert [n["note"] for n in desk.notes(order["id"])].count(COMPLETED_NOTE) == 1
    assert desk.online_stock(EANS[0]) == online_before - 2  # not taken a second time
    desk.engine.run_once()  # pulling the completed order back changes nothing here
    assert desk.local_stock(EANS[0]) == (on_hand - 2, reserved)
    assert desk.pickups.get(pid).conflict is None
    with pytest.raises(PickupError):
        desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))


def test_partial_handover_keeps_the_rest_open(desk: Desk) -> None:
    desk.engine.run_once()
    on_hand0, reserved0 = desk.local_stock(EANS[0])
    on_hand1, reserved1 = desk.local_stock(EANS[1])
    order, pid = _ready_order(desk, [(EANS[0], 3), (EANS[1], 1)])
    first, second = desk.pickups.get(pid).lines
    result = desk.pickups.hand_over(pid, desk.cashier, id_check="DNI ***1234", lines={first.line_id: 2})
    assert not result.complete and result.pickup.state == "partially_collected"
    assert desk.local_stock(EANS[0]) == (on_hand0 - 2, reserved0 + 1)
    assert desk.local_stock(EANS[1]) == (on_hand1, reserved1 + 1)
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, id_check="DNI", lines={first.line_id: 2})
    assert err.value.reason == "too_many"
    desk.drain()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "processing"
    assert any("Entrega parcial" in n["note"] and not n["customer_note"] for n in desk.notes(order["id"]))
    result = desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert result.complete and {lid for lid, _ in result.collected} == {first.line_id, second.line_id}
    assert desk.local_stock(EANS[0]) == (on_hand0 - 3, reserved0)
    assert desk.local_stock(EANS[1]) == (on_hand1 - 1, reserved1)
    desk.drain()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "completed"


def test_offline_handover_is_pushed_once_when_the_store_is_back(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[2], 1)])
    desk.drain()
    desk.store.faults.down = True
    assert desk.engine.run_once() is False
    assert desk.pickups.queue() and desk.pickups.get(pid).state == "ready"  # the queue works from the copy
    desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert desk.engine.run_once() is False and desk.engine.status.pending == 1
    desk.store.faults.down = False
    desk.drain()
    desk.engine.run_once()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "completed"
    assert [n["note"] for n in desk.notes(order["id"])].count(COMPLETED_NOTE) == 1


def test_order_cancelled_online_before_handover_is_refused_with_resolution_entry(desk: Desk) -> None:
    desk.engine.run_once()
    on_hand, reserved = desk.local_stock(EANS[0])
    order, pid = _ready_order(desk, [(EANS[0], 1)])
    desk.api("PUT", f"/orders/{order['id']}", json={"status": "cancelled"})
    desk.engine.run_once()
    assert desk.pickups.get(pid).state == "cancelled"
    assert desk.local_stock(EANS[0]) == (on_hand, reserved)  # reservation released
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert err.value.reason == "cancelled_online"
    assert _audit(desk, "pickup.handover_refused")
    assert desk.local_stock(EANS[0]) == (on_hand, reserved)


def test_order_cancelled_online_while_handing_over_is_never_completed(desk: Desk) -> None:
    desk.engine.run_once()
    online_before = desk.online_stock(EANS[1])
    order, pid = _ready_order(desk, [(EANS[1], 1)])
    desk.drain()
    desk.api("PUT", f"/orders/{order['id']}", json={"status": "cancelled"})  # online, while at the counter
    desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))  # recorded before the next pull
    desk.engine.run_once()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "cancelled"  # no silent double outcome
    assert desk.online_stock(EANS[1]) == online_before
    view = desk.pickups.get(pid)
    assert view.conflict in ("order_cancelled_online", "cancelled_online_after_handover")
    assert _audit(desk, "pickup.conflict")
    with desk.ledger.read() as s:
        event = s.scalar(select(OutboxEvent).where(OutboxEvent.event_type == "pickup.collected"))
        assert event is not None and event.status == "parked"
    assert desk.engine.status.parked == 1


def test_pay_at_store_needs_a_pickup_payment_not_a_sale(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[3], 1)], payment="cod", paid=False)
    assert desk.pickups.get(pid).needs_payment
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert err.value.reason == "not_paid"
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order), paid_by_sale_uuid="nope")
    assert err.value.reason == "sale_not_found"
    # Ringing the order's products up as a normal sale would move stock and create an online order again:
    # a sale of kind 'sale' never pays a pickup (tests/integration/pickups/test_pay_at_store.py does it right).
    from pos.domain.cart import Cart
    from pos.domain.payment import Tender, TenderKind
    from pos.services.catalog import to_ref
    cart = Cart("EUR").add(to_ref(desk.catalog.by_barcode(EANS[3])))
    receipt = desk.sales.complete(cart, [Tender(TenderKind.CASH, cart.totals().total)], desk.cashier)
    with pytest.raises(PickupError) as err:
        desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order), paid_by_sale_uuid=receipt.sale_uuid)
    assert err.value.reason == "sale_not_found"
    assert desk.pickups.get(pid).state == "ready"


def test_cancel_needs_a_manager_and_restores_stock_both_sides(desk: Desk) -> None:
    desk.engine.run_once()
    online_before = desk.online_stock(EANS[2])
    on_hand, reserved = desk.local_stock(EANS[2])
    order, pid = _ready_order(desk, [(EANS[2], 2)])
    with pytest.raises(ApprovalRequired):
        desk.pickups.cancel(pid, desk.cashier, approver_pin=None, reason="no stock")
    view = desk.pickups.cancel(pid, desk.cashier, approver_pin=MANAGER_PIN, reason="cliente no vino")
    assert view.state == "cancelled"
    assert desk.local_stock(EANS[2]) == (on_hand, reserved)
    desk.drain()
    assert desk.api("GET", f"/orders/{order['id']}")["status"] == "cancelled"
    assert desk.online_stock(EANS[2]) == online_before


def test_no_show_flag_after_configured_days(desk: Desk) -> None:
    from datetime import timedelta

    from pos.ledger.models import utcnow
    desk.engine.run_once()
    _, pid = _ready_order(desk, [(EANS[0], 1)])
    assert not desk.pickups.get(pid).overdue
    later = utcnow() + timedelta(days=4)
    assert desk.pickups.queue(now=later)[-1].overdue
    assert pid in desk.pickups.flag_no_shows(desk.cashier, now=later)
    assert desk.pickups.get(pid).state == "no_show"
