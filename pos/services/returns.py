"""Returns and exchanges at the till (one transaction each): the public entry point.

A return is a ``sales`` row of ``kind='return'`` in its own gapless series per till (``R-T01-000001``),
amounts **positive** (the kind says the money goes out), hash-chained with the sales, with the refund
as its tenders (cash, card with the terminal's reference, wallet = store credit, gateway = paid back
online by the store, exchange = credited to a new sale). ``returns``/``return_lines`` record what
was taken back from which original line: a line is never refunded twice. Online orders (and sales
of other tills, which reach this till through the store) count what the store says others refunded.

Restocked lines go back into this store's stock (movement reason ``return``); damaged ones do not.
The ``return.refund`` outbox event makes the store refund the order (``api_refund`` only for the
gateway route) and restock online exactly once (``sync/returns_push.py``). ``return_hooks`` run in
the same transaction (the wallet credits store credit and takes back cashback there).

:class:`ReturnService` opens the transactions; the work is done by, by feature:

- ``returns_documents``: finding returnable receipts and online orders, what is left on each line;
- ``returns_plan``: checking a request and planning/quoting it (amounts, route, approvals);
- ``returns_approval``: when a manager must approve, and the approval itself;
- ``returns_tenders``: the refund's tenders by route (cash rounding, card reference);
- ``returns_writer``: writing the return sale, its rows, stock, audit, and running the hooks;
- ``returns_outbox``: the ``return.refund`` event;
- ``returns_exchange``: a return paying for a new sale.

See docs/RETURNS.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.cart import Cart
from pos.domain.money import Money
from pos.domain.payment import Tender
from pos.domain.returns import ApprovalPolicy, ReturnError
from pos.ledger.db import Ledger
from pos.ledger.models import Sale, User
from pos.services.auth import AuthService
from pos.services.dto import Receipt, UserView
from pos.services.returns_approval import approve
from pos.services.returns_documents import (
    PAID_AT_STORE,
    find_documents,
    load_document,
    looks_like_receipt,
    original_reference,
)
from pos.services.returns_dto import ReturnableDoc, ReturnQuote, ReturnRequest, ReturnResult
from pos.services.returns_exchange import exchange_due, record_exchange
from pos.services.returns_outbox import REFUND_EVENT, online_aggregate
from pos.services.returns_plan import ReturnPlan, plan_return, quote_of
from pos.services.returns_writer import ReturnHook, record_refund
from pos.services.sales import SaleService, receipt_from_sale

__all__ = [
    "PAID_AT_STORE",
    "REFUND_EVENT",
    "ReturnHook",
    "ReturnService",
    "online_aggregate",
    "original_reference",
]


class ReturnService:
    """Find what can be returned, quote a return, and record it (refund, or exchange with a new sale).

    ``return_hooks`` run inside the return's transaction after its rows are written, each with the
    session and a :class:`ReturnContext`; an exception there rolls the whole return back.
    """

    def __init__(self, ledger: Ledger, settings: TillSettings, auth: AuthService, sales: SaleService, *,
                 return_hooks: Sequence[ReturnHook] = ()) -> None:
        self._ledger = ledger
        self._settings = settings
        self._auth = auth
        self._sales = sales
        self._hooks = return_hooks  # kept by reference: the composition root may add hooks after building us
        self._policy = ApprovalPolicy(settings.refund_approval_minor, settings.return_days)

    @property
    def currency(self) -> str:
        return self._settings.currency

    # --- finding ---------------------------------------------------------------------------
    def find(self, text: str) -> list[ReturnableDoc]:
        """Receipts and online orders matching a scanned/typed receipt number, an online order
        number (``#1234`` or ``1234``) or a customer e-mail, from the local ledger. Newest first."""
        text = text.strip()
        if not text:
            return []
        with self._ledger.read() as session:
            return find_documents(session, text)

    @staticmethod
    def looks_like_receipt(text: str) -> bool:
        """``T02-000123``-shaped (a receipt scanned or typed, maybe from another till)."""
        return looks_like_receipt(text)

    def document(self, source: str, ref: str) -> ReturnableDoc:
        with self._ledger.read() as session:
            return load_document(session, source, ref)

    # --- quoting -----------------------------------------------------------------------------
    def quote(self, request: ReturnRequest) -> ReturnQuote:
        """What the return would refund and whether a manager must approve it. Raises ReturnError."""
        with self._ledger.read() as session:
            plan = self._plan(session, request)
        return quote_of(plan)

    def _plan(self, session: Session, request: ReturnRequest, *, exchange: bool = False) -> ReturnPlan:
        return plan_return(session, request, self._policy, self._settings.currency, exchange=exchange)

    # --- recording ---------------------------------------------------------------------------
    def refund(self, request: ReturnRequest, cashier: UserView, *, approver_pin: str | None = None) -> ReturnResult:
        """Record a return and its refund by ``request.route``. Raises ReturnError (nothing changed),
        ApprovalRequired (call again with a manager's ``approver_pin``), AuthError."""
        with self._ledger.read() as session:
            plan = self._plan(session, request)
        approver = approve(self._auth, plan, cashier, approver_pin)
        with self._ledger.write() as session:
            plan = self._plan(session, request)  # again, inside the writer lock: nobody returned it meanwhile
            return record_refund(session, plan, request, cashier, approver, self._settings, self._hooks)

    def exchange(self, request: ReturnRequest, cart: Cart, payment: Sequence[Tender], cashier: UserView, *,
                 approver_pin: str | None = None, customer_id: int | None = None) -> ReturnResult:
        """Return goods and sell ``cart`` in one transaction. The returned value pays the new sale
        (tender ``exchange``); ``payment`` covers what the new sale costs beyond it (the customer
        pays the difference); when the return is worth more, the rest is refunded by
        ``request.route``. Raises ReturnError, PaymentError, ApprovalRequired."""
        if cart.is_empty:
            raise ReturnError("empty_exchange")
        with self._ledger.read() as session:
            plan = self._plan(session, request, exchange=True)
        approver = approve(self._auth, plan, cashier, approver_pin)
        with self._ledger.write() as session:
            plan = self._plan(session, request, exchange=True)
            return record_exchange(session, plan, request, cart, payment, cashier, approver, customer_id,
                                   settings=self._settings, sales=self._sales, hooks=self._hooks)

    def exchange_due(self, request: ReturnRequest, cart: Cart) -> Money:
        """What the customer still pays for ``cart`` after the returned goods (0 when the return covers it)."""
        with self._ledger.read() as session:
            plan = self._plan(session, request, exchange=True)
        return exchange_due(plan, cart)

    # --- reading back ------------------------------------------------------------------------
    def receipt(self, return_uuid: str) -> Receipt:
        with self._ledger.read() as session:
            sale = session.scalar(select(Sale).where(Sale.uuid == return_uuid, Sale.kind == "return"))
            if sale is None:
                raise ReturnError("not_found", ref=return_uuid)
            cashier = session.get(User, sale.cashier_id)
            return replace(receipt_from_sale(sale, self._settings, cashier.name if cashier else "?"),
                           original_receipt_no=original_reference(session, sale))
