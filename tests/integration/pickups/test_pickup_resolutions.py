"""The manager's resolution list over real HTTP: an order cancelled online while it was being handed over
and a refused hand-over show up; only a manager resolves them (audited), and the order's flag clears."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pos.ledger.models import AuditEntry
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, AuthError
from pos.services.pickup_resolutions import PickupResolutions
from pos.services.pickups import PickupError
from tests.integration.pickups.conftest import EANS, MANAGER_PIN, Desk
from tests.integration.pickups.test_pickups_e2e import _code, _ready_order


def test_conflicts_and_refused_handovers_are_resolved_by_a_manager(desk: Desk) -> None:
    desk.engine.run_once()
    resolutions = PickupResolutions(desk.ledger, AuthService(desk.ledger))
    assert resolutions.entries() == []
    order, pid = _ready_order(desk, [(EANS[1], 1)])
    desk.drain()
    desk.api("PUT", f"/orders/{order['id']}", json={"status": "cancelled"})  # while at the counter
    desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    desk.engine.run_once()  # the store refuses the completion: conflict
    other, other_pid = _ready_order(desk, [(EANS[0], 1)])
    desk.api("PUT", f"/orders/{other['id']}", json={"status": "cancelled"})
    desk.engine.run_once()
    with pytest.raises(PickupError):
        desk.pickups.hand_over(other_pid, desk.cashier, verify_code=_code(other))

    entries = resolutions.entries()
    assert {(e.action, e.number) for e in entries} >= {("pickup.conflict", order["number"]),
                                                       ("pickup.handover_refused", other["number"])}
    conflict = next(e for e in entries if e.number == order["number"])
    assert conflict.pickup_id == pid and conflict.what in ("order_cancelled_online",
                                                           "cancelled_online_after_handover")
    assert desk.pickups.get(pid).conflict is not None

    with pytest.raises(ApprovalRequired):
        resolutions.resolve(conflict.entry_id, desk.cashier, approver_pin=None, note="cobrado, pedido anulado")
    with pytest.raises(AuthError):
        resolutions.resolve(conflict.entry_id, desk.cashier, approver_pin="0000", note="x")
    with pytest.raises(PickupError):
        resolutions.resolve(conflict.entry_id, desk.cashier, approver_pin=MANAGER_PIN, note="  ")
    for entry in [e for e in resolutions.entries() if e.number == order["number"]]:
        done = resolutions.resolve(entry.entry_id, desk.cashier, approver_pin=MANAGER_PIN,
                                   note="Se reembolsa online; el cliente se llevó el producto")
        assert done.resolved and done.resolved_by
    assert desk.pickups.get(pid).conflict is None
    assert all(e.number != order["number"] for e in resolutions.entries())
    with pytest.raises(PickupError) as err:
        resolutions.resolve(conflict.entry_id, desk.cashier, approver_pin=MANAGER_PIN, note="otra vez")
    assert err.value.reason == "already_resolved"
    manager = UserView(2, "Marta", "manager")  # a manager resolves without typing a PIN again
    refused = next(e for e in resolutions.entries() if e.number == other["number"])
    assert resolutions.resolve(refused.entry_id, manager, approver_pin=None, note="avisado al cliente").resolved
    with desk.ledger.read() as s:
        resolved = s.scalars(select(AuditEntry).where(AuditEntry.action == "pickup.resolved")).all()
        assert len(resolved) >= 2 and all(r.approved_by for r in resolved)
