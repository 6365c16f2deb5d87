"""Store credentials: environment variables first (unattended installs, tests), then the OS keyring, then —
only on a machine with no keyring backend at all — a fallback file readable by the user alone.

Never read from or written to config.toml, never logged (``pos/logs.py`` masks every secret this module
hands out, in case a library logs a URL or header carrying it)."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)
SERVICE = "mostrador"
FALLBACK_FILENAME = "secrets.json"

# Set by pos/logs.py: every secret read or saved here is registered so the log handlers mask it.
_secret_seen: list[Callable[[str], None]] = []


@dataclass(frozen=True)
class StoreCredentials:
    key: str
    secret: str

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        return f"StoreCredentials(key={self.key[:6]}…)"


def on_secret(callback: Callable[[str], None]) -> None:
    """Call ``callback(value)`` for every secret value this module reads or saves (log masking)."""
    _secret_seen.append(callback)


def _seen(*values: str) -> None:
    for value in values:
        if value:
            for callback in _secret_seen:
                callback(value)


def fallback_path() -> Path:
    """Where secrets go when the OS has no keyring: ``MOSTRADOR_SECRETS_FILE`` or the user's config dir
    (outside the data directory, so a copied data dir or a support bundle never carries them)."""
    env = os.environ.get("MOSTRADOR_SECRETS_FILE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir("mostrador", "Mostrador")) / FALLBACK_FILENAME


def keyring_available() -> bool:
    """True when keyring has a real backend (Secret Service, KWallet, Windows Credential Manager, macOS)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0
    except Exception:  # a broken D-Bus or backend import: treat as absent
        return False


def backend_description() -> str:
    """For --diagnose and the setup wizard: where secrets are kept (never the secrets)."""
    if keyring_available():
        import keyring

        return f"OS keyring ({type(keyring.get_keyring()).__name__})"
    return f"fallback file {fallback_path()} (no OS keyring on this machine: readable by this user only)"


def _keyring_get(name: str) -> str | None:
    if not keyring_available():
        return None
    try:
        import keyring

        return keyring.get_password(SERVICE, name)
    except Exception as exc:  # locked or broken keyring: the till runs on, sync says "no credentials"
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return None


def _read_fallback() -> dict[str, str]:
    path = fallback_path()
    if not path.exists():
        return {}
    if sys.platform != "win32" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        log.warning("%s was readable by other users; restricting it to its owner", path)
        path.chmod(0o600)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("secrets file %s unreadable: %s", path, type(exc).__name__)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_fallback(values: dict[str, str]) -> Path:
    path = fallback_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {**_read_fallback(), **values}
    tmp = path.with_name(path.name + ".tmp")
    # Created 0600 from the start: there is no moment when another user could read it.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    os.replace(tmp, path)
    return path


def get_secret(name: str) -> str | None:
    value = _keyring_get(name) or _read_fallback().get(name)
    if value:
        _seen(value)
    return value


def set_secrets(values: dict[str, str]) -> str:
    """Save secrets (name → value). Returns ``"keyring"`` or ``"file"``; the file only when this machine
    has no keyring backend, with a warning in the log."""
    _seen(*values.values())
    if keyring_available():
        import keyring

        for name, value in values.items():
            keyring.set_password(SERVICE, name, value)
        return "keyring"
    path = _write_fallback(values)
    log.warning("no OS keyring on this machine: store credentials saved in %s (readable by this user only)", path)
    return "file"


def store_credentials(store_url: str) -> StoreCredentials | None:
    key = os.environ.get("MOSTRADOR_STORE_KEY") or get_secret(f"{store_url}#key")
    secret = os.environ.get("MOSTRADOR_STORE_SECRET") or get_secret(f"{store_url}#secret")
    if key and secret:
        _seen(key, secret)
        return StoreCredentials(key, secret)
    return None


def save_store_credentials(store_url: str, creds: StoreCredentials) -> str:
    """Keyring, or the fallback file on a machine without one; returns which (``keyring`` | ``file``)."""
    return set_secrets({f"{store_url}#key": creds.key, f"{store_url}#secret": creds.secret})


def wallet_credentials(store_url: str) -> StoreCredentials | None:
    """The WordPress application password for the TeraWallet API (``terawallet/v1`` does not take the
    WooCommerce key): ``MOSTRADOR_WALLET_USER`` / ``MOSTRADOR_WALLET_PASSWORD``, else the keyring (or the
    fallback file)."""
    user = os.environ.get("MOSTRADOR_WALLET_USER") or get_secret(f"{store_url}#wallet_user")
    password = os.environ.get("MOSTRADOR_WALLET_PASSWORD") or get_secret(f"{store_url}#wallet_password")
    if user and password:
        _seen(password)
        return StoreCredentials(user, password)
    return None
