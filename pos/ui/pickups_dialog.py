"""The click-and-collect desk: the queue of online orders to collect here, preparing them by scanning (with
a printed pick list), "ready" (the customer is told by e-mail), handing them over after checking the code or
an ID (orders to pay here go through the normal tender screen first), the pickup receipt, and the manager's
pages: orders not collected in time, and what the store and the till disagree on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.devices.pickup_text import pick_list_rows, slip_rows
from pos.devices.print_queue import PrintQueue
from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import HandoverResult, PickupView, Receipt, UserView
from pos.services.pickup_documents import PickupDocuments
from pos.services.pickup_payment import PickupPaymentService
from pos.services.pickup_resolutions import PickupResolutions
from pos.services.pickups import PickupService
from pos.ui.approval_dialog import with_approval
from pos.ui.messages import describe
from pos.ui.payment_dialog import PaymentDialog
from pos.ui.pickup_resolutions_view import ResolutionsView
from pos.ui.row_table_model import RowTableModel
from pos.ui.theme import style
from pos.ui.widgets import make_button

TAB_QUEUE, TAB_NO_SHOWS, TAB_MANAGER = range(3)


@dataclass
class PickupDesk:
    """What the desk works with (wired by ``pos/ui/app.py``). Only ``pickups`` is required: without the
    others the desk cannot take payments, print or show the manager's page."""

    pickups: PickupService
    payments: PickupPaymentService | None = None
    documents: PickupDocuments | None = None
    resolutions: PickupResolutions | None = None
    printer: PrintQueue | None = None
    cash_rounding_minor: int = 1
    language: str = "es"


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
        if p.paid_by_sale_uuid:
            paid = self.tr("Paid here")
        else:
            paid = self.tr("Online") if p.paid_online else self.tr("Pay here")
        return [f"#{p.number}", p.customer_name, state, paid, self._fmt.money(p.total),
                self._fmt.datetime(p.created_at)][column]


