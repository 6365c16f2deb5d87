"""Small widget helpers shared by the screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
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


class ElidingLabel(QLabel):
    """A one-line label that gives way when the bar it sits in runs short, so a long name never pushes a
    status-bar button off a 1024-px screen. Short of room it shows its ``short`` text ("Marta Fernández",
    without "Encargado/a: "), cut with "…" if even that is too long, and the whole text as its tooltip.
    ``text()`` is always the whole text (tests and screen readers read it)."""

    MIN_CHARS = 8  # what it keeps at least: enough to tell one person from another, with the tooltip

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._short = text
        self._own_tooltip = ""

    def set_text(self, text: str, short: str | None = None) -> None:
        """``short``: what matters most in ``text``, shown first when there is no room for all of it."""
        self._short = text if short is None else short
        self.setText(text)
        self.updateGeometry()  # the minimum follows the short text

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if not self._short or self._short not in text:
            self._short = text
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        shortest = self.fontMetrics().horizontalAdvance(self._short[: self.MIN_CHARS] + "…")
        margins = self.contentsMargins()
        return QSize(min(hint.width(), shortest + margins.left() + margins.right()), hint.height())

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def shown_text(self) -> str:
        """What the label draws now."""
        if not self.is_elided():
            return self.text()
        return self.fontMetrics().elidedText(self._short, Qt.TextElideMode.ElideRight, self.contentsRect().width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.is_elided():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()), self.palette(),
                                  self.isEnabled(), self.shown_text(), QPalette.ColorRole.WindowText)

    def _update_tooltip(self) -> None:
        # Only a tooltip this label set itself is replaced: one the screen gave it stays.
        wanted = self.text() if self.is_elided() else ""
        if self.toolTip() == self._own_tooltip and wanted != self._own_tooltip:
            self.setToolTip(wanted)
            self._own_tooltip = wanted
