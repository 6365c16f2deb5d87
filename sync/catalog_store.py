"""Applying pulled products to the local catalogue in short write transactions.

Matching: remote id first, then SKU, then barcode, so a till seeded with the same catalogue
as the store links up on the first pull. Local on-hand stock is never overwritten: the till
is the record of what is physically in the shop; the store's figure is kept as ``online_milli``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

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


WRITE_CHUNK = 25  # rows per write transaction: a sale never waits long for the writer lock


def apply_products(ledger: Ledger, products: list[RemoteProduct], currency: str) -> ApplyResult:
    """Match and map in a read snapshot (no lock held), then write in short executemany transactions."""
    result = ApplyResult()
    if not products:
        return result
    now = utcnow()
    with ledger.read() as session:
        rates = {cls or "": rid for rid, cls in session.execute(select(TaxRateRow.id, TaxRateRow.remote_class))
                 if cls is not None}
        by_remote = dict(session.execute(select(Product.remote_id, Product.id).where(
            Product.remote_id.in_([p.remote_id for p in products]))).all())
        by_sku = dict(session.execute(select(Product.sku, Product.id).where(
            Product.sku.in_([p.sku for p in products if p.sku]))).all())
        codes = [c for p in products for c in p.barcodes]
        by_code = dict(session.execute(select(Barcode.code, Barcode.product_id).where(Barcode.code.in_(codes))).all())
        categories = dict(session.execute(select(Category.name, Category.id)).all())
    planned: list[tuple[RemoteProduct, int | None, dict[str, object]]] = []
    for remote in products:
        pid = by_remote.get(remote.remote_id) or (by_sku.get(remote.sku) if remote.sku else None)
        if pid is None:
            pid = next((by_code[c] for c in remote.barcodes if c in by_code), None)
        tax_id = rates.get(remote.tax_class, rates.get(""))
        values: dict[str, object] = {"name": remote.name[:255], "remote_id": remote.remote_id,
                                     "remote_parent_id": remote.parent_id, "active": remote.active, "updated_at": now}
        if remote.price_minor is not None:
            values["price_minor"] = remote.price_minor
        if tax_id is not None:
            values["tax_rate_id"] = tax_id
        if pid is None and (not remote.active or remote.price_minor is None or tax_id is None or not remote.sku):
            result.unchanged += 1
            continue
        planned.append((remote, pid, values))
    for start in range(0, len(planned), WRITE_CHUNK):
        with ledger.write() as session:
            _write_chunk(session, planned[start:start + WRITE_CHUNK], currency, now, categories, by_code, result)
    ledger.checkpoint()
    return result


def _write_chunk(session: Session, chunk: list[tuple[RemoteProduct, int | None, dict[str, object]]], currency: str,
                 now: datetime, categories: dict[str, int], by_code: dict[str, int], result: ApplyResult) -> None:
    conn = session.connection()
    updates: list[dict[str, object]] = []
    stock: list[dict[str, object]] = []
    new_codes: list[dict[str, object]] = []
    new_products: list[dict[str, object]] = []
    next_id = (conn.execute(select(func.max(Product.id))).scalar() or 0) + 1  # we hold the writer lock
    for remote, pid, values in chunk:
        if remote.category:
            if remote.category not in categories:
                categories[remote.category] = conn.execute(
                    insert(Category).values(name=remote.category).returning(Category.id)).scalar_one()
            values = {**values, "category_id": categories[remote.category]}
        if pid is None:
            pid, next_id = next_id, next_id + 1
            new_products.append({"id": pid, "sku": remote.sku, "currency": currency, "sold_by_weight": False,
                                 "category_id": None, **values})
            result.added += 1
        else:
            updates.append({"pid": pid, **{f"v_{k}": v for k, v in values.items()}, "keys": tuple(values)})
            if remote.active:
                result.updated += 1
            else:
                result.deactivated += 1
        for code in remote.barcodes:
            if code not in by_code:
                new_codes.append({"code": code, "product_id": pid})
                by_code[code] = pid
        if remote.stock is not None:
            stock.append({"pid": pid, "online": remote.stock * 1000, "seen": now})
    if new_products:
        for row in new_products:  # executemany needs one shape
            row.setdefault("price_minor", 0)
        conn.execute(insert(Product.__table__), new_products)
        conn.execute(insert(StockLevel.__table__), [{"product_id": r["id"], "on_hand_milli": 0, "reserved_milli": 0,
                                                     "online_milli": None, "online_seen_at": None}
                                                    for r in new_products])
    # Rows with the same set of columns go in one executemany.
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for row in updates:
        groups.setdefault(row.pop("keys"), []).append(row)  # type: ignore[arg-type]
    for keys, rows in groups.items():
        statement = (update(Product.__table__).where(Product.__table__.c.id == bindparam("pid"))
                     .values({k: bindparam(f"v_{k}") for k in keys}))
        conn.execute(statement, rows)
    if new_codes:
        conn.execute(insert(Barcode.__table__), new_codes)
    if stock:
        levels = StockLevel.__table__
        conn.execute(levels.update().where(levels.c.product_id == bindparam("pid"))
                     .values(online_milli=bindparam("online"), online_seen_at=bindparam("seen")), stock)


def newest_modified(products: list[RemoteProduct]) -> datetime | None:
    return max((p.modified_gmt for p in products), default=None)
