"""The loyalty wallet at the till: holds for checkout, payments, cashback, reversals.

The wallet lives in the online store (TeraWallet). Every movement made here is a row in
``wallet_movements`` plus a ``wallet.credit``/``wallet.debit`` outbox event in the same
transaction; the outbox event's ``uuid`` *is* the movement's uuid, which the store receives as the
``Idempotency-Key`` — a retry, by the sync engine or by the checkout's immediate push, never moves
money twice.

Holding during checkout (docs/LOYALTY.md): when the cashier adds a wallet payment, ``hold``
writes a debit in state ``held`` (expiring after ``hold_minutes``) and the checkout pushes it at
once. Online, that debit *is* the hold: the money has left the shared balance, so no other till
and no online checkout can spend it meanwhile, and the store's refusal (balance spent elsewhere)
comes back before the sale is finished. Completing the sale turns the hold into the payment
(``spent``, same transaction as the sale); cancelling gives it back with a compensating credit —
or, when the debit never left the till, voids both. Offline, the hold is checked against the last
known balance minus what is not confirmed yet, and against the offline cap; it goes out later,
once, and a refusal then is a conflict a manager sees.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pos.config import LoyaltySettings
from pos.domain.loyalty import CashbackRules, EarnLine, WalletError, cashback_for, reversal_for, spendable
from pos.domain.money import Money
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.loyalty_models import Customer, WalletMovement
from pos.ledger.models import Category, OutboxEvent, Product, Sale, utcnow
from pos.ledger.sale_rows import SaleRow
from pos.services.customers import offline_pending_minor, pending_debits_minor
from pos.services.dto import UserView
from pos.services.errors import NotFound
from pos.services.loyalty_dto import BalanceView, HoldView

CASHBACK_NAMESPACE = uuid.UUID("6f1c2a57-6b43-4a8e-9a53-0d9d3f7b1c11")
_OUTBOX = OutboxEvent.__table__


def cashback_source(sale_uuid: str) -> str:
    """The one id a sale's cashback can have: a second credit for the same sale cannot be stored."""
    return str(uuid.uuid5(CASHBACK_NAMESPACE, f"cashback:{sale_uuid}"))


def add_movement(session: Session, customer: Customer, *, kind: str, amount_minor: int, reason: str, state: str,
                 note: str, till_id: str, user_id: int | None, sale_uuid: str | None = None,
                 source_uuid: str | None = None, releases: str | None = None, offline: bool = False,
                 expires_at: datetime | None = None, label: str = "") -> WalletMovement:
    """A movement and its outbox event, in the caller's transaction."""
    if amount_minor <= 0:
        raise WalletError("not_positive", amount=amount_minor)
    now = utcnow()
    mv = WalletMovement(uuid=str(uuid.uuid4()), customer_id=customer.id, kind=kind, amount_minor=amount_minor,
                        reason=reason, state=state, sale_uuid=sale_uuid, source_uuid=source_uuid, releases=releases,
                        offline=offline, delivered=False, remote_tx_id=None, note=note[:255], error=None,
                        user_id=user_id, till_id=till_id, created_at=now, expires_at=expires_at)
    session.add(mv)
    session.flush()
    session.add(OutboxEvent(
        uuid=mv.uuid, event_type=f"wallet.{kind}", aggregate_type="customer", aggregate_uuid=customer.uuid,
        status="pending", attempts=0, created_at=now,
        payload={"movement_uuid": mv.uuid, "customer_uuid": customer.uuid, "kind": kind, "amount_minor": amount_minor,
                 "reason": reason, "note": mv.note, "sale_uuid": sale_uuid, "releases": releases,
                 "label": label or f"{customer.loyalty_code} {reason}"}))
    return mv


