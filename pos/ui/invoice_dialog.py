"""Full invoice for the last ticket: the customer's tax data, then the A4 PDF to save or e-mail (also the
rectifying invoice of a return, which needs no data: it takes the corrected invoice's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import IssuedInvoice, Receipt
from pos.ui.messages import describe
from pos.ui.theme import style

Issuer = Callable[[str, str, str, str], IssuedInvoice]  # name, tax id, address, e-mail


class InvoiceDialog(QDialog):
    def __init__(self, parent: QWidget | None, receipt: Receipt, issue: Issuer, fmt: Formatter,
                 language: str) -> None:
        super().__init__(parent)
        self.setObjectName("invoiceDialog")
        self.setWindowTitle(self.tr("Full invoice for %1").replace("%1", receipt.receipt_no))
        self.setMinimumWidth(560)
        style(self)
        self._issue = issue
        self._fmt = fmt
        self._language = language
        self.invoice: IssuedInvoice | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("invoiceNameInput")
        self.tax_id = QLineEdit()
        self.tax_id.setObjectName("invoiceTaxIdInput")
        self.tax_id.setPlaceholderText(self.tr("NIF / CIF / RFC"))
        self.address = QPlainTextEdit()
        self.address.setObjectName("invoiceAddressInput")
        self.address.setMaximumHeight(90)
        self.email = QLineEdit()
        self.email.setObjectName("invoiceEmailInput")
        form.addRow(self.tr("Name or company"), self.name)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("E-mail (optional)"), self.email)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("invoiceError")
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.issue_button = QPushButton(self.tr("Issue invoice and save PDF"))
        self.issue_button.setObjectName("issueInvoiceButton")
        self.issue_button.clicked.connect(self.issue)
        buttons.addWidget(cancel)
        buttons.addWidget(self.issue_button, 2)
        layout.addLayout(buttons)

    def issue(self) -> None:
        try:
            invoice = self._issue(self.name.text(), self.tax_id.text(), self.address.toPlainText(),
                                  self.email.text())
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.invoice = invoice
        problem = save_invoice_pdf(self, invoice, self._fmt, self._language)
        if problem:
            self.error.setText(self.tr("Invoice %1 issued, but the PDF could not be saved: %2")
                               .replace("%1", invoice.invoice_no).replace("%2", problem))
            return
        self.accept()


def save_invoice_pdf(parent: QWidget, invoice: IssuedInvoice, fmt: Formatter, language: str) -> str | None:
    """Ask where, then write the invoice's A4 PDF (a rectifying one for a return). Returns why it could not be
    written, or None (written, or the cashier chose not to save it)."""
    # reportlab takes ~0.2 s to load: only when a PDF is made
    from pos.devices.pdf_documents import InvoiceInfo, InvoiceParty, invoice_pdf
    info = InvoiceInfo(invoice.invoice_no, InvoiceParty(invoice.customer_name, invoice.customer_tax_id,
                                                        invoice.customer_address, invoice.customer_email),
                       issued_at=invoice.issued_at, rectifies=invoice.rectifies_no,
                       rectifies_issued_at=invoice.rectifies_issued_at)
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("InvoiceDialog", "Save invoice as PDF"),
                                          f"{invoice.invoice_no}.pdf", "PDF (*.pdf)")
    if not path:
        return None
    try:
        Path(path).write_bytes(invoice_pdf(invoice.receipt, info, fmt, language=language))
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
