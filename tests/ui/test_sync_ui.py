"""The status bar and the sync panel, with the embedded sandbox store running as in `make run`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QTableView
from sqlalchemy import select

from pos.app import Services, prepare
from pos.ledger.models import Product
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot

LECHE, ACEITE = "8412345600012", "8412345602627"


@pytest.fixture
def synced(tmp_path: Path) -> Iterator[Services]:
    services = prepare(tmp_path / "data", demo=True)
    services.start_sync()
    try:
        yield services
    finally:
        services.close()


def _pay_exact(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "exactCashButton").click()
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    on_next_modal(pay, "paymentDialog")
    window.findChild(QPushButton, "payButton").click()


def test_status_bar_and_panel_show_sent_and_refused_sales(qtbot, synced: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, synced)
    label = window.findChild(QLabel, "syncStatusLabel")
    qtbot.waitUntil(lambda: "al día" in label.text(), timeout=15000)
    login(qtbot, window, "9999")
    scan(qtbot, window, LECHE)
    _pay_exact(qtbot, window)
    qtbot.waitUntil(lambda: synced.sync is not None and synced.sync.engine.status.pending == 0
                    and "al día" in label.text(), timeout=15000)

    with synced.ledger.write() as s:  # a product the store does not know: the store must refuse it
        product = s.scalars(select(Product).join(Product.barcodes).where(Product.barcodes.any(code=ACEITE))).one()
        product.remote_id = None
        product.sku = "SOLO-TIENDA-1"
    scan(qtbot, window, ACEITE)
    _pay_exact(qtbot, window)
    qtbot.waitUntil(lambda: "1 rechazado" in label.text() and "rechazados" not in label.text(), timeout=15000)
    screenshot(window, "status_bar_refused.png")

    def inspect(panel) -> None:  # type: ignore[no-untyped-def]
        table = panel.findChild(QTableView, "outboxTable")
        assert table.model().rowCount() == 1
        assert table.model().index(0, 0).data() == "Rechazado"
        assert table.model().index(0, 1).data() == "T01-000002"
        assert "SOLO-TIENDA-1" in table.model().index(0, 4).data()  # the reason names the product
        screenshot(panel, "sync_panel.png")
        panel.accept()

    on_next_modal(inspect, "syncPanel")
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)  # the status opens the panel


def test_panel_says_why_in_spanish_while_the_store_is_down(qtbot, synced: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, synced)
    label = window.findChild(QLabel, "syncStatusLabel")
    qtbot.waitUntil(lambda: "al día" in label.text(), timeout=15000)
    assert synced.sync is not None and synced.sync.sandbox is not None
    synced.sync.sandbox.faults.down = True
    login(qtbot, window, "9999")
    scan(qtbot, window, LECHE)
    _pay_exact(qtbot, window)  # the sale is made locally all the same, and waits for the store
    qtbot.waitUntil(lambda: "sin conexión desde" in label.text() and "· 1 pendiente" in label.text()
                    and "pendientes" not in label.text(), timeout=15000)

    def inspect(panel) -> None:  # type: ignore[no-untyped-def]
        problem = panel.findChild(QLabel, "lastProblemLabel").text()
        assert problem.startswith("Último problema: ") and "tienda online" in problem, problem
        table = panel.findChild(QTableView, "outboxTable")
        assert table.model().index(0, 0).data() == "En espera"
        assert "tienda online" in table.model().index(0, 4).data()
        screenshot(panel, "sync_panel_offline.png")
        panel.accept()

    on_next_modal(inspect, "syncPanel")
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)  # the status opens the panel
    synced.sync.sandbox.faults.down = False
