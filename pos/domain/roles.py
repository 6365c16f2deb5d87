"""Staff roles and the protected actions of the till, with the default rule for each.

A rule names the lowest role that may do the action on its own; anybody below needs the PIN of
someone at or above that role (a manager override). The store changes rules in ``config.toml``
``[permissions]`` (``price_change = "supervisor"``); the names on the left are the stable keys.
"""

from __future__ import annotations

from collections.abc import Mapping

ROLES = ("cashier", "supervisor", "manager", "admin")  # each may do what the ones before it may

# config key → (the action names services raise and audit, default lowest role)
RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "void_line": (("void_line",), "cashier"),
    "void_sale": (("void_sale",), "cashier"),
    "discount_over_threshold": (("line_discount", "ticket_discount"), "manager"),
    "price_change": (("price_change",), "manager"),
    "refund_over_threshold": (("refund",), "manager"),
    "no_sale": (("drawer.no_sale",), "manager"),
    "cancel_pickup": (("pickup.cancel",), "manager"),
    "cash_out": (("cash.out",), "cashier"),
    # The X report shows the expected cash: a cashier who saw it just before the close would not count blind.
    "x_report": (("shift.x_report",), "supervisor"),
    "view_audit": (("audit.view",), "manager"),
    "manage_users": (("users.manage",), "admin"),
}
ACTIONS: dict[str, str] = {action: key for key, (actions, _role) in RULES.items() for action in actions}


def rank(role: str) -> int:
    """Position of ``role`` in :data:`ROLES`; an unknown role ranks below a cashier."""
    return ROLES.index(role) if role in ROLES else -1


def roles_at_least(role: str) -> tuple[str, ...]:
    return ROLES[max(rank(role), 0):]


def action_roles(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Lowest role per action name, defaults overlaid with ``overrides`` (config key → role).
    Raises ValueError for an unknown key or role, so a typo stops the start instead of opening a hole."""
    rules = {key: role for key, (_actions, role) in RULES.items()}
    for key, role in (overrides or {}).items():
        if key not in RULES:
            raise ValueError(f"[permissions] unknown action {key!r}; known: {', '.join(RULES)}")
        if role not in ROLES:
            raise ValueError(f"[permissions] {key} = {role!r}: the role must be one of {', '.join(ROLES)}")
        rules[key] = role
    return {action: rules[key] for action, key in ACTIONS.items()}
