"""``--seed demo``: credentials, catalogue, customers with wallet balances and online orders.

Idempotent: a data directory is seeded once (the ``seed_demo`` setting records it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .store import SandboxStore

log = logging.getLogger(__name__)

DEMO_CONSUMER_KEY = "ck_demo"
DEMO_CONSUMER_SECRET = "cs_demo"
DEMO_ADMIN = "admin"
DEMO_APP_PASSWORD = "demo-app-password"
TAX_CLASS_BY_PERCENT = {21: "", 10: "reduced-rate", 4: "super-reduced-rate", 0: "zero-rate"}


class CatalogProduct(Protocol):
    """The fields of ``pos.demo.catalog.DemoProduct`` the seed uses."""

    @property
    def sku(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def price_minor(self) -> int: ...
    @property
    def tax_percent(self) -> int: ...
    @property
    def ean13(self) -> str: ...
    @property
    def stock(self) -> int: ...


@dataclass(frozen=True)
class _Fallback:
    sku: str
    name: str
    category: str
    price_minor: int
    tax_percent: int
    ean13: str
    stock: int


_FALLBACK = [
    _Fallback("MOS-00001", "Leche entera 1 L", "Lácteos y huevos", 100, 4, "8412345600012", 42),
    _Fallback("MOS-00002", "Aceite de oliva virgen extra", "Despensa", 875, 10, "8412345600029", 30),
    _Fallback("MOS-00003", "Cuaderno A5 cuadrícula", "Papelería", 245, 21, "8412345600036", 60),
    _Fallback("MOS-00004", "Taza de cerámica", "Hogar", 495, 21, "8412345600043", 25),
    _Fallback("MOS-00005", "Tarjeta regalo 20 €", "Tarjetas regalo", 2000, 0, "8412345600050", 500),
]

CUSTOMERS: list[dict[str, Any]] = [
    {"first_name": "Lucía", "last_name": "García Pérez", "email": "lucia.garcia@example.com",
     "phone": "+34600111222", "address_1": "Calle de Alcalá 100", "city": "Madrid", "state": "M",
     "postcode": "28009", "wallet": 2500},
    {"first_name": "Javier", "last_name": "Martínez Ruiz", "email": "javier.martinez@example.com",
     "phone": "+34611222333", "address_1": "Avenida del Puerto 12", "city": "Valencia", "state": "V",
     "postcode": "46021", "wallet": 1000},
    {"first_name": "Carmen", "last_name": "López Sánchez", "email": "carmen.lopez@example.com",
     "phone": "+34622333444", "address_1": "Calle Sierpes 45", "city": "Sevilla", "state": "SE",
     "postcode": "41004", "wallet": 550},
    {"first_name": "Pablo", "last_name": "Fernández Gómez", "email": "pablo.fernandez@example.com",
     "phone": "+34633444555", "address_1": "Carrer de Balmes 200", "city": "Barcelona", "state": "B",
     "postcode": "08006", "wallet": 1200},
]

# (customer index, status, payment method, title, set_paid, catalogue indexes and quantities, hours ago)
ORDERS: list[tuple[int, str, str, str, bool, list[tuple[int, int]], int]] = [
    (0, "processing", "cod", "Pago al recoger en tienda", False, [(1, 2), (3, 1)], 20),
    (1, "processing", "redsys", "Tarjeta (pago online)", True, [(2, 3), (0, 6)], 9),
    (2, "processing", "cod", "Pago al recoger en tienda", False, [(4, 1)], 5),
    (3, "processing", "bacs", "Transferencia bancaria", True, [(3, 2), (1, 1), (2, 1)], 2),
    (0, "completed", "redsys", "Tarjeta (pago online)", True, [(1, 1), (2, 2)], 24 * 6),
    (1, "completed", "redsys", "Tarjeta (pago online)", True, [(3, 1), (0, 2)], 24 * 9),
]


def _catalogue() -> Sequence[CatalogProduct]:
    try:
        from pos.demo.catalog import demo_products
    except ImportError:  # pragma: no cover - only while pos.demo is missing
        log.warning("pos.demo.catalog not available; seeding a minimal stand-in catalogue")
        return _FALLBACK
    return demo_products()


def _pick(products: Sequence[CatalogProduct], index: int) -> CatalogProduct:
    """Spread the demo orders over the catalogue: the n-th product of the n-th tax rate group."""
    by_rate = [p for p in products if p.tax_percent == (4, 10, 21, 21, 0)[index % 5]] or list(products)
    return by_rate[(index * 7) % len(by_rate)]


def _fixed_clock(ts: float) -> Callable[[], float]:
    return lambda: ts


def seed_demo(store: SandboxStore, products: Sequence[CatalogProduct] | None = None) -> bool:
    """Seed the demo store; returns False when the data directory was already seeded."""
    if store.setting("seed_demo") == "done":
        return False
    catalogue = list(products) if products is not None else list(_catalogue())
    clock: Callable[[], float] = store.clock
    try:
        _seed(store, catalogue, clock())
    finally:
        store.clock = clock
    return True


def _seed(store: SandboxStore, catalogue: list[CatalogProduct], now: float) -> None:
    with store.tx():
        store.create_api_key(DEMO_CONSUMER_KEY, DEMO_CONSUMER_SECRET, "read_write", 1, "Mostrador demo")
        store.set_app_password(DEMO_ADMIN, DEMO_APP_PASSWORD)
        store.clock = _fixed_clock(now - 30 * 24 * 3600)
        ids: dict[str, int] = {}
        for p in catalogue:
            row = store.create_product({
                "name": p.name, "sku": p.sku, "gtin": p.ean13, "regular_price": p.price_minor,
                "tax_class": TAX_CLASS_BY_PERCENT.get(p.tax_percent, ""), "manage_stock": True,
                "stock_quantity": p.stock, "category_ids": [store.ensure_category(p.category)],
            })
            ids[p.sku] = row["id"]
        customers = []
        for c in CUSTOMERS:
            address = {k: c[k] for k in ("first_name", "last_name", "address_1", "city", "state", "postcode")}
            address["country"] = "ES"
            user = store.create_customer({
                "email": c["email"], "first_name": c["first_name"], "last_name": c["last_name"],
                "billing": {**address, "email": c["email"], "phone": c["phone"]},
                "shipping": {**address, "phone": c["phone"]},
            })
            store.wallet_transaction(user["id"], "credit", c["wallet"], "Saldo de bienvenida (demo)", 1)
            customers.append((c, user))
        for n, (who, status, method, title, paid, lines, hours) in enumerate(ORDERS):
            store.clock = _fixed_clock(now - hours * 3600)
            c, user = customers[who]
            created = store.create_order({
                "status": status, "set_paid": paid, "customer_id": user["id"], "created_via": "checkout",
                "payment_method": method, "payment_method_title": title, "billing": user["billing"],
                "shipping": user["shipping"], "customer_note": "Paso a recogerlo por la tarde" if n == 0 else "",
                "shipping_lines": [{"method_id": "local_pickup", "method_title": "Recogida en tienda",
                                    "total": "0.00"}],
                "line_items": [{"product_id": ids[_pick(catalogue, i).sku], "quantity": q} for i, q in lines],
            })
            # A known order key, so the demo's customer codes (its last six characters) are DEMO01, DEMO02…
            # and a newcomer can try the hand-over with a code (docs/USING.md); real keys are random.
            with store.tx() as db:
                db.execute("UPDATE orders SET order_key = ? WHERE id = ?", (f"wc_order_DEMO{n + 1:02d}", created["id"]))
        store.set_setting("seed_demo", "done")
