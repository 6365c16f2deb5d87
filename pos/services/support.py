"""The support bundle IT sends to whoever helps them: one zip with the logs, the ``--diagnose`` report, the
configuration without secrets, the schema version and the list of backups. Never a secret, never the
ledger itself (it holds customers' data)."""

from __future__ import annotations

import platform
import re
import sqlite3
import sys
import tomllib
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from pos.config import CONFIG_FILENAME
from pos.ledger.backup import list_backups
from pos.ledger.db import DB_FILENAME, head_revision
from pos.logs import MASK, log_files

# config.toml holds no secrets by design; a key that looks like one (typed in by hand) is masked anyway.
_SECRET_KEY = re.compile(r"secret|password|passwd|token|api_?key|consumer", re.IGNORECASE)


def redacted_config(path: Path) -> str:
    if not path.exists():
        return "# no config.toml\n"
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        return f"# config.toml unreadable: {exc}\n"

    def clean(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: clean(v, k) for k, v in value.items()}
        if key and _SECRET_KEY.search(key):
            return "***"
        return MASK.mask(value) if isinstance(value, str) else value

    return tomli_w.dumps(clean(doc))


def schema_report(data_dir: Path) -> str:
    path = data_dir / DB_FILENAME
    lines = [f"expected (head): {head_revision()}"]
    if not path.exists():
        return "\n".join([*lines, "ledger: none"]) + "\n"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
        lines.append(f"ledger: {row[0] if row else 'no version'} ({path.stat().st_size // 1024} KiB)")
    except sqlite3.Error as exc:
        lines.append(f"ledger: unreadable ({exc})")
    return "\n".join(lines) + "\n"


def export_support_bundle(dest: Path, *, data_dir: Path, log_dir: Path, diagnose_text: str,
                          backup_dir: Path | None = None) -> Path:
    """Write the zip to ``dest`` (a directory gets a dated file name) and return its path."""
    if dest.is_dir():
        dest = dest / f"mostrador-support-{datetime.now(UTC):%Y%m%d-%H%M%S}.zip"
    dest.parent.mkdir(parents=True, exist_ok=True)
    backups = list_backups(backup_dir or data_dir / "backups")
    about = (f"created: {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC\npython: {sys.version.split()[0]}\n"
             f"platform: {platform.platform()}\nfrozen: {bool(getattr(sys, 'frozen', False))}\n"
             f"data dir: {data_dir}\nlog dir: {log_dir}\n")
    tmp = dest.with_name(dest.name + ".partial")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("about.txt", about)
        bundle.writestr("diagnose.txt", MASK.mask(diagnose_text))
        bundle.writestr("config.toml", redacted_config(data_dir / CONFIG_FILENAME))
        bundle.writestr("schema.txt", schema_report(data_dir))
        bundle.writestr("backups.txt", "".join(f"{b.created:%Y-%m-%d %H:%M} UTC {b.reason} {b.size // 1024} KiB "
                                               f"{b.path.name}\n" for b in backups) or "none\n")
        for path in log_files(log_dir):
            # Logs are masked as they are written; masking again covers lines from before a secret was known.
            bundle.writestr(f"logs/{path.name}", MASK.mask(path.read_text(encoding="utf-8", errors="replace")))
    tmp.replace(dest)
    return dest
