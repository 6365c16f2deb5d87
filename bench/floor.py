"""The floor: each measured operation done with raw ``sqlite3`` on the same file, no ORM, no Qt.

What the app spends above these figures is its own overhead (SQLAlchemy, domain objects, Qt);
what is below them can only be won by changing the schema, the query or the hardware.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pos.domain.barcode import clean_scan
from pos.services.catalog import fts_query

# The same columns, joins and filter as CatalogService's base query.
_BASE = (
    "SELECT p.id, p.sku, p.name, p.price_minor, p.currency, p.category_id, t.code, t.percent, s.on_hand_milli "
    "FROM products p JOIN tax_rates t ON t.id = p.tax_rate_id "
    "LEFT JOIN stock_levels s ON s.product_id = p.id "
)
SCAN_SQL = _BASE + "JOIN barcodes b ON b.product_id = p.id WHERE p.active = 1 AND b.code = ?"


def connect(path: Path, synchronous: str = "FULL", *, autocheckpoint: bool = True) -> sqlite3.Connection:
    """Autocommit connection with the ledger's pragmas (WAL, FK, FULL sync, busy timeout).
    ``autocheckpoint=False`` as the ledger's write connections have it (pos/ledger/checkpointer.py)."""
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(f"PRAGMA synchronous={synchronous}")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA busy_timeout=5000")
    if not autocheckpoint:
        con.execute("PRAGMA wal_autocheckpoint=0")
    return con


def scan(con: sqlite3.Connection, code: str) -> tuple[object, ...]:
    row = con.execute(SCAN_SQL, (code,)).fetchone()
    if row is None:
        raise LookupError(code)
    return tuple(row)


def search(con: sqlite3.Connection, typed: str, limit: int = 30) -> list[tuple[object, ...]]:
    """Barcode prefix range for digits, FTS5 MATCH with the app's query text, then fetch the rows."""
    typed = clean_scan(typed)[:64]
    ids: list[int] = []
    if typed.isdigit() and len(typed) >= 3:
        upper = typed[:-1] + chr(ord(typed[-1]) + 1)
        ids += [r[0] for r in con.execute(
            "SELECT product_id FROM barcodes WHERE code >= ? AND code < ? LIMIT ?", (typed, upper, limit))]
    query = fts_query(typed)
    if query and len(ids) < limit:
        ids += [r[0] for r in con.execute(
            "SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ?", (query, limit))]
    ids = list(dict.fromkeys(ids))[:limit]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r[0]: tuple(r) for r in con.execute(_BASE + f"WHERE p.active = 1 AND p.id IN ({marks})", ids)}
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class FloorLine:
    product_id: int
    sku: str
    name: str
    qty: int
    unit_price_minor: int
    tax_code: str
    tax_percent: str


def _tax(total: int, percent: str) -> int:
    rate = float(percent)
    return round(total - total / (1 + rate / 100))


