"""After login on a till without an open shift: count the float and open the shift (a page, not a modal, so
the counter stays one screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.services.shifts import ShiftService
from pos.ui.cash_count_widget import CashCountWidget
from pos.ui.messages import describe
from pos.ui.theme import style
from pos.ui.widgets import make_button


class ShiftOpenView(QWidget):
    opened = Signal(object)  # ShiftView
    logout_requested = Signal()

    def __init__(self, shifts: ShiftService, currency: str, fmt: Formatter) -> None:
        super().__init__()
        self.setObjectName("shiftOpenView")
        self._shifts = shifts
        self._user: UserView | None = None
        style(self)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(720)
        layout = QVBoxLayout(box)
        title = QLabel(self.tr("Open the till"))
        title.setStyleSheet("font-size:28px; font-weight:bold;")
        layout.addWidget(title)
        self.prompt = QLabel(self.tr("No shift is open on this till. Count the float in the drawer and open the "
                                     "shift."))
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.count = CashCountWidget(currency, fmt)
        layout.addWidget(self.count)
        self.error = QLabel()
        self.error.setObjectName("shiftOpenError")
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(make_button(self.tr("Log out"), self.logout_requested.emit, "shiftOpenLogoutButton"))
        row.addStretch(1)
        self.open_button = make_button(self.tr("Open shift"), self.open_shift, "openShiftButton")
        self.open_button.setStyleSheet("background:#0b6e2f; color:white; font-weight:bold; font-size:18px;")
        row.addWidget(self.open_button)
        layout.addLayout(row)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def start(self, user: UserView) -> None:
        self._user = user
        self.count.clear()
        self.error.clear()

    def open_shift(self) -> None:
        if self._user is None:
            return
        try:
            shift = self._shifts.open(self._user, self.count.pieces())
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.opened.emit(shift)
