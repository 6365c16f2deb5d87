"""The till window: login, then the sale screen; a status bar that tells the truth."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QPushButton, QStackedWidget, QWidget

from pos.config import StoreSettings
from pos.devices.printer_status import PrinterStatus
from pos.devices.serial_scanner import ScannerStatus
from pos.formatting import Formatter
from pos.services.auth import AuthService
from pos.services.dto import SyncStatus, UserView
from pos.services.loyalty_desk import LoyaltyDesk
from pos.services.pickups import PickupService
from pos.services.stock_drift import DriftLine
from pos.services.store_setup import StoreSetupService
from pos.services.sync_admin import SyncAdminService
from pos.services.till import TillSession
from pos.ui.customer_actions import CustomerActions
from pos.ui.devices_dialog import DevicesDialog
from pos.ui.login_view import LoginView
from pos.ui.pickups_dialog import PickupDesk, PickupsDialog
from pos.ui.printer_status import printer_text
from pos.ui.returns_dialog import ReturnsDialog
from pos.ui.sale_view import SaleView
from pos.ui.staff_tools import StaffTools
from pos.ui.store_settings_dialog import StoreSettingsDialog
from pos.ui.sync_panel import SyncPanel, status_text
from pos.ui.theme import style
from pos.ui.widgets import ElidingLabel, TapLabel, keep_words_whole


class MainWindow(QMainWindow):
    def __init__(self, *, auth: AuthService, new_till: Callable[[UserView], TillSession], fmt: Formatter,
                 store_name: str, till_id: str, demo: bool, cash_rounding_minor: int, language: str,
                 sync_admin: SyncAdminService | None = None,
                 drift: Callable[[], list[DriftLine]] | None = None,
                 store_setup: StoreSetupService | None = None, store_settings: StoreSettings | None = None,
                 open_devices: Callable[[QWidget, UserView], DevicesDialog] | None = None,
                 pickups: PickupService | None = None, pickup_desk: PickupDesk | None = None,
                 loyalty: LoyaltyDesk | None = None,
                 open_returns: Callable[[QWidget, UserView, TillSession | None], ReturnsDialog] | None = None,
                 open_support: Callable[[QWidget, UserView], QDialog] | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Mostrador — %1 · till %2").replace("%1", store_name).replace("%2", till_id))
        self.resize(1280, 800)
        self._new_till = new_till
        self._fmt = fmt
        self._sync_admin = sync_admin
        self._drift = drift
        self._store_setup = store_setup
        self._store_settings = store_settings or StoreSettings()
        self._open_devices = open_devices
        self.devices_dialog: DevicesDialog | None = None
        self._pickups = pickups
        self._pickup_desk = pickup_desk
        self.pickups_dialog: PickupsDialog | None = None
        self._open_returns = open_returns
        self.returns_dialog: ReturnsDialog | None = None
        self._sync_status: SyncStatus | None = None
        self._wake_sync: Callable[[], None] = lambda: None
        self._resync: Callable[[], None] = lambda: None
        self._user: UserView | None = None
        self.customer_display: QWidget | None = None
        # Screens opened from outside (stock count…) claim scanner input first: True = consumed.
        self.scan_routes: list[Callable[[str], bool]] = []
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login_view = LoginView(auth, store_name, demo)
        self.sale_view = SaleView(fmt, cash_rounding_minor, language)
        self.stack.addWidget(self.login_view)
        self.stack.addWidget(self.sale_view)
        self.login_view.logged_in.connect(self._on_login)
        self.sale_view.logout_requested.connect(self._on_logout)
        if pickups is not None:
            button = self.sale_view.pickups_button
            button.clicked.disconnect()
            button.clicked.connect(self.open_pickups)
            button.setEnabled(True)
            button.setToolTip("")
        if loyalty is not None:
            view = self.sale_view
            view.customers = CustomerActions(view, loyalty, fmt, till=lambda: view.till, show=view._show,
                                             message=view.message.show_message, on_changed=lambda: self._wake_sync())
            button = view.customer_button
            button.clicked.disconnect()
            button.clicked.connect(view.customers.open)
            button.setEnabled(True)
            button.setToolTip("")
        if open_returns is not None:
            button = self.sale_view.returns_button
            button.clicked.disconnect()
            button.clicked.connect(self.open_returns)
            button.setEnabled(True)
            button.setToolTip("")

        bar = self.statusBar()
        bar.setSizeGripEnabled(False)  # the till fills the screen: the grip's room goes to what the bar tells
        style(bar)
        self.cashier_label = ElidingLabel(self.tr("Not logged in"))  # a long name gives way, not a button
        self.cashier_label.setObjectName("cashierLabel")
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("logoutButton")
        self.logout_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logout_button.clicked.connect(self.sale_view.logout_requested.emit)
        self.logout_button.hide()  # shown while someone is logged in
        self.shift_label = QLabel()
        self.shift_label.setObjectName("shiftStatusLabel")
        self.shift_label.hide()  # shown once shifts are wired (set_staff_tools)
        # Touching the online store's status opens the sync panel; the printer's, the devices screen.
        self.sync_status_label = TapLabel("syncStatusLabel")
        self.sync_status_label.setToolTip(self.tr("Online store: what waits, what was refused"))
        self.sync_status_label.clicked.connect(self.open_sync_panel)
        self._open_support = open_support  # in the Manage menu (StaffTools): the status bar keeps its room
        self.printer_status_label = TapLabel("printerStatusLabel")
        self.printer_status_label.clicked.connect(self.open_devices)
        self.scanner_status_label = QLabel()
        self.scanner_status_label.setObjectName("scannerStatusLabel")
        self.scanner_status_label.hide()  # only serial scanners have a status worth showing
        self.clock_label = QLabel()
        self.staff_tools = StaffTools(self)
        for widget in (self.cashier_label, self.logout_button, self.shift_label, self.sync_status_label,
                       self.printer_status_label, self.scanner_status_label, *self.staff_tools.buttons):
            bar.addWidget(widget)
        for button in (self.logout_button, *self.staff_tools.buttons):
            keep_words_whole(button)  # (styled by the bar's sheet, now their parent's)
        self.sale_view.sale_completed.connect(lambda _receipt: self._wake_sync())
        self.show_sync_status(None)
        self.show_printer_status(None)
        bar.addPermanentWidget(self.clock_label)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick)
        self._clock.start(15_000)
        self._tick()
        self.login_view.reset()

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("HH:mm"))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.customer_display is not None:
            self.customer_display.close()  # otherwise the second screen keeps the app alive
        super().closeEvent(event)

    def scanner_description(self) -> str:
        return self.scanner_status_label.text() or self.tr("Keyboard-wedge scanner (USB)")

    def route_scan(self, code: str) -> None:
        """Scanner input (wedge or serial): to the device test while it is open, otherwise to the sale."""
        if any(route(code) for route in self.scan_routes):
            return
        if self.devices_dialog is not None and self.devices_dialog.isVisible():
            self.devices_dialog.test_scan(code)
        elif self.pickups_dialog is not None and self.pickups_dialog.isVisible():
            self.pickups_dialog.scan(code)
        elif self.returns_dialog is not None and self.returns_dialog.isVisible():
            self.returns_dialog.scan(code)
        elif hasattr(modal := QApplication.activeModalWidget(), "accept_scan"):
            modal.accept_scan(code)  # e.g. the customer's card while paying with the wallet
        else:
            self.sale_view.scan(code)

    def open_pickups(self) -> None:
        if self._pickups is None or self._user is None:
            return
        self.pickups_dialog = PickupsDialog(self, self._pickup_desk or self._pickups, self._user, self._fmt,
                                            on_changed=self._wake_sync)
        self.pickups_dialog.exec()
        if self.pickups_dialog.wants_sale:
            self.sale_view.message.show_message(self.tr("Scan the customer's extra items: they go on a normal sale."),
                                                "info")
        self.pickups_dialog = None
        self.sale_view.scan_input.setFocus()

    def open_returns(self) -> None:
        """Returns and exchanges; afterwards the sale screen shows (and prints) the receipts."""
        if self._open_returns is None or self._user is None:
            return
        self.returns_dialog = self._open_returns(self, self._user, self.sale_view.till)
        self.returns_dialog.exec()
        result = self.returns_dialog.result
        self.returns_dialog = None
        if result is not None:
            self.sale_view.show_return(result.receipt, result.sale_receipt)
        self.sale_view.scan_input.setFocus()

    def open_devices(self) -> None:
        if self._open_devices is None or self._user is None:
            return
        if not self._user.is_manager:
            self.sale_view.message.show_message(self.tr("Only a manager can change the devices."), "warning")
            return
        self.devices_dialog = self._open_devices(self, self._user)
        self.devices_dialog.exec()
        self.devices_dialog = None
        self.sale_view.scan_input.setFocus()

    def open_support(self) -> None:
        """The log, a backup now, the support bundle: for a manager or admin (IT stands beside them)."""
        if self._open_support is None or self._user is None:
            return
        if not self._user.is_manager:
            self.sale_view.message.show_message(self.tr("Only a manager can open Support."), "warning")
            return
        self._open_support(self, self._user).exec()
        self.sale_view.scan_input.setFocus()

    def show_printer_status(self, status: PrinterStatus | None) -> None:
        text, colour = printer_text(status)
        self.printer_status_label.show_status(text, colour)
        self.printer_status_label.setToolTip(status.detail if status else "")
        if self.devices_dialog is not None:
            self.devices_dialog.show_printer_status(status)

    def show_scanner_status(self, status: ScannerStatus | None, error: str = "") -> None:
        if status is None:
            text, colour = self.tr("● Scanner: wrong settings"), "#b3261e"
        elif status.state == "connected":
            text, colour = self.tr("● Scanner: connected"), "#0b6e2f"
        elif status.state == "disconnected":
            text, colour = self.tr("● Scanner: unplugged, retrying"), "#b45309"
        else:
            text, colour = self.tr("● Scanner: not working"), "#b3261e"
        self.scanner_status_label.setText(text)
        self.scanner_status_label.setStyleSheet(f"color:{colour}; font-weight:bold;")
        self.scanner_status_label.setToolTip(error or (f"{status.port} {status.reason} {status.detail}"
                                                       if status else ""))
        self.scanner_status_label.show()

    def set_sync_actions(self, *, wake: Callable[[], None], resync: Callable[[], None]) -> None:
        self._wake_sync = wake
        self._resync = resync

    def show_sync_status(self, status: SyncStatus | None) -> None:
        self._sync_status = status
        text, colour = status_text(status, self._fmt)
        self.sync_status_label.show_status(text, colour)

    def open_sync_panel(self) -> None:
        if self._user is None:
            return
        status = self._sync_status
        if self._sync_admin is None or status is None or not status.configured:
            self.open_store_settings()
            return
        panel = SyncPanel(self, self._sync_admin, self._user, self._fmt, status, on_changed=self._wake_sync,
                          on_resync=self._resync, drift=self._drift,
                          on_configure=self.open_store_settings if self._store_setup else None)
        panel.exec()
        self.sale_view.scan_input.setFocus()

    def open_store_settings(self) -> None:
        if self._store_setup is None or self._user is None:
            return
        if not self._user.is_manager:
            self.sale_view.message.show_message(self.tr("Only a manager can change the online store."), "warning")
            return
        StoreSettingsDialog(self, self._store_setup, self._user, self._store_settings).exec()
        self.sale_view.scan_input.setFocus()

    def _on_login(self, user: UserView) -> None:
        self._user = user
        role = {"cashier": self.tr("Cashier"), "supervisor": self.tr("Supervisor"),
                "manager": self.tr("Manager"), "admin": self.tr("Admin")}.get(user.role, user.role)
        self.cashier_label.set_text(f"{role}: {user.name}", short=user.name)
        self.logout_button.show()
        self.sale_view.start(self.staff_tools.till_after_login(user) or self._new_till(user))
        self.stack.setCurrentWidget(self.staff_tools.page_after_login(user) or self.sale_view)
        self.show_sync_status(self._sync_status)

    def _on_logout(self) -> None:
        self.staff_tools.forget_lock()
        till = self.sale_view.till
        if till is not None and not till.cart.is_empty:
            # Never lose an open ticket on logout: it waits in the parked list.
            till.park(self.tr("Open at logout"))
        self.sale_view.till = None
        self._user = None
        self.show_sync_status(self._sync_status)
        self.cashier_label.setText(self.tr("Not logged in"))
        self.logout_button.hide()
        self.stack.setCurrentWidget(self.login_view)
        self.login_view.reset()
        self.staff_tools.logged_out()
