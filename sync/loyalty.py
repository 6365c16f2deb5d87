"""``LoyaltyLink``: customers and the shared wallet between the till's ledger and the online store.

Used by the sync engine (customer pull, loyalty outbox events) and, through the
``pos.services.loyalty_link.StoreLink`` port, by the checkout and the customer card on a worker
thread (live balance, immediate push of a wallet hold, card refresh, online search).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, utcnow
from sync import catalog_store, customers_store, loyalty_push, outbox_store
from sync.errors import AuthError, StoreError, TransientError
from sync.outbox_store import DueEvent
from sync.woocommerce.customers import CustomersApi
from sync.woocommerce.wallet import TeraWalletApi

log = logging.getLogger(__name__)

FULL_PULL_EVERY = timedelta(hours=24)  # the customers listing has no modified_after: re-read all daily


class LoyaltyLink:
    def __init__(self, ledger: Ledger, customers: CustomersApi, wallet: TeraWalletApi | None) -> None:
        self._ledger = ledger
        self._customers = customers
        self._wallet = wallet
        self._lock = threading.Lock()  # one HTTP session per API object; the UI worker and the engine share them
        self.housekeeping: Callable[[], object] = lambda: None
        self.full_pull_requested = False

    # --- for the sync engine ------------------------------------------------------------
    def pull_customers(self) -> int:
        """New customers (ids above the highest known), or all of them when due (first time, daily,
        on a full resync request). Returns how many were new here."""
        with self._lock:
            self.housekeeping()
            full_at = catalog_store.get_cursor(self._ledger, customers_store.FULL_AT_CURSOR)
            due = (full_at is None or self.full_pull_requested
                   or utcnow() - datetime.fromisoformat(full_at) > FULL_PULL_EVERY)
            started = utcnow()
            added = 0
            pages = self._customers.all() if due else self._customers.newer_than(
                customers_store.max_remote_id(self._ledger))
            for page in pages:
                added += customers_store.apply_customers(self._ledger, page)
            if due:
                catalog_store.set_cursor(self._ledger, customers_store.FULL_AT_CURSOR, started.isoformat())
                self.full_pull_requested = False
            catalog_store.set_cursor(self._ledger, customers_store.MAX_ID_CURSOR,
                                     str(customers_store.max_remote_id(self._ledger)))
            return added

    def push(self, event: DueEvent) -> str:
        """Deliver a loyalty outbox event; ``TransientError`` propagates for the engine's backoff."""
        with self._lock:
            return loyalty_push.push(self._ledger, self._customers, self._wallet, event)

    # --- StoreLink (worker threads) -------------------------------------------------------
    def read_balance(self, customer_id: int) -> int | None:
        remote_id, _ = customers_store.customer_ref(self._ledger, customer_id)
        if remote_id is None or self._wallet is None:
            return None
        try:
            with self._lock:
                balance = self._wallet.balance(remote_id)
        except (StoreError, OSError) as exc:
            log.info("wallet balance not read: %s", exc)
            return None
        self._record_balance(customer_id, balance)
        return balance

    def _record_balance(self, customer_id: int, balance: int) -> None:
        from sqlalchemy import update

        from pos.ledger.loyalty_models import Customer

        with self._ledger.write() as session:
            session.execute(update(Customer).where(Customer.id == customer_id).values(
                balance_minor=balance, balance_at=utcnow()))

    def push_now(self, movement_uuid: str) -> str:
        event = self._due(movement_uuid)
        if event is None:
            return "void"
        try:
            return self.push(event)
        except (TransientError, AuthError) as exc:
            outbox_store.mark_retry(self._ledger, event.event_id, loyalty_push.describe(exc),
                                    utcnow() + timedelta(seconds=5))
            return "waiting"
        except StoreError as exc:
            log.warning("wallet push: %s", exc)
            return "waiting"

    def _due(self, event_uuid: str) -> DueEvent | None:
        from sqlalchemy import select

        with self._ledger.read() as session:
            r = session.scalar(select(OutboxEvent).where(OutboxEvent.uuid == event_uuid,
                                                         OutboxEvent.status == "pending"))
            return DueEvent(r.id, r.uuid, r.event_type, r.aggregate_uuid, dict(r.payload), r.attempts,
                            r.created_at) if r else None

    def refresh_card(self, customer_id: int) -> bool:
        remote_id, _ = customers_store.customer_ref(self._ledger, customer_id)
        if remote_id is None:
            return False
        try:
            with self._lock:
                customers_store.apply_customers(self._ledger, [self._customers.get(remote_id)])
                orders = self._customers.orders(remote_id)
                txs = self._wallet.transactions(remote_id) if self._wallet else []
                balance = self._wallet.balance(remote_id) if self._wallet else None
        except (StoreError, OSError) as exc:
            log.info("customer card not refreshed: %s", exc)
            return False
        customers_store.cache_activity(self._ledger, customer_id, orders, txs, balance, utcnow())
        return True

    def search_online(self, text: str) -> int:
        text = text.strip()
        if len(text) < 3:
            return 0
        try:
            with self._lock:
                found = ([c] if (c := self._customers.by_email(text)) else []) if "@" in text \
                    else self._customers.search(text)
        except (StoreError, OSError) as exc:
            log.info("online customer search failed: %s", exc)
            return 0
        customers_store.apply_customers(self._ledger, found)
        return len(found)
