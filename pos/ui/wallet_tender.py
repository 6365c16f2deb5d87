"""Paying with the loyalty wallet (``tenderWalletButton``): the customer confirms (scans their card or
QR, or the cashier records the ID check), the amount is held on a worker thread — online the hold is
taken from the shared balance at once — and becomes a wallet tender; removing it or leaving the
payment gives the hold back. See docs/LOYALTY.md."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.services.loyalty_desk import LoyaltyDesk
from pos.services.loyalty_dto import BalanceView, CustomerView, HoldView
from pos.ui.loyalty_texts import balance_text
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.task_runner import TaskRunner
from pos.ui.theme import style
from pos.ui.widgets import make_button


@dataclass(frozen=True)
class WalletCheckout:
    """What the payment screen needs to offer the wallet: the desk, who is paying and who sells."""

    desk: LoyaltyDesk
    customer: CustomerView
    user: UserView


class WalletTenderDialog(QDialog):
    """How much, and the customer's confirmation. ``amount`` and ``confirmation`` once accepted."""

    def __init__(self, parent: QWidget | None, checkout: WalletCheckout, remaining: Money, fmt: Formatter,
                 runner: TaskRunner) -> None:
        super().__init__(parent)
        self.setObjectName("walletTenderDialog")
        self.setWindowTitle(self.tr("Pay with the wallet"))
        self.setMinimumWidth(620)
        style(self)
        self._fmt = fmt
        self._remaining = remaining
        self._customer = checkout.customer
        self.amount: Money | None = None
        self.confirmation = ""
        self.balance: BalanceView | None = None

        layout = QVBoxLayout(self)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        name = QLabel(f"{checkout.customer.name} · {checkout.customer.loyalty_code}")
        name.setStyleSheet("font-size:20px; font-weight:bold;")
        layout.addWidget(name)
        self.balance_label = QLabel(self.tr("Reading the balance from the online store…"))
        self.balance_label.setObjectName("walletBalanceLabel")
        self.balance_label.setWordWrap(True)
        layout.addWidget(self.balance_label)
        form = QFormLayout()
        self.amount_input = QLineEdit(fmt.amount(remaining))
        self.amount_input.setObjectName("walletAmountInput")
        form.addRow(self.tr("Amount to pay with the wallet"), self.amount_input)
        self.card_input = QLineEdit()
        self.card_input.setObjectName("walletCardInput")
        self.card_input.setPlaceholderText(self.tr("Scan the customer's card or QR"))
        form.addRow(self.tr("Customer confirms"), self.card_input)
        self.id_check_input = QLineEdit()
        self.id_check_input.setObjectName("walletIdCheckInput")
        self.id_check_input.setPlaceholderText(self.tr("…or what you checked, e.g. DNI ending 123X"))
        form.addRow(self.tr("ID checked"), self.id_check_input)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(make_button(self.tr("Back (Esc)"), self.reject, "walletBackButton"))
        self.ok_button = make_button(self.tr("Use the wallet"), self.confirm, "walletConfirmButton")
        buttons.addWidget(self.ok_button, 2)
        layout.addLayout(buttons)
        self.card_input.returnPressed.connect(self.confirm)
        self.id_check_input.returnPressed.connect(self.confirm)
        self.amount_input.returnPressed.connect(self.card_input.setFocus)
        self.card_input.setFocus()
        desk, customer_id = checkout.desk, checkout.customer.customer_id
        runner.run(lambda: desk.balance(customer_id), self._show_balance,
                   lambda exc: self.message.show_message(describe(exc)))

    def _show_balance(self, view: BalanceView) -> None:
        self.balance = view
        text, colour = balance_text(view, self._fmt)
        self.balance_label.setText(text)
        self.balance_label.setStyleSheet(f"color:{colour}; font-weight:bold;")
        suggested = min(self._remaining.minor, view.spendable.minor)
        if suggested > 0:
            self.amount_input.setText(self._fmt.amount(Money(suggested, self._remaining.currency)))

    def accept_scan(self, code: str) -> None:
        """The scanner read the customer's card or QR while this is open."""
        self.card_input.setText(code)
        self.confirm()

    def confirm(self) -> None:
        try:
            amount = Money.parse(self.amount_input.text().strip(), self._remaining.currency)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        if amount.minor <= 0 or amount > self._remaining:
            self.message.show_message(self.tr("The wallet can pay between 0 and the amount still due."))
            return
        scanned, checked = self.card_input.text().strip(), self.id_check_input.text().strip()
        if scanned and scanned.upper() != self._customer.loyalty_code:
            self.message.show_message(self.tr("That card belongs to someone else."))
            self.card_input.clear()
            return
        if not scanned and not checked:
            self.message.show_message(self.tr("The customer must confirm: scan their card or QR, or check their ID."))
            return
        self.amount = amount
        self.confirmation = f"scan:{scanned}" if scanned else f"check:{checked}"
        self.accept()


class WalletPayments:
    """The wallet holds of one payment screen: taken on a worker thread, given back when removed or
    when the payment is left without paying."""

    def __init__(self, parent: QWidget, checkout: WalletCheckout, fmt: Formatter,
                 add_tender: Callable[[Tender], bool], show_message: Callable[[str, str], None],
                 set_busy: Callable[[bool], None]) -> None:
        self._parent = parent
        self._checkout = checkout
        self._fmt = fmt
        self._add_tender = add_tender
        self._show = show_message
        self._set_busy = set_busy
        self.runner = TaskRunner(parent)
        self.holds: list[str] = []

    def ask(self, remaining: Money) -> None:
        if remaining.minor <= 0:
            return
        dialog = WalletTenderDialog(self._parent, self._checkout, remaining, self._fmt, self.runner)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.amount is None:
            return
        desk, c = self._checkout.desk, self._checkout
        amount, confirmation = dialog.amount, dialog.confirmation
        self._set_busy(True)
        self._show(QCoreApplication.translate("WalletPayments", "Holding the amount in the customer's wallet…"),
                   "info")
        self.runner.run(lambda: desk.hold_for_checkout(c.customer.customer_id, amount, c.user, confirmation),
                        self._held, self._refused)

    def _held(self, hold: HoldView) -> None:
        self._set_busy(False)
        self.holds.append(hold.hold_uuid)
        if not self._add_tender(Tender(TenderKind.WALLET, hold.amount, hold.hold_uuid)):
            self.release(hold.hold_uuid)
            return
        if hold.offline:
            self._show(QCoreApplication.translate(
                "WalletPayments", "Held offline: the online store will be told when it can be reached."), "warning")
        else:
            self._show(QCoreApplication.translate("WalletPayments", "Held in the customer's wallet."), "ok")

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self._show(describe(error), "error")

    def release(self, hold_uuid: str) -> None:
        if hold_uuid in self.holds:
            self.holds.remove(hold_uuid)
            self._checkout.desk.release(hold_uuid, self._checkout.user)

    def release_all(self) -> None:
        for hold_uuid in list(self.holds):
            self.release(hold_uuid)

    def paid(self) -> None:
        """The sale took the holds as its payment."""
        self.holds.clear()
