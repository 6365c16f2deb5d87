"""Shared helpers for the ledger integration tests (real SQLite files, no mocks of our code).

Not a test module: pytest's default import mode puts this directory on ``sys.path``, so the
tests and ``conftest.py`` import it as ``ledger_support``.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos.config import TillSettings
from pos.domain.cart import Cart
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.chain import verify_audit, verify_sales
from pos.ledger.db import Ledger
from pos.services.auth import AuthService
from pos.services.catalog import CatalogService
from pos.services.dto import UserView
from pos.services.parking import ParkingService
from pos.services.sales import SaleService
from pos.services.till import TillSession

CASHIER_PIN = "1234"  # Ana, seeded by seed_demo
MANAGER_PIN = "9999"  # Marta
LEDGER_TABLES = (
    "sales", "sale_lines", "sale_taxes", "tenders", "stock_movements", "stock_levels", "audit_log", "outbox",
    "receipt_counters", "parked_sales",
)


@dataclass
class Till:
    """Everything a sale screen holds, wired on one ledger the way pos/app.py does."""

    ledger: Ledger
    settings: TillSettings
    catalog: CatalogService
    sales: SaleService
    auth: AuthService
    parking: ParkingService
    cashier: UserView
    session: TillSession


def make_till(ledger: Ledger, settings: TillSettings | None = None, pin: str = CASHIER_PIN) -> Till:
    settings = settings or TillSettings()
    catalog = CatalogService(ledger)
    sales = SaleService(ledger, settings)
    auth = AuthService(ledger)
    parking = ParkingService(ledger)
    cashier = auth.login(pin)
    session = TillSession(ledger, settings, cashier, catalog=catalog, sales=sales, auth=auth, parking=parking)
    return Till(ledger, settings, catalog, sales, auth, parking, cashier, session)


def raw_connect(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection (autocommit) to the ledger file, for tampering and inspection."""
    return sqlite3.connect(path, isolation_level=None, timeout=10)


def copy_db(src: Path, dst: Path) -> None:
    with closing(sqlite3.connect(src)) as source, closing(sqlite3.connect(dst)) as target:
        source.backup(target)


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Full content of every table a sale touches, to prove that a failed sale changed nothing."""
    with closing(raw_connect(path)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in LEDGER_TABLES}


def card_for(cart: Cart) -> list[Tender]:
    return [Tender(TenderKind.CARD, cart.totals().total)]


def cash_for(cart: Cart, extra_minor: int = 0) -> list[Tender]:
    total = cart.totals().total
    return [Tender(TenderKind.CASH, Money(total.minor + extra_minor, total.currency))]


def assert_ledger_consistent(path: Path, series: str = "T01") -> list[str]:
    """Check every invariant of a finished sale on the file; returns the receipt numbers in order.

    No partial sale (lines, taxes, tenders, stock movements, one outbox event and one audit
    entry each), gapless numbering, on-hand == sum of movements, both hash chains and SQLite's
    own integrity and foreign-key checks.
    """
    with closing(raw_connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

        numbers = [n for (n,) in conn.execute("SELECT number FROM sales WHERE series = ? ORDER BY number", (series,))]
        assert numbers == list(range(1, len(numbers) + 1)), "receipt numbers are not gapless 1..N"
        counter = conn.execute("SELECT last_number FROM receipt_counters WHERE series = ?", (series,)).fetchone()
        assert (counter[0] if counter else 0) == len(numbers), "receipt counter out of step with the sales"

        rows = conn.execute(
            """
            SELECT s.receipt_no, s.total_minor, s.rounding_minor, s.change_minor,
                   (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id),
                   (SELECT count(*) FROM sale_taxes t WHERE t.sale_id = s.id),
                   (SELECT coalesce(sum(t.base_minor + t.tax_minor), 0) FROM sale_taxes t WHERE t.sale_id = s.id),
                   (SELECT count(*) FROM tenders t WHERE t.sale_id = s.id),
                   (SELECT coalesce(sum(t.amount_minor), 0) FROM tenders t WHERE t.sale_id = s.id),
                   (SELECT coalesce(sum(l.total_minor), 0) FROM sale_lines l WHERE l.sale_id = s.id),
                   (SELECT count(*) FROM stock_movements m WHERE m.ref_uuid = s.uuid AND m.reason = 'sale'),
                   (SELECT count(*) FROM outbox o WHERE o.aggregate_uuid = s.uuid AND o.event_type = 'sale.completed'),
                   (SELECT count(*) FROM audit_log a
                     WHERE a.action = 'sale.completed' AND json_extract(a.details, '$.sale') = s.uuid)
            FROM sales s WHERE s.kind = 'sale' ORDER BY s.id
            """
        ).fetchall()
        for (receipt, total, rounding, change, n_lines, n_taxes, tax_sum, n_tenders, paid, lines_sum, n_moves,
             n_events, n_audit) in rows:
            assert n_lines >= 1, f"{receipt}: no lines"
            assert lines_sum == total, f"{receipt}: lines do not add up to the total"
            assert n_taxes >= 1 and tax_sum == total, f"{receipt}: tax breakdown missing or wrong"
            assert n_tenders >= 1 and paid == total + rounding + change, f"{receipt}: tenders missing or wrong"
            assert n_moves == n_lines, f"{receipt}: {n_moves} stock movements for {n_lines} lines"
            assert n_events == 1, f"{receipt}: {n_events} sale.completed outbox events"
            assert n_audit == 1, f"{receipt}: {n_audit} sale.completed audit entries"

        sold = Counter({(u, p): q for u, p, q in conn.execute(
            "SELECT s.uuid, l.product_id, sum(l.qty_milli) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
            "WHERE s.kind = 'sale' GROUP BY s.uuid, l.product_id")})
        moved = Counter({(u, p): q for u, p, q in conn.execute(
            "SELECT ref_uuid, product_id, -sum(delta_milli) FROM stock_movements WHERE reason = 'sale' "
            "GROUP BY ref_uuid, product_id")})
        assert sold == moved, "stock movements (ref_uuid = sale uuid) do not match the sale lines"

        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM outbox WHERE event_type = 'sale.completed' "
            "        AND aggregate_uuid NOT IN (SELECT uuid FROM sales)), "
            "       (SELECT count(*) FROM audit_log WHERE action = 'sale.completed' "
            "        AND json_extract(details, '$.sale') NOT IN (SELECT uuid FROM sales))").fetchone()
        assert orphans == (0, 0), "outbox events or audit entries of a sale that does not exist"

        drift = conn.execute(
            "SELECT p.id, coalesce(sl.on_hand_milli, 0), "
            "       coalesce((SELECT sum(m.delta_milli) FROM stock_movements m WHERE m.product_id = p.id), 0) "
            "FROM products p LEFT JOIN stock_levels sl ON sl.product_id = p.id").fetchall()
        assert [r for r in drift if r[1] != r[2]] == [], "stock_levels.on_hand differs from the movements"
        n_all = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
        receipts = [r for (r,) in conn.execute("SELECT receipt_no FROM sales WHERE series = ? ORDER BY number",
                                               (series,))]

    ledger = Ledger(path)
    try:
        with ledger.read() as session:
            sales_report, audit_report = verify_sales(session), verify_audit(session)
        assert sales_report.ok and sales_report.checked == n_all, sales_report
        assert audit_report.ok, audit_report
    finally:
        ledger.close()
    return receipts
