"""Customers at the till: find (phone, e-mail, name, loyalty code), create (synced to the store's
customers through the outbox), and the customer card's one history across channels.

Customers pulled from the store arrive through ``sync/customers_store.py``; a customer created
here gets a local row and a ``customer.created`` outbox event (the sync engine creates it online,
or links the existing account when the e-mail is already registered there).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.loyalty_models import Customer, CustomerActivity, WalletMovement
from pos.ledger.models import OutboxEvent, PickupOrder, Sale, utcnow
from pos.services.dto import UserView
from pos.services.errors import NotFound
from pos.services.loyalty_dto import CustomerView, HistoryEntry

CODE_PREFIX = "CLI-"
UNCONFIRMED_DEBIT_STATES = ("held", "spent", "booked")  # not released, refused or void
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE = re.compile(r"^CLI-[0-9A-Z]{4,20}$")


class CustomerError(DomainError):
    """A customer could not be created or found. ``reason``: name, email, phone, exists
    (``customer_id`` names the one that has that e-mail)."""

    code = "customer_refused"


def fold(text: str) -> str:
    """Lower case without accents: "García" and "garcia" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def phone_digits(phone: str) -> str:
    """The last nine digits (a Spanish number without +34; enough to tell customers apart)."""
    return re.sub(r"\D", "", phone)[-9:]


def is_loyalty_code(text: str) -> bool:
    return bool(_CODE.match(text.strip().upper()))


def code_for_remote(remote_id: int) -> str:
    """The loyalty code of an online customer who has none stored yet."""
    return f"{CODE_PREFIX}W{remote_id:07d}"


def new_local_code(customer_uuid: str) -> str:
    return CODE_PREFIX + customer_uuid.replace("-", "")[:10].upper()


def search_text_of(first: str, last: str, email: str, code: str) -> str:
    return fold(f"{first} {last} {email} {code}")


def pending_debits_minor(session: Session, customer_id: int) -> int:
    """Debits made here that the store has not confirmed: they are not in its balance yet."""
    rows = session.scalars(select(WalletMovement.amount_minor).where(
        WalletMovement.customer_id == customer_id, WalletMovement.kind == "debit",
        WalletMovement.delivered.is_(False), WalletMovement.state.in_(UNCONFIRMED_DEBIT_STATES)))
    return sum(rows)


def offline_pending_minor(session: Session, customer_id: int) -> int:
    rows = session.scalars(select(WalletMovement.amount_minor).where(
        WalletMovement.customer_id == customer_id, WalletMovement.kind == "debit",
        WalletMovement.delivered.is_(False), WalletMovement.offline.is_(True),
        WalletMovement.state.in_(UNCONFIRMED_DEBIT_STATES)))
    return sum(rows)


def customer_view(session: Session, row: Customer, currency: str) -> CustomerView:
    name = f"{row.first_name} {row.last_name}".strip() or row.email
    balance = Money(row.balance_minor, currency) if row.balance_minor is not None else None
    return CustomerView(row.id, row.uuid, row.remote_id, name, row.email, row.phone, row.loyalty_code, balance,
                        row.balance_at, Money(pending_debits_minor(session, row.id), currency))


