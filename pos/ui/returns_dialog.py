"""The returns screen: find the receipt or online order, choose what comes back (and whether it goes
back on the shelf), how the money goes back, and refund it — or exchange it for the ticket open on
the sale screen. Rules (approvals, what is returnable) are the service's; this only asks and shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.domain.returns import NOT_RESTOCKED_BY_DEFAULT, REASONS
from pos.formatting import Formatter
from pos.services.dto import ProductView, UserView
from pos.services.returns import ReturnService
from pos.services.returns_dto import (
    NoReceiptItem,
    ReturnableDoc,
    ReturnableLine,
    ReturnItem,
    ReturnRequest,
    ReturnResult,
)
from pos.services.till import TillSession
from pos.ui.approval_dialog import with_approval
from pos.ui.background import Background
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.payment_dialog import PaymentDialog
from pos.ui.returns_exchange import ExchangeCheckout
from pos.ui.row_table_model import RowTableModel
from pos.ui.theme import style, style_table
from pos.ui.widgets import make_button

OrderLookup = Callable[[str], int]  # live look-up in the online store (worker thread); saves into the ledger
OrderRefresh = Callable[[int], int]  # re-read one online order and its refunds


@dataclass
class Choice:
    """What the cashier chose for one line: quantity to take back and whether it is restocked."""

    line: ReturnableLine
    quantity: Decimal = Decimal(0)
    restock: bool = True


class ReturnLinesModel(RowTableModel[Choice]):
    right_aligned = frozenset({1, 2, 3, 4})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("Product"), self.tr("Sold"), self.tr("Returned"), self.tr("Left"),
                          self.tr("Take back"), self.tr("Restock")])
        self._fmt = fmt

    def cell(self, c: Choice, column: int) -> str:
        q = self._fmt.quantity
        stock = (self.tr("Yes") if c.restock else self.tr("No (damaged)")) if c.quantity else ""
        return [c.line.name, q(c.line.sold), q(c.line.returned), q(c.line.returnable),
                q(c.quantity) if c.quantity else "", stock][column]

    def refresh(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(max(0, self.rowCount() - 1), self.columnCount() - 1))


class ReturnsDialog(QDialog):
    def __init__(self, parent: QWidget | None, returns: ReturnService, user: UserView, fmt: Formatter, *,
                 till: TillSession | None = None, lookup: OrderLookup | None = None,
                 refresh: OrderRefresh | None = None,
                 product_lookup: Callable[[str], ProductView] | None = None, cash_rounding_minor: int = 1) -> None:
        super().__init__(parent)
        self.setObjectName("returnsDialog")
        self.setWindowTitle(self.tr("Return"))
        self.resize(1200, 720)
        style(self)
        self._returns, self._user, self._fmt, self._till = returns, user, fmt, till
        self._lookup, self._refresh, self._product_lookup = lookup, refresh, product_lookup
        self._rounding = cash_rounding_minor
        self._background = Background(self)
        self.doc: ReturnableDoc | None = None
        self.found: list[ReturnableDoc] = []
        self.result: ReturnResult | None = None
        self._checked: set[int] = set()

        layout = QVBoxLayout(self)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("returnSearchInput")
        self.search.setPlaceholderText(self.tr("Scan the receipt, or type a receipt number, online order number "
                                               "or the customer's e-mail"))
        self.search.returnPressed.connect(self.find)
        row.addWidget(self.search, 1)
        row.addWidget(make_button(self.tr("Find"), self.find, "returnFindButton"))
        self.no_receipt_button = make_button(self.tr("Without receipt"), self.start_no_receipt, "noReceiptButton")
        self.no_receipt_button.setCheckable(True)
        row.addWidget(self.no_receipt_button)
        layout.addLayout(row)
        self.online_label = QLabel()
        self.online_label.setObjectName("returnOnlineLabel")
        layout.addWidget(self.online_label)
        self.results = QListWidget()
        self.results.setObjectName("returnResultsList")
        self.results.setMaximumHeight(90)
        self.results.currentRowChanged.connect(self._pick)
        self.results.hide()
        layout.addWidget(self.results)
        self.doc_label = QLabel(self.tr("Scan or type what the customer brings back."))
        self.doc_label.setObjectName("returnDocLabel")
        self.doc_label.setWordWrap(True)
        self.doc_label.setStyleSheet("font-size:17px; font-weight:bold;")
        layout.addWidget(self.doc_label)

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        self.model = ReturnLinesModel(fmt)
        self.table = QTableView()
        self.table.setObjectName("returnLinesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        style_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.add_one())
        body.addWidget(self.table, 5)

        side = QVBoxLayout()
        body.addLayout(side, 3)
        line_buttons = QGridLayout()
        for i, (text, slot, name) in enumerate((
                (self.tr("+1"), self.add_one, "returnAddOneButton"),
                (self.tr("−1"), self.remove_one, "returnRemoveOneButton"),
                (self.tr("All of it"), self.take_all, "returnAllButton"),
                (self.tr("Restock: yes/no"), self.toggle_restock, "returnRestockButton"))):
            line_buttons.addWidget(make_button(text, slot, name), i // 2, i % 2)
        side.addLayout(line_buttons)
        side.addWidget(QLabel(self.tr("Reason")))
        self.reason = QComboBox()
        self.reason.setObjectName("returnReasonCombo")
        for code in REASONS:
            self.reason.addItem(self.reason_text(code), code)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        side.addWidget(self.reason)
        side.addWidget(QLabel(self.tr("Money back")))
        self.route = QComboBox()
        self.route.setObjectName("refundRouteCombo")
        self.route.currentIndexChanged.connect(lambda _i: self._requote())
        side.addWidget(self.route)
        self.reference = QLineEdit()
        self.reference.setObjectName("refundReferenceInput")
        self.reference.setPlaceholderText(self.tr("Card terminal refund approval code"))
        self.reference.textChanged.connect(lambda _t: self._requote())
        side.addWidget(self.reference)
        self.customer_email = QLineEdit()
        self.customer_email.setObjectName("returnCustomerInput")
        self.customer_email.setPlaceholderText(self.tr("Customer e-mail (for store credit)"))
        self.customer_email.textChanged.connect(lambda _t: self._requote())
        side.addWidget(self.customer_email)
        caption = QLabel(self.tr("To refund"))
        caption.setStyleSheet("font-size:18px; font-weight:bold;")
        side.addWidget(caption)
        self.total_label = QLabel(fmt.money(Money(0, returns_currency(returns))))
        self.total_label.setObjectName("returnTotalLabel")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_label.setStyleSheet("font-size:34px; font-weight:bold;")
        side.addWidget(self.total_label)
        self.approval_label = QLabel()
        self.approval_label.setObjectName("returnApprovalLabel")
        self.approval_label.setWordWrap(True)
        self.approval_label.setStyleSheet("color:#8a4b00; font-weight:bold;")
        side.addWidget(self.approval_label)
        side.addStretch(1)
        self.refund_button = make_button(self.tr("Refund"), self.refund, "confirmReturnButton")
        self.exchange_button = make_button(self.tr("Exchange for the open ticket"), self.exchange, "exchangeButton")
        side.addWidget(self.refund_button)
        side.addWidget(self.exchange_button)
        side.addWidget(make_button(self.tr("Close (Esc)"), self.reject, "returnCloseButton"))
        self.choices: list[Choice] = []
        self._requote()
        self.search.setFocus()

    # --- words ------------------------------------------------------------------------------
    def reason_text(self, code: str) -> str:
        return {"changed_mind": self.tr("Changed their mind"), "wrong_size": self.tr("Wrong size"),
                "defective": self.tr("Defective"), "damaged": self.tr("Damaged"),
                "not_as_described": self.tr("Not as described"), "other": self.tr("Other")}.get(code, code)

    def route_text(self, code: str) -> str:
        return {"cash": self.tr("Cash from the till"), "card": self.tr("Card (refund on the card terminal)"),
                "wallet": self.tr("Store credit (wallet)"),
                "gateway": self.tr("Back to the online payment (card/gateway)")}.get(code, code)

    # --- finding ----------------------------------------------------------------------------
    def scan(self, code: str) -> None:
        """A scanner burst while the screen is open: a receipt's code, or a product without receipt."""
        if self.doc is None and self.no_receipt_mode:
            self._add_product(code)
            return
        self.search.setText(code)
        self.find()

    @property
    def no_receipt_mode(self) -> bool:
        return self.doc is None and self.no_receipt_button.isChecked()

    def find(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if self.no_receipt_mode:
            self._add_product(text)
            return
        self._show_found(self._find_local(text), text)
        if self._lookup is not None:
            lookup = self._lookup
            self.online_label.setText(self.tr("Checking the online store…"))
            self._background.run(lambda: lookup(text), lambda _n: self._after_lookup(text),
                                 lambda _exc: self.online_label.setText(
                                     self.tr("Online store not reachable: showing what this till knows.")))

    def _find_local(self, text: str) -> list[ReturnableDoc]:
        try:
            return self._returns.find(text)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return []

    def _after_lookup(self, text: str) -> None:
        self.online_label.setText(self.tr("Checked with the online store."))
        current = (self.doc.source, self.doc.ref) if self.doc else None
        found = self._find_local(text)
        self._show_found(found, text, keep=current)

    def _show_found(self, found: list[ReturnableDoc], text: str, keep: tuple[str, str] | None = None) -> None:
        self.found = found
        self.results.blockSignals(True)
        self.results.clear()
        for doc in found:
            self.results.addItem(f"{doc.number} · {self._fmt.datetime(doc.created_at)} · "
                                 f"{self._fmt.money(doc.total)} · {doc.customer_name or doc.paid_with}")
        self.results.blockSignals(False)
        self.results.setVisible(len(found) > 1)
        if not found:
            if self._lookup is None or keep is not None:
                self.message.show_message(self.tr("Nothing found for %1.").replace("%1", text), "warning")
            return
        index = next((i for i, d in enumerate(found) if keep and (d.source, d.ref) == keep), 0)
        self.results.setCurrentRow(index)
        self._open(found[index])

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self._open(self.found[row])

    def _open(self, doc: ReturnableDoc) -> None:
        kept = {c.line.key: c for c in self.choices} if self.doc and (self.doc.source, self.doc.ref) == (
            doc.source, doc.ref) else {}
        self.doc = doc
        self.no_receipt_button.setChecked(False)
        self.choices = []
        for line in doc.lines:
            old = kept.get(line.key)
            quantity = min(old.quantity, line.returnable) if old else Decimal(0)
            self.choices.append(Choice(line, quantity, old.restock if old else True))
        self.model.set_rows(self.choices)
        if self.choices:
            self.table.selectRow(0)
        what = self.tr("Receipt %1") if doc.source == "store" else self.tr("Online order %1")
        kinds = {"cash": self.tr("cash"), "card": self.tr("card"), "wallet": self.tr("wallet"),
                 "voucher": self.tr("voucher"), "exchange": self.tr("exchange")}
        paid = ", ".join(kinds.get(k, k) for k in doc.paid_with.split(", ")) if doc.source == "store" \
            else doc.paid_with
        parts = [what.replace("%1", doc.number), self._fmt.datetime(doc.created_at), paid,
                 self._fmt.money(doc.total)]
        if doc.customer_name or doc.customer_email:
            parts.append(doc.customer_name or doc.customer_email)
        self.doc_label.setText(" · ".join(p for p in parts if p))
        self.route.blockSignals(True)
        self.route.clear()
        for code in doc.routes:
            self.route.addItem(self.route_text(code), code)
        self.route.setCurrentIndex(max(0, doc.routes.index(doc.default_route)))
        self.route.blockSignals(False)
        if not self.customer_email.text() and doc.customer_email:
            self.customer_email.setText(doc.customer_email)
        self._requote()
        if (doc.source == "online" and doc.checked_online_at is None and doc.remote_order_id and self._refresh
                and doc.remote_order_id not in self._checked):
            self._checked.add(doc.remote_order_id)  # once per order, whatever the store answers
            self._check_online(doc)

    def _check_online(self, doc: ReturnableDoc) -> None:
        """A copy from the pull does not know the refunds per line yet: ask the store in the background."""
        refresh, order_id = self._refresh, doc.remote_order_id
        assert refresh is not None and order_id is not None
        self.online_label.setText(self.tr("Checking the online store…"))

        def done(_n: object) -> None:
            self.online_label.setText(self.tr("Checked with the online store."))
            if self.doc is not None and (self.doc.source, self.doc.ref) == (doc.source, doc.ref):
                try:
                    self._open(self._returns.document(doc.source, doc.ref))
                except DomainError as exc:
                    self.message.show_message(describe(exc))

        self._background.run(lambda: refresh(order_id), done, lambda _exc: self.online_label.setText(
            self.tr("Online store not reachable: showing what this till knows.")))

    def start_no_receipt(self) -> None:
        """Goods without a receipt: scan them; valued at today's price; a manager approves."""
        self.doc = None
        self.found = []
        self.results.hide()
        self.no_receipt_button.setChecked(True)
        self.choices = []
        self.model.set_rows([])
        self.doc_label.setText(self.tr("Without receipt: scan each item the customer brings back."))
        self.route.clear()
        for code in ("cash", "wallet"):
            self.route.addItem(self.route_text(code), code)
        self._requote()
        self.search.setFocus()

    def _add_product(self, code: str) -> None:
        self.search.clear()
        if self._product_lookup is None:
            return
        try:
            product = self._product_lookup(code)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        line = ReturnableLine(key=f"p:{product.product_id}", product_id=product.product_id, sku=product.sku,
                              name=product.name, sold=Decimal(0), returned=Decimal(0), returnable=Decimal(9999),
                              total=product.price, tax_label=product.tax_rate.label)
        existing = next((c for c in self.choices if c.line.key == line.key), None)
        if existing is None:
            existing = Choice(line, Decimal(0), True)
            self.choices.append(existing)
        existing.quantity += 1
        self.model.set_rows(self.choices)
        self._requote()

    # --- choosing ---------------------------------------------------------------------------
    def _selected(self) -> Choice | None:
        rows = self.table.selectionModel().selectedRows()
        return self.choices[rows[0].row()] if rows and rows[0].row() < len(self.choices) else None

    def _change(self, change: Callable[[Choice], None]) -> None:
        choice = self._selected()
        if choice is None:
            self.message.show_message(self.tr("Select a line first."), "warning")
            return
        change(choice)
        self.model.refresh()
        self._requote()

    def add_one(self) -> None:
        def more(c: Choice) -> None:
            if c.quantity + 1 > c.line.returnable:
                self.message.show_message(self.tr("Nothing more of this line can be returned."), "warning")
                return
            c.quantity += 1
            c.restock = self.reason.currentData() not in NOT_RESTOCKED_BY_DEFAULT
        self._change(more)

    def remove_one(self) -> None:
        def less(c: Choice) -> None:
            c.quantity = max(Decimal(0), c.quantity - 1)
        self._change(less)

    def take_all(self) -> None:
        def everything(c: Choice) -> None:
            c.quantity = c.line.returnable
        self._change(everything)

    def toggle_restock(self) -> None:
        def flip(c: Choice) -> None:
            c.restock = not c.restock
        self._change(flip)

    def _reason_changed(self) -> None:
        restock = self.reason.currentData() not in NOT_RESTOCKED_BY_DEFAULT
        for choice in self.choices:
            choice.restock = restock
        self.model.refresh()
        self._requote()

    # --- the request --------------------------------------------------------------------------
    def request(self) -> ReturnRequest:
        reason = str(self.reason.currentData() or "changed_mind")
        route = str(self.route.currentData() or "")
        email = self.customer_email.text().strip()
        reference = self.reference.text().strip() or None
        if self.doc is None:
            items = tuple(NoReceiptItem(int(c.line.product_id or 0), c.quantity, c.restock)
                          for c in self.choices if c.quantity)
            return ReturnRequest("none", None, no_receipt_items=items, reason=reason, route=route,
                                 card_reference=reference, customer_email=email)
        items2 = tuple(ReturnItem(c.line.key, c.quantity, c.restock) for c in self.choices if c.quantity)
        return ReturnRequest(self.doc.source, self.doc.ref, items2, reason=reason, route=route,
                             card_reference=reference, customer_email=email)

    def _requote(self) -> None:
        route = str(self.route.currentData() or "")
        self.reference.setVisible(route == "card")
        self.customer_email.setVisible(route == "wallet")
        selected = any(c.quantity for c in self.choices)
        self.exchange_button.setEnabled(selected and self._till is not None and not self._till.cart.is_empty)
        currency = returns_currency(self._returns)
        if not selected:
            self.total_label.setText(self._fmt.money(Money(0, currency)))
            self.approval_label.setText("")
            self.refund_button.setEnabled(False)
            return
        try:
            quote = self._returns.quote(self.request())
        except DomainError as exc:
            self.total_label.setText(self._fmt.money(Money(0, currency)))
            self.approval_label.setText(describe(exc))
            self.refund_button.setEnabled(False)
            return
        self.total_label.setText(self._fmt.money(quote.total))
        self.approval_label.setText(self.approvals_text(quote.approvals))
        self.refund_button.setEnabled(True)

    def approvals_text(self, approvals: tuple[str, ...]) -> str:
        if not approvals:
            return ""
        words = {"above_threshold": self.tr("a large refund"), "no_receipt": self.tr("no receipt"),
                 "cash_for_card": self.tr("cash for a card payment"), "late": self.tr("past the return period")}
        return self.tr("A manager must approve: %1").replace("%1", ", ".join(words.get(a, a) for a in approvals))

    # --- doing it -------------------------------------------------------------------------------
    def refund(self) -> None:
        request = self.request()
        returns, user = self._returns, self._user
        try:
            result = with_approval(self, lambda pin: returns.refund(request, user, approver_pin=pin))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        if result is not None:
            self.result = result
            self.accept()

    def exchange(self) -> None:
        till = self._till
        if till is None or till.cart.is_empty:
            self.message.show_message(self.tr("Scan the new items on the sale screen first."), "warning")
            return
        request = self.request()
        try:
            due = self._returns.exchange_due(request, till.cart)
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        checkout = ExchangeCheckout(self, self._returns, request, till, self._user, due, self._rounding)
        if due.minor > 0:
            dialog = PaymentDialog(self, checkout, self._fmt, self._rounding)  # type: ignore[arg-type]
            dialog.exec()
        else:
            try:
                checkout.pay([])
            except DomainError as exc:
                self.message.show_message(describe(exc))
                return
        if checkout.result is not None:
            till.start_new_ticket()
            self.result = checkout.result
            self.accept()


def returns_currency(returns: ReturnService) -> str:
    return returns.currency
