"""Scheduled and manual backups of the ledger, on their own thread so a sale never waits for one."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pos.config import BackupSettings
from pos.ledger.backup import (
    BACKUP_DIRNAME,
    BackupError,
    BackupInfo,
    backup_ledger,
    list_backups,
    prune_backups,
)
from pos.services.dto import HealthLine

log = logging.getLogger(__name__)

FIRST_CHECK_DELAY_S = 60.0  # not while the till is starting up
CHECK_EVERY_S = 300.0


def backup_dir(data_dir: Path, settings: BackupSettings) -> Path:
    return Path(settings.dir).expanduser() if settings.dir else data_dir / BACKUP_DIRNAME


class BackupService:
    """Backups of one ledger file: make one now, list them, say whether one is due."""

    def __init__(self, db_path: Path, directory: Path, settings: BackupSettings,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.db_path = db_path
        self.directory = directory
        self.settings = settings
        self._clock = clock
        self._lock = threading.Lock()  # a manual backup and the scheduled one never run together

    def backup_now(self, reason: str = "manual") -> BackupInfo:
        """Copy the ledger now (page by page; sales go on meanwhile) and apply retention. Raises BackupError."""
        with self._lock:
            info = backup_ledger(self.db_path, self.directory, reason)
            for old in prune_backups(self.directory, self.settings.keep):
                log.info("backup %s deleted (retention: keep %d)", old.name, self.settings.keep)
            return info

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.directory)

    def last_backup(self) -> BackupInfo | None:
        found = self.backups()
        return found[0] if found else None

    def due(self) -> bool:
        if self.settings.interval_hours <= 0 or not self.db_path.exists():
            return False
        last = self.last_backup()
        return last is None or self._clock() - last.created >= timedelta(hours=self.settings.interval_hours)

    def health(self) -> HealthLine:
        """The ``backup`` line of --diagnose."""
        last = self.last_backup()
        if last is None:
            return HealthLine("WARN", "backup", f"no backup yet in {self.directory} (the till makes one within "
                                                "minutes of starting; or run mostrador --backup)")
        age = self._clock() - last.created
        hours = age.total_seconds() / 3600
        detail = (f"last {last.created:%Y-%m-%d %H:%M} UTC ({hours:.1f} h ago, {last.reason}), "
                  f"{len(self.backups())} kept")
        limit = 2 * self.settings.interval_hours if self.settings.interval_hours > 0 else 24 * 7
        if hours > limit:
            return HealthLine("WARN", "backup", f"{detail}: too old — is the till running? Is {self.directory} "
                                                "writable and not full?")
        return HealthLine("OK", "backup", f"{detail} in {self.directory}")


class BackupScheduler:
    """A daemon thread that makes a backup whenever one is due. A failing backup is logged, never raised."""

    def __init__(self, service: BackupService, *, first_delay_s: float = FIRST_CHECK_DELAY_S,
                 every_s: float = CHECK_EVERY_S, on_done: Callable[[BackupInfo | BackupError], None] | None = None
                 ) -> None:
        self._service = service
        self._first_delay = first_delay_s
        self._every = every_s
        self._on_done = on_done
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="backup-scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        delay = self._first_delay
        while not self._stop.wait(delay):
            delay = self._every
            if not self._service.due():
                continue
            try:
                result: BackupInfo | BackupError = self._service.backup_now("auto")
            except BackupError as exc:
                log.error("scheduled backup failed: %s", exc)
                result = exc
            if self._on_done is not None:
                self._on_done(result)
