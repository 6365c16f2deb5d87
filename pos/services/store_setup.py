"""Connecting the till to an online store: test the connection, then save URL (config.toml) and
credentials (keyring). Only a manager or admin may change it."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from pos.config import CONFIG_FILENAME
from pos.credentials import StoreCredentials, save_store_credentials
from pos.services.dto import ConnectionCheck, UserView
from pos.services.errors import AuthError, StorageError

Checker = Callable[[str, str, str], ConnectionCheck]


class StoreSetupService:
    def __init__(self, data_dir: Path, checker: Checker,
                 save_secret: Callable[[str, StoreCredentials], None] = save_store_credentials) -> None:
        self._data_dir = data_dir
        self._checker = checker
        self._save_secret = save_secret

    def test(self, url: str, key: str, secret: str) -> ConnectionCheck:
        return self._checker(url, key, secret)

    def save(self, user: UserView, *, kind: str, url: str, key: str, secret: str,
             pickup_location: str = "") -> ConnectionCheck:
        """Test, and only when the store answers, store the settings. Takes effect at the next start."""
        if not user.is_manager:
            raise AuthError(reason="not_allowed", action="store.settings")
        check = self._checker(url, key, secret)
        if not check.ok:
            return check
        try:
            self._save_secret(url.strip(), StoreCredentials(key.strip(), secret.strip()))
        except Exception as exc:  # no keyring backend on this machine
            raise StorageError(reason="keyring", detail=type(exc).__name__) from exc
        path = self._data_dir / CONFIG_FILENAME
        doc: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        doc["store"] = {"kind": kind, "url": url.strip(), "pickup_location": pickup_location.strip()}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(doc), encoding="utf-8")
        tmp.replace(path)  # never a half-written config
        return check
