"""The shift at this till: cash in/out with a reason, the X report, and the close with a blind count and the
Z report (printed and as PDF). The service enforces the rules; this screen asks and shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.devices.print_queue import PrintQueue
from pos.devices.shift_report_text import report_lines, report_rows
from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.services.shift_dto import ShiftReport, ShiftView
from pos.services.shifts import ShiftService
from pos.ui.approval_dialog import with_approval
from pos.ui.cash_count_widget import CashCountWidget
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.theme import style
from pos.ui.widgets import make_button


class CashMoveDialog(QDialog):
    """Amount and reason of cash going into or out of the drawer."""

    def __init__(self, parent: QWidget | None, title: str, currency: str) -> None:
        super().__init__(parent)
        self.setObjectName("cashMoveDialog")
        self.setWindowTitle(title)
        self._currency = currency
        self.amount: Money | None = None
        style(self)
        form = QFormLayout(self)
        self.amount_input = QLineEdit()
        self.amount_input.setObjectName("cashAmountInput")
        self.reason_input = QLineEdit()
        self.reason_input.setObjectName("cashReasonInput")
        self.reason_input.setMaxLength(200)
        self.reason_input.setPlaceholderText(self.tr("e.g. bank deposit, change from the bank"))
        form.addRow(self.tr("Amount:"), self.amount_input)
        form.addRow(self.tr("Reason:"), self.reason_input)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        try:
            self.amount = Money.parse(self.amount_input.text(), self._currency)
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.accept()


class ShiftDialog(QDialog):
    OVERVIEW, COUNT, REPORT = range(3)

    def __init__(self, parent: QWidget | None, shifts: ShiftService, user: UserView, fmt: Formatter, *,
                 currency: str, language: str, printer: PrintQueue | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftDialog")
        self.setWindowTitle(self.tr("Shift and cash"))
        self.resize(760, 680)
        style(self)
        self._shifts, self._user, self._fmt = shifts, user, fmt
        self._currency, self._language, self._printer = currency, language, printer
        self.report: ShiftReport | None = None
        self.closed_report: ShiftReport | None = None
        root = QVBoxLayout(self)
        self.message = MessageBar(self)
        root.addWidget(self.message)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.pages.addWidget(self._overview_page())
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._report_page())
        self.refresh()

    # --- pages -------------------------------------------------------------------------------------------
    def _overview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("shiftSummaryLabel")
        self.summary.setStyleSheet("font-size:18px;")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.cash_in_button = make_button(self.tr("Cash in"), lambda: self.cash_move("in"), "cashInButton")
        self.cash_out_button = make_button(self.tr("Cash out"), lambda: self.cash_move("out"), "cashOutButton")
        self.x_button = make_button(self.tr("X report (mid-shift)"), self.x_report, "xReportButton")
        self.close_button = make_button(self.tr("Close shift (Z)…"), self.start_close, "closeShiftStartButton")
        self.last_z_button = make_button(self.tr("Last Z report"), self.last_z, "lastZButton")
        for button in (self.cash_in_button, self.cash_out_button, self.x_button, self.close_button,
                       self.last_z_button):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(make_button(self.tr("Back to the sale"), self.reject, "shiftBackButton"))
        return page

    def _count_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Close shift: blind count"))
        title.setStyleSheet("font-size:22px; font-weight:bold;")
        layout.addWidget(title)
        hint = QLabel(self.tr("Count the cash in the drawer by note and coin. What the till expects is shown only "
                              "after the count is confirmed."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.count = CashCountWidget(self._currency, self._fmt)
        layout.addWidget(self.count, 1)
        row = QHBoxLayout()
        row.addWidget(make_button(self.tr("Back"), lambda: self.pages.setCurrentIndex(self.OVERVIEW),
                                  "closeShiftBackButton"))
        row.addStretch(1)
        confirm = make_button(self.tr("Confirm count and close (Z)"), self.confirm_close, "confirmCloseShiftButton")
        confirm.setStyleSheet("background:#b3261e; color:white; font-weight:bold;")
        row.addWidget(confirm)
        layout.addLayout(row)
        return page

    def _report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.report_title = QLabel()
        self.report_title.setObjectName("reportTitleLabel")
        self.report_title.setStyleSheet("font-size:22px; font-weight:bold;")
        layout.addWidget(self.report_title)
        figures = QFormLayout()
        self.expected_label = QLabel()
        self.expected_label.setObjectName("expectedCashLabel")
        self.counted_label = QLabel()
        self.counted_label.setObjectName("countedCashLabel")
        self.variance_label = QLabel()
        self.variance_label.setObjectName("varianceLabel")
        for label in (self.expected_label, self.counted_label, self.variance_label):
            label.setStyleSheet("font-size:20px; font-weight:bold;")
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.expected_caption = QLabel(self.tr("Expected cash"))
        self.counted_caption = QLabel(self.tr("Counted cash"))
        self.variance_caption = QLabel(self.tr("Cash variance"))
        figures.addRow(self.expected_caption, self.expected_label)
        figures.addRow(self.counted_caption, self.counted_label)
        figures.addRow(self.variance_caption, self.variance_label)
        layout.addLayout(figures)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("reportPreview")
        self.preview.setReadOnly(True)
        self.preview.setStyleSheet("font-family:'DejaVu Sans Mono'; font-size:13px; background:#fffef5;")
        layout.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(make_button(self.tr("Print"), self.print_report, "printReportButton"))
        row.addWidget(make_button(self.tr("Save as PDF"), self.ask_pdf, "reportPdfButton"))
        row.addStretch(1)
        self.done_button = make_button(self.tr("Done"), self._done, "reportDoneButton")
        row.addWidget(self.done_button)
        layout.addLayout(row)
        return page

    # --- actions -----------------------------------------------------------------------------------------
    def refresh(self) -> ShiftView | None:
        shift = self._shifts.current()
        if shift is None:
            self.summary.setText(self.tr("No shift is open on this till."))
        else:
            float_text = self._fmt.money(Money(shift.float_minor, shift.currency))
            self.summary.setText(
                self.tr("Shift %1 · opened %2 by %3 · float %4")
                .replace("%1", str(shift.number)).replace("%2", self._fmt.datetime(shift.opened_at))
                .replace("%3", shift.opened_by).replace("%4", float_text))
        for button in (self.cash_in_button, self.cash_out_button, self.x_button, self.close_button):
            button.setEnabled(shift is not None)
        self.last_z_button.setEnabled(any(s.z_number for s in self._shifts.history(5)))
        return shift

    def cash_move(self, kind: str) -> None:
        title = self.tr("Cash in") if kind == "in" else self.tr("Cash out")
        dialog = CashMoveDialog(self, title, self._currency)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.amount is None:
            return
        amount, reason = dialog.amount, dialog.reason_input.text()
        try:
            done = with_approval(self, lambda pin: self._shifts.cash_move(self._user, kind, amount, reason, pin))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        if done is None:
            return
        if self._printer is not None:
            self._printer.open_drawer()
        self.message.show_message(self.tr("%1: %2 recorded.").replace("%1", title)
                                  .replace("%2", self._fmt.money(Money(done.amount, self._currency))), "ok")

    def x_report(self) -> None:
        try:
            report = with_approval(self, lambda pin: self._shifts.x_report(self._user, pin))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        if report is not None:
            self.show_report(report)

    def last_z(self) -> None:
        closed = [s for s in self._shifts.history(20) if s.z_number]
        if not closed:
            return
        try:
            self.show_report(self._shifts.z_report(closed[0].shift_id))
        except DomainError as exc:
            self.message.show_message(describe(exc))

    def start_close(self) -> None:
        self.count.clear()
        self.pages.setCurrentIndex(self.COUNT)

    def confirm_close(self) -> None:
        try:
            report = self._shifts.close(self._user, self.count.pieces())
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        self.closed_report = report
        self.show_report(report)
        self.print_report()

    def show_report(self, report: ShiftReport) -> None:
        self.report = report
        money = lambda minor: self._fmt.money(Money(minor, report.currency))  # noqa: E731
        if report.kind == "Z":
            self.report_title.setText(self.tr("Shift %1 closed · Z %2").replace("%1", str(report.shift_number))
                                      .replace("%2", f"{report.z_number:06d}"))
        else:
            self.report_title.setText(self.tr("X report · shift %1").replace("%1", str(report.shift_number)))
        self.expected_label.setText(money(report.expected_cash))
        has_count = report.counted_cash is not None and report.variance is not None
        for widget in (self.counted_label, self.counted_caption, self.variance_label, self.variance_caption):
            widget.setVisible(has_count)
        if report.counted_cash is not None and report.variance is not None:
            self.counted_label.setText(money(report.counted_cash))
            if report.variance == 0:
                words, colour = self.tr("Balanced"), "#0b6e2f"
            elif report.variance > 0:
                words, colour = self.tr("over"), "#b45309"
            else:
                words, colour = self.tr("short"), "#b3261e"
            self.variance_label.setText(f"{money(report.variance)} ({words})")
            self.variance_label.setStyleSheet(f"font-size:20px; font-weight:bold; color:{colour};")
        self.preview.setPlainText("\n".join(report_lines(report, self._fmt, language=self._language)))
        self.pages.setCurrentIndex(self.REPORT)

    def print_report(self) -> None:
        if self.report is None:
            return
        if self._printer is None or self._printer.submit_report(
                report_rows(self.report, self._fmt, width=42, language=self._language)) is None:
            self.message.show_message(self.tr("No receipt printer is configured: save the report as PDF."),
                                      "warning")
            return
        self.message.show_message(self.tr("Sent to the printer."), "ok")

    def ask_pdf(self) -> None:
        if self.report is None:
            return
        name = (f"Z-{self.report.till_id}-{self.report.z_number:06d}.pdf" if self.report.z_number is not None
                else f"X-{self.report.till_id}-{self.report.shift_number}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save report as PDF"), name, "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> bool:
        if self.report is None:
            return False
        # reportlab takes ~0.2 s to load: only when a PDF is made
        from pos.devices.shift_report_pdf import shift_report_pdf
        try:
            path.write_bytes(shift_report_pdf(self.report, self._fmt, language=self._language))
        except OSError as exc:
            self.message.show_message(self.tr("Could not save the PDF: %1").replace("%1", exc.strerror or ""))
            return False
        self.message.show_message(self.tr("PDF saved."), "ok")
        return True

    def _done(self) -> None:
        if self.closed_report is not None:
            self.accept()
            return
        self.refresh()
        self.pages.setCurrentIndex(self.OVERVIEW)
