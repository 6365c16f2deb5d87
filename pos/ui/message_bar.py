"""Errors that need no decision: a coloured bar that hides itself, with a beep. Never a modal."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_BASE = "font-size:17px; font-weight:bold; padding:8px; border-radius:4px;"
_STYLES = {
    "error": _BASE + "background:#b3261e; color:white;",
    "warning": _BASE + "background:#f2b705; color:#111;",
    "info": _BASE + "background:#0b57d0; color:white;",
    "ok": _BASE + "background:#0b6e2f; color:white;",
}
_ICONS = {"error": "✖ ", "warning": "⚠ ", "info": "ℹ ", "ok": "✔ "}


class MessageBar(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.kind = ""

    def show_message(self, text: str, kind: str = "error", seconds: float = 4.0) -> None:
        # The icon carries the meaning too: colour is never the only signal.
        self.kind = kind
        self.setText(_ICONS.get(kind, "") + text)
        self.setStyleSheet(_STYLES.get(kind, _STYLES["info"]))
        self.show()
        if kind == "error":
            QApplication.beep()
        self._timer.start(int(seconds * 1000))
