"""The returns screen driven like a cashier: find the receipt by its number, take back one line, refund
in cash; then an exchange for the open ticket with the difference paid in the normal payment dialog."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from pos.app import Services
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.services.returns_dto import ReturnItem, ReturnRequest
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot

EAN_A, EAN_B = "8412345600012", "8412345602627"


def _find(dialog, kind, name):  # type: ignore[no-untyped-def]
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def _return_on_screen(qtbot, window, receipt_no: str, take: str = "returnAddOneButton",  # type: ignore[no-untyped-def]
                      pay=None) -> None:
    """Open Devolución, find ``receipt_no`` and take its first line (``take``: one unit, or all of it); then
    refund it or, with ``pay`` (what to do in the payment dialog), exchange it for the open ticket."""

    def cashier(dialog) -> None:  # type: ignore[no-untyped-def]
        search = _find(dialog, QLineEdit, "returnSearchInput")
        qtbot.keyClicks(search, receipt_no)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        _find(dialog, QTableView, "returnLinesTable").selectRow(0)
        qtbot.mouseClick(_find(dialog, QPushButton, take), Qt.MouseButton.LeftButton)
        if pay is not None:
            on_next_modal(pay, "paymentDialog")
        confirm = "confirmReturnButton" if pay is None else "exchangeButton"
        qtbot.mouseClick(_find(dialog, QPushButton, confirm), Qt.MouseButton.LeftButton)

    on_next_modal(cashier, "returnsDialog")
    qtbot.mouseClick(window.findChild(QPushButton, "returnsButton"), Qt.MouseButton.LeftButton)


def test_return_one_line_of_a_receipt_in_cash(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, "es")
    login(qtbot, window)
    scan(qtbot, window, EAN_A)
    scan(qtbot, window, EAN_A)
    scan(qtbot, window, EAN_B)
    till = window.sale_view.till
    sold = till.pay([Tender(TenderKind.CASH, Money(till.cart.totals().total.minor + 500, "EUR"))])
    seen: dict[str, object] = {}

    def cashier(dialog) -> None:  # type: ignore[no-untyped-def]
        search = _find(dialog, QLineEdit, "returnSearchInput")
        qtbot.keyClicks(search, sold.receipt_no)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        table = _find(dialog, QTableView, "returnLinesTable")
        assert table.model().rowCount() == 2
        table.selectRow(0)
        qtbot.mouseClick(_find(dialog, QPushButton, "returnAddOneButton"), Qt.MouseButton.LeftButton)
        reason = _find(dialog, QComboBox, "returnReasonCombo")
        reason.setCurrentIndex(reason.findData("wrong_size"))
        seen["total"] = _find(dialog, QLabel, "returnTotalLabel").text()
        seen["route"] = _find(dialog, QComboBox, "refundRouteCombo").currentData()
        seen["row"] = [table.model().index(0, c).data() for c in range(6)]
        screenshot(dialog, "returns.png")
        qtbot.mouseClick(_find(dialog, QPushButton, "confirmReturnButton"), Qt.MouseButton.LeftButton)

    on_next_modal(cashier, "returnsDialog")
    qtbot.mouseClick(window.findChild(QPushButton, "returnsButton"), Qt.MouseButton.LeftButton)
    unit = sold.lines[0].total.minor // 2
    assert seen["route"] == "cash" and seen["row"][4] == "1" and seen["row"][5] == "Sí"
    assert seen["total"] == window.sale_view._fmt.money(Money(unit, "EUR"))
    preview = window.findChild(QPlainTextEdit, "receiptPreview").toPlainText()
    assert "Factura rectificativa" in preview and f"Rectifica a: {sold.receipt_no}" in preview
    assert "R-T01-000001" in preview and window.sale_view.done_caption.text() == "Reembolso"
    screenshot(window, "returns_receipt.png")
    doc = services.returns.find(sold.receipt_no)[0]
    assert [line.returnable for line in doc.lines] == [Decimal(1), Decimal(1)]


def test_exchange_pays_the_difference_in_the_payment_dialog(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, "en")
    login(qtbot, window)
    scan(qtbot, window, EAN_A)
    till = window.sale_view.till
    sold = till.pay([Tender(TenderKind.CASH, till.cart.totals().total)])
    window.sale_view.start(till)
    scan(qtbot, window, EAN_B)  # the new item, on the open ticket
    new_total = till.cart.totals().total
    difference = new_total.minor - sold.total.minor
    assert difference > 0

    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        assert _find(dialog, QLabel, "dueLabel").text() == window.sale_view._fmt.money(Money(difference, "EUR"))
        qtbot.keyClick(_find(dialog, QLineEdit, "amountInput"), Qt.Key.Key_Return)  # exact cash, then done

    _return_on_screen(qtbot, window, sold.receipt_no, "returnAllButton", pay)
    preview = window.findChild(QPlainTextEdit, "receiptPreview").toPlainText()
    assert "Exchange" in preview and "Simplified invoice" in preview  # the new sale's receipt
    assert till.cart.is_empty
    assert services.returns.find(sold.receipt_no)[0].lines[0].returnable == 0


def test_return_without_receipt_needs_a_manager(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, "en")
    login(qtbot, window)
    seen: dict[str, object] = {}

    def manager(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["asked"] = dialog.objectName() != "returnsDialog"
        qtbot.keyClicks(_find(dialog, QLineEdit, "managerPinInput"), "9999")
        qtbot.keyClick(_find(dialog, QLineEdit, "managerPinInput"), Qt.Key.Key_Return)

    def cashier(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.mouseClick(_find(dialog, QPushButton, "noReceiptButton"), Qt.MouseButton.LeftButton)
        window.route_scan(EAN_B)  # the scanner goes to the returns screen while it is open
        assert _find(dialog, QTableView, "returnLinesTable").model().rowCount() == 1
        seen["approval"] = _find(dialog, QLabel, "returnApprovalLabel").text()
        on_next_modal(manager)
        qtbot.mouseClick(_find(dialog, QPushButton, "confirmReturnButton"), Qt.MouseButton.LeftButton)

    on_next_modal(cashier, "returnsDialog")
    qtbot.mouseClick(window.findChild(QPushButton, "returnsButton"), Qt.MouseButton.LeftButton)
    assert seen["approval"] == "A manager must approve: no receipt" and seen["asked"]
    assert window.sale_view.last_receipt is not None and window.sale_view.last_receipt.kind == "return"
    assert window.sale_view.last_receipt.original_receipt_no is None


def _invoiced_ticket(qtbot, services: Services, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A Spanish till with a paid ticket of EAN_A that has a full invoice; PDFs are saved to the returned path.
    Returns (window, the ticket's receipt, its invoice number, that path)."""
    target = tmp_path / "rectificativa.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window = make_window(qtbot, services, "es")
    login(qtbot, window)
    scan(qtbot, window, EAN_A)
    till = window.sale_view.till
    sold = till.pay([Tender(TenderKind.CASH, till.cart.totals().total)])
    invoice = services.invoices.issue(sold.sale_uuid, till.cashier, name="Distribuciones Cañete S.L.",
                                      tax_id="B87654321", address="Avenida de la Constitución 15")
    return window, sold, invoice.invoice_no, target


