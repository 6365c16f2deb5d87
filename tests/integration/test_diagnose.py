"""`python main.py --diagnose` as IT runs it: one OK/WARN/FAIL line per part, non-zero only on FAIL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from pos.app import prepare
from sync.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[2]


def _diagnose(data_dir: Path, **env: str) -> tuple[int, dict[str, str]]:
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "--diagnose"],
                         capture_output=True, text=True, timeout=60, env={**os.environ, **env}, cwd=ROOT)
    lines = {}
    for line in run.stdout.splitlines():
        status, _, rest = line.partition(" ")
        name, _, detail = rest.strip().partition(": ")
        lines[name] = f"{status} {detail}"
    return run.returncode, lines


def test_demo_data_is_healthy(tmp_path: Path) -> None:
    prepare(tmp_path, demo=True).close()
    code, lines = _diagnose(tmp_path)
    assert code == 0, lines
    for part in ("database", "schema", "ledger chain", "audit chain", "outbox", "data", "store", "printer",
                 "scanner", "disk"):
        assert part in lines
    assert lines["printer"].startswith("WARN")  # no printer: a warning, the till still sells
    assert lines["store"].startswith("OK")


def test_tampered_ledger_fails(tmp_path: Path) -> None:
    services = prepare(tmp_path, demo=True)
    services.close()
    with sqlite3.connect(tmp_path / "ledger.sqlite3") as con:
        con.execute("UPDATE audit_log SET details = '{}' WHERE id = 1")
    code, lines = _diagnose(tmp_path)
    assert code == 1 and lines["audit chain"].startswith("FAIL")


def test_missing_ledger_fails(tmp_path: Path) -> None:
    code, lines = _diagnose(tmp_path / "nothing")
    assert code == 1 and lines["database"].startswith("FAIL")


def test_configured_store_reachable_then_down_is_only_a_warning(tmp_path: Path) -> None:
    prepare(tmp_path / "till", demo=False).close()
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    (tmp_path / "till" / "config.toml").write_text(f'[store]\nkind = "woocommerce"\nurl = "{store.url}"\n')
    creds = {"MOSTRADOR_STORE_KEY": "ck_demo", "MOSTRADOR_STORE_SECRET": "cs_demo"}
    try:
        code, lines = _diagnose(tmp_path / "till", **creds)
        assert lines["store"].startswith("OK"), lines["store"]
        code, lines = _diagnose(tmp_path / "till", MOSTRADOR_STORE_KEY="ck_demo", MOSTRADOR_STORE_SECRET="s3cr3t-zz")
        assert code == 0 and lines["store"].startswith("WARN") and "bad_credentials" in lines["store"]
        assert not any("s3cr3t-zz" in line for line in lines.values())  # a secret is never printed
    finally:
        store.stop()
    code, lines = _diagnose(tmp_path / "till", **creds)
    assert code == 0 and "unreachable" in lines["store"]


def test_serial_scanner_port_is_checked(tmp_path: Path) -> None:
    import pty
    import tomllib

    import tomli_w

    prepare(tmp_path, demo=True).close()
    config = tmp_path / "config.toml"
    doc = tomllib.loads(config.read_text(encoding="utf-8"))
    master, slave = pty.openpty()
    try:
        doc["scanner"] = {"uri": f"serial://{os.ttyname(slave)}?baudrate=9600"}
        config.write_text(tomli_w.dumps(doc), encoding="utf-8")
        code, lines = _diagnose(tmp_path)
        assert code == 0 and lines["scanner"].startswith("OK"), lines["scanner"]
        doc["scanner"] = {"uri": "serial:///dev/ttyNOPE0"}
        config.write_text(tomli_w.dumps(doc), encoding="utf-8")
        code, lines = _diagnose(tmp_path)
        assert code == 0 and lines["scanner"].startswith("WARN"), lines["scanner"]
    finally:
        os.close(master)
        os.close(slave)
