"""Orders that will not be collected: flagging no-shows (waiting longer than ``no_show_days``) and
cancelling at the store's side with a manager's approval (outbox ``pickup.cancelled`` → order
cancelled online, which restores online stock; the reservation is released)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pos.ledger.audit import append_audit
from pos.ledger.models import PickupOrder, utcnow
from pos.services.dto import PickupView, UserView
from pos.services.pickup_core import PickupCore
from pos.services.pickup_events import add_outbox
from pos.services.pickup_reservations import release_reservations


class PickupCancelling(PickupCore):
    """No-shows and cancellations: ``flag_no_shows`` and ``cancel``."""

    def flag_no_shows(self, user: UserView, *, now: datetime | None = None) -> list[int]:
        """Flag open orders waiting longer than ``no_show_days`` (since ready, else since ordered)."""
        now = now or utcnow()
        flagged = []
        with self._ledger.write() as session:
            for order in session.scalars(select(PickupOrder).where(
                    PickupOrder.state.in_(("new", "preparing", "ready")))).unique():
                if now - (order.ready_at or order.created_at) > self._no_show:
                    order.state = "no_show"
                    flagged.append(order.id)
                    append_audit(session, "pickup.no_show", user_id=user.user_id, details={"order": order.number})
        return flagged

    def cancel(self, pickup_id: int, user: UserView, *, approver_pin: str | None, reason: str) -> PickupView:
        """Cancel at the store's side (manager approval, ``ApprovalRequired`` without a PIN): the
        reservation is released and the order is cancelled online (``pickup.cancelled``), which
        restores online stock. A partially collected order is refused (refund the rest instead)."""
        with self._ledger.read() as session:
            order = self._load(session, pickup_id)
            number = order.number
            self._require(order, "new", "preparing", "ready", "no_show")
        approver = self._permissions.authorize(user, "pickup.cancel", approver_pin, {"order": number})
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing", "ready", "no_show")
            release_reservations(session, order)
            order.state = "cancelled"
            add_outbox(session, order, "pickup.cancelled", {"reason": reason,
                                                            "note": f"Cancelado en tienda ({self._till_id}): {reason}"})
            append_audit(session, "pickup.cancelled", user_id=user.user_id, approved_by=approver.user_id,
                         details={"order": order.number, "reason": reason})
            return self._view(order, utcnow())
