"""The sale screen's customer: the ``customerButton``, loyalty cards scanned in the scan field, and
the wallet offered to the payment screen for the attached customer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.customers import is_loyalty_code
from pos.services.loyalty_desk import LoyaltyDesk
from pos.services.loyalty_dto import BalanceView, CustomerView
from pos.services.till import TillSession
from pos.ui.customer_dialog import CustomerDialog
from pos.ui.loyalty_texts import balance_text
from pos.ui.messages import describe
from pos.ui.task_runner import TaskRunner
from pos.ui.wallet_tender import WalletCheckout


class CustomerActions(QObject):
    def __init__(self, parent: QWidget, desk: LoyaltyDesk, fmt: Formatter, *,
                 till: Callable[[], TillSession | None], show: Callable[[object], None],
                 message: Callable[[str, str], None], on_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._desk = desk
        self._fmt = fmt
        self._till = till
        self._show = show  # redraws the sale with a CartView
        self._message = message
        self._on_changed = on_changed
        self._runner = TaskRunner(self)
        self.dialog: CustomerDialog | None = None

    def open(self) -> None:
        till = self._till()
        if till is None:
            return
        self.dialog = CustomerDialog(self._parent, self._desk, till.cashier, self._fmt, attached=till.customer_id,
                                     on_changed=self._on_changed)
        accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
        dialog, self.dialog = self.dialog, None
        if not accepted:
            return
        if dialog.detached:
            self._show(till.attach_customer(None))
            self._message(self.tr("Customer removed from the sale."), "info")
        elif dialog.chosen is not None:
            self.attach(till, dialog.chosen)

    def attach(self, till: TillSession, customer: CustomerView) -> None:
        self._show(till.attach_customer(customer.customer_id, customer.name))
        self._message(self.tr("Customer: %1").replace("%1", customer.name), "ok")
        if customer.online_account:
            # Refresh the balance now, while the store answers: it is what an offline payment relies on.
            desk, customer_id = self._desk, customer.customer_id
            self._runner.run(lambda: desk.balance(customer_id), self._balance_read, lambda _exc: None)

    def _balance_read(self, view: BalanceView) -> None:
        text, _colour = balance_text(view, self._fmt)
        self._message(text, "info" if view.live else "warning")

    def scan(self, code: str) -> bool:
        """A loyalty card or QR scanned during a sale attaches its customer; anything else is a product."""
        if not is_loyalty_code(code):
            return False
        if self.dialog is not None:
            self.dialog.accept_scan(code)
            return True
        till = self._till()
        if till is None:
            return True
        customer = self._desk.customers.by_code(code)
        if customer is None:
            self._message(self.tr("Unknown customer card: %1").replace("%1", code), "error")
            return True
        self.attach(till, customer)
        return True

    def checkout(self, till: TillSession) -> WalletCheckout | None:
        """The wallet for the payment screen, when the sale has a customer."""
        if till.customer_id is None:
            return None
        try:
            return WalletCheckout(self._desk, self._desk.customers.get(till.customer_id), till.cashier)
        except DomainError as exc:
            self._message(describe(exc), "error")
            return None
