"""The sync engine's handle on the ledger (``Ledger.background``) and WAL checkpoints off the sale's
commit (``pos/ledger/checkpointer.py``): pragmas, the shared writer lock, the durable outbox mark, and
the engine letting the till's threads go first (``pos/ledger/foreground.py``)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

from pos.ledger import checkpointer as checkpointer_module
from pos.ledger import db as db_module
from pos.ledger import foreground
from pos.ledger.checkpointer import CHECKPOINT_PAGES, wal_frames_pending
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, SyncCursor, utcnow
from sync import outbox_store

SYNCHRONOUS = {1: "NORMAL", 2: "FULL"}


@pytest.fixture
def background(ledger: Ledger) -> Iterator[Ledger]:
    handle = ledger.background()
    yield handle
    handle.close()


def _synchronous(ledger: Ledger, **kw: bool) -> str:
    with ledger.write(**kw) as session:
        return SYNCHRONOUS[int(session.execute(text("PRAGMA synchronous")).scalar_one())]


def test_background_handle_commits_without_fsync(ledger: Ledger, background: Ledger) -> None:
    assert _synchronous(ledger) == "FULL"  # the till's sales
    assert _synchronous(ledger, durable=True) == "FULL"
    assert _synchronous(background) == "NORMAL"  # the engine's redoable writes
    assert _synchronous(background, durable=True) == "NORMAL"  # flushed after the commit instead (below)


def test_write_connections_never_checkpoint_in_a_commit(ledger: Ledger, background: Ledger) -> None:
    for handle in (ledger, background):
        with handle.write() as session:
            assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar_one() == 0


def test_background_and_till_writers_share_one_writer_lock(ledger: Ledger, background: Ledger) -> None:
    order: list[str] = []
    engine_inside = threading.Event()
    release = threading.Event()

    def engine_write() -> None:
        with background.write() as session:
            engine_inside.set()
            session.merge(SyncCursor(name="bench.test", value="1"))
            release.wait(10)
            order.append("engine commits")

    worker = threading.Thread(target=engine_write)
    worker.start()
    assert engine_inside.wait(10)
    sale = threading.Thread(target=lambda: _till_write(ledger, order))
    sale.start()
    sale.join(0.3)
    assert sale.is_alive()  # the till's writer waits for the engine's transaction…
    release.set()
    worker.join(10)
    sale.join(10)
    assert order == ["engine commits", "till commits"]  # …and goes as soon as it commits


def _till_write(ledger: Ledger, order: list[str]) -> None:
    with ledger.write() as session:
        session.merge(SyncCursor(name="bench.test", value="2"))
        order.append("till commits")


def _attempt_event(ledger: Ledger) -> int:
    with ledger.write() as session:
        row = OutboxEvent(uuid="test-attempt", event_type="sale.completed", aggregate_type="sale",
                          aggregate_uuid="test-attempt-sale", payload={})
        session.add(row)
        session.flush()
        return row.id


def test_mark_attempt_is_on_disk_when_it_returns_and_the_writer_lock_is_free_meanwhile(
        ledger: Ledger, background: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    # The attempt mark must survive a power cut before the request goes out; a sale must not wait for its
    # fsync. So it commits like the engine's other writes and is flushed after the writer lock is released.
    monkeypatch.setattr(foreground, "TILL_AT_WORK_S", 0.0)  # no cashier: only the durable write flushes
    event_id = _attempt_event(ledger)
    real_flush = checkpointer_module.flush_wal
    flushes: list[tuple[str, bool]] = []

    def recording_flush(path: Path) -> bool:
        lock = db_module._writer_lock(path)  # reentrant: whether it is free must be asked from another thread
        free: list[bool] = []

        def try_lock() -> None:
            free.append(lock.acquire(blocking=False))
            if free[0]:
                lock.release()

        _in_thread(try_lock).join(5)
        flushes.append((threading.current_thread().name, free == [True]))
        return real_flush(path)

    monkeypatch.setattr(checkpointer_module, "flush_wal", recording_flush)
    outbox_store.mark_attempt(background, [event_id])  # before the request: must survive a power cut
    assert flushes == [(threading.current_thread().name, True)]
    outbox_store.mark_retry(background, event_id, "timeout", utcnow())  # redoable: left to the checkpointer
    assert flushes[1:] in ([], [("ledger-checkpointer", True)])
    with ledger.read() as session:
        assert session.get(OutboxEvent, event_id).attempts == 1  # type: ignore[union-attr]


def test_a_durable_write_that_cannot_be_flushed_fails(ledger: Ledger, background: Ledger,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from pos.ledger.db import LedgerUnavailable

    event_id = _attempt_event(ledger)
    monkeypatch.setattr(checkpointer_module, "flush_wal", lambda path: False)  # the OS refused the fsync
    with pytest.raises(LedgerUnavailable) as failed:
        outbox_store.mark_attempt(background, [event_id])
    assert failed.value.reason == "io"  # the engine's pass fails: the request is not sent


def _in_database_file(path: Path, tmp: Path, cursor: str) -> str | None:
    """The cursor as the database file itself holds it, without its WAL: what a checkpoint copied there."""
    import shutil
    import sqlite3

    alone = tmp / "without-wal.sqlite3"
    shutil.copyfile(path, alone)
    con = sqlite3.connect(alone)
    try:
        row = con.execute("SELECT value FROM sync_cursors WHERE name = ?", (cursor,)).fetchone()
        return None if row is None else str(row[0])
    finally:
        con.close()


def _wait_for_checkpoint(ledger: Ledger, before: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while ledger._checkpointer.checkpoints == before and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_small_write_stays_in_the_wal(ledger: Ledger, tmp_path: Path) -> None:
    before = ledger._checkpointer.checkpoints
    with ledger.write() as session:
        session.merge(SyncCursor(name="bench.test", value="small"))
    assert 0 < (wal_frames_pending(ledger.path) or 0) < CHECKPOINT_PAGES
    _wait_for_checkpoint(ledger, before, 1.0)
    assert ledger._checkpointer.checkpoints == before  # SQLite's own threshold: no extra fsyncs
    assert _in_database_file(ledger.path, tmp_path, "bench.test") is None


def test_a_wal_past_the_threshold_is_checkpointed_by_the_thread_not_the_commit(ledger: Ledger, tmp_path: Path) -> None:
    before = ledger._checkpointer.checkpoints
    big = "x" * (CHECKPOINT_PAGES * 4096 + 1)
    with ledger.write() as session:
        session.merge(SyncCursor(name="bench.test", value=big))
    assert (wal_frames_pending(ledger.path) or 0) >= CHECKPOINT_PAGES  # the commit did not checkpoint
    assert _in_database_file(ledger.path, tmp_path, "bench.test") is None
    _wait_for_checkpoint(ledger, before, 15.0)
    assert _in_database_file(ledger.path, tmp_path, "bench.test") == big
    assert wal_frames_pending(ledger.path) == 0


def test_the_wal_starts_over_while_the_engine_writes_without_a_pause(ledger: Ledger, background: Ledger) -> None:
    # Without the checkpointer holding the engine back while it checkpoints, no checkpoint caught up with the
    # last frame, SQLite never started the WAL over, and the file grew by every commit (97 MB in the bench).
    wal = Path(f"{ledger.path}-wal")
    largest = [0]
    written = [0]
    until = time.monotonic() + 4.0

    def engine() -> None:
        while time.monotonic() < until:
            with background.write() as session:
                session.merge(SyncCursor(name=f"bench.wal.{written[0] % 40}", value=f"{written[0]:08d}" * 2500))
            written[0] += 1
            largest[0] = max(largest[0], wal.stat().st_size)

    _engine_thread(engine).join(30)
    assert written[0] * 20_000 > 12 * CHECKPOINT_PAGES * 4096  # far more than the WAL may hold
    assert largest[0] <= 4 * CHECKPOINT_PAGES * 4096, f"{written[0]} writes, WAL {largest[0] / 1e6:.1f} MB"


def test_the_checkpoint_waits_while_the_till_keeps_using_the_ledger(ledger: Ledger, tmp_path: Path) -> None:
    before = ledger._checkpointer.checkpoints
    with ledger.write() as session:
        session.merge(SyncCursor(name="bench.test", value="x" * (CHECKPOINT_PAGES * 4096 + 1)))
    busy, done = threading.Event(), threading.Event()

    def till_selling() -> None:  # in and out of the ledger every few ms, for 1.5 s
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            with ledger.read():
                busy.set()
                time.sleep(0.005)
            time.sleep(0.002)
        done.set()

    till = _in_thread(till_selling)
    assert busy.wait(5)
    _wait_for_checkpoint(ledger, before, 1.0)
    assert ledger._checkpointer.checkpoints == before  # no checkpoint (and fsync) while selling…
    till.join(10)
    _wait_for_checkpoint(ledger, before, 10.0)
    assert done.is_set() and ledger._checkpointer.checkpoints > before  # …but as soon as the till is quiet


def test_the_checkpointer_stops_when_the_last_handle_on_the_file_closes(ledger_path: Path) -> None:
    till = Ledger(ledger_path)
    engine_side = till.background()
    with engine_side.write() as session:
        session.merge(SyncCursor(name="bench.test", value="1"))
    thread = till._checkpointer._thread
    assert thread is not None and thread.is_alive()
    engine_side.close()
    assert thread.is_alive()  # the till still has the file open
    till.close()
    assert not thread.is_alive()
    till.close()  # closing twice is harmless


def test_mark_sent_many_commits_a_big_batch_in_short_transactions(ledger: Ledger, background: Ledger) -> None:
    with ledger.write() as session:
        rows = [OutboxEvent(uuid=f"test-sent-{i}", event_type="sale.completed", aggregate_type="sale",
                            aggregate_uuid=f"test-sent-sale-{i}", payload={}) for i in range(60)]
        session.add_all(rows)
        session.flush()
        ids = [row.id for row in rows]
    commits: list[int] = []

    def count(_conn: object) -> None:
        commits.append(1)

    event.listen(background.engine, "commit", count)
    try:
        outbox_store.mark_sent_many(background, [(eid, f"order-{eid}", {}) for eid in ids])
    finally:
        event.remove(background.engine, "commit", count)
    assert len(commits) == -(-60 // outbox_store.MARK_SENT_CHUNK)  # a sale waits for one chunk at most
    with ledger.read() as session:
        sent = {eid: (status, ref) for eid, status, ref in session.execute(
            select(OutboxEvent.id, OutboxEvent.status, OutboxEvent.remote_ref).where(OutboxEvent.id.in_(ids)))}
    assert sent == {eid: ("sent", f"order-{eid}") for eid in ids}


def _in_thread(target: Callable[[], None], name: str | None = None) -> threading.Thread:
    thread = threading.Thread(target=target, name=name)
    thread.start()
    return thread


def _engine_thread(target: Callable[[], None]) -> threading.Thread:
    """A thread that declares itself a background one first, as the sync engine's thread does."""
    def run() -> None:
        foreground.mark_background_thread()
        target()

    return _in_thread(run, "test-engine")


