"""First start of a till with no config.toml: the choices the setup wizard collects, checked and written in one
go (config.toml, the store key in the keyring, the first admin). Everything can be changed later by an
admin (Online store…, Devices…, or config.toml)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from sqlalchemy import func, select

from pos.config import CONFIG_FILENAME, TillSettings
from pos.credentials import StoreCredentials, save_store_credentials
from pos.devices.printer_uri import PrinterUriError, parse_printer_uri
from pos.domain.errors import DomainError
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import User
from pos.services.auth import hash_pin
from pos.services.dto import ConnectionCheck

CURRENCIES = {"es_ES": "EUR", "es_MX": "MXN", "en_US": "USD", "en_GB": "GBP", "ca_ES": "EUR", "pt_PT": "EUR"}
_TILL_ID = re.compile(r"^[A-Z0-9]{1,6}$")


class SetupError(DomainError):
    """A wizard choice that cannot be used. ``reason``: till_id, store_id, store_name, admin_name, pin_format,
    pin_mismatch, printer_uri, scanner_uri, store_url, store_unchecked, already_set_up."""

    code = "setup_invalid"


@dataclass(frozen=True)
class SetupChoices:
    language: str = "es"
    locale: str = "es_ES"
    store_name: str = ""
    tax_id: str = ""
    address: str = ""
    store_id: str = "S01"
    till_id: str = "T01"
    admin_name: str = ""
    admin_pin: str = ""
    store_kind: str = "none"  # none | woocommerce | sandbox
    store_url: str = ""
    store_key: str = ""
    store_secret: str = ""
    printer_uri: str = "none"
    printer_profile: str = "default"
    paper_mm: int = 80
    scanner_uri: str = "keyboard"
    demo: bool = False

    def __repr__(self) -> str:  # the wizard's state can end up in a traceback: never with the key in it
        return f"SetupChoices(store={self.store_kind} {self.store_url}, till={self.store_id}/{self.till_id})"


class FirstRunService:
    def __init__(self, data_dir: Path, checker: Callable[[str, str, str], ConnectionCheck],
                 save_secret: Callable[[str, StoreCredentials], object] = save_store_credentials) -> None:
        self.data_dir = data_dir
        self._checker = checker
        self._save_secret = save_secret

    @property
    def config_path(self) -> Path:
        return self.data_dir / CONFIG_FILENAME

    def needed(self) -> bool:
        return not self.config_path.exists()

    def test_store(self, url: str, key: str, secret: str) -> ConnectionCheck:
        return self._checker(url.strip(), key.strip(), secret.strip())

    @staticmethod
    def check_identity(choices: SetupChoices) -> None:
        if not choices.store_name.strip():
            raise SetupError(reason="store_name")
        for field, value in (("store_id", choices.store_id), ("till_id", choices.till_id)):
            if not _TILL_ID.match(value.strip().upper()):
                raise SetupError(reason=field)

    @staticmethod
    def check_admin(name: str, pin: str, repeat: str) -> None:
        if not name.strip():
            raise SetupError(reason="admin_name")
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            raise SetupError(reason="pin_format")
        if pin != repeat:
            raise SetupError(reason="pin_mismatch")

    @staticmethod
    def check_devices(printer_uri: str, scanner_uri: str) -> None:
        try:
            parse_printer_uri(printer_uri)
        except PrinterUriError as exc:
            raise SetupError(reason="printer_uri", detail=str(exc)) from exc
        if scanner_uri != "keyboard" and not scanner_uri.startswith("serial://"):
            raise SetupError(reason="scanner_uri")

    def apply(self, choices: SetupChoices) -> ConnectionCheck | None:
        """Write config.toml (never over an existing one) and save the store key. A store that does not
        answer is not saved: the wizard shows why and the admin can fix it or skip the store."""
        if not self.needed():
            raise SetupError(reason="already_set_up")
        check = None
        if not choices.demo:
            self.check_identity(choices)
            self.check_devices(choices.printer_uri, choices.scanner_uri)
            if choices.store_kind != "none":
                check = self.test_store(choices.store_url, choices.store_key, choices.store_secret)
                if not check.ok:
                    return check
                self._save_secret(choices.store_url.strip(),
                                  StoreCredentials(choices.store_key.strip(), choices.store_secret.strip()))
        self.data_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.config_path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(config_document(choices)), encoding="utf-8")
        tmp.replace(self.config_path)
        return check

    @staticmethod
    def create_admin(ledger: Ledger, name: str, pin: str) -> bool:
        """The first user, an admin, in a ledger that has none (audited). False if users already exist."""
        pin_hash = hash_pin(pin)
        with ledger.write() as session:
            if session.scalar(select(func.count()).select_from(User)):
                return False
            user = User(name=name.strip()[:64], role="admin", pin_hash=pin_hash, active=True, failed_attempts=0)
            session.add(user)
            session.flush()
            append_audit(session, "setup.first_admin", user_id=user.id, details={"name": user.name})
        return True


def config_document(choices: SetupChoices) -> dict[str, Any]:
    defaults = TillSettings()
    if choices.demo:
        till: dict[str, Any] = {"locale": choices.locale}
        return {"demo": True, "till": till, "printer": {"uri": "none"}, "scanner": {"uri": "keyboard"}}
    till = {
        "store_id": choices.store_id.strip().upper(), "till_id": choices.till_id.strip().upper(),
        "currency": CURRENCIES.get(choices.locale, defaults.currency), "locale": choices.locale,
        "store_name": choices.store_name.strip(), "tax_id": choices.tax_id.strip(),
        "address": choices.address.strip(), "receipt_footer": defaults.receipt_footer,
        "cash_rounding_minor": defaults.cash_rounding_minor,
        "discount_approval_percent": str(defaults.discount_approval_percent),
    }
    doc: dict[str, Any] = {"demo": False, "till": till,
                           "printer": {"uri": choices.printer_uri.strip() or "none",
                                       "profile": choices.printer_profile.strip() or "default",
                                       "paper_mm": choices.paper_mm},
                           "scanner": {"uri": choices.scanner_uri.strip() or "keyboard"}}
    if choices.store_kind != "none":
        doc["store"] = {"kind": choices.store_kind, "url": choices.store_url.strip(), "pickup_location": ""}
    return doc
