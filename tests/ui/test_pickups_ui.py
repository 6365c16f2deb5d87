"""The pickup desk with the embedded sandbox store, as in `make run`: the demo's online orders appear,
one is prepared by scanning, marked ready (note online) and handed over with the customer's code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QListWidget, QPushButton, QTableView

from pos.app import Services, prepare
from tests.ui.conftest import login, make_window, on_next_modal, screenshot


@pytest.fixture
def synced(tmp_path: Path) -> Iterator[Services]:
    services = prepare(tmp_path / "data", demo=True)
    services.start_sync()
    try:
        yield services
    finally:
        services.close()


def _api(services: Services, path: str, **kw: Any) -> Any:
    assert services.sync is not None
    response = requests.get(f"{services.sync.url}/wp-json/wc/v3{path}", auth=("ck_demo", "cs_demo"), timeout=10,
                            **kw)
    response.raise_for_status()
    return response.json()


def test_pickup_desk_prepare_ready_hand_over(qtbot, synced: Services,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot, synced)
    qtbot.waitUntil(lambda: len(synced.pickups.queue()) >= 2, timeout=20000)
    paid = next(p for p in synced.pickups.queue() if p.paid_online)
    order = next(o for o in _api(synced, "/orders", params={"per_page": 50}) if str(o["number"]) == paid.number)
    code = str(order["order_key"])[-6:]
    login(qtbot, window)
    done: list[str] = []

    def desk(dialog) -> None:  # type: ignore[no-untyped-def]
        table = dialog.findChild(QTableView, "pickupQueueTable")
        assert table.model().rowCount() >= 2
        row = next(r for r in range(table.model().rowCount()) if table.model().pickup(r).pickup_id == paid.pickup_id)
        table.selectRow(row)
        detail = dialog.findChild(QLabel, "pickupDetail")  # contact and status: both lines readable
        assert detail.text().count("\n") >= 1 and detail.height() >= 2 * detail.fontMetrics().lineSpacing()
        screenshot(dialog, "pickup_desk.png")
        dialog.findChild(QPushButton, "prepareButton").click()
        for line in paid.lines:
            barcode = synced.catalog.search(line.sku)[0].barcode or line.sku
            for _ in range(int(line.quantity)):
                window.route_scan(barcode)  # the scanner confirms picked items while the desk is open
        dialog.findChild(QPushButton, "readyButton").click()
        assert "correo" in dialog.findChild(QLabel, "pickupMessage").text()
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (code, True)))
        dialog.findChild(QPushButton, "handoverButton").click()
        done.append(dialog.findChild(QLabel, "pickupMessage").text())
        screenshot(dialog, "pickup_handed_over.png")
        dialog.accept()

    on_next_modal(desk, "pickupsDialog")
    window.findChild(QPushButton, "pickupsButton").click()
    assert "Entregado" in done[0], done
    qtbot.waitUntil(lambda: _api(synced, f"/orders/{order['id']}")["status"] == "completed", timeout=20000)
    notes = _api(synced, f"/orders/{order['id']}/notes")
    assert any(n["customer_note"] and "listo" in n["note"].lower() for n in notes)


@pytest.fixture
def synced_with_printer(tmp_path: Path) -> Iterator[tuple[Services, Path]]:
    """The demo with a receipt printer that writes to a file (``[printer] uri = "file://…"``)."""
    from pos.formatting import Formatter

    data = tmp_path / "data"
    data.mkdir()
    paper = tmp_path / "receipts.bin"
    (data / "config.toml").write_text(f'demo = true\n[printer]\nuri = "file://{paper}"\n', encoding="utf-8")
    services = prepare(data, demo=True)
    services.start_sync()
    services.start_printer(Formatter("es_ES"), "es")
    try:
        yield services, paper
    finally:
        services.close()


def test_pay_at_store_handover_through_the_tender_screen(qtbot, synced_with_printer,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QTabBar
    from sqlalchemy import select

    from pos.ledger.models import Sale

    synced, paper = synced_with_printer
    window = make_window(qtbot, synced)
    qtbot.waitUntil(lambda: any(p.needs_payment for p in synced.pickups.queue()), timeout=20000)
    cod = next(p for p in synced.pickups.queue() if p.needs_payment)
    order = next(o for o in _api(synced, "/orders", params={"per_page": 50}) if str(o["number"]) == cod.number)
    code = str(order["order_key"])[-6:]
    login(qtbot, window)
    seen: dict[str, Any] = {}

    def tender(dialog) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QLabel as Label
        seen["due"] = dialog.findChild(Label, "dueLabel").text()
        dialog.findChild(QPushButton, "exactCashButton").click()
        screenshot(dialog, "pickups_pay_at_store_tender.png")
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    def desk(dialog) -> None:  # type: ignore[no-untyped-def]
        table = dialog.findChild(QTableView, "pickupQueueTable")
        row = next(r for r in range(table.model().rowCount()) if table.model().pickup(r).pickup_id == cod.pickup_id)
        table.selectRow(row)
        assert "Paga en tienda" in table.model().data(table.model().index(row, 3))
        dialog.findChild(QPushButton, "printPickListButton").click()
        assert "impresora" in dialog.findChild(QLabel, "pickupMessage").text()
        lines = dialog.findChild(QListWidget, "pickupLines")
        assert lines.count() == 2
        lines.item(1).setCheckState(Qt.CheckState.Unchecked)  # the customer takes the first line today
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (code, True)))
        on_next_modal(tender, "paymentDialog")
        dialog.findChild(QPushButton, "handoverButton").click()
        seen["message"] = dialog.findChild(QLabel, "pickupMessage").text()
        seen["detail"] = dialog.findChild(QLabel, "pickupDetail").text()
        screenshot(dialog, "pickups_pay_at_store.png")
        tabs = dialog.findChild(QTabBar, "pickupTabs")
        tabs.setCurrentIndex(2)  # the manager's page opens (nothing to settle here)
        assert dialog.findChild(QTableView, "pickupResolutionsTable").isVisible()
        dialog.findChild(QPushButton, "pickupSellExtraButton").click()

    on_next_modal(desk, "pickupsDialog")
    window.findChild(QPushButton, "pickupsButton").click()
    assert seen["due"].replace("\xa0", " ") == Formatter_money(cod.total)  # the whole order, also for a part
    assert "Entregado en parte" in seen["message"], seen
    assert "cobrado aquí" in seen["detail"] and "Recogido en parte" in seen["detail"], seen
    with synced.ledger.read() as s:
        sale = s.scalar(select(Sale).where(Sale.kind == "pickup"))
        assert sale is not None and sale.total_minor == cod.total.minor
        sale_uuid, receipt_no = sale.uuid, sale.receipt_no
    assert synced.pickups.get(cod.pickup_id).paid_by_sale_uuid == sale_uuid
    assert synced.printer is not None and synced.printer.wait_idle(5)
    printed = paper.read_bytes()
    for text in ("LISTA DE PREPARACIÓN", "Factura simplificada", "Recogida de pedido online", "Pagado en tienda",
                 "Pendiente de recoger"):
        assert text.encode("cp858") in printed, text
    qtbot.waitUntil(lambda: _api(synced, f"/orders/{order['id']}")["transaction_id"] == receipt_no, timeout=20000)
    remote = _api(synced, f"/orders/{order['id']}")
    assert remote["status"] == "processing"  # the rest is still to collect; the whole order is paid
    assert any(m["key"] == "_pos_payment_uuid" and m["value"] == sale_uuid for m in remote["meta_data"])


def Formatter_money(amount: Any) -> str:  # noqa: N802
    from pos.formatting import Formatter

    return Formatter("es_ES").money(amount).replace("\xa0", " ")


def test_manager_page_resolves_a_refused_handover(qtbot, synced: Services,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QTabBar

    from pos.services.dto import UserView
    from pos.services.pickups import PickupError

    window = make_window(qtbot, synced)
    qtbot.waitUntil(lambda: len(synced.pickups.queue()) >= 4, timeout=20000)
    target = synced.pickups.queue()[-1]
    order = next(o for o in _api(synced, "/orders", params={"per_page": 50}) if str(o["number"]) == target.number)
    assert synced.sync is not None
    requests.put(f"{synced.sync.url}/wp-json/wc/v3/orders/{order['id']}", json={"status": "cancelled"},
                 auth=("ck_demo", "cs_demo"), timeout=10).raise_for_status()
    synced.sync.engine.request_pull()
    qtbot.waitUntil(lambda: synced.pickups.get(target.pickup_id).state == "cancelled", timeout=20000)
    with pytest.raises(PickupError):  # the customer turns up with the code of an order cancelled online
        synced.pickups.hand_over(target.pickup_id, UserView(1, "Ana", "cashier"),
                                 verify_code=str(order["order_key"])[-6:])
    login(qtbot, window)  # Ana, a cashier: resolving needs Marta's PIN
    seen: dict[str, Any] = {}

    def approve(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.pin.setText("9999")
        dialog.accept()

    def desk(dialog) -> None:  # type: ignore[no-untyped-def]
        tabs = dialog.findChild(QTabBar, "pickupTabs")
        seen["tab"] = tabs.tabText(2)
        tabs.setCurrentIndex(2)
        table = dialog.findChild(QTableView, "pickupResolutionsTable")
        assert table.model().rowCount() == 1
        seen["what"] = table.model().data(table.model().index(0, 2))
        from PySide6.QtWidgets import QApplication
        QApplication.processEvents()  # let the layout drop the hidden search field and order buttons
        screenshot(dialog, "pickups_manager.png")
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Avisado al cliente", True)))
        on_next_modal(approve, "ApprovalDialog")
        dialog.findChild(QPushButton, "resolvePickupButton").click()
        seen["after"] = table.model().rowCount()
        seen["message"] = dialog.findChild(QLabel, "pickupMessage").text()
        dialog.accept()

    on_next_modal(desk, "pickupsDialog")
    window.findChild(QPushButton, "pickupsButton").click()
    assert seen["tab"] == "Para el encargado (1)", seen
    assert "cancelado online" in seen["what"], seen
    assert seen["after"] == 0 and "Resuelto" in seen["message"], seen
    assert synced.pickup_resolutions.entries() == []
    assert synced.pickup_resolutions.entries(include_resolved=True)[0].resolved_by == "Marta"
