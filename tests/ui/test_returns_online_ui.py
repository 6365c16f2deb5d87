"""The returns screen with a live online store: the order is looked up in the background (never on the UI
thread), refunded through the payment gateway, and the refund reaches the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView

from pos.app import Services
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.ui.returns_dialog import ReturnsDialog
from sync.engine import SyncEngine
from sync.returns_lookup import OrderLookup
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector
from tests.ui.conftest import open_shift, use_language


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path / "store", seed="demo").start()
    yield server
    server.stop()


def test_online_order_found_live_and_refunded_to_the_gateway(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                             store: SandboxServer) -> None:
    use_language("en")
    engine = SyncEngine(services.ledger, WooCommerceConnector(store.url, "ck_demo", "cs_demo"), currency="EUR",
                        pull_interval_s=0)
    open_shift(services)
    assert engine.run_once()  # links the catalogues; completed orders are not pulled: only the live look-up finds them
    api = f"{store.url}/wp-json/wc/v3"
    order = requests.get(f"{api}/orders", params={"status": "completed", "payment_method": "redsys"},
                         auth=("ck_demo", "cs_demo"), timeout=10).json()[0]
    lookup = OrderLookup(services.ledger, WooCommerceConnector(store.url, "ck_demo", "cs_demo"))
    dialog = ReturnsDialog(None, services.returns, UserView(1, "Ana", "cashier"), Formatter("en_US"),
                           lookup=lookup.lookup, refresh=lookup.refresh)
    qtbot.addWidget(dialog)
    dialog.show()
    search = dialog.findChild(QLineEdit, "returnSearchInput")
    qtbot.keyClicks(search, f"#{order['number']}")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    table = dialog.findChild(QTableView, "returnLinesTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == len(order["line_items"]), timeout=10_000)
    assert dialog.findChild(QLabel, "returnOnlineLabel").text() == "Checked with the online store."
    assert dialog.findChild(QComboBox, "refundRouteCombo").currentData() == "gateway"
    table.selectRow(0)
    qtbot.mouseClick(dialog.findChild(QPushButton, "returnAddOneButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.findChild(QPushButton, "confirmReturnButton"), Qt.MouseButton.LeftButton)
    assert dialog.result is not None and dialog.result.receipt.original_receipt_no == order["number"]
    assert engine.run_once()
    [refund] = requests.get(f"{api}/orders/{order['id']}/refunds", auth=("ck_demo", "cs_demo"), timeout=10).json()
    assert refund["refunded_payment"] is True and refund["line_items"][0]["quantity"] == -1
