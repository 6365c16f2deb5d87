"""Sync figures: the first catalogue pull, draining an outbox backlog, and the till's GUI thread
while the sync engine works.

The store is the sandbox (``python -m sync.sandbox``) in **its own process**, spoken to over real
HTTP on 127.0.0.1 by the app's own ``WooCommerceConnector`` and ``SyncEngine``: a real online store
is another machine, so its CPU must not compete with the till for this process's GIL. Each figure
has a floor beside it: for the pull and the push, the very HTTP requests the engine made, replayed
with a plain ``requests.Session`` (JSON decoded, nothing else); for the GUI figures, the same
scanning and selling with sync switched off. See docs/BENCHMARKS.md.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import requests

from bench.report import Result, median, percentile
from bench.scratch import scratch_dir

if TYPE_CHECKING:
    from pos.app import Services
    from pos.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[1]
PYCACHE = REPO / "build" / "bench-cache" / "pycache"
# Bump when the way the cached stores / backlog are built changes: old caches are then ignored.
SYNC_CACHE_VERSION = "bench-sync-v1"
KEY, SECRET = "ck_demo", "cs_demo"  # sync.sandbox.seed's demo API key (read_write)
CASHIER_PIN = "1234"
PRODUCTS_PER_SECOND = 20  # bulk products' modification times: as a CSV import leaves them
LINES_PER_TICKET = 5  # in the GUI phases: a payment every 5 scans
SCAN_EVERY_MS = 200
WARMUP_SALES = 10  # per till process, before its first phase, not timed
HEARTBEAT_MS = 5
FLAP_EVERY_S = 1.5
STALL_MS = 20  # a heartbeat this late counts as a stall when sorting out its causes
GAP_LOG_MS = 30  # gaps longer than this are logged one by one (gaps.log in the scratch directory)
SAMPLE_EVERY_MS = 5
BASELINE = "no sync"
FLOOR_SAMPLE = 5  # the HTTP floors replay 1 request in 5 of long runs (and scale the time)

Say = Callable[[str], None]


@dataclass(frozen=True)
class SyncProfile:
    pull_products: int  # products in the store for the initial pull (demo catalogue included)
    backlog_sales: int  # completed sales waiting in the outbox
    window_s: float  # length of each GUI phase
    burst_sales: int  # sales committed back to back after each GUI phase, sync still busy
    pull_deadline_s: float  # the initial pull is stopped there and its time projected (a safety net)


FULL_SYNC = SyncProfile(pull_products=100_000, backlog_sales=10_000, window_s=12.0, burst_sales=60,
                        pull_deadline_s=900.0)
QUICK_SYNC = SyncProfile(pull_products=5_000, backlog_sales=500, window_s=4.0, burst_sales=15,
                         pull_deadline_s=120.0)


# --- plumbing -----------------------------------------------------------------------------------
class StoreProcess:
    """``python -m sync.sandbox`` on a free port, in its own process; ``faults()`` flips its switches
    through the loopback admin endpoint."""

    def __init__(self, data_dir: Path, log: Path, *, niced: bool = False) -> None:
        self._log_path = log
        self._log = log.open("wb")
        env = {**os.environ, "PYTHONPYCACHEPREFIX": str(PYCACHE)}
        # niced (the GUI phases): a real store is another machine, so on this one it gets the CPU only when the
        # till's threads do not want it. Not for the pull and push figures, which measure the store's work too.
        self.proc = subprocess.Popen([sys.executable, "-m", "sync.sandbox", "--port", "0", "--data", str(data_dir)],
                                     cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=self._log,
                                     preexec_fn=_lower_priority if niced and sys.platform == "linux" else None)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().decode().strip()  # "sandbox listening on http://127.0.0.1:PORT"
        if not line.startswith("sandbox listening on "):
            self.stop()
            raise RuntimeError(f"sandbox store did not start ({line!r}); see {log}")
        self.url = line.rsplit(" ", 1)[1]
        self._admin = requests.Session()

    def faults(self, **values: object) -> None:
        self._admin.post(f"{self.url}/__sandbox/faults", json=values, timeout=10).raise_for_status()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self._log.close()
        with contextlib.suppress(AttributeError):
            self._admin.close()

    def __enter__(self) -> StoreProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


STORE_NICENESS = 10


def _lower_priority() -> None:
    # SCHED_IDLE: the store runs only on a CPU nobody else wants, and a waking till thread takes it back at
    # once. Plain niceness still let the store hold a CPU for a few ms while a sale's thread waited.
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        try:
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
        except OSError:
            pass
    os.nice(STORE_NICENESS)


class WarningLog(logging.Handler):
    """Keeps the warnings the engine and connector log (printed nowhere; some are counted in notes)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


WARNINGS = WarningLog()


