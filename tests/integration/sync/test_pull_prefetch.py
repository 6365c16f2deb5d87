"""The catalogue pull reads one page ahead in a helper thread (``sync.prefetch``): stopping,
failing and being killed mid-pull behave as with one page at a time — the cursor only moves
once every page is written, and the next pull picks everything up.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pos.ledger.db import Ledger
from pos.ledger.models import Product
from pos.services.seed import ensure_tax_rates, ensure_users
from sync import catalog_store
from sync.engine import PRODUCTS_CURSOR, SyncEngine
from sync.errors import TransientError
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector

CHILD = Path(__file__).with_name("sync_child.py")
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pull-store")
    SandboxServer(root, seed="demo").store.close()  # ~1,000 simple products: a dozen pages
    return root


@pytest.fixture
def store(store_template: Path, tmp_path: Path) -> Iterator[SandboxServer]:
    data = tmp_path / "store"
    data.mkdir()
    for item in store_template.iterdir():
        (data / item.name).write_bytes(item.read_bytes())
    server = SandboxServer(data).start()
    yield server
    server.stop()


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    ledger = Ledger(tmp_path / "till" / "ledger.sqlite3")
    ensure_tax_rates(ledger)
    ensure_users(ledger)
    yield ledger
    ledger.close()


def _connector(store: SandboxServer) -> WooCommerceConnector:
    return WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))


def _linked(ledger: Ledger) -> tuple[int, int]:
    with ledger.read() as session:
        return (session.scalar(select(func.count()).where(Product.remote_id.is_not(None))) or 0,
                session.scalar(select(func.count(func.distinct(Product.remote_id)))) or 0)


def _store_products(store: SandboxServer) -> int:
    return int(store.store.counts()["products"])


def _prefetchers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "catalogue-prefetch"]


def test_engine_stopped_mid_pull_leaves_the_cursor_and_no_thread_then_the_next_pull_completes(
        store: SandboxServer, ledger: Ledger) -> None:
    store.faults.latency_s = 0.05  # each page takes a while: the stop lands mid-pull
    engine = SyncEngine(ledger, _connector(store), currency="EUR")
    engine.start()
    deadline = time.monotonic() + 20
    while _linked(ledger)[0] < 150 and time.monotonic() < deadline:
        time.sleep(0.01)
    engine.stop()
    assert not [t for t in threading.enumerate() if t.name == "sync-engine"]  # stopped within its timeout
    linked = _linked(ledger)[0]
    assert 150 <= linked < _store_products(store)
    assert not _prefetchers()
    assert catalog_store.get_cursor(ledger, PRODUCTS_CURSOR) is None  # nothing half-read counts as pulled

    store.faults.latency_s = 0.0
    again = SyncEngine(ledger, _connector(store), currency="EUR")
    assert again.run_once()
    assert _linked(ledger) == (_store_products(store), _store_products(store))
    assert catalog_store.get_cursor(ledger, PRODUCTS_CURSOR) is not None
    assert not _prefetchers()


def test_a_page_that_fails_mid_pull_raises_what_a_plain_loop_raises_after_the_pages_before_it(
        store: SandboxServer) -> None:
    def pull(pages: Iterator[list[object]]) -> tuple[int, TransientError]:
        count = 0
        with pytest.raises(TransientError) as raised:
            for _ in pages:
                count += 1
                if count == 2:
                    store.faults.fail_5xx_next = 5  # the next request(s) the pull makes fail
        store.faults.reset()
        return count, raised.value

    plain = _connector(store)
    counted, plain_error = pull(plain._read_pages(None))  # the same pages, one at a time
    prefetching = _connector(store)
    got, error = pull(prefetching.pull_products(None))
    assert (type(error), error.code, error.status) == (type(plain_error), plain_error.code, plain_error.status)
    assert (error.code, error.status) == ("sandbox_unavailable", 503)
    assert counted == 2 and got in (2, 3)  # the page read ahead may have been answered before the fault
    assert not _prefetchers()


def test_killed_mid_pull_then_restarted_links_every_product_once(store: SandboxServer, ledger: Ledger) -> None:
    store.faults.latency_s = 0.1  # a full pull (a dozen pages) takes over a second: kills land mid-pull
    rng = random.Random(11)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(3):
        child = subprocess.Popen([sys.executable, str(CHILD), str(ledger.path), store.url],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.2, 0.8))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        child.stdout.close()
    assert _linked(ledger)[0] < _store_products(store)  # the kills did land mid-pull
    store.faults.latency_s = 0.0
    assert SyncEngine(ledger, _connector(store), currency="EUR").run_once()
    assert _linked(ledger) == (_store_products(store), _store_products(store))
