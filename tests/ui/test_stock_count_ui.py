"""The stock count screen and the manager dashboard, driven like a manager and a cashier would."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import select, update

from pos.app import Services
from pos.domain.cart import Cart
from pos.domain.payment import Tender, TenderKind
from pos.domain.sync_reason import reason
from pos.ledger.models import OutboxEvent, Sale, StockLevel
from pos.services.catalog import to_ref
from tests.ui.conftest import login, make_window, on_next_modal, open_shift, screenshot

LECHE, LIMONES, ACEITE, CAFE = "8412345600012", "8412345602627", "8412345605833", "8412345607806"


def _sell(services: Services, codes: list[str], kind: TenderKind = TenderKind.CARD) -> None:
    open_shift(services)
    cashier = services.auth.login("1234")
    cart = Cart("EUR")
    for code in codes:
        cart = cart.add(to_ref(services.catalog.by_barcode(code)))
    services.sales.complete(cart, [Tender(kind, cart.totals().total)], cashier)


def _open(window, tool: str) -> None:  # type: ignore[no-untyped-def]
    button = window.findChild(QPushButton, "manageButton")
    assert button.isEnabled() and button.isVisible()
    actions = {a.objectName(): a for a in button.menu().actions()}
    actions["stockCountAction" if tool == "count" else "dashboardAction"].trigger()


def test_count_screen_scan_type_finish_review_approve(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window, "9999")  # Marta, manager
    leche = services.catalog.by_barcode(LECHE)
    aceite = services.catalog.by_barcode(ACEITE)
    seen: dict[str, object] = {}

    def count(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QComboBox, "countScopeCombo").setCurrentIndex(2)  # a zone
        dialog.findChild(QLineEdit, "countLabelInput").setText("Pasillo 3")
        assert dialog.findChild(QTableView, "countSuggestionsTable").model().rowCount() > 0
        dialog.findChild(QPushButton, "startCountButton").click()
        field = dialog.findChild(QLineEdit, "countScanInput")
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        for _ in range(3):  # the scanner, routed by the main window while the screen is open
            window.route_scan(LECHE)
        dialog.findChild(QLineEdit, "countQtyInput").setText("12")
        qtbot.keyClicks(field, ACEITE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        window.route_scan(CAFE)
        window.route_scan(CAFE)
        dialog.findChild(QPushButton, "undoCountButton").click()  # the second café was a double scan
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        table = dialog.findChild(QTableView, "countedTable")
        rows = {table.model().index(r, 0).data(): table.model().index(r, 2).data()
                for r in range(table.model().rowCount())}
        seen["counted"] = rows
        seen["last"] = dialog.findChild(QLabel, "lastCountedLabel").text()
        screenshot(dialog, "stock_count.png")
        _sell(services, [LECHE])  # the shop sells on while the count is reviewed
        dialog.findChild(QPushButton, "finishCountButton").click()
        review = dialog.findChild(QTableView, "varianceTable")
        seen["summary_before"] = dialog.findChild(QLabel, "reviewSummaryLabel").text()
        dialog.findChild(QPushButton, "setReasonAllButton").click()
        seen["reasons"] = {review.model().index(r, 0).data(): review.model().index(r, 6).data()
                           for r in range(review.model().rowCount())}
        review.selectRow(0)
        screenshot(dialog, "stock_count_review.png")
        dialog.findChild(QPushButton, "approveCountButton").click()
        seen["message"] = dialog.message.text()
        seen["pdf"] = dialog.save_pdf(tmp_path / "report.pdf")
        dialog.accept()

    on_next_modal(count, "stockCountDialog")
    _open(window, "count")
    cafe = services.catalog.by_barcode(CAFE)
    assert seen["counted"] == {leche.sku: "3", aceite.sku: "12", cafe.sku: "1"}
    assert "Café" in str(seen["last"]) or cafe.name in str(seen["last"])
    assert "diferencia" in str(seen["summary_before"])
    assert "Merma" not in str(seen["reasons"]) and "Error de recuento" in str(seen["reasons"].values())  # type: ignore[attr-defined]
    assert "Existencias ajustadas" in str(seen["message"])
    assert Path(str(seen["pdf"])).read_bytes().startswith(b"%PDF")
    assert services.catalog.by_barcode(LECHE).on_hand == Decimal(3 - 1)  # counted 3, one sold after it
    assert services.catalog.by_barcode(ACEITE).on_hand == 12
    assert services.catalog.by_barcode(CAFE).on_hand == 1
    assert services.stock_counts.current() is None


def test_a_cashier_needs_a_manager_pin_to_start_a_count(qtbot, services: Services,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    window = make_window(qtbot, services)
    login(qtbot, window, "1234")  # Ana, cashier
    asked: list[str] = []

    def approve(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.windowTitle())
        pin = dialog.findChild(QLineEdit, "managerPinInput")
        qtbot.keyClicks(pin, "9999")
        qtbot.keyClick(pin, Qt.Key.Key_Return)

    def count(dialog) -> None:  # type: ignore[no-untyped-def]
        on_next_modal(approve, "ApprovalDialog")
        dialog.findChild(QPushButton, "startCountButton").click()  # the whole store
        asked.append(dialog.findChild(QLabel, "countHeaderLabel").text())
        window.route_scan(LECHE)
        # Another till's file, merged twice: counted once; a broken file says so and changes nothing.
        other = tmp_path / "T02.json"
        other.write_text(services.stock_counts.export_entries(dialog.count.count_id).replace("T01", "T02")
                         .replace('"uuid": "', '"uuid": "x'), encoding="utf-8")
        dialog.merge(other)
        dialog.merge(other)
        asked.append(dialog.message.text())
        (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
        dialog.merge(tmp_path / "bad.json")
        asked.append(dialog.message.text())
        dialog.accept()

    on_next_modal(count, "stockCountDialog")
    _open(window, "count")
    assert asked[0] == "Autorización del encargado" and "Toda la tienda" in asked[1]
    assert "0 lecturas unidas, 1 ya estaban" in asked[2]
    assert "no es un recuento guardado" in asked[3]
    current = services.stock_counts.current()
    assert current is not None and current.scope == "store" and current.entries == 2
    counted = services.stock_counts.counted(current.count_id)
    assert [(c.counted, set(c.counted_by)) for c in counted] == [(2, {"Ana@T01", "Ana@T02"})]


def test_dashboard_shows_today_in_charts(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    baskets = [[LECHE, LECHE, ACEITE], [CAFE], [LIMONES, LECHE], [ACEITE, ACEITE], [CAFE, CAFE, LECHE],
               [LIMONES], [ACEITE], [LECHE, CAFE], [LECHE], [ACEITE, LIMONES, CAFE]]
    for i, basket in enumerate(baskets):
        _sell(services, basket, TenderKind.CASH if i % 3 == 0 else TenderKind.CARD)
    today = datetime.combine(datetime.now().astimezone().date(), time(0)).astimezone()
    with services.ledger.write() as s:  # spread the day's tickets over the opening hours
        for i, sale_id in enumerate(s.scalars(select(Sale.id).order_by(Sale.id)).all()):
            s.execute(update(Sale).where(Sale.id == sale_id).values(
                created_at=today + timedelta(hours=9 + (i * 7) % 11, minutes=5)))
        s.execute(update(OutboxEvent).where(OutboxEvent.id == 2).values(
            status="parked", last_error=reason(
                "woocommerce_rest_product_invalid_id", "ID no válido. [woocommerce_rest_product_invalid_id]", 400,
                store_message="ID no válido.").encode()))
        for code, online in ((LIMONES, 5), (CAFE, -3)):
            level = s.get(StockLevel, services.catalog.by_barcode(code).product_id)
            assert level is not None
            level.online_milli = level.on_hand_milli + online * 1000
    window = make_window(qtbot, services)
    login(qtbot, window, "9999")
    seen: dict[str, object] = {}

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["tickets"] = dialog.tickets_tile.value.text()
        seen["hours"] = len(dialog.hours_chart.bars())
        seen["top"] = [b.label for b in dialog.top_chart.bars()]
        seen["drift"] = {b.label: b.text for b in dialog.drift_chart.bars()}
        seen["tenders"] = [b.label for b in dialog.tenders_chart.bars()]
        seen["parked"] = dialog.findChild(QLabel, "parkedEventsLabel").text()
        screenshot(dialog, "dashboard.png")
        dialog.accept()

    on_next_modal(look, "dashboardDialog")
    _open(window, "dashboard")
    view = services.dashboard.today(services.auth.login("9999"))
    assert seen["tickets"] == "10" == str(view.tickets)
    assert seen["hours"] == len(view.by_hour) >= 8
    assert seen["top"] == [p.name for p in view.top_products]
    # Net of the sales still waiting to be sent (3 limones, 5 cafés in the outbox).
    assert seen["drift"] == {services.catalog.by_barcode(LIMONES).name: "+2",
                             services.catalog.by_barcode(CAFE).name: "-8"}
    assert {d.name: int(d.drift) for d in view.drift} == {services.catalog.by_barcode(LIMONES).name: 2,
                                                          services.catalog.by_barcode(CAFE).name: -8}
    assert sorted(seen["tenders"]) == ["Efectivo", "Tarjeta"]  # type: ignore[type-var]
    assert "La tienda online lo rechazó (HTTP 400). ID no válido." in str(seen["parked"])
