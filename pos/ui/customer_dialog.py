"""Customer at the till (``customerButton``): find by phone, e-mail, name or by scanning their loyalty
card/QR; create one; the customer card with the wallet balance and one history across channels;
attach the customer to the sale. Store look-ups run on a worker thread; the ledger answers at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.services.loyalty_desk import CustomerCard, LoyaltyDesk
from pos.services.loyalty_dto import CustomerView, HistoryEntry
from pos.ui.loyalty_texts import balance_text, channel_text, reason_text, status_text
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.task_runner import TaskRunner
from pos.ui.theme import style, style_table
from pos.ui.widgets import make_button


class HistoryModel(RowTableModel[HistoryEntry]):
    right_aligned = frozenset({4})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("When"), self.tr("Where"), self.tr("What"), self.tr("Status"), self.tr("Amount")])
        self._fmt = fmt

    def cell(self, row: HistoryEntry, column: int) -> str:
        if column == 0:
            return self._fmt.datetime(row.at)
        if column == 1:
            return channel_text(row.channel)
        if column == 2:
            title = reason_text(row.title) if row.channel == "wallet" else row.title
            return f"{title} · {row.detail}" if row.detail and row.channel != "wallet" else title
        if column == 3:
            return status_text(row.status)
        return self._fmt.money(row.amount)


class CustomerDialog(QDialog):
    def __init__(self, parent: QWidget | None, desk: LoyaltyDesk, user: UserView, fmt: Formatter, *,
                 attached: int | None = None, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Customer"))
        self.resize(980, 680)
        style(self)
        self._desk = desk
        self._user = user
        self._fmt = fmt
        self._on_changed = on_changed or (lambda: None)
        self._runner = TaskRunner(self)
        self._found: list[CustomerView] = []
        self.current: CustomerView | None = None
        self.chosen: CustomerView | None = None  # attach this one to the sale
        self.detached = False

        layout = QVBoxLayout(self)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        search_row = QHBoxLayout()
        self.search_input = QLineEdit()
        self.search_input.setObjectName("customerSearchInput")
        self.search_input.setPlaceholderText(self.tr("Phone, e-mail, name — or scan the customer's card/QR"))
        self.search_input.returnPressed.connect(self.search)
        search_row.addWidget(self.search_input, 1)
        search_row.addWidget(make_button(self.tr("Search"), self.search, "customerSearchButton"))
        search_row.addWidget(make_button(self.tr("New customer"), self.show_new_form, "newCustomerButton"))
        layout.addLayout(search_row)

        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.itemActivated.connect(lambda _item: self._open_selected())
        self.results.itemClicked.connect(lambda _item: self._open_selected())
        self.pages.addWidget(self.results)
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_card())

        buttons = QHBoxLayout()
        self.detach_button = make_button(self.tr("Remove customer from sale"), self.detach, "detachCustomerButton")
        self.detach_button.setVisible(attached is not None)
        self.attach_button = make_button(self.tr("Attach to sale"), self.attach, "attachCustomerButton")
        self.attach_button.setEnabled(False)
        buttons.addWidget(self.detach_button)
        buttons.addStretch(1)
        buttons.addWidget(make_button(self.tr("Close (Esc)"), self.reject, "closeCustomerButton"))
        buttons.addWidget(self.attach_button)
        layout.addLayout(buttons)
        for button in self.findChildren(type(self.attach_button)):
            button.setAutoDefault(False)
            button.setDefault(False)
        if attached is not None:
            self.open_customer(attached)
        self.search_input.setFocus()

    # --- building ---------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        form_page = QWidget()
        form = QFormLayout(form_page)
        self.first_input, self.last_input, self.email_input, self.phone_input = (QLineEdit() for _ in range(4))
        for widget, name in ((self.first_input, "newCustomerFirstName"), (self.last_input, "newCustomerLastName"),
                             (self.email_input, "newCustomerEmail"), (self.phone_input, "newCustomerPhone")):
            widget.setObjectName(name)
        form.addRow(self.tr("First name"), self.first_input)
        form.addRow(self.tr("Last names"), self.last_input)
        form.addRow(self.tr("E-mail (their online account)"), self.email_input)
        form.addRow(self.tr("Phone"), self.phone_input)
        form.addRow("", make_button(self.tr("Create customer"), self.create, "createCustomerButton"))
        return form_page

    def _build_card(self) -> QWidget:
        card = QWidget()
        box = QVBoxLayout(card)
        self.name_label = QLabel()
        self.name_label.setObjectName("customerNameLabel")
        self.name_label.setStyleSheet("font-size:24px; font-weight:bold;")
        box.addWidget(self.name_label)
        self.contact_label = QLabel()
        self.contact_label.setObjectName("customerContactLabel")
        box.addWidget(self.contact_label)
        self.balance_label = QLabel()
        self.balance_label.setObjectName("customerBalanceLabel")
        self.balance_label.setWordWrap(True)
        box.addWidget(self.balance_label)
        self.history_model = HistoryModel(self._fmt)
        self.history = QTableView()
        self.history.setObjectName("customerHistoryTable")
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().setVisible(False)
        self.history.setWordWrap(False)
        style_table(self.history)
        header = self.history.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.history, 1)
        return card

    # --- finding ----------------------------------------------------------------------
    def accept_scan(self, code: str) -> None:
        """A scanner read while the dialog is open: the customer's loyalty card or QR."""
        self.search_input.setText(code)
        self.search()

    def search(self) -> None:
        text = self.search_input.text().strip()
        if not text:
            return
        found = self._desk.customers.find(text)  # the ledger: instant
        if found or not self._desk.connected:
            self._show_found(found)
            return
        self.message.show_message(self.tr("Not found here; asking the online store…"), "info")
        desk = self._desk
        self._runner.run(lambda: desk.find(text), self._show_found, self._failed)

    def _show_found(self, found: list[CustomerView]) -> None:
        self._found = found
        if len(found) == 1:
            self.open_customer(found[0].customer_id)
            return
        self.results.clear()
        for c in found:
            self.results.addItem(f"{c.name} · {c.phone or '—'} · {c.email} · {c.loyalty_code}")
        self.pages.setCurrentIndex(0)
        self.attach_button.setEnabled(False)
        if not found:
            self.message.show_message(self.tr("No customer found. Check the spelling or create a new one."), "warning")

    def _open_selected(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self._found):
            self.open_customer(self._found[row].customer_id)

    # --- the card ---------------------------------------------------------------------
    def open_customer(self, customer_id: int) -> None:
        """Show what the ledger knows at once, then refresh from the store in the background."""
        try:
            self._show_card(self._desk.local_card(customer_id))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        if self._desk.connected:
            desk = self._desk
            self._runner.run(lambda: desk.card(customer_id), self._refreshed, self._failed)

    def _refreshed(self, card: CustomerCard) -> None:
        if self.current is not None and card.customer.customer_id == self.current.customer_id:
            self._show_card(card)

    def _show_card(self, card: CustomerCard) -> None:
        c = card.customer
        self.current = c
        self.name_label.setText(c.name)
        online = self.tr("online account") if c.online_account else self.tr("not yet in the online store")
        card_word = self.tr("card")
        self.contact_label.setText(f"{c.phone or '—'} · {c.email} · {card_word} {c.loyalty_code} · {online}")
        text, colour = balance_text(card.balance, self._fmt)
        self.balance_label.setText(text)
        self.balance_label.setStyleSheet(f"color:{colour}; font-size:18px; font-weight:bold;")
        self.history_model.set_rows(list(card.history))
        self.pages.setCurrentIndex(2)
        self.attach_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.message.show_message(describe(error))

    # --- creating and choosing ----------------------------------------------------------
    def show_new_form(self) -> None:
        text = self.search_input.text().strip()
        if "@" in text and not self.email_input.text():
            self.email_input.setText(text)
        elif text and any(ch.isdigit() for ch in text) and not self.phone_input.text():
            self.phone_input.setText(text)
        self.pages.setCurrentIndex(1)
        self.attach_button.setEnabled(False)
        self.first_input.setFocus()

    def create(self) -> None:
        try:
            created = self._desk.customers.create(
                self._user, first_name=self.first_input.text(), last_name=self.last_input.text(),
                email=self.email_input.text(), phone=self.phone_input.text())
        except DomainError as exc:
            existing = exc.params.get("customer_id")
            self.message.show_message(describe(exc))
            if existing is not None:
                self.open_customer(int(existing))
            return
        self._on_changed()
        self.message.show_message(self.tr("Customer created. Their card code is %1.").replace(
            "%1", created.loyalty_code), "ok")
        self.open_customer(created.customer_id)

    def attach(self) -> None:
        if self.current is not None:
            self.chosen = self.current
            self.accept()

    def detach(self) -> None:
        self.detached = True
        self.accept()
