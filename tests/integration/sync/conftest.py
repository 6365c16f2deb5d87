"""A till ledger and the sandbox store over real HTTP on 127.0.0.1, seeded with the same demo catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from pos.config import TillSettings
from pos.domain.cart import Cart
from pos.domain.payment import Tender, TenderKind
from pos.ledger.db import Ledger
from pos.services.catalog import CatalogService, to_ref
from pos.services.dto import Receipt, UserView
from pos.services.sales import SaleService
from pos.services.seed import seed_demo
from sync.engine import SyncEngine
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector

EANS = ["8412345600012", "8412345602627", "8412345605833", "8412345607806"]


@dataclass
class Shop:
    ledger: Ledger
    store: SandboxServer
    catalog: CatalogService
    sales: SaleService
    cashier: UserView
    connector: WooCommerceConnector

    def engine(self, **kw: Any) -> SyncEngine:
        return SyncEngine(self.ledger, self.connector, currency="EUR", **kw)

    def sell(self, *codes: str) -> Receipt:
        cart = Cart("EUR")
        for code in codes or (EANS[0],):
            cart = cart.add(to_ref(self.catalog.by_barcode(code)))
        return self.sales.complete(cart, [Tender(TenderKind.CASH, cart.totals().total)], self.cashier)

    def api(self, method: str, path: str, **kw: Any) -> Any:
        response = requests.request(method, f"{self.store.url}/wp-json/wc/v3{path}", auth=("ck_demo", "cs_demo"),
                                    timeout=10, **kw)
        response.raise_for_status()
        return response.json()

    def pos_orders(self) -> list[dict[str, Any]]:
        orders: list[dict[str, Any]] = []
        page = 1
        while True:
            batch = self.api("GET", "/orders", params={"created_via": "mostrador-pos", "per_page": 100, "page": page})
            orders += batch
            if len(batch) < 100:
                return orders
            page += 1

    def online_stock(self, sku: str) -> int:
        return int(self.api("GET", "/products", params={"sku": sku})[0]["stock_quantity"])


def uuids_of(orders: list[dict[str, Any]]) -> list[str]:
    return [next(m["value"] for m in o["meta_data"] if m["key"] == "_pos_txn_uuid") for o in orders]


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    ledger = Ledger(tmp_path / "till" / "ledger.sqlite3")
    seed_demo(ledger)
    connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))
    try:
        yield Shop(ledger, store, CatalogService(ledger), SaleService(ledger, TillSettings()),
                   UserView(1, "Ana", "cashier"), connector)
    finally:
        store.stop()
        ledger.close()
