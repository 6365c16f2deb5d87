"""Devices for a manager: the printer and the scanner, their live status, a test page and a test scan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from serial.tools import list_ports

from pos.config import DeviceSettings
from pos.devices.print_queue import PrintQueue
from pos.devices.printer_status import PrinterStatus
from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.catalog import CatalogService
from pos.services.device_setup import DeviceSetupService
from pos.services.dto import UserView
from pos.ui.messages import describe
from pos.ui.printer_status import printer_text
from pos.ui.theme import style


class DevicesDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, setup: DeviceSetupService, user: UserView, current: DeviceSettings,
                 printer: PrintQueue | None, catalog: CatalogService, fmt: Formatter,
                 scanner_status: Callable[[], str]) -> None:
        super().__init__(parent)
        self.setObjectName("devicesDialog")
        self.setWindowTitle(self.tr("Devices"))
        self.setMinimumWidth(640)
        style(self)
        self._setup, self._user, self._printer = setup, user, printer
        self._catalog, self._fmt = catalog, fmt
        layout = QVBoxLayout(self)

        printer_box = QGroupBox(self.tr("Receipt printer"))
        form = QFormLayout(printer_box)
        self.printer_uri = QComboBox()
        self.printer_uri.setObjectName("printerUriInput")
        self.printer_uri.setEditable(True)
        choices = [current.printer_uri, "none", "escpos+tcp://192.168.1.50:9100"]
        choices += [f"escpos+serial://{p.device}?baudrate=19200" for p in list_ports.comports()]
        self.printer_uri.addItems(list(dict.fromkeys(choices)))
        self.printer_profile = QLineEdit(current.printer_profile)
        self.printer_profile.setObjectName("printerProfileInput")
        self.paper = QComboBox()
        self.paper.addItems(["80", "58"])
        self.paper.setCurrentText(str(current.printer_paper_mm))
        self.printer_state = QLabel()
        self.printer_state.setObjectName("devicesPrinterStatus")
        form.addRow(self.tr("Connection"), self.printer_uri)
        form.addRow(self.tr("Model profile"), self.printer_profile)
        form.addRow(self.tr("Paper (mm)"), self.paper)
        form.addRow(self.tr("Status now"), self.printer_state)
        self.test_page_button = QPushButton(self.tr("Print a test page"))
        self.test_page_button.setObjectName("testPageButton")
        self.test_page_button.clicked.connect(self.test_page)
        form.addRow(self.test_page_button)
        layout.addWidget(printer_box)

        scanner_box = QGroupBox(self.tr("Scanner"))
        form = QFormLayout(scanner_box)
        self.scanner_uri = QComboBox()
        self.scanner_uri.setObjectName("scannerUriInput")
        self.scanner_uri.setEditable(True)
        choices = [current.scanner_uri, "keyboard"]
        choices += [f"serial://{p.device}?baudrate=9600" for p in list_ports.comports()]
        self.scanner_uri.addItems(list(dict.fromkeys(choices)))
        self.scanner_state = QLabel(scanner_status())
        form.addRow(self.tr("Connection"), self.scanner_uri)
        form.addRow(self.tr("Status now"), self.scanner_state)
        self.scan_result = QLabel(self.tr("Scan any product now to test the scanner."))
        self.scan_result.setObjectName("testScanResult")
        self.scan_result.setWordWrap(True)
        self.scan_result.setMinimumHeight(60)
        form.addRow(self.scan_result)
        layout.addWidget(scanner_box)

        self.message = QLabel()
        self.message.setObjectName("devicesMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save (applies at the next start)"))
        save.setObjectName("saveDevicesButton")
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(save, 2)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.show_printer_status(printer.status if printer else None)

    def show_printer_status(self, status: PrinterStatus | None) -> None:
        text, colour = printer_text(status)
        self.printer_state.setText(text)
        self.printer_state.setStyleSheet(f"color:{colour}; font-weight:bold;")

    def test_page(self) -> None:
        if self._printer is None or self._printer.print_test_page() is None:
            self.message.setText(self.tr("No printer is running: save the connection and restart the till."))
        else:
            self.message.setText(self.tr("Test page sent: check the accents, ñ, € and the cut."))

    def test_scan(self, code: str) -> None:
        """Scans arrive here instead of the sale while this dialog is open."""
        try:
            match = self._catalog.lookup(code)
        except DomainError as exc:
            self.scan_result.setText(f"{code}\n✖ {describe(exc)}")
            return
        kinds = {"gtin": self.tr("barcode"), "gs1": self.tr("GS1 label"), "variable_measure": self.tr("scale label"),
                 "other": self.tr("shop code")}
        parts = [f"✔ {kinds.get(match.scan.kind.value, match.scan.kind.value)}: {match.scan.display_code}",
                 match.product.name]
        if match.scan.net_weight_kg is not None:
            parts.append(self.tr("weight %1 kg").replace("%1", self._fmt.quantity(match.scan.net_weight_kg)))
        self.scan_result.setText("\n".join(parts))

    def save(self) -> None:
        try:
            self._setup.save(self._user, printer_uri=self.printer_uri.currentText(),
                             scanner_uri=self.scanner_uri.currentText(), printer_profile=self.printer_profile.text(),
                             paper_mm=int(self.paper.currentText()))
        except DomainError as exc:
            self.message.setText(describe(exc))
            return
        self.message.setText(self.tr("Saved. Restart the till to use the new devices."))
