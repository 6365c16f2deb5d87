"""Taking the money: PAY (F12) opens the payment screen (with the attached customer's wallet), and
Open drawer pulses the cash drawer without a sale once a manager approves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from pos.devices.print_queue import PrintQueue
from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.drawer import DrawerService
from pos.ui.approval_dialog import with_approval
from pos.ui.messages import describe
from pos.ui.payment_dialog import PaymentDialog

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class SalePayment(QObject):
    def __init__(self, view: SaleView, fmt: Formatter, cash_rounding_minor: int) -> None:
        super().__init__(view)
        self._view = view
        self._fmt = fmt
        self._rounding = cash_rounding_minor
        self._printer: PrintQueue | None = None
        self._drawer: DrawerService | None = None

    def set_devices(self, printer: PrintQueue | None, drawer: DrawerService | None) -> None:
        self._printer = printer
        self._drawer = drawer

    def pay(self) -> None:
        view = self._view
        if view.till is None or view.till.cart.is_empty:
            return
        wallet = view.customers.checkout(view.till) if view.customers is not None else None
        dialog = PaymentDialog(view, view.till, self._fmt, self._rounding, wallet)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.receipt is not None:
            view.show_receipt(dialog.receipt)
        view.scan_input.setFocus()

    def no_sale(self) -> None:
        """Open the drawer without a sale: a manager approves, the service audits, then the pulse."""
        view = self._view
        if view.till is None or self._drawer is None:
            return
        drawer, cashier = self._drawer, view.till.cashier
        try:
            approver = with_approval(view, lambda pin: drawer.authorise_no_sale(cashier, "no sale", pin))
        except DomainError as exc:
            view.message.show_message(describe(exc))
            approver = None
        if approver is not None:
            if self._printer is None or self._printer.open_drawer() is None:
                view.message.show_message(self.tr("No receipt printer is configured to open the drawer."),
                                          "warning")
            else:
                view.message.show_message(self.tr("Drawer opened (approved by %1).").replace("%1", approver.name),
                                          "ok")
        view.scan_input.setFocus()
