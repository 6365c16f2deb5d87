"""Words for the errors of staff, permissions and cash shifts (called by ``messages.describe``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.domain.errors import DomainError


def action_name(action: str) -> str:
    names = {
        "void_line": QCoreApplication.translate("StaffMessages", "Void a line"),
        "void_sale": QCoreApplication.translate("StaffMessages", "Void the whole sale"),
        "line_discount": QCoreApplication.translate("StaffMessages", "Discount above the limit"),
        "ticket_discount": QCoreApplication.translate("StaffMessages", "Discount above the limit"),
        "price_change": QCoreApplication.translate("StaffMessages", "Price change"),
        "refund": QCoreApplication.translate("StaffMessages", "Refund above the limit"),
        "drawer.no_sale": QCoreApplication.translate("StaffMessages", "Open the drawer without a sale"),
        "pickup.cancel": QCoreApplication.translate("StaffMessages", "Cancel a pickup order"),
        "cash.out": QCoreApplication.translate("StaffMessages", "Take cash out of the drawer"),
        "shift.x_report": QCoreApplication.translate("StaffMessages", "X report (shows the expected cash)"),
        "audit.view": QCoreApplication.translate("StaffMessages", "See the audit log"),
        "users.manage": QCoreApplication.translate("StaffMessages", "Manage staff"),
    }
    return names.get(action, action)


def role_name(role: str) -> str:
    return {
        "cashier": QCoreApplication.translate("StaffMessages", "Cashier"),
        "supervisor": QCoreApplication.translate("StaffMessages", "Supervisor"),
        "manager": QCoreApplication.translate("StaffMessages", "Manager"),
        "admin": QCoreApplication.translate("StaffMessages", "Admin"),
    }.get(role, role)


def describe_staff(error: DomainError) -> str | None:
    """The sentence for ``error``, or None when it is not one of ours."""
    p = error.params
    reason = error.reason
    if error.code == "approval_required" and "role" in p:
        who = {
            "supervisor": QCoreApplication.translate("StaffMessages", "A supervisor or a manager must approve this."),
            "admin": QCoreApplication.translate("StaffMessages", "An administrator must approve this."),
        }.get(str(p["role"]), QCoreApplication.translate("StaffMessages", "A manager must approve this."))
        return f"{action_name(str(p.get('action', '')))}: {who}"
    if error.code == "shift_refused":
        return {
            "no_open_shift": QCoreApplication.translate(
                "StaffMessages", "This till has no open shift. Open one (count the float) to sell."),
            "already_open": QCoreApplication.translate("StaffMessages", "A shift is already open on this till."),
            "reason_required": QCoreApplication.translate("StaffMessages", "Say why the cash goes in or out."),
            "not_positive": QCoreApplication.translate("StaffMessages", "The amount must be greater than zero."),
            "not_enough_cash": QCoreApplication.translate(
                "StaffMessages", "The drawer should not hold that much cash. Check the amount."),
            "not_found": QCoreApplication.translate("StaffMessages", "That shift has no Z report."),
        }.get(reason, QCoreApplication.translate("StaffMessages", "The shift refused that."))
    if error.code == "cash_count_invalid":
        if reason == "unknown_currency":
            return QCoreApplication.translate("StaffMessages", "There are no denominations for this currency.")
        return QCoreApplication.translate("StaffMessages", "Check the count: one of the numbers is not right.")
    if error.code == "staff_refused":
        return {
            "name_required": QCoreApplication.translate("StaffMessages", "The name is needed."),
            "name_taken": QCoreApplication.translate("StaffMessages", "There is already someone with that name."),
            "bad_role": QCoreApplication.translate("StaffMessages", "Unknown role."),
            "pin_taken": QCoreApplication.translate(
                "StaffMessages", "Someone else already uses that PIN. Choose another one."),
            "last_admin": QCoreApplication.translate(
                "StaffMessages", "The last administrator cannot be removed or demoted."),
        }.get(reason, QCoreApplication.translate("StaffMessages", "That change to the staff was refused."))
    if error.code == "auth_failed" and reason == "pin_format":
        return QCoreApplication.translate("StaffMessages", "A PIN has 4 to 8 digits.")
    return None
