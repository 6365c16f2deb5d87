"""Click-and-collect end to end: a till ledger and the sandbox store over real HTTP (same demo catalogue),
the pickup desk service and the sync engine pulling orders and pushing the desk's changes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
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
from pos.services.pickup_payment import PickupPaymentService
from pos.services.pickups import PickupService
from pos.services.sales import SaleService
from sync.engine import SyncEngine
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector
from tests.integration.store_api import StoreApi

EANS = ["8412345600012", "8412345602627", "8412345605833", "8412345607806"]
MANAGER_PIN = "9999"


@dataclass
class Desk(StoreApi):
    ledger: Ledger
    store: SandboxServer
    catalog: CatalogService
    sales: SaleService
    pickups: PickupService
    cashier: UserView
    engine: SyncEngine
    payments: PickupPaymentService

    def local_stock(self, ean: str) -> tuple[int, int]:
        """(on hand, reserved) in units."""
        pid = self.catalog.by_barcode(ean).product_id
        with self.ledger.read() as s:
            level = s.get(StockLevel, pid)
            assert level is not None
            return level.on_hand_milli // 1000, level.reserved_milli // 1000

    def place_order(self, lines: list[tuple[str, int]], *, payment: str = "redsys", paid: bool = True,
                    method: str = "local_pickup") -> dict[str, Any]:
        """An online click-and-collect order as the store's checkout would create it (recording 10)."""
        billing = {"first_name": "Lucía", "last_name": "García Pérez", "email": "lucia.garcia@example.com",
                   "phone": "+34600111222", "country": "ES"}
        return self.api("POST", "/orders", json={
            "status": "processing", "set_paid": paid, "created_via": "checkout", "payment_method": payment,
            "payment_method_title": "Pago al recoger en tienda" if payment == "cod" else "Tarjeta",
            "billing": billing, "shipping": billing,
            "shipping_lines": [{"method_id": method, "method_title": "Recogida en tienda", "total": "0.00"}],
            "line_items": [{"product_id": self.remote_id(ean), "quantity": q} for ean, q in lines]})

    def find(self, number: str) -> int:
        return next(v.pickup_id for v in self.pickups.queue(include_closed=True) if v.number == number)

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

    def notes(self, order_id: int) -> list[dict[str, Any]]:
        return list(self.api("GET", f"/orders/{order_id}/notes"))


@pytest.fixture
def desk(tmp_path: Path, linked_template: Path) -> Iterator[Desk]:
    for part in ("store", "till"):
        shutil.copytree(linked_template / part, tmp_path / part)
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    ledger = Ledger(tmp_path / "till" / "ledger.sqlite3")
    connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))
    engine = SyncEngine(ledger, connector, currency="EUR", pull_interval_s=0, full_resync_first=False)
    try:
        pickups = PickupService(ledger, AuthService(ledger), no_show_days=3)
        yield Desk(ledger, store, CatalogService(ledger), SaleService(ledger, TillSettings()), pickups,
                   UserView(1, "Ana", "cashier"), engine, PickupPaymentService(ledger, TillSettings(), pickups))
    finally:
        store.stop()
        ledger.close()
