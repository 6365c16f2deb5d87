"""The sale screen: scan field with focus, cart, totals with tax breakdown, keypad and actions.

The parts live next to it: ``sale_cart_table`` (the cart), ``sale_search`` (search as you type),
``sale_side_panel`` (totals, actions, keypad), ``sale_receipt_panel`` (after a payment: change,
preview, reprint, gift receipt, PDF, invoice), ``sale_line_actions`` (quantity, discount, price,
void), ``sale_parking`` (park, resume) and ``sale_payment`` (pay, open drawer)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from pos.devices.print_queue import PrintQueue
from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.drawer import DrawerService
from pos.services.dto import CartView, ProductView, Receipt
from pos.services.errors import UnknownBarcode
from pos.services.invoices import InvoiceService
from pos.services.till import TillSession
from pos.ui.cart_model import CartModel
from pos.ui.customer_actions import CustomerActions
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.sale_cart_table import make_cart_table
from pos.ui.sale_line_actions import LineActions
from pos.ui.sale_parking import Parking
from pos.ui.sale_payment import SalePayment
from pos.ui.sale_receipt_panel import ReceiptPanel
from pos.ui.sale_search import ScanSearch
from pos.ui.sale_side_panel import SaleSidePanel, sale_button
from pos.ui.search_popup import SearchResults
from pos.ui.theme import style

log = logging.getLogger(__name__)


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
        self.customers: CustomerActions | None = None  # set when loyalty is wired (pos/ui/app.py)
        self._lines = LineActions(self, fmt)
        self._parking = Parking(self, fmt)
        self._payment = SalePayment(self, fmt, cash_rounding_minor)

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
        style(self.scan_input)
        root.addWidget(self.scan_input)
        # Results float over the cart instead of pushing it down.
        self.results = SearchResults(self, fmt)
        self.results.chosen.connect(self._add_product)
        self._search = ScanSearch(self)

        body = QHBoxLayout()
        root.addLayout(body, 1)

        # Left: the cart, or after a payment the change and the receipt preview.
        self.left = QStackedWidget()
        self.model = CartModel(fmt)
        self.table = make_cart_table(self.model)
        self.left.addWidget(self.table)
        self._receipt_panel = done = ReceiptPanel(self, fmt, language)
        self.done_caption, self.done_change, self.receipt_preview = (done.done_caption, done.done_change,
                                                                     done.receipt_preview)
        self.reprint_button, self.gift_button = done.reprint_button, done.gift_button
        self.pdf_button, self.invoice_button = done.pdf_button, done.invoice_button
        style(done)
        self.left.addWidget(done)
        body.addWidget(self.left, 3)

        self.pay_button = sale_button(self.tr("PAY (F12)"), self.pay, "payButton")
        self._side = side = SaleSidePanel(self, fmt, self.pay_button)
        self.total_label, self.taxes_label = side.total_label, side.taxes_label
        self.customer_button, self.pickups_button = side.customer_button, side.pickups_button
        self.returns_button, self.park_button = side.returns_button, side.park_button
        self.resume_button = side.resume_button
        self.no_sale_button, self.last_receipt_button = side.no_sale_button, side.last_receipt_button
        self.price_button, self.void_sale_button = side.price_button, side.void_sale_button
        self.quantity_button, self.discount_button = side.quantity_button, side.discount_button
        self.void_button = side.void_button
        style(side)
        side.reserve_tax_rows()
        side.keep_labels_whole()
        body.addWidget(side, 2)

        QShortcut(QKeySequence(Qt.Key.Key_F12), self, activated=self.pay)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, activated=self.change_quantity)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.discount)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, activated=self.change_price)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, activated=self.void_sale)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, activated=self.void_line)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.park)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, activated=self.resume)

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
        self._side.show_cart(view)
        self.pay_button.setEnabled(bool(view.lines))
        if view.changed_line_id is not None:
            row = self.model.row_of(view.changed_line_id)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        elif view.lines:
            self.table.selectRow(len(view.lines) - 1)

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

    # --- scanning -----------------------------------------------------------------------
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

    # --- line actions (sale_line_actions) and parking (sale_parking) ---------------------
    def change_quantity(self) -> None:
        self._lines.change_quantity()

    def void_line(self) -> None:
        self._lines.void_line()

    def change_price(self) -> None:
        self._lines.change_price()

    def void_sale(self) -> None:
        self._lines.void_sale()

    def discount(self) -> None:
        self._lines.discount()

    def park(self) -> None:
        self._parking.park()

    def resume(self) -> None:
        self._parking.resume()

    # --- paying (sale_payment) ----------------------------------------------------------
    def pay(self) -> None:
        self._payment.pay()

    def no_sale(self) -> None:
        self._payment.no_sale()

    def show_return(self, receipt: Receipt, sale_receipt: Receipt | None = None) -> None:
        """After a return: its receipt shows and prints; after an exchange both print and the new sale shows."""
        if sale_receipt is None:
            self.show_receipt(receipt)
            return
        self.sale_completed.emit(receipt)  # printed (drawer opened for cash), sync woken, displays told
        self.show_receipt(sale_receipt)
        self._receipt_panel.offer_rectifying(receipt)

    def show_receipt(self, receipt: Receipt, *, announce: bool = True) -> None:
        self.last_receipt = receipt
        self.model.set_lines(())
        self._side.show_paid(receipt.total)
        self.pay_button.setEnabled(False)
        self._receipt_panel.show_receipt(receipt)
        self.left.setCurrentIndex(1)
        if announce:
            self.sale_completed.emit(receipt)

    # --- receipts (sale_receipt_panel) and the drawer ------------------------------------
    def set_devices(self, printer: PrintQueue | None, drawer: DrawerService | None,
                    last_receipt: Callable[[], Receipt | None] | None = None,
                    invoices: InvoiceService | None = None) -> None:
        self._receipt_panel.set_devices(printer, last_receipt, invoices)
        self._payment.set_devices(printer, drawer)

    def reprint(self) -> None:
        self._receipt_panel.print_last("reprint")
        self.scan_input.setFocus()

    def gift_receipt(self) -> None:
        self._receipt_panel.print_last("gift")
        self.scan_input.setFocus()

    def save_pdf(self) -> None:
        self._receipt_panel.save_pdf()

    def full_invoice(self) -> None:
        self._receipt_panel.full_invoice()

    def show_last_receipt(self) -> None:
        receipt = self._receipt_panel.latest()
        if receipt is None:
            self.message.show_message(self.tr("No receipt to print yet."), "info")
            return
        self.show_receipt(receipt, announce=False)
