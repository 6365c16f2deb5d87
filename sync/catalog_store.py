"""Applying pulled products to the local catalogue in short write transactions.

Matching: remote id first, then SKU, then barcode, so a till seeded with the same catalogue
as the store links up on the first pull. Local on-hand stock is never overwritten: the till
is the record of what is physically in the shop; the store's figure is kept as ``online_milli``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from pos.ledger.db import Ledger
from pos.ledger.fast_insert import execute_many
from pos.ledger.foreground import yield_to_till
from pos.ledger.models import Category, Product, SyncCursor, TaxRateRow, utcnow
from pos.ledger.search_index import merge_step
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
# While a cashier is at work, any sale may arrive while a chunk holds the writer lock: sales were seen waiting
# behind 25-product chunks (with their search index rows) that held it 7-22 ms.
AT_WORK_CHUNK = 5


def apply_products(ledger: Ledger, products: list[RemoteProduct], currency: str) -> ApplyResult:
    """Match and map in a read snapshot (no lock held), then write in short executemany transactions."""
    result = ApplyResult()
    if not products:
        return result
    now = utcnow()
    with ledger.read() as session:
        rates = {cls or "": rid for rid, cls in session.execute(select(TaxRateRow.id, TaxRateRow.remote_class))
                 if cls is not None}
        raw = session.connection().connection.driver_connection  # plain look-ups: no per-query compiling
        assert raw is not None
        by_remote = _lookup(raw, "SELECT remote_id, id FROM products WHERE remote_id", [p.remote_id for p in products])
        by_sku = _lookup(raw, "SELECT sku, id FROM products WHERE sku", [p.sku for p in products if p.sku])
        by_code = _lookup(raw, "SELECT code, product_id FROM barcodes WHERE code",
                          [c for p in products for c in p.barcodes])
        categories = dict(session.execute(select(Category.name, Category.id)).all())
    planned: list[tuple[RemoteProduct, int | None, dict[str, object]]] = []
    for remote in products:
        yield_to_till()
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
    start = 0
    while start < len(planned):
        size = AT_WORK_CHUNK if ledger.till_at_work() else WRITE_CHUNK
        chunk, start = planned[start:start + size], start + size
        with ledger.write() as session:
            _write_chunk(session, chunk, currency, now, categories, by_code, result)
        with ledger.write() as session:  # the search index's merging, between chunks (search_index.py)
            merge_step(session, len(chunk))
    return result


def _write_chunk(session: Session, chunk: list[tuple[RemoteProduct, int | None, dict[str, object]]], currency: str,
                 now: datetime, categories: dict[str, int], by_code: dict[str, int], result: ApplyResult) -> None:
    # Plain DB-API executemany on the session's own connection (same transaction, pos.ledger.fast_insert,
    # which also wraps DB-API errors as SQLAlchemy's, as the ledger's own writes raise them): SQLAlchemy's
    # per-row parameter processing cost more than SQLite's work. Values are what the ORM would
    # bind: booleans as 0/1 and the one timestamp through the column type's own bind processor.
    conn = session.connection()
    raw = conn.connection.driver_connection
    assert raw is not None
    stamp = _bind_timestamp(conn, now)
    updates: list[dict[str, object]] = []
    stock: list[tuple[object, ...]] = []
    new_codes: list[tuple[str, int]] = []
    new_products: list[tuple[object, ...]] = []
    new_levels: list[tuple[object, ...]] = []
    next_id = (raw.execute("SELECT max(id) FROM products").fetchone()[0] or 0) + 1  # we hold the writer lock
    for remote, pid, values in chunk:
        if remote.category:
            if remote.category not in categories:
                categories[remote.category] = int(raw.execute(
                    "INSERT INTO categories(name) VALUES (?) RETURNING id", (remote.category,)).fetchone()[0])
            values = {**values, "category_id": categories[remote.category]}
        online = remote.stock * 1000 if remote.stock is not None else None
        if pid is None:
            pid, next_id = next_id, next_id + 1
            new_products.append((pid, remote.sku, values["name"], values.get("price_minor", 0), currency,
                                 values.get("tax_rate_id"), values.get("category_id"), int(bool(remote.active)),
                                 remote.remote_id, remote.parent_id, stamp))
            new_levels.append((pid, online, stamp if online is not None else None))
            result.added += 1
        else:
            updates.append({"id": pid, **values})
            if online is not None:
                stock.append((online, stamp, pid))
            if remote.active:
                result.updated += 1
            else:
                result.deactivated += 1
        for code in remote.barcodes:
            if code not in by_code:
                new_codes.append((code, pid))
                by_code[code] = pid
    if new_products:
        execute_many(session,
            "INSERT INTO products(id, sku, name, price_minor, currency, tax_rate_id, category_id, active,"
            " sold_by_weight, remote_id, remote_parent_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
            new_products)
        execute_many(session, "INSERT INTO stock_levels(product_id, on_hand_milli, reserved_milli, online_milli,"
                        " online_seen_at) VALUES (?, 0, 0, ?, ?)", new_levels)
    # Rows with the same set of columns go in one executemany.
    groups: dict[tuple[str, ...], list[tuple[object, ...]]] = {}
    for row in updates:
        keys = tuple(k for k in row if k != "id")
        groups.setdefault(keys, []).append(
            (*(_plain(row[k], stamp) for k in keys), row["id"]))
    for keys, rows in groups.items():
        execute_many(session, f"UPDATE products SET {', '.join(f'{k} = ?' for k in keys)} WHERE id = ?", rows)
    if new_codes:
        execute_many(session, "INSERT INTO barcodes(code, product_id) VALUES (?, ?)", new_codes)
    if stock:
        execute_many(session, "UPDATE stock_levels SET online_milli = ?, online_seen_at = ? WHERE product_id = ?",
                     stock)


def _lookup(raw: Any, select_where: str, values: list[Any]) -> dict[Any, int]:
    """``{key: id}`` for ``<select_where> IN (values)``, a few hundred values at a time."""
    found: dict[Any, int] = {}
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        found.update(raw.execute(f"{select_where} IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return found


def _bind_timestamp(conn: Connection, when: datetime) -> object:
    """``when`` as the ledger stores a ``UTCDateTime`` (the same text the ORM writes)."""
    processor = Product.__table__.c.updated_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return processor(when) if processor else when


def _plain(value: object, stamp: object) -> object:
    """An update value as SQLite takes it (``updated_at`` is the only datetime, ``active`` the only bool)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return stamp
    return value


def newest_modified(products: list[RemoteProduct]) -> datetime | None:
    return max((p.modified_gmt for p in products), default=None)
