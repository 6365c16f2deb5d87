"""Connection, schema and shared plumbing of the sandbox store (see ``store.py``)."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .money import fold
from .range_counts import RangeCounts

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS seq (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tax_rates (
  id INTEGER PRIMARY KEY, class TEXT UNIQUE NOT NULL, class_name TEXT NOT NULL, percent INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
  consumer_key TEXT PRIMARY KEY, consumer_secret TEXT NOT NULL, permissions TEXT NOT NULL,
  user_id INTEGER NOT NULL, description TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, login TEXT UNIQUE NOT NULL, email TEXT NOT NULL, first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL, app_password TEXT, billing TEXT NOT NULL DEFAULT '{}',
  shipping TEXT NOT NULL DEFAULT '{}', meta TEXT NOT NULL DEFAULT '[]', is_paying INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS users_email ON users(email);
CREATE TABLE IF NOT EXISTS categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS products (
  id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL DEFAULT 0, type TEXT NOT NULL, name TEXT NOT NULL,
  slug TEXT NOT NULL, status TEXT NOT NULL, sku TEXT NOT NULL DEFAULT '', gtin TEXT NOT NULL DEFAULT '',
  regular_price INTEGER, sale_price INTEGER, tax_class TEXT NOT NULL DEFAULT '',
  tax_status TEXT NOT NULL DEFAULT 'taxable', manage_stock INTEGER NOT NULL DEFAULT 0, stock_quantity INTEGER,
  stock_status TEXT NOT NULL DEFAULT 'instock', backorders TEXT NOT NULL DEFAULT 'no',
  description TEXT NOT NULL DEFAULT '', short_description TEXT NOT NULL DEFAULT '',
  attributes TEXT NOT NULL DEFAULT '[]', default_attributes TEXT NOT NULL DEFAULT '[]',
  category_ids TEXT NOT NULL DEFAULT '[]', meta TEXT NOT NULL DEFAULT '[]', total_sales INTEGER NOT NULL DEFAULT 0,
  menu_order INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS products_sku ON products(sku);
CREATE INDEX IF NOT EXISTS products_gtin ON products(gtin);
CREATE INDEX IF NOT EXISTS products_parent ON products(parent_id);
CREATE INDEX IF NOT EXISTS products_modified ON products(modified);
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, parent_id INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
  currency TEXT NOT NULL, customer_id INTEGER NOT NULL DEFAULT 0, billing TEXT NOT NULL DEFAULT '{}',
  shipping TEXT NOT NULL DEFAULT '{}', payment_method TEXT NOT NULL DEFAULT '',
  payment_method_title TEXT NOT NULL DEFAULT '', transaction_id TEXT NOT NULL DEFAULT '',
  created_via TEXT NOT NULL DEFAULT '', customer_note TEXT NOT NULL DEFAULT '', order_key TEXT NOT NULL DEFAULT '',
  stock_reduced INTEGER NOT NULL DEFAULT 0, sales_recorded INTEGER NOT NULL DEFAULT 0,
  meta TEXT NOT NULL DEFAULT '[]', total INTEGER NOT NULL DEFAULT 0, total_tax INTEGER NOT NULL DEFAULT 0,
  cart_tax INTEGER NOT NULL DEFAULT 0, shipping_total INTEGER NOT NULL DEFAULT 0,
  shipping_tax INTEGER NOT NULL DEFAULT 0, amount INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',
  refunded_by INTEGER NOT NULL DEFAULT 0, refunded_payment INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL, modified INTEGER NOT NULL, paid INTEGER, completed INTEGER);
CREATE INDEX IF NOT EXISTS orders_parent ON orders(kind, parent_id);
CREATE TABLE IF NOT EXISTS order_items (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, item_type TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
  product_id INTEGER NOT NULL DEFAULT 0, variation_id INTEGER NOT NULL DEFAULT 0, quantity INTEGER NOT NULL DEFAULT 0,
  tax_class TEXT NOT NULL DEFAULT '', rate_id INTEGER, subtotal INTEGER NOT NULL DEFAULT 0,
  subtotal_tax INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL DEFAULT 0, total_tax INTEGER NOT NULL DEFAULT 0,
  price TEXT NOT NULL DEFAULT '0', sku TEXT, gtin TEXT, parent_name TEXT, method_id TEXT NOT NULL DEFAULT '',
  meta TEXT NOT NULL DEFAULT '[]', tax_status TEXT NOT NULL DEFAULT '', taxes TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS order_items_order ON order_items(order_id);
CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, note TEXT NOT NULL, customer_note INTEGER NOT NULL,
  author TEXT NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS notes_order ON notes(order_id);
CREATE TABLE IF NOT EXISTS wallet_tx (
  id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL, type TEXT NOT NULL, amount INTEGER NOT NULL,
  details TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL, created_by INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS wallet_tx_user ON wallet_tx(user_id);
CREATE TABLE IF NOT EXISTS idempotency (
  user_id INTEGER NOT NULL, key TEXT NOT NULL, tx_id INTEGER NOT NULL, created INTEGER NOT NULL,
  PRIMARY KEY (user_id, key));
"""

JSON_COLUMNS = frozenset({"billing", "shipping", "meta", "attributes", "default_attributes", "category_ids",
                          "taxes"})
# Columns added after the first release: (table, column, definition), added to older files on open.
ADDED_COLUMNS = [
    ("order_items", "tax_status", "TEXT NOT NULL DEFAULT ''"),  # fee lines
    ("order_items", "taxes", "TEXT NOT NULL DEFAULT '[]'"),  # fee lines: [[rate id, cents], ...]
]