def test_a_background_call_lets_the_tills_open_work_finish_first(ledger: Ledger, background: Ledger,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "MAX_WAIT_S", 30.0)  # this test is about the order, not the bound
    order: list[str] = []
    till_reading, till_done = threading.Event(), threading.Event()

    def till_scan() -> None:  # a look-up on the till's handle, e.g. a scan
        with ledger.read():
            till_reading.set()
            till_done.wait(10)
            order.append("till done")

    def engine_step() -> None:
        with background.write() as session:
            session.merge(SyncCursor(name="bench.test", value="1"))
            order.append("engine writes")

    scan = _in_thread(till_scan)
    assert till_reading.wait(10)
    engine = _engine_thread(engine_step)
    engine.join(0.3)
    assert order == []  # the engine waits while the till is in the ledger…
    till_done.set()
    scan.join(10)
    engine.join(10)
    assert order == ["till done", "engine writes"]  # …and goes on once it is out
    assert background._activity.waits >= 1


@contextmanager
def _till_in_the_ledger(ledger: Ledger) -> Iterator[None]:
    """A till thread holding a read on the ledger until the block ends."""
    inside, done = threading.Event(), threading.Event()

    def till_reading() -> None:
        with ledger.read():
            inside.set()
            done.wait(30)

    reader = _in_thread(till_reading)
    try:
        assert inside.wait(10)
        yield
    finally:
        done.set()
        reader.join(10)