class WalletService:
    def __init__(self, ledger: Ledger, settings: LoyaltySettings, *, currency: str, till_id: str) -> None:
        self._ledger = ledger
        self._settings = settings
        self._currency = currency
        self._till_id = till_id
        self._rules = CashbackRules(settings.cashback_percent, frozenset(settings.excluded_categories),
                                    settings.min_ticket_minor)

    @property
    def settings(self) -> LoyaltySettings:
        return self._settings

    # --- balance ----------------------------------------------------------------------
    def record_balance(self, customer_id: int, balance_minor: int, at: datetime | None = None) -> None:
        """The store just told us the balance (it includes every movement it confirmed)."""
        with self._ledger.write() as session:
            session.execute(update(Customer).where(Customer.id == customer_id).values(
                balance_minor=balance_minor, balance_at=at or utcnow()))

    def balance(self, customer_id: int, *, live: bool) -> BalanceView:
        """The balance as the till knows it and what may be spent now (``live``: the figure was
        read from the store a moment ago; otherwise it is the last known one, shown as stale)."""
        cur = self._currency
        with self._ledger.read() as session:
            row = session.get(Customer, customer_id)
            if row is None:
                raise NotFound(what="customer", id=customer_id)
            pending = pending_debits_minor(session, customer_id)
            allowed = spendable(balance_minor=row.balance_minor, pending_debits_minor=pending, online=live,
                                offline_pending_minor=offline_pending_minor(session, customer_id),
                                offline_cap_minor=self._settings.offline_spend_cap_minor)
            if row.remote_id is None:
                allowed = 0
            balance = Money(row.balance_minor, cur) if row.balance_minor is not None else None
            return BalanceView(balance, row.balance_at, live, Money(pending, cur), Money(allowed, cur))

    # --- checkout ---------------------------------------------------------------------
    def hold(self, customer_id: int, amount: Money, user: UserView, *, live: bool, confirmation: str) -> HoldView:
        """Reserve ``amount`` of the customer's wallet for the open checkout.

        ``confirmation``: how the customer confirmed (``scan:CLI-…`` of their card or QR, or
        ``check:<what the cashier checked>``); required. ``live``: the balance was read from the
        store just now (otherwise the offline rules apply). Raises ``WalletError``: not_confirmed,
        no_online_account, insufficient (``available``), offline_cap (``available``).
        """
        if not confirmation.strip():
            raise WalletError("not_confirmed")
        if amount.minor <= 0:
            raise WalletError("not_positive", amount=amount.minor)
        s = self._settings
        now = utcnow()
        with self._ledger.write() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(what="customer", id=customer_id)
            if customer.remote_id is None:
                raise WalletError("no_online_account")
            kind, _, value = confirmation.strip().partition(":")
            if kind == "scan" and value.strip().upper() != customer.loyalty_code:
                raise WalletError("wrong_card")  # someone else's card
            if kind not in ("scan", "check") or not value.strip():
                raise WalletError("not_confirmed")
            pending = pending_debits_minor(session, customer_id)
            by_balance = spendable(balance_minor=customer.balance_minor, pending_debits_minor=pending, online=True)
            allowed = spendable(balance_minor=customer.balance_minor, pending_debits_minor=pending, online=live,
                                offline_pending_minor=offline_pending_minor(session, customer_id),
                                offline_cap_minor=s.offline_spend_cap_minor)
            if amount.minor > allowed:
                reason = "insufficient" if live or allowed == by_balance else "offline_cap"
                raise WalletError(reason, available=Money(allowed, self._currency).to_api())
            mv = add_movement(session, customer, kind="debit", amount_minor=amount.minor, reason="payment",
                              state="held", note=f"Pago con saldo en tienda ({self._till_id})", till_id=self._till_id,
                              user_id=user.user_id, offline=not live,
                              expires_at=now + timedelta(minutes=s.hold_minutes))
            append_audit(session, "wallet.hold", user_id=user.user_id, details={
                "customer": customer.uuid, "movement": mv.uuid, "amount": amount.minor, "offline": not live,
                "confirmation": confirmation.strip()[:120]})
            assert mv.expires_at is not None
            return HoldView(mv.uuid, amount, mv.expires_at, not live)

    def release(self, hold_uuid: str, user: UserView | None, why: str = "checkout_cancelled") -> bool:
        """Give a hold back (the payment was removed or the checkout closed). A debit that never left
        the till is voided with its outbox event; one the store may have taken is given back with a
        compensating credit (its own Idempotency-Key). Returns False when there was nothing to release."""
        with self._ledger.write() as session:
            return self._release(session, hold_uuid, user.user_id if user else None, why)

    def _release(self, session: Session, hold_uuid: str, user_id: int | None, why: str) -> bool:
        mv = session.scalar(select(WalletMovement).where(WalletMovement.uuid == hold_uuid))
        if mv is None or mv.state != "held":
            return False
        mv.state = "released"
        # The sync engine claims an event with a guarded update before sending it, so exactly one of the
        # two wins: either the void (nothing ever left) or the claim (then we compensate).
        voided = session.execute(_OUTBOX.update().where(
            _OUTBOX.c.uuid == hold_uuid, _OUTBOX.c.status == "pending", _OUTBOX.c.attempts == 0)
            .values(status="void")).rowcount
        customer = session.get(Customer, mv.customer_id)
        assert customer is not None
        if not voided:
            add_movement(session, customer, kind="credit", amount_minor=mv.amount_minor, reason="release",
                         state="booked", note=f"Devolución de retención ({self._till_id})", till_id=self._till_id,
                         user_id=user_id, releases=hold_uuid)
        append_audit(session, "wallet.released", user_id=user_id, details={
            "customer": customer.uuid, "movement": hold_uuid, "amount": mv.amount_minor, "why": why,
            "compensated": not voided})
        return True

    def release_expired(self, now: datetime | None = None) -> int:
        """Holds whose checkout never finished (the till crashed, the dialog stayed open) go back."""
        moment = now or utcnow()
        with self._ledger.read() as session:
            expired = list(session.scalars(select(WalletMovement.uuid).where(
                WalletMovement.state == "held", WalletMovement.expires_at < moment)))
        released = 0
        for hold_uuid in expired:
            with self._ledger.write() as session:
                released += self._release(session, hold_uuid, None, "expired")
        return released

    # --- inside the sale transaction ----------------------------------------------------
    def on_sale_written(self, session: Session, sale: SaleRow) -> None:
        """``SaleService`` hook, inside the sale's transaction: the wallet tenders' holds become the
        payment (refusing the sale if one expired or does not match), and the sale earns cashback
        when the till is the source of earning."""
        wallet = [t for t in sale.tenders if t.kind == "wallet"]
        now = utcnow()
        for tender in wallet:
            mv = session.scalar(select(WalletMovement).where(WalletMovement.uuid == (tender.reference or "")))
            if (mv is None or mv.state != "held" or mv.customer_id != sale.customer_id
                    or mv.amount_minor != tender.amount_minor):
                raise WalletError("hold_missing")
            if mv.expires_at is not None and mv.expires_at < now:
                raise WalletError("hold_expired")
            mv.state, mv.sale_uuid = "spent", sale.uuid
            mv.note = f"Pago con saldo en tienda (ticket {sale.receipt_no})"[:255]
            session.execute(_OUTBOX.update().where(_OUTBOX.c.uuid == mv.uuid).values(
                payload={**self._payload_of(session, mv.uuid), "note": mv.note, "sale_uuid": sale.uuid,
                         "label": sale.receipt_no}))
        if (sale.kind == "sale" and sale.customer_id is not None and self._settings.enabled
                and self._settings.earn_source == "pos"):
            self._earn(session, sale, sum(t.amount_minor for t in wallet))

    @staticmethod
    def _payload_of(session: Session, event_uuid: str) -> dict[str, object]:
        payload = session.scalar(select(OutboxEvent.payload).where(OutboxEvent.uuid == event_uuid))
        return dict(payload or {})

    def _earn(self, session: Session, sale: SaleRow, wallet_paid: int) -> None:
        ids = [ln.product_id for ln in sale.lines]
        categories = dict(session.execute(select(Product.id, Category.name).join(
            Category, Category.id == Product.category_id).where(Product.id.in_(ids))).all())
        amount = cashback_for([EarnLine(ln.total_minor, categories.get(ln.product_id)) for ln in sale.lines],
                              sale.total_minor, wallet_paid, self._rules)
        customer = session.get(Customer, sale.customer_id)
        if amount <= 0 or customer is None:
            return
        add_movement(session, customer, kind="credit", amount_minor=amount, reason="cashback", state="booked",
                     note=f"Cashback ticket {sale.receipt_no}", till_id=self._till_id, user_id=sale.cashier_id,
                     sale_uuid=sale.uuid, source_uuid=cashback_source(sale.uuid), label=sale.receipt_no)

    # --- for other use cases (returns), inside the caller's transaction ------------------
    def credit_in_session(self, session: Session, *, customer_id: int, amount_minor: int, reason: str,
                          source_uuid: str, user_id: int | None) -> str:
        """Credit the wallet (e.g. a refund to the wallet) inside the caller's open transaction: the
        movement and its outbox event commit or roll back with the caller's rows. ``source_uuid``
        identifies the caller's document: a second call with it returns the first movement's uuid
        and credits nothing. Returns the movement uuid (the store's Idempotency-Key)."""
        existing = session.scalar(select(WalletMovement.uuid).where(WalletMovement.source_uuid == source_uuid))
        if existing is not None:
            return existing
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFound(what="customer", id=customer_id)
        mv = add_movement(session, customer, kind="credit", amount_minor=amount_minor, reason=reason[:24] or "credit",
                          state="booked", note=f"Abono en monedero ({reason})", till_id=self._till_id,
                          user_id=user_id, source_uuid=source_uuid)
        append_audit(session, "wallet.credit", user_id=user_id, details={
            "customer": customer.uuid, "movement": mv.uuid, "amount": amount_minor, "reason": reason,
            "source": source_uuid})
        return mv.uuid

    def reverse_cashback_in_session(self, session: Session, *, original_sale_id: int, refunded_minor: int,
                                    original_total_minor: int, return_uuid: str, user_id: int | None) -> int:
        """Take back the cashback a returned sale earned, in proportion to what is refunded, inside the
        caller's transaction. Never more than the sale earned minus what earlier returns took back;
        0 when the sale earned nothing here (no customer, ``earn_source = "store"``). A second call
        with the same ``return_uuid`` takes nothing more and returns the first amount."""
        done = session.scalar(select(WalletMovement.amount_minor).where(WalletMovement.source_uuid == return_uuid))
        if done is not None:
            return int(done)
        sale = session.get(Sale, original_sale_id)
        if sale is None:
            raise NotFound(what="sale", id=original_sale_id)
        earned = session.scalar(select(WalletMovement).where(
            WalletMovement.sale_uuid == sale.uuid, WalletMovement.reason == "cashback"))
        if earned is None:
            return 0
        reversed_before = session.scalar(select(func.coalesce(func.sum(WalletMovement.amount_minor), 0)).where(
            WalletMovement.sale_uuid == sale.uuid, WalletMovement.reason == "reversal")) or 0
        amount = reversal_for(earned.amount_minor, int(reversed_before), refunded_minor, original_total_minor)
        if amount <= 0:
            return 0
        customer = session.get(Customer, earned.customer_id)
        assert customer is not None
        mv = add_movement(session, customer, kind="debit", amount_minor=amount, reason="reversal", state="booked",
                          note=f"Cashback devuelto (ticket {sale.receipt_no})", till_id=self._till_id,
                          user_id=user_id, sale_uuid=sale.uuid, source_uuid=return_uuid, label=sale.receipt_no)
        append_audit(session, "wallet.cashback_reversed", user_id=user_id, details={
            "customer": customer.uuid, "movement": mv.uuid, "sale": sale.uuid, "return": return_uuid,
            "amount": amount})
        return amount

    def holds_of(self, hold_uuids: Sequence[str]) -> list[str]:
        """Which of these holds are still held (the checkout can still use them)."""
        with self._ledger.read() as session:
            return list(session.scalars(select(WalletMovement.uuid).where(
                WalletMovement.uuid.in_(list(hold_uuids)), WalletMovement.state == "held")))
