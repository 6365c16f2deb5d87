"""Loyalty end to end: a till ledger and the sandbox store over real HTTP (WooCommerce customers with the
consumer key, TeraWallet with the application password), the customer/wallet services, the sale service
with the wallet hook, and the sync engine with the loyalty link."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from pos.config import LoyaltySettings, TillSettings
from pos.domain.cart import Cart
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.db import Ledger
from pos.ledger.loyalty_models import Customer
from pos.ledger.models import OutboxEvent
from pos.services.catalog import CatalogService, to_ref
from pos.services.customers import CustomerService
from pos.services.dto import Receipt, UserView
from pos.services.loyalty_desk import LoyaltyDesk
from pos.services.sales import SaleService
from pos.services.seed import seed_demo
from pos.services.wallet import WalletService
from sync.engine import SyncEngine
from sync.loyalty import LoyaltyLink
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.customers import CustomersApi
from sync.woocommerce.wallet import TeraWalletApi

# Demo catalogue: milk 1.00 € (4 %, Lácteos), olive oil 8.75 €, notebook, the 20 € gift card (excluded).
EANS = ["8412345600012", "8412345602627", "8412345605833", "8412345607806"]
LUCIA = "lucia.garcia@example.com"


@dataclass
class Counter:
    ledger: Ledger
    store: SandboxServer
    catalog: CatalogService
    customers: CustomerService
    wallet: WalletService
    sales: SaleService
    desk: LoyaltyDesk
    link: LoyaltyLink
    engine: SyncEngine
    cashier: UserView

    def sync(self) -> None:
        """One engine pass after any backoff has run out (time passes between passes in a real till)."""
        with self.ledger.write() as s:
            s.execute(update(OutboxEvent).where(OutboxEvent.status == "pending").values(next_attempt_at=None))
        assert self.engine.run_once(), self.engine.status.last_error

    def customer(self, email: str = LUCIA) -> int:
        with self.ledger.read() as s:
            cid = s.scalar(select(Customer.id).where(Customer.email == email))
        assert cid is not None, f"{email} not pulled"
        return cid

    def remote_id(self, email: str = LUCIA) -> int:
        with self.ledger.read() as s:
            rid = s.scalar(select(Customer.remote_id).where(Customer.email == email))
        assert rid is not None
        return int(rid)

    def cart(self, *codes: str) -> Cart:
        cart = Cart("EUR")
        for code in codes:
            cart = cart.add(to_ref(self.catalog.by_barcode(code)))
        return cart

    def sell(self, cart: Cart, customer_id: int | None, wallet: list[tuple[str, int]] | None = None) -> Receipt:
        """Pay with the given wallet holds (uuid, minor) and the rest in cash."""
        tenders = [Tender(TenderKind.WALLET, Money(minor, "EUR"), ref) for ref, minor in wallet or []]
        rest = cart.totals().total.minor - sum(m for _, m in wallet or [])
        if rest:
            tenders.append(Tender(TenderKind.CASH, Money(rest, "EUR")))
        return self.sales.complete(cart, tenders, self.cashier, customer_id=customer_id)

    def online_balance(self, email: str = LUCIA) -> int:
        return self.store.store.wallet_balance(self.remote_id(email))

    def online_txs(self, email: str = LUCIA) -> list[dict[str, Any]]:
        return self.store.store.wallet_transactions(self.remote_id(email), 1, 1000)[0]

    def wallet_api(self, method: str, path: str, **kw: Any) -> requests.Response:
        return requests.request(method, f"{self.store.url}/wp-json/terawallet/v1{path}",
                                auth=("admin", "demo-app-password"), timeout=10, **kw)

    def down(self, down: bool = True) -> None:
        self.store.faults.update({"down": down})


MakeCounter = Callable[..., Counter]


@pytest.fixture
def make_counter(tmp_path: Path) -> Iterator[MakeCounter]:
    made: list[tuple[SandboxServer, Ledger, LoyaltyLink]] = []

    def make(**loyalty: Any) -> Counter:
        store = SandboxServer(tmp_path / "store", seed="demo").start()
        ledger = Ledger(tmp_path / "till" / "ledger.sqlite3")
        seed_demo(ledger)
        settings = replace(LoyaltySettings(), **loyalty)
        customers = CustomerService(ledger, "EUR")
        wallet = WalletService(ledger, settings, currency="EUR", till_id="T01")
        sales = SaleService(ledger, TillSettings(), hooks=[wallet.on_sale_written])
        link = LoyaltyLink(ledger, CustomersApi(WooCommerceConnector(store.url, "ck_demo", "cs_demo").client),
                           TeraWalletApi(store.url, "admin", "demo-app-password"))
        link.housekeeping = wallet.release_expired
        connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))
        engine = SyncEngine(ledger, connector, currency="EUR", loyalty=link)
        made.append((store, ledger, link))
        return Counter(ledger, store, CatalogService(ledger), customers, wallet, sales,
                       LoyaltyDesk(customers, wallet, link), link, engine, UserView(1, "Ana", "cashier"))

    yield make
    for store, ledger, _link in made:
        store.stop()
        ledger.close()
