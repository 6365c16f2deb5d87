"""What the cashier does to the open ticket's lines: quantity (F4), discount (F5), price (F6),
void the sale (F7) and void a line (F8); the services decide when a manager must approve."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from pos.formatting import Formatter
from pos.services.till import TillSession
from pos.ui.approval_dialog import with_approval
from pos.ui.discount_dialog import DiscountDialog
from pos.ui.price_dialog import PriceDialog

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class LineActions(QObject):
    def __init__(self, view: SaleView, fmt: Formatter) -> None:
        super().__init__(view)
        self._view = view
        self._fmt = fmt

    def _selected_line_id(self) -> int | None:
        view = self._view
        rows = view.table.selectionModel().selectedRows()
        line = view.model.line_at(rows[0].row()) if rows else None
        return line.line_id if line else None

    def _line_to_act_on(self) -> tuple[TillSession, int] | None:
        if self._view.till is None:
            return None
        line_id = self._selected_line_id()
        if line_id is None:
            self._view.message.show_message(self.tr("Select a line first."), "warning")
            return None
        return self._view.till, line_id

    def change_quantity(self) -> None:
        """Classic till order: type the quantity on the keypad, then press Quantity."""
        view = self._view
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        text = view.scan_input.text().strip()
        if not text:
            value, ok = QInputDialog.getText(view, self.tr("Quantity"), self.tr("New quantity:"))
            if not ok:
                return
            text = value
        if view._run(lambda: till.set_quantity(line_id, text)):
            view.scan_input.clear()
        view.scan_input.setFocus()

    def void_line(self) -> None:
        view = self._view
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        view._run(lambda: with_approval(view, lambda pin: till.void_line(line_id, pin)))
        view.scan_input.setFocus()

    def change_price(self) -> None:
        """Override the selected line's price; the service decides whether a manager must approve it."""
        view = self._view
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        line = till.cart.line(line_id)
        dialog = PriceDialog(view, line.product.name, line.product.unit_price, self._fmt)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.price is not None:
            price, reason = dialog.price, dialog.reason_input.text()
            view._run(lambda: with_approval(view, lambda pin: till.set_price(line_id, price, pin, reason)))
        view.scan_input.setFocus()

    def void_sale(self) -> None:
        """Void the whole open ticket (the ``void_sale`` rule may ask for a manager)."""
        view = self._view
        if view.till is None or view.till.cart.is_empty:
            return
        till = view.till
        answer = QMessageBox.question(view, self.tr("Void sale"), self.tr("Void the whole ticket?"))
        if answer == QMessageBox.StandardButton.Yes:
            view._run(lambda: with_approval(view, lambda pin: till.clear(pin)))
        view.scan_input.setFocus()

    def discount(self) -> None:
        view = self._view
        if view.till is None or view.till.cart.is_empty:
            return
        till = view.till
        line_id = self._selected_line_id()
        dialog = DiscountDialog(view, till.cart.currency, line_id is not None)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.discount is not None:
            discount = dialog.discount
            if dialog.for_ticket or line_id is None:
                view._run(lambda: with_approval(view, lambda pin: till.set_ticket_discount(discount, pin)))
            else:
                view._run(lambda: with_approval(view, lambda pin: till.set_line_discount(line_id, discount, pin)))
        view.scan_input.setFocus()
