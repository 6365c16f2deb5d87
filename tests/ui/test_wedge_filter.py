"""The wedge filter with real key events (pytest-qt) and an injected clock.

Keys are sent to the focused *window*, as a keyboard's keys arrive (QTest on a widget would skip the
window, and so the filter)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

from pos.devices.wedge import WedgeConfig
from pos.ui.wedge_filter import WedgeFilter

FAST = 0.008  # seconds between the keys of a scanner burst
SLOW = 0.150  # a brisk typist


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(qapp: QApplication, clock: FakeClock) -> Iterator[WedgeFilter]:
    filt = WedgeFilter(WedgeConfig(max_gap=0.035, min_length=6), clock=clock)
    filt.install(qapp)
    yield filt
    filt.uninstall()


@pytest.fixture
def window(qtbot) -> tuple[QWidget, QLineEdit, QLineEdit]:  # type: ignore[no-untyped-def]
    win = QWidget()
    layout = QVBoxLayout(win)
    scan_field, quantity = QLineEdit(), QLineEdit()
    scan_field.setObjectName("scanInput")
    quantity.setObjectName("quantityInput")
    layout.addWidget(scan_field)
    layout.addWidget(quantity)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win, scan_field, quantity


def press(widget: QWidget, key: str | Qt.Key) -> None:
    """A key for the focused ``widget``, delivered to its window as the keyboard's would be."""
    handle = widget.window().windowHandle()
    assert handle is not None and widget.hasFocus()
    QTest.keyClick(handle, key)


