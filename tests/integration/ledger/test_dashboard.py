"""The manager dashboard on a real ledger: today's figures equal the ledger, the rule is in the service."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from pos.domain.cart import Cart
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.domain.sync_reason import SyncReason
from pos.ledger.models import OutboxEvent, Sale, StockLevel
from pos.services.catalog import to_ref
from pos.services.dashboard import DashboardService
from pos.services.errors import ApprovalRequired, AuthError
from pos.services.stock_counts import StockCountService
from pos.services.sync_admin import SyncAdminService
from tests.integration.ledger.ledger_support import MANAGER_PIN, Till

LECHE, LIMONES, ACEITE = "8412345600012", "8412345602627", "8412345605833"


def _dashboard(till: Till) -> DashboardService:
    counts = StockCountService(till.ledger, till.auth, till.catalog, till_id="T01", currency="EUR")
    return DashboardService(till.ledger, till.auth, SyncAdminService(till.ledger, till.auth), counts, currency="EUR")


def _sell(till: Till, items: list[tuple[str, int]], tender: TenderKind, tendered: int | None = None) -> int:
    cart = Cart("EUR")
    for code, qty in items:
        cart = cart.add(to_ref(till.catalog.by_barcode(code)), qty)
    total = cart.totals().total
    till.sales.complete(cart, [Tender(tender, Money(tendered or total.minor, "EUR"))], till.cashier)
    return total.minor


def test_only_supervisors_and_managers_see_it_without_a_pin(till: Till) -> None:
    dashboard = _dashboard(till)
    with pytest.raises(ApprovalRequired):
        dashboard.today(till.cashier)
    with pytest.raises(AuthError):
        dashboard.today(till.cashier, approver_pin="1234")
    assert dashboard.today(till.cashier, approver_pin=MANAGER_PIN).tickets == 0
    assert dashboard.today(till.auth.login(MANAGER_PIN)).tickets == 0


def test_todays_figures_equal_the_ledger(till: Till) -> None:
    a = _sell(till, [(LECHE, 3), (ACEITE, 1)], TenderKind.CASH, tendered=5000)
    b = _sell(till, [(LECHE, 1)], TenderKind.CARD)
    c = _sell(till, [(LIMONES, 2)], TenderKind.CARD)
    yesterday = _sell(till, [(ACEITE, 5)], TenderKind.CARD)
    with till.ledger.write() as s:  # the last one was yesterday's
        last = s.query(Sale).order_by(Sale.id.desc()).first()
        assert last is not None
        last.created_at = last.created_at - timedelta(days=1)
        s.execute(update(OutboxEvent).where(OutboxEvent.id == 1).values(status="parked", last_error="400 bad"))
        s.get(StockLevel, till.catalog.by_barcode(LIMONES).product_id).online_milli = 120_000  # type: ignore[union-attr]
    view = _dashboard(till).today(till.auth.login(MANAGER_PIN))
    assert yesterday and view.tickets == 3
    assert view.sales.minor == view.net.minor == a + b + c and view.returns.minor == 0
    assert dict((k, m.minor) for k, m in view.tenders) == {"cash": a, "card": b + c}
    assert sum(m.minor for _, m in view.by_hour) == a + b + c
    assert view.average_ticket.minor == (a + b + c) // 3
    top = {p.sku: p for p in view.top_products}
    leche = till.catalog.by_barcode(LECHE)
    assert top[leche.sku].quantity == 4 and top[leche.sku].revenue.minor == 4 * leche.price.minor
    assert view.top_products[0].revenue.minor >= view.top_products[-1].revenue.minor
    assert (view.pending, view.parked) == (3, 1) and view.parked_items[0].reason == SyncReason(detail="400 bad")
    assert [d.sku for d in view.drift] == [till.catalog.by_barcode(LIMONES).sku]
    assert view.count is None and len(view.suggestions) == 5
    assert view.day == datetime.now().astimezone().date()
