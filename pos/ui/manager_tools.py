"""The manager's tools on the till window: the stock count screen and today's dashboard.

A status-bar button "Gestión…" with a menu, enabled once somebody is logged in. Anyone may count (blind counting by
the staff); starting, cancelling and approving a count and opening the dashboard need a
supervisor or manager, which the services enforce (a cashier is asked for a manager's PIN).
While the count screen is open, scanner input goes to it instead of the sale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dashboard import DashboardService
from pos.services.dto import UserView
from pos.services.stock_counts import StockCountService
from pos.ui.approval_dialog import with_approval
from pos.ui.count_screen import CountScreen
from pos.ui.dashboard_view import DashboardDialog
from pos.ui.main_window import MainWindow
from pos.ui.messages import describe


class ManagerTools(QObject):
    def __init__(self, window: MainWindow, counts: StockCountService, dashboard: DashboardService, fmt: Formatter, *,
                 store_name: str, currency: str, language: str, wake_sync: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._counts = counts
        self._dashboard = dashboard
        self._fmt = fmt
        self._store_name = store_name
        self._currency = currency
        self._language = language
        self._wake = wake_sync or (lambda: None)
        self._user: UserView | None = None
        self.count_screen: CountScreen | None = None
        self.dashboard: DashboardDialog | None = None
        # The status bar has one "Manage…" menu (pos/ui/staff_tools.py); counts and the dashboard join it.
        self.button = window.staff_tools.manage_button
        menu = window.staff_tools.menu
        menu.addSeparator()
        self.count_action = menu.addAction(self.tr("Stock count…"))
        self.count_action.setObjectName("stockCountAction")
        self.count_action.triggered.connect(lambda _checked=False: self.open_count())
        self.dashboard_action = menu.addAction(self.tr("Today at a glance…"))
        self.dashboard_action.setObjectName("dashboardAction")
        self.dashboard_action.triggered.connect(lambda _checked=False: self.open_dashboard())
        window.login_view.logged_in.connect(self._logged_in)
        window.sale_view.logout_requested.connect(self._logged_out)
        window.scan_routes.append(self.route_scan)

    def _logged_in(self, user: UserView) -> None:
        self._user = user

    def _logged_out(self) -> None:
        self._user = None

    def route_scan(self, code: str) -> bool:
        """Scanner input while the count screen is open is a count, not a sale."""
        if self.count_screen is not None and self.count_screen.isVisible():
            self.count_screen.scan(code)
            return True
        return False

    def open_count(self) -> None:
        if self._user is None:
            return
        self.count_screen = CountScreen(self._window, self._counts, self._user, self._fmt, store_name=self._store_name,
                                        currency=self._currency, language=self._language, on_changed=self._wake)
        self.count_screen.exec()
        self.count_screen = None
        self._window.sale_view.scan_input.setFocus()

    def open_dashboard(self) -> None:
        user = self._user
        if user is None:
            return
        approved: list[str | None] = [None]

        def first(pin: str | None) -> object:
            view = self._dashboard.today(user, pin)
            approved[0] = pin  # the same approval covers this dialog's refreshes
            return view

        try:
            if with_approval(self._window, first) is None:
                return
        except DomainError as exc:
            self._window.sale_view.message.show_message(describe(exc), "error")
            return
        self.dashboard = DashboardDialog(self._window, lambda: self._dashboard.today(user, approved[0]), self._fmt,
                                         open_sync_panel=self._window.open_sync_panel, open_count=self.open_count)
        self.dashboard.exec()
        self.dashboard = None
        self._window.sale_view.scan_input.setFocus()
