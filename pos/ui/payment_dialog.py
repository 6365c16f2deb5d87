"""Taking payment: cash with change, card (external terminal reference), split tenders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender, TenderKind, round_cash
from pos.formatting import Formatter
from pos.services.dto import Receipt
from pos.services.till import TillSession
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.theme import style


class PaymentDialog(QDialog):
    def __init__(self, parent: QWidget | None, till: TillSession, fmt: Formatter, cash_rounding_minor: int) -> None:
        super().__init__(parent)
        self.setObjectName("paymentDialog")
        self.setWindowTitle(self.tr("Payment"))
        self.setMinimumWidth(560)
        self._till = till
        style(self)
        self._fmt = fmt
        self._rounding = cash_rounding_minor
        self._currency = till.cart.currency
        self._total = till.cart.totals().total
        self.tenders: list[Tender] = []
        self.receipt: Receipt | None = None

        layout = QVBoxLayout(self)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.due_caption = QLabel(self.tr("Amount due"))
        layout.addWidget(self.due_caption)
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        layout.addWidget(self.due_label)

        self.amount_input = QLineEdit()
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setPlaceholderText(self.tr("Amount handed over (empty = exact)"))
        self.amount_input.returnPressed.connect(self._on_enter)
        layout.addWidget(self.amount_input)

        quick = QHBoxLayout()
        self.exact_button = QPushButton(self.tr("Exact"))
        self.exact_button.setObjectName("exactCashButton")
        self.exact_button.clicked.connect(lambda: self._add(TenderKind.CASH, None))
        quick.addWidget(self.exact_button)
        for note in (5, 10, 20, 50):
            button = QPushButton(fmt.money(Money(note * 100, self._currency)))
            button.setObjectName(f"quickCash{note}")
            button.clicked.connect(lambda _=False, n=note: self._add(TenderKind.CASH, Money(n * 100, self._currency)))
            quick.addWidget(button)
        layout.addLayout(quick)

        grid = QGridLayout()
        self.cash_button = QPushButton(self.tr("Cash (F1)"))
        self.cash_button.setObjectName("tenderCashButton")
        self.cash_button.clicked.connect(lambda: self._add(TenderKind.CASH, self._typed()))
        self.card_button = QPushButton(self.tr("Card (F2)"))
        self.card_button.setObjectName("tenderCardButton")
        self.card_button.clicked.connect(lambda: self._add(TenderKind.CARD, self._typed()))
        self.wallet_button = QPushButton(self.tr("Wallet"))
        self.wallet_button.setObjectName("tenderWalletButton")
        self.wallet_button.setEnabled(False)
        self.wallet_button.setToolTip(self.tr("Attach a customer with a wallet to pay with it"))
        grid.addWidget(self.cash_button, 0, 0)
        grid.addWidget(self.card_button, 0, 1)
        grid.addWidget(self.wallet_button, 0, 2)
        self.card_reference = QLineEdit()
        self.card_reference.setObjectName("cardReferenceInput")
        self.card_reference.setPlaceholderText(self.tr("Card terminal approval code"))
        grid.addWidget(self.card_reference, 1, 0, 1, 3)
        layout.addLayout(grid)

        self.tender_list = QListWidget()
        self.tender_list.setObjectName("tenderList")
        self.tender_list.setMaximumHeight(110)
        layout.addWidget(self.tender_list)
        self.remove_button = QPushButton(self.tr("Remove payment"))
        self.remove_button.clicked.connect(self._remove_selected)
        layout.addWidget(self.remove_button)

        self.change_caption = QLabel(self.tr("Change"))
        layout.addWidget(self.change_caption)
        self.change_label = QLabel()
        self.change_label.setObjectName("changeLabel")
        layout.addWidget(self.change_label)

        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Back (Esc)"))
        cancel.clicked.connect(self.reject)
        self.confirm_button = QPushButton(self.tr("Confirm payment (F12)"))
        self.confirm_button.setObjectName("confirmPaymentButton")
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button, 2)
        layout.addLayout(buttons)

        for button in self.findChildren(QPushButton):
            # Enter belongs to the amount field; a default button would fire a second time.
            button.setAutoDefault(False)
            button.setDefault(False)
        QShortcut(QKeySequence(Qt.Key.Key_F12), self, activated=self.confirm)
        QShortcut(QKeySequence(Qt.Key.Key_F1), self, activated=self.cash_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.card_button.click)
        self._refresh()
        self.amount_input.setFocus()

    # --- state ------------------------------------------------------------------------
    def settlement(self) -> Settlement:
        return self._till.check_payment(self.tenders)

    def _typed(self) -> Money | None:
        text = self.amount_input.text().strip()
        return Money.parse(text, self._currency) if text else None

    def _on_enter(self) -> None:
        """Enter is the fast path: "50 ⏎" takes 50 in cash, an empty field takes the exact amount, and
        once the ticket is covered the sale completes at once (the change shows large on the sale screen)."""
        needs_tender = bool(self.amount_input.text().strip()) or not self.settlement().complete
        if needs_tender and not self._add(TenderKind.CASH, None):
            return
        if self.settlement().complete:
            self.confirm()

    def _add(self, kind: TenderKind, amount: Money | None) -> bool:
        try:
            if amount is None:
                amount = self._typed()
            remaining = self.settlement().remaining
            if amount is None:
                amount = round_cash(remaining, self._rounding) if kind is TenderKind.CASH else remaining
            reference = None
            if kind is TenderKind.CARD:
                reference = self.card_reference.text().strip()
                if not reference:
                    self.message.show_message(self.tr("Type the approval code printed by the card terminal."))
                    self.card_reference.setFocus()
                    return False
            candidate = [*self.tenders, Tender(kind, amount, reference)]
            self._till.check_payment(candidate)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return False
        self.tenders = candidate
        self.amount_input.clear()
        self.card_reference.clear()
        self._refresh()
        self.amount_input.setFocus()  # Enter on the empty field confirms once the ticket is covered
        return True

    def _remove_selected(self) -> None:
        row = self.tender_list.currentRow()
        if 0 <= row < len(self.tenders):
            del self.tenders[row]
            self._refresh()

    def _refresh(self) -> None:
        s = self.settlement()
        self.due_label.setText(self._fmt.money(s.remaining if self.tenders else self._total))
        self.tender_list.clear()
        names = {TenderKind.CASH: self.tr("Cash"), TenderKind.CARD: self.tr("Card"),
                 TenderKind.WALLET: self.tr("Wallet"), TenderKind.VOUCHER: self.tr("Voucher")}
        for t in self.tenders:
            ref = f" ({t.reference})" if t.reference else ""
            self.tender_list.addItem(f"{names[t.kind]}{ref}: {self._fmt.money(t.amount)}")
        self.change_label.setText(self._fmt.money(s.change))
        self.confirm_button.setEnabled(s.complete)
        self.due_caption.setText(self.tr("Amount due") if not s.complete else self.tr("Paid"))

    # --- commit -----------------------------------------------------------------------
    def confirm(self) -> None:
        if not self.settlement().complete:
            return
        try:
            self.receipt = self._till.pay(self.tenders)
        except DomainError as exc:
            # Storage trouble: nothing was written, the ticket is still open; the cashier retries.
            self.message.show_message(describe(exc), seconds=10)
            return
        self.accept()
