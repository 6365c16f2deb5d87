"""In-process measurements through the app's own code: scan → line on screen, search, sale commit.

Each measurement is followed by its raw-sqlite3 floor on the same file (bench.floor).
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bench import floor
from bench.report import FLOOR_SUFFIX, Result, median, percentile
from pos.domain.cart import Cart
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.db import DB_FILENAME
from pos.services.catalog import to_ref

if TYPE_CHECKING:
    from pos.app import Services
    from pos.ui.main_window import MainWindow

LINES_PER_TICKET = 20
CASHIER_PIN = "1234"  # Ana, from pos.services.seed.DEMO_USERS (loaded into the bench ledger by ensure_users)

# Fixed phrases a cashier types, besides prefixes of real names drawn from the catalogue.
TYPED_PHRASES = ["leche", "aceite ol", "aceite de oliva virgen", "pan integral", "vino tinto crianza",
                 "jamon iberico", "limon", "cerveza pack 12", "papel higienico", "champu"]


@dataclass(frozen=True)
class Samples:
    counts: int
    app_ms: list[float]
    floor_ms: list[float]


def _ms(start_ns: int) -> float:
    return (time.perf_counter_ns() - start_ns) / 1e6


def pick_products(db: Path, n_products: int, k: int, rng: random.Random) -> list[tuple[int, str, str]]:
    """``k`` random existing products as (id, barcode, name), read from the file itself."""
    con = sqlite3.connect(db)
    try:
        ids = rng.sample(range(1, n_products + 1), k)
        marks = ",".join("?" * len(ids))
        rows = {r[0]: (r[0], r[1], r[2]) for r in con.execute(
            "SELECT p.id, b.code, p.name FROM products p JOIN barcodes b ON b.product_id = p.id "
            f"WHERE p.id IN ({marks})", ids)}
    finally:
        con.close()
    picked = [rows[i] for i in ids if i in rows]
    if len(picked) != k:
        raise RuntimeError(f"bench ledger is missing products: wanted {k}, found {len(picked)}")
    return picked


# --- scan → line on screen -------------------------------------------------------------------
def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every window resize; everything else still reaches stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    qInstallMessageHandler(handler)


def open_window(services: Services) -> MainWindow:
    """The real main window, offscreen, logged in as the cashier, as ``run_ui`` builds it."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from pos.formatting import Formatter, resolve_locale
    from pos.ui.app import build_window, install_scanners, install_translators
    from pos.ui.theme import load_fonts

    app = QApplication.instance() or QApplication(["mostrador-bench"])
    assert isinstance(app, QApplication)
    _quiet_offscreen_warnings()
    load_fonts(app)
    install_translators(app, "es")
    if services.shifts.current() is None:  # a till sells only inside an open cash shift
        services.shifts.open(services.auth.login(CASHIER_PIN), {})
    window = build_window(services, Formatter(resolve_locale(services.settings.till.locale, "es")), "es")
    install_scanners(app, window, services)  # the keyboard-wedge filter the app always has
    window.show()
    app.processEvents()
    window.login_view.pin_input.setText(CASHIER_PIN)
    window.login_view.submit()
    app.processEvents()
    if window.stack.currentWidget() is not window.sale_view or window.sale_view.till is None:
        raise RuntimeError(f"login failed: {window.login_view.error.text()}")
    return window


def bench_scan(services: Services, window: MainWindow, picks: list[tuple[int, str, str]], warmup: int,
               ) -> Samples:
    """Type the code into ``scanInput`` (untimed, a scanner's keystrokes), then time Enter → cart model
    updated → ``processEvents()`` done (layout and paint of the table). A ticket is paid every 20 lines."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = window.sale_view
    till = view.till
    assert till is not None
    app_ms: list[float] = []
    lines = 0
    for n, (product_id, code, _name) in enumerate(picks):
        if lines == LINES_PER_TICKET:
            total = till.cart.totals().total
            receipt = till.pay([Tender(TenderKind.CASH, Money(-(-total.minor // 500) * 500, total.currency))])
            view.show_receipt(receipt)  # the change panel; the next scan brings the cart back
            app.processEvents()
            lines = 0
        view.scan_input.setText(code)
        start = time.perf_counter_ns()
        QTest.keyClick(view.scan_input, Qt.Key.Key_Return)
        app.processEvents()
        elapsed = _ms(start)
        lines += 1
        rows = view.table.selectionModel().selectedRows()
        shown = view.model.line_at(rows[0].row()) if rows else None
        if shown is None or shown.product_id != product_id or view.message.isVisible():
            raise RuntimeError(f"scan of {code} did not show product {product_id}: {view.message.text()}")
        if n >= warmup:
            app_ms.append(elapsed)

    con = floor.connect(services.ledger.path)
    try:
        floor_ms: list[float] = []
        for n, (_pid, code, _name) in enumerate(picks):
            start = time.perf_counter_ns()
            floor.scan(con, code)
            if n >= warmup:
                floor_ms.append(_ms(start))
    finally:
        con.close()
    return Samples(len(app_ms), app_ms, floor_ms)


# --- search-as-you-type ----------------------------------------------------------------------
def typed_queries(picks: list[tuple[int, str, str]]) -> list[str]:
    """Every prefix a cashier's keystrokes produce: ``l, le, lec, lech, leche``; digits too."""
    queries: list[str] = []
    names = TYPED_PHRASES + [name.lower() for _pid, _code, name in picks]
    for phrase in names:
        phrase = " ".join(phrase.split()[:3])
        queries += [phrase[:i] for i in range(1, len(phrase) + 1) if not phrase[:i].endswith(" ")]
    for _pid, code, _name in picks[:6]:
        queries += [code[:i] for i in range(1, len(code) + 1)]
    queries += ["b0", "b00", "b000", "b0001", "b00012", "b000123"]  # SKU prefixes
    return queries


