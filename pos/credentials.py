"""Store credentials: environment variables first (unattended installs, tests), then the OS keyring.
Never read from or written to config.toml, never logged."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

log = logging.getLogger(__name__)
SERVICE = "mostrador"


@dataclass(frozen=True)
class StoreCredentials:
    key: str
    secret: str

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        return f"StoreCredentials(key={self.key[:6]}…)"


def _keyring_get(name: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SERVICE, name)
        except KeyringError as exc:
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return None
    except Exception as exc:  # no backend at all on a bare Linux box
        log.warning("keyring unavailable: %s", type(exc).__name__)
        return None


def store_credentials(store_url: str) -> StoreCredentials | None:
    key = os.environ.get("MOSTRADOR_STORE_KEY") or _keyring_get(f"{store_url}#key")
    secret = os.environ.get("MOSTRADOR_STORE_SECRET") or _keyring_get(f"{store_url}#secret")
    if key and secret:
        return StoreCredentials(key, secret)
    return None


def save_store_credentials(store_url: str, creds: StoreCredentials) -> None:
    import keyring

    keyring.set_password(SERVICE, f"{store_url}#key", creds.key)
    keyring.set_password(SERVICE, f"{store_url}#secret", creds.secret)


def wallet_credentials(store_url: str) -> StoreCredentials | None:
    """The WordPress application password for the TeraWallet API (``terawallet/v1`` does not take the
    WooCommerce key): ``MOSTRADOR_WALLET_USER`` / ``MOSTRADOR_WALLET_PASSWORD``, else the keyring."""
    user = os.environ.get("MOSTRADOR_WALLET_USER") or _keyring_get(f"{store_url}#wallet_user")
    password = os.environ.get("MOSTRADOR_WALLET_PASSWORD") or _keyring_get(f"{store_url}#wallet_password")
    if user and password:
        return StoreCredentials(user, password)
    return None
