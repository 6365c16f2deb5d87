"""Staff accounts (admin only, unique PINs, never without an admin) and the audit log with filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pos.ledger.db import Ledger
from pos.services.audit_log import AuditLogService
from pos.services.auth import AuthService
from pos.services.errors import AuthError
from pos.services.permissions import Permissions
from pos.services.staff import StaffError, StaffService

ADMIN_PIN, MANAGER_PIN, CASHIER_PIN = "2468", "9999", "1234"


@pytest.fixture
def auth(ledger: Ledger) -> AuthService:
    return AuthService(ledger)


def test_only_an_admin_manages_staff_and_pins_stay_unique(ledger: Ledger, auth: AuthService) -> None:
    staff = StaffService(ledger, Permissions(auth))
    admin, manager = auth.login(ADMIN_PIN), auth.login(MANAGER_PIN)
    with pytest.raises(AuthError) as err:
        staff.add(manager, "Pepe", "cashier", "4444")
    assert err.value.reason == "not_allowed"
    with pytest.raises(StaffError) as staff_err:
        staff.add(admin, "Pepe", "cashier", CASHIER_PIN)  # Ana's PIN: login by PIN alone must stay unambiguous
    assert staff_err.value.reason == "pin_taken"
    with pytest.raises(AuthError):
        staff.add(admin, "Pepe", "cashier", "12")
    pepe = staff.add(admin, "Pepe", "cashier", "4444")
    assert auth.login("4444").name == "Pepe"
    staff.set_role(admin, pepe.user_id, "supervisor")
    staff.reset_pin(admin, pepe.user_id, "4545")
    assert auth.login("4545").role == "supervisor"
    staff.set_active(admin, pepe.user_id, False)
    with pytest.raises(AuthError):
        auth.login("4545")
    with pytest.raises(StaffError) as staff_err:
        staff.set_role(admin, admin.user_id, "manager")
    assert staff_err.value.reason == "last_admin"
    assert {v.name for v in staff.list(admin) if v.active} == {"Ana", "Marta", "Luis", "Sofía"}


def test_audit_log_filters_and_is_for_managers(ledger: Ledger, auth: AuthService) -> None:
    audit = AuditLogService(ledger, Permissions(auth))
    cashier = auth.login(CASHIER_PIN)
    manager = auth.login(MANAGER_PIN)
    auth.approve(MANAGER_PIN, "price_change", requested_by=cashier.user_id)
    with pytest.raises(AuthError):
        audit.entries(cashier)
    everything = audit.entries(manager)
    assert [e.action for e in everything[:3]] == ["approval", "login", "login"]  # newest first
    assert all(e.user == "Ana" or e.approved_by == "Ana" for e in audit.entries(manager, user_id=cashier.user_id))
    [approval] = audit.entries(manager, action="approval")
    assert (approval.user, approval.approved_by, approval.details["action"]) == ("Ana", "Marta", "price_change")
    assert {e.action for e in audit.entries(manager, action="login.")} <= {"login.failed"}
    future = datetime.now(UTC) + timedelta(days=1)
    assert audit.entries(manager, since=future) == []
    assert len(audit.entries(manager, until=future)) == len(everything)
    assert audit.chain_ok()
