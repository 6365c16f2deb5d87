"""Manager override: a PIN typed on the cashier's screen. The service checks it; this only asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.services.errors import ApprovalRequired, AuthError
from pos.ui.messages import describe
from pos.ui.theme import style

T = TypeVar("T")


class ApprovalDialog(QDialog):
    def __init__(self, parent: QWidget | None, reason: str) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setMinimumWidth(420)
        style(self)
        layout = QVBoxLayout(self)
        what = QLabel(reason)
        what.setObjectName("approvalReasonLabel")
        what.setWordWrap(True)
        what.setStyleSheet("font-size:17px; font-weight:bold;")
        layout.addWidget(what)
        layout.addWidget(QLabel(self.tr("Manager PIN:")))
        self.pin = QLineEdit()
        self.pin.setObjectName("managerPinInput")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.pin)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.returnPressed.connect(self.accept)


def with_approval(parent: QWidget, action: Callable[[str | None], T],
                  ask: Callable[[QWidget, str, str], str | None] | None = None) -> T | None:
    """Run ``action(None)``; if a manager must approve, ask for a PIN and run ``action(pin)``.

    Returns None when the manager cancels. Other errors propagate to the caller."""
    try:
        return action(None)
    except ApprovalRequired as exc:
        reason = describe(exc)
    asker = ask or _ask_pin
    error = ""
    while True:
        pin = asker(parent, reason, error)
        if pin is None:
            return None
        try:
            return action(pin)
        except AuthError as exc:
            error = describe(exc)


def _ask_pin(parent: QWidget, reason: str, error: str) -> str | None:
    dialog = ApprovalDialog(parent, reason)
    dialog.error.setText(error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.pin.text()
