"""The pickup desk with the embedded sandbox store, as in `make run`: the demo's online orders appear,
one is prepared by scanning, marked ready (note online) and handed over with the customer's code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QTableView

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
