"""The lines --diagnose gained for IT: how old the oldest unsent document is, the last backup, and where the
store key is kept."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from pos.app import prepare
from pos.config import load_settings
from pos.ledger.backup import backup_ledger
from pos.ledger.db import DB_FILENAME, Ledger
from pos.ledger.models import OutboxEvent
from pos.maintenance import health_lines


def _lines(data: Path) -> dict[str, tuple[str, str]]:
    return {line.name: (line.status, line.detail) for line in health_lines(data, load_settings(data))}


def _pending(data: Path, age: timedelta) -> None:
    ledger = Ledger(data / DB_FILENAME)
    with ledger.write() as session:
        session.add(OutboxEvent(uuid=str(uuid.uuid4()), event_type="sale.completed", aggregate_type="sale",
                                aggregate_uuid=str(uuid.uuid4()), payload={}, status="pending", attempts=0,
                                created_at=datetime.now(UTC) - age))
    ledger.close()


def test_outbox_age_and_backup_age(tmp_path: Path) -> None:
    data = tmp_path / "data"
    prepare(data, demo=True).close()
    lines = _lines(data)
    assert lines["backup"][0] == "WARN" and "no backup yet" in lines["backup"][1]
    _pending(data, timedelta(minutes=30))
    lines = _lines(data)
    assert lines["outbox"] == ("OK", lines["outbox"][1]) and "(30 min ago)" in lines["outbox"][1]
    _pending(data, timedelta(days=2))
    status, detail = _lines(data)["outbox"]
    assert status == "WARN" and "2 days ago" in detail and "nothing delivered for a day" in detail
    backup_ledger(data / DB_FILENAME, data / "backups", "manual")
    status, detail = _lines(data)["backup"]
    assert status == "OK" and "manual" in detail


def test_secrets_line_says_where_the_key_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    prepare(data, demo=False).close()
    (data / "config.toml").write_text('[store]\nkind = "woocommerce"\nurl = "http://127.0.0.1:9"\n')
    monkeypatch.setenv("MOSTRADOR_SECRETS_FILE", str(tmp_path / "secrets.json"))
    monkeypatch.setenv("MOSTRADOR_STORE_KEY", "ck_x")
    monkeypatch.setenv("MOSTRADOR_STORE_SECRET", "cs_x")
    assert _lines(data)["secrets"][0] == "OK"
    monkeypatch.delenv("MOSTRADOR_STORE_KEY")
    monkeypatch.delenv("MOSTRADOR_STORE_SECRET")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # a machine with no keyring, whatever the developer's has
    try:
        lines = _lines(data)
    finally:
        keyring.set_keyring(previous)
    assert lines["secrets"][0] == "WARN" and "fallback file" in lines["secrets"][1]
    assert lines["store"][0] == "WARN" and "no credentials" in lines["store"][1]
    assert lines["wallet"][0] == "WARN" and "MOSTRADOR_WALLET_USER" in lines["wallet"][1]
    monkeypatch.setenv("MOSTRADOR_WALLET_USER", "admin")
    monkeypatch.setenv("MOSTRADOR_WALLET_PASSWORD", "app-password")
    wallet = _lines(data)["wallet"]
    assert wallet[0] == "OK" and "app-password" not in wallet[1]
