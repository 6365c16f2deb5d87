"""Typed settings read from ``<data-dir>/config.toml``. No secrets live here (those go to the keyring)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
import tomli_w

if TYPE_CHECKING:
    from pos.domain.scan import ScanRules

CONFIG_FILENAME = "config.toml"
SHIFT_DEFAULTS: dict[str, Any] = {"require_shift": True, "idle_lock_seconds": 300}


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
    return_days: int = 30  # receipts older than this need a manager PIN to be returned
    # Staff and shifts (docs/SHIFTS.md). Dataclass defaults keep services built directly (tests) as they were;
    # load_settings applies the product defaults (SHIFT_DEFAULTS) to a real config.toml.
    require_shift: bool = False  # a sale needs an open cash shift on this till
    idle_lock_seconds: int = 0  # back to the PIN screen after this long untouched (0: never); the sale stays
    lockout_seconds: int = 60  # after max_login_attempts wrong PINs in a row
    refund_approval_minor: int = 5000  # a refund (return) above this (50.00) needs a manager PIN
    permissions: tuple[tuple[str, str], ...] = ()  # [permissions]: action → lowest role (pos/domain/roles.py)


@dataclass(frozen=True)
class StoreSettings:
    kind: str = "sandbox"  # sandbox | woocommerce | shopify
    url: str = ""
    pickup_location: str = ""
    pickup_no_show_days: int = 7  # pickups waiting longer are flagged as not collected


@dataclass(frozen=True)
class ScannerSettings:
    """``[scanner]`` besides ``uri``: how codes arrive and how in-store labels read (``pos/domain/scan.py``).

    ``prefix``/``suffix``: characters the scanner is programmed to send around each code (stripped; with
    a keyboard wedge, a prefix also lets human typing through without any delay). ``max_gap_ms``: the
    longest pause between two keys of one scan (people type slower). ``min_length``: shorter bursts are
    typing. ``terminators``: the characters that end a frame from a serial scanner. ``variable_measure``:
    layouts of in-store weighed or priced EAN-13 labels, first match wins (default: Spain, 2-digit
    prefix 20–29, 5-digit item code, weight in grams).
    """

    prefix: str = ""
    suffix: str = ""
    max_gap_ms: int = 35
    min_length: int = 6
    terminators: str = "\r\n"
    variable_measure: tuple[str, ...] = ("2P IIIII WWWWW C",)

    def __post_init__(self) -> None:
        from pos.domain.scan import VariableMeasureLayout

        for layout in self.variable_measure:  # a broken layout stops the start, not the first scan
            VariableMeasureLayout(layout)
        if self.max_gap_ms <= 0 or self.min_length < 1:
            raise ValueError("max_gap_ms and min_length must be positive")

    def scan_rules(self, currency: str) -> ScanRules:
        """The domain's reading rules for this store (layouts, the currency's decimals)."""
        from pos.domain.money import exponent
        from pos.domain.scan import ScanRules

        return ScanRules.from_patterns(self.variable_measure, exponent(currency))


@dataclass(frozen=True)
class DeviceSettings:
    printer_uri: str = "none"
    printer_profile: str = "default"  # python-escpos capabilities profile: default, TM-T88V, TM-T20II, POS-5890…
    printer_code_page: str = "CP858"  # has €; selected again after every ESC @
    printer_paper_mm: int = 80  # 58 or 80
    printer_columns: int = 0  # 0: from paper and profile (58 mm → 32; 80 mm → 42 or 48)
    printer_code: str = "qr"  # qr | code128 | none: the receipt number, scanned for returns
    printer_drawer_pin: int = 2  # 2 or 5
    printer_status_check: bool = True  # ask DLE EOT before each job (tcp, serial, usb)
    printer_timeout_s: float = 5.0
    scanner_uri: str = "keyboard"
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    customer_window: str = "auto"  # auto (when a second screen exists) | on | off
    pole_uri: str = ""  # serial:///dev/ttyUSB1?baudrate=9600 for a 2×20 pole display


@dataclass(frozen=True)
class LoyaltySettings:
    """``[loyalty]``: cashback and the shared wallet (docs/LOYALTY.md).

    ``earn_source``: who credits cashback for a till sale. ``"pos"``: the till does, once per sale,
    with the rules below. ``"store"``: the online store's own cashback rules react to the order the
    till pushes (it carries the customer), so the till never credits (that would pay twice).
    Amounts are minor units; ``offline_spend_cap_minor`` is the most a customer may have in
    not-yet-confirmed wallet payments made while the store cannot be reached.
    """

    enabled: bool = True
    earn_source: str = "pos"  # pos | store
    cashback_percent: Decimal = Decimal(2)
    excluded_categories: tuple[str, ...] = ("Tarjetas regalo",)
    min_ticket_minor: int = 500
    offline_spend_cap_minor: int = 2000
    hold_minutes: int = 15

    def __post_init__(self) -> None:
        if self.earn_source not in ("pos", "store"):
            raise ValueError(f"[loyalty] earn_source must be 'pos' or 'store' (got {self.earn_source!r})")
        if not Decimal(0) <= self.cashback_percent <= Decimal(100):
            raise ValueError("[loyalty] cashback_percent must be between 0 and 100")
        if self.min_ticket_minor < 0 or self.offline_spend_cap_minor < 0 or self.hold_minutes < 1:
            raise ValueError("[loyalty] amounts must not be negative and hold_minutes at least 1")


def _loyalty_settings(path: Path, raw: dict[str, Any]) -> LoyaltySettings:
    try:
        values: dict[str, Any] = {}
        for key in ("enabled",):
            if key in raw:
                values[key] = bool(raw[key])
        if "earn_source" in raw:
            values["earn_source"] = str(raw["earn_source"])
        if "cashback_percent" in raw:
            values["cashback_percent"] = Decimal(str(raw["cashback_percent"]))
        if "excluded_categories" in raw:
            cats = raw["excluded_categories"]
            values["excluded_categories"] = (cats,) if isinstance(cats, str) else tuple(str(c) for c in cats)
        for key in ("min_ticket_minor", "offline_spend_cap_minor", "hold_minutes"):
            if key in raw:
                values[key] = int(raw[key])
        return LoyaltySettings(**values)
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise ValueError(f"{path}: [loyalty] {exc}") from exc


@dataclass(frozen=True)
class BackupSettings:
    """``[backup]``: automatic online backups of the ledger (docs/OPERATIONS.md)."""

    interval_hours: float = 24.0  # 0 switches scheduled backups off (backups before a migration still happen)
    keep: int = 14  # scheduled and manual backups kept; older ones are deleted
    dir: str = ""  # empty: <data-dir>/backups; a second disk or a network share is better


@dataclass(frozen=True)
class Settings:
    till: TillSettings = field(default_factory=TillSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    devices: DeviceSettings = field(default_factory=DeviceSettings)
    demo: bool = False
    store_configured: bool = False  # config.toml names a store explicitly
    loyalty: LoyaltySettings = field(default_factory=LoyaltySettings)
    backup: BackupSettings = field(default_factory=BackupSettings)


# [printer] keys of config.toml → DeviceSettings fields (besides uri)
_PRINTER_KEYS = {"profile": "printer_profile", "code_page": "printer_code_page", "paper_mm": "printer_paper_mm",
                 "columns": "printer_columns", "code": "printer_code", "drawer_pin": "printer_drawer_pin",
                 "status_check": "printer_status_check", "timeout": "printer_timeout_s"}


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


def _scanner_settings(path: Path, raw: dict[str, Any]) -> ScannerSettings:
    try:
        values = {k: v for k, v in raw.items() if k in ScannerSettings.__dataclass_fields__}
        if "variable_measure" in values:
            layouts = values["variable_measure"]
            values["variable_measure"] = (layouts,) if isinstance(layouts, str) else tuple(str(x) for x in layouts)
        for key in ("prefix", "suffix", "terminators"):
            if key in values:
                values[key] = str(values[key])
        for key in ("max_gap_ms", "min_length"):
            if key in values:
                values[key] = int(values[key])
        return ScannerSettings(**values)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: [scanner] {exc}") from exc


def _till_settings(path: Path, raw: dict[str, Any], permissions: dict[str, Any]) -> TillSettings:
    from pos.domain.roles import action_roles

    till: TillSettings = _pick(TillSettings, {**SHIFT_DEFAULTS, **raw})
    rules = tuple((str(k), str(v)) for k, v in permissions.items())
    try:
        action_roles(dict(rules))
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    if till.idle_lock_seconds < 0:
        raise ValueError(f"{path}: [till] idle_lock_seconds must be 0 (never) or more")
    return replace(till, permissions=rules)


def load_settings(data_dir: Path) -> Settings:
    """Read config.toml if present; missing keys take defaults. Raises ValueError on broken TOML."""
    path = data_dir / CONFIG_FILENAME
    if not path.exists():
        return Settings(till=_till_settings(path, {}, {}))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    store_raw = raw.get("store", {})
    devices = DeviceSettings(
        printer_uri=str(raw.get("printer", {}).get("uri", "none")),
        **{field: raw["printer"][key] for key, field in _PRINTER_KEYS.items() if key in raw.get("printer", {})},
        scanner_uri=str(raw.get("scanner", {}).get("uri", "keyboard")),
        scanner=_scanner_settings(path, raw.get("scanner", {})),
        customer_window=str(raw.get("display", {}).get("window", "auto")),
        pole_uri=str(raw.get("display", {}).get("pole_uri", "")),
    )
    return Settings(
        till=_till_settings(path, raw.get("till", {}), raw.get("permissions", {})),
        store=_pick(StoreSettings, store_raw),
        devices=devices,
        demo=bool(raw.get("demo", False)),
        store_configured="kind" in store_raw,
        loyalty=_loyalty_settings(path, raw.get("loyalty", {})),
        backup=_pick(BackupSettings, raw.get("backup", {})),
    )


def write_default_config(data_dir: Path, *, demo: bool) -> bool:
    """Create config.toml for a fresh data directory. Never overwrites; returns True if written."""
    path = data_dir / CONFIG_FILENAME
    if path.exists():
        return False
    from pos.domain.roles import RULES

    till = TillSettings()
    doc: dict[str, Any] = {
        "demo": demo,
        "till": {
            "store_id": till.store_id, "till_id": till.till_id, "currency": till.currency,
            "locale": till.locale, "store_name": till.store_name, "tax_id": till.tax_id,
            "address": till.address, "receipt_footer": till.receipt_footer,
            "cash_rounding_minor": till.cash_rounding_minor,
            "discount_approval_percent": str(till.discount_approval_percent),
            "require_shift": SHIFT_DEFAULTS["require_shift"],
            "idle_lock_seconds": SHIFT_DEFAULTS["idle_lock_seconds"],
            "refund_approval_minor": till.refund_approval_minor,
        },
        "permissions": {key: role for key, (_actions, role) in RULES.items()},
        "printer": {"uri": "none"},
        "scanner": {"uri": "keyboard"},
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(doc), encoding="utf-8")
    return True
