"""Logging for the till: a rotating file in the platform log directory, warnings on stderr, and a filter
that masks secrets (store keys, OAuth query parameters) before any handler writes a line."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

import platformdirs

from pos import credentials

LOG_FILENAME = "mostrador.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Query-string credentials as WooCommerce sees them over http (OAuth 1.0a) and Basic auth headers.
_SECRET_PARAMS = re.compile(r"((?:oauth_[a-z_]+|consumer_key|consumer_secret)=)[^&\s'\"<>]*", re.IGNORECASE)
_BASIC = re.compile(r"(Authorization['\"]?\s*[:=]\s*['\"]?Basic\s+)[A-Za-z0-9+/=]+", re.IGNORECASE)


def log_dir() -> Path:
    return Path(os.environ.get("MOSTRADOR_LOG_DIR") or platformdirs.user_log_dir("mostrador", "Mostrador"))


class SecretMask(logging.Filter):
    """Rewrites each record's message with every known secret replaced by ``***``."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, value: str) -> None:
        if len(value) >= 4:  # masking "a" would garble every line
            with self._lock:
                self._secrets.add(value)

    def mask(self, text: str) -> str:
        text = _BASIC.sub(r"\1***", _SECRET_PARAMS.sub(r"\1***", text))
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for value in secrets:
            if value in text:
                text = text.replace(value, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        masked = self.mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_text:
            record.exc_text = self.mask(record.exc_text)
        return True


MASK = SecretMask()
credentials.on_secret(MASK.add)


def setup_logging(verbose: bool = False) -> Path:
    """A rotating log file in the platform log directory (``MOSTRADOR_LOG_DIR`` overrides), plus warnings
    on stderr. Every handler masks secrets. Returns the log directory."""
    directory = log_dir()
    root = logging.getLogger()
    # python-escpos calls logging.basicConfig() when imported; its handler would echo every INFO line.
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            directory / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(MASK)
        root.addHandler(handler)
    except OSError:
        pass  # a read-only profile must not stop the till
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.addFilter(MASK)
    root.addHandler(console)
    return directory


def log_files(directory: Path | None = None) -> list[Path]:
    """The current log and its rotated copies, newest first."""
    base = directory or log_dir()
    files = [base / LOG_FILENAME] + [base / f"{LOG_FILENAME}.{n}" for n in range(1, BACKUP_COUNT + 1)]
    return [path for path in files if path.exists()]


def tail(max_lines: int = 2000, directory: Path | None = None) -> list[str]:
    """The last ``max_lines`` lines across the current and rotated logs, oldest first (the in-app log view)."""
    lines: list[str] = []
    for path in log_files(directory):
        try:
            chunk = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        lines = chunk + lines
        if len(lines) >= max_lines:
            break
    return lines[-max_lines:]
