"""WAL checkpoints off the till's sale commits.

SQLite's automatic checkpoint runs inside whichever commit makes the WAL cross 1000 pages: every
few dozen sales one of them also copied ~4 MB into the database file and fsynced it, with the
writer lock held (docs/ARCHITECTURE.md, "Ledger writes and sync"). The ledger's write connections
therefore switch it off (``PRAGMA wal_autocheckpoint=0``) and this thread checkpoints instead:
shortly after writes happen, PASSIVE (it never waits for, nor blocks, a writer or a reader), on its
own connection. One checkpointer per ledger file, shared by every ``Ledger`` of this process on it;
it stops when the last of them closes (SQLite then checkpoints at the last connection's close).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

CHECKPOINT_DELAY_S = 1.0  # writes within this time share one checkpoint (one fsync of the database file)


class Checkpointer:
    def __init__(self, path: Path, delay_s: float = CHECKPOINT_DELAY_S) -> None:
        self.path = path
        self.delay_s = delay_s
        self.checkpoints = 0  # completed checkpoint calls (tests read it)
        self._dirty = threading.Event()
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

    def written(self) -> None:
        """A write transaction committed: checkpoint soon (starts the thread on first use)."""
        self._dirty.set()
        if self._thread is None:
            with self._guard:
                if self._thread is None and self._users > 0:
                    self._stop.clear()
                    self._thread = threading.Thread(target=self._run, name="ledger-checkpointer", daemon=True)
                    self._thread.start()

    def _run(self) -> None:
        con: sqlite3.Connection | None = None
        try:
            while True:
                self._dirty.wait()
                if self._stop.wait(self.delay_s):  # gather the writes of the next moment into one checkpoint
                    return
                self._dirty.clear()
                try:
                    if con is None:
                        con = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
                    con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.checkpoints += 1
                except sqlite3.Error as exc:  # busy or I/O: the next write asks again; never fatal
                    log.warning("WAL checkpoint of %s failed: %s", self.path, exc)
        finally:
            if con is not None:
                con.close()


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
