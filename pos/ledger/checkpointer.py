"""WAL checkpoints off the till's sale commits.

SQLite's automatic checkpoint runs inside whichever commit makes the WAL cross 1000 pages: every
few dozen sales one of them also copied ~4 MB into the database file and fsynced it, with the
writer lock held (docs/ARCHITECTURE.md, "Ledger writes and sync"). The ledger's write connections
therefore switch it off (``PRAGMA wal_autocheckpoint=0``) and this thread does the same job instead:
after writes, it reads how many WAL frames are not yet in the database (the wal-index header in the
``-shm`` file, https://www.sqlite.org/walformat.html) and, from ``CHECKPOINT_PAGES`` on, checkpoints
PASSIVE (never waiting for, nor blocking, a writer or a reader) on its own connection. As often as
SQLite would, so no more fsyncs of the database file than before, but never on a sale's commit.

It also flushes the WAL to disk (``fsync``) after the sync engine's writes. Those commit without an
fsync (``Ledger.background``), so their pages wait in the OS cache, and the next sale's FULL commit
had to push them all out with its own. Both jobs first wait until the till's threads have left the
ledger alone for a moment (``pos/ledger/foreground.py``), so they rarely start while a sale is on its way.
One checkpointer per ledger file, shared by every ``Ledger`` of this process on it; it stops when
the last of them closes (SQLite then checkpoints at the last connection's close).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import threading
from pathlib import Path

from pos.ledger.foreground import activity_for

log = logging.getLogger(__name__)

CHECKPOINT_PAGES = 1000  # SQLite's own auto-checkpoint threshold
CHECKPOINT_DELAY_S = 0.05  # writes within this time are flushed together
# A checkpoint writes and fsyncs the database file: a sale committing meanwhile waits for the disk behind
# it. Nothing is urgent about it (a longer WAL only makes reads a little slower), so while the till keeps
# using the ledger it waits up to this long for a quiet moment, unless the WAL has grown past
# URGENT_FACTOR times the threshold.
CHECKPOINT_PATIENCE_S = 3.0
URGENT_FACTOR = 4
BUSY_WARN_AFTER = 10  # checkpoints refused as busy in a row before the log warns


def wal_frames_pending(path: Path) -> int | None:
    """Frames in the WAL not yet copied into the database (``mxFrame - nBackfill`` of the wal-index
    header), or None when the ``-shm`` file cannot be read."""
    try:
        with open(f"{path}-shm", "rb") as shm:
            head = shm.read(100)
    except OSError:
        return None
    if len(head) < 100:
        return None
    mx_frame = int.from_bytes(head[16:20], sys.byteorder)  # WalIndexHdr.mxFrame
    n_backfill = int.from_bytes(head[96:100], sys.byteorder)  # WalCkptInfo.nBackfill
    return max(mx_frame - n_backfill, 0)


def flush_wal(path: Path) -> bool:
    """``fdatasync`` the WAL file: what commits without an fsync wrote reaches the disk now, not inside the
    next FULL commit. Its data and size, as SQLite's own commits sync it, not its modification time: on
    ext4 that would cost a journal commit that the next sale's commit could queue behind. ``fsync`` where
    there is no ``fdatasync`` (Windows, macOS). False when it could not be done (no WAL yet, a platform that
    refuses)."""
    sync = getattr(os, "fdatasync", os.fsync)
    flags = os.O_RDWR if os.name == "nt" else os.O_RDONLY  # Windows' fsync needs a writable handle
    try:
        fd = os.open(f"{path}-wal", flags | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        sync(fd)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


_GATES: dict[Path, threading.RLock] = {}
_GATES_GUARD = threading.Lock()


def background_gate(path: Path) -> threading.RLock:
    """Held by each of the engine's write transactions on ``path`` and by the checkpointer while it
    checkpoints (never by the till). While sync writes without a pause, a checkpoint never caught up with
    the last frame, so SQLite never started the WAL over: it grew by every commit (97 MB in the sync
    bench's pull phase), and every commit appended new blocks. Holding the engine back for the length of
    a checkpoint lets it catch up, and the next write restarts the WAL from its start."""
    key = path.resolve()
    with _GATES_GUARD:
        return _GATES.setdefault(key, threading.RLock())  # reentrant, as the writer lock it guards


class Checkpointer:
    def __init__(self, path: Path, delay_s: float = CHECKPOINT_DELAY_S, pages: int = CHECKPOINT_PAGES,
                 patience_s: float = CHECKPOINT_PATIENCE_S) -> None:
        self.path = path
        self.patience_s = patience_s
        self.delay_s = delay_s
        self.pages = pages
        self.checkpoints = 0  # completed checkpoint calls (tests read it)
        self._dirty = threading.Event()
        self._unsynced = False  # a commit without fsync since the last flush
        self._stop = threading.Event()
        self._users = 0
        self._guard = threading.Lock()
        self._thread: threading.Thread | None = None

    def attach(self) -> None:
        with self._guard:
            self._users += 1

    def detach(self) -> bool:
        """One ``Ledger`` closed; True when it was the last (the thread is then stopped)."""
        with self._guard:
            self._users -= 1
            last = self._users <= 0
            thread, self._thread = (self._thread, None) if last else (None, self._thread)
        if thread is not None:
            self._stop.set()
            self._dirty.set()
            thread.join(10)
        return last

    def written(self, *, synced: bool = True) -> None:
        """A write transaction committed: checkpoint soon (starts the thread on first use). ``synced``:
        it was fsynced at commit; if not, the WAL is flushed soon too."""
        if not synced:
            self._unsynced = True
        self._dirty.set()
        if self._thread is None:
            with self._guard:
                if self._thread is None and self._users > 0:
                    self._stop.clear()
                    self._thread = threading.Thread(target=self._run, name="ledger-checkpointer", daemon=True)
                    self._thread.start()

    def _run(self) -> None:
        con: sqlite3.Connection | None = None
        busy = 0  # checkpoints refused in a row because another connection held the lock
        try:
            while True:
                self._dirty.wait()
                if self._stop.wait(self.delay_s):  # gather the writes of the next moment into one checkpoint
                    return
                self._dirty.clear()
                activity_for(self.path).wait_quiet()
                if self._unsynced:  # a FULL commit has flushed everything before it: nothing to do then
                    self._unsynced = False
                    flush_wal(self.path)
                pending = wal_frames_pending(self.path)
                if pending is not None and pending < self.pages:
                    continue
                if pending is not None and pending < self.pages * URGENT_FACTOR:
                    activity_for(self.path).wait_quiet(max_wait_s=self.patience_s)
                try:
                    if con is None:
                        con = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
                    with background_gate(self.path):
                        con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                    busy = 0
                except sqlite3.Error as exc:  # busy or I/O: the next write asks again; never fatal
                    busy = busy + 1 if _is_busy(exc) else 0
                    # Busy is what a connection closing (it checkpoints as the last one goes) or another
                    # process's checkpoint looks like: worth a warning only when it keeps happening.
                    level = logging.DEBUG if 0 < busy < BUSY_WARN_AFTER else logging.WARNING
                    log.log(level, "WAL checkpoint of %s failed: %s", self.path, exc)
        finally:
            if con is not None:
                con.close()


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


_CHECKPOINTERS: dict[Path, Checkpointer] = {}
_GUARD = threading.Lock()


def checkpointer_for(path: Path) -> Checkpointer:
    key = path.resolve()
    with _GUARD:
        found = _CHECKPOINTERS.get(key)
        if found is None:
            found = _CHECKPOINTERS[key] = Checkpointer(key)
        found.attach()
        return found


def release(checkpointer: Checkpointer) -> None:
    with _GUARD:
        if checkpointer.detach():
            _CHECKPOINTERS.pop(checkpointer.path, None)
