"""Applying pulled products to the local catalogue, one short transaction per page.

Matching: remote id first, then SKU, then barcode, so a till seeded with the same catalogue
as the store links up on the first pull. Local on-hand stock is never overwritten: the till
is the record of what is physically in the shop; the store's figure is kept as ``online_milli``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update

from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, Category, Product, StockLevel, SyncCursor, TaxRateRow, utcnow
from sync.connector import RemoteProduct


@dataclass
class ApplyResult:
    added: int = 0
    updated: int = 0
    deactivated: int = 0
    unchanged: int = 0


def get_cursor(ledger: Ledger, name: str) -> str | None:
    with ledger.read() as session:
        return session.scalar(select(SyncCursor.value).where(SyncCursor.name == name))


def set_cursor(ledger: Ledger, name: str, value: str) -> None:
    with ledger.write() as session:
        row = session.get(SyncCursor, name)
        if row is None:
            session.add(SyncCursor(name=name, value=value))
        else:
            row.value = value


def apply_products(ledger: Ledger, products: list[RemoteProduct], currency: str) -> ApplyResult:
    result = ApplyResult()
    if not products:
        return result
    now = utcnow()
    with ledger.write() as session:
        rates = {cls or "": rid for rid, cls in session.execute(select(TaxRateRow.id, TaxRateRow.remote_class))
                 if cls is not None}
        by_remote = dict(session.execute(select(Product.remote_id, Product.id).where(
            Product.remote_id.in_([p.remote_id for p in products]))).all())
        by_sku = dict(session.execute(select(Product.sku, Product.id).where(
            Product.sku.in_([p.sku for p in products if p.sku]))).all())
        codes = [c for p in products for c in p.barcodes]
        by_code = dict(session.execute(select(Barcode.code, Barcode.product_id).where(Barcode.code.in_(codes))).all())
        categories = dict(session.execute(select(Category.name, Category.id)).all())
        for remote in products:
            pid = by_remote.get(remote.remote_id) or (by_sku.get(remote.sku) if remote.sku else None)
            if pid is None:
                pid = next((by_code[c] for c in remote.barcodes if c in by_code), None)
            tax_id = rates.get(remote.tax_class, rates.get(""))
            category_id = None
            if remote.category:
                category_id = categories.get(remote.category)
                if category_id is None:
                    row = Category(name=remote.category)
                    session.add(row)
                    session.flush()
                    category_id = categories[remote.category] = row.id
            values: dict[str, object] = {
                "name": remote.name[:255], "remote_id": remote.remote_id, "remote_parent_id": remote.parent_id,
                "active": remote.active, "updated_at": now,
            }
            if remote.price_minor is not None:
                values["price_minor"] = remote.price_minor
            if tax_id is not None:
                values["tax_rate_id"] = tax_id
            if category_id is not None:
                values["category_id"] = category_id
            if pid is None:
                if not remote.active or remote.price_minor is None or tax_id is None or not remote.sku:
                    result.unchanged += 1
                    continue
                pid = session.execute(insert(Product).values(
                    sku=remote.sku, currency=currency, sold_by_weight=False, **values
                ).returning(Product.id)).scalar_one()
                session.add(StockLevel(product_id=pid, on_hand_milli=0, reserved_milli=0))
                session.flush()
                result.added += 1
            else:
                session.execute(update(Product).where(Product.id == pid).values(**values))
                if remote.active:
                    result.updated += 1
                else:
                    result.deactivated += 1
            for code in remote.barcodes:
                if code not in by_code:
                    session.add(Barcode(code=code, product_id=pid))
                    by_code[code] = pid
            if remote.stock is not None:
                session.execute(update(StockLevel).where(StockLevel.product_id == pid).values(
                    online_milli=remote.stock * 1000, online_seen_at=now))
        session.flush()
    return result


def newest_modified(products: list[RemoteProduct]) -> datetime | None:
    return max((p.modified_gmt for p in products), default=None)