class CustomerService:
    def __init__(self, ledger: Ledger, currency: str) -> None:
        self._ledger = ledger
        self._currency = currency

    # --- finding ----------------------------------------------------------------------
    def find(self, text: str, limit: int = 20) -> list[CustomerView]:
        """By loyalty code (exact), phone (the digits typed match the end of the number), e-mail
        (contains) or name (every word, accents and case ignored)."""
        text = text.strip()
        if not text:
            return []
        with self._ledger.read() as session:
            query = select(Customer)
            if is_loyalty_code(text):
                query = query.where(Customer.loyalty_code == text.upper())
            elif re.fullmatch(r"[+\d\s().-]{3,}", text):
                query = query.where(Customer.phone_digits.endswith(phone_digits(text)))
            elif "@" in text:
                query = query.where(Customer.email.ilike(f"%{text}%"))
            else:
                for word in fold(text).split():
                    query = query.where(Customer.search_text.contains(word))
            rows = session.scalars(query.order_by(Customer.last_name, Customer.first_name).limit(limit)).all()
            return [customer_view(session, r, self._currency) for r in rows]

    def by_code(self, code: str) -> CustomerView | None:
        if not is_loyalty_code(code):
            return None
        with self._ledger.read() as session:
            row = session.scalar(select(Customer).where(Customer.loyalty_code == code.strip().upper()))
            return customer_view(session, row, self._currency) if row else None

    def get(self, customer_id: int) -> CustomerView:
        with self._ledger.read() as session:
            row = session.get(Customer, customer_id)
            if row is None:
                raise NotFound(what="customer", id=customer_id)
            return customer_view(session, row, self._currency)

    # --- creating ---------------------------------------------------------------------
    def create(self, user: UserView, *, first_name: str, last_name: str, email: str, phone: str) -> CustomerView:
        """A new customer, in the store's customers once sync delivers ``customer.created``. An
        e-mail already known here raises ``CustomerError("exists", customer_id=…)`` (attach that
        one instead); one known only online is linked by sync (no duplicate account)."""
        first_name, last_name, email, phone = (v.strip() for v in (first_name, last_name, email, phone))
        if not first_name:
            raise CustomerError("name")
        if not _EMAIL.match(email):
            raise CustomerError("email")  # the wallet lives in the online account, which needs an e-mail
        if phone and len(re.sub(r"\D", "", phone)) < 6:
            raise CustomerError("phone")
        with self._ledger.write() as session:
            existing = session.scalar(select(Customer.id).where(Customer.email.ilike(email)))
            if existing is not None:
                raise CustomerError("exists", customer_id=existing)
            customer_uuid = str(uuid.uuid4())
            code = new_local_code(customer_uuid)
            row = Customer(uuid=customer_uuid, remote_id=None, first_name=first_name[:128], last_name=last_name[:128],
                           email=email[:255], phone=phone[:64], phone_digits=phone_digits(phone),
                           search_text=search_text_of(first_name, last_name, email, code), loyalty_code=code,
                           balance_minor=None, balance_at=None, created_by=user.user_id, created_at=utcnow())
            session.add(row)
            session.flush()
            session.add(OutboxEvent(
                uuid=str(uuid.uuid4()), event_type="customer.created", aggregate_type="customer",
                aggregate_uuid=customer_uuid, status="pending", attempts=0, created_at=utcnow(),
                payload={"customer_uuid": customer_uuid, "first_name": row.first_name, "last_name": row.last_name,
                         "email": row.email, "phone": row.phone, "loyalty_code": code, "label": code}))
            append_audit(session, "customer.created", user_id=user.user_id,
                         details={"customer": customer_uuid, "code": code})
            return customer_view(session, row, self._currency)

    # --- the card ---------------------------------------------------------------------
    def history(self, customer_id: int, limit: int = 200) -> list[HistoryEntry]:
        """Everything this customer did, in the store and online, newest first: tickets and returns
        at any till of this ledger, online orders and pickups (as last read from the store), and
        wallet movements (this till's, plus the store's own transactions as last read)."""
        cur = self._currency
        entries: list[HistoryEntry] = []
        with self._ledger.read() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(what="customer", id=customer_id)
            sales = session.scalars(select(Sale).where(Sale.customer_id == customer_id)
                                    .order_by(Sale.id.desc()).limit(limit)).all()
            sale_ids = [s.id for s in sales]
            returns = session.scalars(select(Sale).where(
                Sale.kind == "return", or_(Sale.customer_id == customer_id, Sale.original_sale_id.in_(sale_ids)))
                .limit(limit)).all() if sale_ids else []
            seen_sales: set[int] = set()
            for sale in [*sales, *returns]:
                if sale.id in seen_sales:
                    continue
                seen_sales.add(sale.id)
                is_return = sale.kind == "return"
                total = sale.total_minor + sale.rounding_minor
                entries.append(HistoryEntry(
                    sale.created_at, "return" if is_return else "store", sale.receipt_no,
                    Money(-abs(total) if is_return else total, cur), "completed",
                    ", ".join(f"{ln.name} ×{ln.qty_milli / 1000:g}" for ln in sale.lines[:4])))
            pickups = session.scalars(select(PickupOrder).where(PickupOrder.email.ilike(customer.email))).all() \
                if customer.email else []
            pickup_remote = {p.remote_id for p in pickups}
            for p in pickups:
                entries.append(HistoryEntry(p.created_at, "pickup", p.number, Money(p.total_minor, p.currency),
                                            p.state, ", ".join(f"{ln.name} ×{ln.qty_milli / 1000:g}"
                                                               for ln in p.lines[:4])))
            own_tx = set(session.scalars(select(WalletMovement.remote_tx_id).where(
                WalletMovement.customer_id == customer_id, WalletMovement.remote_tx_id.is_not(None))))
            for act in session.scalars(select(CustomerActivity).where(CustomerActivity.customer_id == customer_id)):
                if act.source == "online_order":
                    if act.remote_id in pickup_remote or act.details.get("pos_sale"):
                        continue  # shown as the pickup / the store ticket it is
                    entries.append(HistoryEntry(act.at, "online", act.label, Money(act.amount_minor, cur),
                                                act.status, str(act.details.get("items") or "")))
                elif act.source == "wallet_tx" and act.remote_id not in own_tx:
                    entries.append(HistoryEntry(act.at, "wallet", act.label, Money(act.amount_minor, cur),
                                                act.status, str(act.details.get("note") or "")))
            for mv in session.scalars(select(WalletMovement).where(WalletMovement.customer_id == customer_id)):
                if mv.state in ("released", "void") or mv.reason == "release":
                    continue  # a checkout that let its hold go: nothing happened for the customer
                signed = mv.amount_minor if mv.kind == "credit" else -mv.amount_minor
                status = mv.state if not mv.delivered or mv.state == "refused" else "confirmed"
                entries.append(HistoryEntry(mv.created_at, "wallet", mv.reason, Money(signed, cur), status, mv.note))
        entries.sort(key=lambda e: e.at, reverse=True)
        return entries[:limit]


def newest(*times: datetime | None) -> datetime | None:
    known = [t for t in times if t is not None]
    return max(known) if known else None
