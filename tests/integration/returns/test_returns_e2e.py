"""Returns against the sandbox store over real HTTP: partial online returns refunded and restocked online,
the same line never refunded twice (two tills, offline then online), cash figures of a store-sale return,
exchanges, approvals, and no double refund when the till dies during the push."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos.devices.pdf_documents import receipt_pdf
from pos.devices.receipt_text import render_lines
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.domain.returns import ReturnError
from pos.formatting import Formatter
from pos.ledger.chain import verify_sales
from pos.ledger.models import AuditEntry, Sale, TenderRow
from pos.services.errors import ApprovalRequired
from pos.services.permissions import Permissions
from pos.services.returns_dto import NoReceiptItem, ReturnItem, ReturnRequest
from pos.services.shifts import ShiftService
from sync.engine import SyncEngine
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.money import to_minor
from tests.integration.returns.conftest import EANS, MANAGER_PIN, Till


def _online_doc(till: Till, number: str):  # type: ignore[no-untyped-def]
    [doc] = [d for d in till.returns.find(number) if d.source == "online"]
    return doc


def _cash_sale(till: Till, lines: list[tuple[str, int]], tenders: list[Tender] | None = None):  # type: ignore[no-untyped-def]
    from pos.domain.cart import Cart
    from pos.services.catalog import to_ref

    cart = Cart("EUR")
    for ean, qty in lines:
        cart = cart.add(to_ref(till.catalog.by_barcode(ean)), qty)
    total = cart.totals().total
    return till.sales.complete(cart, tenders or [Tender(TenderKind.CASH, Money(total.minor + 1000, "EUR"))],
                               till.cashier)


def test_partial_return_of_an_online_order_refunds_the_right_lines_and_restocks_online(till: Till) -> None:
    order = till.place_order([(EANS[0], 3), (EANS[1], 1)])
    assert till.engine.run_once()  # the pull keeps a copy of returnable orders of any shipping method
    doc = _online_doc(till, order["number"])
    assert doc.routes[0] == "gateway" and doc.default_route == "gateway" and doc.customer_email
    first = next(ln for ln in doc.lines if ln.sold == 3)
    online_before, local_before = till.online_stock(EANS[0]), till.local_stock(EANS[0])
    result = till.returns.refund(ReturnRequest("online", doc.ref, (ReturnItem(first.key, Decimal(2)),)), till.cashier)
    item = next(i for i in order["line_items"] if i["quantity"] == 3)
    expected = round((to_minor(item["total"]) + to_minor(item["total_tax"])) * 2 / 3)  # type: ignore[operator]
    assert result.receipt.kind == "return" and result.receipt.receipt_no == "R-T01-000001"
    assert result.receipt.total.minor == expected and result.receipt.original_receipt_no == order["number"]
    assert [(t.kind, t.amount.minor) for t in result.receipt.tenders] == [("gateway", expected)]
    assert till.local_stock(EANS[0]) == local_before + 2  # restocked into this store
    assert till.hooked[-1].refunded_total_minor == expected and till.hooked[-1].online_order_remote_id == order["id"]
    till.drain()
    [refund] = till.refunds(order["id"])
    assert to_minor(refund["amount"]) == expected and refund["refunded_payment"] is True
    assert [(ln["quantity"], ln["meta_data"][0]["value"]) for ln in refund["line_items"]] == [(-2, str(item["id"]))]
    assert {m["key"]: m["value"] for m in refund["meta_data"]}["_pos_refund_uuid"] == result.context.return_uuid
    assert till.online_stock(EANS[0]) == online_before + 2
    # what is left: one more unit of that line; the whole second line
    doc = _online_doc(till, order["number"])
    assert [(ln.sold, ln.returnable) for ln in doc.lines] == [(3, 1), (1, 1)]
    with pytest.raises(ReturnError) as err:
        till.returns.refund(ReturnRequest("online", doc.ref, (ReturnItem(first.key, Decimal(2)),)), till.cashier)
    assert err.value.reason == "too_many"
    with till.ledger.read() as s:
        assert verify_sales(s).ok


def test_the_same_line_is_refused_at_a_second_till_and_offline_then_online(
        store_and_tills: tuple[Till, Till]) -> None:
    a, b = store_and_tills
    order = a.place_order([(EANS[2], 1)], payment="cod")
    assert a.engine.run_once() and b.engine.run_once()  # both tills have a copy (refunds unknown yet)
    doc_a, doc_b = _online_doc(a, order["number"]), _online_doc(b, order["number"])
    assert doc_a.routes == ("cash", "wallet")  # paid on delivery: no gateway to pay back
    a.returns.refund(ReturnRequest("online", doc_a.ref, (ReturnItem(doc_a.lines[0].key, Decimal(1)),)), a.cashier)
    a.drain()
    # Till B online: the live lookup reads the store's refunds, the line is no longer returnable.
    assert b.lookup.lookup(order["number"]) == 1
    fresh = _online_doc(b, order["number"])
    assert fresh.lines[0].returnable == 0 and fresh.checked_online_at is not None
    with pytest.raises(ReturnError) as err:
        b.returns.refund(ReturnRequest("online", fresh.ref, (ReturnItem(fresh.lines[0].key, Decimal(1)),)), b.cashier)
    assert err.value.reason == "too_many"
    # Same line at till B, offline with its stale copy: taken locally, refused when it reaches the store.
    c_order = a.place_order([(EANS[3], 1)], payment="cod")
    a.engine.run_once()
    b.engine.run_once()
    doc_a, doc_b = _online_doc(a, c_order["number"]), _online_doc(b, c_order["number"])
    a.returns.refund(ReturnRequest("online", doc_a.ref, (ReturnItem(doc_a.lines[0].key, Decimal(1)),)), a.cashier)
    a.drain()
    b.store.faults.down = True
    b.returns.refund(ReturnRequest("online", doc_b.ref, (ReturnItem(doc_b.lines[0].key, Decimal(1)),)), b.cashier)
    assert not b.engine.run_once()
    b.store.faults.down = False
    b.drain()
    assert len(b.refunds(c_order["id"])) == 1  # never refunded twice online
    [(status, error, _)] = b.events("return.refund")
    assert status == "parked" and "already_refunded" in error
    with b.ledger.read() as s:
        assert s.scalar(select(func.count()).where(AuditEntry.action == "return.refund_refused")) == 1
    # And the same till, offline: its own ledger refuses the second return at once.
    doc_b = _online_doc(b, c_order["number"])
    with pytest.raises(ReturnError):
        b.returns.refund(ReturnRequest("online", doc_b.ref, (ReturnItem(doc_b.lines[0].key, Decimal(1)),)), b.cashier)


def test_cash_refund_of_a_store_sale_leaves_the_cash_figures_right(till: Till) -> None:
    online_before = till.online_stock(EANS[0])
    shifts = ShiftService(till.ledger, till.settings, Permissions.from_settings(till.auth, till.settings))
    manager = till.auth.login(MANAGER_PIN)
    shifts.open(manager, {2000: 5})  # a float of 100,00
    receipt = _cash_sale(till, [(EANS[0], 2), (EANS[1], 1)])
    paid_in = receipt.total.minor
    doc = till.returns.find(receipt.receipt_no)[0]
    assert doc.source == "store" and doc.default_route == "cash"
    line = doc.lines[0]
    result = till.returns.refund(ReturnRequest("store", doc.ref, (ReturnItem(line.key, Decimal(1)),),
                                               reason="defective"), till.cashier)
    refunded = result.receipt.total.minor
    assert refunded == line.total.minor // 2 and result.receipt.original_receipt_no == receipt.receipt_no
    # The rectifying receipt names the original, printed, as PDF, and when read back from the ledger.
    text = "\n".join(render_lines(result.receipt, Formatter("es_ES")))
    assert "Factura rectificativa (devolución)" in text and f"Rectifica a: {receipt.receipt_no}" in text
    assert receipt_pdf(result.receipt, Formatter("es_ES")).startswith(b"%PDF")
    assert till.sales.receipt(result.receipt.sale_uuid).original_receipt_no == receipt.receipt_no
    with till.ledger.read() as s:
        rows = s.execute(select(Sale.kind, TenderRow.kind, func.sum(TenderRow.amount_minor),
                                func.sum(Sale.change_minor)).join(TenderRow, TenderRow.sale_id == Sale.id)
                         .group_by(Sale.kind, TenderRow.kind)).all()
        cash = {(kind, tender): amount - change for kind, tender, amount, change in rows}
        ret = s.scalar(select(Sale).where(Sale.kind == "return"))
        assert ret is not None and ret.original_sale_id is not None and ret.total_minor == refunded > 0
    assert cash[("sale", "cash")] == paid_in and cash[("return", "cash")] == refunded  # money out, positive
    assert cash[("sale", "cash")] - cash[("return", "cash")] == paid_in - refunded
    # The drawer: the shift expects the float plus the sale minus the cash handed back.
    x = shifts.x_report(manager)
    assert (x.cash_refunded, x.expected_cash) == (refunded, 10000 + paid_in - refunded)
    # The store: the sale's order is refunded (cash at the till, api_refund false) and restocked online.
    till.drain()
    [(_, _, order_id)] = till.events("sale.completed")
    [refund] = till.refunds(int(order_id))
    assert to_minor(refund["amount"]) == refunded and refund["refunded_payment"] is False
    assert till.online_stock(EANS[0]) == online_before - 2 + 1  # sold 2 (order), 1 back (refund)


def test_cash_for_a_card_sale_and_large_refunds_need_a_manager(till: Till) -> None:
    receipt = _cash_sale(till, [(EANS[0], 1)])
    from pos.domain.cart import Cart
    from pos.services.catalog import to_ref

    cart = Cart("EUR").add(to_ref(till.catalog.by_barcode(EANS[1])), 1)
    card = till.sales.complete(cart, [Tender(TenderKind.CARD, cart.totals().total, "AUTH42")], till.cashier)
    doc = till.returns.find(card.receipt_no)[0]
    assert doc.default_route == "card" and doc.paid_by_card
    request = ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),), route="cash")
    assert till.returns.quote(request).approvals == ("cash_for_card",)
    with pytest.raises(ApprovalRequired):
        till.returns.refund(request, till.cashier)
    result = till.returns.refund(request, till.cashier, approver_pin=MANAGER_PIN)
    assert result.context.approved_by is not None
    cash_doc = till.returns.find(receipt.receipt_no)[0]
    with pytest.raises(ReturnError) as err:  # paid in cash: no card to refund to
        till.returns.quote(ReturnRequest("store", cash_doc.ref, (ReturnItem(cash_doc.lines[0].key, Decimal(1)),),
                                         route="card"))
    assert err.value.reason == "bad_route"
    other = till.sales.complete(cart, [Tender(TenderKind.CARD, cart.totals().total, "AUTH43")], till.cashier)
    other_doc = till.returns.find(other.receipt_no)[0]
    with pytest.raises(ReturnError) as err:  # a card refund needs the terminal's reference
        till.returns.quote(ReturnRequest("store", other_doc.ref, (ReturnItem(other_doc.lines[0].key, Decimal(1)),)))
    assert err.value.reason == "card_reference"
    events_before = len(till.events("return.refund"))
    # No receipt: a manager, always; store credit needs a customer.
    product = till.catalog.by_barcode(EANS[2])
    no_receipt = ReturnRequest("none", None, no_receipt_items=(NoReceiptItem(product.product_id, Decimal(1)),))
    assert "no_receipt" in till.returns.quote(no_receipt).approvals
    with pytest.raises(ApprovalRequired):
        till.returns.refund(no_receipt, till.cashier)
    with pytest.raises(ReturnError) as err:
        till.returns.quote(ReturnRequest("none", None, no_receipt_items=no_receipt.no_receipt_items, route="wallet"))
    assert err.value.reason == "needs_customer"
    online_before = till.online_stock(EANS[2])
    done = till.returns.refund(no_receipt, till.cashier, approver_pin=MANAGER_PIN)
    assert done.receipt.total.minor == product.price.minor
    assert len(till.events("return.refund")) == events_before  # no receipt: no order to refund online
    till.drain()  # ... so the unit back on the shelf moves the online stock directly, once
    till.drain()
    assert [status for status, _, _ in till.events("stock.count_adjusted")] == ["sent"]
    assert till.online_stock(EANS[2]) == online_before + 1
    with till.ledger.read() as s:
        approvals = s.scalars(select(AuditEntry).where(AuditEntry.action == "approval")).all()
        assert {a.details["action"] for a in approvals} == {"return"}


def test_an_exchange_settles_the_difference(till: Till) -> None:
    from pos.domain.cart import Cart
    from pos.services.catalog import to_ref

    cheap, dear = sorted((till.catalog.by_barcode(e) for e in EANS[:3]), key=lambda p: p.price.minor)[::2]
    bought = till.sales.complete(Cart("EUR").add(to_ref(cheap), 1),
                                 [Tender(TenderKind.CASH, cheap.price)], till.cashier)
    doc = till.returns.find(bought.receipt_no)[0]
    request = ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),), reason="wrong_size")
    new_cart = Cart("EUR").add(to_ref(dear), 1)
    difference = dear.price.minor - cheap.price.minor
    assert till.returns.exchange_due(request, new_cart).minor == difference
    with pytest.raises(Exception):  # noqa: B017 - not paid: nothing written
        till.returns.exchange(request, new_cart, [], till.cashier)
    result = till.returns.exchange(request, new_cart, [Tender(TenderKind.CASH, Money(difference, "EUR"))],
                                   till.cashier)
    assert result.sale_receipt is not None
    assert [(t.kind, t.amount.minor) for t in result.receipt.tenders] == [("exchange", cheap.price.minor)]
    assert [(t.kind, t.amount.minor) for t in result.sale_receipt.tenders] == [
        ("exchange", cheap.price.minor), ("cash", difference)]
    # The other way round: the customer takes something cheaper and gets the rest in cash.
    bought = till.sales.complete(Cart("EUR").add(to_ref(dear), 1), [Tender(TenderKind.CASH, dear.price)],
                                 till.cashier)
    doc = till.returns.find(bought.receipt_no)[0]
    request = ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),), route="cash")
    result = till.returns.exchange(request, Cart("EUR").add(to_ref(cheap), 1), [], till.cashier)
    assert sorted((t.kind, t.amount.minor) for t in result.receipt.tenders) == sorted(
        [("exchange", cheap.price.minor), ("cash", difference)])
    assert result.sale_receipt is not None and result.sale_receipt.total.minor == cheap.price.minor
    till.drain()
    with till.ledger.read() as s:
        assert verify_sales(s).ok
        assert s.scalar(select(func.count()).where(Sale.kind == "return")) == 2


def test_killing_the_till_during_a_refund_push_never_refunds_twice(till: Till) -> None:
    order = till.place_order([(EANS[0], 2), (EANS[3], 1)])
    till.engine.run_once()
    doc = _online_doc(till, order["number"])
    items = (ReturnItem(doc.lines[0].key, Decimal(1)), ReturnItem(doc.lines[1].key, Decimal(1), restock=False))
    # Cash at the till for an order paid by card online: a manager approves.
    result = till.returns.refund(ReturnRequest("online", doc.ref, items, reason="damaged", route="cash"),
                                 till.cashier, approver_pin=MANAGER_PIN)
    online_before = till.online_stock(EANS[3])
    till.store.faults.drop_after_commit_next = 1  # the refund is made, its answer never arrives
    assert not till.engine.run_once()
    assert len(till.refunds(order["id"])) == 1
    # A fresh engine (the till was restarted) finds the refund by its UUID and sends only the missing part.
    fresh = SyncEngine(till.ledger, WooCommerceConnector(till.store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0)),
                       currency="EUR", pull_interval_s=0, full_resync_first=False)
    till.engine = fresh
    till.drain()
    refunds = till.refunds(order["id"])
    assert len(refunds) == 2  # the restocked part and the part kept out of stock, once each
    parts = {next(m["value"] for m in r["meta_data"] if m["key"] == "_pos_refund_part") for r in refunds}
    assert parts == {"restock", "keep"} and not any(r["refunded_payment"] for r in refunds)
    assert sum(to_minor(r["amount"]) or 0 for r in refunds) == result.receipt.total.minor
    assert till.online_stock(EANS[3]) == online_before  # damaged: not restocked online either
    till.drain()
    assert len(till.refunds(order["id"])) == 2


def test_a_sale_returned_at_another_till_is_not_returned_again_here(store_and_tills: tuple[Till, Till]) -> None:
    a, b = store_and_tills
    receipt = _cash_sale(a, [(EANS[1], 2)])
    a.drain()  # the sale is an order online
    # Till B does not have the sale: it finds it through the store by its receipt number.
    assert b.returns.find(receipt.receipt_no) == []
    assert b.lookup.lookup(receipt.receipt_no) == 1
    [doc] = b.returns.find(receipt.receipt_no)
    assert doc.source == "online" and doc.number == receipt.receipt_no and doc.routes == ("cash",)  # no customer
    b.returns.refund(ReturnRequest("online", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),)), b.cashier)
    b.drain()
    # Till A, online again: its own receipt now shows the unit returned at B, and only one is left.
    assert a.lookup.lookup(receipt.receipt_no) == 1
    [mine] = a.returns.find(receipt.receipt_no)
    assert mine.source == "store" and (mine.lines[0].returned, mine.lines[0].returnable) == (1, 1)
    with pytest.raises(ReturnError):
        a.returns.refund(ReturnRequest("store", mine.ref, (ReturnItem(mine.lines[0].key, Decimal(2)),)), a.cashier)
    a.returns.refund(ReturnRequest("store", mine.ref, (ReturnItem(mine.lines[0].key, Decimal(1)),)), a.cashier)
    a.drain()
    assert a.lookup.lookup(receipt.receipt_no) == 1  # our own refund is not counted twice
    [mine] = a.returns.find(receipt.receipt_no)
    assert (mine.lines[0].returned, mine.lines[0].returnable) == (2, 0)
    assert [e[0] for e in a.events("return.refund")] == ["sent"]
