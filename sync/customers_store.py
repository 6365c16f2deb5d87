"""Applying the store's customers to the till's copy, each step one short transaction.

A pulled customer is matched by remote id, then by e-mail (a customer created here whose
``customer.created`` has not gone out yet, or was linked elsewhere). Their loyalty code comes from
the ``pos_customer_id`` meta when the store has one, else from the remote id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.loyalty_models import Customer, CustomerActivity, WalletMovement
from pos.ledger.models import Sale, utcnow
from pos.services.customers import code_for_remote, phone_digits, search_text_of
from sync.loyalty_types import RemoteCustomer, RemoteCustomerOrder, RemoteWalletTx

MAX_ID_CURSOR = "customers.max_id"
FULL_AT_CURSOR = "customers.full_at"


def _fill(row: Customer, remote: RemoteCustomer) -> None:
    row.remote_id = remote.remote_id
    row.email = remote.email[:255] or row.email
    row.first_name = remote.first_name[:128] or row.first_name
    row.last_name = remote.last_name[:128] or row.last_name
    if remote.phone:
        row.phone, row.phone_digits = remote.phone[:64], phone_digits(remote.phone)
    row.remote_modified_at = remote.modified_gmt
    row.search_text = search_text_of(row.first_name, row.last_name, row.email, row.loyalty_code)


def apply_customers(ledger: Ledger, remotes: Iterable[RemoteCustomer]) -> int:
    """Upsert a page of pulled customers (one transaction); returns how many were new here."""
    import uuid

    added = 0
    wanted = {r.remote_id: r for r in remotes}
    if not wanted:
        return 0
    with ledger.write() as session:
        known = {c.remote_id: c for c in session.scalars(select(Customer).where(Customer.remote_id.in_(list(wanted))))}
        for remote in wanted.values():
            row = known.get(remote.remote_id)
            if row is None and remote.email:
                row = session.scalar(select(Customer).where(Customer.remote_id.is_(None),
                                                            func.lower(Customer.email) == remote.email.lower()))
            if row is None:
                code = remote.loyalty_code.upper() or code_for_remote(remote.remote_id)
                if session.scalar(select(Customer.id).where(Customer.loyalty_code == code)) is not None:
                    code = code_for_remote(remote.remote_id)
                row = Customer(uuid=str(uuid.uuid4()), loyalty_code=code, first_name="", last_name="", email="",
                               phone="", phone_digits="", search_text="", created_at=utcnow())
                session.add(row)
                added += 1
            _fill(row, remote)
        session.flush()
    return added


def max_remote_id(ledger: Ledger) -> int:
    with ledger.read() as session:
        return int(session.scalar(select(func.max(Customer.remote_id))) or 0)


def link_created(ledger: Ledger, customer_uuid: str, remote: RemoteCustomer, *, existing_account: bool) -> None:
    """The customer created here now has an online account (new, or the one that already had the
    e-mail). If another local row already stands for that account (pulled before the push), the two
    are merged: this till's tickets and wallet movements move to that row."""
    with ledger.write() as session:
        row = session.scalar(select(Customer).where(Customer.uuid == customer_uuid))
        if row is None:
            return
        other = session.scalar(select(Customer).where(Customer.remote_id == remote.remote_id, Customer.id != row.id))
        if other is not None:
            session.execute(update(Sale).where(Sale.customer_id == row.id).values(customer_id=other.id))
            session.execute(update(WalletMovement).where(WalletMovement.customer_id == row.id)
                            .values(customer_id=other.id))
            session.execute(update(CustomerActivity).where(CustomerActivity.customer_id == row.id)
                            .values(customer_id=other.id))
            append_audit(session, "customer.merged", user_id=None, details={
                "customer": customer_uuid, "into": other.uuid, "remote_id": remote.remote_id})
            session.delete(row)
            return
        if existing_account and remote.loyalty_code and remote.loyalty_code.upper() != row.loyalty_code:
            clash = session.scalar(select(Customer.id).where(Customer.loyalty_code == remote.loyalty_code.upper()))
            if clash is None:
                row.loyalty_code = remote.loyalty_code.upper()  # the card they already carry
        _fill(row, remote)
        append_audit(session, "customer.linked", user_id=None, details={
            "customer": customer_uuid, "remote_id": remote.remote_id, "existing_account": existing_account})


def remote_id_of(ledger: Ledger, customer_id: int | None = None, customer_uuid: str | None = None) -> int | None:
    with ledger.read() as session:
        if customer_uuid is not None:
            return session.scalar(select(Customer.remote_id).where(Customer.uuid == customer_uuid))
        if customer_id is None:
            return None
        return session.scalar(select(Customer.remote_id).where(Customer.id == customer_id))


def customer_ref(ledger: Ledger, customer_id: int) -> tuple[int | None, str]:
    """(remote id, e-mail) of a local customer."""
    with ledger.read() as session:
        row = session.get(Customer, customer_id)
        return (row.remote_id, row.email) if row else (None, "")


def cache_activity(ledger: Ledger, customer_id: int, orders: list[RemoteCustomerOrder],
                   txs: list[RemoteWalletTx], balance_minor: int | None, read_at: datetime) -> None:
    """What the store just told us about a customer, kept for the card (and for when it is offline)."""
    with ledger.write() as session:
        existing = {(a.source, a.remote_id): a for a in session.scalars(
            select(CustomerActivity).where(CustomerActivity.customer_id == customer_id))}
        rows: list[tuple[str, int, datetime, int, str, str, dict[str, object]]] = [
            ("online_order", o.remote_id, o.created_gmt, o.total_minor, f"#{o.number}", o.status,
             {"items": o.items, "pos_sale": o.pos_sale_uuid}) for o in orders]
        rows += [("wallet_tx", t.remote_id, t.created, t.amount_minor if t.kind == "credit" else -t.amount_minor,
                  t.note[:255] or t.kind, "confirmed", {"note": t.note}) for t in txs]
        for source, remote_id, at, amount, label, status, details in rows:
            act = existing.get((source, remote_id))
            if act is None:
                session.add(CustomerActivity(customer_id=customer_id, source=source, remote_id=remote_id, at=at,
                                             amount_minor=amount, label=label[:255], status=status[:24],
                                             details=details))
            else:
                act.at, act.amount_minor, act.label, act.status, act.details = at, amount, label[:255], status[:24], \
                    details
        if balance_minor is not None:
            session.execute(update(Customer).where(Customer.id == customer_id).values(
                balance_minor=balance_minor, balance_at=read_at))
