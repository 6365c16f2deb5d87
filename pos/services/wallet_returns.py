"""What a return does to the loyalty wallet: store credit given as a refund, and the cashback the
returned goods had earned taken back. Runs as a return hook, inside the return's transaction, so the
wallet movements and their outbox events commit or roll back with the return itself."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.domain.loyalty import WalletError
from pos.ledger.loyalty_models import Customer
from pos.ledger.models import Sale
from pos.services.returns_dto import ReturnContext
from pos.services.wallet import WalletService

# Wallet movements are unique by source id; the credit and the reversal of one return need two.
_CREDIT_NS = uuid.UUID("6f1d3c2e-5b7a-4c1e-9a0d-2f4e8b6c1a01")


def credit_source(return_uuid: str) -> str:
    return str(uuid.uuid5(_CREDIT_NS, return_uuid))


def _customer_id(session: Session, ctx: ReturnContext) -> int:
    if ctx.customer_id is not None:
        return ctx.customer_id
    email = ctx.customer_email.strip().lower()
    found = session.scalar(select(Customer.id).where(func.lower(Customer.email) == email)) if email else None
    if found is None:
        # Store credit needs the customer's wallet: the cashier finds or creates the customer first.
        raise WalletError("no_online_account")
    return int(found)


class WalletReturns:
    def __init__(self, wallet: WalletService) -> None:
        self._wallet = wallet

    def __call__(self, session: Session, ctx: ReturnContext) -> None:
        credit = sum(amount for kind, amount in ctx.tenders if kind == "wallet")
        if credit > 0:
            self._wallet.credit_in_session(
                session, customer_id=_customer_id(session, ctx), amount_minor=credit, reason="return",
                source_uuid=credit_source(ctx.return_uuid), user_id=ctx.user_id)
        if ctx.original_sale_id is None:
            return  # an online order's cashback is the store's own rule to undo
        original_total = session.scalar(select(Sale.total_minor).where(Sale.id == ctx.original_sale_id))
        returned = sum(line.amount_minor for line in ctx.lines)
        if original_total and returned > 0:
            self._wallet.reverse_cashback_in_session(
                session, original_sale_id=ctx.original_sale_id, refunded_minor=returned,
                original_total_minor=int(original_total), return_uuid=ctx.return_uuid, user_id=ctx.user_id)