def bench_search(services: Services, queries: list[str], warmup: list[str]) -> tuple[Samples, int]:
    """CatalogService.search for each typed prefix, once each (as keystrokes arrive), after a warm-up."""
    catalog = services.catalog
    for q in warmup:
        catalog.search(q)
    app_ms: list[float] = []
    empty = 0
    for q in queries:
        start = time.perf_counter_ns()
        found = catalog.search(q)
        app_ms.append(_ms(start))
        empty += not found
    con = floor.connect(services.ledger.path)
    try:
        for q in warmup:
            floor.search(con, q)
        floor_ms = []
        for q in queries:
            start = time.perf_counter_ns()
            floor.search(con, q)
            floor_ms.append(_ms(start))
    finally:
        con.close()
    return Samples(len(app_ms), app_ms, floor_ms), empty


# --- sale commit ---------------------------------------------------------------------------------
def bench_commit(services: Services, picks: list[tuple[int, str, str]], sales: int, warmup: int,
                 rng: random.Random) -> Samples:
    """SaleService.complete of 3–5 line carts paid in cash (synchronous=FULL, as the app opens the ledger)."""
    cashier = services.auth.login(CASHIER_PIN)
    views = [services.catalog.get(pid) for pid, _code, _name in picks]
    carts: list[tuple[Cart, list[floor.FloorLine]]] = []
    for _ in range(sales + warmup):
        cart = Cart(services.settings.till.currency)
        floor_lines = []
        for view in rng.sample(views, rng.randint(3, 5)):
            qty = rng.choice((1, 1, 1, 2, 3))
            cart = cart.add(to_ref(view), qty)
            floor_lines.append(floor.FloorLine(view.product_id, view.sku, view.name, qty, view.price.minor,
                                               view.tax_rate.code, str(view.tax_rate.percent)))
        carts.append((cart, floor_lines))

    app_ms: list[float] = []
    for n, (cart, _lines) in enumerate(carts):
        total = cart.totals().total
        tenders = [Tender(TenderKind.CASH, Money(-(-total.minor // 500) * 500, total.currency))]
        start = time.perf_counter_ns()
        services.sales.complete(cart, tenders, cashier)
        if n >= warmup:
            app_ms.append(_ms(start))

    # Like the ledger's write connections: no checkpoint inside a commit (the app checkpoints on its own
    # thread), so the floor is the same work, not the same work plus SQLite's checkpoints.
    con = floor.connect(services.ledger.path, synchronous="FULL", autocheckpoint=False)
    try:
        floor_ms = []
        for n, (_cart, lines) in enumerate(carts):
            start = time.perf_counter_ns()
            floor.commit_sale(con, lines, cashier.user_id)
            if n >= warmup:
                floor_ms.append(_ms(start))
        con.execute("PRAGMA wal_checkpoint(PASSIVE)")  # untimed: what the app's checkpointer would do
    finally:
        con.close()
    return Samples(len(app_ms), app_ms, floor_ms)


def run_in_process(data_dir: Path, n_products: int, *, scans: int, searches_from: int, sales: int,
                   rng: random.Random, say: Callable[[str], None]) -> list[Result]:
    from pos.app import prepare
    from pos.runtime_tuning import settle_heap

    db = data_dir / DB_FILENAME
    warm_scans, warm_sales = 20, 10
    picks = pick_products(db, n_products, scans + warm_scans + searches_from + 6, rng)
    scan_picks = picks[: scans + warm_scans]
    search_picks = picks[scans + warm_scans:]

    services = prepare(data_dir, demo=False)
    results: list[Result] = []
    try:
        say(f"scan → line on screen: {scans} scans (+{warm_scans} warm-up) through the offscreen MainWindow…")
        settle_heap()  # as pos.app.main does before it builds the window
        window = open_window(services)
        s = bench_scan(services, window, scan_picks, warm_scans)
        window.close()
        results += [
            Result("scan_to_line_p99", percentile(s.app_ms, 99), "ms", 10.0,
                   note=f"median {median(s.app_ms):.2f} ms (floor {median(s.floor_ms):.2f}), n={s.counts}"),
            Result("scan_to_line_p99" + FLOOR_SUFFIX, percentile(s.floor_ms, 99), "ms", None),
        ]

        queries = typed_queries(search_picks)
        say(f"search-as-you-type: {len(queries)} typed prefixes…")
        s, empty = bench_search(services, queries, ["warm", "agua", "8412", "zumo de"])
        results += [
            Result("search_as_you_type_p95", percentile(s.app_ms, 95), "ms", 50.0,
                   note=f"median {median(s.app_ms):.2f} ms (floor {median(s.floor_ms):.2f}), "
                        f"max {max(s.app_ms):.1f} ms, n={s.counts}, {empty} with no hit"),
            Result("search_as_you_type_p95" + FLOOR_SUFFIX, percentile(s.floor_ms, 95), "ms", None),
        ]

        say(f"sale commit: {sales} sales (+{warm_sales} warm-up) of 3–5 lines, cash, synchronous=FULL…")
        s = bench_commit(services, scan_picks, sales, warm_sales, rng)
        results += [
            Result("sale_commit_p99", percentile(s.app_ms, 99), "ms", 15.0,
                   note=f"median {median(s.app_ms):.2f} ms (floor {median(s.floor_ms):.2f}), n={s.counts}"),
            Result("sale_commit_p99" + FLOOR_SUFFIX, percentile(s.floor_ms, 99), "ms", None),
        ]
    finally:
        services.close()
    return results


def first_code(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("SELECT code FROM barcodes ORDER BY product_id DESC LIMIT 1").fetchone()[0])
    finally:
        con.close()

