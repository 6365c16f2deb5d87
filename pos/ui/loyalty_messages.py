"""Words for the wallet's and the customer list's refusals (called from ``messages.describe``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def loyalty_message(code: str, reason: str, params: dict[str, Any]) -> str:
    available = str(params.get("available", "0.00")).replace(".", ",")
    if code == "wallet_refused":
        return {
            "insufficient": QCoreApplication.translate(
                "Messages", "Not enough in the wallet: %1 can be spent now.").replace("%1", available),
            "offline_cap": QCoreApplication.translate(
                "Messages", "The online store cannot be reached: at most %1 can be paid from the wallet now."
            ).replace("%1", available),
            "no_online_account": QCoreApplication.translate(
                "Messages", "This customer has no online account yet, so no wallet. Try again once synced."),
            "not_confirmed": QCoreApplication.translate(
                "Messages", "The customer must confirm: scan their card or QR, or check their ID."),
            "wrong_card": QCoreApplication.translate("Messages", "That card belongs to someone else."),
            "hold_expired": QCoreApplication.translate(
                "Messages", "The wallet amount was held too long and went back. Remove it and add it again."),
            "hold_missing": QCoreApplication.translate(
                "Messages", "The wallet amount is no longer held. Remove it and add it again."),
            "not_positive": QCoreApplication.translate("Messages", "The amount must be greater than zero."),
        }.get(reason, QCoreApplication.translate("Messages", "The wallet cannot be used for this payment."))
    return {
        "name": QCoreApplication.translate("Messages", "The customer's first name is needed."),
        "email": QCoreApplication.translate(
            "Messages", "A valid e-mail is needed: the wallet lives in the customer's online account."),
        "phone": QCoreApplication.translate("Messages", "That phone number looks too short."),
        "exists": QCoreApplication.translate(
            "Messages", "A customer with that e-mail already exists: here is their card."),
    }.get(reason, QCoreApplication.translate("Messages", "Check the customer's data."))
