"""Returns end to end: till ledgers and the sandbox store over real HTTP (same demo catalogue), the
returns service, the live order lookup and the sync engine pushing refunds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pos.config import TillSettings
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, StockLevel
from pos.services.auth import AuthService
from pos.services.catalog import CatalogService
from pos.services.dto import UserView
from pos.services.returns import ReturnHook, ReturnService
from pos.services.returns_dto import ReturnContext
from pos.services.sales import SaleService
from sync.engine import SyncEngine
from sync.returns_lookup import OrderLookup
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector
from tests.integration.store_api import StoreApi

EANS = ["8412345600012", "8412345602627", "8412345605833", "8412345607806"]
MANAGER_PIN = "9999"


@dataclass
class Till(StoreApi):
    """One counter: its own ledger, services and sync engine, talking to the shared sandbox store."""

    ledger: Ledger
    store: SandboxServer
    settings: TillSettings
    catalog: CatalogService
    sales: SaleService
    auth: AuthService
    returns: ReturnService
    lookup: OrderLookup
    cashier: UserView
    engine: SyncEngine
    hooked: list[ReturnContext] = field(default_factory=list)

    def local_stock(self, ean: str) -> int:
        pid = self.catalog.by_barcode(ean).product_id
        with self.ledger.read() as s:
            level = s.get(StockLevel, pid)
            assert level is not None
            return level.on_hand_milli // 1000

    def place_order(self, lines: list[tuple[str, int]], *, payment: str = "redsys", paid: bool = True,
                    status: str = "processing") -> dict[str, Any]:
        """A shipped online order as the store's checkout would create it."""
        billing = {"first_name": "Lucía", "last_name": "García Pérez", "email": "lucia.garcia@example.com",
                   "phone": "+34600111222", "country": "ES"}
        return self.api("POST", "/orders", json={
            "status": status, "set_paid": paid, "created_via": "checkout", "payment_method": payment,
            "payment_method_title": "Tarjeta (Redsys)" if payment == "redsys" else "Contra reembolso",
            "billing": billing, "shipping": billing,
            "shipping_lines": [{"method_id": "flat_rate", "method_title": "Envío", "total": "4.95"}],
            "line_items": [{"product_id": self.remote_id(ean), "quantity": q} for ean, q in lines]})

    def refunds(self, order_id: int) -> list[dict[str, Any]]:
        return list(self.api("GET", f"/orders/{order_id}/refunds"))

    def drain(self, passes: int = 20) -> None:
        """Run passes until nothing is pending, ignoring backoff delays."""
        for _ in range(passes):
            with self.ledger.write() as s:
                for event in s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")):
                    event.next_attempt_at = None
            self.engine.run_once()
            if self.engine.status.pending == 0:
                return
        raise AssertionError(f"still pending: {self.engine.status}")

    def events(self, event_type: str) -> list[tuple[str, str, str]]:
        """(status, last error, remote ref) of each event of that type."""
        with self.ledger.read() as s:
            return [(e.status, e.last_error or "", e.remote_ref or "")
                    for e in s.scalars(select(OutboxEvent).where(OutboxEvent.event_type == event_type))]


def _till(path: Path, store: SandboxServer, till_id: str) -> Till:
    ledger = Ledger(path / "ledger.sqlite3")
    settings = TillSettings(till_id=till_id)
    connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))
    engine = SyncEngine(ledger, connector, currency="EUR", pull_interval_s=0, full_resync_first=False)
    auth = AuthService(ledger)
    sales = SaleService(ledger, settings)
    hooked: list[ReturnContext] = []
    hook: ReturnHook = lambda _session, context: hooked.append(context)  # noqa: E731
    returns = ReturnService(ledger, settings, auth, sales, return_hooks=[hook])
    lookup = OrderLookup(ledger, WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0)))
    return Till(ledger, store, settings, CatalogService(ledger), sales, auth, returns, lookup,
                UserView(1, "Ana", "cashier"), engine, hooked)


@pytest.fixture
def store_and_tills(tmp_path: Path, linked_template: Path) -> Iterator[tuple[Till, Till]]:
    shutil.copytree(linked_template / "store", tmp_path / "store")
    for name in ("a", "b"):
        shutil.copytree(linked_template / "till", tmp_path / name)
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    a, b = _till(tmp_path / "a", store, "T01"), _till(tmp_path / "b", store, "T02")
    try:
        yield a, b
    finally:
        store.stop()
        a.ledger.close()
        b.ledger.close()


@pytest.fixture
def till(store_and_tills: tuple[Till, Till]) -> Till:
    return store_and_tills[0]
