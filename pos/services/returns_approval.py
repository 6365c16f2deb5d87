"""When a return needs a manager, and getting that approval (a manager logged in approves their own).
Part of :mod:`pos.services.returns`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pos.domain.returns import ApprovalPolicy
from pos.ledger.models import utcnow
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.returns_dto import ReturnableDoc

if TYPE_CHECKING:
    from pos.services.returns_plan import ReturnPlan


def approvals_needed(policy: ApprovalPolicy, doc: ReturnableDoc | None, total_minor: int,
                     route: str) -> tuple[str, ...]:
    """Why returning ``total_minor`` of ``doc`` (None: no receipt) by ``route`` needs a manager."""
    age = (utcnow() - doc.created_at).days if doc is not None else None
    return policy.reasons(total_minor=total_minor, has_receipt=doc is not None, route=route,
                          paid_by_card=doc.paid_by_card if doc is not None else False, age_days=age)


def approve(auth: AuthService, plan: ReturnPlan, cashier: UserView, pin: str | None) -> UserView | None:
    """The approving manager (None: no approval needed). Raises ApprovalRequired, AuthError."""
    if not plan.approvals:
        return None
    details = {"approvals": list(plan.approvals), "total": plan.total,
               "original": plan.doc.number if plan.doc else None, "route": plan.route}
    if cashier.is_manager and not pin:
        return cashier
    return auth.approve(pin, "return", requested_by=cashier.user_id, details=details)
