"""First-run setup wizard (no config.toml, not --demo): language, shop and till, the first admin, the online
store with "test connection", the receipt printer with detection and a test page, the scanner with a test
scan — or the demo. Everything it sets is changed later under Online store… and Devices… (admin)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pos.devices.printer_discovery import FoundPrinter
from pos.devices.printer_status import PrinterStatus
from pos.domain.barcode import clean_scan, has_valid_check_digit, is_gtin_like
from pos.domain.errors import DomainError
from pos.services.dto import ConnectionCheck
from pos.services.first_run import FirstRunService, SetupChoices
from pos.ui.background import BackgroundTask
from pos.ui.messages import describe
from pos.ui.printer_status import printer_text
from pos.ui.store_settings_dialog import explain
from pos.ui.theme import style

OK_COLOUR, BAD_COLOUR = "#0b6e2f", "#b3261e"
LOCALES = (("es_ES", "Español (España)"), ("es_MX", "Español (México)"), ("en_US", "English (US)"),
           ("en_GB", "English (UK)"))


@dataclass(frozen=True)
class WizardPorts:
    """What the wizard may do, wired by the composition root."""

    first_run: FirstRunService
    find_printers: Callable[[bool], list[FoundPrinter]]  # True: also scan the local network (seconds)
    test_page: Callable[[str], PrinterStatus]
    serial_ports: Callable[[], list[str]]


def _result(label: QLabel, ok: bool, text: str) -> None:
    label.setStyleSheet(f"color:{OK_COLOUR if ok else BAD_COLOUR}; font-weight:bold;")
    label.setText(("✔ " if ok else "✖ ") + text)


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class StartPage(QWizardPage):
    def __init__(self, language: str, locale: str) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Mostrador"))
        self.setSubTitle(self.tr("This till has no settings yet. A few steps and it is ready to sell."))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("setupLanguageInput")
        self.language.addItem("Español", "es")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.locale = QComboBox()
        self.locale.setObjectName("setupLocaleInput")
        for code, name in LOCALES:
            self.locale.addItem(name, code)
        self.locale.setCurrentIndex(max(0, self.locale.findData(locale)))
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Country and money"), self.locale)
        self.setup = QRadioButton(self.tr("Set up this till for my shop"))
        self.setup.setObjectName("setupRealButton")
        self.demo = QRadioButton(self.tr("Try the demo: a sample shop, nothing to set up"))
        self.demo.setObjectName("setupDemoButton")
        self.setup.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.setup)
        group.addButton(self.demo)
        form.addRow(self.setup)
        form.addRow(self.demo)


class IdentityPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Shop and till"))
        self.setSubTitle(self.tr("Printed on every receipt. The till number starts its receipt series (T01-000001)."))
        form = QFormLayout(self)
        self.store_name = QLineEdit()
        self.store_name.setObjectName("setupStoreNameInput")
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText("B12345678")
        self.address = QLineEdit()
        self.store_id = QLineEdit("S01")
        self.store_id.setObjectName("setupStoreIdInput")
        self.till_id = QLineEdit("T01")
        self.till_id.setObjectName("setupTillIdInput")
        form.addRow(self.tr("Shop name"), self.store_name)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Shop code"), self.store_id)
        form.addRow(self.tr("Till number"), self.till_id)
        self.error = _label(name="setupIdentityError")
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        choices = SetupChoices(store_name=self.store_name.text(), store_id=self.store_id.text(),
                               till_id=self.till_id.text())
        try:
            FirstRunService.check_identity(choices)
        except DomainError as exc:
            _result(self.error, False, describe(exc))
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("An admin can change every setting later and add cashiers. Keep the PIN safe."))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("setupAdminNameInput")
        self.pin = QLineEdit()
        self.pin.setObjectName("setupAdminPinInput")
        self.repeat = QLineEdit()
        self.repeat.setObjectName("setupAdminPinRepeatInput")
        for field in (self.pin, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin)
        form.addRow(self.tr("PIN again"), self.repeat)
        self.error = _label(name="setupAdminError")
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        try:
            FirstRunService.check_admin(self.name.text(), self.pin.text(), self.repeat.text())
        except DomainError as exc:
            _result(self.error, False, describe(exc))
            return False
        return True


class StorePage(QWizardPage):
    def __init__(self, first_run: FirstRunService) -> None:
        super().__init__()
        self._first_run = first_run
        self._verified: tuple[str, str, str] | None = None
        self.setTitle(self.tr("Online store"))
        self.setSubTitle(self.tr("Connect the till to the shop's WooCommerce, or leave it for later (Online store…)."))
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.setObjectName("setupStoreKindInput")
        self.kind.addItem(self.tr("No online store for now"), "none")
        self.kind.addItem("WooCommerce", "woocommerce")
        self.url = QLineEdit()
        self.url.setObjectName("setupStoreUrlInput")
        self.url.setPlaceholderText("https://mitienda.es")
        self.key = QLineEdit()
        self.key.setObjectName("setupStoreKeyInput")
        self.key.setPlaceholderText("ck_…")
        self.secret = QLineEdit()
        self.secret.setObjectName("setupStoreSecretInput")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("cs_…")
        form.addRow(self.tr("Platform"), self.kind)
        form.addRow(self.tr("Store address"), self.url)
        form.addRow(self.tr("Consumer key"), self.key)
        form.addRow(self.tr("Consumer secret"), self.secret)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("setupTestConnectionButton")
        self.test_button.clicked.connect(self.test)
        form.addRow(self.test_button)
        self.result = _label(name="setupStoreResult")
        self.result.setMinimumHeight(60)
        form.addRow(self.result)
        form.addRow(_label(self.tr("The key is kept in the system's keyring, never in the settings file.")))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _values(self) -> tuple[str, str, str]:
        return self.url.text().strip(), self.key.text().strip(), self.secret.text().strip()

    def _kind_changed(self) -> None:
        on = self.kind.currentData() != "none"
        for widget in (self.url, self.key, self.secret, self.test_button):
            widget.setEnabled(on)

    def test(self) -> None:
        values = self._values()
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Testing…"))

        def done(check: ConnectionCheck | None, error: BaseException | None) -> None:
            self.test_button.setEnabled(True)
            if check is None:
                _result(self.result, False, describe(error or RuntimeError()))
                return
            self._verified = values if check.ok else None
            _result(self.result, check.ok, explain(check))

        BackgroundTask(self, lambda: self._first_run.test_store(*values), done).start()

    def validatePage(self) -> bool:  # noqa: N802
        if self.kind.currentData() == "none" or self._verified == self._values():
            return True
        _result(self.result, False, self.tr("Test the connection first (or choose no online store for now)."))
        return False


class PrinterPage(QWizardPage):
    def __init__(self, ports: WizardPorts) -> None:
        super().__init__()
        self._ports = ports
        self.setTitle(self.tr("Receipt printer"))
        self.setSubTitle(self.tr("Pick a printer found on this PC or type its address; print a test page."))
        form = QFormLayout(self)
        self.uri = QComboBox()
        self.uri.setObjectName("setupPrinterUriInput")
        self.uri.setEditable(True)
        self.uri.addItem(self.tr("No printer"), "none")
        self.uri.setMinimumWidth(420)
        row = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Search the network too"))
        self.find_button.setObjectName("setupFindPrintersButton")
        self.find_button.clicked.connect(lambda: self.find(network=True))
        self.test_button = QPushButton(self.tr("Print a test page"))
        self.test_button.setObjectName("setupTestPageButton")
        self.test_button.clicked.connect(self.test_page)
        row.addWidget(self.find_button)
        row.addWidget(self.test_button)
        self.paper = QComboBox()
        self.paper.addItems(["80", "58"])
        form.addRow(self.tr("Printer"), self.uri)
        form.addRow(self.tr("Paper (mm)"), self.paper)
        form.addRow(row)
        self.result = _label(name="setupPrinterResult")
        self.result.setMinimumHeight(60)
        form.addRow(self.result)
        self._searched = False

    def initializePage(self) -> None:  # noqa: N802
        if not self._searched:
            self._searched = True
            self.find(network=False)

    def uri_text(self) -> str:
        data = self.uri.currentData()
        text = self.uri.currentText().strip()
        return str(data) if data and self.uri.itemText(self.uri.currentIndex()) == text else text

    def find(self, *, network: bool) -> None:
        self.find_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Looking for printers…"))

        def done(found: list[FoundPrinter] | None, error: BaseException | None) -> None:
            self.find_button.setEnabled(True)
            known = {self.uri.itemData(i) for i in range(self.uri.count())}
            for printer in found or []:
                if printer.uri not in known:
                    self.uri.addItem(f"{printer.label} — {printer.uri}", printer.uri)
            count = len(found or [])
            self.result.setText(self.tr("%n printer(s) found.", "", count) if error is None
                                else describe(error))
            if count and self.uri.currentData() == "none":
                self.uri.setCurrentIndex(1)

        BackgroundTask(self, lambda: self._ports.find_printers(network), done).start()

    def test_page(self) -> None:
        uri = self.uri_text()
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Printing…"))

        def done(status: PrinterStatus | None, error: BaseException | None) -> None:
            self.test_button.setEnabled(True)
            if status is None:
                _result(self.result, False, describe(error or RuntimeError()))
                return
            text, _colour = printer_text(status)
            if status.ok:
                text = self.tr("Test page sent: check the accents, ñ, € and the cut.")
            _result(self.result, status.ok, text)
            self.result.setToolTip(status.detail)

        BackgroundTask(self, lambda: self._ports.test_page(uri), done).start()

    def validatePage(self) -> bool:  # noqa: N802
        try:
            FirstRunService.check_devices(self.uri_text(), "keyboard")
        except DomainError as exc:
            _result(self.result, False, describe(exc))
            return False
        return True


class ScannerPage(QWizardPage):
    def __init__(self, ports: WizardPorts) -> None:
        super().__init__()
        self.setTitle(self.tr("Scanner"))
        self.setSubTitle(self.tr("Most USB scanners type like a keyboard. Scan any barcode to test it."))
        form = QFormLayout(self)
        self.uri = QComboBox()
        self.uri.setObjectName("setupScannerUriInput")
        self.uri.addItem(self.tr("USB scanner that types (keyboard)"), "keyboard")
        for port in ports.serial_ports():
            self.uri.addItem(self.tr("Serial scanner on %1").replace("%1", port), f"serial://{port}?baudrate=9600")
        self.test_input = QLineEdit()
        self.test_input.setObjectName("setupScanTestInput")
        self.test_input.setPlaceholderText(self.tr("Scan a barcode here"))
        self.test_input.returnPressed.connect(self.scanned)
        self.result = _label(name="setupScanResult")
        self.result.setMinimumHeight(48)
        form.addRow(self.tr("Scanner"), self.uri)
        form.addRow(self.tr("Test scan"), self.test_input)
        form.addRow(self.result)
        form.addRow(_label(self.tr("A serial scanner is tested under Devices… once the till runs.")))

    def initializePage(self) -> None:  # noqa: N802
        self.test_input.setFocus()

    def scanned(self) -> None:
        code = clean_scan(self.test_input.text())
        self.test_input.clear()
        if not code:
            return
        if is_gtin_like(code):
            ok = has_valid_check_digit(code)
            text = (self.tr("Read %1: a valid barcode.") if ok else
                    self.tr("Read %1, but its check digit is wrong: check the scanner's settings.")).replace("%1", code)
        else:
            ok, text = True, self.tr("Read %1 (a shop code, not an EAN).").replace("%1", code)
        _result(self.result, ok, text)


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Ready"))
        layout = QVBoxLayout(self)
        self.summary = _label(name="setupSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.result = _label(name="setupFinishResult")
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._saved = False

    def initializePage(self) -> None:  # noqa: N802
        c = self._wizard.choices()
        if c.demo:
            self.summary.setText(self.tr("The till starts with a sample shop, sample products, cashier PIN 1234 and "
                                         "manager PIN 9999. Nothing is sent to a real store."))
            return
        store = self.tr("none for now") if c.store_kind == "none" else c.store_url
        printer = self.tr("none") if c.printer_uri == "none" else c.printer_uri
        lines = [self.tr("Shop: %1 (%2), till %3").replace("%1", c.store_name).replace("%2", c.store_id)
                 .replace("%3", c.till_id),
                 self.tr("Administrator: %1").replace("%1", c.admin_name),
                 self.tr("Online store: %1").replace("%1", store),
                 self.tr("Printer: %1").replace("%1", printer),
                 self.tr("Scanner: %1").replace("%1", c.scanner_uri),
                 "",
                 self.tr("An admin changes all of this later under Online store… and Devices….")]
        self.summary.setText("\n".join(lines))

    def validatePage(self) -> bool:  # noqa: N802
        if self._saved:
            return True
        choices = self._wizard.choices()
        self._wizard.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Saving…"))

        def done(check: ConnectionCheck | None, error: BaseException | None) -> None:
            self._wizard.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            if error is not None:
                _result(self.result, False, describe(error))
                return
            if check is not None and not check.ok:
                _result(self.result, False, explain(check))
                return
            self._saved = True
            self._wizard.accepted_choices = choices
            self._wizard.accept()

        BackgroundTask(self, lambda: self._wizard.ports.first_run.apply(choices), done).start()
        return False


class SetupWizard(QWizard):
    START, IDENTITY, ADMIN, STORE, PRINTER, SCANNER, SUMMARY = range(7)
    RESTART = 2  # exec() result: the language was changed, show the wizard again in it

    def __init__(self, ports: WizardPorts, language: str, locale: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Mostrador — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(760, 560)
        style(self)
        self.ports = ports
        self.language = language
        self.accepted_choices: SetupChoices | None = None
        self.start = StartPage(language, locale or ("es_ES" if language == "es" else "en_US"))
        self.identity = IdentityPage()
        self.admin = AdminPage()
        self.store = StorePage(ports.first_run)
        self.printer = PrinterPage(ports)
        self.scanner = ScannerPage(ports)
        self.summary = SummaryPage(self)
        for page_id, page in enumerate((self.start, self.identity, self.admin, self.store, self.printer,
                                        self.scanner, self.summary)):
            self.setPage(page_id, page)
        self.start.language.currentIndexChanged.connect(self._language_changed)

    def _language_changed(self) -> None:
        chosen = str(self.start.language.currentData())
        if chosen != self.language:
            self.language = chosen
            self.done(self.RESTART)

    def nextId(self) -> int:  # noqa: N802
        if self.currentId() == self.START and self.start.demo.isChecked():
            return self.SUMMARY
        return super().nextId()

    def choices(self) -> SetupChoices:
        locale = str(self.start.locale.currentData())
        base = SetupChoices(language=self.language, locale=locale)
        if self.start.demo.isChecked():
            return replace(base, demo=True)
        fields: dict[str, Any] = {
            "store_name": self.identity.store_name.text(), "tax_id": self.identity.tax_id.text(),
            "address": self.identity.address.text(), "store_id": self.identity.store_id.text(),
            "till_id": self.identity.till_id.text(), "admin_name": self.admin.name.text(),
            "admin_pin": self.admin.pin.text(), "store_kind": str(self.store.kind.currentData()),
            "store_url": self.store.url.text(), "store_key": self.store.key.text(),
            "store_secret": self.store.secret.text(), "printer_uri": self.printer.uri_text(),
            "paper_mm": int(self.printer.paper.currentText()), "scanner_uri": str(self.scanner.uri.currentData()),
        }
        return replace(base, **fields)


def run_setup_wizard(ports: WizardPorts, language: str) -> SetupChoices | None:
    """Show the wizard until it is finished (choices saved) or cancelled (None). Changing the language shows
    it again in that language."""
    import os
    import sys

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos.ui.app import install_translators
    from pos.ui.theme import load_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Mostrador")
    load_fonts(app)
    while True:
        translators = install_translators(app, language)
        wizard = SetupWizard(ports, language)
        if os.environ.get("MOSTRADOR_EXIT_WHEN_READY"):  # --ready-exit: a start-up check must never wait here
            QTimer.singleShot(0, wizard.reject)
        result = wizard.exec()
        for translator in translators:
            app.removeTranslator(translator)
        if result != SetupWizard.RESTART:
            return wizard.accepted_choices
        language = wizard.language
