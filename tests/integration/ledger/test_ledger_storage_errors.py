"""The ledger cannot be written (another writer holds the lock, the disk is full): the sale
raises StorageError with a reason, stores nothing, keeps the cart, and a retry succeeds
with the next number of the same gapless series."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import pos.ledger.db as ledger_db
from pos.ledger.db import Ledger
from pos.services.errors import StorageError
from tests.integration.ledger.ledger_support import (
    Till,
    assert_ledger_consistent,
    card_for,
    cash_for,
    make_till,
    raw_connect,
    snapshot,
)

LECHE = "8412345600012"
LIMONES = "8412345602627"


@contextmanager
def writer_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another connection (another till process, a sync import) holding the writer lock."""
    with closing(raw_connect(path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        finally:
            conn.execute("ROLLBACK")


@contextmanager
def page_limit(ledger: Ledger, max_pages: int) -> Iterator[None]:
    """Simulate a full disk: every new connection of the ledger's writer engine may not grow the file."""

    def _limit(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={max_pages}")

    event.listen(ledger.engine, "connect", _limit)
    ledger.engine.dispose()  # pooled connections were opened without the limit
    try:
        yield
    finally:
        event.remove(ledger.engine, "connect", _limit)
        ledger.engine.dispose()


@pytest.fixture
def impatient_ledger(ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Ledger]:
    monkeypatch.setattr(ledger_db, "BUSY_TIMEOUT_MS", 150)
    opened = Ledger(ledger_path)
    yield opened
    opened.close()


def test_locked_database_raises_storage_error_and_keeps_the_cart(impatient_ledger: Ledger, ledger_path: Path) -> None:
    till = make_till(impatient_ledger)
    till.session.scan(LECHE)
    till.session.pay(card_for(till.session.cart))  # T01-000001
    till.session.scan(LECHE)
    till.session.scan(LIMONES)
    till.session.set_quantity(till.session.cart.lines[1].line_id, "0.750")
    cart_before = till.session.cart
    before = snapshot(ledger_path)

    with writer_lock(ledger_path):
        started = time.monotonic()
        with pytest.raises(StorageError) as err:
            till.session.pay(cash_for(till.session.cart, 500))
        assert time.monotonic() - started < 3, "the busy timeout was not honoured"
    assert err.value.params == {"reason": "locked"}
    assert till.session.cart == cart_before
    assert snapshot(ledger_path) == before

    receipt = till.session.pay(cash_for(till.session.cart, 500))
    assert receipt.receipt_no == "T01-000002"
    assert till.session.cart.is_empty
    assert assert_ledger_consistent(ledger_path) == ["T01-000001", "T01-000002"]


def test_writer_queues_behind_a_short_lock_instead_of_failing(till: Till, ledger_path: Path) -> None:
    """With the default busy timeout a sale waits for a brief writer (a sync chunk) and then commits."""
    till.session.scan(LECHE)
    locked = threading.Event()

    def hold_lock() -> None:
        with writer_lock(ledger_path):
            locked.set()
            time.sleep(0.3)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert locked.wait(5)
    started = time.monotonic()
    receipt = till.session.pay(card_for(till.session.cart))
    waited = time.monotonic() - started
    holder.join()
    assert receipt.receipt_no == "T01-000001"
    assert 0.1 < waited < 4.0
    assert_ledger_consistent(ledger_path)


def test_full_disk_raises_storage_error_and_keeps_the_cart(till: Till, ledger_path: Path) -> None:
    till.session.scan(LECHE)
    till.session.pay(card_for(till.session.cart))  # T01-000001
    for product in till.catalog.search("a", limit=80):  # ~20 KB of lines and outbox payload: new pages
        till.session.add_product(product)
    assert len(till.session.cart.lines) == 80
    cart_before = till.session.cart
    before = snapshot(ledger_path)
    with closing(raw_connect(ledger_path)) as conn:
        conn.execute("VACUUM")  # the search index's merging (search_index.py) leaves free pages behind
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # every new row needs a new page

    with page_limit(till.ledger, pages), pytest.raises(StorageError) as err:
        till.session.pay(card_for(till.session.cart))
    assert err.value.params == {"reason": "disk_full"}
    assert till.session.cart == cart_before
    assert snapshot(ledger_path) == before

    receipt = till.session.pay(card_for(till.session.cart))  # space freed
    assert receipt.receipt_no == "T01-000002"
    assert len(receipt.lines) == len(cart_before.lines)
    assert assert_ledger_consistent(ledger_path) == ["T01-000001", "T01-000002"]
