"""Child process for the kill-mid-commit test: ``python ledger_kill_child.py DB_PATH SEED``.

Opens (and if needed seeds) the ledger, prints ``READY``, then completes sales forever,
printing ``<sale uuid> <receipt no>`` and flushing only after ``SaleService.complete`` has
returned, i.e. after the commit. The parent SIGKILLs it at a random moment.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pos.config import TillSettings
from pos.demo.catalog import demo_products
from pos.domain.cart import Cart
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.db import Ledger
from pos.ledger.models import Product, User
from pos.services.catalog import CatalogService, to_ref
from pos.services.dto import UserView
from pos.services.sales import SaleService
from pos.services.seed import ensure_users, load_catalogue

CATALOGUE_SIZE = 40


def main(path: Path, seed: int) -> None:
    ledger = Ledger(path)
    ensure_users(ledger, (("Ana", "cashier", "1234"),))  # idempotent
    with ledger.read() as session:
        seeded = session.scalar(select(Product.id).limit(1)) is not None
    if not seeded:  # one transaction: all of the catalogue or none of it
        load_catalogue(ledger, demo_products()[:CATALOGUE_SIZE])
    with ledger.read() as session:
        user = session.scalars(select(User).where(User.name == "Ana")).one()
        cashier = UserView(user.id, user.name, user.role)
        product_ids = list(session.scalars(select(Product.id).order_by(Product.id)))
    catalog = CatalogService(ledger)
    products = [to_ref(catalog.get(pid)) for pid in product_ids]
    sales = SaleService(ledger, TillSettings())
    rng = random.Random(seed)
    print("READY", flush=True)
    while True:
        cart = Cart("EUR")
        for _ in range(rng.randint(1, 5)):
            cart = cart.add(rng.choice(products), rng.choice([1, 1, 2, 3, Decimal("1.250")]))
        if rng.random() < 0.3:
            cart = cart.set_line_discount(cart.lines[0].line_id, Discount.of_percent(5))
        total = cart.totals().total
        if rng.random() < 0.5:
            tenders = [Tender(TenderKind.CARD, total)]
        else:
            tenders = [Tender(TenderKind.CASH, Money(total.minor + rng.randint(0, 500), total.currency))]
        receipt = sales.complete(cart, tenders, cashier)
        print(f"{receipt.sale_uuid} {receipt.receipt_no}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
