"""Opening the ledger: engine, SQLite pragmas, write transactions, schema migrations."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pos.ledger import checkpointer, foreground
from pos.ledger.checkpointer import background_gate, checkpointer_for, release
from pos.ledger.foreground import activity_for, is_background_thread, writing

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a schema is checked in depth or changed: an everyday start whose ledger is
# already at head (read with one SELECT, head found by reading the revision files) never loads it.

log = logging.getLogger(__name__)

DB_FILENAME = "ledger.sqlite3"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


class LedgerUnavailable(Exception):
    """The database cannot be written right now (locked, disk full, read-only). Retryable."""

    def __init__(self, reason: str) -> None:
        self.reason = reason  # "locked" | "disk_full" | "readonly" | "io"
        super().__init__(reason)


def classify_operational_error(exc: BaseException) -> LedgerUnavailable | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LedgerUnavailable("locked")
    if "full" in text:
        return LedgerUnavailable("disk_full")
    if "readonly" in text or "read-only" in text:
        return LedgerUnavailable("readonly")
    if "disk i/o" in text:
        return LedgerUnavailable("io")
    return None


def make_engine(path: Path, *, synchronous: str = "FULL", begin: str = "BEGIN IMMEDIATE",
                autocheckpoint: bool = True) -> Engine:
    """Engine for the ledger file with WAL, foreign keys, FULL sync and a busy timeout.

    pysqlite's own transaction handling is switched off so that every write transaction
    starts with ``BEGIN IMMEDIATE``: two writers then queue on the busy timeout instead of
    failing on a lock upgrade halfway through a sale. ``autocheckpoint=False``: no commit on these
    connections ever runs a WAL checkpoint (``pos/ledger/checkpointer.py`` does, off the commit).
    """
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not autocheckpoint:
            cur.execute("PRAGMA wal_autocheckpoint=0")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision this version's migrations know (a ledger at any other one was made by a newer version)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return {rev.revision for rev in script.walk_revisions()}


class SchemaTooNew(ValueError):
    """The ledger was written by a newer Mostrador; this one must not touch it."""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


def quick_head() -> str | None:
    """The head revision read from the revision files' ``revision`` / ``down_revision`` lines, without
    Alembic; None when that is not one clear head (then ask Alembic)."""
    revisions, downs = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev is None or down is None:
            return None
        revisions.add(rev.group(1))
        downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> tuple[bool, str | None]:
    """(readable, revision) straight from alembic_version; not readable when there are several rows."""
    raw = engine.raw_connection()
    try:
        try:
            rows = raw.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError:  # no table: a new, empty ledger
            return True, None
    finally:
        raw.close()
    if len(rows) > 1:
        return False, None
    return True, (str(rows[0][0]) if rows else None)


_MIGRATION_LOCK = threading.Lock()  # Alembic's command API keeps module-level state
_WRITER_LOCKS: dict[Path, threading.RLock] = {}
_WRITER_LOCKS_GUARD = threading.Lock()


def _writer_lock(path: Path) -> threading.RLock:
    """One in-process writer lock per ledger file. Threads of this process (the till, sync) then queue
    on it and are woken the moment the writer commits, instead of sleeping in SQLite's busy handler
    (whose back-off sleeps of 10-100 ms are what a sale waiting behind a sync batch used to pay)."""
    key = path.resolve()
    with _WRITER_LOCKS_GUARD:
        return _WRITER_LOCKS.setdefault(key, threading.RLock())


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``. The only way tables are ever created."""
    from alembic import command

    with _MIGRATION_LOCK:
        command.upgrade(alembic_config(engine), revision)


def migrate_ledger(engine: Engine, path: Path, backup_dir: Path | None = None) -> None:
    """Upgrade the ledger at ``path`` to head, after an online backup of it when it has data at an older
    revision (``<data-dir>/backups/ledger-…-pre-migration-<from>-to-<head>.sqlite3``). No backup, no upgrade."""
    readable, current = _stored_revision(engine)
    if readable and current is not None and current == quick_head():
        return  # the everyday start: nothing to do, and Alembic not even imported
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if current is not None:
        if current not in known_revisions():
            raise SchemaTooNew(f"{path} has schema revision {current}, newer than this version of Mostrador "
                               f"knows (up to {head}): install the newer version again, or restore a backup")
        from pos.ledger.backup import BACKUP_DIRNAME, BackupError, backup_ledger

        try:
            backup_ledger(path, backup_dir or path.parent / BACKUP_DIRNAME, f"pre-migration-{current}-to-{head}")
        except BackupError as exc:
            raise ValueError(f"not upgrading {path} from {current} to {head}: the backup before it failed "
                             f"({exc.detail})") from exc
    upgrade(engine)


