"""The click-and-collect desk: the queue of online orders to collect here, preparing them by scanning,
"ready" (the customer is told by e-mail), and handing them over after checking the code."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import PickupView, UserView
from pos.services.pickups import PickupService
from pos.ui.approval_dialog import with_approval
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.theme import style
from pos.ui.widgets import make_button


class PickupQueueModel(RowTableModel[PickupView]):
    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("Order"), self.tr("Customer"), self.tr("State"), self.tr("Paid"),
                          self.tr("Total"), self.tr("Ordered")])
        self._fmt = fmt

    def states(self) -> dict[str, str]:
        return {"new": self.tr("New"), "preparing": self.tr("Preparing"), "ready": self.tr("Ready"),
                "partially_collected": self.tr("Partly collected"), "collected": self.tr("Collected"),
                "no_show": self.tr("Not collected"), "cancelled": self.tr("Cancelled")}

    def pickup(self, row: int) -> PickupView | None:
        return self.row_at(row)

    def cell(self, p: PickupView, column: int) -> str:
        state = self.states().get(p.state, p.state) + (" ⚠" if p.overdue else "") + (" ✖" if p.conflict else "")
        paid = self.tr("Online") if p.paid_online else self.tr("Pay here")
        return [f"#{p.number}", p.customer_name, state, paid, self._fmt.money(p.total),
                self._fmt.datetime(p.created_at)][column]


class PickupsDialog(QDialog):
    def __init__(self, parent: QWidget | None, pickups: PickupService, user: UserView, fmt: Formatter,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("pickupsDialog")
        self.setWindowTitle(self.tr("Pickups"))
        self.resize(1000, 640)
        style(self)
        self._pickups, self._user, self._fmt, self._on_changed = pickups, user, fmt, on_changed
        self.current: PickupView | None = None
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("pickupSearchInput")
        self.search.setPlaceholderText(self.tr("Order number, name, e-mail, phone, or scan the customer's code"))
        self.search.returnPressed.connect(self.find)
        layout.addWidget(self.search)
        self.model = PickupQueueModel(fmt)
        self.table = QTableView()
        self.table.setObjectName("pickupQueueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._select_row())
        layout.addWidget(self.table, 2)
        self.detail = QLabel()
        self.detail.setObjectName("pickupDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.lines = QListWidget()
        self.lines.setObjectName("pickupLines")
        layout.addWidget(self.lines, 1)
        self.message = QLabel()
        self.message.setObjectName("pickupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.prepare_button = make_button(self.tr("Start preparing"), self.prepare, "prepareButton")
        self.ready_button = make_button(self.tr("Ready: tell the customer"), self.ready, "readyButton")
        self.handover_button = make_button(self.tr("Hand over"), self.hand_over, "handoverButton")
        self.cancel_button = make_button(self.tr("Cancel order"), self.cancel, "cancelPickupButton")
        close = make_button(self.tr("Close"), self.accept)
        for button in (self.prepare_button, self.ready_button, self.handover_button, self.cancel_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.reload()

    # --- list ----------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        rows = self._pickups.queue()
        self.model.set_rows(rows)
        target = select if select is not None else (self.current.pickup_id if self.current else None)
        for row, p in enumerate(rows):
            if p.pickup_id == target:
                self.table.selectRow(row)
                break
        else:
            self._show(None)

    def _select_row(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show(self.model.pickup(rows[0].row()) if rows else None)

    def _show(self, pickup: PickupView | None) -> None:
        self.current = pickup
        self.lines.clear()
        for button in (self.prepare_button, self.ready_button, self.handover_button, self.cancel_button):
            button.setEnabled(pickup is not None)
        if pickup is None:
            self.detail.setText(self.tr("%1 orders to collect.").replace("%1", str(self.model.rowCount())))
            return
        contact = " · ".join(x for x in (pickup.email, pickup.phone) if x)
        paid = self.tr("paid online") if pickup.paid_online else self.tr("to pay here")
        self.detail.setText(f"#{pickup.number} · {pickup.customer_name} · {contact}\n"
                            f"{self.model.states().get(pickup.state, pickup.state)} · {paid} · "
                            f"{self._fmt.money(pickup.total)}" + (f"\n✖ {pickup.conflict}" if pickup.conflict else ""))
        for line in pickup.lines:
            q = self._fmt.quantity
            mark = "✔" if line.picked >= line.remaining else "·"
            self.lines.addItem(f"{mark} {q(line.quantity)} × {line.name}   "
                               + self.tr("picked %1, collected %2").replace("%1", q(line.picked))
                               .replace("%2", q(line.collected)))

    def find(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.reload()
            return
        try:
            found = [self._pickups.open_scanned(text)]
        except DomainError:
            found = self._pickups.search(text)
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)
        else:
            self._say(self.tr("No order matches %1.").replace("%1", text))

    # --- actions -------------------------------------------------------------------------
    def _act(self, action: Callable[[], PickupView | None], done: str) -> None:
        try:
            result = action()
        except DomainError as exc:
            self._say(describe(exc), error=True)
            return
        self._say(done)
        self._on_changed()
        self.reload(result.pickup_id if result else None)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color:#b3261e; font-weight:bold;" if error else "color:#0b6e2f; font-weight:bold;")
        self.message.setText(text)

    def prepare(self) -> None:
        if self.current is not None:
            pid = self.current.pickup_id
            self._act(lambda: self._pickups.start_preparing(pid, self._user),
                      self.tr("Preparing: scan each item as you pick it."))

    def scan(self, code: str) -> None:
        """Scans while the desk is open confirm picked items of the selected order."""
        if self.current is None:
            self.search.setText(code)
            self.find()
            return
        pid = self.current.pickup_id
        self._act(lambda: self._pickups.confirm_item(pid, code, self._user), self.tr("Picked."))

    def ready(self) -> None:
        if self.current is not None:
            pid = self.current.pickup_id
            self._act(lambda: self._pickups.mark_ready(pid, self._user),
                      self.tr("Ready. The customer gets an e-mail from the online store."))

    def hand_over(self) -> None:
        if self.current is None:
            return
        pid = self.current.pickup_id
        code, ok = QInputDialog.getText(self, self.tr("Hand over"),
                                        self.tr("Code from the customer's e-mail (or leave empty to record an ID "
                                                "check):"))
        if not ok:
            return
        id_check = None
        if not code.strip():
            id_check, ok = QInputDialog.getText(self, self.tr("Hand over"), self.tr("ID document checked (type and "
                                                                                    "last digits):"))
            if not ok or not id_check.strip():
                return
        self._act(lambda: self._pickups.hand_over(pid, self._user, verify_code=code.strip() or None,
                                                  id_check=id_check).pickup,
                  self.tr("Handed over. The online order is completed in the background."))

    def cancel(self) -> None:
        if self.current is None:
            return
        pid = self.current.pickup_id
        reason, ok = QInputDialog.getText(self, self.tr("Cancel order"), self.tr("Reason:"))
        if ok:
            self._act(lambda: with_approval(self, lambda pin: self._pickups.cancel(
                pid, self._user, approver_pin=pin, reason=reason)), self.tr("Order cancelled."))