class PickupsDialog(QDialog):
    def __init__(self, parent: QWidget | None, desk: PickupDesk | PickupService, user: UserView, fmt: Formatter,
                 on_changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("pickupsDialog")
        self.setWindowTitle(self.tr("Pickups"))
        self.resize(1180, 720)
        style(self)
        self._desk = desk if isinstance(desk, PickupDesk) else PickupDesk(desk)
        self._pickups, self._user, self._fmt, self._on_changed = self._desk.pickups, user, fmt, on_changed
        self.current: PickupView | None = None
        self.last_handover: str | None = None  # for the pickup receipt's reprint / PDF
        self.last_receipt: Receipt | None = None  # the ticket of a payment taken here
        self.wants_sale = False  # the customer buys more in the same visit: back to the sale screen
        layout = QVBoxLayout(self)

        self.tabs = QTabBar()
        self.tabs.setObjectName("pickupTabs")
        self.tabs.addTab(self.tr("To collect"))
        self.tabs.addTab(self.tr("Not collected in time"))
        self.tabs.addTab(self.tr("Needs a manager"))
        self.tabs.setTabEnabled(TAB_MANAGER, self._desk.resolutions is not None)
        layout.addWidget(self.tabs)
        self.search = QLineEdit()
        self.search.setObjectName("pickupSearchInput")
        self.search.setPlaceholderText(self.tr("Order number, name, e-mail, phone, or scan the customer's code"))
        self.search.returnPressed.connect(self.find)
        layout.addWidget(self.search)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        queue_page = QWidget()
        queue = QVBoxLayout(queue_page)
        queue.setContentsMargins(0, 0, 0, 0)
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
        queue.addWidget(self.table, 2)
        self.detail = QLabel()
        self.detail.setObjectName("pickupDetail")
        self.detail.setWordWrap(True)
        # A wrapped label between two stretching lists was squeezed below its two lines (contact, status).
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 2 + 4)
        queue.addWidget(self.detail)
        self.lines = QListWidget()
        self.lines.setObjectName("pickupLines")
        queue.addWidget(self.lines, 1)
        self.pages.addWidget(queue_page)
        self.resolutions_view: ResolutionsView | None = None
        if self._desk.resolutions is not None:
            self.resolutions_view = ResolutionsView(self._desk.resolutions, user, fmt, lambda t, e: self._say(t, e))
            self.pages.addWidget(self.resolutions_view)

        self.message = QLabel()
        self.message.setObjectName("pickupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        actions = QHBoxLayout()
        self.prepare_button = make_button(self.tr("Start preparing"), self.prepare, "prepareButton")
        self.ready_button = make_button(self.tr("Ready: tell the customer"), self.ready, "readyButton")
        self.handover_button = make_button(self.tr("Hand over"), self.hand_over, "handoverButton")
        self.cancel_button = make_button(self.tr("Cancel order"), self.cancel, "cancelPickupButton")
        for button in (self.prepare_button, self.ready_button, self.handover_button, self.cancel_button):
            actions.addWidget(button)
        layout.addLayout(actions)
        paper = QHBoxLayout()
        self.pick_list_button = make_button(self.tr("Print pick list"), self.print_pick_list, "printPickListButton")
        self.pick_list_pdf_button = make_button(self.tr("Pick list PDF"), lambda: self.save_pdf("pick_list"),
                                                "pickListPdfButton")
        self.slip_button = make_button(self.tr("Reprint pickup receipt"), self.print_slip, "printPickupSlipButton")
        self.slip_pdf_button = make_button(self.tr("Pickup receipt PDF"), lambda: self.save_pdf("slip"),
                                           "pickupSlipPdfButton")
        self.sale_button = make_button(self.tr("Sell extra items"), self.sell_extra, "pickupSellExtraButton")
        close = make_button(self.tr("Close"), self.accept, "closePickupsButton")
        for button in (self.pick_list_button, self.pick_list_pdf_button, self.slip_button, self.slip_pdf_button,
                       self.sale_button, close):
            paper.addWidget(button)
        layout.addLayout(paper)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._update_manager_tab()
        self.reload()

    # --- list ----------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(1 if index == TAB_MANAGER and self.resolutions_view is not None else 0)
        self.search.setVisible(index != TAB_MANAGER)
        for button in (self.prepare_button, self.ready_button, self.handover_button, self.pick_list_button,
                       self.pick_list_pdf_button, self.slip_button, self.slip_pdf_button):
            button.setVisible(index != TAB_MANAGER)
        self.cancel_button.setVisible(index != TAB_MANAGER)
        if index == TAB_NO_SHOWS:
            flagged = self._pickups.flag_no_shows(self._user)  # overdue orders become "not collected"
            if flagged:
                self._say(self.tr("%n orders flagged as not collected.", "", len(flagged)))
        if index == TAB_MANAGER:
            self._update_manager_tab()
        else:
            self.reload()

    def _update_manager_tab(self) -> None:
        if self.resolutions_view is not None:
            open_count = self.resolutions_view.reload()
            label = self.tr("Needs a manager")
            self.tabs.setTabText(TAB_MANAGER, f"{label} ({open_count})" if open_count else label)

    def reload(self, select: int | None = None) -> None:
        rows = self._pickups.queue()
        if self.tabs.currentIndex() == TAB_NO_SHOWS:
            rows = [p for p in rows if p.state == "no_show" or p.overdue]
        self.model.set_rows(rows)
        target = select if select is not None else (self.current.pickup_id if self.current else None)
        for row, p in enumerate(rows):
            if p.pickup_id == target:
                self.table.selectRow(row)
                break
        else:
            if target is not None and select is not None:
                self._show(self._pickups.get(target))  # collected: no longer in the queue, still shown
            else:
                self._show(None)

    def _select_row(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show(self.model.pickup(rows[0].row()) if rows else None)

    def _show(self, pickup: PickupView | None) -> None:
        self.current = pickup
        self.lines.clear()
        state = pickup.state if pickup is not None else ""
        is_open = state in ("new", "preparing", "ready", "partially_collected", "no_show")
        self.prepare_button.setEnabled(state in ("new", "preparing"))
        self.ready_button.setEnabled(state in ("new", "preparing"))
        self.handover_button.setEnabled(is_open)
        self.cancel_button.setEnabled(state in ("new", "preparing", "ready", "no_show"))  # as the service allows
        has_docs = self._desk.documents is not None
        self.pick_list_button.setEnabled(is_open and has_docs)
        self.pick_list_pdf_button.setEnabled(is_open and has_docs)
        slip = has_docs and pickup is not None and pickup.state in ("collected", "partially_collected")
        self.slip_button.setEnabled(slip)
        self.slip_pdf_button.setEnabled(slip)
        if pickup is None:
            self.detail.setText(self.tr("%n orders to collect.", "", self.model.rowCount()))
            return
        contact = " · ".join(x for x in (pickup.email, pickup.phone) if x)
        if pickup.paid_by_sale_uuid:
            paid = self.tr("paid here")
        elif pickup.paid_online:
            paid = self.tr("paid online")
        else:
            paid = self.tr("to pay here: %1").replace("%1", self._fmt.money(pickup.total))
        self.detail.setText(f"#{pickup.number} · {pickup.customer_name} · {contact}\n"
                            f"{self.model.states().get(pickup.state, pickup.state)} · {paid} · "
                            f"{self._fmt.money(pickup.total)}" + (f"\n✖ {pickup.conflict}" if pickup.conflict else "")
                            + (f"\n“{pickup.customer_note}”" if pickup.customer_note else ""))
        for line in pickup.lines:
            q = self._fmt.quantity
            mark = "✔" if line.picked >= line.remaining else "·"
            item = QListWidgetItem(f"{mark} {q(line.quantity)} × {line.name}   "
                                   + self.tr("picked %1, collected %2").replace("%1", q(line.picked))
                                   .replace("%2", q(line.collected)))
            if is_open and line.remaining > 0:
                # Unticked lines stay waiting: the customer takes only part of the order today.
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                item.setData(Qt.ItemDataRole.UserRole, f"{line.line_id}:{line.remaining}")
            self.lines.addItem(item)

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
    def _act(self, action: Callable[[], PickupView | None], done: str) -> bool:
        try:
            result = action()
        except DomainError as exc:
            self._say(describe(exc), error=True)
            self._update_manager_tab()  # a refused hand-over may have left an entry for the manager
            return False
        self._say(done)
        self._on_changed()
        self.reload(result.pickup_id if result else None)
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color:#b3261e; font-weight:bold;" if error else "color:#0b6e2f; font-weight:bold;")
        self.message.setText(text)

    def prepare(self) -> None:
        if self.current is not None:
            pid = self.current.pickup_id
            if self._act(lambda: self._pickups.start_preparing(pid, self._user),
                         self.tr("Preparing: scan each item as you pick it.")) and self._desk.documents:
                self.print_pick_list(quiet=True)

    def scan(self, code: str) -> None:
        """Scans while the desk is open confirm picked items of the selected order; with none selected
        (or the bag's order code) they open an order."""
        if self.current is None or code.upper().startswith("PEDIDO-"):
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

    def chosen_lines(self) -> dict[int, Decimal] | None:
        """The ticked lines to hand over now; None when all remaining lines are ticked (a full hand-over)."""
        chosen: dict[int, Decimal] = {}
        untick = False
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            data = item.data(Qt.ItemDataRole.UserRole)
            if not data:
                continue
            line_id, remaining = str(data).split(":")
            if item.checkState() == Qt.CheckState.Checked:
                chosen[int(line_id)] = Decimal(remaining)
            else:
                untick = True
        return chosen if untick else None

    def hand_over(self) -> None:
        if self.current is None:
            return
        pickup = self.current
        lines = self.chosen_lines()
        if lines == {}:
            self._say(self.tr("Tick the lines the customer takes now."), error=True)
            return
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
        verify = code.strip() or None
        if pickup.needs_payment and self._desk.payments is not None:
            result = self._pay_and_hand_over(pickup, verify, id_check, lines)
        else:
            try:
                result = self._pickups.hand_over(pickup.pickup_id, self._user, verify_code=verify, id_check=id_check,
                                                 lines=lines)
            except DomainError as exc:
                self._say(describe(exc), error=True)
                self._update_manager_tab()
                return
        if result is None:
            return
        self.last_handover = result.handover_uuid
        printed = self.print_slip(quiet=True)
        done = self.tr("Handed over. The online order is completed in the background.")
        if not result.complete:
            done = self.tr("Part handed over; the rest stays waiting.")
        if not printed:
            done += " " + self.tr("No receipt printer: save the pickup receipt as PDF if the customer wants it.")
        self._say(done)
        self._on_changed()
        self.reload(pickup.pickup_id)

    def _pay_and_hand_over(self, pickup: PickupView, verify: str | None, id_check: str | None,
                           lines: dict[int, Decimal] | None) -> HandoverResult | None:
        """Pay at store: the normal tender screen takes the order's total; confirming it records the
        payment and the hand-over together, and the ticket prints like a sale's."""
        assert self._desk.payments is not None
        try:
            checkout = self._desk.payments.checkout(pickup.pickup_id, self._user, verify_code=verify,
                                                    id_check=id_check, lines=lines)
        except DomainError as exc:
            self._say(describe(exc), error=True)
            self._update_manager_tab()
            return None
        dialog = PaymentDialog(self, checkout, self._fmt, self._desk.cash_rounding_minor)
        dialog.setWindowTitle(self.tr("Payment for order %1").replace("%1", f"#{pickup.number}"))
        if dialog.exec() != QDialog.DialogCode.Accepted or checkout.paid is None:
            self._say(self.tr("Not handed over: the payment was not taken."), error=True)
            return None
        self.last_receipt = checkout.paid.receipt
        if self._desk.printer is not None:
            receipt = checkout.paid.receipt
            self._desk.printer.submit(receipt, kind="sale", open_drawer=any(t.kind == "cash" for t in receipt.tenders))
        return checkout.paid.handover

    def cancel(self) -> None:
        if self.current is None:
            return
        pid = self.current.pickup_id
        reason, ok = QInputDialog.getText(self, self.tr("Cancel order"), self.tr("Reason:"))
        if ok:
            self._act(lambda: with_approval(self, lambda pin: self._pickups.cancel(
                pid, self._user, approver_pin=pin, reason=reason)), self.tr("Order cancelled."))

    def sell_extra(self) -> None:
        """The customer also buys something in the shop: close the desk and go back to the sale screen
        (a normal sale; the order's goods are never rung up again)."""
        self.wants_sale = True
        self.accept()

    # --- paper ---------------------------------------------------------------------------
    def print_pick_list(self, *, quiet: bool = False) -> bool:
        docs, printer = self._desk.documents, self._desk.printer
        if docs is None or self.current is None:
            return False
        pick = docs.pick_list(self.current.pickup_id)
        fmt, language = self._fmt, self._desk.language
        if printer is None or printer.submit_document(lambda w: pick_list_rows(pick, fmt, width=w,
                                                                               language=language)) is None:
            if not quiet:
                self._say(self.tr("No receipt printer is configured: save the pick list as PDF."), error=True)
            return False
        if not quiet:
            self._say(self.tr("Pick list sent to the printer."))
        return True

    def _slip_uuid(self) -> str | None:
        docs = self._desk.documents
        if docs is None:
            return None
        if self.current is not None:
            slip = docs.last_slip(self.current.pickup_id)
            return slip.handover_uuid if slip else None
        return self.last_handover

    def print_slip(self, *, quiet: bool = False) -> bool:
        docs, printer = self._desk.documents, self._desk.printer
        uuid = self._slip_uuid()
        if docs is None or uuid is None:
            return False
        slip = docs.slip(uuid)
        fmt, language = self._fmt, self._desk.language
        if printer is None or printer.submit_document(lambda w: slip_rows(slip, fmt, width=w,
                                                                          language=language)) is None:
            if not quiet:
                self._say(self.tr("No receipt printer is configured: save the pickup receipt as PDF."), error=True)
            return False
        if not quiet:
            self._say(self.tr("Pickup receipt sent to the printer."))
        return True

    def pdf_bytes(self, kind: str) -> tuple[str, bytes] | None:
        """(file name, PDF) of the selected order's pick list (``pick_list``) or last pickup receipt (``slip``)."""
        docs = self._desk.documents
        if docs is None:
            return None
        # reportlab takes ~0.2 s to load: only when a PDF is made
        from pos.devices.pdf_documents import rows_pdf, ticket_columns
        columns = ticket_columns(80)
        if kind == "pick_list":
            if self.current is None:
                return None
            pick = docs.pick_list(self.current.pickup_id)
            rows = pick_list_rows(pick, self._fmt, width=columns, language=self._desk.language)
            return f"pedido-{pick.number}-preparacion.pdf", rows_pdf(rows, title=f"#{pick.number}",
                                                                        author=pick.store_name)
        uuid = self._slip_uuid()
        if uuid is None:
            return None
        slip = docs.slip(uuid)
        rows = slip_rows(slip, self._fmt, width=columns, language=self._desk.language)
        return f"pedido-{slip.number}-recogida.pdf", rows_pdf(rows, title=f"#{slip.number}", author=slip.store_name)

    def save_pdf(self, kind: str) -> None:
        made = self.pdf_bytes(kind)
        if made is None:
            return
        name, data = made
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), name, self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self._say(self.tr("Could not save the PDF: %1").replace("%1", exc.strerror or str(exc)), error=True)
            return
        self._say(self.tr("Saved %1.").replace("%1", path))
