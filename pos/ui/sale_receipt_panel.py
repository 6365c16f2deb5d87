"""The sale screen's left side after a payment or a return: the change (or the refund), the receipt
preview, and reprint, gift receipt, save as PDF and full invoice of the last receipt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pos.devices.print_queue import PrintQueue
from pos.devices.receipt_text import render_lines
from pos.formatting import Formatter
from pos.services.dto import IssuedInvoice, Receipt
from pos.services.invoices import InvoiceService
from pos.ui.invoice_dialog import InvoiceDialog, save_invoice_pdf
from pos.ui.sale_side_panel import sale_button

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView


class ReceiptPanel(QWidget):
    def __init__(self, view: SaleView, fmt: Formatter, language: str) -> None:
        super().__init__()
        self._view = view
        self._fmt = fmt
        self._language = language
        self._printer: PrintQueue | None = None
        self._invoices: InvoiceService | None = None
        self._last_receipt_source: Callable[[], Receipt | None] | None = None
        self._rectifying: IssuedInvoice | None = None  # the shown return's rectifying invoice

        layout = QVBoxLayout(self)
        self.done_caption = QLabel(self.tr("Change"))
        self.done_caption.setStyleSheet("font-size:20px; font-weight:bold;")
        layout.addWidget(self.done_caption)
        self.done_change = QLabel()
        self.done_change.setObjectName("changeLabel")
        layout.addWidget(self.done_change)
        self.receipt_preview = QPlainTextEdit()
        self.receipt_preview.setObjectName("receiptPreview")
        self.receipt_preview.setReadOnly(True)
        self.receipt_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt_preview.setStyleSheet("font-family:'DejaVu Sans Mono'; font-size:14px; background:#fffef5;")
        layout.addWidget(self.receipt_preview, 1)
        row = QHBoxLayout()
        self.reprint_button = sale_button(self.tr("Reprint"), view.reprint, "reprintButton")
        self.gift_button = sale_button(self.tr("Gift receipt"), view.gift_receipt, "giftReceiptButton")
        self.pdf_button = sale_button(self.tr("Save as PDF"), view.save_pdf, "receiptPdfButton")
        self.invoice_button = sale_button(self.tr("Full invoice"), view.full_invoice, "invoiceButton")
        for button in (self.reprint_button, self.gift_button, self.pdf_button, self.invoice_button):
            row.addWidget(button)
        layout.addLayout(row)

    def set_devices(self, printer: PrintQueue | None, last_receipt: Callable[[], Receipt | None] | None,
                    invoices: InvoiceService | None) -> None:
        self._printer = printer
        self._last_receipt_source = last_receipt
        self._invoices = invoices

    def show_receipt(self, receipt: Receipt) -> None:
        self.done_change.setText(self._fmt.money(receipt.change))
        self.done_caption.setText(self.tr("Change"))
        if receipt.kind == "return":  # what the customer gets back, and how
            self.done_caption.setText(self.tr("Refund"))
            self.done_change.setText(self._fmt.money(receipt.total))
        self.gift_button.setVisible(receipt.kind != "return")
        self.invoice_button.setMenu(None)
        # A return has a full invoice only as the correction of its ticket's: then the button saves it.
        self._rectifying = None
        if receipt.kind == "return":
            self._rectifying = self._rectifying_of(receipt)
        self.invoice_button.setVisible(receipt.kind != "return" or self._rectifying is not None)
        self.invoice_button.setText(self.tr("Rectifying invoice") if self._rectifying else self.tr("Full invoice"))
        self.receipt_preview.setPlainText("\n".join(render_lines(receipt, self._fmt, language=self._language)))

    def offer_rectifying(self, returned: Receipt) -> None:
        """After an exchange the new sale shows; when its return corrected an invoice, the invoice button also
        offers that rectifying invoice."""
        self._rectifying = self._rectifying_of(returned)
        if self._rectifying is None:
            return
        menu = QMenu(self.invoice_button)
        menu.addAction(self.tr("Full invoice"), self._view.full_invoice)
        menu.addAction(self.tr("Rectifying invoice %1").replace("%1", self._rectifying.invoice_no),
                       self.save_rectifying)
        self.invoice_button.setMenu(menu)

    def _rectifying_of(self, returned: Receipt) -> IssuedInvoice | None:
        invoice = self._invoices.for_sale(returned.sale_uuid) if self._invoices is not None else None
        if invoice is not None:
            self._view.message.show_message(
                self.tr("Rectifying invoice %1 issued (it corrects invoice %2): save it as PDF for the customer.")
                .replace("%1", invoice.invoice_no).replace("%2", invoice.rectifies_no or ""), "info")
        return invoice

    def save_rectifying(self) -> None:
        view = self._view
        if self._rectifying is not None:
            problem = save_invoice_pdf(view, self._rectifying, self._fmt, self._language)
            if problem:
                view.message.show_message(self.tr("Could not save the PDF: %1").replace("%1", problem))
        view.scan_input.setFocus()

    def latest(self) -> Receipt | None:
        """This session's last receipt or, after a restart, the last sale from the ledger."""
        receipt = self._view.last_receipt
        if receipt is None and self._last_receipt_source is not None:
            receipt = self._last_receipt_source()
        return receipt

    def print_last(self, kind: str) -> None:
        message = self._view.message
        receipt = self.latest()
        if receipt is None:
            message.show_message(self.tr("No receipt to print yet."), "info")
            return
        if self._printer is None or self._printer.submit(receipt, kind=kind) is None:
            message.show_message(self.tr("No receipt printer is configured."), "warning")
            return
        message.show_message(self.tr("Sent to the printer."), "ok")

    def save_pdf(self) -> None:
        view = self._view
        receipt = view.last_receipt
        if receipt is None:
            return
        path, _ = QFileDialog.getSaveFileName(view, self.tr("Save receipt as PDF"), f"{receipt.receipt_no}.pdf",
                                              "PDF (*.pdf)")
        if path:
            # reportlab takes ~0.2 s to load: only when a PDF is made
            from pos.devices.pdf_documents import receipt_pdf
            try:
                Path(path).write_bytes(receipt_pdf(receipt, self._fmt, language=self._language))
            except OSError as exc:
                view.message.show_message(self.tr("Could not save the PDF: %1").replace("%1", exc.strerror or ""))
                return
            view.message.show_message(self.tr("PDF saved."), "ok")
        view.scan_input.setFocus()

    def full_invoice(self) -> None:
        view = self._view
        receipt = view.last_receipt
        if receipt is None or view.till is None or self._invoices is None:
            return
        if receipt.kind == "return":  # the button of a return saves its rectifying invoice
            self.save_rectifying()
            return
        invoices, user = self._invoices, view.till.cashier
        dialog = InvoiceDialog(view, receipt, lambda name, tax_id, address, email: invoices.issue(
            receipt.sale_uuid, user, name=name, tax_id=tax_id, address=address, email=email),
            self._fmt, self._language)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.invoice is not None:
            view.message.show_message(self.tr("Invoice %1 issued.").replace("%1", dialog.invoice.invoice_no), "ok")
        view.scan_input.setFocus()