def commit_sale(con: sqlite3.Connection, lines: list[FloorLine], cashier_id: int, series: str = "F01") -> str:
    """The same row set SaleService.complete writes, in one BEGIN IMMEDIATE … COMMIT (synchronous as opened)."""
    sale_uuid = str(uuid.uuid4())
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    totals = [ln.qty * ln.unit_price_minor for ln in lines]
    total = sum(totals)
    by_tax: dict[tuple[str, str], int] = {}
    for ln, amount in zip(lines, totals, strict=True):
        by_tax[(ln.tax_code, ln.tax_percent)] = by_tax.get((ln.tax_code, ln.tax_percent), 0) + amount
    paid = -(-total // 500) * 500
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("INSERT INTO receipt_counters (series, last_number) VALUES (?, 1) "
                    "ON CONFLICT(series) DO UPDATE SET last_number = last_number + 1", (series,))
        number = con.execute("SELECT last_number FROM receipt_counters WHERE series = ?", (series,)).fetchone()[0]
        prev = (con.execute("SELECT hash FROM sales ORDER BY id DESC LIMIT 1").fetchone() or ("0" * 64,))[0]
        receipt_no = f"{series}-{number:06d}"
        content = json.dumps({"uuid": sale_uuid, "receipt_no": receipt_no, "total": total,
                              "lines": [[ln.product_id, ln.sku, ln.name, ln.qty, ln.unit_price_minor] for ln in lines]},
                             sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        sale_hash = hashlib.sha256((prev + content).encode()).hexdigest()
        sale_id = con.execute(
            "INSERT INTO sales (uuid, kind, store_id, till_id, series, number, receipt_no, cashier_id, customer_id, "
            "original_sale_id, currency, subtotal_minor, discount_minor, total_minor, rounding_minor, change_minor, "
            "created_at, prev_hash, hash) VALUES (?, 'sale', 'S01', ?, ?, ?, ?, ?, NULL, NULL, 'EUR', ?, 0, ?, 0, ?, "
            "?, ?, ?)",
            (sale_uuid, series, series, number, receipt_no, cashier_id, total, total, paid - total, now, prev,
             sale_hash)).lastrowid
        for ln in lines:
            con.execute("INSERT INTO stock_movements (uuid, product_id, delta_milli, reason, ref_uuid, user_id, "
                        "created_at) VALUES (?, ?, ?, 'sale', ?, ?, ?)",
                        (str(uuid.uuid4()), ln.product_id, -ln.qty * 1000, sale_uuid, cashier_id, now))
        for no, (ln, amount) in enumerate(zip(lines, totals, strict=True), start=1):
            con.execute("INSERT INTO sale_lines (sale_id, line_no, product_id, sku, name, qty_milli, unit_price_minor, "
                        "discount_minor, total_minor, tax_code, tax_percent, original_line_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL)",
                        (sale_id, no, ln.product_id, ln.sku, ln.name, ln.qty * 1000, ln.unit_price_minor, amount,
                         ln.tax_code, ln.tax_percent))
        for (code, percent), amount in by_tax.items():
            tax = _tax(amount, percent)
            con.execute("INSERT INTO sale_taxes (sale_id, tax_code, tax_percent, base_minor, tax_minor) "
                        "VALUES (?, ?, ?, ?, ?)", (sale_id, code, percent, amount - tax, tax))
        con.execute("INSERT INTO tenders (sale_id, kind, amount_minor, reference) VALUES (?, 'cash', ?, NULL)",
                    (sale_id, paid))
        for ln in lines:
            con.execute("UPDATE stock_levels SET on_hand_milli = on_hand_milli + ? WHERE product_id = ?",
                        (-ln.qty * 1000, ln.product_id))
        prev_audit = (con.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone() or ("0" * 64,))[0]
        details = json.dumps({"sale": sale_uuid, "receipt": receipt_no, "total": total})
        con.execute("INSERT INTO audit_log (at, user_id, approved_by, action, details, prev_hash, hash) "
                    "VALUES (?, ?, NULL, 'sale.completed', ?, ?, ?)",
                    (now, cashier_id, details, prev_audit, hashlib.sha256((prev_audit + details).encode()).hexdigest()))
        marks = ",".join("?" * len(lines))
        remote = {r[0]: r[1:] for r in con.execute(
            f"SELECT id, remote_id, remote_parent_id FROM products WHERE id IN ({marks})",
            [ln.product_id for ln in lines])}
        payload = json.dumps({"sale_uuid": sale_uuid, "receipt_no": receipt_no, "total_minor": total,
                              "lines": [{"product_id": ln.product_id, "remote_id": remote[ln.product_id][0],
                                         "sku": ln.sku, "name": ln.name, "qty_milli": ln.qty * 1000} for ln in lines]})
        con.execute("INSERT INTO outbox (uuid, event_type, aggregate_type, aggregate_uuid, payload, status, attempts, "
                    "created_at) VALUES (?, 'sale.completed', 'sale', ?, ?, 'pending', 0, ?)",
                    (str(uuid.uuid4()), sale_uuid, payload, now))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return receipt_no


STARTUP_SNIPPET = (
    "import sqlite3, sys\n"
    "con = sqlite3.connect(sys.argv[1])\n"
    "con.execute('PRAGMA journal_mode=WAL')\n"
    f"row = con.execute({SCAN_SQL!r}, (sys.argv[2],)).fetchone()\n"
    "assert row is not None\n"
)
