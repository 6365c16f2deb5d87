"""The till window: login, then the sale screen; a status bar that tells the truth."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from pos.formatting import Formatter
from pos.services.auth import AuthService
from pos.services.dto import UserView
from pos.services.till import TillSession
from pos.ui.login_view import LoginView
from pos.ui.sale_view import SaleView


class MainWindow(QMainWindow):
    def __init__(self, *, auth: AuthService, new_till: Callable[[UserView], TillSession], fmt: Formatter,
                 store_name: str, till_id: str, demo: bool, cash_rounding_minor: int, language: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Mostrador — %1 · till %2").replace("%1", store_name).replace("%2", till_id))
        self.resize(1280, 800)
        self._new_till = new_till
        self._fmt = fmt
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login_view = LoginView(auth, store_name, demo)
        self.sale_view = SaleView(fmt, cash_rounding_minor, language)
        self.stack.addWidget(self.login_view)
        self.stack.addWidget(self.sale_view)
        self.login_view.logged_in.connect(self._on_login)
        self.sale_view.logout_requested.connect(self._on_logout)

        bar = self.statusBar()
        self.cashier_label = QLabel(self.tr("Not logged in"))
        self.cashier_label.setObjectName("cashierLabel")
        self.sync_status_label = QLabel(self.tr("● Online store: not connected"))
        self.sync_status_label.setObjectName("syncStatusLabel")
        self.printer_status_label = QLabel(self.tr("● Printer: none configured"))
        self.printer_status_label.setObjectName("printerStatusLabel")
        self.clock_label = QLabel()
        for label in (self.cashier_label, self.sync_status_label, self.printer_status_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.clock_label)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(15_000)
        self._tick()
        self.login_view.reset()

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("HH:mm"))

    def _on_login(self, user: UserView) -> None:
        role = {"cashier": self.tr("Cashier"), "supervisor": self.tr("Supervisor"),
                "manager": self.tr("Manager"), "admin": self.tr("Admin")}.get(user.role, user.role)
        self.cashier_label.setText(f"{role}: {user.name}")
        self.sale_view.start(self._new_till(user))
        self.stack.setCurrentWidget(self.sale_view)

    def _on_logout(self) -> None:
        till = self.sale_view.till
        if till is not None and not till.cart.is_empty:
            # Never lose an open ticket on logout: it waits in the parked list.
            till.park(self.tr("Open at logout"))
        self.sale_view.till = None
        self.cashier_label.setText(self.tr("Not logged in"))
        self.stack.setCurrentWidget(self.login_view)
        self.login_view.reset()
