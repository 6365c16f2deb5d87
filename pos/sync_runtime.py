"""Building the sync side for the composition root: which store, which credentials, and the
embedded sandbox store for the demo."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from pos.config import Settings
from pos.credentials import StoreCredentials, store_credentials, wallet_credentials
from pos.ledger.db import Ledger
from pos.services.dto import SyncStatus

log = logging.getLogger(__name__)

DEMO_KEY, DEMO_SECRET = "ck_demo", "cs_demo"
DEMO_WALLET_USER, DEMO_WALLET_PASSWORD = "admin", "demo-app-password"


class OrderLookupPort(Protocol):
    """Live online-order look-ups for the returns screen (``sync/returns_lookup.py``); run off the UI thread."""

    def lookup(self, text: str) -> int: ...

    def refresh(self, order_id: int) -> int: ...


class SyncRuntime:
    """Owns the sync engine thread (and the embedded sandbox in demo mode)."""

    def __init__(self, ledger: Ledger, settings: Settings, data_dir: Path) -> None:
        from sync.engine import SyncEngine
        from sync.loyalty import LoyaltyLink
        from sync.returns_lookup import OrderLookup
        from sync.woocommerce import WooCommerceConnector
        from sync.woocommerce.customers import CustomersApi
        from sync.woocommerce.wallet import TeraWalletApi

        self.sandbox = None
        store = settings.store
        if settings.store_configured:
            creds = store_credentials(store.url)
            if creds is None:
                raise ValueError(f"no credentials for {store.url}: set MOSTRADOR_STORE_KEY and "
                                 "MOSTRADOR_STORE_SECRET or store them in the keyring")
            url, key, secret, name = store.url, creds.key, creds.secret, store.url
            wallet_creds = wallet_credentials(store.url)
            if wallet_creds is None:
                log.warning("no wallet application password for %s: wallet movements wait in the outbox", store.url)
        else:
            from sync.sandbox import SandboxServer

            self.sandbox = SandboxServer(data_dir / "sandbox", seed="demo").start()
            url, key, secret = self.sandbox.url, DEMO_KEY, DEMO_SECRET
            wallet_creds = wallet_credentials(url) or StoreCredentials(DEMO_WALLET_USER, DEMO_WALLET_PASSWORD)
            name = "sandbox"
            log.info("embedded sandbox store on %s", url)
        self.url = url
        self.connector = WooCommerceConnector(url, key, secret)

        def wallet() -> TeraWalletApi | None:
            return TeraWalletApi(url, wallet_creds.key, wallet_creds.secret) if wallet_creds else None

        # The engine's thread and the counter's workers each get their own HTTP sessions.
        self.loyalty = LoyaltyLink(ledger, CustomersApi(self.connector.client), wallet(),
                                   counter=(CustomersApi(WooCommerceConnector(url, key, secret).client), wallet()))
        # Its own connector: the engine's belongs to the engine's thread.
        self.lookup: OrderLookupPort = OrderLookup(ledger, WooCommerceConnector(url, key, secret, timeout=(3.0, 8.0)))
        self._listeners: list[Callable[[SyncStatus], None]] = []
        # The engine's own handle on the ledger: its commits are not fsynced, so they never queue for the
        # disk with a sale's (Ledger.background; docs/ARCHITECTURE.md "Ledger writes and sync").
        self.engine_ledger = ledger.background()
        self.engine = SyncEngine(self.engine_ledger, self.connector, currency=settings.till.currency,
                                 pickup_location=settings.store.pickup_location,
                                 on_status=self._publish, store_name=name, loyalty=self.loyalty)

    def _publish(self, status: SyncStatus) -> None:
        for listener in list(self._listeners):
            listener(status)

    def subscribe(self, listener: Callable[[SyncStatus], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        self.engine.start()

    def stop(self) -> None:
        self.engine.stop()
        self.engine_ledger.close()
        if self.sandbox is not None:
            self.sandbox.stop()
