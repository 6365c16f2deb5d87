"""Small widget helpers shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QStyle


def make_button(text: str, slot: Callable[[], object], name: str = "", *, keep_focus: bool = False) -> QPushButton:
    """A push button wired to ``slot``. ``keep_focus``: touching it never takes the focus (the sale
    screen's scan field keeps it)."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if keep_focus:
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def keep_words_whole(button: QPushButton) -> None:
    """No narrower than its words (call once styled): the theme's touch-size minimum would otherwise let a
    narrow screen cut "Anular venta (F7)" short; the widgets around it give way instead. Set in the button's
    own style sheet: a later re-polish would reset a plain ``setMinimumWidth``."""
    button.ensurePolished()
    words = button.fontMetrics().horizontalAdvance(button.text())
    if button.menu() is not None:  # and the menu's arrow
        words += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    button.setStyleSheet(f"QPushButton {{ min-width: {words}px; }}")


class TapLabel(QLabel):
    """A status line that opens its details when touched or clicked. Still a QLabel (acceptance tests and
    screen readers read it as one); it replaces a label-plus-button pair, so the status bar keeps room
    for what it tells on a 1024- or 1366-px-wide screen."""

    clicked = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(44)  # a touch target, like every button

    def show_status(self, text: str, colour: str) -> None:
        """The words, in bold and ``colour``, framed so that it reads as something to touch."""
        self.setText(text)
        self.setStyleSheet(f"color:{colour}; font-size:14px; font-weight:bold; border:1px solid #c5c9d0; "
                           "border-radius:6px; padding:0 5px;")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
