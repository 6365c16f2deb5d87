"""The sync side's reads and writes on wallet movements, each in its own short transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from pos.domain.sync_reason import SyncReason
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.loyalty_models import Customer, WalletMovement
from pos.ledger.models import OutboxEvent, utcnow

_OUTBOX = OutboxEvent.__table__
_MOVES = WalletMovement.__table__


@dataclass(frozen=True)
class MovementRef:
    uuid: str
    customer_id: int
    customer_uuid: str
    remote_customer_id: int | None
    kind: str
    amount_minor: int
    reason: str
    state: str
    delivered: bool
    releases: str | None
    sale_uuid: str | None
    note: str


def movement(ledger: Ledger, movement_uuid: str) -> MovementRef | None:
    with ledger.read() as session:
        row = session.execute(select(WalletMovement, Customer).join(Customer, Customer.id == WalletMovement.customer_id)
                              .where(WalletMovement.uuid == movement_uuid)).first()
        if row is None:
            return None
        mv, customer = row
        return MovementRef(mv.uuid, mv.customer_id, customer.uuid, customer.remote_id, mv.kind, mv.amount_minor,
                           mv.reason, mv.state, mv.delivered, mv.releases, mv.sale_uuid, mv.note)


def claim(ledger: Ledger, event_id: int) -> bool:
    """Count an attempt, but only while the event is still pending: a hold released meanwhile voids
    its event in one guarded update, and exactly one of the two wins."""
    with ledger.write() as session:
        return bool(session.execute(_OUTBOX.update().where(_OUTBOX.c.id == event_id, _OUTBOX.c.status == "pending")
                                    .values(attempts=_OUTBOX.c.attempts + 1)).rowcount)


def delivered(ledger: Ledger, event_id: int, movement_uuid: str, remote_tx_id: int) -> None:
    """The store has the movement: mark it, the event sent, and move our copy of the balance (once,
    even when the checkout's immediate push and the engine both got the answer)."""
    now = utcnow()
    with ledger.write() as session:
        first = session.execute(_MOVES.update().where(_MOVES.c.uuid == movement_uuid, _MOVES.c.delivered.is_(False))
                                .values(delivered=True, remote_tx_id=remote_tx_id, error=None)).rowcount
        if first:
            mv = session.scalar(select(WalletMovement).where(WalletMovement.uuid == movement_uuid))
            assert mv is not None
            signed = mv.amount_minor if mv.kind == "credit" else -mv.amount_minor
            session.execute(update(Customer).where(Customer.id == mv.customer_id, Customer.balance_minor.is_not(None))
                            .values(balance_minor=Customer.balance_minor + signed))
        session.execute(_OUTBOX.update().where(_OUTBOX.c.id == event_id).values(
            status="sent", remote_ref=str(remote_tx_id), sent_at=now, last_error=None, next_attempt_at=None))


def skipped(ledger: Ledger, event_id: int, movement_uuid: str, why: SyncReason) -> None:
    """Nothing to send (a release of a hold the store never took)."""
    with ledger.write() as session:
        session.execute(_MOVES.update().where(_MOVES.c.uuid == movement_uuid).values(state="void",
                                                                                    error=why.line()[:2000]))
        session.execute(_OUTBOX.update().where(_OUTBOX.c.id == event_id).values(
            status="void", last_error=why.encode(), next_attempt_at=None))


def refused(ledger: Ledger, event_id: int, ref: MovementRef, why: SyncReason) -> bool:
    """The store refused the movement (a debit above the balance: spent elsewhere meanwhile).

    A hold still in checkout (or released) just fails: the cashier is told on the spot. A payment of
    a finished sale, or a reversal, is a conflict: the event is parked for the manager with an audit
    entry, never hidden. Returns True for a conflict."""
    conflict = ref.state not in ("held", "released")
    with ledger.write() as session:
        session.execute(_MOVES.update().where(_MOVES.c.uuid == ref.uuid).values(state="refused",
                                                                                 error=why.line()[:2000]))
        session.execute(_OUTBOX.update().where(_OUTBOX.c.id == event_id).values(
            status="parked" if conflict else "void", last_error=why.encode(), next_attempt_at=None))
        if conflict:
            append_audit(session, "wallet.conflict", user_id=None, details={
                "customer": ref.customer_uuid, "movement": ref.uuid, "kind": ref.kind, "reason": ref.reason,
                "amount": ref.amount_minor, "sale": ref.sale_uuid, "error": why.line()[:300]})
    return conflict
