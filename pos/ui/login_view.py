"""PIN login: type the PIN (or tap it) and press Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pos.domain.errors import DomainError
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.ui.messages import describe
from pos.ui.theme import style


class LoginView(QWidget):
    logged_in = Signal(object)  # UserView

    def __init__(self, auth: AuthService, store_name: str, demo_hint: bool) -> None:
        super().__init__()
        self.setObjectName("loginView")
        self._auth = auth
        style(self)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(420)
        layout = QVBoxLayout(box)
        title = QLabel(store_name)
        title.setStyleSheet("font-size:28px; font-weight:bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        prompt = QLabel(self.tr("Type your PIN and press Enter"))
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(prompt)
        self.pin_input = QLineEdit()
        self.pin_input.setObjectName("loginPinInput")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_input.setMaxLength(8)
        self.pin_input.setAccessibleName(self.tr("PIN"))
        self.pin_input.returnPressed.connect(self.submit)
        layout.addWidget(self.pin_input)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)
        pad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(72, 56)
            button.clicked.connect(self._pad_action(key))
            pad.addWidget(button, i // 3, i % 3)
        layout.addLayout(pad)
        if demo_hint:
            hint = QLabel(self.tr("Demo mode — cashier Ana: PIN 1234 · manager Marta: PIN 9999"))
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setStyleSheet("background:#fff2b3; padding:8px; border-radius:4px;")
            layout.addWidget(hint)
        row = QVBoxLayout()
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(2)

    def _pad_action(self, key: str) -> Callable[[], None]:
        def act() -> None:
            if key == "⌫":
                self.pin_input.backspace()
            elif key == "OK":
                self.submit()
            else:
                self.pin_input.insert(key)
            self.pin_input.setFocus()
        return act

    def reset(self) -> None:
        self.pin_input.clear()
        self.error.clear()
        self.pin_input.setFocus()

    def submit(self) -> None:
        pin = self.pin_input.text()
        self.pin_input.clear()
        try:
            user: UserView = self._auth.login(pin)
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.error.clear()
        self.logged_in.emit(user)