class Ledger:
    """The open ledger: engine plus session factories. One per process; sessions never cross threads.

    A background writer (the sync engine) gets its own handle from ``background()``: same file, same
    in-process writer lock, but commits with ``synchronous=NORMAL`` (see there)."""

    def __init__(self, path: Path, *, migrate: bool = True, synchronous: str = "FULL") -> None:
        self.path = path
        self.synchronous = synchronous
        path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(path, synchronous=synchronous, autocheckpoint=False)
        if migrate:
            migrate_ledger(self.engine, path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = _writer_lock(path)
        self._checkpointer = checkpointer_for(path)
        self._background = False  # made by background(): the engine's handle
        self._gate: AbstractContextManager[object] = nullcontext()  # background_gate on a background handle
        self._activity = activity_for(path.resolve())  # the till's threads' use of this file (foreground.py)
        self._closed = False
        # Readers get their own engine with a deferred BEGIN: a snapshot that never queues
        # behind (or blocks) the writer.
        self.read_engine = make_engine(path, synchronous=synchronous, begin="BEGIN")
        self._readers = sessionmaker(self.read_engine, expire_on_commit=False)

    def background(self) -> Ledger:
        """A handle for a background writer whose every write can be redone: its commits are not
        fsynced (``synchronous=NORMAL`` in WAL: durable against a crash of the process, not of the
        machine), so they never queue for the disk with a sale's fsync. ``write(durable=True)`` is for the
        few records that must survive a power cut before a request goes out (the outbox's "attempted"
        mark): it returns only once the WAL is flushed to disk, and the flush runs after the writer lock
        is released, so a sale never waits for it. The argument why everything else may be lost is in
        docs/ARCHITECTURE.md, "Ledger writes and sync". Close it before this one."""
        twin = Ledger(self.path, migrate=False, synchronous="NORMAL")
        twin._background = True
        twin._gate = background_gate(self.path)
        return twin

    @contextmanager
    def write(self, *, durable: bool = False) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT); rolls back on any error. Other processes
        on the same file still queue on SQLite's busy timeout. ``durable``: on disk when this returns, even
        on a ``background()`` handle (the till's own handle commits with FULL: always); raises
        ``LedgerUnavailable("io")`` if the flush failed. On a background handle, called from a background
        thread, first lets the till's threads finish (``pos/ledger/foreground.py``)."""
        if self._background:
            if is_background_thread():  # a till thread using this handle must not wait for itself
                self._activity.wait_quiet()
            with self._transaction(flush=durable or self.till_at_work(), required=durable) as session:
                yield session
            return
        with self._activity.using(), self._transaction() as session:
            yield session

    @contextmanager
    def _transaction(self, *, flush: bool = False, required: bool = False) -> Iterator[Session]:
        """``flush``: a commit without fsync is flushed (``flush_wal``) once the writer lock is released,
        on this thread, instead of soon by the checkpointer: while a cashier is at work, a sale's commit
        would otherwise write out whatever the engine wrote since the last flush along with its own."""
        synced = self.synchronous == "FULL"
        try:
            with writing(), self._gate, self._write_lock, self._sessions.begin() as session:
                yield session
            if flush and not synced:
                synced = checkpointer.flush_wal(self.path)
                if required and not synced:
                    raise LedgerUnavailable("io")  # the caller must not act as if the record were on disk
        finally:
            self._checkpointer.written(synced=synced)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot (plain BEGIN; never takes the writer lock). On a background handle,
        first lets the till's threads finish, as ``write`` does."""
        if self._background:
            if is_background_thread():
                self._activity.wait_quiet()
            with self._snapshot() as session:
                yield session
            return
        with self._activity.using(), self._snapshot() as session:
            yield session

    def till_at_work(self) -> bool:
        """The till's threads used this file within ``TILL_AT_WORK_S`` (or are using it): a background
        writer then takes smaller bites, since any sale may arrive while it holds the writer lock, and
        flushes its commits at once."""
        return self._activity.used_within(foreground.TILL_AT_WORK_S)

    def foreground(self) -> AbstractContextManager[None]:
        """Mark till work on this file done outside ``read``/``write`` (the scan look-up's own
        connection), so that background handles let it finish first."""
        return self._activity.using()

    @contextmanager
    def _snapshot(self) -> Iterator[Session]:
        with self._readers() as session:
            try:
                yield session
            finally:
                session.rollback()

    def checkpoint(self) -> None:
        """Copy the WAL into the database now (PASSIVE: never waits for anyone). Bulk writers may call
        this between their transactions; the ledger's checkpointer thread does it shortly after any write."""
        raw = self.read_engine.raw_connection()
        try:
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[attr-defined]
        finally:
            raw.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()
        self.read_engine.dispose()
        release(self._checkpointer)
