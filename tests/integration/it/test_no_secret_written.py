"""A store key never lands in a file the app writes: config, ledger, backups, logs (DEBUG included), the
support bundle, --diagnose output. It lives only in the keyring or, on a machine without one (this one),
in the fallback file outside the data directory, readable by its owner alone."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

from sync.sandbox import SandboxServer
from tests.integration.it.leak_child import KEY, SECRET

ROOT = Path(__file__).resolve().parents[3]
CANARIES = (KEY, SECRET, KEY.removeprefix("ck_"), SECRET.removeprefix("cs_"))


def _leaks(path: Path) -> list[str]:
    blobs = [path.read_bytes()]
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as bundle:
            blobs += [bundle.read(name) for name in bundle.namelist()]
    return [c for c in CANARIES for blob in blobs if c.encode() in blob]


def test_the_store_key_is_in_no_file_the_app_writes(tmp_path: Path) -> None:
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    store.store.create_api_key(KEY, SECRET, "read_write", 1, "leak check")
    data, logs, secrets = tmp_path / "data", tmp_path / "logs", tmp_path / "private" / "secrets.json"
    env = {**os.environ, "MOSTRADOR_LOG_DIR": str(logs), "MOSTRADOR_SECRETS_FILE": str(secrets),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PYTHONPATH": str(ROOT)}
    for name in ("MOSTRADOR_STORE_KEY", "MOSTRADOR_STORE_SECRET", "MOSTRADOR_DATA_DIR"):
        env.pop(name, None)
    try:
        run = subprocess.run([sys.executable, str(Path(__file__).with_name("leak_child.py")), str(data), store.url],
                             capture_output=True, text=True, timeout=110, env=env, cwd=ROOT)
    finally:
        store.stop()
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "OK   store:" in run.stdout and "WARN secrets: fallback file" in run.stdout

    written = [p for p in [*data.rglob("*"), *logs.rglob("*")] if p.is_file()]
    names = {p.name for p in written}
    assert {"config.toml", "ledger.sqlite3", "mostrador.log", "support.zip"} <= names
    assert any(p.parent.name == "backups" for p in written)
    log_text = (logs / "mostrador.log").read_text(encoding="utf-8")
    assert "oauth_consumer_key=***" in log_text  # urllib3 did log the URLs, masked
    assert {str(p): _leaks(p) for p in written if _leaks(p)} == {}
    assert not any(c in run.stdout + run.stderr for c in CANARIES)

    # The one place it is: the fallback file, outside the data dir, owner-only from the moment it exists.
    assert SECRET in secrets.read_text(encoding="utf-8")
    if sys.platform != "win32":
        assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
