"""What a manager can see and do about sync: the pending and parked events, retry and resolve."""

from __future__ import annotations

from sqlalchemy import select, update

from pos.domain.sync_reason import SyncReason
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent
from pos.services.auth import AuthService
from pos.services.dto import OutboxItem, UserView
from pos.services.errors import NotFound


def _label(event: OutboxEvent) -> str:
    payload = event.payload or {}
    return str(payload.get("receipt_no") or payload.get("number") or payload.get("label")
               or event.aggregate_uuid[:8])


class SyncAdminService:
    def __init__(self, ledger: Ledger, auth: AuthService) -> None:
        self._ledger = ledger
        self._auth = auth

    def events(self, statuses: tuple[str, ...] = ("pending", "parked"), limit: int = 500) -> list[OutboxItem]:
        with self._ledger.read() as session:
            rows = session.scalars(select(OutboxEvent).where(OutboxEvent.status.in_(statuses))
                                   .order_by(OutboxEvent.status.desc(), OutboxEvent.id).limit(limit)).all()
            return [OutboxItem(r.id, r.event_type, r.aggregate_uuid, _label(r), r.status, r.attempts,
                               SyncReason.decode(r.last_error),
                               r.created_at, r.next_attempt_at) for r in rows]

    def retry(self, event_id: int, user: UserView, approver_pin: str | None = None) -> None:
        """Send a parked event again (after the cause was fixed in the store). Manager only."""
        self._settle(event_id, user, approver_pin, "sync.retry", {"status": "pending", "next_attempt_at": None}, {})

    def resolve(self, event_id: int, user: UserView, note: str, approver_pin: str | None = None) -> None:
        """Close a parked event by hand (it was fixed in the store directly). Manager only, audited."""
        self._settle(event_id, user, approver_pin, "sync.resolved", {"status": "resolved"}, {"note": note[:500]})

    def _settle(self, event_id: int, user: UserView, approver_pin: str | None, action: str,
                values: dict[str, object], details: dict[str, object]) -> None:
        approver = user if user.is_manager else self._auth.approve(approver_pin, action, requested_by=user.user_id)
        with self._ledger.write() as session:
            event = session.get(OutboxEvent, event_id)
            if event is None or event.status != "parked":
                raise NotFound(what="parked_event", id=event_id)
            session.execute(update(OutboxEvent).where(OutboxEvent.id == event_id).values(**values))
            append_audit(session, action, user_id=user.user_id, approved_by=approver.user_id,
                         details={"event": event.uuid, "error": event.last_error, **details})
