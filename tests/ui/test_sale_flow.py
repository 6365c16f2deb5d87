"""A cashier's first sale, driven through the real window as a keyboard-wedge scanner would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import func, select

from pos.app import Services
from pos.demo.catalog import demo_products
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.ledger.models import OutboxEvent, Sale, StockLevel
from tests.ui.conftest import login, make_window, screenshot

EANS = ["8412345600012", "8412345602627", "8412345605833"]
BY_EAN = {p.ean13: p for p in demo_products()}
# First code scanned twice: 2 + 1 + 1 units.
EXPECTED_TOTAL = 2 * BY_EAN[EANS[0]].price_minor + BY_EAN[EANS[1]].price_minor + BY_EAN[EANS[2]].price_minor
ES = Formatter("es_ES")


def _stock(services: Services) -> dict[int, int]:
    with services.ledger.read() as s:
        return dict(s.execute(select(StockLevel.product_id, StockLevel.on_hand_milli)).all())  # type: ignore[arg-type]


def scan_like_wedge(qtbot, widget, code: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, code, delay=2)  # a scanner types a whole code in a few ms
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_login_scan_three_pay_cash_with_change(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = _stock(services)
    window = make_window(qtbot, services)
    login(qtbot, window)  # types the PIN and Enter (and opens the shift with a float when asked)
    scan = window.findChild(QLineEdit, "scanInput")
    assert window.stack.currentWidget() is window.sale_view
    for code in EANS:
        scan_like_wedge(qtbot, scan, code)
    scan_like_wedge(qtbot, scan, EANS[0])  # a repeat scan increments the line
    table = window.findChild(QTableView, "cartTable")
    assert table.model().rowCount() == 3
    assert table.model().index(0, 0).data() == "2"
    assert window.findChild(QLabel, "totalLabel").text() == ES.money(Money(EXPECTED_TOTAL))
    change = Money(10000 - EXPECTED_TOTAL)
    screenshot(window, "sale_screen_cart.png")

    def pay_in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "paymentDialog"
        amount = dialog.findChild(QLineEdit, "amountInput")
        qtbot.keyClicks(amount, "100")
        dialog.findChild(QPushButton, "tenderCashButton").click()
        assert dialog.findChild(QLabel, "changeLabel").text() == ES.money(change)
        screenshot(dialog, "payment_dialog.png")
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, pay_in_dialog)
    window.findChild(QPushButton, "payButton").click()
    assert window.sale_view.left.currentIndex() == 1
    assert window.sale_view.done_change.text() == ES.money(change)
    assert "T01-000001" in window.sale_view.receipt_preview.toPlainText()
    screenshot(window, "sale_screen_receipt.png")

    with services.ledger.read() as s:
        sale = s.scalars(select(Sale)).one()
        assert (sale.total_minor, sale.change_minor, sale.receipt_no) == (EXPECTED_TOTAL, change.minor, "T01-000001")
        assert [(ln.sku, ln.qty_milli) for ln in sale.lines] == [
            (BY_EAN[EANS[0]].sku, 2000), (BY_EAN[EANS[1]].sku, 1000), (BY_EAN[EANS[2]].sku, 1000)]
        assert s.scalar(select(func.count()).select_from(OutboxEvent)
                        .where(OutboxEvent.event_type == "sale.completed")) == 1
    after = _stock(services)
    sold = {pid: before[pid] - after[pid] for pid in before if before[pid] != after[pid]}
    assert sorted(sold.values()) == [1000, 1000, 2000]


def test_unknown_barcode_beeps_and_leaves_cart(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)  # types the PIN and Enter (and opens the shift with a float when asked)
    scan = window.findChild(QLineEdit, "scanInput")
    scan_like_wedge(qtbot, scan, EANS[0])
    scan_like_wedge(qtbot, scan, "4006381333931")  # valid EAN-13, not in the catalogue
    bar = window.sale_view.message
    assert bar.isVisible() and "4006381333931" in bar.text()
    assert window.findChild(QTableView, "cartTable").model().rowCount() == 1
    scan_like_wedge(qtbot, scan, "8412345600013")  # misread: wrong check digit
    assert "8412345600013" in bar.text()
    assert window.findChild(QTableView, "cartTable").model().rowCount() == 1
    assert scan.hasFocus() or scan.text() == ""
