"""Online backups (while sales are written), retention, the backup before a migration, and --restore that
refuses what it cannot use and keeps the ledger it replaces."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pos.app import prepare
from pos.config import BackupSettings
from pos.ledger.backup import BackupError, backup_ledger, check_backup, list_backups, prune_backups
from pos.ledger.db import DB_FILENAME, Ledger, SchemaTooNew, head_revision, make_engine, upgrade
from pos.services.backups import BackupScheduler, BackupService

ROOT = Path(__file__).resolve().parents[3]


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _demo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    prepare(data, demo=True).close()
    return data


def test_online_backup_while_the_till_writes_is_whole_and_consistent(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    db = data / DB_FILENAME
    stop = threading.Event()
    written = []

    def writer() -> None:  # another connection committing all along, like a till selling
        con = sqlite3.connect(db, timeout=5)
        while not stop.is_set():
            con.execute("INSERT INTO audit_log (at, action, details, prev_hash, hash) "
                        "VALUES ('2026-01-01 00:00:00', 'x', '{}', '', '')")
            con.commit()
            written.append(1)
        con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        info = backup_ledger(db, tmp_path / "b", "manual")
    finally:
        stop.set()
        thread.join()
    assert written, "the writer was never blocked out"
    checked = check_backup(info.path)
    assert checked.revision == head_revision()
    assert _count(info.path, "products") == _count(db, "products") == 1024
    assert not Path(str(info.path) + "-wal").exists()  # a self-contained file
    assert info.reason == "manual" and list_backups(tmp_path / "b")[0].path == info.path


def test_retention_keeps_the_newest_and_the_special_ones(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    backups = tmp_path / "b"
    for _ in range(4):
        backup_ledger(data / DB_FILENAME, backups, "auto")
    special = backup_ledger(data / DB_FILENAME, backups, "pre-migration-0001-to-0003")
    removed = prune_backups(backups, keep=2)
    left = list_backups(backups)
    assert len(removed) == 2 and len(left) == 3
    assert special.path in [b.path for b in left]


def test_scheduler_backs_up_when_due_and_diagnose_says_how_old(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    service = BackupService(data / DB_FILENAME, tmp_path / "b", BackupSettings(interval_hours=1, keep=3))
    assert service.due() and service.health().status == "WARN"
    done = threading.Event()
    scheduler = BackupScheduler(service, first_delay_s=0.05, every_s=0.05, on_done=lambda _r: done.set())
    scheduler.start()
    try:
        assert done.wait(20)
    finally:
        scheduler.stop()
    assert not service.due()
    assert service.health().status == "OK"
    later = BackupService(service.db_path, service.directory, service.settings,
                          clock=lambda: datetime.now(UTC) + timedelta(hours=3))
    assert later.due() and later.health().status == "WARN"


def test_a_migration_is_preceded_by_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "data" / DB_FILENAME
    path.parent.mkdir()
    engine = make_engine(path)
    upgrade(engine, "0001")
    engine.dispose()
    Ledger(path).close()
    made = list_backups(path.parent / "backups")
    assert len(made) == 1 and made[0].reason == f"pre-migration-0001-to-{head_revision()}"
    assert check_backup(made[0].path).revision == "0001"
    Ledger(path).close()  # already at head: no second backup
    assert len(list_backups(path.parent / "backups")) == 1


def test_a_ledger_from_a_newer_version_is_not_touched(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    with sqlite3.connect(data / DB_FILENAME) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaTooNew, match="9999"):
        Ledger(data / DB_FILENAME)


def _restore(data: Path, backup: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "--restore", str(backup)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


def test_restore_refuses_corrupt_foreign_and_newer_backups_and_changes_nothing(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    before = (data / DB_FILENAME).read_bytes()
    good = backup_ledger(data / DB_FILENAME, tmp_path / "b", "manual").path
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 3])
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE t (x)")
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    expected = {garbage: "not a database", truncated: "damaged", foreign: "not a Mostrador ledger",
                newer: "newer version", tmp_path / "missing.sqlite3": "does not exist"}
    for path, words in expected.items():
        run = _restore(data, path)
        assert run.returncode == 1, run.stdout
        assert "restore refused" in run.stdout and words in run.stdout and "Nothing was changed" in run.stdout
    assert (data / DB_FILENAME).read_bytes() == before
    with pytest.raises(BackupError):
        check_backup(truncated)


def test_restore_replaces_the_ledger_and_keeps_the_one_it_replaced(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    db = data / DB_FILENAME
    good = backup_ledger(db, tmp_path / "b", "manual").path
    with sqlite3.connect(db) as con:  # a change made after the backup
        con.execute("DELETE FROM barcodes")
    assert _count(db, "barcodes") == 0
    run = _restore(data, good)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "kept as" in run.stdout
    assert _count(db, "barcodes") > 0
    kept = [b for b in list_backups(data / "backups") if b.reason == "pre-restore"]
    assert len(kept) == 1 and _count(kept[0].path, "barcodes") == 0
    ledger = Ledger(db)  # and the till opens it
    ledger.close()


def test_cli_backup_writes_a_checked_file(tmp_path: Path) -> None:
    data = _demo(tmp_path)
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "--backup"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    (made,) = list_backups(data / "backups")
    assert str(made.path) in run.stdout and check_backup(made.path).sales == 0
