"""Loading a catalogue and the demo users into an empty ledger (demo mode, benchmarks, tests)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from itertools import islice

from sqlalchemy import func, insert, select

from pos.demo.catalog import DemoProduct, demo_products
from pos.domain.tax import KNOWN_RATES
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, Category, Product, StockLevel, StockMovement, TaxRateRow, User
from pos.ledger.search_index import merge_step
from pos.services.auth import hash_pin

DEMO_USERS = (("Ana", "cashier", "1234"), ("Marta", "manager", "9999"), ("Luis", "supervisor", "5555"),
              ("Sofía", "admin", "2468"))
_RATE_NAMES = {"ES-21": "IVA general", "ES-10": "IVA reducido", "ES-4": "IVA superreducido", "ES-0": "Exento",
               "MX-16": "IVA", "MX-0": "IVA tasa 0"}
_REMOTE_CLASS = {"ES-21": "", "ES-10": "reduced-rate", "ES-4": "super-reduced-rate", "ES-0": "zero-rate"}


def _chunks(items: Iterable[DemoProduct], size: int) -> Iterator[list[DemoProduct]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ensure_tax_rates(ledger: Ledger) -> dict[str, int]:
    with ledger.write() as session:
        existing = {code: rid for rid, code in session.execute(select(TaxRateRow.id, TaxRateRow.code))}
        for code, rate in KNOWN_RATES.items():
            if code not in existing:
                row = TaxRateRow(code=code, percent=str(rate.percent), name=_RATE_NAMES[code],
                                 remote_class=_REMOTE_CLASS.get(code))
                session.add(row)
                session.flush()
                existing[code] = row.id
        return existing


def load_catalogue(ledger: Ledger, products: Iterable[DemoProduct], *, country: str = "ES",
                   currency: str = "EUR", chunk: int = 5000) -> int:
    """Insert products with barcode, category and opening stock in short transactions (so a till
    using the same file never waits long for the writer lock). Returns how many were added."""
    rates = ensure_tax_rates(ledger)
    categories: dict[str, int] = {}
    added = 0
    for batch in _chunks(products, chunk):
        with ledger.write() as session:
            for name in {p.category for p in batch} - categories.keys():
                cid = session.scalar(select(Category.id).where(Category.name == name))
                if cid is None:
                    row = Category(name=name)
                    session.add(row)
                    session.flush()
                    cid = row.id
                categories[name] = cid
            first_id = (session.scalar(select(func.max(Product.id))) or 0) + 1
            session.execute(insert(Product), [
                {"id": first_id + i, "sku": p.sku, "name": p.name, "price_minor": p.price_minor,
                 "currency": currency, "tax_rate_id": rates[f"{country}-{p.tax_percent}"],
                 "category_id": categories[p.category], "active": True, "sold_by_weight": bool(p.scale_code)}
                for i, p in enumerate(batch)
            ])
            session.execute(insert(Barcode), [{"code": p.ean13, "product_id": first_id + i}
                                              for i, p in enumerate(batch)]
                            + [{"code": p.scale_code, "product_id": first_id + i}  # scale labels: prefix + item
                               for i, p in enumerate(batch) if p.scale_code])
            session.execute(insert(StockLevel), [{"product_id": first_id + i, "on_hand_milli": p.stock * 1000,
                                                  "reserved_milli": 0} for i, p in enumerate(batch)])
            session.execute(insert(StockMovement), [
                {"uuid": str(uuid.uuid4()), "product_id": first_id + i, "delta_milli": p.stock * 1000,
                 "reason": "initial", "ref_uuid": None, "user_id": None}
                for i, p in enumerate(batch) if p.stock
            ])
        with ledger.write() as session:  # the search index's merging, between chunks (search_index.py)
            merge_step(session, len(batch))
        added += len(batch)
    return added


def ensure_users(ledger: Ledger, users: Iterable[tuple[str, str, str]] = DEMO_USERS) -> None:
    with ledger.write() as session:
        names = set(session.scalars(select(User.name)))
        for name, role, pin in users:
            if name not in names:
                session.add(User(name=name, role=role, pin_hash=hash_pin(pin), active=True, failed_attempts=0))
                session.flush()
                append_audit(session, "user.created", user_id=None, details={"name": name, "role": role})


def seed_demo(ledger: Ledger) -> bool:
    """Demo catalogue (~1,000 products) and users Ana (cashier, 1234), Marta (manager, 9999), Luis
    (supervisor, 5555) and Sofía (admin, 2468).
    Does nothing on a ledger that already has products. Returns True when it seeded."""
    with ledger.read() as session:
        if session.scalar(select(Product.id).limit(1)) is not None:
            return False
    load_catalogue(ledger, demo_products())
    ensure_users(ledger)
    return True


