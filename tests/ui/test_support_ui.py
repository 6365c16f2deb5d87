"""Support for a manager: the log in the app, a backup now, and the support bundle — a cashier gets none of it."""

from __future__ import annotations

import logging
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from pos.app import Services
from pos.logs import setup_logging
from tests.ui.conftest import login, make_window, on_next_modal, screenshot


@pytest.fixture
def logs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOSTRADOR_LOG_DIR", str(tmp_path / "logs"))
    setup_logging()
    logging.getLogger("pos.test").warning("printer offline for the support test")
    logging.getLogger("pos.test").info("an ordinary line")
    return tmp_path / "logs"


def test_manager_sees_the_log_backs_up_and_exports_a_bundle(qtbot, services: Services, logs: Path,
                                                            tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window, "9999")
    checked: dict[str, object] = {}

    def use(dialog) -> None:  # type: ignore[no-untyped-def]
        text = dialog.log_view.toPlainText()
        checked["log"] = "printer offline for the support test" in text and "an ordinary line" in text
        dialog.problems_only.setChecked(True)
        checked["filtered"] = "an ordinary line" not in dialog.log_view.toPlainText()
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "ledger-" in dialog.message.text(), timeout=15000)
        checked["backup_state"] = dialog.backup_label.text()
        dialog.export(tmp_path / "bundle.zip")
        qtbot.waitUntil(lambda: (tmp_path / "bundle.zip").exists() and dialog.bundle_button.isEnabled(), timeout=30000)
        screenshot(dialog, "support_dialog.png")
        dialog.accept()

    on_next_modal(use, "supportDialog")
    window.findChild(QAction, "supportAction").trigger()  # Gestión… → Soporte…
    assert checked["log"] and checked["filtered"]
    assert "1" in str(checked["backup_state"]) and "backups" in str(checked["backup_state"])
    assert list((services.data_dir / "backups").glob("ledger-*-manual.sqlite3"))
    with zipfile.ZipFile(tmp_path / "bundle.zip") as bundle:
        names = set(bundle.namelist())
        assert {"diagnose.txt", "config.toml", "schema.txt", "about.txt", "backups.txt", "logs/mostrador.log"} <= names
        diagnose = bundle.read("diagnose.txt").decode()
        assert "OK   database" in diagnose and "backup:" in diagnose
        assert "revision" in bundle.read("schema.txt").decode() or "head" in bundle.read("schema.txt").decode()


def test_a_cashier_cannot_open_support(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window, "1234")
    window.findChild(QAction, "supportAction").trigger()  # Gestión… → Soporte…
    assert "encargado" in window.sale_view.message.text() or "manager" in window.sale_view.message.text().lower()


def test_manager_changes_the_shop_and_till_the_wizard_set(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    import tomllib

    window = make_window(qtbot, services)
    login(qtbot, window, "9999")
    seen: dict[str, str] = {}

    def edit(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.till_id.setText("x!")
        dialog.save()
        seen["refused"] = dialog.message.text()
        dialog.store_name.setText("Tienda Nueva")
        dialog.till_id.setText("t05")
        dialog.save()
        seen["saved"] = dialog.message.text()
        dialog.accept()

    def support(dialog) -> None:  # type: ignore[no-untyped-def]
        on_next_modal(edit, "tillSettingsDialog")
        qtbot.mouseClick(dialog.till_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    on_next_modal(support, "supportDialog")
    window.findChild(QAction, "supportAction").trigger()  # Gestión… → Soporte…
    assert seen["refused"].startswith("✖") and seen["saved"].startswith("✔")
    till = tomllib.loads((services.data_dir / "config.toml").read_text(encoding="utf-8"))["till"]
    assert till["store_name"] == "Tienda Nueva" and till["till_id"] == "T05"
