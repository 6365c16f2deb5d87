"""Connecting the online store: "test connection" tells the failure kinds apart in plain words."""

from __future__ import annotations

import socket
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from pos.config import StoreSettings
from pos.credentials import StoreCredentials
from pos.services.dto import UserView
from pos.services.errors import AuthError
from pos.services.store_setup import StoreSetupService
from pos.ui.store_settings_dialog import StoreSettingsDialog
from sync.check import check_store
from sync.sandbox import SandboxServer
from tests.ui.conftest import screenshot, use_language

MANAGER = UserView(2, "Marta", "manager")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path / "store", seed="demo").start()
    yield server
    server.stop()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_check_store_tells_failures_apart(store: SandboxServer) -> None:
    assert check_store("mitienda.es", "ck_demo", "cs_demo").kind == "bad_url"
    assert check_store(f"http://127.0.0.1:{_closed_port()}", "ck_demo", "cs_demo").kind == "unreachable"
    assert check_store(store.url + "/no-wordpress-here", "ck_demo", "cs_demo").kind == "no_rest"
    assert check_store(store.url, "ck_demo", "cs_wrong").kind == "bad_credentials"
    assert check_store(store.url, "ck_nobody", "cs_demo").kind == "bad_credentials"
    ok = check_store(store.url, "ck_demo", "cs_demo")
    assert ok.ok and ok.store_name


def test_dialog_tests_and_saves_without_secrets_in_config(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         store: SandboxServer) -> None:
    saved: dict[str, StoreCredentials] = {}
    setup = StoreSetupService(tmp_path, lambda u, k, s: check_store(u, k, s),
                              save_secret=lambda url, creds: saved.__setitem__(url, creds))
    use_language("es")
    dialog = StoreSettingsDialog(None, setup, MANAGER, StoreSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "storeUrlInput").setText(store.url)
    dialog.findChild(QLineEdit, "storeKeyInput").setText("ck_demo")
    dialog.findChild(QLineEdit, "storeSecretInput").setText("cs_wrong")
    dialog.findChild(QPushButton, "testConnectionButton").click()
    result = dialog.findChild(QLabel, "storeCheckResult")
    assert "rechazado la clave" in result.text()
    screenshot(dialog, "store_settings_bad_key.png")
    dialog.findChild(QLineEdit, "storeSecretInput").setText("cs_demo")
    dialog.findChild(QPushButton, "saveStoreButton").click()
    assert "Conectado" in result.text() and "reiniciar" in result.text()
    config = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert tomllib.loads(config)["store"] == {"kind": "woocommerce", "url": store.url, "pickup_location": ""}
    assert "cs_demo" not in config and "ck_demo" not in config
    assert saved[store.url] == StoreCredentials("ck_demo", "cs_demo")


def test_only_a_manager_may_change_the_store(tmp_path: Path) -> None:
    setup = StoreSetupService(tmp_path, lambda u, k, s: pytest.fail("must not even test"))
    with pytest.raises(AuthError):
        setup.save(UserView(1, "Ana", "cashier"), kind="woocommerce", url="https://x.es", key="k", secret="s")
    assert not (tmp_path / "config.toml").exists()
