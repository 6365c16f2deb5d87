"""Plain data about customers and their wallet, handed to the UI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class CustomerView:
    customer_id: int
    uuid: str
    remote_id: int | None  # None: created here and not yet in the online store
    name: str
    email: str
    phone: str
    loyalty_code: str
    balance: Money | None  # last known wallet balance (None: never read)
    balance_at: datetime | None  # when the store last told us (or this till last moved it)
    pending_debits: Money  # wallet payments made here that the store has not confirmed yet

    @property
    def online_account(self) -> bool:
        return self.remote_id is not None


@dataclass(frozen=True, slots=True)
class BalanceView:
    """What the cashier may tell the customer and spend now."""

    balance: Money | None
    at: datetime | None
    live: bool  # read from the store just now; False: the last known figure (stale)
    pending_debits: Money
    spendable: Money


@dataclass(frozen=True, slots=True)
class HoldView:
    hold_uuid: str
    amount: Money
    expires_at: datetime
    offline: bool  # the store could not confirm it yet; it goes out with the outbox


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of the customer card, whatever the channel."""

    at: datetime
    channel: str  # store | online | pickup | return | wallet
    title: str  # receipt or order number, movement reason
    amount: Money  # signed for wallet movements and returns
    status: str  # e.g. completed, pending, refused, held
    detail: str = ""