def type_keys(widget: QWidget, text: str, clock: FakeClock, gap: float, enter: bool = True) -> None:
    for ch in text:
        clock.advance(gap)
        press(widget, ch)
    if enter:
        clock.advance(gap)
        press(widget, Qt.Key.Key_Return)


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_fast_burst_into_another_field_is_a_scan_and_leaves_it_alone(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    quantity.setText("2")
    focus(qtbot, quantity)
    returns: list[bool] = []
    quantity.returnPressed.connect(lambda: returns.append(True))
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_keys(quantity, "8412345600012", clock, FAST)
    assert blocker.args == ["8412345600012"]
    qtbot.wait(80)  # longer than the release timer: nothing held comes back later
    assert quantity.text() == "2"
    assert returns == []


def test_slow_typing_reaches_the_field_and_is_no_scan(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    focus(qtbot, quantity)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    returns: list[bool] = []
    quantity.returnPressed.connect(lambda: returns.append(True))
    type_keys(quantity, "8412345600012", clock, SLOW)
    assert quantity.text() == "8412345600012"  # every key, in order, the last one before the Enter
    assert returns == [True]
    qtbot.wait(80)
    assert scans == []


def test_the_first_typed_keys_arrive_even_with_no_key_after_them(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    focus(qtbot, quantity)
    press(quantity, "3")  # held: it could be the start of a scan …
    assert quantity.text() == ""
    qtbot.waitUntil(lambda: quantity.text() == "3", timeout=1000)  # … and given back once the gap has passed


def test_fast_typing_of_a_short_word_is_typing(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    focus(qtbot, quantity)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    type_keys(quantity, "12", clock, FAST)  # quick, but far shorter than any code
    assert quantity.text() == "12"
    qtbot.wait(50)
    assert scans == []


def test_a_burst_without_enter_is_given_back_as_typing(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    focus(qtbot, quantity)
    type_keys(quantity, "abcdefgh", clock, FAST, enter=False)
    qtbot.waitUntil(lambda: quantity.text() == "abcdefgh", timeout=1000)


def test_editing_keys_pass_straight_through_in_order(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    focus(qtbot, quantity)
    type_keys(quantity, "125", clock, FAST, enter=False)
    press(quantity, Qt.Key.Key_Backspace)  # flushes "125" first, then deletes the 5
    assert quantity.text() == "12"


def test_a_burst_while_a_dialog_is_open_is_a_scan(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    win, _, _ = window
    dialog = QDialog(win)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    focus(qtbot, field)
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        type_keys(field, "]C10109501101020917", clock, 0.004)
    assert blocker.args == ["]C10109501101020917"]
    assert field.text() == ""
    assert dialog.isVisible()  # the Enter never reached the dialog's default button
    dialog.close()


def test_prefix_and_suffix_are_stripped_and_typing_gets_no_delay(qtbot, qapp, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    wedge = WedgeFilter(WedgeConfig(prefix="#", suffix="$", min_length=4), clock=clock)
    wedge.install(qapp)
    try:
        focus(qtbot, quantity)
        press(quantity, "7")
        assert quantity.text() == "7"  # not the prefix: delivered at once
        with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
            type_keys(quantity, "#12345$", clock, FAST)  # the suffix completes it; the Enter is eaten
        assert blocker.args == ["12345"]
        assert quantity.text() == "7"
    finally:
        wedge.uninstall()


def test_real_time_typing_without_an_injected_clock(qtbot, qapp, window) -> None:  # type: ignore[no-untyped-def]
    _, _, quantity = window
    wedge = WedgeFilter(WedgeConfig())
    wedge.install(qapp)
    scans: list[str] = []
    wedge.scanned.connect(scans.append)
    try:
        focus(qtbot, quantity)
        for ch in "42":  # real 70 ms between keys: a person
            qtbot.wait(70)
            press(quantity, ch)
        qtbot.waitUntil(lambda: quantity.text() == "42", timeout=1000)
        assert scans == []
    finally:
        wedge.uninstall()


def test_a_click_gives_held_keys_back_at_once(qtbot, wedge, window, clock) -> None:  # type: ignore[no-untyped-def]
    _, scan_field, quantity = window
    focus(qtbot, quantity)
    type_keys(quantity, "100", clock, FAST, enter=False)
    assert quantity.text() == ""
    win = scan_field.window()
    QTest.mouseClick(win.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     scan_field.mapTo(win, scan_field.rect().center()))
    assert quantity.text() == "100"


def test_wired_to_the_sale_screen(qtbot, qapp, services, clock) -> None:  # type: ignore[no-untyped-def]
    """The wiring pos/ui/app.py is meant to do: one filter for the app, ``scanned`` → ``SaleView.scan``."""
    from tests.ui.conftest import login, make_window

    main = make_window(qtbot, services)
    login(qtbot, main)
    wedge = WedgeFilter(WedgeConfig(), clock=clock, parent=main)
    wedge.scanned.connect(main.sale_view.scan)
    wedge.install(qapp)
    try:
        scan_field = main.findChild(QLineEdit, "scanInput")
        focus(qtbot, scan_field)
        type_keys(scan_field, "8412345600012", clock, FAST)  # the scanner
        assert main.sale_view.model.rowCount() == 1
        assert scan_field.text() == ""
        type_keys(scan_field, "8412345602627", clock, SLOW)  # a person typing a code: the field's own Enter
        assert main.sale_view.model.rowCount() == 2  # added once, not twice
        assert scan_field.text() == ""
    finally:
        wedge.uninstall()


def test_serial_bridge_delivers_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    from pos.devices.serial_scanner import ScannerState, ScannerStatus
    from pos.ui.scanner_status import ScannerBridge

    bridge = ScannerBridge()
    seen: list[tuple[str, bool]] = []
    bridge.scanned.connect(lambda code: seen.append((code, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(bridge.status_changed, timeout=1000) as status, \
            qtbot.waitSignal(bridge.scanned, timeout=1000):
        def reader() -> None:
            bridge.publish_status(ScannerStatus(ScannerState.CONNECTED, "/dev/ttyACM0"))
            bridge.publish_scan("96385074")

        thread = threading.Thread(target=reader)
        thread.start()
        thread.join()
    assert status.args[0].state is ScannerState.CONNECTED
    assert seen == [("96385074", True)]
