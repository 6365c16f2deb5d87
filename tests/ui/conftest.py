from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.app import Services, prepare
from pos.formatting import Formatter
from pos.ui.app import build_window, install_translators
from pos.ui.main_window import MainWindow
from pos.ui.theme import load_fonts

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    svc = prepare(tmp_path / "data", demo=True)
    yield svc
    svc.close()


def use_language(language: str) -> None:
    """Fonts and translators as the app installs them (replacing any from an earlier test)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    load_fonts(app)
    for translator in getattr(app, "_mostrador_translators", []):
        app.removeTranslator(translator)
    app._mostrador_translators = install_translators(app, language)  # type: ignore[attr-defined]


def make_window(qtbot, services: Services, language: str = "es") -> MainWindow:  # type: ignore[no-untyped-def]
    use_language(language)
    window = build_window(services, Formatter("es_ES" if language == "es" else "en_US"), language)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.isActiveWindow)
    return window


def screenshot(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    assert widget.grab().save(str(path)), path
    return path


def on_next_modal(callback, expected: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Run ``callback(dialog)`` as soon as the next modal dialog is open (exec() blocks the test)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (expected is not None and dialog.objectName() != expected and
                              type(dialog).__name__ != expected):
            QTimer.singleShot(10, poll)
            return
        try:
            callback(dialog)
        except BaseException:
            dialog.reject()  # a failed check must end the test, not leave exec() waiting forever
            raise

    QTimer.singleShot(10, poll)


def login(qtbot, window, pin: str = "1234", float_pieces: int = 10) -> None:  # type: ignore[no-untyped-def]
    """Type the PIN and Enter. When the till has no open shift it asks for the float: count
    ``float_pieces`` notes (or coins) of 10 and open the shift, so the sale screen is ready."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox

    field = window.findChild(QLineEdit, "loginPinInput")
    qtbot.keyClicks(field, pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    if page.objectName() == "shiftOpenView":
        page.findChild(QSpinBox, "denom_1000").setValue(float_pieces)
        page.findChild(QPushButton, "openShiftButton").click()
        assert window.stack.currentWidget() is window.sale_view, page.findChild(QLabel, "shiftOpenError").text()


def scan(qtbot, window, code: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    field = window.findChild(QLineEdit, "scanInput")
    qtbot.keyClicks(field, code, delay=2)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture(autouse=True)
def _release_qt_objects(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Destroy each test's windows while the QApplication is alive: left to the interpreter's final garbage
    collection, PySide6 objects can be freed after Qt is gone and abort the process at exit."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()


def open_shift(services: Services, pin: str = "1234") -> None:
    """Open the till's cash shift (a float of 100) for tests that sell or refund through the services
    before, or without, logging in on the window."""
    if services.shifts.current() is None:
        services.shifts.open(services.auth.login(pin), {1000: 10})
