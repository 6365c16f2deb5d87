"""Words for refused returns (``ReturnError``), used by ``pos/ui/messages.py``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.domain.errors import DomainError


def describe_return(error: DomainError) -> str:
    p = error.params
    return {
        "nothing_selected": QCoreApplication.translate("Returns", "Choose what the customer brings back."),
        "too_many": QCoreApplication.translate(
            "Returns", "%1: only %2 can still be returned (the rest was already refunded).").replace(
            "%1", str(p.get("name", ""))).replace("%2", str(p.get("returnable", "0"))),
        "unknown_line": QCoreApplication.translate("Returns", "That line is not on this receipt."),
        "unknown_product": QCoreApplication.translate(
            "Returns", "%1 is not in this till's catalogue: it cannot be taken back here.").replace(
            "%1", str(p.get("name", p.get("product_id", "")))),
        "bad_route": QCoreApplication.translate("Returns", "The money cannot go back that way for this purchase."),
        "card_reference": QCoreApplication.translate(
            "Returns", "Type the approval code the card terminal printed for the refund."),
        "needs_customer": QCoreApplication.translate("Returns", "Store credit needs a customer: type their e-mail."),
        "not_found": QCoreApplication.translate("Returns", "Receipt or order not found."),
        "bad_quantity": QCoreApplication.translate("Returns", "That is not a valid quantity."),
        "whole_units": QCoreApplication.translate("Returns", "Online orders are returned in whole units."),
        "empty_exchange": QCoreApplication.translate("Returns", "Scan the new items on the sale screen first."),
        "approval_cancelled": QCoreApplication.translate("Returns", "The manager did not approve the exchange."),
        "bad_reason": QCoreApplication.translate("Returns", "Choose a reason for the return."),
    }.get(error.reason, QCoreApplication.translate("Returns", "This return cannot be done."))
