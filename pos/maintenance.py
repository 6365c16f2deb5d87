"""IT's command-line tools, wired like the composition root (``pos/app.py``) wires the till:
``--diagnose``, ``--backup``, ``--restore FILE`` and ``--support-bundle FILE`` (docs/OPERATIONS.md)."""

from __future__ import annotations

import os
from pathlib import Path

from pos.config import Settings, load_settings
from pos.credentials import backend_description, keyring_available, store_credentials, wallet_credentials
from pos.devices.printer_status import printer_health
from pos.ledger.backup import BackupError, restore_ledger
from pos.ledger.db import DB_FILENAME, known_revisions
from pos.services.backups import BackupService, backup_dir
from pos.services.diagnose import diagnose
from pos.services.dto import ConnectionCheck, HealthLine


def check_store(url: str, key: str, secret: str) -> ConnectionCheck:
    from sync.check import check_store as check  # requests is imported only when a check runs

    return check(url, key, secret)


def secrets_line(settings: Settings) -> HealthLine | None:
    """Where the store keys are kept; a WARN for the fallback file (safe only on a single-user PC)."""
    if not settings.store_configured:
        return None
    if os.environ.get("MOSTRADOR_STORE_KEY") and os.environ.get("MOSTRADOR_STORE_SECRET"):
        return HealthLine("OK", "secrets", "store key from the environment (MOSTRADOR_STORE_KEY/SECRET)")
    if keyring_available():
        return HealthLine("OK", "secrets", backend_description())
    return HealthLine("WARN", "secrets", backend_description() + ": install or unlock an OS keyring "
                                         "(GNOME Keyring, KWallet) and enter the key again under Online store…")


def wallet_line(settings: Settings) -> HealthLine | None:
    """The loyalty wallet (TeraWallet) needs a WordPress application password of its own."""
    if not settings.store_configured or not settings.loyalty.enabled:
        return None
    if wallet_credentials(settings.store.url) is not None:
        return HealthLine("OK", "wallet", "application password for the wallet API is set")
    return HealthLine("WARN", "wallet", "no application password for the wallet API: wallet payments and cashback "
                                        "wait in the outbox (set MOSTRADOR_WALLET_USER/MOSTRADOR_WALLET_PASSWORD "
                                        "or store them in the keyring)")


def health_lines(data_dir: Path, settings: Settings) -> list[HealthLine]:
    def check(url: str) -> ConnectionCheck | None:
        creds = store_credentials(url)
        return check_store(url, creds.key, creds.secret) if creds else None

    lines = diagnose(data_dir, settings, check, check_printer=lambda: printer_health(settings.devices))
    at = next((i + 1 for i, line in enumerate(lines) if line.name == "store"), len(lines))
    extra = [line for line in (secrets_line(settings), wallet_line(settings)) if line is not None]
    lines[at:at] = extra
    return lines


def format_lines(lines: list[HealthLine]) -> str:
    return "".join(f"{line.status:<4} {line.name}: {line.detail}\n" for line in lines)


def run_diagnose(data_dir: Path) -> int:
    try:
        settings = load_settings(data_dir)
    except ValueError as exc:
        print(f"FAIL config: {exc}")
        return 1
    lines = health_lines(data_dir, settings)
    print(format_lines(lines), end="")
    return 1 if any(line.status == "FAIL" for line in lines) else 0


def _backups(data_dir: Path) -> BackupService:
    settings = load_settings(data_dir)
    return BackupService(data_dir / DB_FILENAME, backup_dir(data_dir, settings.backup), settings.backup)


def run_backup(data_dir: Path) -> int:
    """A backup now (the till may be running: the copy is online)."""
    try:
        service = _backups(data_dir)
        if not service.db_path.exists():
            print(f"mostrador: no ledger at {service.db_path}")
            return 1
        info = service.backup_now("manual")
    except (BackupError, ValueError) as exc:
        print(f"mostrador: backup failed: {exc}")
        return 1
    print(f"backup written: {info.path} ({info.size // 1024} KiB)")
    return 0


RESTORE_REFUSED = {
    "missing": "the file does not exist",
    "not_sqlite": "the file is not a database (not an SQLite file)",
    "corrupt": "the file is damaged (the integrity check failed)",
    "not_ledger": "the file is a database, but not a Mostrador ledger",
    "newer_schema": "the backup was made by a newer version of Mostrador: install that version first",
    "io": "the file could not be copied",
}


def run_restore(data_dir: Path, backup: Path) -> int:
    """Replace the ledger with ``backup`` (the till must be closed). The current ledger is kept as a
    ``pre-restore`` backup first; an older-schema backup is upgraded at the next start."""
    try:
        service = _backups(data_dir)
        checked, kept = restore_ledger(backup.expanduser().resolve(), service.db_path, service.directory,
                                       known_revisions())
    except BackupError as exc:
        print(f"mostrador: restore refused: {RESTORE_REFUSED.get(exc.reason, exc.reason)}.\n  {exc.detail}\n"
              "  Nothing was changed.")
        return 1
    except ValueError as exc:  # broken config.toml
        print(f"mostrador: {exc}")
        return 1
    print(f"restored {checked.path} (schema revision {checked.revision}, {checked.sales} sales/returns) "
          f"into {service.db_path}")
    if kept is not None:
        print(f"the ledger it replaced was kept as {kept.path}")
    return 0


def run_support_bundle(data_dir: Path, dest: Path) -> int:
    from pos.logs import log_dir
    from pos.services.support import export_support_bundle

    backups = None
    try:
        settings = load_settings(data_dir)
        lines = health_lines(data_dir, settings)
        backups = backup_dir(data_dir, settings.backup)
    except ValueError as exc:
        lines = [HealthLine("FAIL", "config", str(exc))]
    path = export_support_bundle(dest.expanduser(), data_dir=data_dir, log_dir=log_dir(),
                                 diagnose_text=format_lines(lines), backup_dir=backups)
    print(f"support bundle written: {path}")
    return 0
