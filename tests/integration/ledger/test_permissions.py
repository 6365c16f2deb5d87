"""Every protected action, at the service: a cashier cannot do it without a valid PIN of a high enough role
(the UI is not the guard); the approval is audited with ``approved_by``. Plus the persisted lockout."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from pos.config import TillSettings
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.db import Ledger
from pos.ledger.models import PickupLine, PickupOrder
from pos.services.auth import AuthService
from pos.services.drawer import DrawerService
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, AuthError
from pos.services.permissions import Permissions
from pos.services.pickups import PickupService
from pos.services.shifts import ShiftService
from tests.integration.ledger.ledger_support import CASHIER_PIN, MANAGER_PIN, Till, make_till, raw_connect

LECHE = "8412345600012"
SUPERVISOR_PIN = "5555"  # Luis


def _approvals(path: Path, action: str) -> list[tuple[int, int]]:
    with closing(raw_connect(path)) as conn:
        rows = conn.execute("SELECT user_id, approved_by, details FROM audit_log WHERE action = 'approval'"
                            " ORDER BY id").fetchall()
    return [(u, a) for u, a, d in rows if json.loads(d)["action"] == action]


def _pickup(ledger: Ledger) -> int:
    now = datetime.now(UTC)
    with ledger.write() as session:
        order = PickupOrder(uuid=str(uuid.uuid4()), remote_id=4711, number="4711", remote_status="processing",
                            state="ready", customer_name="Eva", email="eva@example.com", phone="", payment_method="",
                            payment_title="", paid_online=True, currency="EUR", total_minor=95, verify_code="ABCDEF",
                            customer_note="", pickup_location="", created_at=now, remote_modified_at=now)
        order.lines.append(PickupLine(remote_line_id=1, remote_product_id=1, product_id=1, sku="MOS-00001",
                                      name="Leche", qty_milli=1000, total_minor=95))
        session.add(order)
        session.flush()
        return order.id


def _case(till: Till, ledger: Ledger, action: str) -> Callable[[str | None], Any]:
    """The protected call for ``action``, made by the cashier with the given approver PIN."""
    s, cashier = till.session, till.cashier
    permissions = s.permissions
    if action == "void_line":
        s.scan(LECHE)
        return lambda pin: s.void_line(s.cart.lines[0].line_id, pin)
    if action == "void_sale":
        s.scan(LECHE)
        return lambda pin: s.clear(pin)
    if action == "ticket_discount":
        s.scan(LECHE)
        return lambda pin: s.set_ticket_discount(Discount.of_percent(50), pin)
    if action == "line_discount":
        s.scan(LECHE)
        return lambda pin: s.set_line_discount(s.cart.lines[0].line_id, Discount.of_percent(50), pin)
    if action == "price_change":
        s.scan(LECHE)
        return lambda pin: s.set_price(s.cart.lines[0].line_id, Money(50), pin, reason="label")
    if action == "refund":
        return lambda pin: permissions.authorize_refund(cashier, 10_000, pin)
    if action == "drawer.no_sale":
        drawer = DrawerService(ledger, till.auth, permissions=permissions)
        return lambda pin: drawer.authorise_no_sale(cashier, "change for the bakery", pin)
    if action == "pickup.cancel":
        pickups = PickupService(ledger, till.auth, permissions=permissions)
        pid = _pickup(ledger)
        return lambda pin: pickups.cancel(pid, cashier, approver_pin=pin, reason="no stock")
    if action in ("cash.out", "shift.x_report"):
        shifts = ShiftService(ledger, till.settings, permissions)
        shifts.open(cashier, {5000: 2})
        if action == "shift.x_report":
            return lambda pin: shifts.x_report(cashier, pin)
        return lambda pin: shifts.cash_move(cashier, "out", Money(2000), "bank deposit", pin)
    raise AssertionError(action)


# void_line, void_sale and cash_out are a cashier's own by default, the X report a supervisor's; the store can
# raise them.
STRICT = (("void_line", "manager"), ("void_sale", "manager"), ("cash_out", "manager"), ("x_report", "manager"))
ACTIONS = ["void_line", "void_sale", "ticket_discount", "line_discount", "price_change", "refund", "drawer.no_sale",
           "pickup.cancel", "cash.out", "shift.x_report"]


@pytest.mark.parametrize("action", ACTIONS)
def test_a_cashier_needs_a_valid_manager_pin(ledger: Ledger, ledger_path: Path, action: str) -> None:
    till = make_till(ledger, TillSettings(permissions=STRICT))
    call = _case(till, ledger, action)
    before = till.session.cart
    with pytest.raises(ApprovalRequired) as err:
        call(None)
    assert err.value.params["action"] == action and err.value.params["role"] == "manager"
    with pytest.raises(AuthError) as auth:
        call("0000")
    assert auth.value.reason == "wrong_pin"
    for too_low in (CASHIER_PIN, SUPERVISOR_PIN):
        with pytest.raises(AuthError) as auth:
            call(too_low)
        assert auth.value.reason == "not_allowed"
    assert till.session.cart == before  # nothing changed
    assert _approvals(ledger_path, action) == []

    call(MANAGER_PIN)
    assert _approvals(ledger_path, action) == [(till.cashier.user_id, _id(ledger_path, "Marta"))]


def _id(path: Path, name: str) -> int:
    with closing(raw_connect(path)) as conn:
        return int(conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()[0])


def test_a_manager_needs_nobody_and_the_rules_come_from_config(ledger: Ledger) -> None:
    manager = make_till(ledger, TillSettings(permissions=STRICT), pin=MANAGER_PIN)
    manager.session.scan(LECHE)
    view = manager.session.set_price(manager.session.cart.lines[0].line_id, Money(10))
    assert view.totals.total == Money(10)
    # A store that lets supervisors change prices: a supervisor's PIN is now enough, a cashier's is not.
    till = make_till(ledger, TillSettings(permissions=(("price_change", "supervisor"),)))
    till.session.scan(LECHE)
    line_id = till.session.cart.lines[0].line_id
    with pytest.raises(AuthError):
        till.session.set_price(line_id, Money(80), CASHIER_PIN)
    assert till.session.set_price(line_id, Money(80), SUPERVISOR_PIN).totals.total == Money(80)


def test_small_refunds_need_no_approval(ledger: Ledger) -> None:
    till = make_till(ledger, TillSettings(refund_approval_minor=2000))
    assert till.session.permissions.authorize_refund(till.cashier, 2000) == till.cashier
    with pytest.raises(ApprovalRequired):
        till.session.permissions.authorize_refund(till.cashier, 2001)


def test_price_change_is_audited_and_sold_at_the_new_price(ledger: Ledger, ledger_path: Path) -> None:
    till = make_till(ledger)
    till.session.scan(LECHE)
    line_id = till.session.cart.lines[0].line_id
    with pytest.raises(ApprovalRequired):
        till.session.set_price(line_id, Money(50))
    till.session.set_price(line_id, Money(50), MANAGER_PIN, reason="etiqueta")
    receipt = till.session.pay([Tender(TenderKind.CARD, Money(50))])
    assert receipt.lines[0].unit_price == Money(50)
    with closing(raw_connect(ledger_path)) as conn:
        user_id, approved_by, details = conn.execute(
            "SELECT user_id, approved_by, details FROM audit_log WHERE action = 'line.price_changed'").fetchone()
    assert (user_id, approved_by) == (till.cashier.user_id, _id(ledger_path, "Marta"))
    assert json.loads(details) == {"sku": "MOS-00001", "old": 95, "new": 50, "reason": "etiqueta"}


def test_unknown_rule_in_config_is_refused() -> None:
    with pytest.raises(ValueError):
        Permissions(AuthService.__new__(AuthService), {"sell_anything": "cashier"})
    with pytest.raises(ValueError):
        Permissions(AuthService.__new__(AuthService), {"price_change": "boss"})


def test_lockout_survives_a_restart_and_ends(ledger_path: Path) -> None:
    now = [datetime(2026, 11, 22, 10, 0, tzinfo=UTC)]
    ledger = Ledger(ledger_path)
    auth = AuthService(ledger, clock=lambda: now[0])
    for _ in range(5):
        with pytest.raises(AuthError):
            auth.login("0000")
    ledger.close()

    reopened = Ledger(ledger_path)  # the program restarted
    try:
        auth = AuthService(reopened, clock=lambda: now[0])
        with pytest.raises(AuthError) as err:
            auth.login(CASHIER_PIN)
        assert err.value.reason == "locked"
        with pytest.raises(AuthError) as err:  # approvals wait too: no brute force through the override
            auth.approve(MANAGER_PIN, "price_change", requested_by=1)
        assert err.value.reason == "locked"
        assert auth.lockout_remaining() == 61
        now[0] += timedelta(seconds=61)
        assert auth.login(CASHIER_PIN).name == "Ana"
        assert AuthService(reopened, till_id="T02", clock=lambda: now[0]).lockout_remaining() == 0
    finally:
        reopened.close()


def test_wrong_manager_pins_count_toward_the_lockout(ledger: Ledger) -> None:
    auth = AuthService(ledger, max_attempts=3)
    cashier = UserView(1, "Ana", "cashier")
    permissions = Permissions(auth)
    for reason in ("wrong_pin", "wrong_pin", "locked"):
        with pytest.raises(AuthError) as err:
            permissions.authorize(cashier, "price_change", "1111")
        assert err.value.reason == reason
