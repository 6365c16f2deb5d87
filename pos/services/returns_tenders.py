"""How a return pays the money back: one tender row per refund route (cash rounded like any cash
payment, card with the terminal's reference). Part of :mod:`pos.services.returns`."""

from __future__ import annotations

from pos.domain.money import Money
from pos.domain.payment import round_cash
from pos.domain.returns import ReturnError
from pos.services.returns_dto import ReturnRequest
from pos.services.returns_plan import ReturnPlan

RefundTender = tuple[str, int, str | None]  # (kind, amount_minor, reference)


def refund_tenders(plan: ReturnPlan, request: ReturnRequest,
                   cash_rounding_minor: int) -> tuple[list[RefundTender], int]:
    """The tenders refunding the whole plan by its route, and the cash rounding."""
    tender, rounding = tender_for(plan.route, plan.total, plan.currency, request, cash_rounding_minor)
    return [tender], rounding


def tender_for(route: str, amount: int, currency: str, request: ReturnRequest,
               cash_rounding_minor: int) -> tuple[RefundTender, int]:
    """One tender paying ``amount`` back by ``route``, and the cash rounding. Raises ReturnError."""
    if route == "cash":
        rounded = round_cash(Money(amount, currency), cash_rounding_minor).minor
        return ("cash", rounded, None), rounded - amount
    if route == "card":
        reference = (request.card_reference or "").strip()
        if not reference:
            raise ReturnError("card_reference")
        return ("card", amount, reference[:64]), 0
    return (route, amount, None), 0
