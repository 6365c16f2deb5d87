"""Printing from the sale screen to a network printer on 127.0.0.1: the receipt with accents and €, the
drawer on cash, reprint, gift receipt, the manager-approved "no sale", and a printer that is off."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from pos.app import Services, prepare
from pos.formatting import Formatter
from pos.ledger.models import AuditEntry, Sale
from tests.integration.devices.fake_printer import FakePrinter
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot

DRAWER_PULSE = b"\x1bp"
EURO_CP858 = b"\xd5"


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def _services(tmp_path: Path, uri: str) -> Services:
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(f'demo = true\n[printer]\nuri = "{uri}"\ntimeout = 1.0\n', encoding="utf-8")
    services = prepare(data, demo=True)
    services.start_printer(Formatter("es_ES"), "es")
    return services


def _pay_cash(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "quickCash50").click()
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    on_next_modal(pay, "paymentDialog")
    window.findChild(QPushButton, "payButton").click()


def test_cash_sale_prints_opens_drawer_and_reprints(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     printer: FakePrinter) -> None:
    services = _services(tmp_path, printer.uri)
    try:
        window = make_window(qtbot, services)
        label = window.findChild(QLabel, "printerStatusLabel")
        qtbot.waitUntil(lambda: "lista" in label.text(), timeout=5000)
        login(qtbot, window)
        scan(qtbot, window, "8412345602627")
        _pay_cash(qtbot, window)
        assert services.printer is not None and services.printer.wait_idle(5)
        data = b"".join(printer.wait_jobs(1))
        assert DRAWER_PULSE in data and EURO_CP858 in data and b"T01-000001" in data
        assert "Limones ecol\xf3gico".encode("latin-1").replace(b"\xf3", b"\xa2") in data  # ó in CP858
        window.findChild(QPushButton, "reprintButton").click()
        window.findChild(QPushButton, "giftReceiptButton").click()
        assert services.printer.wait_idle(5)
        # The queue is idle once the bytes are sent; the fake printer files them when the connection closes.
        qtbot.waitUntil(lambda: b"regalo" in b"".join(printer.jobs), timeout=5000)
        data = b"".join(printer.wait_jobs(1))
        assert data.count(b"T01-000001") >= 3 and b"COPIA" in data and b"regalo" in data
        assert data.count(DRAWER_PULSE) == 1  # reprints and gift receipts never open the drawer
        screenshot(window, "printer_ready.png")
    finally:
        services.close()


def test_no_sale_needs_a_manager_and_is_audited(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               printer: FakePrinter) -> None:
    services = _services(tmp_path, printer.uri)
    try:
        window = make_window(qtbot, services)
        login(qtbot, window)

        def cancel(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.reject()

        on_next_modal(cancel, "ApprovalDialog")
        window.findChild(QPushButton, "noSaleButton").click()

        def approve(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.pin.setText("9999")
            dialog.accept()

        on_next_modal(approve, "ApprovalDialog")
        window.findChild(QPushButton, "noSaleButton").click()
        assert services.printer is not None and services.printer.wait_idle(5)
        assert b"".join(printer.wait_jobs(1)).count(DRAWER_PULSE) == 1
        with services.ledger.read() as s:
            entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "drawer.no_sale")).all()
            assert len(entries) == 1 and entries[0].approved_by is not None
    finally:
        services.close()


def test_printer_off_never_blocks_the_sale(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as probe:  # a port nobody listens on: the printer is "off"
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    services = _services(tmp_path, f"escpos+tcp://127.0.0.1:{port}")
    try:
        window = make_window(qtbot, services)
        login(qtbot, window)
        scan(qtbot, window, "8412345600012")
        _pay_cash(qtbot, window)
        label = window.findChild(QLabel, "printerStatusLabel")
        qtbot.waitUntil(lambda: "apagada" in label.text() or "no responde" in label.text(), timeout=5000)
        with services.ledger.read() as s:
            assert s.scalars(select(Sale.receipt_no)).all() == ["T01-000001"]  # the sale is committed anyway
        screenshot(window, "printer_off.png")
    finally:
        services.close()