class Probe:
    """Where the time goes: wraps functions on modules or objects for the duration, summing wall time
    per label; ``record`` also keeps each call's arguments (to replay the HTTP requests)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.recorded: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self._undo: list[tuple[object, str, object, bool]] = []

    def watch(self, owner: object, name: str, label: str | None = None, *, record: bool = False) -> None:
        original = getattr(owner, name)
        own = name in getattr(owner, "__dict__", {})
        label = label or name

        def timed(*args: Any, **kwargs: Any) -> Any:
            if record:
                self.recorded.append((args, kwargs))
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - start
                self.calls[label] += 1

        setattr(owner, name, timed)
        self._undo.append((owner, name, original, own))

    def close(self) -> None:
        for owner, name, original, own in reversed(self._undo):
            if own:
                setattr(owner, name, original)
            else:
                delattr(owner, name)
        self._undo.clear()


def replay(url_of: Callable[[str], str], recorded: list[tuple[tuple[Any, ...], dict[str, Any]]],
           every: int = 1) -> float:
    """The floor: the same requests (``WooClient.request`` calls) with a plain session and Basic auth,
    each answer's JSON decoded. With ``every=k`` only every k-th request is replayed (evenly over the
    run, so key-paged listings are sampled from start to end) and the time is scaled by k.
    Returns seconds."""
    sample = recorded[every // 2::every] if every > 1 else recorded
    with requests.Session() as session:
        session.auth = (KEY, SECRET)
        start = time.perf_counter()
        for (method, path), kw in sample:
            resp = session.request(method, url_of(path), params=kw.get("params"), json=kw.get("json_body"),
                                   headers=dict(kw.get("headers") or {}), timeout=60)
            resp.raise_for_status()
            resp.json()
        elapsed = time.perf_counter() - start
    return elapsed * len(recorded) / max(len(sample), 1)


@contextlib.contextmanager
def _elsewhere(scratch: Path) -> Iterator[Path]:
    """Where the GUI phases keep the store's files: a real store is another machine, whose disk writes
    never queue with the till's fsyncs (on one ext4 file system a sale's fsync also waits for the journal
    to take the store's writes). On Linux, a folder in /dev/shm (memory), removed afterwards; else scratch."""
    shm = Path("/dev/shm")
    if not (sys.platform == "linux" and shm.is_dir() and os.access(shm, os.W_OK)):
        yield scratch
        return
    folder = Path(tempfile.mkdtemp(prefix="mostrador-bench-store-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_dir(source: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for item in source.iterdir():
        if item.is_file() and item.name != "READY":
            shutil.copyfile(item, target / item.name)
    return target


def _checkpoint(db: Path) -> None:
    """Leave one self-contained file (no -wal/-shm) behind."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def _count(db: Path, sql: str, args: tuple[object, ...] = ()) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute(sql, args).fetchone()[0])
    finally:
        con.close()


def _cached(cache_root: Path, key: str, build: Callable[[Path], None], say: Say,
            what: str) -> tuple[Path, float | None]:
    final = cache_root / key
    if (final / "READY").exists():
        return final, None
    partial = cache_root / f"{key}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    say(f"building {what} into {final.relative_to(REPO) if final.is_relative_to(REPO) else final} "
        "(once; later runs reuse it)…")
    started = time.perf_counter()
    build(partial)
    elapsed = time.perf_counter() - started
    (partial / "READY").write_text(f"{key}\nbuilt in {elapsed:.1f} s\n", encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return final, elapsed


# --- the cached store and backlog ---------------------------------------------------------------------
def cached_pull_store(cache_root: Path, n: int, say: Say) -> tuple[Path, float | None]:
    """A sandbox store of exactly ``n`` simple products: the demo shop (its ~1,000 products, customers
    and orders, as ``--seed demo`` makes it) plus bench-catalogue products bulk-inserted into its SQLite."""

    def build(target: Path) -> None:
        from bench.catalogue import generate
        from sync.sandbox.seed import TAX_CLASS_BY_PERCENT, seed_demo
        from sync.sandbox.store import SandboxStore

        store = SandboxStore(target / "store")
        try:
            seed_demo(store)
            have = _count(store.path, "SELECT count(*) FROM products WHERE type = 'simple'")
            if n < have:
                raise ValueError(f"the pull store needs at least the demo catalogue ({have} products)")
            categories: dict[str, int] = {}
            base = store.now() - 200 * 86400
            rows = []
            for i, p in enumerate(generate(n - have)):
                if p.category not in categories:
                    categories[p.category] = store.ensure_category(p.category)
                when = base + i // PRODUCTS_PER_SECOND
                rows.append({"name": p.name, "sku": p.sku, "gtin": p.ean13, "regular_price": p.price_minor,
                             "tax_class": TAX_CLASS_BY_PERCENT.get(p.tax_percent, ""), "stock_quantity": p.stock,
                             "category_ids": [categories[p.category]], "created": when, "modified": when})
            store.bulk_create_simple_products(rows)
        finally:
            store.close()
        _checkpoint(target / "store" / "sandbox.sqlite3")

    return _cached(cache_root, f"{SYNC_CACHE_VERSION}-store-{n}", build, say, f"a {n:,}-product sandbox store")


def _cart(rng: random.Random, refs: list[Any], currency: str, lines: tuple[int, int]) -> Any:
    from pos.domain.cart import Cart

    cart = Cart(currency)
    for ref in rng.sample(refs, rng.randint(*lines)):
        cart = cart.add(ref, rng.choice((1, 1, 1, 2, 3)))
    return cart


def _cash(cart: Any) -> list[Any]:
    from pos.domain.money import Money
    from pos.domain.payment import Tender, TenderKind

    total = cart.totals().total
    return [Tender(TenderKind.CASH, Money(-(-total.minor // 500) * 500, total.currency))]


def cached_backlog(cache_root: Path, sales: int, say: Say) -> tuple[Path, float | None]:
    """``till/``: a demo-catalogue till ledger linked to the demo store (one pull) holding ``sales``
    completed sales (``SaleService.complete``, 1–5 lines, cash) in its outbox; ``store/``: that demo
    store as it was after the pull (no till orders yet)."""
    from pos.ledger.db import head_revision

    def build(target: Path) -> None:
        from pos.config import TillSettings
        from pos.ledger.db import DB_FILENAME, Ledger
        from pos.services.auth import AuthService
        from pos.services.catalog import CatalogService, to_ref
        from pos.services.sales import SaleService
        from pos.services.seed import seed_demo
        from sync.engine import SyncEngine
        from sync.sandbox import SandboxServer
        from sync.woocommerce import WooCommerceConnector

        server = SandboxServer(target / "store", seed="demo").start()
        ledger = Ledger(target / "till" / DB_FILENAME, synchronous="NORMAL")  # durability is not needed here
        try:
            seed_demo(ledger)
            connector = WooCommerceConnector(server.url, KEY, SECRET)
            if not SyncEngine(ledger, connector, currency="EUR").run_once():
                raise RuntimeError("could not link the demo till to the demo store")
            connector.close()
            catalog = CatalogService(ledger)
            with ledger.read() as session:
                from sqlalchemy import select

                from pos.ledger.models import Product
                ids = list(session.scalars(select(Product.id).where(Product.remote_id.is_not(None))))
            refs = [to_ref(catalog.get(pid)) for pid in ids]
            cashier = AuthService(ledger).login(CASHIER_PIN)
            service = SaleService(ledger, TillSettings())
            rng = random.Random(7)
            for i in range(sales):
                cart = _cart(rng, refs, "EUR", (1, 5))
                service.complete(cart, _cash(cart), cashier)
                if (i + 1) % max(sales // 5, 1) == 0:
                    say(f"  … {i + 1:,} / {sales:,} sales")
        finally:
            ledger.close()
            server.stop()
        _checkpoint(target / "till" / DB_FILENAME)
        _checkpoint(target / "store" / "sandbox.sqlite3")

    key = f"{SYNC_CACHE_VERSION}-backlog-{sales}-schema{head_revision()}"
    return _cached(cache_root, key, build, say, f"a till with {sales:,} sales in its outbox")


# --- 1. initial pull ------------------------------------------------------------------------------------
def bench_pull(store_cache: Path, n: int, scratch: Path, say: Say, deadline_s: float) -> list[Result]:
    from pos.ledger.db import DB_FILENAME, Ledger
    from pos.services.seed import ensure_tax_rates, ensure_users
    from sync import catalog_store
    from sync.engine import SyncEngine
    from sync.woocommerce import WooCommerceConnector

    store_dir = _copy_dir(store_cache / "store", scratch / "pull-store")
    ledger = Ledger(scratch / "pull-till" / DB_FILENAME)
    engine_ledger: Ledger | None = None
    probe = Probe()
    try:
        ensure_tax_rates(ledger)
        ensure_users(ledger)
        with StoreProcess(store_dir, scratch / "pull-store.log") as store:
            connector = WooCommerceConnector(store.url, KEY, SECRET)
            engine_ledger = ledger.background()  # as pos.sync_runtime gives the engine
            engine = SyncEngine(engine_ledger, connector, currency="EUR")
            probe.watch(catalog_store, "apply_products")
            probe.watch(connector.client, "request", "http", record=True)
            say(f"initial pull: {n:,} products from the store into an empty till…")
            watchdog = threading.Timer(deadline_s, engine.stop)  # the engine stops between two pages
            watchdog.start()
            start = time.perf_counter()
            passes = 0
            try:
                while not engine.run_once():
                    passes += 1
                    if passes >= 5:
                        raise RuntimeError(f"initial pull failed 5 times: {engine.status.last_error}")
            finally:
                watchdog.cancel()
            measured = time.perf_counter() - start
            probe.close()
            connector.close()
            pulled = _count(ledger.path, "SELECT count(*) FROM products WHERE remote_id IS NOT NULL")
            stopped, scale = "", 1.0
            if pulled < n and measured >= deadline_s:
                stopped = f"STOPPED at {deadline_s:.0f} s with {pulled:,} products, times projected; "
                scale = n / max(pulled, 1)
            elif pulled != n:
                raise RuntimeError(f"initial pull: the till has {pulled:,} linked products, the store {n:,}")
            requests_made = probe.calls["http"]
            every = FLOOR_SAMPLE if requests_made >= 20 * FLOOR_SAMPLE else 1
            say(f"  pulled in {measured:.1f} s; floor: replaying {'1 in ' + str(every) + ' of ' if every > 1 else ''}"
                f"its {requests_made} GET requests…")
            floor_s = replay(connector.client.url, probe.recorded, every) * scale
    finally:
        probe.close()
        if engine_ledger is not None:
            engine_ledger.close()
        ledger.close()
    elapsed = measured * scale
    http, apply = probe.seconds["http"], probe.seconds["apply_products"]
    per_page = apply / max(probe.calls["apply_products"], 1) * 1000
    return [
        Result("initial_pull_100k_s", elapsed, "s", 60.0,
               note=f"{stopped}{n:,} products, {requests_made} requests; apply_products {apply:.1f} s ({per_page:.0f} "
                    f"ms/page); HTTP+JSON {http:.1f} s and mapping run one page ahead in a helper thread "
                    f"(sync.prefetch): the pull waited {measured - apply:.1f} s for pages"),
        Result("initial_pull_100k_s.floor", floor_s, "s", None),
        Result("initial_pull_rate", n / elapsed, "products/s", None, "higher",
               note="floor: the same GETs replayed, JSON decoded"),
        Result("initial_pull_rate.floor", n / floor_s, "products/s", None, "higher"),
    ]


# --- 2. outbox backlog push -------------------------------------------------------------------------------
def _store_pos_orders(store_db: Path) -> list[str]:
    """``_pos_txn_uuid`` of every till order in the store (read straight from its SQLite)."""
    con = sqlite3.connect(f"file:{store_db}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute(
            "SELECT json_extract(m.value, '$.value') FROM orders o, json_each(o.meta) m "
            "WHERE o.kind = 'order' AND o.created_via = 'mostrador-pos' "
            "AND json_extract(m.value, '$.key') = '_pos_txn_uuid'")]
    finally:
        con.close()


def bench_push(backlog: Path, sales: int, scratch: Path, say: Say) -> list[Result]:
    from pos.ledger.db import DB_FILENAME, Ledger
    from sync import catalog_store, outbox_store
    from sync.engine import SyncEngine
    from sync.woocommerce import WooCommerceConnector

    till_dir = _copy_dir(backlog / "till", scratch / "push-till")
    store_dir = _copy_dir(backlog / "store", scratch / "push-store")
    con = sqlite3.connect(till_dir / DB_FILENAME)
    try:
        expected = {r[0] for r in con.execute(
            "SELECT aggregate_uuid FROM outbox WHERE status = 'pending' AND event_type = 'sale.completed'")}
    finally:
        con.close()
    if len(expected) != sales:
        raise RuntimeError(f"backlog cache holds {len(expected)} pending sales, expected {sales}")
    ledger = Ledger(till_dir / DB_FILENAME)  # synchronous=FULL, as the app opens it
    engine_ledger: Ledger | None = None
    probe = Probe()
    try:
        with StoreProcess(store_dir, scratch / "push-store.log") as store:
            connector = WooCommerceConnector(store.url, KEY, SECRET)
            engine_ledger = ledger.background()  # as pos.sync_runtime gives the engine
            engine = SyncEngine(engine_ledger, connector, currency="EUR")
            # mark_sent_many (one transaction per batch) where the engine has it; mark_sent goes through it
            marking = "mark_sent_many" if hasattr(outbox_store, "mark_sent_many") else "mark_sent"
            for name in ("due_events", "mark_attempt", marking, "mark_retry", "counts"):
                probe.watch(outbox_store, name, "mark_sent" if name == marking else name)
            probe.watch(catalog_store, "apply_products")
            probe.watch(connector.client, "request", "http", record=True)
            say(f"push backlog: draining {sales:,} sales from the outbox (as after a till restart: catalogue "
                "pull, then push)…")
            warned = len(WARNINGS.messages)
            start = time.perf_counter()
            failures = 0
            while engine.status.pending:
                if engine.run_once():
                    continue
                failures += 1
                if failures >= 5 or time.perf_counter() - start > 1800:
                    raise RuntimeError(f"push backlog: the engine keeps failing: {engine.status.last_error}")
            elapsed = time.perf_counter() - start
            probe.close()
            connector.close()
            mismatches = sum("differs from the receipt" in m for m in WARNINGS.messages[warned:])
            pending, parked = outbox_store.counts(ledger)
            uuids = _store_pos_orders(store_dir / "sandbox.sqlite3")
            problems = []
            if pending or parked:
                problems.append(f"{pending} pending and {parked} parked in the outbox")
            if len(uuids) != sales:
                problems.append(f"the store has {len(uuids):,} till orders")
            if len(set(uuids)) != len(uuids):
                problems.append(f"{len(uuids) - len(set(uuids))} duplicate orders")
            if set(uuids) != expected:
                problems.append(f"{len(expected - set(uuids))} sales missing, {len(set(uuids) - expected)} unknown")
            if problems:
                raise RuntimeError(f"push backlog: expected exactly {sales:,} till orders: " + "; ".join(problems))
            say(f"  drained in {elapsed:.1f} s; store holds exactly {sales:,} till orders, no duplicates; "
                "floor: replaying its POSTs…")
            posts = [r for r in probe.recorded if r[0][0] == "POST"]
            floor_s = replay(connector.client.url, posts, FLOOR_SAMPLE if len(posts) >= 20 * FLOOR_SAMPLE else 1)
    finally:
        probe.close()
        if engine_ledger is not None:
            engine_ledger.close()
        ledger.close()
    s, c = probe.seconds, probe.calls
    gets = [r for r in probe.recorded if r[0][0] == "GET"]
    pull_s = s["apply_products"]
    marks = s["mark_sent"] + s["mark_attempt"] + s["mark_retry"]
    return [
        Result("push_backlog_10k_s", elapsed, "s", 120.0,
               note=f"{sales:,} orders verified; {c['http'] - len(gets)} POSTs, HTTP {s['http']:.1f} s; "
                    f"mark_sent {s['mark_sent']:.1f} s ({c['mark_sent']:,} transactions), other outbox writes "
                    f"{marks - s['mark_sent']:.1f} s, due_events {s['due_events']:.1f} s; "
                    f"catalogue apply {pull_s:.1f} s"
                    + (f"; {mismatches} orders' online total differs from the receipt" if mismatches else "")),
        Result("push_backlog_10k_s.floor", floor_s, "s", None),
    ]


# --- 3. the GUI thread while syncing ---------------------------------------------------------------
@dataclass(frozen=True)
class CommitTime:
    """One sale commit on the GUI thread: wall time, and how much of it the thread was on a CPU, runnable
    but waiting for one (the machine's cores busy), or blocked (fsync, the writer lock, the GIL)."""

    wall_ms: float
    cpu_ms: float
    queued_ms: float

    @property
    def blocked_ms(self) -> float:
        return max(self.wall_ms - self.cpu_ms - self.queued_ms, 0.0)

    def __str__(self) -> str:
        return (f"{self.wall_ms:.0f} ms (cpu {self.cpu_ms:.0f}, waiting for a cpu {self.queued_ms:.0f}, "
                f"blocked {self.blocked_ms:.0f})")


class CommitClock:
    """Times one commit on the calling thread, with ``CommitTime``'s split (Linux schedstat)."""

    def __init__(self) -> None:
        self._tid = threading.get_native_id()
        self._start = time.perf_counter()
        self._sched = _thread_sched_ns(self._tid)

    def stop(self) -> CommitTime:
        wall = (time.perf_counter() - self._start) * 1000
        cpu, queued = (now - then for now, then in zip(_thread_sched_ns(self._tid), self._sched, strict=True))
        return CommitTime(wall, cpu / 1e6, queued / 1e6)


@dataclass
class Phase:
    name: str
    gaps_ms: list[float] = field(default_factory=list)
    scan_ms: list[float] = field(default_factory=list)
    commit_ms: list[float] = field(default_factory=list)  # payments in the window, then the burst
    commit_errors: int = 0
    stalls: Counter[str] = field(default_factory=Counter)  # cause → samples (see StallSampler)
    engine_stalls: Counter[str] = field(default_factory=Counter)  # the engine's frame at those samples
    gap_log: list[str] = field(default_factory=list)  # one line per gap over GAP_LOG_MS
    commit_parts: list[CommitTime] = field(default_factory=list)  # each commit_ms sample, split
    sent: int = 0  # outbox events delivered during the phase
    steal_pct: float | None = None  # share of CPU time the hypervisor gave to other machines (Linux)
    requests: Counter[str] = field(default_factory=Counter)  # what the engine asked the store

    def add_commit(self, commit: CommitTime) -> None:
        self.commit_ms.append(commit.wall_ms)
        self.commit_parts.append(commit)

    def summary(self) -> str:
        stalled = sum(self.stalls.values()) * SAMPLE_EVERY_MS
        causes = ", ".join(f"{cause} {n * 100 // max(sum(self.stalls.values()), 1)}%"
                           for cause, n in self.stalls.most_common(3))
        asked = ", ".join(f"{n} {what}" for what, n in self.requests.most_common(3))
        text = (f"p99 gap {percentile(self.gaps_ms, 99):.0f} ms; stalled ~{stalled} ms" + (f" ({causes})" if causes
                                                                                           else "")
                + f"; commit p99 {percentile(self.commit_ms, 99):.0f} ms (n={len(self.commit_ms)})")
        if self.steal_pct is not None:
            text += f"; cpu steal {self.steal_pct:.1f}%"
        if self.commit_errors:
            text += f", {self.commit_errors} refused"
        if self.name != BASELINE:
            engine = ", ".join(f"{where} {n * 100 // max(sum(self.engine_stalls.values()), 1)}%"
                               for where, n in self.engine_stalls.most_common(2))
            text += f"; engine meanwhile: {engine or 'idle'}"
            text += f"; {self.sent:,} sales sent; requests: {asked or 'none'}"
        return text


class StallSampler:
    """Whenever the GUI thread's heartbeat is more than ``STALL_MS`` late, looks at that thread's
    Python stack (every ``SAMPLE_EVERY_MS``) and notes what it is doing: waiting for the ledger's
    writer lock (``BEGIN IMMEDIATE`` of a sale), in the sale's ``COMMIT`` (fsync, plus any WAL
    checkpoint that falls on it), the rest of the sale, a scan, or inside Qt's event loop with no
    Python running (painting, or waiting for the GIL to run a slot).

    It also looks at the sync engine's thread at the same moments (its innermost frame in our code:
    what it was doing while the GUI thread was stalled), and ``gap()`` tells apart, for one long gap,
    the CPU time each thread had during it (``/proc/self/task/<tid>/schedstat``): a GUI thread that
    ran for most of the gap was busy itself (painting); one that barely ran while the engine did was
    waiting for the GIL or the writer lock."""

    def __init__(self) -> None:
        self.last_beat = time.perf_counter()
        self.counts: Counter[str] = Counter()
        self.engine_counts: Counter[str] = Counter()  # the engine's frame while the GUI thread was stalled
        self._episode: Counter[str] = Counter()  # GUI cause and engine frame samples of the current stall
        self._main = threading.get_ident()
        self._main_tid = threading.get_native_id()
        self._engine: threading.Thread | None = None
        self._cpu = self._cpu_now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-stall-sampler", daemon=True)
        self._thread.start()

    def _engine_thread(self) -> threading.Thread | None:
        if self._engine is None or not self._engine.is_alive():
            self._engine = next((t for t in threading.enumerate() if t.name == "sync-engine"), None)
        return self._engine

    def _cpu_now(self) -> tuple[int, int, int]:
        """(GUI on CPU, GUI waiting for a CPU, engine on CPU) nanoseconds so far."""
        engine = self._engine_thread()
        gui_cpu, gui_queued = _thread_sched_ns(self._main_tid)
        return gui_cpu, gui_queued, _thread_sched_ns(engine.native_id if engine is not None else None)[0]

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_EVERY_MS / 1000):
            if (time.perf_counter() - self.last_beat) * 1000 > STALL_MS:
                try:
                    self._sample()
                except (AttributeError, ValueError):  # a frame of a running thread changed under us: skip
                    continue

    def _sample(self) -> None:
        frames = sys._current_frames()
        cause = _cause(frames.get(self._main))
        self.counts[cause] += 1
        self._episode[f"gui:{cause}"] += 1
        engine = self._engine_thread()
        if engine is not None and engine.ident is not None:
            where = _engine_where(frames.get(engine.ident))
            self.engine_counts[where] += 1
            self._episode[f"engine:{where}"] += 1

    def gap(self, gap_ms: float) -> str | None:
        """Called on the GUI thread at each beat: for a gap over ``GAP_LOG_MS``, one line saying what
        each thread did during it; otherwise None. Resets the per-stall samples either way."""
        cpu = self._cpu_now()
        gui_ms, queued_ms, engine_ms = ((now - then) / 1e6 for now, then in zip(cpu, self._cpu, strict=True))
        self._cpu = cpu
        episode, self._episode = self._episode, Counter()
        if gap_ms <= GAP_LOG_MS:
            return None
        seen = ", ".join(f"{what} x{n}" for what, n in episode.most_common(6))
        blocked = max(gap_ms - gui_ms - queued_ms, 0)
        return (f"gap {gap_ms:.0f} ms: GUI on cpu {gui_ms:.0f} ms, waiting for a cpu {queued_ms:.0f} ms, blocked "
                f"{blocked:.0f} ms; engine on cpu {engine_ms:.0f} ms; {seen or 'no samples'}")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)


class GcPauses:
    """Garbage collections during a phase (``gc.callbacks``): a full collection walks every object of the
    process while holding the GIL, whichever thread triggered it; the long ones are listed in ``gaps.log``."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float, str]] = []  # (generation, ms, thread name)
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses.append((info["generation"], (time.perf_counter() - self._start) * 1000,
                                threading.current_thread().name))

    def close(self) -> None:
        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self._callback)

    def summary(self) -> str:
        full = [ms for gen, ms, _ in self.pauses if gen == 2]
        return (f"{len(self.pauses)} collections, {len(full)} full"
                + (f" (max {max(full):.0f} ms)" if full else ""))


def _cpu_ticks() -> tuple[int, int] | None:
    """(steal, total) clock ticks of all CPUs since boot (``/proc/stat``), None off Linux. On a virtual
    machine, steal is time a CPU of ours was runnable but the hypervisor ran someone else: a commit it
    falls on takes that much longer, whatever our code does."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


def _steal_pct(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    if before is None or after is None or after[1] <= before[1]:
        return None
    return 100 * (after[0] - before[0]) / (after[1] - before[1])


def _thread_sched_ns(tid: int | None) -> tuple[int, int]:
    """(on a CPU, runnable but waiting for a CPU) nanoseconds of a thread of this process (Linux)."""
    if tid is None:
        return 0, 0
    try:
        on_cpu, queued = Path(f"/proc/self/task/{tid}/schedstat").read_text().split()[:2]
        return int(on_cpu), int(queued)
    except (OSError, ValueError):
        return 0, 0


def _engine_where(frame: Any) -> str:
    """The sync engine thread's innermost frame in our own code (sync/, pos/), with the library frame
    it is in (sqlite3/SQLAlchemy/requests/json), e.g. ``catalog_store._write_chunk < sqlalchemy``."""
    library = ""
    while frame is not None:
        path = frame.f_code.co_filename.replace(os.sep, "/")
        ours = next((part for part in ("/sync/", "/pos/") if part in path and "/site-packages/" not in path), None)
        if ours:
            module = path.rsplit("/", 1)[-1].removesuffix(".py")
            return f"{module}.{frame.f_code.co_name}" + (f" < {library}" if library else "")
        if not library:
            library = next((lib for lib in ("sqlalchemy", "requests", "urllib3", "json", "http", "socket", "ssl",
                                            "threading") if f"/{lib}/" in path or path.endswith(f"/{lib}.py")),
                           frame.f_code.co_name)
        frame = frame.f_back
    return "idle" if library in ("", "threading", "wait") else library


def _cause(frame: Any) -> str:
    names: list[tuple[str, str]] = []
    while frame is not None:
        names.append((frame.f_code.co_filename.replace(os.sep, "/"), frame.f_code.co_name))
        frame = frame.f_back
    if not names:
        return "other"
    if any(f.endswith("pos/ledger/db.py") and fn == "_on_begin" for f, fn in names):
        return "writer lock"
    if any(fn == "do_commit" for _f, fn in names):
        return "COMMIT"  # fsync, and any WAL checkpoint that lands on this commit
    if any(f.endswith("pos/services/sales.py") for f, _ in names):
        return "sale commit"
    if names[0][1] == "run_phase":
        return "Qt/GIL"
    if any(fn == "act" for _f, fn in names):
        return "scan"
    return "other"


def _configure_store(data_dir: Path, url: str) -> None:
    """Point the till at the store the way a shop would: ``[store]`` in config.toml."""
    import tomli_w

    path = data_dir / "config.toml"
    doc: dict[str, Any] = {"demo": False, "store": {"kind": "woocommerce", "url": url}}
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")


@contextlib.contextmanager
def _store_credentials() -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("MOSTRADOR_STORE_KEY", "MOSTRADOR_STORE_SECRET")}
    os.environ["MOSTRADOR_STORE_KEY"], os.environ["MOSTRADOR_STORE_SECRET"] = KEY, SECRET
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _sent(db: Path) -> int:
    return _count(db, "SELECT count(*) FROM outbox WHERE status = 'sent'")


class RequestLog:
    """Counts the engine's store requests (``WooClient.request``) by method and route."""

    def __init__(self, services: Services) -> None:
        assert services.sync is not None
        self.counts: Counter[str] = Counter()
        client = services.sync.connector.client
        original = client.request

        def counted(method: str, path: str, **kwargs: Any) -> Any:
            route = "/".join(p for p in path.removeprefix("wc/v3/").split("/") if not p.isdigit())
            self.counts[f"{method} {route}"] += 1
            return original(method, path, **kwargs)

        client.request = counted  # type: ignore[method-assign]


def run_phase(phase: Phase, window: MainWindow, codes: Iterator[str], seconds: float) -> None:
    """``seconds`` of the event loop with a 5 ms heartbeat timer, a scan every 200 ms (Enter in
    ``scanInput``) and a cash payment (``TillSession.pay``, timed) every 5 lines."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from pos.services.errors import StorageError

    view = window.sale_view
    till = view.till
    assert till is not None
    sampler = StallSampler()
    collections = GcPauses()

    def beat() -> None:
        now = time.perf_counter()
        gap = (now - sampler.last_beat) * 1000
        phase.gaps_ms.append(gap)
        line = sampler.gap(gap)
        if line is not None:
            long_gc = [f"gc{gen} {ms:.0f} ms on {who}" for gen, ms, who in collections.pauses if ms > 10]
            collections.pauses.clear()
            phase.gap_log.append(f"{time.strftime('%H:%M:%S')} {phase.name}: {line}"
                                 + (f"; {', '.join(long_gc)}" if long_gc else ""))
        elif gap <= STALL_MS:
            collections.pauses.clear()
        sampler.last_beat = now

    def act() -> None:
        if len(till.cart.lines) >= LINES_PER_TICKET:
            tenders = _cash(till.cart)
            clock = CommitClock()
            try:
                receipt = till.pay(tenders)
            except StorageError:
                phase.commit_errors += 1
                phase.add_commit(clock.stop())
                return
            phase.add_commit(clock.stop())
            view.show_receipt(receipt)  # emits sale_completed: wakes the sync engine, as in the app
            return
        view.scan_input.setText(next(codes))
        start = time.perf_counter()
        QTest.keyClick(view.scan_input, Qt.Key.Key_Return)
        phase.scan_ms.append((time.perf_counter() - start) * 1000)

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    scanner = QTimer()
    scanner.setTimerType(Qt.TimerType.PreciseTimer)
    scanner.setInterval(SCAN_EVERY_MS)
    scanner.timeout.connect(act)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    try:
        sampler.last_beat = time.perf_counter()
        heartbeat.start()
        scanner.start()
        loop.exec()
    finally:
        heartbeat.stop()
        scanner.stop()
        sampler.stop()
        collections.close()
    phase.stalls = sampler.counts
    phase.engine_stalls = sampler.engine_counts


def commit_burst(services: Services, carts: list[Any]) -> list[CommitTime]:
    """``SaleService.complete`` back to back (the GUI thread busy selling, sync going on behind)."""
    cashier = services.auth.login(CASHIER_PIN)
    samples = []
    for cart in carts:
        tenders = _cash(cart)
        clock = CommitClock()
        services.sales.complete(cart, tenders, cashier)
        samples.append(clock.stop())
    return samples


class Flapper:
    """Takes the store down and up every 1.5 s from a helper thread (not the GUI thread)."""

    def __init__(self, store: StoreProcess) -> None:
        self._store = store
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-flapper", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        down = False
        while not self._stop.wait(FLAP_EVERY_S):
            down = not down
            self._store.faults(down=down)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self._store.faults(down=False)


def _till_codes(db: Path, rng: random.Random) -> tuple[list[str], list[int]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT b.code, p.id FROM barcodes b JOIN products p ON p.id = b.product_id "
                           "WHERE p.active = 1 AND p.remote_id IS NOT NULL").fetchall()
    finally:
        con.close()
    rng.shuffle(rows)
    return [r[0] for r in rows], [r[1] for r in rows]


def bench_ui(backlog: Path, pull_store: Path, profile: SyncProfile, scratch: Path, rng: random.Random,
             say: Say) -> list[Result]:
    with _elsewhere(scratch) as store_disk:
        return _bench_ui(backlog, pull_store, profile, scratch, store_disk, rng, say)


def _bench_ui(backlog: Path, pull_store: Path, profile: SyncProfile, scratch: Path, store_disk: Path,
              rng: random.Random, say: Say) -> list[Result]:
    from bench.app_bench import open_window
    from pos.app import prepare
    from pos.ledger.db import DB_FILENAME
    from pos.runtime_tuning import settle_heap
    from pos.services.catalog import to_ref

    window_s = profile.window_s
    phases: list[Phase] = []

    def phase(name: str, services: Services, window: MainWindow, carts: list[Any],
              requests_log: RequestLog | None) -> Phase:
        """One window of scanning and selling, then the burst of sales, with what sync did meanwhile."""
        db = services.ledger.path
        current = Phase(name)
        ticks = _cpu_ticks()
        sent, asked = _sent(db), Counter(requests_log.counts if requests_log else {})
        run_phase(current, window, code_stream, window_s)
        for commit in commit_burst(services, carts):
            current.add_commit(commit)
        current.sent = _sent(db) - sent
        current.steal_pct = _steal_pct(ticks, _cpu_ticks())
        if requests_log is not None:
            current.requests = requests_log.counts - asked
        phases.append(current)
        return current

    def carts_for(services: Services, n: int) -> list[Any]:
        refs = [to_ref(services.catalog.get(pid)) for pid in product_ids[:200]]
        return [_cart(rng, refs, "EUR", (3, 5)) for _ in range(n)]

    def warm_up(services: Services) -> None:
        """A till that has sold before: the first sales of a process compile its statements (about twice
        as slow); bench/app_bench.py leaves them out of its sale commit figure the same way."""
        if services.shifts.current() is None:  # a till sells only inside an open cash shift (as open_window)
            services.shifts.open(services.auth.login(CASHIER_PIN), {})
        commit_burst(services, carts_for(services, WARMUP_SALES))

    # Till #1: demo catalogue and the sales backlog; the demo store: fast, then flapping, then slow.
    till_dir = _copy_dir(backlog / "till", scratch / "ui-till")
    store_dir = _copy_dir(backlog / "store", store_disk / "ui-store")
    codes, product_ids = _till_codes(till_dir / DB_FILENAME, rng)
    code_stream = (codes[i % len(codes)] for i in range(10**9))
    with _store_credentials(), StoreProcess(store_dir, scratch / "ui-store.log", niced=True) as store:
        _configure_store(till_dir, store.url)
        services = prepare(till_dir, demo=False)
        windows: list[MainWindow] = []
        try:
            warm_up(services)
            carts = carts_for(services, profile.burst_sales)
            say(f"GUI while syncing: {BASELINE}, sync off ({window_s:.0f} s of scans every {SCAN_EVERY_MS} ms, "
                f"a sale every {LINES_PER_TICKET} scans, {HEARTBEAT_MS} ms heartbeat; then {profile.burst_sales} "
                "sales back to back)…")
            import pos.ui.app  # noqa: F401  (imported before the heap is settled, as pos.app.main does)

            settle_heap()
            windows.append(open_window(services))
            phase(BASELINE, services, windows[-1], carts, None)
            windows[-1].close()

            services.start_sync()  # as pos.app.main does; build_window starts the engine thread
            settle_heap()  # main settles the heap after start_sync (the sync modules are imported by then)
            log = RequestLog(services)
            windows.append(open_window(services))
            say(f"  push: the engine starts (catalogue pull), then drains {profile.backlog_sales:,} sales…")
            phase("push", services, windows[-1], carts, log)

            say(f"  store flapping (down/up every {FLAP_EVERY_S} s)…")
            flapper = Flapper(store)
            try:
                phase("flapping", services, windows[-1], carts, log)
            finally:
                flapper.stop()

            say("  store slow (every answer 10 s late)…")
            store.faults(latency_s=10)
            phase("slow 10 s", services, windows[-1], carts, log)
        finally:
            store.stop()  # first: cuts the engine's in-flight (10 s) request
            services.close()
            for w in windows:
                w.close()

    # Till #2: the same till connected to the big store for the first time (its cursors, which belong to the
    # demo store, removed): the engine starts with a full resync that adds the store's products.
    till_dir = _copy_dir(backlog / "till", scratch / "ui-till-pull")
    con = sqlite3.connect(till_dir / DB_FILENAME)
    try:
        with con:
            con.execute("DELETE FROM sync_cursors")
    finally:
        con.close()
    store_dir = _copy_dir(pull_store / "store", store_disk / "ui-store-pull")
    before = _count(till_dir / DB_FILENAME, "SELECT count(*) FROM products")
    with _store_credentials(), StoreProcess(store_dir, scratch / "ui-store-pull.log", niced=True) as store:
        _configure_store(till_dir, store.url)
        services = prepare(till_dir, demo=False)
        window = None
        try:
            warm_up(services)
            carts = carts_for(services, profile.burst_sales)
            services.start_sync()
            settle_heap()
            log = RequestLog(services)
            say(f"  pull: the engine starts (full resync of a {profile.pull_products:,}-product store)…")
            window = open_window(services)
            phase("pull", services, window, carts, log)
        finally:
            services.close()
            if window is not None:
                window.close()
    added = _count(till_dir / DB_FILENAME, "SELECT count(*) FROM products") - before
    if added <= 0:
        raise RuntimeError("GUI pull phase: the engine pulled nothing during the window")

    (scratch / "gaps.log").write_text("".join(line + "\n" for p in phases for line in p.gap_log), encoding="utf-8")
    base, busy = phases[0], phases[1:]
    gaps = {p.name: max(p.gaps_ms) for p in phases}
    commits = [ms for p in busy for ms in p.commit_ms]
    slowest = sorted((c for p in busy for c in p.commit_parts), key=lambda c: c.wall_ms)[-3:][::-1]
    scans = [ms for p in busy for ms in p.scan_ms]
    errors = sum(p.commit_errors for p in phases)
    worst = max(busy, key=lambda p: gaps[p.name])
    cause = worst.stalls.most_common(1)[0][0] if worst.stalls else "?"
    results = [
        Result("ui_stall_while_syncing_ms", gaps[worst.name], "ms", 50.0,
               note=f"worst in '{worst.name}' (mostly {cause}); max gap per phase: "
                    + ", ".join(f"{p.name} {gaps[p.name]:.0f}" for p in busy)
                    + f"; scan p99 {percentile(scans, 99):.0f} ms; {added:,} products pulled in 'pull'"),
        Result("ui_stall_while_syncing_ms.floor", gaps[base.name], "ms", None),
        Result("sale_commit_p99_while_syncing_ms", percentile(commits, 99), "ms", 15.0,
               note=f"median {median(commits):.1f} ms, max {max(commits):.0f} ms, n={len(commits)}, {errors} refused; "
                    "p99 per phase: " + ", ".join(f"{p.name} {percentile(p.commit_ms, 99):.0f}" for p in busy)
                    + "; slowest: " + ", ".join(str(c) for c in slowest)),
        Result("sale_commit_p99_while_syncing_ms.floor", percentile(base.commit_ms, 99), "ms", None),
    ]
    results += [Result(f"gui_phase.{p.name.replace(' ', '_')}", gaps[p.name], "ms", None, note=p.summary())
                for p in phases]
    return results


# --- entry point -------------------------------------------------------------------------------------
def run_sync_bench(profile: SyncProfile, cache_root: Path, scratch: Path, rng: random.Random,
                   say: Say) -> list[Result]:
    scratch.mkdir(parents=True, exist_ok=True)
    # The engine logs a warning per failed pass (the flapping store): to a file, not the console.
    handler = logging.FileHandler(scratch / "sync.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(threadName)s %(levelname)s %(name)s: %(message)s"))
    loggers = [logging.getLogger(name) for name in ("sync", "pos")]
    saved = [(lg, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.addHandler(WARNINGS)
        lg.propagate = False
    try:
        return _run(profile, cache_root, scratch, rng, say)
    finally:
        for lg, propagate in saved:
            lg.removeHandler(handler)
            lg.removeHandler(WARNINGS)
            lg.propagate = propagate
        handler.close()


def _run(profile: SyncProfile, cache_root: Path, scratch: Path, rng: random.Random, say: Say) -> list[Result]:
    results: list[Result] = []
    store, built = cached_pull_store(cache_root, profile.pull_products, say)
    if built is not None:
        results.append(Result("sync_store_generation", built, "s", None,
                              note=f"{profile.pull_products:,}-product sandbox store; cached"))
    backlog, built = cached_backlog(cache_root, profile.backlog_sales, say)
    if built is not None:
        results.append(Result("sync_backlog_generation", built, "s", None,
                              note=f"{profile.backlog_sales:,} sales via SaleService.complete; cached"))
    results += bench_pull(store, profile.pull_products, scratch, say, profile.pull_deadline_s)
    results += bench_push(backlog, profile.backlog_sales, scratch, say)
    results += bench_ui(backlog, store, profile, scratch, rng, say)
    return results


def main_gui_only() -> None:
    """``python -m bench.sync_bench``: only the GUI phases (full profile), for working on the stall;
    prints the per-phase notes and each long gap (also in ``gaps.log``)."""
    import argparse

    from bench.report import table

    parser = argparse.ArgumentParser(prog="python -m bench.sync_bench", description=main_gui_only.__doc__)
    parser.add_argument("--quick", action="store_true", help="the quick profile's stores and 4 s phases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep-scratch", action="store_true")
    parser.add_argument("--switch-ms", type=float, help="GIL switch interval while sync runs (to compare)")
    args = parser.parse_args()
    if args.switch_ms is not None:
        import pos.runtime_tuning

        pos.runtime_tuning.SYNC_SWITCH_INTERVAL_S = args.switch_ms / 1000
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    profile = QUICK_SYNC if args.quick else FULL_SYNC
    cache = REPO / "build" / "bench-cache"
    began = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {text}", flush=True)

    say(f"load average {os.getloadavg()[0]:.2f}")
    with scratch_dir(cache, keep=args.keep_scratch, say=say) as scratch:
        handler = logging.FileHandler(scratch / "sync.log", encoding="utf-8")
        for name in ("sync", "pos"):
            logging.getLogger(name).addHandler(handler)
            logging.getLogger(name).propagate = False
        try:
            store, _ = cached_pull_store(cache, profile.pull_products, say)
            backlog, _ = cached_backlog(cache, profile.backlog_sales, say)
            results = bench_ui(backlog, store, profile, scratch, random.Random(args.seed), say)
            if os.environ.get("BENCH_GC_TYPES"):
                print(Counter(type(o).__name__ for o in gc.get_objects()).most_common(25))
            print((scratch / "gaps.log").read_text(encoding="utf-8"))
            print(table(results, floor_label="floor"))
            say(f"load average {os.getloadavg()[0]:.2f}")
        finally:
            handler.close()


if __name__ == "__main__":
    main_gui_only()