def test_a_return_of_an_invoiced_ticket_offers_its_rectifying_invoice(  # type: ignore[no-untyped-def]
        qtbot, services: Services, tmp_path, monkeypatch) -> None:
    window, sold, invoice_no, target = _invoiced_ticket(qtbot, services, tmp_path, monkeypatch)
    till = window.sale_view.till

    _return_on_screen(qtbot, window, sold.receipt_no)
    button = window.findChild(QPushButton, "invoiceButton")
    assert button.isVisible() and button.text() == "Factura rectificativa"
    assert "FR-T01-000001" in window.sale_view.message.text() and invoice_no in window.sale_view.message.text()
    screenshot(window, "returns_rectifying_invoice.png")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF") and b"FR-T01-000001" in pdf

    window.sale_view.start(till)  # a plain ticket's return: no invoice button
    scan(qtbot, window, EAN_B)
    plain = till.pay([Tender(TenderKind.CASH, till.cart.totals().total)])
    [doc] = services.returns.find(plain.receipt_no)
    result = services.returns.refund(ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[0].key, Decimal(1)),)),
                                     till.cashier)
    window.sale_view.show_return(result.receipt)
    assert not button.isVisible()


def test_an_exchange_of_an_invoiced_ticket_offers_both_invoices(  # type: ignore[no-untyped-def]
        qtbot, services: Services, tmp_path, monkeypatch) -> None:
    window, sold, _, target = _invoiced_ticket(qtbot, services, tmp_path, monkeypatch)
    till = window.sale_view.till
    window.sale_view.start(till)
    scan(qtbot, window, EAN_B)  # the new item, on the open ticket

    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(_find(dialog, QLineEdit, "amountInput"), Qt.Key.Key_Return)

    _return_on_screen(qtbot, window, sold.receipt_no, "returnAllButton", pay)
    assert window.sale_view.last_receipt.kind == "sale"  # the new sale shows
    assert "FR-T01-000001" in window.sale_view.message.text()
    button = window.findChild(QPushButton, "invoiceButton")
    menu = button.menu()
    assert button.text() == "Factura completa" and menu is not None
    actions = [action.text() for action in menu.actions()]
    assert actions == ["Factura completa", "Factura rectificativa FR-T01-000001"]
    screenshot(window, "exchange_invoices.png")
    menu.actions()[1].trigger()
    assert b"FR-T01-000001" in target.read_bytes()
    window.sale_view.start(till)  # the next ticket: a plain button again
    scan(qtbot, window, EAN_A)
    window.sale_view.show_receipt(till.pay([Tender(TenderKind.CASH, till.cart.totals().total)]))
    assert button.menu() is None
