"""Reading the hash-chained audit log (who did what, when, approved by whom) with filters.

Only roles allowed by the ``view_audit`` rule (a manager by default) may read it. The chain itself is
checked by ``pos/ledger/chain.py`` (``verify_audit``), shown on the same screen.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from pos.ledger.chain import verify_audit
from pos.ledger.db import Ledger
from pos.ledger.models import AuditEntry, User
from pos.services.dto import UserView
from pos.services.permissions import Permissions
from pos.services.shift_dto import AuditView

MAX_ROWS = 2000


class AuditLogService:
    def __init__(self, ledger: Ledger, permissions: Permissions) -> None:
        self._ledger = ledger
        self._permissions = permissions

    def entries(self, viewer: UserView, *, since: datetime | None = None, until: datetime | None = None,
                user_id: int | None = None, action: str = "", limit: int = 500) -> list[AuditView]:
        """Newest first. ``since``/``until``: aware datetimes, ``until`` exclusive. ``user_id`` matches the
        one who acted or approved. ``action``: an exact action or a prefix ending in ``.`` (``shift.``).
        Raises AuthError(not_allowed) for a viewer below the ``view_audit`` rule."""
        self._permissions.require_role(viewer, "audit.view")
        actor, approver = aliased(User), aliased(User)
        query = (select(AuditEntry, actor.name, approver.name)
                 .outerjoin(actor, actor.id == AuditEntry.user_id)
                 .outerjoin(approver, approver.id == AuditEntry.approved_by)
                 .order_by(AuditEntry.id.desc()).limit(max(1, min(limit, MAX_ROWS))))
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        if until is not None:
            query = query.where(AuditEntry.at < until)
        if user_id is not None:
            query = query.where(or_(AuditEntry.user_id == user_id, AuditEntry.approved_by == user_id))
        if action:
            query = query.where(AuditEntry.action.startswith(action) if action.endswith(".")
                                else AuditEntry.action == action)
        with self._ledger.read() as session:
            return [AuditView(e.id, e.at, who or "", by or "", e.action, dict(e.details or {}))
                    for e, who, by in session.execute(query)]

    def people(self) -> list[tuple[int, str]]:
        """(user id, name) of everyone who ever had an account, for the filter list."""
        with self._ledger.read() as session:
            return [(uid, name) for uid, name in session.execute(select(User.id, User.name).order_by(User.name))]

    def actions(self) -> list[str]:
        """Every action name found in the log, for the filter list."""
        with self._ledger.read() as session:
            return sorted(session.scalars(select(AuditEntry.action).distinct()))

    def chain_ok(self) -> bool:
        """True when no audit entry was altered, removed or inserted since it was written."""
        with self._ledger.read() as session:
            return verify_audit(session).ok
