"""The customer-facing display: a second window (for a second screen) with the lines, the total,
the change and a welcome / thank-you message. It only listens; it never changes the sale."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from pos.formatting import Formatter
from pos.services.dto import CartView, Receipt

THANKS_SECONDS = 20  # then back to the welcome screen


class CustomerDisplay(QWidget):
    def __init__(self, fmt: Formatter, store_name: str, parent: QWidget | None = None) -> None:
        # A window of its own, but owned by the main window so both go away together.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("Customer display"))
        self._fmt = fmt
        self._store_name = store_name
        self.setStyleSheet("QWidget#customerDisplay { background:#10243e; } QLabel { color:white; }"
                           "QListWidget { background:#10243e; color:white; font-size:26px; border:none; }")
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("customerHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-size:40px; font-weight:bold;")
        layout.addWidget(self.headline)
        self.lines = QListWidget()
        self.lines.setObjectName("customerLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.lines, 1)
        self.total = QLabel()
        self.total.setObjectName("customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total.setStyleSheet("font-size:64px; font-weight:bold;")
        layout.addWidget(self.total)
        self.change = QLabel()
        self.change.setObjectName("customerChange")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change.setStyleSheet("font-size:44px; font-weight:bold; color:#7CFC9A;")
        layout.addWidget(self.change)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.welcome)
        self._pending: CartView | Receipt | None = None
        self.welcome()

    def welcome(self) -> None:
        self.headline.setText(self.tr("Welcome to %1").replace("%1", self._store_name))
        self.lines.clear()
        self.total.clear()
        self.change.clear()

    def show_cart(self, view: CartView) -> None:
        # Not on a screen (no second monitor): keep the latest state and draw it only if it is shown,
        # so the scan path does not lay out a list nobody sees.
        self._pending = view
        if not self.isVisible():
            return
        self._draw_cart(view)

    def show_paid(self, receipt: Receipt) -> None:
        self._pending = receipt
        if not self.isVisible():
            return
        self._draw_paid(receipt)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        pending, self._pending = self._pending, None
        if isinstance(pending, Receipt):
            self._draw_paid(pending)
        elif pending is not None:
            self._draw_cart(pending)

    def _draw_cart(self, view: CartView) -> None:
        self._idle.stop()
        if not view.lines:
            self.welcome()
            return
        self.headline.setText(self._store_name)
        self.lines.clear()
        for line in view.lines:
            qty = self._fmt.quantity(line.quantity)
            self.lines.addItem(f"{qty} × {line.name}    {self._fmt.money(line.total)}")
        self.lines.scrollToBottom()
        self.total.setText(self.tr("TOTAL %1").replace("%1", self._fmt.money(view.totals.total)))
        self.change.clear()

    def _draw_paid(self, receipt: Receipt) -> None:
        self.headline.setText(self.tr("Thank you for your purchase!"))
        self.total.setText(self.tr("TOTAL %1").replace("%1", self._fmt.money(receipt.total)))
        self.change.setText(self.tr("Change %1").replace("%1", self._fmt.money(receipt.change))
                            if receipt.change.minor else "")
        self._idle.start(THANKS_SECONDS * 1000)

    def place(self, mode: str) -> bool:
        """Show on the second screen when there is one ("auto"), always ("on"), or never ("off")."""
        screens = QGuiApplication.screens()
        if mode == "off" or (mode == "auto" and len(screens) < 2):
            return False
        screen = screens[1] if len(screens) > 1 else screens[0]
        self.setGeometry(screen.availableGeometry())
        if len(screens) > 1:
            self.showFullScreen()
        else:
            self.resize(800, 600)
            self.show()
        return True
