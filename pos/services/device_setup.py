"""Choosing the counter's devices: printer and scanner URIs saved to config.toml (manager only).
They take effect at the next start, like the store connection."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from pos.config import CONFIG_FILENAME
from pos.services.dto import UserView
from pos.services.errors import AuthError


class DeviceSetupService:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    def save(self, user: UserView, *, printer_uri: str, scanner_uri: str, printer_profile: str = "",
             paper_mm: int | None = None) -> None:
        if not user.is_manager:
            raise AuthError(reason="not_allowed", action="devices.settings")
        path = self._data_dir / CONFIG_FILENAME
        doc: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        printer = dict(doc.get("printer", {}))
        printer["uri"] = printer_uri.strip() or "none"
        if printer_profile.strip():
            printer["profile"] = printer_profile.strip()
        if paper_mm:
            printer["paper_mm"] = paper_mm
        scanner = dict(doc.get("scanner", {}))
        scanner["uri"] = scanner_uri.strip() or "keyboard"
        doc["printer"], doc["scanner"] = printer, scanner
        tmp = path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(doc), encoding="utf-8")
        tmp.replace(path)
