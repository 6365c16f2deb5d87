"""Exchanges: goods returned and a new sale in one transaction. The returned value pays the new sale
(tender ``exchange``); the customer pays what the new sale costs beyond it, or gets the rest back by the
request's route. Part of :mod:`pos.services.returns`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC

from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.cart import Cart
from pos.domain.errors import PaymentError
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind, settle
from pos.domain.returns import ReturnError
from pos.ledger.models import utcnow
from pos.services.dto import UserView
from pos.services.returns_dto import ReturnRequest, ReturnResult
from pos.services.returns_plan import ReturnPlan
from pos.services.returns_tenders import RefundTender, tender_for
from pos.services.returns_writer import ReturnHook, return_receipt, write_return
from pos.services.sales import SaleService, receipt_from_sale


def record_exchange(session: Session, plan: ReturnPlan, request: ReturnRequest, cart: Cart,
                    payment: Sequence[Tender], cashier: UserView, approver: UserView | None,
                    customer_id: int | None, *, settings: TillSettings, sales: SaleService,
                    hooks: Sequence[ReturnHook]) -> ReturnResult:
    """Write the return (``plan``, planned as an exchange) and the sale of ``cart``.
    Raises ReturnError, PaymentError (the caller's transaction rolls back)."""
    now = utcnow().astimezone(UTC)
    sale_total = cart.totals().total
    credit = min(plan.total, sale_total.minor)
    tenders: list[RefundTender] = [("exchange", credit, None)]
    rounding = 0
    if plan.total > sale_total.minor:  # the customer gets the difference back
        extra = plan.total - sale_total.minor
        route = request.route or (plan.doc.default_route if plan.doc else "cash")
        if plan.doc is not None and route not in plan.doc.routes:
            raise ReturnError("bad_route", route=route)
        rest, rounding = tender_for(route, extra, plan.currency, request, settings.cash_rounding_minor)
        tenders.append(rest)
    sale_tenders = [Tender(TenderKind.EXCHANGE, Money(credit, cart.currency))] if credit else []
    sale_tenders += list(payment)
    settlement = settle(sale_total, sale_tenders, settings.cash_rounding_minor)
    if not settlement.complete:
        raise PaymentError("not_fully_paid", remaining=settlement.remaining.to_api())
    sale_uuid = str(uuid.uuid4())
    ret, context = write_return(session, plan, request, cashier, approver, tenders, rounding, now, sale_uuid,
                                settings=settings, hooks=hooks)
    new_sale = sales.write_in(session, cart, sale_tenders, settlement, cashier,
                              customer_id if customer_id is not None else request.customer_id, sale_uuid, now)
    return ReturnResult(return_receipt(ret, plan, settings, cashier), context,
                        receipt_from_sale(new_sale, settings, cashier.name))


def exchange_due(plan: ReturnPlan, cart: Cart) -> Money:
    """What the customer still pays for ``cart`` after the returned goods (0 when the return covers it)."""
    return Money(max(0, cart.totals().total.minor - plan.total), cart.currency)
