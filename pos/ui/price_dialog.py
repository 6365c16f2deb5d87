"""Asks for a new unit price of the selected line (and why). Whether a manager must approve is the
service's decision (the ``price_change`` rule); the sale screen then asks for the PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.ui.messages import describe
from pos.ui.theme import style


class PriceDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, current: Money, fmt: Formatter) -> None:
        super().__init__(parent)
        self.setObjectName("priceDialog")
        self.setWindowTitle(self.tr("Change price"))
        self._currency = current.currency
        self.price: Money | None = None
        style(self)
        form = QFormLayout(self)
        product = QLabel(name)
        product.setStyleSheet("font-weight:bold;")
        form.addRow(self.tr("Product:"), product)
        form.addRow(self.tr("Current price:"), QLabel(fmt.money(current)))
        self.price_input = QLineEdit()
        self.price_input.setObjectName("newPriceInput")
        form.addRow(self.tr("New price:"), self.price_input)
        self.reason_input = QLineEdit()
        self.reason_input.setObjectName("priceReasonInput")
        self.reason_input.setMaxLength(200)
        self.reason_input.setPlaceholderText(self.tr("e.g. shelf label, damaged packaging"))
        form.addRow(self.tr("Reason:"), self.reason_input)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.price_input.returnPressed.connect(self._accept)

    def _accept(self) -> None:
        try:
            price = Money.parse(self.price_input.text(), self._currency)
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        if price.minor < 0:
            self.error.setText(self.tr("The price cannot be negative."))
            return
        self.price = price
        self.accept()
