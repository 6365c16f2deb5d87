"""Delivering the pickup desk's outbox events to the store, each with its effect exactly once.

``pickup.ready``: a customer note (the store e-mails it). ``pickup.partially_collected``: the till's
payment when this hand-over took it, then a private note. ``pickup.collected``: completion (and the
till's payment) in one re-read-then-update. ``pickup.cancelled``: cancellation (the store restores its
stock). Every step either looks first (notes listed, the order re-read) or is a no-op when repeated, so a
lost answer, a retry after being offline, or a crash between two calls never doubles anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sync.connector import StoreConnector

PICKUP_EVENTS = frozenset({"pickup.ready", "pickup.partially_collected", "pickup.collected", "pickup.cancelled"})


def notes_to_add(event_type: str, payload: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """The notes an event leaves on the order, as ``(text, customer_note)``."""
    notes: list[tuple[str, bool]] = []
    note = str(payload.get("note") or "")
    if note:
        notes.append((note, event_type == "pickup.ready"))
    payment = payload.get("payment")
    if isinstance(payment, Mapping) and payment.get("note"):
        notes.append((str(payment["note"]), False))
    return notes


def already_delivered(connector: StoreConnector, event_type: str, payload: Mapping[str, Any], attempts: int) -> bool:
    """Before retrying a note-only event: is its note on the order already?"""
    if attempts == 0 or event_type != "pickup.ready":
        return False
    note = str(payload.get("note") or "")
    return (note, True) in connector.order_notes(int(payload["remote_id"]))


def deliver(connector: StoreConnector, event_type: str, payload: Mapping[str, Any]) -> None:
    """Send one pickup event. Raises the connector's TransientError / PermanentError (the engine retries
    or parks; ``order_cancelled_online`` / ``order_completed_online`` also flag a conflict)."""
    order_id = int(payload["remote_id"])
    payment = payload.get("payment") if isinstance(payload.get("payment"), Mapping) else None
    note = str(payload.get("note") or "")
    if event_type == "pickup.ready":
        connector.add_order_note(order_id, note, True)
        return
    if event_type == "pickup.cancelled":
        connector.cancel_order(order_id, note=note or None)
        return
    if event_type == "pickup.collected":
        connector.complete_order(order_id, payment=payment)
    elif event_type == "pickup.partially_collected":
        if payment is not None:
            connector.record_payment(order_id, payment)
    else:
        raise ValueError(f"not a pickup event: {event_type}")
    # Notes last, after looking: an earlier attempt may have added them and lost its answer.
    present = set(connector.order_notes(order_id))
    for text, customer in notes_to_add(event_type, payload):
        if (text, customer) not in present:
            connector.add_order_note(order_id, text, customer)
