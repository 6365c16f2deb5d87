"""The sale screen: scan field with focus, cart, totals with tax breakdown, keypad and actions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.devices.pdf_documents import receipt_pdf
from pos.devices.print_queue import PrintQueue
from pos.devices.receipt_text import render_lines
from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.drawer import DrawerService
from pos.services.dto import CartView, ProductView, Receipt
from pos.services.errors import UnknownBarcode
from pos.services.invoices import InvoiceService
from pos.services.till import TillSession
from pos.ui.approval_dialog import with_approval
from pos.ui.cart_model import CartModel
from pos.ui.customer_actions import CustomerActions
from pos.ui.discount_dialog import DiscountDialog
from pos.ui.invoice_dialog import InvoiceDialog
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.payment_dialog import PaymentDialog
from pos.ui.price_dialog import PriceDialog
from pos.ui.search_popup import SearchResults
from pos.ui.theme import style, style_table
from pos.ui.widgets import make_button

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 120  # a scanner finishes a whole code well inside this; people type slower


class SaleView(QWidget):
    logout_requested = Signal()
    sale_completed = Signal(object)  # Receipt
    cart_changed = Signal(object)  # CartView, for the customer display

    def __init__(self, fmt: Formatter, cash_rounding_minor: int, language: str) -> None:
        super().__init__()
        self.setObjectName("saleView")
        self._fmt = fmt
        self._rounding = cash_rounding_minor
        self._language = language
        self.till: TillSession | None = None
        self.last_receipt: Receipt | None = None
        self._printer: PrintQueue | None = None
        self._drawer: DrawerService | None = None
        self._invoices: InvoiceService | None = None
        self._last_receipt_source: Callable[[], Receipt | None] | None = None
        self.customers: CustomerActions | None = None  # set when loyalty is wired (pos/ui/app.py)

        root = QVBoxLayout(self)
        self.message = MessageBar(self)
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the screen must not jump when a message comes and goes
        self.message.setSizePolicy(policy)
        root.addWidget(self.message)

        self.scan_input = QLineEdit()
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan or search product…"))
        self.scan_input.setAccessibleName(self.tr("Scan or search product"))
        self.scan_input.returnPressed.connect(self._on_enter)
        self.scan_input.textEdited.connect(self._on_typed)
        self.scan_input.installEventFilter(self)
        style(self.scan_input)
        root.addWidget(self.scan_input)
        # Results float over the cart instead of pushing it down.
        self.results = SearchResults(self, fmt)
        self.results.chosen.connect(self._add_product)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._run_search)

        body = QHBoxLayout()
        root.addLayout(body, 1)

        # Left: the cart, or after a payment the change and the receipt preview.
        self.left = QStackedWidget()
        self.model = CartModel(fmt)
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(40)
        style_table(self.table)
        header = self.table.horizontalHeader()
        # Fixed number columns: measuring every row on each scan costs more than the scan itself.
        metrics = self.table.fontMetrics()
        widths = {CartModel.QTY: "0,999", CartModel.PRICE: "9.999,99", CartModel.DISCOUNT: "-999,99",
                  CartModel.TOTAL: "9.999,99"}
        for column, sample in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.left.addWidget(self.table)
        done = self._build_done_panel()
        style(done)
        self.left.addWidget(done)
        body.addWidget(self.left, 3)
        side = self._build_side_panel()
        style(side)
        body.addWidget(side, 2)

        QShortcut(QKeySequence(Qt.Key.Key_F12), self, activated=self.pay)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, activated=self.change_quantity)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.discount)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, activated=self.change_price)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, activated=self.void_sale)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, activated=self.void_line)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.park)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, activated=self.resume)

    # --- layout -----------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], None], name: str = "") -> QPushButton:
        return make_button(text, slot, name, keep_focus=True)  # touching a button never steals the scan focus

    def _build_side_panel(self) -> QWidget:
        panel = QFrame()
        layout = QVBoxLayout(panel)
        caption = QLabel(self.tr("TOTAL"))
        caption.setStyleSheet("font-size:18px; font-weight:bold;")
        layout.addWidget(caption)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.total_label)
        self.taxes_label = QLabel()
        self.taxes_label.setObjectName("taxBreakdownLabel")
        self.taxes_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.taxes_label)

        actions = QGridLayout()
        self.customer_button = self._button(self.tr("Customer"), self._not_yet, "customerButton")
        self.pickups_button = self._button(self.tr("Pickups"), self._not_yet, "pickupsButton")
        self.returns_button = self._button(self.tr("Return"), self._not_yet, "returnsButton")
        for button in (self.customer_button, self.pickups_button, self.returns_button):
            button.setEnabled(False)
            button.setToolTip(self.tr("Available once the online store is connected"))
        self.park_button = self._button(self.tr("Park (F9)"), self.park, "parkButton")
        self.resume_button = self._button(self.tr("Resume (F10)"), self.resume, "resumeButton")
        self.logout_button = self._button(self.tr("Log out"), self.logout_requested.emit, "logoutButton")
        self.no_sale_button = self._button(self.tr("Open drawer"), self.no_sale, "noSaleButton")
        self.last_receipt_button = self._button(self.tr("Last receipt"), self.show_last_receipt, "lastReceiptButton")
        self.price_button = self._button(self.tr("Price (F6)"), self.change_price, "priceButton")
        self.void_sale_button = self._button(self.tr("Void sale (F7)"), self.void_sale, "voidSaleButton")
        for i, button in enumerate((self.customer_button, self.pickups_button, self.returns_button,
                                    self.park_button, self.resume_button, self.no_sale_button,
                                    self.last_receipt_button, self.price_button, self.void_sale_button,
                                    self.logout_button)):
            actions.addWidget(button, i // 3, i % 3)
        layout.addLayout(actions)

        keypad = QGridLayout()
        for i, key in enumerate("789456123"):
            keypad.addWidget(self._button(key, lambda k=key: self._key(k)), i // 3, i % 3)
        keypad.addWidget(self._button("0", lambda: self._key("0")), 3, 0)
        keypad.addWidget(self._button(",", lambda: self._key(",")), 3, 1)
        keypad.addWidget(self._button("⌫", lambda: self.scan_input.backspace()), 3, 2)
        self.quantity_button = self._button(self.tr("Quantity (F4)"), self.change_quantity, "quantityButton")
        self.discount_button = self._button(self.tr("Discount (F5)"), self.discount, "discountButton")
        self.void_button = self._button(self.tr("Void line (F8)"), self.void_line, "voidLineButton")
        keypad.addWidget(self.quantity_button, 0, 3)
        keypad.addWidget(self.discount_button, 1, 3)
        keypad.addWidget(self.void_button, 2, 3)
        keypad.addWidget(self._button(self.tr("Clear"), self.scan_input.clear, "clearInputButton"), 3, 3)
        layout.addLayout(keypad)
        layout.addStretch(1)
        self.pay_button = self._button(self.tr("PAY (F12)"), self.pay, "payButton")
        layout.addWidget(self.pay_button)
        return panel

    def _build_done_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.done_caption = QLabel(self.tr("Change"))
        self.done_caption.setStyleSheet("font-size:20px; font-weight:bold;")
        layout.addWidget(self.done_caption)
        self.done_change = QLabel()
        self.done_change.setObjectName("changeLabel")
        layout.addWidget(self.done_change)
        self.receipt_preview = QPlainTextEdit()
        self.receipt_preview.setObjectName("receiptPreview")
        self.receipt_preview.setReadOnly(True)
        self.receipt_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_preview.setStyleSheet("font-family:'DejaVu Sans Mono'; font-size:14px; background:#fffef5;")
        layout.addWidget(self.receipt_preview, 1)
        row = QHBoxLayout()
        self.reprint_button = self._button(self.tr("Reprint"), self.reprint, "reprintButton")
        self.gift_button = self._button(self.tr("Gift receipt"), self.gift_receipt, "giftReceiptButton")
        self.pdf_button = self._button(self.tr("Save as PDF"), self.save_pdf, "receiptPdfButton")
        self.invoice_button = self._button(self.tr("Full invoice"), self.full_invoice, "invoiceButton")
        for button in (self.reprint_button, self.gift_button, self.pdf_button, self.invoice_button):
            row.addWidget(button)
        layout.addLayout(row)
        return panel

    # --- session ----------------------------------------------------------------------
    def start(self, till: TillSession) -> None:
        self.till = till
        self.left.setCurrentIndex(0)
        self._show(till.view())
        self.scan_input.clear()
        self.scan_input.setFocus()

    def _show(self, view: CartView) -> None:
        self.cart_changed.emit(view)
        self.left.setCurrentIndex(0)
        self.model.set_lines(view.lines)
        totals = view.totals
        self.total_label.setText(self._fmt.money(totals.total))
        vat = self.tr("VAT")
        rows = [f"{vat} {t.rate.label}   {self._fmt.money(t.tax)}" for t in totals.taxes]
        if totals.discount_total.minor:
            discount = self.tr("Discount")
            rows.insert(0, f"{discount}  -{self._fmt.money(totals.discount_total)}")
        self.taxes_label.setText("\n".join(rows))
        self.pay_button.setEnabled(bool(view.lines))
        name = view.customer_name
        self.customer_button.setText(f"● {name[:18]}" if name else self.tr("Customer"))
        self.customer_button.setToolTip(name or "")
        if view.changed_line_id is not None:
            row = self.model.row_of(view.changed_line_id)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        elif view.lines:
            self.table.selectRow(len(view.lines) - 1)

    def _selected_line_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        line = self.model.line_at(rows[0].row()) if rows else None
        return line.line_id if line else None

    def _run(self, action: Callable[[], CartView | None]) -> bool:
        """Run a till action; errors become a message bar, the cart stays as it was."""
        try:
            view = action()
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return False
        except Exception as exc:  # a bug: logged with traceback, the till keeps selling
            self.message.show_message(describe(exc))
            return False
        if view is not None:
            self._show(view)
        return True

    # --- scanning and searching -------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.scan_input and event.type() == QEvent.Type.KeyPress and self.results.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.results.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape:
                self.results.dismiss()
                return True
        return super().eventFilter(obj, event)

    def _on_typed(self, text: str) -> None:
        if len(text.strip()) >= 2:
            self._search_timer.start(SEARCH_DELAY_MS)
        else:
            self._search_timer.stop()
            self.results.dismiss()

    def _run_search(self) -> None:
        if self.till is None:
            return
        text = self.scan_input.text().strip()
        if len(text) < 2:
            return
        try:
            found = self.till.search(text)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        geo = self.scan_input.geometry()
        rows = max(1, min(len(found), 10))
        self.results.setGeometry(geo.x(), geo.bottom() + 2, geo.width(), rows * 34 + 6)
        self.results.show_results(found)
        self.results.raise_()

    def _on_enter(self) -> None:
        self._search_timer.stop()
        text = self.scan_input.text().strip()
        chosen = self.results.current_product()
        if not text:
            return
        if chosen is not None and not text.isdigit():
            self._add_product(chosen)
            return
        self.scan(text)

    def scan(self, code: str) -> None:
        """A barcode from the scan field, a wedge scanner or a serial scanner."""
        if self.till is None:
            return
        till = self.till
        self.results.dismiss()
        self.scan_input.clear()
        if self.customers is not None and self.customers.scan(code):
            return  # a customer's loyalty card or QR
        try:
            self._show(till.scan(code))
        except UnknownBarcode as exc:
            self.message.show_message(describe(exc))
        except DomainError as exc:
            self.message.show_message(describe(exc))

    def _add_product(self, product: ProductView) -> None:
        if self.till is None:
            return
        till = self.till
        self.results.dismiss()
        self.scan_input.clear()
        self._run(lambda: till.add_product(product))
        self.scan_input.setFocus()

    def _key(self, key: str) -> None:
        self.scan_input.insert(key)
        self.scan_input.setFocus()

    # --- line actions -----------------------------------------------------------------
    def _line_to_act_on(self) -> tuple[TillSession, int] | None:
        if self.till is None:
            return None
        line_id = self._selected_line_id()
        if line_id is None:
            self.message.show_message(self.tr("Select a line first."), "warning")
            return None
        return self.till, line_id

    def change_quantity(self) -> None:
        """Classic till order: type the quantity on the keypad, then press Quantity."""
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        text = self.scan_input.text().strip()
        if not text:
            value, ok = QInputDialog.getText(self, self.tr("Quantity"), self.tr("New quantity:"))
            if not ok:
                return
            text = value
        if self._run(lambda: till.set_quantity(line_id, text)):
            self.scan_input.clear()
        self.scan_input.setFocus()

    def void_line(self) -> None:
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        self._run(lambda: with_approval(self, lambda pin: till.void_line(line_id, pin)))
        self.scan_input.setFocus()

    def change_price(self) -> None:
        """Override the selected line's price; the service decides whether a manager must approve it."""
        target = self._line_to_act_on()
        if target is None:
            return
        till, line_id = target
        line = till.cart.line(line_id)
        dialog = PriceDialog(self, line.product.name, line.product.unit_price, self._fmt)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.price is not None:
            price, reason = dialog.price, dialog.reason_input.text()
            self._run(lambda: with_approval(self, lambda pin: till.set_price(line_id, price, pin, reason)))
        self.scan_input.setFocus()

    def void_sale(self) -> None:
        """Void the whole open ticket (the ``void_sale`` rule may ask for a manager)."""
        if self.till is None or self.till.cart.is_empty:
            return
        till = self.till
        answer = QMessageBox.question(self, self.tr("Void sale"), self.tr("Void the whole ticket?"))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: with_approval(self, lambda pin: till.clear(pin)))
        self.scan_input.setFocus()

    def discount(self) -> None:
        if self.till is None or self.till.cart.is_empty:
            return
        till = self.till
        line_id = self._selected_line_id()
        dialog = DiscountDialog(self, till.cart.currency, line_id is not None)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.discount is not None:
            discount = dialog.discount
            if dialog.for_ticket or line_id is None:
                self._run(lambda: with_approval(self, lambda pin: till.set_ticket_discount(discount, pin)))
            else:
                self._run(lambda: with_approval(self, lambda pin: till.set_line_discount(line_id, discount, pin)))
        self.scan_input.setFocus()

    # --- parking ----------------------------------------------------------------------
    def park(self) -> None:
        if self.till is None:
            return
        till = self.till
        if till.cart.is_empty:
            self.message.show_message(self.tr("The ticket is empty."), "warning")
            return
        label = self.tr("Ticket of %1").replace("%1", self._fmt.money(till.cart.totals().total))
        def park_and_show() -> CartView:
            till.park(label)
            return till.view()

        if self._run(park_and_show):
            self.message.show_message(self.tr("Sale parked."), "ok")
        self.scan_input.setFocus()

    def resume(self) -> None:
        if self.till is None:
            return
        till = self.till
        parked = till.parked()
        if not parked:
            self.message.show_message(self.tr("No parked sales."), "info")
            return
        items = [f"{p.label} · {self._fmt.datetime(p.created_at)}" for p in parked]
        choice, ok = QInputDialog.getItem(self, self.tr("Resume sale"), self.tr("Parked sales:"), items, 0, False)
        if ok:
            chosen = parked[items.index(choice)]
            self._run(lambda: till.resume(chosen.parked_id))
        self.scan_input.setFocus()

    # --- paying -----------------------------------------------------------------------
    def pay(self) -> None:
        if self.till is None or self.till.cart.is_empty:
            return
        wallet = self.customers.checkout(self.till) if self.customers is not None else None
        dialog = PaymentDialog(self, self.till, self._fmt, self._rounding, wallet)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.receipt is not None:
            self.show_receipt(dialog.receipt)
        self.scan_input.setFocus()

    def show_return(self, receipt: Receipt, sale_receipt: Receipt | None = None) -> None:
        """After a return: its receipt shows and prints; after an exchange both print and the new sale shows."""
        if sale_receipt is None:
            self.show_receipt(receipt)
            return
        self.sale_completed.emit(receipt)  # printed (drawer opened for cash), sync woken, displays told
        self.show_receipt(sale_receipt)

    def show_receipt(self, receipt: Receipt, *, announce: bool = True) -> None:
        self.last_receipt = receipt
        self.model.set_lines(())
        self.total_label.setText(self._fmt.money(receipt.total))
        self.taxes_label.setText("")
        self.pay_button.setEnabled(False)
        self.done_change.setText(self._fmt.money(receipt.change))
        self.done_caption.setText(self.tr("Change"))
        if receipt.kind == "return":  # what the customer gets back, and how
            self.done_caption.setText(self.tr("Refund"))
            self.done_change.setText(self._fmt.money(receipt.total))
        for button in (self.gift_button, self.invoice_button):  # no gift receipt or full invoice of a return
            button.setVisible(receipt.kind != "return")
        self.receipt_preview.setPlainText("\n".join(render_lines(receipt, self._fmt, language=self._language)))
        self.left.setCurrentIndex(1)
        if announce:
            self.sale_completed.emit(receipt)

    # --- receipts and the drawer ---------------------------------------------------------
    def set_devices(self, printer: PrintQueue | None, drawer: DrawerService | None,
                    last_receipt: Callable[[], Receipt | None] | None = None,
                    invoices: InvoiceService | None = None) -> None:
        self._invoices = invoices
        self._printer = printer
        self._drawer = drawer
        self._last_receipt_source = last_receipt

    def _print(self, kind: str) -> None:
        receipt = self.last_receipt
        if receipt is None and self._last_receipt_source is not None:
            receipt = self._last_receipt_source()  # after a restart: the last sale from the ledger
        if receipt is None:
            self.message.show_message(self.tr("No receipt to print yet."), "info")
            return
        if self._printer is None or self._printer.submit(receipt, kind=kind) is None:
            self.message.show_message(self.tr("No receipt printer is configured."), "warning")
            return
        self.message.show_message(self.tr("Sent to the printer."), "ok")

    def reprint(self) -> None:
        self._print("reprint")
        self.scan_input.setFocus()

    def gift_receipt(self) -> None:
        self._print("gift")
        self.scan_input.setFocus()

    def save_pdf(self) -> None:
        receipt = self.last_receipt
        if receipt is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save receipt as PDF"), f"{receipt.receipt_no}.pdf",
                                              "PDF (*.pdf)")
        if path:
            try:
                Path(path).write_bytes(receipt_pdf(receipt, self._fmt, language=self._language))
            except OSError as exc:
                self.message.show_message(self.tr("Could not save the PDF: %1").replace("%1", exc.strerror or ""))
                return
            self.message.show_message(self.tr("PDF saved."), "ok")
        self.scan_input.setFocus()

    def full_invoice(self) -> None:
        receipt = self.last_receipt
        if receipt is None or self.till is None or self._invoices is None:
            return
        invoices, user = self._invoices, self.till.cashier
        dialog = InvoiceDialog(self, receipt, lambda name, tax_id, address, email: invoices.issue(
            receipt.sale_uuid, user, name=name, tax_id=tax_id, address=address, email=email),
            self._fmt, self._language)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.invoice is not None:
            self.message.show_message(self.tr("Invoice %1 issued.").replace("%1", dialog.invoice.invoice_no), "ok")
        self.scan_input.setFocus()

    def show_last_receipt(self) -> None:
        receipt = self.last_receipt or (self._last_receipt_source() if self._last_receipt_source else None)
        if receipt is None:
            self.message.show_message(self.tr("No receipt to print yet."), "info")
            return
        self.show_receipt(receipt, announce=False)

    def no_sale(self) -> None:
        """Open the drawer without a sale: a manager approves, the service audits, then the pulse."""
        if self.till is None or self._drawer is None:
            return
        drawer, cashier = self._drawer, self.till.cashier
        try:
            approver = with_approval(self, lambda pin: drawer.authorise_no_sale(cashier, "no sale", pin))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            approver = None
        if approver is not None:
            if self._printer is None or self._printer.open_drawer() is None:
                self.message.show_message(self.tr("No receipt printer is configured to open the drawer."),
                                          "warning")
            else:
                self.message.show_message(self.tr("Drawer opened (approved by %1).").replace("%1", approver.name),
                                          "ok")
        self.scan_input.setFocus()

    def _not_yet(self) -> None:
        self.message.show_message(self.tr("Available once the online store is connected"), "info")
