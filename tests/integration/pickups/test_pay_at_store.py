"""Pay at store against the sandbox over real HTTP: an order not paid online is paid at the till (a
``pickup`` sale: lines, VAT, receipt number, tenders, hash chain; no stock movement of its own and no
second online order), handed over in the same transaction, and marked paid and completed online exactly
once even when the store's answers are lost. Stock agrees on both sides afterwards."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.domain.errors import PaymentError
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.chain import verify_sales
from pos.ledger.models import OutboxEvent, Sale, StockMovement
from pos.services.pickups import PickupError
from pos.services.stock_drift import stock_drift
from tests.integration.pickups.conftest import EANS, Desk
from tests.integration.pickups.test_pickups_e2e import COMPLETED_NOTE, _code, _ready_order

PAID_NOTE = "Pagado en tienda"


def _meta(order: dict, key: str) -> str | None:  # type: ignore[type-arg]
    return next((m["value"] for m in order.get("meta_data", []) if m["key"] == key), None)


def _notes_with(desk: Desk, order_id: int, text: str) -> list[str]:
    return [n["note"] for n in desk.notes(order_id) if text in n["note"]]


def test_pay_at_store_is_taken_at_the_till_and_marked_paid_online_once(desk: Desk) -> None:
    desk.engine.run_once()
    online_before = {ean: desk.online_stock(ean) for ean in EANS[:2]}
    local_before = {ean: desk.local_stock(ean) for ean in EANS[:2]}
    drift_before = {d.sku: d.drift for d in stock_drift(desk.ledger)}  # the demo's completed online orders
    order, pid = _ready_order(desk, [(EANS[0], 3), (EANS[1], 1)], payment="cod", paid=False)
    desk.drain()  # the "ready" note
    view = desk.pickups.get(pid)
    assert view.needs_payment and view.total.minor == int(Decimal(order["total"]) * 100)

    with pytest.raises(PickupError) as err:  # refused before any money changes hands
        desk.payments.checkout(pid, desk.cashier, verify_code="ZZZZZZ")
    assert err.value.reason == "wrong_code"
    checkout = desk.payments.checkout(pid, desk.cashier, verify_code=_code(order))
    assert checkout.total == view.total
    assert [ln.quantity for ln in checkout.cart.lines] == [Decimal(3), Decimal(1)]
    with pytest.raises(PaymentError):  # not enough: nothing stored, the order stays as it was
        checkout.pay([Tender(TenderKind.CASH, Money(100, "EUR"))])
    assert desk.pickups.get(pid).state == "ready"

    handed = Money(((view.total.minor // 1000) + 1) * 1000, "EUR")  # a note larger than the total
    receipt = checkout.pay([Tender(TenderKind.CASH, handed)])
    assert checkout.paid is not None and checkout.paid.handover.complete
    assert receipt.kind == "pickup" and receipt.receipt_no.startswith("T01-")
    assert receipt.total == view.total and receipt.change == handed - view.total
    assert sum(t.tax.minor for t in receipt.taxes) > 0  # the VAT breakdown of the order's goods
    after = desk.pickups.get(pid)
    assert after.state == "collected" and after.paid_by_sale_uuid == receipt.sale_uuid and not after.needs_payment

    with desk.ledger.read() as s:
        sale = s.scalar(select(Sale).where(Sale.uuid == receipt.sale_uuid))
        assert sale is not None and sale.kind == "pickup" and sale.total_minor == view.total.minor
        assert [(t.kind, t.amount_minor) for t in sale.tenders] == [("cash", handed.minor)]
        assert verify_sales(s).ok
        assert s.scalars(select(StockMovement).where(StockMovement.ref_uuid == receipt.sale_uuid)).all() == []
        moves = s.scalars(select(StockMovement).where(StockMovement.reason != "initial")).all()
        assert sorted(m.reason for m in moves) == ["pickup", "pickup"]  # the hand-over's, nothing else
        types = [e.event_type for e in s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending"))]
        assert types == ["pickup.collected"]  # no sale.completed: the order exists online already
    with pytest.raises(PickupError):  # a second payment for the same order is refused
        desk.payments.checkout(pid, desk.cashier, verify_code=_code(order))

    desk.store.faults.drop_after_commit_next = 2  # completed+paid, answer lost; then the first note's answer lost
    desk.drain()
    remote = desk.api("GET", f"/orders/{order['id']}")
    assert remote["status"] == "completed" and remote["date_paid_gmt"]
    assert _meta(remote, "_pos_payment_uuid") == receipt.sale_uuid
    assert remote["transaction_id"] == receipt.receipt_no
    assert remote["payment_method_title"] == "Efectivo (pagado en tienda)"
    assert [n["note"] for n in desk.notes(order["id"])].count(COMPLETED_NOTE) == 1
    assert len(_notes_with(desk, order["id"], PAID_NOTE)) == 1
    assert len(_notes_with(desk, order["id"], "Entregado en tienda")) == 1
    assert len(desk.api("GET", "/orders", params={"created_via": "mostrador-pos"})) == 0  # no second order

    desk.engine.run_once()  # pull the completed, paid order back: nothing changes here
    assert desk.pickups.get(pid).conflict is None
    for ean, qty in ((EANS[0], 3), (EANS[1], 1)):
        assert desk.online_stock(ean) == online_before[ean] - qty  # taken once, by the online order
        assert desk.local_stock(ean) == (local_before[ean][0] - qty, local_before[ean][1])
    desk.engine.request_full_resync()
    desk.engine.run_once()  # re-read online stock
    assert {d.sku: d.drift for d in stock_drift(desk.ledger)} == drift_before


def test_partial_handover_pays_the_whole_order_once(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[2], 2), (EANS[3], 1)], payment="cod", paid=False)
    first, _ = desk.pickups.get(pid).lines
    checkout = desk.payments.checkout(pid, desk.cashier, id_check="DNI ***4321", lines={first.line_id: 1})
    total = checkout.total
    receipt = checkout.pay([Tender(TenderKind.CARD, total, "AUT-1234")])
    assert receipt.total == total and not checkout.paid.handover.complete  # type: ignore[union-attr]
    desk.store.faults.drop_after_commit_next = 1  # the payment's answer is lost
    desk.drain()
    remote = desk.api("GET", f"/orders/{order['id']}")
    assert remote["status"] == "processing" and _meta(remote, "_pos_payment_uuid") == receipt.sale_uuid
    assert remote["payment_method_title"] == "Tarjeta (pagado en tienda)"
    assert len(_notes_with(desk, order["id"], PAID_NOTE)) == 1
    with pytest.raises(PickupError) as err:  # the rest needs no second payment
        desk.payments.checkout(pid, desk.cashier, id_check="DNI ***4321")
    assert err.value.reason == "already_paid"
    result = desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    assert result.complete
    desk.drain()
    remote = desk.api("GET", f"/orders/{order['id']}")
    assert remote["status"] == "completed"
    assert len(_notes_with(desk, order["id"], PAID_NOTE)) == 1
    with desk.ledger.read() as s:
        assert [x.kind for x in s.scalars(select(Sale))] == ["pickup"]


def test_an_order_cancelled_online_is_never_paid_at_the_till(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[1], 1)], payment="cod", paid=False)
    desk.api("PUT", f"/orders/{order['id']}", json={"status": "cancelled"})
    desk.engine.run_once()
    with pytest.raises(PickupError) as err:
        desk.payments.checkout(pid, desk.cashier, verify_code=_code(order))
    assert err.value.reason == "cancelled_online"
    with desk.ledger.read() as s:
        assert s.scalars(select(Sale)).all() == []


def test_an_order_paid_online_needs_no_till_payment(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[0], 1)])
    with pytest.raises(PickupError) as err:
        desk.payments.checkout(pid, desk.cashier, verify_code=_code(order))
    assert err.value.reason == "already_paid"


def test_a_pickup_fee_is_invoiced_with_the_goods_and_the_ticket_adds_up(desk: Desk) -> None:
    """A pickup point that charges a fee: the order's total is more than its lines. The till's ticket is for
    exactly the order's total, the fee spread over the lines (it takes the VAT of the goods)."""
    desk.engine.run_once()
    billing = {"first_name": "Ana", "last_name": "Ruiz", "email": "ana@example.com", "country": "ES"}
    order = desk.api("POST", "/orders", json={
        "status": "processing", "set_paid": False, "created_via": "checkout", "payment_method": "cod",
        "billing": billing, "shipping": billing,
        "shipping_lines": [{"method_id": "local_pickup", "method_title": "Recogida", "total": "1.00"}],
        "line_items": [{"product_id": desk.remote_id(EANS[0]), "quantity": 3},
                       {"product_id": desk.remote_id(EANS[2]), "quantity": 1}]})
    desk.engine.run_once()
    pid = desk.find(order["number"])
    view = desk.pickups.get(pid)
    assert view.total.minor == round(Decimal(order["total"]) * 100)
    assert view.total.minor > sum(ln.total.minor for ln in view.lines)  # the fee
    checkout = desk.payments.checkout(pid, desk.cashier, id_check="DNI ***0001")
    receipt = checkout.pay([Tender(TenderKind.CARD, checkout.total, "AUT-9")])
    assert receipt.total == view.total
    assert sum(ln.total.minor for ln in receipt.lines) == view.total.minor
    assert sum(t.base.minor + t.tax.minor for t in receipt.taxes) == view.total.minor
    assert [ln.quantity for ln in receipt.lines] == [Decimal(3), Decimal(1)]
    with desk.ledger.read() as s:
        assert verify_sales(s).ok
