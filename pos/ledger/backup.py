"""Online backups of the ledger with SQLite's backup API, checking a backup file, and restoring one.

A backup copies the database a few hundred pages at a time with a short sleep in between. The ledger runs
in WAL mode, so the copy's read transaction never blocks a sale's write; the steps keep each read short and
let the writer check-point between them. A copy that a writer keeps restarting (every commit by another
connection restarts an SQLite backup) is finished in one step after a few tries so it always ends.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_DIRNAME = "backups"
PAGES_PER_STEP = 256  # 1 MiB with 4 KiB pages
STEP_SLEEP_S = 0.005
MAX_RESTARTS = 3
_NAME = re.compile(r"^ledger-(\d{8}T\d{6}\d{6}Z)-([a-z0-9-]+)\.sqlite3$")


class BackupError(Exception):
    """A backup could not be made, or a file is not a usable backup. ``reason`` is stable:
    ``missing``, ``not_sqlite``, ``corrupt``, ``not_ledger``, ``newer_schema``, ``io``."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC
    reason: str  # auto | manual | pre-migration-<from>-<to> | pre-restore
    size: int


@dataclass(frozen=True)
class CheckedBackup:
    path: Path
    revision: str
    sales: int


class _Restarted(Exception):
    pass


def _copy(source: sqlite3.Connection, dest: sqlite3.Connection, pages: int) -> None:
    remaining_before: list[int] = []

    def progress(_status: int, remaining: int, _total: int) -> None:
        if remaining_before and remaining > remaining_before[-1]:
            raise _Restarted()  # another connection committed: SQLite started the copy over
        remaining_before.append(remaining)

    source.backup(dest, pages=pages, progress=progress if pages > 0 else None, sleep=STEP_SLEEP_S)


def online_backup(db_path: Path, dest: Path, *, pages: int = PAGES_PER_STEP) -> Path:
    """Copy the live database at ``db_path`` to ``dest`` (a self-contained file, rollback journal mode),
    check it, and only then give it its final name. Raises :class:`BackupError`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    try:
        source = sqlite3.connect(db_path, timeout=5.0)  # read-write open: a WAL file needs its -shm
        try:
            for attempt in range(MAX_RESTARTS + 1):
                tmp.unlink(missing_ok=True)
                target = sqlite3.connect(tmp)
                try:
                    _copy(source, target, pages if attempt < MAX_RESTARTS else -1)
                    target.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
                    break
                except _Restarted:
                    log.info("backup restarted by a concurrent write (attempt %d)", attempt + 1)
                finally:
                    target.close()
        finally:
            source.close()
        check_backup(tmp)
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError("io", f"{db_path} → {dest}: {exc}") from exc
    except BackupError:
        tmp.unlink(missing_ok=True)
        raise
    return dest


def backup_name(reason: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    safe = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    return f"ledger-{stamp}-{safe}.sqlite3"


def backup_ledger(db_path: Path, backup_dir: Path, reason: str) -> BackupInfo:
    """A named backup of the ledger in ``backup_dir``."""
    start = time.perf_counter()
    path = online_backup(db_path, backup_dir / backup_name(reason))
    log.info("backup %s written in %.0f ms", path.name, (time.perf_counter() - start) * 1000)
    info = _info(path)
    assert info is not None
    return info


def _info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    return BackupInfo(path, created, match.group(2), path.stat().st_size)


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in ``backup_dir``, newest first (files not named by us are left alone)."""
    if not backup_dir.is_dir():
        return []
    found = [info for p in backup_dir.glob("ledger-*.sqlite3") if (info := _info(p)) is not None]
    return sorted(found, key=lambda b: b.created, reverse=True)


def prune_backups(backup_dir: Path, keep: int, keep_special: int = 5) -> list[Path]:
    """Keep the newest ``keep`` scheduled/manual backups and the newest ``keep_special`` made before a
    migration or a restore; delete the rest. Returns what was deleted."""
    removed = []
    scheduled = [b for b in list_backups(backup_dir) if b.reason in ("auto", "manual")]
    special = [b for b in list_backups(backup_dir) if b.reason not in ("auto", "manual")]
    for old in scheduled[max(keep, 1):] + special[max(keep_special, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def check_backup(path: Path, known_revisions: set[str] | None = None) -> CheckedBackup:
    """Is ``path`` a whole, readable Mostrador ledger of a schema this version knows? Raises BackupError."""
    if not path.is_file():
        raise BackupError("missing", f"{path} does not exist")
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise BackupError("not_sqlite", f"{path} is not an SQLite database")
    try:
        con = sqlite3.connect(path, timeout=5.0)
        try:
            result = [row[0] for row in con.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise BackupError("corrupt", f"{path}: " + "; ".join(map(str, result[:3])))
            try:
                revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
                sales = con.execute("SELECT count(*) FROM sales").fetchone()[0]
            except sqlite3.Error as exc:
                raise BackupError("not_ledger", f"{path}: not a Mostrador ledger ({exc})") from exc
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
        raise BackupError("corrupt", f"{path}: {exc}") from exc
    if revision is None:
        raise BackupError("not_ledger", f"{path}: no schema version")
    if known_revisions is not None and revision[0] not in known_revisions:
        raise BackupError("newer_schema", f"{path} has schema revision {revision[0]}, which this version of "
                                          "Mostrador does not know: it was made by a newer version")
    return CheckedBackup(path, str(revision[0]), int(sales))


def restore_ledger(backup: Path, db_path: Path, backup_dir: Path, known_revisions: set[str]) -> tuple[
        CheckedBackup, BackupInfo | None]:
    """Replace the ledger at ``db_path`` with ``backup``, after checking the backup and keeping a copy of the
    current ledger in ``backup_dir`` (reason ``pre-restore``). The till must not be running."""
    checked = check_backup(backup, known_revisions)
    kept = None
    if db_path.exists():
        kept = backup_ledger(db_path, backup_dir, "pre-restore")
    tmp = db_path.with_name(db_path.name + ".restoring")
    tmp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(backup, timeout=5.0)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
        # A -wal left beside the old file would be replayed into the restored one: remove both first.
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError("io", f"restoring {backup}: {exc}") from exc
    return checked, kept


def free_space(path: Path) -> int:
    return shutil.disk_usage(path).free
