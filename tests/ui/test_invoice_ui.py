"""A full invoice for a ticket: customer tax data checked, gapless F series, one per ticket, A4 PDF saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from sqlalchemy import select

from pos.app import Services
from pos.ledger.models import AuditEntry, Invoice
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot


def _sell(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    scan(qtbot, window, "8412345602627")

    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "exactCashButton").click()
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    on_next_modal(pay, "paymentDialog")
    window.findChild(QPushButton, "payButton").click()


def test_full_invoice_from_the_last_ticket(qtbot, services: Services, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "factura.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(qtbot, services)
    login(qtbot, window)
    _sell(qtbot, window)
    errors: list[str] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QLineEdit, "invoiceNameInput").setText("Distribuciones Cañete S.L.")
        dialog.findChild(QLineEdit, "invoiceTaxIdInput").setText("B-8765")  # too short: refused
        dialog.findChild(QPlainTextEdit, "invoiceAddressInput").setPlainText("Avenida de la Constitución 15\nSevilla")
        dialog.findChild(QPushButton, "issueInvoiceButton").click()
        errors.append(dialog.findChild(QLabel, "invoiceError").text())
        dialog.findChild(QLineEdit, "invoiceTaxIdInput").setText("B87654321")
        screenshot(dialog, "invoice_dialog.png")
        dialog.findChild(QPushButton, "issueInvoiceButton").click()

    on_next_modal(fill, "invoiceDialog")
    window.findChild(QPushButton, "invoiceButton").click()
    assert "no parece correcto" in errors[0]
    assert target.read_bytes().startswith(b"%PDF") and b"F-T01-000001" in target.read_bytes()
    assert "F-T01-000001" in window.sale_view.message.text()

    def again(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QLineEdit, "invoiceNameInput").setText("Otro nombre")
        dialog.findChild(QLineEdit, "invoiceTaxIdInput").setText("12345678Z")
        dialog.findChild(QPlainTextEdit, "invoiceAddressInput").setPlainText("Calle 1")
        dialog.findChild(QPushButton, "issueInvoiceButton").click()

    on_next_modal(again, "invoiceDialog")
    window.findChild(QPushButton, "invoiceButton").click()  # the same ticket: the same invoice, not a second
    with services.ledger.read() as s:
        invoices = s.scalars(select(Invoice)).all()
        assert [(i.invoice_no, i.customer_tax_id) for i in invoices] == [("F-T01-000001", "B87654321")]
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "invoice.issued")).all()) == 1
    _sell(qtbot, window)

    on_next_modal(again, "invoiceDialog")
    window.findChild(QPushButton, "invoiceButton").click()
    with services.ledger.read() as s:
        assert s.scalars(select(Invoice.invoice_no).order_by(Invoice.id)).all() == ["F-T01-000001", "F-T01-000002"]
