"""The one place that turns failures into words for the cashier.

Three kinds: a user-facing DomainError (clear translated message), a storage problem
(the sale stays on screen to retry), and a bug (logged with traceback, generic text)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from pos.domain.errors import DomainError
from pos.ui.loyalty_messages import loyalty_message
from pos.ui.setup_messages import setup_message
from pos.ui.staff_messages import describe_staff

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    if not isinstance(error, DomainError):
        log.error("unexpected error", exc_info=error)
        return QCoreApplication.translate(
            "Messages", "Something went wrong. The sale is still open; try again or call the manager."
        )
    p = error.params
    code = error.code
    reason = p.get("reason", "")
    staff = describe_staff(error)  # staff, permissions and cash shifts (issue #8)
    if staff is not None:
        return staff
    if code == "unknown_barcode":
        return QCoreApplication.translate("Messages", "Unknown barcode: %1").replace("%1", str(p.get("code", "")))
    if code == "invalid_barcode":
        if reason == "check_digit":
            return QCoreApplication.translate(
                "Messages", "Barcode %1 is misread (wrong check digit). Scan it again."
            ).replace("%1", str(p.get("code")))
        return QCoreApplication.translate("Messages", "That is not a barcode we can read. Scan it again.")
    if code == "invalid_quantity":
        return {
            "not_positive": QCoreApplication.translate("Messages", "The quantity must be greater than zero."),
            "too_large": QCoreApplication.translate("Messages", "That quantity is too large."),
            "too_many_decimals": QCoreApplication.translate("Messages", "Quantities have at most three decimals."),
            "too_many_lines": QCoreApplication.translate(
                "Messages", "This ticket has too many lines. Pay it and start a new one."
            ),
        }.get(reason, QCoreApplication.translate("Messages", "That is not a valid quantity."))
    if code == "invalid_amount":
        if reason == "too_large":
            return QCoreApplication.translate("Messages", "That amount is too large.")
        return QCoreApplication.translate("Messages", "That is not a valid amount.")
    if code == "invalid_discount":
        if reason == "exceeds_amount":
            return QCoreApplication.translate("Messages", "The discount cannot be larger than the amount.")
        return QCoreApplication.translate("Messages", "That is not a valid discount.")
    if code == "payment_error":
        return {
            "exceeds_due": QCoreApplication.translate(
                "Messages", "A card or wallet payment cannot be more than the amount due."
            ),
            "absurd_amount": QCoreApplication.translate(
                "Messages", "That cash amount is far above the total. Check the amount."
            ),
            "not_fully_paid": QCoreApplication.translate("Messages", "The ticket is not fully paid yet."),
            "empty_cart": QCoreApplication.translate("Messages", "The ticket is empty."),
            "already_paid": QCoreApplication.translate("Messages", "The ticket is already paid."),
        }.get(reason, QCoreApplication.translate("Messages", "The payment could not be taken."))
    if code == "approval_required":
        return QCoreApplication.translate("Messages", "A manager must approve this.")
    if code == "auth_failed":
        return {
            "wrong_pin": QCoreApplication.translate("Messages", "Wrong PIN."),
            "locked": QCoreApplication.translate("Messages", "Too many wrong PINs. Wait %1 seconds.").replace(
                "%1", str(p.get("seconds", 60))
            ),
            "not_allowed": QCoreApplication.translate("Messages", "This PIN may not approve that."),
            "approval_needed": QCoreApplication.translate("Messages", "A manager must approve this."),
        }.get(reason, QCoreApplication.translate("Messages", "Wrong PIN."))
    if code == "storage_error":
        return {
            "locked": QCoreApplication.translate(
                "Messages", "The till database is busy. Nothing was lost: press Pay again."
            ),
            "disk_full": QCoreApplication.translate(
                "Messages", "The disk is full. Nothing was lost, but call IT before selling on."
            ),
            "keyring": QCoreApplication.translate(
                "Messages",
                "This computer has no secure password store; IT can set MOSTRADOR_STORE_KEY and "
                "MOSTRADOR_STORE_SECRET instead.",
            ),
        }.get(
            reason, QCoreApplication.translate("Messages", "The sale could not be saved. Nothing was lost: try again.")
        )
    if code == "pickup_refused":
        return {
            "wrong_state": QCoreApplication.translate("Messages", "That cannot be done in the order's current state."),
            "wrong_item": QCoreApplication.translate("Messages", "That item is not in this order."),
            "too_many": QCoreApplication.translate("Messages", "All units of that item are already picked."),
            "not_fully_picked": QCoreApplication.translate("Messages", "Not every item is picked yet."),
            "verification_required": QCoreApplication.translate(
                "Messages", "Check the customer's code or ID before handing over."),
            "wrong_code": QCoreApplication.translate("Messages", "That code does not match the order."),
            "not_paid": QCoreApplication.translate(
                "Messages", "This order is paid at the store: take the payment first."),
            "nothing_to_collect": QCoreApplication.translate("Messages", "Nothing is left to collect."),
            "cancelled_online": QCoreApplication.translate(
                "Messages", "This order was cancelled online: do not hand it over. A manager has been told."),
            "partially_collected": QCoreApplication.translate(
                "Messages", "Part of this order was already collected."),
            "already_paid": QCoreApplication.translate("Messages", "This order is already paid."),
            "wrong_amount": QCoreApplication.translate(
                "Messages", "The order's lines do not add up to its total: check the order in the online store."),
            "unknown_product": QCoreApplication.translate(
                "Messages", "A product of this order is not in the till's catalogue: sync the catalogue first."),
            "sale_not_found": QCoreApplication.translate("Messages", "No payment for this order was found."),
            "sale_already_used": QCoreApplication.translate("Messages", "That payment already paid another order."),
            "bad_quantity": QCoreApplication.translate("Messages", "That quantity is not valid."),
            "already_resolved": QCoreApplication.translate("Messages", "That entry is already resolved."),
            "resolution_note_required": QCoreApplication.translate("Messages", "Write down what was done."),
        }.get(reason, QCoreApplication.translate("Messages", "The pickup desk refused that."))
    if code == "not_invoiceable":
        return QCoreApplication.translate("Messages", "A return is invoiced only to correct its ticket's invoice.")
    if code == "invalid_customer":
        return {
            "name": QCoreApplication.translate("Messages", "The customer's name is needed."),
            "tax_id": QCoreApplication.translate("Messages", "That tax ID does not look right (NIF, CIF or RFC)."),
            "address": QCoreApplication.translate("Messages", "The customer's address is needed."),
        }.get(reason, QCoreApplication.translate("Messages", "Check the customer's data."))
    if code == "stock_count":
        return {
            "wrong_state": QCoreApplication.translate("Messages", "The count is not at the right step for that."),
            "already_open": QCoreApplication.translate(
                "Messages", "A stock count is already open on this till: finish or cancel it first."),
            "reason_missing": QCoreApplication.translate(
                "Messages", "%1 variances still need a reason.").replace("%1", str(p.get("count", ""))),
            "unknown_reason": QCoreApplication.translate("Messages", "Pick a reason from the list."),
            "bad_scope": QCoreApplication.translate("Messages", "Choose what to count (a zone needs a name)."),
            "out_of_scope": QCoreApplication.translate(
                "Messages", "%1 is not in the category being counted.").replace("%1", str(p.get("sku", ""))),
            "bad_file": QCoreApplication.translate("Messages", "That file is not a count saved by a till."),
            "nothing_to_undo": QCoreApplication.translate("Messages", "You have nothing to undo."),
        }.get(reason, QCoreApplication.translate("Messages", "The stock count refused that."))
    if code in ("wallet_refused", "customer_refused"):
        return loyalty_message(code, reason, p)
    if code == "return_refused":
        from pos.ui.returns_messages import describe_return

        return describe_return(error)
    if code == "setup_invalid":
        return setup_message(reason, p)
    if code == "not_found":
        return QCoreApplication.translate("Messages", "Not found.")
    log.warning("no message for domain error %s %s", code, p)
    return QCoreApplication.translate("Messages", "That cannot be done: %1").replace("%1", code)