def test_a_busy_till_slows_the_engine_but_never_stops_it(ledger: Ledger, background: Ledger) -> None:
    with _till_in_the_ledger(ledger):
        went: list[bool] = []

        def engine_step() -> None:
            with background.read():
                went.append(True)

        engine = _engine_thread(engine_step)
        engine.join(10)
        assert went == [True]  # went ahead although the till never left the ledger


def test_the_engine_thread_using_the_tills_handle_does_not_hold_itself_up(ledger: Ledger,
                                                                          background: Ledger) -> None:
    waited: list[int] = []

    def engine_pass() -> None:
        with background.read():
            pass
        with ledger.write() as session:  # e.g. the loyalty pull, which writes through the till's handle
            session.merge(SyncCursor(name="bench.test", value="2"))
        before = background._activity.waits
        with background.write() as session:
            session.merge(SyncCursor(name="bench.test", value="3"))
        waited.append(background._activity.waits - before)

    engine = _engine_thread(engine_pass)
    engine.join(10)
    assert waited == [0]


def test_a_till_thread_using_the_engines_handle_stays_a_till_thread(ledger: Ledger, background: Ledger) -> None:
    # The GUI thread builds the engine, which reads the outbox counts through its own handle: that must
    # not stop the GUI thread's sales from counting as the till's use of the ledger.
    with background.read() as session:
        session.execute(text("SELECT count(*) FROM outbox"))
    activity = foreground.activity_for(ledger.path.resolve())
    before = activity._last
    with ledger.write() as session:
        session.merge(SyncCursor(name="bench.test", value="sold"))
    assert activity._last > before
    assert not foreground.is_background_thread()