# (rate id, tax class slug, class name, percent): the recorded Spanish store (+ super-reduced 4 %).
DEFAULT_TAX_RATES = [
    (1, "standard", "Standard rate", 21),
    (2, "reduced-rate", "Reduced rate", 10),
    (3, "zero-rate", "Zero rate", 0),
    (4, "super-reduced-rate", "Super reduced rate", 4),
]
BILLING_KEYS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "postcode", "country",
                "state", "email", "phone"]
SHIPPING_KEYS = [k for k in BILLING_KEYS if k != "email"]


def address(values: Any, keys: list[str]) -> dict[str, str]:
    """A billing/shipping block with exactly ``keys`` (missing ones as '')."""
    values = values if isinstance(values, dict) else {}
    return {k: str(values.get(k) or "") for k in keys}


def decode_row(row: sqlite3.Row | None) -> dict[str, Any] | None:
    if row is None:
        return None
    out = dict(row)
    for key in JSON_COLUMNS.intersection(out):
        value = out[key]
        out[key] = [] if value == "[]" else json.loads(value)  # most JSON columns hold an empty list
    return out


class StoreBase:
    """Owns the SQLite connection; every public store method runs inside :meth:`tx`."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "sandbox.sqlite3"
        self.clock = clock
        self._lock = threading.RLock()
        self._depth = 0
        self.range_counts = RangeCounts()  # X-WP-Total of modified_after listings (store_catalog)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.create_function("fold", 1, fold, deterministic=True)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA)
        for table, column, definition in ADDED_COLUMNS:
            if column not in {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        with self.tx() as db:
            for name, start in (("post", 10), ("item", 0), ("meta", 0), ("comment", 0), ("user", 1)):
                db.execute("INSERT OR IGNORE INTO seq(name, value) VALUES (?, ?)", (name, start))
            db.executemany("INSERT OR IGNORE INTO tax_rates(id, class, class_name, percent) VALUES (?, ?, ?, ?)",
                           DEFAULT_TAX_RATES)
            db.execute("INSERT OR IGNORE INTO categories(id, name, slug) VALUES (15, 'Uncategorized', 'uncategorized')")
            for k, v in (("currency", "EUR"), ("prices_include_tax", "yes")):
                db.execute("INSERT OR IGNORE INTO settings(k, v) VALUES (?, ?)", (k, v))
            if db.execute("SELECT 1 FROM users WHERE id = 1").fetchone() is None:
                now = self.now()
                db.execute("INSERT INTO users(id, login, email, role, created, modified, first_name)"
                           " VALUES (1, 'admin', 'admin@example.com', 'administrator', ?, ?, '')", (now, now))

    # ------------------------------------------------------------ plumbing

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def now(self) -> int:
        return int(self.clock())

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (re-entrant: nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._db
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")
            finally:
                self._depth = 0

    def next_id(self, name: str) -> int:
        with self.tx() as db:
            row = db.execute("UPDATE seq SET value = value + 1 WHERE name = ? RETURNING value", (name,)).fetchone()
            return int(row[0])

    def set_next_id(self, name: str, value: int) -> None:
        """Make the next id of a sequence ``value`` (tests pin ids to the recorded ones).

        Sequences: ``post`` (products, variations, orders, refunds), ``item`` (order items),
        ``comment`` (order notes), ``meta``, ``user``.
        """
        with self.tx() as db:
            db.execute("UPDATE seq SET value = ? WHERE name = ?", (value - 1, name))

    def new_meta(self, key: str, value: Any, **extra: Any) -> dict[str, Any]:
        return {"id": self.next_id("meta"), "key": key, "value": value, **extra}

    def merge_meta(self, current: list[dict[str, Any]], updates: list[Any],
                   drop_protected: bool = False) -> list[dict[str, Any]]:
        """WooCommerce meta_data semantics: by ``id`` update, else replace the key's value or add."""
        meta = [dict(m) for m in current]
        for item in updates:
            if not isinstance(item, dict) or "key" not in item:
                continue
            key = str(item["key"])
            if drop_protected and key.startswith("_"):
                continue
            value = item.get("value")
            target = next((m for m in meta if item.get("id") and m["id"] == item["id"]), None)
            target = target or next((m for m in meta if m["key"] == key), None)
            if target is not None:
                target["key"], target["value"] = key, value
            else:
                meta.append(self.new_meta(key, value))
        return meta

    def credit_order_cashback(self, order_id: int) -> dict[str, Any] | None:
        """Overridden by the wallet (``store_wallet``): the store's own cashback rule."""
        return None

    def setting(self, key: str) -> str:
        with self.tx() as db:
            row = db.execute("SELECT v FROM settings WHERE k = ?", (key,)).fetchone()
            return str(row[0]) if row else ""

    def set_setting(self, key: str, value: str) -> None:
        with self.tx() as db:
            db.execute("INSERT OR REPLACE INTO settings(k, v) VALUES (?, ?)", (key, value))

    def tax_rates(self) -> list[dict[str, Any]]:
        with self.tx() as db:
            return [dict(r) for r in db.execute("SELECT * FROM tax_rates ORDER BY id")]

    def tax_rate_for_class(self, tax_class: str) -> dict[str, Any] | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM tax_rates WHERE class = ?", (tax_class or "standard",)).fetchone()
            return dict(row) if row else None

    def tax_rate(self, rate_id: int) -> dict[str, Any] | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM tax_rates WHERE id = ?", (rate_id,)).fetchone()
            return dict(row) if row else None

    def get_user(self, user_id: int) -> dict[str, Any] | None:
        with self.tx() as db:
            return decode_row(db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone())
