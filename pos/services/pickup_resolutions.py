"""The manager's resolution list for click-and-collect: what sync or the desk could not settle alone.

Entries are the audit log's ``pickup.conflict`` (the store and the till disagree: cancelled online after
the hand-over, completed online while open here, the store refused a completion or a cancellation) and
``pickup.handover_refused`` (a cashier tried to hand over an order the store had cancelled). The audit
log is append-only and hash-chained, so an entry is never edited: resolving it appends
``pickup.resolved`` naming the entry, the manager and what was done, and clears the order's conflict
flag once none of its entries is open. Only a manager may resolve (``ApprovalRequired`` otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import AuditEntry, PickupOrder, User
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, NotFound
from pos.services.pickups import PickupError

ENTRY_ACTIONS = ("pickup.conflict", "pickup.handover_refused")
RESOLVED = "pickup.resolved"


@dataclass(frozen=True, slots=True)
class ResolutionEntry:
    """One thing for the manager to settle. ``what``: the conflict (``cancelled_online_after_handover``,
    ``order_cancelled_online``, ``completed_online``, ``order_completed_online``) or, for a refused
    hand-over, ``cancelled_online``."""

    entry_id: int
    at: datetime
    action: str
    number: str
    pickup_id: int | None
    what: str
    state: str  # the order's state here now
    detail: str
    resolved: bool
    resolved_by: str
    resolution: str


class PickupResolutions:
    def __init__(self, ledger: Ledger, auth: AuthService) -> None:
        self._ledger = ledger
        self._auth = auth

    def entries(self, *, include_resolved: bool = False) -> list[ResolutionEntry]:
        """Open entries (and the resolved ones when asked), newest first."""
        with self._ledger.read() as session:
            done: dict[int, AuditEntry] = {}
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == RESOLVED)):
                done[int(entry.details.get("entry", 0))] = entry
            names: dict[int, str] = {uid: name for uid, name in session.execute(select(User.id, User.name))}
            wanted = [e for e in session.scalars(select(AuditEntry).where(AuditEntry.action.in_(ENTRY_ACTIONS))
                                                 .order_by(AuditEntry.id.desc()))
                      if include_resolved or e.id not in done]
            numbers = {str(e.details.get("order", "")) for e in wanted}
            orders = {o.number: o for o in session.scalars(select(PickupOrder).where(
                PickupOrder.number.in_(numbers))).unique()}
            out = []
            for entry in wanted:
                resolution = done.get(entry.id)
                details = entry.details
                order = orders.get(str(details.get("order", "")))
                out.append(ResolutionEntry(
                    entry_id=entry.id, at=entry.at, action=entry.action, number=str(details.get("order", "")),
                    pickup_id=order.id if order else None,
                    what=str(details.get("conflict") or details.get("reason") or ""),
                    state=order.state if order else "", detail=str(details.get("detail") or ""),
                    resolved=resolution is not None,
                    resolved_by=names.get(resolution.approved_by or resolution.user_id or 0, "")
                    if resolution is not None else "",
                    resolution=str(resolution.details.get("note", "")) if resolution is not None else ""))
            return out

    def resolve(self, entry_id: int, user: UserView, *, approver_pin: str | None, note: str) -> ResolutionEntry:
        """Mark an entry resolved with what was done (``note``, required). A manager resolves it
        themselves; a cashier needs a manager's PIN (``ApprovalRequired`` / ``AuthError``)."""
        note = note.strip()
        if not note:
            raise PickupError("resolution_note_required", entry=entry_id)
        approver = user
        if not user.is_manager or approver_pin:
            if not approver_pin:
                raise ApprovalRequired(action="pickup.resolve")
            approver = self._auth.approve(approver_pin, "pickup.resolve", requested_by=user.user_id,
                                          details={"entry": entry_id})
        with self._ledger.write() as session:
            entry = session.get(AuditEntry, entry_id)
            if entry is None or entry.action not in ENTRY_ACTIONS:
                raise NotFound(what="resolution", entry=entry_id)
            resolved = {int(d.get("entry", 0)) for d in session.scalars(
                select(AuditEntry.details).where(AuditEntry.action == RESOLVED))}
            if entry_id in resolved:
                raise PickupError("already_resolved", entry=entry_id)
            number = str(entry.details.get("order", ""))
            append_audit(session, RESOLVED, user_id=user.user_id, approved_by=approver.user_id,
                         details={"entry": entry_id, "order": number, "note": note[:500]})
            still_open = [e.id for e in session.scalars(select(AuditEntry).where(
                AuditEntry.action.in_(ENTRY_ACTIONS))) if str(e.details.get("order", "")) == number
                and e.id not in resolved and e.id != entry_id]
            if not still_open:
                for order in session.scalars(select(PickupOrder).where(PickupOrder.number == number)).unique():
                    order.conflict = None
        return next(e for e in self.entries(include_resolved=True) if e.entry_id == entry_id)