def _recording_flushes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """Every ``flush_wal`` from now on: (file, thread name)."""
    flushed: list[tuple[Path, str]] = []
    real_flush = checkpointer_module.flush_wal

    def recording_flush(path: Path) -> bool:
        done = real_flush(path)
        flushed.append((path, threading.current_thread().name))
        return done

    monkeypatch.setattr(checkpointer_module, "flush_wal", recording_flush)
    return flushed


def test_the_engines_unsynced_writes_are_flushed_by_the_checkpointer_not_the_next_sale(
        ledger: Ledger, background: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(foreground, "TILL_AT_WORK_S", 0.0)  # the cashier is away: the checkpointer flushes soon
    flushed = _recording_flushes(monkeypatch)
    with ledger.write() as session:  # the till's sale: fsynced at its commit, nothing left to flush
        session.merge(SyncCursor(name="bench.flush", value="sold"))
    time.sleep(0.5)
    assert flushed == []
    with background.write() as session:
        session.merge(SyncCursor(name="bench.flush", value="pulled"))
    deadline = time.monotonic() + 5.0
    while not flushed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert flushed == [(ledger.path.resolve(), "ledger-checkpointer")]
    monkeypatch.undo()
    assert checkpointer_module.flush_wal(ledger.path) is True  # the WAL exists and can be synced here
    assert checkpointer_module.flush_wal(ledger.path.with_name("missing.sqlite3")) is False


def test_while_the_cashier_is_at_work_the_engine_flushes_its_own_writes_at_once(
        ledger: Ledger, background: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    # A sale's commit must not write out the engine's pages along with its own: while the till is in use,
    # the engine's write returns only once they are on disk (flushed after the writer lock is released).
    flushed = _recording_flushes(monkeypatch)
    with ledger.write() as session:  # the cashier's sale
        session.merge(SyncCursor(name="bench.flush", value="sold"))
    assert ledger.till_at_work()
    done: list[int] = []

    def engine_write() -> None:
        with background.write() as session:
            session.merge(SyncCursor(name="bench.flush", value="pulled"))
        done.append(len(flushed))

    _engine_thread(engine_write).join(10)
    assert done == [1]
    assert flushed[0][1] == "test-engine"
    time.sleep(0.5)  # the checkpointer has nothing left to flush
    assert len(flushed) == 1


def test_a_scan_counts_as_the_tills_use_of_the_ledger(ledger: Ledger) -> None:
    """The scan look-up has its own connection; the engine must still let it (and its repaint) go first."""
    from pos.services.catalog import CatalogService

    activity = foreground.activity_for(ledger.path.resolve())
    before = activity._last
    found: list[str] = []

    def scan() -> None:  # a thread of the till's (this test's own thread may have used a background handle)
        catalog = CatalogService(ledger)
        try:
            found.append(catalog.lookup("8412345600012").product.name)
        finally:
            catalog.close()

    worker = threading.Thread(target=scan)
    worker.start()
    worker.join(10)
    assert found and activity._last > before


def test_a_background_thread_yields_to_a_till_thread_in_the_ledger(ledger: Ledger, background: Ledger) -> None:
    till_in, till_out = threading.Event(), threading.Event()
    order: list[str] = []

    def till_sale() -> None:
        with ledger.read():
            till_in.set()
            time.sleep(0.02)  # let the background thread reach its yield first
            order.append("till out")
        till_out.set()

    def mapping_products() -> None:
        assert till_in.wait(5)
        foreground.yield_to_till(max_wait_s=5.0)
        order.append("engine maps the next product")

    sale = _in_thread(till_sale)
    engine = _engine_thread(mapping_products)
    sale.join(10)
    engine.join(10)
    assert order == ["till out", "engine maps the next product"]


def test_yielding_never_waits_inside_a_write_or_on_a_till_thread(ledger: Ledger, background: Ledger) -> None:
    with _till_in_the_ledger(ledger):
        waited: list[float] = []

        def engine_writing() -> None:
            with background.write() as session:  # the till may be queuing for this writer lock
                started = time.monotonic()
                foreground.yield_to_till(max_wait_s=2.0)
                waited.append(time.monotonic() - started)
                session.merge(SyncCursor(name="bench.test", value="w"))

        engine = _engine_thread(engine_writing)
        engine.join(10)
        started = time.monotonic()
        foreground.yield_to_till(max_wait_s=2.0)  # this test's own thread is a till thread
        waited.append(time.monotonic() - started)
        assert len(waited) == 2 and max(waited) < 0.5


def test_a_till_polling_the_ledger_slows_the_engine_down_not_per_call(ledger: Ledger, background: Ledger) -> None:
    # A screen that reads the ledger every 10 ms never leaves it alone for QUIET_S: each of the engine's
    # calls waiting MAX_WAIT_S would make a 40-call pass take 8 s.
    stop = threading.Event()

    def polling_screen() -> None:
        while not stop.is_set():
            with ledger.read() as session:
                session.execute(text("SELECT count(*) FROM outbox"))
            time.sleep(0.01)

    screen = _in_thread(polling_screen)
    took: list[float] = []

    def engine_pass() -> None:
        started = time.monotonic()
        for i in range(40):
            with background.write() as session:
                session.merge(SyncCursor(name="bench.test", value=str(i)))
        took.append(time.monotonic() - started)

    try:
        time.sleep(0.05)
        engine = _engine_thread(engine_pass)
        engine.join(30)
    finally:
        stop.set()
        screen.join(10)
    assert took and took[0] < 40 * foreground.MAX_WAIT_S / 2


def test_a_checkpoint_refused_as_busy_warns_only_when_it_keeps_happening(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    # A connection closing checkpoints as the last one goes, and then ours is refused: every shutdown used to
    # leave "WAL checkpoint … failed: database is locked" in the log as a warning.
    monkeypatch.setattr(checkpointer_module, "BUSY_WARN_AFTER", 3)
    path = tmp_path / "busy.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE t (x)")
    holder = sqlite3.connect(path, isolation_level=None)  # an exclusive lock: every checkpoint is refused
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    checkpointer = checkpointer_module.Checkpointer(path, delay_s=0.01, pages=0)
    checkpointer.attach()
    caplog.set_level(logging.DEBUG, logger=checkpointer_module.__name__)
    try:
        for _ in range(4):
            seen = len(caplog.records)
            checkpointer.written()
            deadline = time.monotonic() + 10
            while len(caplog.records) == seen and time.monotonic() < deadline:
                time.sleep(0.01)
    finally:
        checkpointer.detach()
        holder.close()
    levels = [r.levelno for r in caplog.records if "failed: database is locked" in r.getMessage()]
    assert levels[:4] == [logging.DEBUG, logging.DEBUG, logging.WARNING, logging.WARNING]
    assert checkpointer.checkpoints == 0
