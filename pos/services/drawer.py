"""Opening the cash drawer without a sale ("no sale"): only with a manager's approval, always audited.
The drawer opens on cash tenders by itself; this is the other way in, so it is guarded here, below the UI."""

from __future__ import annotations

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.permissions import Permissions


class DrawerService:
    def __init__(self, ledger: Ledger, auth: AuthService, *, permissions: Permissions | None = None) -> None:
        self._ledger = ledger
        self._auth = auth
        self._permissions = permissions or Permissions(auth)

    def authorise_no_sale(self, user: UserView, reason: str, approver_pin: str | None = None) -> UserView:
        """The ``no_sale`` rule (a manager by default): raises ApprovalRequired (no PIN) or AuthError (wrong
        PIN); on success the opening is audited and the approver returned (the user when their own role
        allows it). The caller then pulses the drawer."""
        approver = self._permissions.authorize(user, "drawer.no_sale", approver_pin, {"reason": reason[:200]})
        with self._ledger.write() as session:
            append_audit(session, "drawer.no_sale", user_id=user.user_id, approved_by=approver.user_id,
                         details={"reason": reason[:200]})
        return approver
