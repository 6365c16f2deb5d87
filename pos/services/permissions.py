"""One permission policy for every protected action at the till (issue #8).

Services ask :meth:`Permissions.authorize` before they act: the user's own role may suffice; otherwise a
PIN of someone with a high enough role must come with the call, or ``ApprovalRequired`` is raised — by
the service, so hiding a button is never the guard. A wrong PIN raises ``AuthError`` (and counts toward
the till's lockout); an approval is audited by :meth:`AuthService.approve` with ``approved_by``.
"""

from __future__ import annotations

from collections.abc import Mapping

from pos.config import TillSettings
from pos.domain.roles import action_roles, rank, roles_at_least
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, AuthError


class Permissions:
    """``rules``: config key → lowest role (``pos.domain.roles.RULES``); ``refund_approval_minor``: a refund
    above this needs the ``refund_over_threshold`` role."""

    def __init__(self, auth: AuthService, rules: Mapping[str, str] | None = None, *,
                 refund_approval_minor: int = 5000) -> None:
        self._auth = auth
        self._roles = action_roles(rules)
        self.refund_approval_minor = refund_approval_minor

    @classmethod
    def from_settings(cls, auth: AuthService, settings: TillSettings) -> Permissions:
        rules = dict(settings.permissions)
        if settings.void_needs_approval and "void_line" not in rules:
            rules["void_line"] = "manager"  # the older switch, still honoured
        return cls(auth, rules, refund_approval_minor=settings.refund_approval_minor)

    def required_role(self, action: str) -> str:
        try:
            return self._roles[action]
        except KeyError:
            raise ValueError(f"unknown protected action {action!r}") from None

    def allows(self, user: UserView, action: str) -> bool:
        """True when ``user`` may do ``action`` without anybody's approval (to show or grey out a button)."""
        return rank(user.role) >= rank(self.required_role(action))

    def authorize(self, user: UserView, action: str, approver_pin: str | None = None,
                  details: Mapping[str, object] | None = None) -> UserView:
        """Who authorises ``action`` for ``user``: the user when their role suffices (no PIN needed), else the
        approver whose PIN came along. Raises ApprovalRequired (no PIN) or AuthError (wrong PIN, or a PIN
        whose role is too low: ``not_allowed``)."""
        required = self.required_role(action)
        if rank(user.role) >= rank(required):
            return user
        if not approver_pin:
            raise ApprovalRequired(action=action, role=required)
        return self._auth.approve(approver_pin, action, requested_by=user.user_id, details=dict(details or {}),
                                  roles=roles_at_least(required))

    def authorize_refund(self, user: UserView, amount_minor: int, approver_pin: str | None = None,
                         details: Mapping[str, object] | None = None) -> UserView:
        """A refund of ``amount_minor``: free up to the threshold, above it the ``refund`` rule applies."""
        if amount_minor <= self.refund_approval_minor:
            return user
        return self.authorize(user, "refund", approver_pin, {"amount": amount_minor, **(details or {})})

    def require_role(self, user: UserView, action: str) -> None:
        """For screens a user opens for themselves (audit log, users): no override, the role must suffice."""
        if not self.allows(user, action):
            raise AuthError(reason="not_allowed", action=action)
