"""A return and the wallet, end to end: store credit given at the till shows in the customer's wallet
online, and the cashback the returned goods earned is taken back — each exactly once."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from pos.config import TillSettings
from pos.ledger.loyalty_models import WalletMovement
from pos.services.auth import AuthService
from pos.services.returns import ReturnService
from pos.services.returns_dto import ReturnItem, ReturnRequest
from pos.services.wallet_returns import WalletReturns

from .conftest import MakeCounter

WINE = "8412345605833"


def test_store_credit_from_a_return_reaches_the_wallet_and_cashback_is_taken_back(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="pos", cashback_percent=2, min_ticket_minor=500)
    c.sync()
    lucia = c.customer()
    receipt = c.sell(c.cart(WINE, WINE), lucia)  # 2 × 32,09 €: 1,28 € cashback
    c.sync()
    c.sync()
    before = c.online_balance()
    returns = ReturnService(c.ledger, TillSettings(), AuthService(c.ledger), c.sales,
                            return_hooks=[WalletReturns(c.wallet)])
    [doc] = returns.find(receipt.receipt_no)
    assert "wallet" in doc.routes
    result = returns.refund(ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),),
                                          route="wallet"), c.cashier)
    refunded = result.receipt.total.minor
    assert refunded == 3209
    with c.ledger.read() as s:
        moves = {m.reason: m.amount_minor for m in s.scalars(
            select(WalletMovement).where(WalletMovement.customer_id == lucia))}
    assert moves["return"] == refunded and moves["reversal"] == 64  # half the goods back: half the cashback
    c.sync()
    c.sync()
    c.sync()  # nothing more moves on later passes
    assert c.online_balance() == before + refunded - 64
