"""The first-run wizard: a shop set up from nothing, with the store connection tested against the sandbox store
over real HTTP, a test page printed to a file printer, a test scan, and config.toml + keyring written at the end;
or the demo in two clicks."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from pos.config import DeviceSettings, load_settings
from pos.credentials import store_credentials
from pos.devices.printer_discovery import FoundPrinter, print_test_page
from pos.maintenance import check_store
from pos.services.first_run import FirstRunService
from pos.ui.setup_wizard import SetupWizard, WizardPorts
from sync.sandbox import SandboxServer
from tests.ui.conftest import screenshot, use_language


@pytest.fixture
def no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This machine has no keyring; a developer's might: make sure the test never writes into a real one."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    secrets = tmp_path / "private" / "secrets.json"
    monkeypatch.setenv("MOSTRADOR_SECRETS_FILE", str(secrets))
    for name in ("MOSTRADOR_STORE_KEY", "MOSTRADOR_STORE_SECRET"):
        monkeypatch.delenv(name, raising=False)
    yield secrets
    keyring.set_keyring(previous)


def _wizard(qtbot, data: Path, receipts: Path) -> SetupWizard:  # type: ignore[no-untyped-def]
    use_language("es")
    ports = WizardPorts(
        first_run=FirstRunService(data, check_store),
        find_printers=lambda network: [FoundPrinter(f"file://{receipts}", f"File {receipts.name}")],
        test_page=lambda uri: print_test_page(DeviceSettings(), uri),
        serial_ports=lambda: ["/dev/ttyACM0"],
    )
    wizard = SetupWizard(ports, "es")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(qtbot, wizard: SetupWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_a_shop_is_set_up_from_nothing(qtbot, tmp_path: Path, no_keyring: Path) -> None:  # type: ignore[no-untyped-def]
    data, receipts = tmp_path / "data", tmp_path / "receipts.bin"
    store = SandboxServer(tmp_path / "store", seed="demo").start()
    try:
        wizard = _wizard(qtbot, data, receipts)
        _next(qtbot, wizard)
        assert wizard.currentId() == SetupWizard.IDENTITY
        _next(qtbot, wizard)  # no shop name yet: refused, with the reason
        assert wizard.currentId() == SetupWizard.IDENTITY and "nombre" in wizard.identity.error.text()
        wizard.identity.store_name.setText("Ferretería Lola")  # keyClicks aborts on non-ASCII
        wizard.identity.till_id.setText("T02")
        _next(qtbot, wizard)

        qtbot.keyClicks(wizard.admin.name, "Lola")
        qtbot.keyClicks(wizard.admin.pin, "2468")
        qtbot.keyClicks(wizard.admin.repeat, "2469")
        _next(qtbot, wizard)
        assert wizard.currentId() == SetupWizard.ADMIN and "no son iguales" in wizard.admin.error.text()
        wizard.admin.repeat.setText("2468")
        _next(qtbot, wizard)

        page = wizard.store
        page.kind.setCurrentIndex(page.kind.findData("woocommerce"))
        qtbot.keyClicks(page.url, store.url)
        qtbot.keyClicks(page.key, "ck_demo")
        qtbot.keyClicks(page.secret, "wrong-secret")
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.result.text().startswith("✖"), timeout=15000)
        _next(qtbot, wizard)
        assert wizard.currentId() == SetupWizard.STORE  # a refused key is not accepted
        page.secret.setText("cs_demo")
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.result.text().startswith("✔"), timeout=15000)
        path = screenshot(wizard, "setup_wizard.png")
        assert path.stat().st_size > 0
        _next(qtbot, wizard)

        printer = wizard.printer
        qtbot.waitUntil(lambda: printer.uri.count() > 1, timeout=5000)  # the detected printer is offered
        assert printer.uri_text() == f"file://{receipts}"
        qtbot.mouseClick(printer.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: printer.result.text().startswith("✔"), timeout=15000)
        assert receipts.stat().st_size > 100
        _next(qtbot, wizard)

        scanner = wizard.scanner
        qtbot.keyClicks(scanner.test_input, "8412345600013")
        qtbot.keyClick(scanner.test_input, Qt.Key.Key_Return)
        assert "dígito de control" in scanner.result.text()
        qtbot.keyClicks(scanner.test_input, "8412345600012")
        qtbot.keyClick(scanner.test_input, Qt.Key.Key_Return)
        assert scanner.result.text().startswith("✔")
        _next(qtbot, wizard)

        assert "Ferretería Lola" in wizard.summary.summary.text()
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.accepted_choices is not None, timeout=15000)
    finally:
        store.stop()

    settings = load_settings(data)
    assert settings.till.store_name == "Ferretería Lola" and settings.till.till_id == "T02"
    assert settings.store_configured and settings.store.url == store.url and not settings.demo
    assert settings.devices.printer_uri == f"file://{receipts}"
    config = (data / "config.toml").read_text(encoding="utf-8")
    assert "cs_demo" not in config and "ck_demo" not in config
    creds = store_credentials(store.url)
    assert creds is not None and creds.secret == "cs_demo"  # from the fallback file: no keyring here
    assert no_keyring.exists()
    assert wizard.accepted_choices.admin_pin == "2468"


def test_the_demo_in_two_clicks(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    wizard = _wizard(qtbot, data, tmp_path / "r.bin")
    wizard.start.demo.setChecked(True)
    _next(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.SUMMARY and "1234" in wizard.summary.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.accepted_choices is not None, timeout=10000)
    assert tomllib.loads((data / "config.toml").read_text(encoding="utf-8"))["demo"] is True
    assert load_settings(data).demo


def test_the_app_opens_the_wizard_on_an_empty_data_dir_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pos.app import first_run_needed, prepare, run_first_run
    from tests.ui.conftest import on_next_modal

    data = tmp_path / "fresh"
    assert first_run_needed(data)

    def pick_demo(wizard: SetupWizard) -> None:
        wizard.start.demo.setChecked(True)
        _next(qtbot, wizard)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    on_next_modal(pick_demo, "setupWizard")
    choices = run_first_run(data, "en")
    assert choices is not None and choices.demo
    prepare(data, demo=False).close()  # the demo shop is seeded from config.toml's demo = true
    assert not first_run_needed(data)
    old = tmp_path / "old"  # a ledger without config.toml: an older install, no wizard
    prepare(old, demo=False).close()
    assert not first_run_needed(old)
