"""The sale screen on the screens counters have: a 1366×768 laptop or all-in-one with a taskbar (a
maximized window about 698 px high), 1280×800, and a 1024×768 touch terminal, in Spanish (the longer
words), a cashier logged in: nothing cut short."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from pos.app import Services
from tests.ui.conftest import login, make_window, scan, screenshot

LECHE = "8412345600012"


def _cut_short(window: QWidget) -> list[str]:
    """Visible buttons and status-bar labels narrower than their words (plus the style's padding)."""
    short = []
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.text() and button.width() < button.fontMetrics().horizontalAdvance(
                button.text()) + 12:
            short.append(f"{button.objectName() or button.text()!r}: {button.width()} px")
    for label in window.statusBar().findChildren(QLabel):
        if label.isVisible() and label.text() and label.width() < label.fontMetrics().horizontalAdvance(label.text()):
            short.append(f"{label.objectName() or label.text()!r}: {label.width()} px")
    return short


@pytest.mark.parametrize("size", [(1366, 698), (1280, 800), (1024, 768)])
def test_the_sale_screen_fits_whole(qtbot, services: Services, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)
    scan(qtbot, window, LECHE)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=5000)  # no minimum larger than the screen
    qtbot.wait(50)  # the scan's and the resize's layout requests, as the event loop handles them before a paint
    assert _cut_short(window) == []
    assert window.findChild(QPushButton, "payButton").geometry().bottom() < window.statusBar().geometry().top()
    screenshot(window, f"sale_screen_{size[0]}x{size[1]}.png")


def test_a_long_name_gives_way_at_1024(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """An administrator (the most buttons in the bar) with a long name on a 1024-px terminal: the name is
    shortened, with the whole of it as the tooltip, and no button is cut."""
    from pos.services.seed import ensure_users

    name = "María Fernanda Rodríguez-Villanueva"
    ensure_users(services.ledger, [(name, "admin", "8642")])
    window = make_window(qtbot, services)
    login(qtbot, window, pin="8642")
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 768), timeout=5000)
    qtbot.wait(50)
    label = window.cashier_label
    assert name in label.text()
    assert label.is_elided() and label.toolTip() == label.text()
    assert label.shown_text().startswith("María Fer") and label.shown_text().endswith("…")  # the name, not the role
    assert [short for short in _cut_short(window) if "cashierLabel" not in short] == []
    screenshot(window, "sale_screen_1024x768_long_name.png")
    window.resize(1366, 698)  # room again: the whole name, no tooltip
    qtbot.waitUntil(lambda: not label.is_elided(), timeout=5000)
    assert label.toolTip() == ""
