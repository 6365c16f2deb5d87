"""The stock count screen: start a count, count blind with the scanner, review the variances.

Three pages in one dialog. While counting, the scan field keeps the focus (every button is
``NoFocus``): each scan adds one, or the quantity typed in the quantity box first (a box of 12).
Finishing shows the review: what the ledger expected when each product was counted, what was
counted, the variance and its value; the manager gives reasons and approves (``with_approval``:
the service asks for the manager PIN, not this screen).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.count_dto import CountedItem, CountReview, CountView
from pos.services.count_exchange import ImportResult
from pos.services.dto import UserView
from pos.services.stock_counts import StockCountService
from pos.ui.approval_dialog import with_approval
from pos.ui.count_models import CountedModel, ReviewModel, SuggestionModel, reason_names
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.theme import style
from pos.ui.widgets import make_button


def _table(model: object, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class CountScreen(QDialog):
    def __init__(self, parent: QWidget | None, counts: StockCountService, user: UserView, fmt: Formatter, *,
                 store_name: str, currency: str, language: str, on_changed: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockCountDialog")
        self.setWindowTitle(self.tr("Stock count"))
        style(self)
        self.resize(1180, 760)
        self._counts = counts
        self._user = user
        self._fmt = fmt
        self._store_name = store_name
        self._currency = currency
        self._language = language
        self._on_changed = on_changed or (lambda: None)
        self.count: CountView | None = None
        self.review: CountReview | None = None

        layout = QVBoxLayout(self)
        self.message = MessageBar()
        self.pages = QStackedWidget()
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._start_page())
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._review_page())
        self.refresh()

    # --- pages ------------------------------------------------------------------------
    def _start_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        title = QLabel(self.tr("Start a stock count"))
        title.setStyleSheet("font-size:22px; font-weight:bold;")
        box.addWidget(title)
        row = QHBoxLayout()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("countScopeCombo")
        for text, scope in ((self.tr("Whole store"), "store"), (self.tr("One category"), "category"),
                            (self.tr("One zone (only what is scanned)"), "zone")):
            self.scope_combo.addItem(text, scope)
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("countCategoryCombo")
        for cid, name in self._counts.categories():
            self.category_combo.addItem(name, cid)
        self.label_input = QLineEdit()
        self.label_input.setObjectName("countLabelInput")
        self.label_input.setPlaceholderText(self.tr("Zone or note, e.g. Aisle 3"))
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        for widget in (self.scope_combo, self.category_combo, self.label_input):
            row.addWidget(widget, 1)
        row.addWidget(make_button(self.tr("Start count"), self.start, "startCountButton"))
        box.addLayout(row)
        self._scope_changed()
        box.addWidget(QLabel(self.tr("Suggested for the next cycle count:")))
        self.suggestion_model = SuggestionModel(self._fmt)
        box.addWidget(_table(self.suggestion_model, "countSuggestionsTable"), 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(make_button(self.tr("Close"), self.reject, "closeCountButton"))
        box.addLayout(buttons)
        return page

    def _count_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.header_label = QLabel()
        self.header_label.setObjectName("countHeaderLabel")
        self.header_label.setStyleSheet("font-size:20px; font-weight:bold;")
        box.addWidget(self.header_label)
        row = QHBoxLayout()
        self.qty_input = QLineEdit()
        self.qty_input.setObjectName("countQtyInput")
        self.qty_input.setPlaceholderText(self.tr("Qty"))
        self.qty_input.setMaximumWidth(120)
        self.scan_input = QLineEdit()
        self.scan_input.setObjectName("countScanInput")
        self.scan_input.setPlaceholderText(self.tr("Scan or type a barcode (each scan counts one)…"))
        self.scan_input.returnPressed.connect(lambda: self.scan(self.scan_input.text()))
        self.qty_input.returnPressed.connect(self.scan_input.setFocus)
        row.addWidget(QLabel(self.tr("Quantity for the next scan:")))
        row.addWidget(self.qty_input)
        row.addWidget(self.scan_input, 1)
        box.addLayout(row)
        self.last_label = QLabel(self.tr("Nothing counted yet."))
        self.last_label.setObjectName("lastCountedLabel")
        self.last_label.setStyleSheet("font-size:24px; font-weight:bold; padding:6px; background:#ffffff;")
        box.addWidget(self.last_label)
        self.counted_model = CountedModel(self._fmt)
        self.counted_table = _table(self.counted_model, "countedTable")
        box.addWidget(self.counted_table, 1)
        buttons = QHBoxLayout()
        for text, slot, name in ((self.tr("Undo my last scan"), self.undo, "undoCountButton"),
                                 (self.tr("Merge another till's file…"), self.import_file, "importCountButton"),
                                 (self.tr("Save for another till…"), self.export_file, "exportCountButton"),
                                 (self.tr("Cancel count"), self.cancel_count, "cancelCountButton")):
            buttons.addWidget(make_button(text, slot, name, keep_focus=True))
        buttons.addStretch(1)
        buttons.addWidget(make_button(self.tr("Close"), self.reject, "closeCountingButton", keep_focus=True))
        finish = make_button(self.tr("Finish → review"), self.finish, "finishCountButton", keep_focus=True)
        finish.setStyleSheet("font-weight:bold;")
        buttons.addWidget(finish)
        box.addLayout(buttons)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        self.review_header = QLabel()
        self.review_header.setStyleSheet("font-size:20px; font-weight:bold;")
        box.addWidget(self.review_header)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("reviewSummaryLabel")
        self.summary_label.setWordWrap(True)
        box.addWidget(self.summary_label)
        self.review_model = ReviewModel(self._fmt)
        self.review_table = _table(self.review_model, "varianceTable")
        self.review_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box.addWidget(self.review_table, 1)
        reasons = QHBoxLayout()
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("reasonCombo")
        for code, text in reason_names().items():
            self.reason_combo.addItem(text, code)
        self.note_input = QLineEdit()
        self.note_input.setObjectName("reasonNoteInput")
        self.note_input.setPlaceholderText(self.tr("Note (optional)"))
        reasons.addWidget(QLabel(self.tr("Reason:")))
        reasons.addWidget(self.reason_combo)
        reasons.addWidget(self.note_input, 1)
        reasons.addWidget(make_button(self.tr("For the selected lines"), self.reason_for_selected, "setReasonButton"))
        reasons.addWidget(make_button(self.tr("For all without one"), self.reason_for_rest, "setReasonAllButton"))
        box.addLayout(reasons)
        buttons = QHBoxLayout()
        self.reopen_button = make_button(self.tr("Back to counting"), self.reopen, "reopenCountButton")
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(make_button(self.tr("Variance report (PDF)…"), self.save_pdf_as, "countPdfButton"))
        buttons.addStretch(1)
        buttons.addWidget(make_button(self.tr("Close"), self.reject, "closeReviewButton"))
        self.approve_button = make_button(self.tr("Approve and adjust stock"), self.approve, "approveCountButton")
        self.approve_button.setStyleSheet("font-weight:bold; background:#0b6e2f; color:white;")
        buttons.addWidget(self.approve_button)
        box.addLayout(buttons)
        return page

    # --- state ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.count = self._counts.current()
        if self.count is None:
            self.suggestion_model.set_rows(self._counts.suggestions(30))
            self.pages.setCurrentIndex(0)
        elif self.count.state == "open":
            self._show_counting()
        else:
            self._show_review(self._counts.review(self.count.count_id))

    def _scope_changed(self) -> None:
        self.category_combo.setEnabled(self.scope_combo.currentData() == "category")

    def _describe_count(self, count: CountView) -> str:
        scope = {"store": self.tr("Whole store"), "category": self.tr("Category"),
                 "zone": self.tr("Zone")}.get(count.scope, count.scope)
        where = count.category_name or count.label
        return f"{scope}: {where}" if where else scope

    def _show_counting(self) -> None:
        assert self.count is not None
        self.header_label.setText(self.tr("Counting · %1 · started %2 by %3").replace(
            "%1", self._describe_count(self.count)).replace("%2", self._fmt.datetime(self.count.started_at))
            .replace("%3", self.count.started_by))
        self.counted_model.set_rows(self._counts.counted(self.count.count_id))
        self.pages.setCurrentIndex(1)
        self.scan_input.setFocus()

    def _show_review(self, review: CountReview) -> None:
        self.review = review
        self.count = review.count
        state = {"review": self.tr("in review"), "approved": self.tr("approved"),
                 "cancelled": self.tr("cancelled")}.get(review.count.state, review.count.state)
        self.review_header.setText(self.tr("Review · %1 · %2").replace("%1", self._describe_count(review.count))
                                   .replace("%2", state))
        variances = review.variances
        self.summary_label.setText(self.tr(
            "%1 products checked, %2 with a variance. Net value %3 (absolute %4). %5 still need a reason. "
            "Expected = on hand at the start + sales and other movements until each product was counted.")
            .replace("%1", str(len(review.lines))).replace("%2", str(len(variances)))
            .replace("%3", self._fmt.money(review.net_value(self._currency)))
            .replace("%4", self._fmt.money(review.gross_value(self._currency)))
            .replace("%5", str(review.missing_reasons)))
        self.review_model.set_rows(list(review.lines))
        in_review = review.count.state == "review"
        self.approve_button.setEnabled(in_review)
        self.reopen_button.setEnabled(in_review)
        self.pages.setCurrentIndex(2)

    def _run(self, action: Callable[[], object]) -> object | None:
        try:
            return action()
        except DomainError as exc:
            self.message.show_message(describe(exc), "error")
            return None

    # --- actions ----------------------------------------------------------------------
    def start(self) -> None:
        scope = str(self.scope_combo.currentData())
        category = self.category_combo.currentData() if scope == "category" else None

        def go(pin: str | None) -> CountView:
            return self._counts.start(self._user, scope=scope, label=self.label_input.text(),
                                      category_id=category, approver_pin=pin)

        if self._run(lambda: with_approval(self, go)) is not None:
            self.refresh()

    def scan(self, code: str) -> None:
        """A scan from the field or from the scanner (routed here while the screen is open)."""
        code = code.strip()
        self.scan_input.clear()
        if not code or self.count is None or self.count.state != "open":
            return
        qty = self.qty_input.text().strip() or "1"
        item = self._run(lambda: self._counts.scan(self.count.count_id, self._user, code, qty))  # type: ignore[union-attr]
        if item is not None:
            self.qty_input.clear()
            self._counted(item)
        self.scan_input.setFocus()

    def _counted(self, item: object) -> None:
        assert self.count is not None
        assert isinstance(item, CountedItem)
        if item.last_qty < 0:
            text = self.tr("Taken back: %1 × %2 — counted so far: %3")
        else:
            text = self.tr("%1 × %2 — counted so far: %3")
        self.last_label.setText(text.replace("%1", self._fmt.quantity(abs(item.last_qty))).replace(
            "%2", item.name).replace("%3", self._fmt.quantity(item.counted)))
        self.counted_model.set_rows(self._counts.counted(self.count.count_id))
        self.counted_table.selectRow(0)

    def undo(self) -> None:
        if self.count is not None:
            item = self._run(lambda: self._counts.undo_last(self.count.count_id, self._user))  # type: ignore[union-attr]
            if item is not None:
                self._counted(item)
        self.scan_input.setFocus()

    def finish(self) -> None:
        if self.count is None:
            return
        review = self._run(lambda: self._counts.finish(self.count.count_id, self._user))  # type: ignore[union-attr]
        if isinstance(review, CountReview):
            self._show_review(review)

    def reopen(self) -> None:
        if self.count is not None and self._run(lambda: self._counts.reopen(self.count.count_id, self._user)):  # type: ignore[union-attr]
            self.refresh()

    def cancel_count(self) -> None:
        if self.count is None:
            return
        count_id = self.count.count_id
        if self._run(lambda: with_approval(self, lambda pin: self._counts.cancel(count_id, self._user, pin))):
            self.message.show_message(self.tr("Count cancelled; nothing was changed."), "info")
            self.refresh()

    def _set_reason(self, product_ids: list[int]) -> None:
        if self.count is None or not product_ids:
            return
        review = self._run(lambda: self._counts.set_reason(
            self.count.count_id, product_ids, str(self.reason_combo.currentData()), self._user,  # type: ignore[union-attr]
            self.note_input.text()))
        if isinstance(review, CountReview):
            self.note_input.clear()
            self._show_review(review)

    def reason_for_selected(self) -> None:
        rows = {i.row() for i in self.review_table.selectionModel().selectedRows()}
        lines = [self.review_model.row_at(r) for r in sorted(rows)]
        self._set_reason([ln.product_id for ln in lines if ln is not None and ln.variance])

    def reason_for_rest(self) -> None:
        if self.review is not None:
            self._set_reason([ln.product_id for ln in self.review.variances if not ln.reason])

    def approve(self) -> None:
        if self.count is None:
            return
        count_id = self.count.count_id
        review = self._run(lambda: with_approval(self, lambda pin: self._counts.approve(count_id, self._user, pin)))
        if isinstance(review, CountReview):
            self._show_review(review)
            self.message.show_message(self.tr("Stock adjusted. The online store is updated in the background."),
                                      "ok")
            self._on_changed()

    def save_pdf(self, path: Path) -> Path:
        assert self.review is not None
        # reportlab takes ~0.2 s to load: only when a PDF is made
        from pos.devices.count_report_pdf import variance_report_pdf
        path.write_bytes(variance_report_pdf(self.review, self._fmt, store_name=self._store_name,
                                             currency=self._currency, language=self._language))
        return path

    def save_pdf_as(self) -> None:
        if self.review is None:
            return
        name = f"recuento-{self.review.count.uuid[:8]}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save variance report"), name, "PDF (*.pdf)")
        if path:
            try:
                self.save_pdf(Path(path))
            except OSError as exc:
                self.message.show_message(self.tr("Could not save the file: %1").replace("%1", str(exc)), "error")

    def export_file(self) -> None:
        if self.count is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save counts for another till"),
                                              f"recuento-{self.count.till_id}.json", "JSON (*.json)")
        if path:
            try:
                Path(path).write_text(self._counts.export_entries(self.count.count_id), encoding="utf-8")
            except OSError as exc:
                self.message.show_message(self.tr("Could not save the file: %1").replace("%1", str(exc)), "error")
        self.scan_input.setFocus()

    def import_file(self) -> None:
        if self.count is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Merge counts from another till"), "", "JSON (*.json)")
        if path:
            self.merge(Path(path))
        self.scan_input.setFocus()

    def merge(self, path: Path) -> None:
        assert self.count is not None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.message.show_message(self.tr("Could not read the file: %1").replace("%1", str(exc)), "error")
            return
        result = self._run(lambda: self._counts.import_entries(self.count.count_id, text))  # type: ignore[union-attr]
        if result is None:
            return
        assert isinstance(result, ImportResult)
        text_out = self.tr("%1 entries merged, %2 were already here.").replace("%1", str(result.added)).replace(
            "%2", str(result.already))
        if result.unknown_skus:
            text_out += " " + self.tr("Unknown here: %1").replace("%1", ", ".join(result.unknown_skus[:5]))
        if result.out_of_scope:
            text_out += " " + self.tr("Not in this count: %1").replace("%1", ", ".join(result.out_of_scope[:5]))
        self.message.show_message(text_out, "warning" if result.unknown_skus or result.out_of_scope else "ok")
        self.counted_model.set_rows(self._counts.counted(self.count.count_id))
