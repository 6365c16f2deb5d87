"""Return rules that need nothing but numbers: reasons, refund routes, how much a partial return of
a line is worth, and which returns a manager must approve.

Amounts are integer minor units. A line returned in parts is valued proportionally, rounded half
up, and the part that completes the line takes exactly what is left, so returning a line in any
number of steps refunds exactly what was paid for it, never a cent more.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pos.domain.errors import DomainError
from pos.domain.money import round_half_up

REASONS = ("changed_mind", "wrong_size", "defective", "damaged", "not_as_described", "other")
NOT_RESTOCKED_BY_DEFAULT = frozenset({"defective", "damaged"})
ROUTES = ("cash", "card", "wallet", "gateway", "exchange")


class ReturnError(DomainError):
    """A return was refused. ``reason``: nothing_selected, too_many, not_returnable, unknown_line,
    unknown_product, bad_route, card_reference, needs_customer, currency, not_found, bad_reason,
    empty_exchange, exchange_short."""

    code = "return_refused"


def share(total_minor: int, part_milli: int, whole_milli: int) -> int:
    """``total × part / whole``, rounded half up (the value of part of a line)."""
    if whole_milli <= 0:
        raise ValueError("whole quantity must be positive")
    return round_half_up(Decimal(total_minor) * part_milli / whole_milli)


def value_of_return(total_minor: int, sold_milli: int, before_milli: int, qty_milli: int) -> int:
    """What returning ``qty_milli`` of a line is worth, after ``before_milli`` went back already.

    The return that completes the line gets what is left, so the parts always add up to
    ``total_minor``: ``value(before=0, qty=1) + value(before=1, qty=2)`` of a 3-unit 10.00 line is
    3.33 + 6.67.
    """
    if qty_milli <= 0:
        raise ReturnError("nothing_selected")
    if before_milli + qty_milli > sold_milli:
        raise ReturnError("too_many", returnable=sold_milli - before_milli, asked=qty_milli)
    after = share(total_minor, before_milli + qty_milli, sold_milli)
    return after - share(total_minor, before_milli, sold_milli)


@dataclass(frozen=True, slots=True)
class ApprovalPolicy:
    """When a manager must approve a return. ``threshold_minor``: refunds above it; ``max_days``:
    receipts older than that."""

    threshold_minor: int
    max_days: int

    def reasons(self, *, total_minor: int, has_receipt: bool, route: str, paid_by_card: bool,
                age_days: int | None) -> tuple[str, ...]:
        """Why this return needs a manager (empty: the cashier may do it alone)."""
        found = []
        if total_minor > self.threshold_minor:
            found.append("above_threshold")
        if not has_receipt:
            found.append("no_receipt")
        if route == "cash" and paid_by_card:
            found.append("cash_for_card")
        if age_days is not None and age_days > self.max_days:
            found.append("late")
        return tuple(found)
