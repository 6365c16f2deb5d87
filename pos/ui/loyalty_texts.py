"""Words for the wallet and the customer card, shared by the dialogs."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from pos.formatting import Formatter
from pos.services.loyalty_dto import BalanceView


def age_text(at: datetime, now: datetime | None = None) -> str:
    seconds = max(0, int(((now or datetime.now(UTC)) - at).total_seconds()))
    if seconds < 90:
        return QCoreApplication.translate("Loyalty", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Loyalty", "%1 min ago").replace("%1", str(seconds // 60))
    if seconds < 48 * 3600:
        return QCoreApplication.translate("Loyalty", "%1 h ago").replace("%1", str(seconds // 3600))
    return QCoreApplication.translate("Loyalty", "%n days ago", None, seconds // 86400)


def balance_text(view: BalanceView, fmt: Formatter) -> tuple[str, str]:
    """(text, colour): live, or the last known marked stale with its age. Words carry the meaning."""
    if view.balance is None:
        return QCoreApplication.translate("Loyalty", "Wallet: balance not known yet (store not reached)"), "#b45309"
    amount = fmt.money(view.balance)
    if view.live:
        text = QCoreApplication.translate("Loyalty", "Wallet: %1 (live from the online store)").replace("%1", amount)
        colour = "#0b6e2f"
    else:
        age = age_text(view.at) if view.at else "?"
        text = QCoreApplication.translate("Loyalty", "Wallet: %1 — last known, %2 (stale: store not reached)") \
            .replace("%1", amount).replace("%2", age)
        colour = "#b45309"
    if view.pending_debits.minor:
        text += " · " + QCoreApplication.translate("Loyalty", "%1 not confirmed yet").replace(
            "%1", fmt.money(view.pending_debits))
    text += " · " + QCoreApplication.translate("Loyalty", "can spend %1").replace("%1", fmt.money(view.spendable))
    return text, colour


def channel_text(channel: str) -> str:
    return {
        "store": QCoreApplication.translate("Loyalty", "Store purchase"),
        "online": QCoreApplication.translate("Loyalty", "Online order"),
        "pickup": QCoreApplication.translate("Loyalty", "Pickup"),
        "return": QCoreApplication.translate("Loyalty", "Return"),
        "wallet": QCoreApplication.translate("Loyalty", "Wallet"),
    }.get(channel, channel)


def status_text(status: str) -> str:
    return {
        "completed": QCoreApplication.translate("Loyalty", "completed"),
        "confirmed": QCoreApplication.translate("Loyalty", "confirmed"),
        "processing": QCoreApplication.translate("Loyalty", "in progress"),
        "booked": QCoreApplication.translate("Loyalty", "waiting to sync"),
        "spent": QCoreApplication.translate("Loyalty", "waiting to sync"),
        "held": QCoreApplication.translate("Loyalty", "held at checkout"),
        "refused": QCoreApplication.translate("Loyalty", "REFUSED by the store"),
        "new": QCoreApplication.translate("Loyalty", "to prepare"),
        "ready": QCoreApplication.translate("Loyalty", "ready"),
        "collected": QCoreApplication.translate("Loyalty", "collected"),
        "cancelled": QCoreApplication.translate("Loyalty", "cancelled"),
        "refunded": QCoreApplication.translate("Loyalty", "refunded"),
    }.get(status, status)


def reason_text(reason: str) -> str:
    return {
        "cashback": QCoreApplication.translate("Loyalty", "Cashback"),
        "payment": QCoreApplication.translate("Loyalty", "Paid with wallet"),
        "reversal": QCoreApplication.translate("Loyalty", "Cashback returned"),
        "refund": QCoreApplication.translate("Loyalty", "Refund to wallet"),
    }.get(reason, reason)
