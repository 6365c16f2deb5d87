"""Asks for a discount: percentage or amount, for the selected line or the whole ticket."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.discount import Discount
from pos.domain.errors import DomainError, InvalidDiscount
from pos.domain.money import Money
from pos.ui.messages import describe
from pos.ui.theme import style


class DiscountDialog(QDialog):
    def __init__(self, parent: QWidget | None, currency: str, has_line: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount"))
        self._currency = currency
        style(self)
        self.discount: Discount | None = None
        layout = QVBoxLayout(self)
        scope = QHBoxLayout()
        self.line_scope = QRadioButton(self.tr("Selected line"))
        self.ticket_scope = QRadioButton(self.tr("Whole ticket"))
        self.line_scope.setEnabled(has_line)
        (self.line_scope if has_line else self.ticket_scope).setChecked(True)
        scope.addWidget(self.line_scope)
        scope.addWidget(self.ticket_scope)
        layout.addLayout(scope)
        kind = QHBoxLayout()
        self.percent_kind = QRadioButton(self.tr("Percent (%)"))
        self.amount_kind = QRadioButton(self.tr("Amount"))
        self.percent_kind.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.percent_kind)
        group.addButton(self.amount_kind)
        kind.addWidget(self.percent_kind)
        kind.addWidget(self.amount_kind)
        layout.addLayout(kind)
        self.value = QLineEdit()
        self.value.setObjectName("discountInput")
        layout.addWidget(self.value)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.value.returnPressed.connect(self._accept)

    @property
    def for_ticket(self) -> bool:
        return self.ticket_scope.isChecked()

    def _accept(self) -> None:
        text = self.value.text().strip().replace(",", ".")
        try:
            if self.percent_kind.isChecked():
                try:
                    self.discount = Discount.of_percent(Decimal(text))
                except InvalidOperation:
                    raise InvalidDiscount(reason="not_a_number") from None
            else:
                self.discount = Discount.of_amount(Money.parse(text, self._currency))
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.accept()
