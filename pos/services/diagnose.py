"""Health report for IT: one OK/WARN/FAIL line per part. Broken data FAILs; a missing
printer or an unreachable store only WARNs, because the till still sells."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select, text

from pos.config import Settings
from pos.ledger.chain import verify_audit, verify_sales
from pos.ledger.db import DB_FILENAME, Ledger, current_revision, head_revision
from pos.ledger.models import OutboxEvent, Product, Sale, User
from pos.services.backups import BackupService, backup_dir
from pos.services.dto import ConnectionCheck, HealthLine

MIN_FREE_BYTES = 200 * 1024 * 1024
STALE_PENDING = timedelta(hours=24)


StoreChecker = Callable[[str], ConnectionCheck | None]


def diagnose(data_dir: Path, settings: Settings, check_store: StoreChecker | None = None,
             check_printer: Callable[[], HealthLine] | None = None) -> list[HealthLine]:
    lines: list[HealthLine] = []
    path = data_dir / DB_FILENAME
    if not path.exists():
        return [HealthLine("FAIL", "database", f"no ledger at {path} (start the till once, or run with --demo)")]
    try:
        ledger = Ledger(path, migrate=False)
    except Exception as exc:  # a broken file must still give a report, not a traceback
        return [HealthLine("FAIL", "database", f"cannot open {path}: {exc}")]
    try:
        lines += _database(ledger)
        if lines[-1].status != "FAIL":
            lines += _content(ledger)
    finally:
        ledger.close()
    lines.append(_store(settings, check_store))
    lines.append(check_printer() if check_printer else _printer(settings))
    lines.append(_scanner(settings))
    lines.append(_disk(data_dir))
    lines.append(BackupService(path, backup_dir(data_dir, settings.backup), settings.backup).health())
    return lines


def _database(ledger: Ledger) -> list[HealthLine]:
    out = []
    with ledger.read() as session:
        result = session.execute(text("PRAGMA integrity_check")).scalars().all()
    if result != ["ok"]:
        return [HealthLine("FAIL", "database", "integrity_check: " + "; ".join(map(str, result[:3])))]
    out.append(HealthLine("OK", "database", f"{ledger.path} (integrity ok)"))
    current, head = current_revision(ledger.engine), head_revision()
    if current == head:
        out.append(HealthLine("OK", "schema", f"revision {current}"))
    elif current is None:
        out.append(HealthLine("FAIL", "schema", "no schema version: not a Mostrador ledger"))
    else:
        out.append(HealthLine("WARN", "schema", f"revision {current}, this version expects {head}: "
                                                  "it is upgraded at the next start"))
    return out


def _content(ledger: Ledger) -> list[HealthLine]:
    out = []
    with ledger.read() as session:
        sales = verify_sales(session)
        audit = verify_audit(session)
        out.append(HealthLine("OK" if sales.ok else "FAIL", "ledger chain",
                              f"{sales.checked} sales/returns verified" if sales.ok
                              else f"hash chain broken at {sales.broken_at}: the ledger was altered"))
        out.append(HealthLine("OK" if audit.ok else "FAIL", "audit chain",
                              f"{audit.checked} entries verified" if audit.ok
                              else f"hash chain broken at {audit.broken_at}"))
        pending = session.scalar(select(func.count()).where(OutboxEvent.status == "pending")) or 0
        parked = session.scalar(select(func.count()).where(OutboxEvent.status == "parked")) or 0
        oldest = session.scalar(select(func.min(OutboxEvent.created_at)).where(OutboxEvent.status == "pending"))
        detail = f"{pending} pending, {parked} parked"
        status = "WARN" if parked else "OK"
        if oldest is not None:
            age = datetime.now(UTC) - (oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC))
            detail += f", oldest pending since {oldest:%Y-%m-%d %H:%M} UTC ({_age(age)} ago)"
            if age > STALE_PENDING:
                status = "WARN"
                detail += ": nothing delivered for a day — check the store line below and the log"
        if parked:
            detail += " (a manager sees the parked ones under Online store…)"
        out.append(HealthLine(status, "outbox", detail))
        products = session.scalar(select(func.count()).select_from(Product)) or 0
        sale_count = session.scalar(select(func.count()).select_from(Sale)) or 0
        users = session.scalar(select(func.count()).select_from(User).where(User.active.is_(True))) or 0
        out.append(HealthLine("OK" if users else "WARN", "data",
                              f"{products} products, {sale_count} sales/returns, {users} active users"))
    return out


def _store(settings: Settings, check_store: StoreChecker | None) -> HealthLine:
    store = settings.store
    if not settings.store_configured:
        if settings.demo:
            return HealthLine("OK", "store", "demo mode: embedded sandbox store, started with the till")
        return HealthLine("WARN", "store", "no online store configured ([store] in config.toml)")
    result = check_store(store.url) if check_store else None
    if result is None:
        return HealthLine("WARN", "store", f"{store.kind} {store.url}: no credentials (keyring or "
                                           "MOSTRADOR_STORE_KEY / MOSTRADOR_STORE_SECRET): an admin enters them "
                                           "under Online store…")
    if result.ok:
        return HealthLine("OK", "store", f"{store.url}: {result.detail}")
    # Unreachable or refused is a WARN: the till keeps selling and sync catches up later.
    return HealthLine("WARN", "store", f"{store.url}: {result.kind}: {result.detail}")


def _age(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // 1440} days"


def _printer(settings: Settings) -> HealthLine:
    uri = settings.devices.printer_uri
    if uri in ("", "none"):
        return HealthLine("WARN", "printer", "no receipt printer configured ([printer] uri)")
    return HealthLine("WARN", "printer", f"{uri}: not checked by this version")


def _scanner(settings: Settings) -> HealthLine:
    uri = settings.devices.scanner_uri
    if uri == "keyboard":
        return HealthLine("OK", "scanner", "keyboard-wedge scanner (no port to check)")
    parts = urlsplit(uri)
    if parts.scheme != "serial" or not parts.path:
        return HealthLine("FAIL", "scanner", f"{uri!r}: expected keyboard or serial:///dev/ttyACM0?baudrate=9600")
    port = Path(parts.path)
    if not port.exists():
        return HealthLine("WARN", "scanner", f"{port} not found: scanner unplugged? (the till retries by itself)")
    if not os.access(port, os.R_OK | os.W_OK):
        return HealthLine("WARN", "scanner", f"{port}: no permission (add the user to the dialout group)")
    return HealthLine("OK", "scanner", f"{port} present")


def _disk(data_dir: Path) -> HealthLine:
    free = shutil.disk_usage(data_dir).free
    if free >= MIN_FREE_BYTES:
        return HealthLine("OK", "disk", f"{free // (1024 * 1024)} MiB free in {data_dir}")
    return HealthLine("WARN", "disk", f"only {free // (1024 * 1024)} MiB free in {data_dir}: free some space "
                                      "(old backups, downloads) before the ledger cannot grow")
