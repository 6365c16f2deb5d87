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
from sync.errors import AuthError, StoreError, TransientError, reason_of
from sync.outbox_store import DueEvent
from sync.woocommerce.customers import CustomersApi
from sync.woocommerce.wallet import TeraWalletApi

log = logging.getLogger(__name__)

FULL_PULL_EVERY = timedelta(hours=24)  # the customers listing has no modified_after: re-read all daily


class LoyaltyLink:
    def __init__(self, ledger: Ledger, customers: CustomersApi, wallet: TeraWalletApi | None, *,
                 counter: tuple[CustomersApi, TeraWalletApi | None] | None = None) -> None:
        """``customers``/``wallet`` serve the sync engine's thread; ``counter`` (their own HTTP sessions)
        serves the checkout's and the card's worker threads, so a long customer pull never makes a
        wallet payment wait. Without ``counter`` both share one set, taken in turn."""
        self._ledger = ledger
        self._customers = customers
        self._wallet = wallet
        self._ui_customers, self._ui_wallet = counter or (customers, wallet)
        self._ui_lock = threading.Lock()  # a requests.Session is not meant for two threads at once
        self._lock = self._ui_lock if counter is None else threading.Lock()
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
        if remote_id is None or self._ui_wallet is None:
            return None
        try:
            with self._ui_lock:
                balance = self._ui_wallet.balance(remote_id)
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
            with self._ui_lock:
                return loyalty_push.push(self._ledger, self._ui_customers, self._ui_wallet, event)
        except (TransientError, AuthError) as exc:
            outbox_store.mark_retry(self._ledger, event.event_id, reason_of(exc),
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
            with self._ui_lock:
                customers_store.apply_customers(self._ledger, [self._ui_customers.get(remote_id)])
                orders = self._ui_customers.orders(remote_id)
                wallet = self._ui_wallet
                txs = wallet.transactions(remote_id) if wallet else []
                balance = wallet.balance(remote_id) if wallet else None
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
            with self._ui_lock:
                api = self._ui_customers
                found = ([c] if (c := api.by_email(text)) else []) if "@" in text else api.search(text)
        except (StoreError, OSError) as exc:
            log.info("online customer search failed: %s", exc)
            return 0
        customers_store.apply_customers(self._ledger, found)
        return len(found)
