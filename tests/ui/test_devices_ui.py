"""The devices screen: live printer status, a test page to a real TCP printer, a test scan that does
not touch the sale, saving the choice to config.toml (manager only)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from pos.app import Services, prepare
from pos.formatting import Formatter
from tests.integration.devices.fake_printer import FakePrinter
from tests.ui.conftest import login, make_window, on_next_modal, screenshot


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def test_devices_screen(qtbot, tmp_path: Path, printer: FakePrinter) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(f'demo = true\n[printer]\nuri = "{printer.uri}"\n', encoding="utf-8")
    services: Services = prepare(data, demo=True)
    services.start_printer(Formatter("es_ES"), "es")
    try:
        window = make_window(qtbot, services)
        login(qtbot, window, "1234")
        QTest.mouseClick(window.findChild(QLabel, "printerStatusLabel"), Qt.MouseButton.LeftButton)  # a cashier may not
        assert "encargado" in window.sale_view.message.text()
        window.sale_view.logout_requested.emit()
        login(qtbot, window, "9999")

        def use(dialog) -> None:  # type: ignore[no-untyped-def]
            qtbot.waitUntil(lambda: "lista" in dialog.findChild(QLabel, "devicesPrinterStatus").text(), timeout=5000)
            dialog.findChild(QPushButton, "testPageButton").click()
            window.route_scan("2000004003500")  # the scanner, while the dialog is open: a test, not a sale
            result = dialog.findChild(QLabel, "testScanResult").text()
            assert "etiqueta de balanza" in result and "Queso manchego" in result and "0,35 kg" in result
            window.route_scan("8412345600013")
            assert "mal leído" in dialog.findChild(QLabel, "testScanResult").text()
            dialog.findChild(QComboBox, "scannerUriInput").setCurrentText("serial:///dev/ttyACM0?baudrate=9600")
            screenshot(dialog, "devices_dialog.png")
            dialog.findChild(QPushButton, "saveDevicesButton").click()
            dialog.accept()

        on_next_modal(use, "devicesDialog")
        QTest.mouseClick(window.findChild(QLabel, "printerStatusLabel"), Qt.MouseButton.LeftButton)
        assert window.findChild(QTableView, "cartTable").model().rowCount() == 0  # nothing was sold
        assert services.printer is not None and services.printer.wait_idle(5)
        assert "€".encode("cp858") in b"".join(printer.wait_jobs(1))  # the test page arrived
        saved = tomllib.loads((data / "config.toml").read_text(encoding="utf-8"))
        assert saved["scanner"]["uri"] == "serial:///dev/ttyACM0?baudrate=9600"
        assert saved["printer"]["uri"] == printer.uri and saved["demo"] is True
    finally:
        services.close()
