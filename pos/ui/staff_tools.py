"""What the main window gains from issue #8: the shift in the status bar, the open-shift page after login,
the auto-lock after idle time (the sale stays), and the shift, audit-log and staff screens.

Kept apart from ``main_window.py`` so the window only asks two questions at login: which till session to
show (a locked one comes back to the same person) and which page (the open-shift page when the till must
have a shift and has none)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QWindow
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QWidget

from pos.devices.print_queue import PrintQueue
from pos.formatting import Formatter
from pos.services.audit_log import AuditLogService
from pos.services.dto import UserView
from pos.services.permissions import Permissions
from pos.services.shift_dto import ShiftView
from pos.services.shifts import ShiftService
from pos.services.staff import StaffService
from pos.services.till import TillSession
from pos.ui.audit_dialog import AuditLogDialog
from pos.ui.shift_dialog import ShiftDialog
from pos.ui.shift_open_view import ShiftOpenView
from pos.ui.staff_dialog import StaffDialog
from pos.ui.staff_messages import action_name, role_name

if TYPE_CHECKING:
    from pos.ui.main_window import MainWindow

_ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                       QEvent.Type.Wheel})


class StaffTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._shifts: ShiftService | None = None
        self._audit: AuditLogService | None = None
        self._staff: StaffService | None = None
        self._permissions: Permissions | None = None
        self._printer: PrintQueue | None = None
        self._fmt: Formatter | None = None
        self._currency = "EUR"
        self._language = "es"
        self._require_shift = False
        self._locked: TillSession | None = None
        self.open_view: ShiftOpenView | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        # One status-bar button with a menu: the bar must keep room for what it tells (UX.md).
        self.menu = QMenu(window)
        self.menu.setObjectName("manageMenu")
        self.shift_action = self._action(self.tr("Shift and cash…"), self.open_shift_dialog, "shiftAction")
        self.audit_action = self._action(self.tr("Audit log…"), self.open_audit_log, "auditLogAction")
        self.staff_action = self._action(self.tr("Staff…"), self.open_staff, "staffAction")
        self.support_action = self._action(self.tr("Support…"), window.open_support, "supportAction")
        self.support_action.setVisible(window._open_support is not None)
        self.manage_button = QPushButton(self.tr("Manage…"))
        self.manage_button.setObjectName("manageButton")
        self.manage_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manage_button.setMenu(self.menu)
        self.manage_button.hide()
        self.buttons = (self.manage_button,)

    def _action(self, text: str, slot: Callable[[], None], name: str) -> QAction:
        action = self.menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def configure(self, *, shifts: ShiftService, audit_log: AuditLogService, staff: StaffService,
                  permissions: Permissions, printer: PrintQueue | None, fmt: Formatter, currency: str,
                  language: str, require_shift: bool, idle_lock_seconds: int) -> None:
        """Wire the services (the composition root calls this once, from ``build_window``)."""
        self._shifts, self._audit, self._staff = shifts, audit_log, staff
        self._permissions, self._printer, self._fmt = permissions, printer, fmt
        self._currency, self._language, self._require_shift = currency, language, require_shift
        self.open_view = ShiftOpenView(shifts, currency, fmt)
        self.open_view.opened.connect(self._shift_opened)
        self.open_view.logout_requested.connect(self._window._on_logout)
        self._window.stack.addWidget(self.open_view)
        for button in self.buttons:
            button.show()
            button.setEnabled(False)
        self._window.shift_label.show()
        self.show_shift()
        if idle_lock_seconds > 0:
            self.idle_timer.setInterval(idle_lock_seconds * 1000)
            # Watch the focused window, not the application: input reaches a window before its widgets,
            # while an application-wide filter would run Python (and take the GIL) for every paint event.
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusWindowChanged.connect(self._watch_window)
                self._watch_window(app.focusWindow())

    # --- login, lock, logout --------------------------------------------------------------------------------
    def till_after_login(self, user: UserView) -> TillSession | None:
        """The locked sale when the same person comes back; a different person finds it parked."""
        locked, self._locked = self._locked, None
        if locked is None:
            return None
        if locked.cashier.user_id == user.user_id:
            return locked
        if not locked.cart.is_empty:
            locked.park(self.tr("Open at lock: %1").replace("%1", locked.cashier.name))
        return None

    def page_after_login(self, user: UserView) -> QWidget | None:
        for button in self.buttons:
            button.setEnabled(True)
        for action in (self.shift_action, self.audit_action, self.staff_action, self.support_action):
            action.setEnabled(True)
        shift = self.show_shift()
        if self._require_shift and shift is None and self.open_view is not None:
            self.open_view.start(user)
            return self.open_view
        if self.idle_timer.interval() > 0:
            self.idle_timer.start()
        return None

    def forget_lock(self) -> None:
        self._locked = None

    def logged_out(self) -> None:
        self.idle_timer.stop()
        for button in self.buttons:
            button.setEnabled(False)
        for action in (self.shift_action, self.audit_action, self.staff_action, self.support_action):
            action.setEnabled(False)  # a shortcut or a test must not reach them while nobody is logged in

    def lock(self) -> None:
        """Idle too long: back to the PIN screen; the open sale waits for its cashier."""
        window = self._window
        if window._user is None or window.stack.currentWidget() is window.login_view:
            return
        if QApplication.activeModalWidget() is not None:  # a payment or an approval in progress: not now
            self.idle_timer.start()
            return
        self._locked = window.sale_view.till
        window.sale_view.till = None
        window.sale_view.results.dismiss()
        window._user = None
        self.logged_out()
        window.show_sync_status(window._sync_status)
        window.cashier_label.setText(self.tr("Locked"))
        window.logout_button.hide()  # the locked cashier's ticket waits for their PIN
        window.stack.setCurrentWidget(window.login_view)
        window.login_view.reset()
        window.login_view.error.setText(self.tr("Locked after a while without use. Type your PIN: the sale is "
                                                  "kept."))

    def _watch_window(self, window: QWindow | None) -> None:
        if window is None:
            return
        window.installEventFilter(self)  # once per window: Qt drops a repeated installation
        if self.idle_timer.isActive():
            self.idle_timer.start()  # a dialog opened or closed: someone is there

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and self.idle_timer.isActive():
            self.idle_timer.start()  # restart the count
        return False

    # --- the shift ------------------------------------------------------------------------------------------
    def show_shift(self) -> ShiftView | None:
        if self._shifts is None:
            return None
        shift = self._shifts.current()
        label = self._window.shift_label
        if shift is None:
            label.setText(self.tr("Till closed"))
        else:
            label.setText(self.tr("Shift %1").replace("%1", str(shift.number)))
        return shift

    def _shift_opened(self, _shift: ShiftView) -> None:
        self.show_shift()
        self._window.stack.setCurrentWidget(self._window.sale_view)
        self._window.sale_view.scan_input.setFocus()
        if self.idle_timer.interval() > 0:
            self.idle_timer.start()

    def open_shift_dialog(self) -> None:
        window = self._window
        if self._shifts is None or window._user is None or self._fmt is None:
            return
        dialog = ShiftDialog(window, self._shifts, window._user, self._fmt, currency=self._currency,
                             language=self._language, printer=self._printer)
        self.shift_dialog = dialog
        dialog.exec()
        self.shift_dialog = None
        self.show_shift()
        if dialog.closed_report is not None:
            window._on_logout()  # the day is over for this shift: the next person opens a new one
        else:
            window.sale_view.scan_input.setFocus()

    # --- manager screens ------------------------------------------------------------------------------------
    def _allowed(self, action: str) -> bool:
        user = self._window._user
        if user is None or self._permissions is None:
            return False
        if self._permissions.allows(user, action):
            return True
        role = role_name(self._permissions.required_role(action))
        self._window.sale_view.message.show_message(
            self.tr("%1: only for %2 and above.").replace("%1", action_name(action)).replace("%2", role),
            "warning")
        return False

    def open_audit_log(self) -> None:
        if self._audit is None or self._fmt is None or self._staff is None or not self._allowed("audit.view"):
            return
        user = self._window._user
        assert user is not None
        AuditLogDialog(self._window, self._audit, user, self._fmt).exec()
        self._window.sale_view.scan_input.setFocus()

    def open_staff(self) -> None:
        if self._staff is None or not self._allowed("users.manage"):
            return
        user = self._window._user
        assert user is not None
        StaffDialog(self._window, self._staff, user).exec()
        self._window.sale_view.scan_input.setFocus()
