"""The customer-facing window follows the sale: lines and total while scanning, change and thanks after."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from pos.app import Services
from pos.devices.pole_display import paid_lines, pole_lines
from pos.formatting import Formatter
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot


def test_customer_display_follows_the_sale(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    display = window.customer_display
    assert display is not None
    display.place("on")
    qtbot.addWidget(display)
    assert "Bienvenido" in display.findChild(QLabel, "customerHeadline").text()
    login(qtbot, window)
    scan(qtbot, window, "8412345600012")
    scan(qtbot, window, "8412345602627")
    assert display.findChild(QListWidget, "customerLines").count() == 2
    total = window.findChild(QLabel, "totalLabel").text()
    assert total in display.findChild(QLabel, "customerTotal").text()
    last_view = window.sale_view.till.view()  # type: ignore[union-attr]
    line1, line2 = pole_lines(last_view, Formatter("es_ES"))
    assert len(line1) == len(line2) == 20 and line2.startswith("TOTAL")

    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "quickCash20").click()
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    on_next_modal(pay, "paymentDialog")
    window.findChild(QPushButton, "payButton").click()
    assert "Gracias" in display.findChild(QLabel, "customerHeadline").text()
    assert display.findChild(QLabel, "customerChange").text().startswith("Cambio")
    receipt = window.sale_view.last_receipt
    assert receipt is not None and paid_lines(receipt, Formatter("es_ES"))[1].startswith("CAMBIO")
    screenshot(display, "customer_display_paid.png")
