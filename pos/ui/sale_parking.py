"""Parking the open ticket (F9) and resuming a parked one (F10)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from pos.formatting import Formatter
from pos.services.dto import CartView

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class Parking(QObject):
    def __init__(self, view: SaleView, fmt: Formatter) -> None:
        super().__init__(view)
        self._view = view
        self._fmt = fmt

    def park(self) -> None:
        view = self._view
        if view.till is None:
            return
        till = view.till
        if till.cart.is_empty:
            view.message.show_message(self.tr("The ticket is empty."), "warning")
            return
        label = self.tr("Ticket of %1").replace("%1", self._fmt.money(till.cart.totals().total))
        def park_and_show() -> CartView:
            till.park(label)
            return till.view()

        if view._run(park_and_show):
            view.message.show_message(self.tr("Sale parked."), "ok")
        view.scan_input.setFocus()

    def resume(self) -> None:
        view = self._view
        if view.till is None:
            return
        till = view.till
        parked = till.parked()
        if not parked:
            view.message.show_message(self.tr("No parked sales."), "info")
            return
        items = [f"{p.label} · {self._fmt.datetime(p.created_at)}" for p in parked]
        choice, ok = QInputDialog.getItem(view, self.tr("Resume sale"), self.tr("Parked sales:"), items, 0, False)
        if ok:
            chosen = parked[items.index(choice)]
            view._run(lambda: till.resume(chosen.parked_id))
        view.scan_input.setFocus()
