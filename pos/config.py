"""Typed settings read from ``<data-dir>/config.toml``. No secrets live here (those go to the keyring)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

CONFIG_FILENAME = "config.toml"


@dataclass(frozen=True)
class TillSettings:
    store_id: str = "S01"
    till_id: str = "T01"
    currency: str = "EUR"
    locale: str = ""  # empty: follow the system locale
    store_name: str = "Mostrador Demo"
    tax_id: str = "B12345678"
    address: str = "Calle Mayor 1, 28013 Madrid"
    receipt_footer: str = "Gracias por su compra"
    cash_rounding_minor: int = 1  # 5 where 1- and 2-cent coins are not used
    discount_approval_percent: Decimal = Decimal(10)  # above this, a manager PIN is needed
    void_needs_approval: bool = False
    max_login_attempts: int = 5


@dataclass(frozen=True)
class StoreSettings:
    kind: str = "sandbox"  # sandbox | woocommerce | shopify
    url: str = ""
    pickup_location: str = ""


@dataclass(frozen=True)
class DeviceSettings:
    printer_uri: str = "none"
    printer_profile: str = "default"
    scanner_uri: str = "keyboard"
    customer_window: str = "auto"  # auto (when a second screen exists) | on | off
    pole_uri: str = ""  # serial:///dev/ttyUSB1?baudrate=9600 for a 2×20 pole display


@dataclass(frozen=True)
class Settings:
    till: TillSettings = field(default_factory=TillSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    demo: bool = False
    store_configured: bool = False  # config.toml names a store explicitly


def default_data_dir() -> Path:
    env = os.environ.get("MOSTRADOR_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("mostrador", "Mostrador"))


def _pick(cls: type[Any], raw: dict[str, Any]) -> Any:
    known = {f for f in cls.__dataclass_fields__}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in known:
            continue
        default = getattr(cls(), key)
        values[key] = Decimal(str(value)) if isinstance(default, Decimal) else value
    return cls(**values)


def load_settings(data_dir: Path) -> Settings:
    """Read config.toml if present; missing keys take defaults. Raises ValueError on broken TOML."""
    path = data_dir / CONFIG_FILENAME
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    store_raw = raw.get("store", {})
    devices = DeviceSettings(
        printer_uri=str(raw.get("printer", {}).get("uri", "none")),
        printer_profile=str(raw.get("printer", {}).get("profile", "default")),
        scanner_uri=str(raw.get("scanner", {}).get("uri", "keyboard")),
        customer_window=str(raw.get("display", {}).get("window", "auto")),
        pole_uri=str(raw.get("display", {}).get("pole_uri", "")),
    )
    return Settings(
        till=_pick(TillSettings, raw.get("till", {})),
        store=_pick(StoreSettings, store_raw),
        devices=devices,
        demo=bool(raw.get("demo", False)),
        store_configured="kind" in store_raw,
    )


def write_default_config(data_dir: Path, *, demo: bool) -> bool:
    """Create config.toml for a fresh data directory. Never overwrites; returns True if written."""
    path = data_dir / CONFIG_FILENAME
    if path.exists():
        return False
    till = TillSettings()
    doc: dict[str, Any] = {
        "demo": demo,
        "till": {
            "store_id": till.store_id, "till_id": till.till_id, "currency": till.currency,
            "locale": till.locale, "store_name": till.store_name, "tax_id": till.tax_id,
            "address": till.address, "receipt_footer": till.receipt_footer,
            "cash_rounding_minor": till.cash_rounding_minor,
            "discount_approval_percent": str(till.discount_approval_percent),
        },
        "printer": {"uri": "none"},
        "scanner": {"uri": "keyboard"},
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return True
