"""The sale screen's right side: the total with its tax breakdown, the action buttons (customer,
pickups, returns, park, resume, drawer, last receipt, price, void), the keypad with the line actions,
and the PAY button at the bottom. (Log out is in the status bar, by the cashier's name.)"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.dto import CartView
from pos.ui.widgets import keep_words_whole, make_button

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


# Reserved: a discount line and three VAT rates (Spain: 21, 10 and 4 %); a ticket with a fourth (0 %) grows
# the panel once. Every row reserved is one less for a 768-px screen.
_TAX_ROWS = 4


def sale_button(text: str, slot: Callable[[], object], name: str = "") -> QPushButton:
    return make_button(text, slot, name, keep_focus=True)  # touching a button never steals the scan focus


class SaleSidePanel(QFrame):
    def __init__(self, view: SaleView, fmt: Formatter, pay_button: QPushButton) -> None:
        super().__init__()
        self._view = view
        self._fmt = fmt
        layout = QVBoxLayout(self)
        margins = layout.contentsMargins()
        layout.setContentsMargins(margins.left(), 0, 0, 0)  # the window's own margins are enough
        # TOTAL with the VAT lines under it on the left, the amount large on the right: the screen has
        # to fit a 1366×768 screen (a maximized window under a taskbar: about 700 px high) with every
        # touch target at least 44 px high.
        total_row = QHBoxLayout()
        captions = QVBoxLayout()
        caption = QLabel(self.tr("TOTAL"))
        caption.setStyleSheet("font-size:18px; font-weight:bold;")
        captions.addWidget(caption)
        self.taxes_label = QLabel()
        self.taxes_label.setObjectName("taxBreakdownLabel")
        self.taxes_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        captions.addWidget(self.taxes_label)
        total_row.addLayout(captions)
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        total_row.addWidget(self.total_label, 1)
        layout.addLayout(total_row)

        actions = QGridLayout()
        self.customer_button = sale_button(self.tr("Customer"), self._not_yet, "customerButton")
        self.pickups_button = sale_button(self.tr("Pickups"), self._not_yet, "pickupsButton")
        self.returns_button = sale_button(self.tr("Return"), self._not_yet, "returnsButton")
        for button in (self.customer_button, self.pickups_button, self.returns_button):
            button.setEnabled(False)
            button.setToolTip(self.tr("Available once the online store is connected"))
        self.park_button = sale_button(self.tr("Park (F9)"), view.park, "parkButton")
        self.resume_button = sale_button(self.tr("Resume (F10)"), view.resume, "resumeButton")
        self.no_sale_button = sale_button(self.tr("Open drawer"), view.no_sale, "noSaleButton")
        self.last_receipt_button = sale_button(self.tr("Last receipt"), view.show_last_receipt, "lastReceiptButton")
        self.price_button = sale_button(self.tr("Price (F6)"), view.change_price, "priceButton")
        self.void_sale_button = sale_button(self.tr("Void sale (F7)"), view.void_sale, "voidSaleButton")
        for i, button in enumerate((self.customer_button, self.pickups_button, self.returns_button,
                                    self.park_button, self.resume_button, self.no_sale_button,
                                    self.last_receipt_button, self.price_button, self.void_sale_button)):
            actions.addWidget(button, i // 3, i % 3)
        layout.addLayout(actions)

        keypad = QGridLayout()
        for i, key in enumerate("789456123"):
            keypad.addWidget(sale_button(key, lambda k=key: self._key(k)), i // 3, i % 3)
        keypad.addWidget(sale_button("0", lambda: self._key("0")), 3, 0)
        keypad.addWidget(sale_button(",", lambda: self._key(",")), 3, 1)
        keypad.addWidget(sale_button("⌫", lambda: view.scan_input.backspace()), 3, 2)
        self.quantity_button = sale_button(self.tr("Quantity (F4)"), view.change_quantity, "quantityButton")
        self.discount_button = sale_button(self.tr("Discount (F5)"), view.discount, "discountButton")
        self.void_button = sale_button(self.tr("Void line (F8)"), view.void_line, "voidLineButton")
        keypad.addWidget(self.quantity_button, 0, 3)
        keypad.addWidget(self.discount_button, 1, 3)
        keypad.addWidget(self.void_button, 2, 3)
        keypad.addWidget(sale_button(self.tr("Clear"), view.scan_input.clear, "clearInputButton"), 3, 3)
        layout.addLayout(keypad)
        layout.addStretch(1)
        layout.addWidget(pay_button)

    def reserve_tax_rows(self) -> None:
        """Room for a discount line and four VAT rates from the start (call once styled): a ticket that
        gains a rate must not grow the panel, re-laying out and repainting the whole window mid-scan."""
        self.taxes_label.ensurePolished()
        self.taxes_label.setFixedHeight(self.taxes_label.fontMetrics().lineSpacing() * _TAX_ROWS + 4)

    def keep_labels_whole(self) -> None:
        """No button narrower than its words (call once styled): on a 1024-px-wide screen the cart gives way."""
        for button in self.findChildren(QPushButton):
            keep_words_whole(button)

    def show_cart(self, view: CartView) -> None:
        """The open ticket's total, its discount and VAT lines, and the attached customer's name."""
        totals = view.totals
        self.total_label.setText(self._fmt.money(totals.total))
        vat = self.tr("VAT")
        rows = [f"{vat} {t.rate.label}   {self._fmt.money(t.tax)}" for t in totals.taxes]
        if totals.discount_total.minor:
            discount = self.tr("Discount")
            rows.insert(0, f"{discount}  -{self._fmt.money(totals.discount_total)}")
        self.taxes_label.setText("\n".join(rows))
        name = view.customer_name
        self.customer_button.setText(f"● {name[:18]}" if name else self.tr("Customer"))
        self.customer_button.setToolTip(name or "")

    def show_paid(self, total: Money) -> None:
        self.total_label.setText(self._fmt.money(total))
        self.taxes_label.setText("")

    def _key(self, key: str) -> None:
        self._view.scan_input.insert(key)
        self._view.scan_input.setFocus()

    def _not_yet(self) -> None:
        self._view.message.show_message(self.tr("Available once the online store is connected"), "info")
