"""The counter side of issue #8: the open-shift page after login, the manager override for a price change,
the blind close with its Z report, the auto-lock that keeps the sale, and the audit log for a manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableView
from sqlalchemy import select

from pos.app import Services
from pos.domain.money import Money
from pos.ledger.models import AuditEntry
from tests.ui.conftest import login, make_window, on_next_modal, scan, screenshot

LECHE = "8412345600012"  # 0,95 €


def _pay_cash_50(window) -> None:  # type: ignore[no-untyped-def]
    def pay(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "quickCash50").click()
        dialog.findChild(QPushButton, "confirmPaymentButton").click()

    on_next_modal(pay, "paymentDialog")
    window.findChild(QPushButton, "payButton").click()


def test_login_asks_for_the_float_and_the_status_bar_shows_the_shift(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    field = window.findChild(QLineEdit, "loginPinInput")
    qtbot.keyClicks(field, "1234")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert page.objectName() == "shiftOpenView"
    page.findChild(QSpinBox, "denom_2000").setValue(5)
    page.findChild(QSpinBox, "denom_50").setValue(3)
    assert "101,50" in page.findChild(QLabel, "countTotalLabel").text()
    screenshot(window, "shift_open.png")
    page.findChild(QPushButton, "openShiftButton").click()
    assert window.stack.currentWidget() is window.sale_view
    assert window.findChild(QLabel, "shiftStatusLabel").text() == "Turno 1"
    shift = services.shifts.current()
    assert shift is not None and shift.float_minor == 10150 and shift.opened_by == "Ana"


def test_price_change_asks_a_manager_on_the_cashiers_screen(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)
    scan(qtbot, window, LECHE)
    seen: list[str] = []

    def approve(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.append(dialog.findChild(QLabel, "approvalReasonLabel").text())
        if len(seen) == 1:
            dialog.pin.setText("1234")  # the cashier's own PIN is not enough
            dialog.accept()
            on_next_modal(approve, "ApprovalDialog")  # after accept(): the next dialog, not this one again
            return
        assert dialog.error.text() == "Ese PIN no puede autorizar esto."
        dialog.pin.setText("9999")
        screenshot(dialog, "override_dialog.png")
        dialog.accept()

    def new_price(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QLineEdit, "priceReasonInput").setText("etiqueta del estante")
        field = dialog.findChild(QLineEdit, "newPriceInput")
        field.setText("0,50")
        on_next_modal(approve, "ApprovalDialog")
        field.returnPressed.emit()  # Enter: the dialog checks the amount and closes

    on_next_modal(new_price, "priceDialog")
    window.findChild(QPushButton, "priceButton").click()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0] == "Cambio de precio: Esto necesita la autorización de un encargado."
    assert window.findChild(QLabel, "totalLabel").text() == "0,50\xa0€"
    with services.ledger.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "line.price_changed")).one()
        assert entry.approved_by is not None and entry.details["new"] == 50


def test_blind_close_with_z_report(qtbot, services: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)  # float 100,00 €
    scan(qtbot, window, LECHE)
    _pay_cash_50(window)  # +0,95 € in cash
    window.findChild(QPushButton, "logoutButton").click()
    login(qtbot, window, "9999")  # the manager closes the cashier's shift
    result: dict[str, str] = {}

    def close(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QPushButton, "closeShiftStartButton").click()
        page = dialog.pages.currentWidget()
        assert "esperado" not in " ".join(w.text() for w in page.findChildren(QLabel)).lower()  # blind
        page.findChild(QSpinBox, "denom_5000").setValue(2)
        page.findChild(QSpinBox, "denom_50").setValue(1)
        page.findChild(QSpinBox, "denom_20").setValue(2)
        dialog.findChild(QPushButton, "confirmCloseShiftButton").click()
        for name in ("expectedCashLabel", "countedCashLabel", "varianceLabel", "reportTitleLabel"):
            result[name] = dialog.findChild(QLabel, name).text()
        result["preview"] = dialog.findChild(QPlainTextEdit, "reportPreview").toPlainText()
        assert dialog.save_pdf(tmp_path / "z.pdf")
        screenshot(dialog, "shift_close.png")
        dialog.findChild(QPushButton, "reportDoneButton").click()

    on_next_modal(close, "shiftDialog")
    window.findChild(QAction, "shiftAction").trigger()
    assert result["expectedCashLabel"] == "100,95\xa0€"
    assert result["countedCashLabel"] == "100,90\xa0€"
    assert result["varianceLabel"] == "-0,05\xa0€ (falta)"
    assert result["reportTitleLabel"] == "Turno 1 cerrado · Z 000001"
    assert "CIERRE DE CAJA (Z)" in result["preview"] and "Efectivo (1)" in result["preview"]
    assert (tmp_path / "z.pdf").read_bytes().startswith(b"%PDF")
    assert window.stack.currentWidget() is window.login_view  # closed: logged out
    assert window.findChild(QLabel, "shiftStatusLabel").text() == "Caja cerrada"
    login(qtbot, window)  # the next login opens shift 2 with a new float
    assert window.findChild(QLabel, "shiftStatusLabel").text() == "Turno 2"


def test_idle_lock_keeps_the_sale_for_its_cashier(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    window.staff_tools.idle_timer.setInterval(300)
    login(qtbot, window)
    scan(qtbot, window, LECHE)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login_view, timeout=3000)
    assert window.sale_view.till is None and "PIN" in window.login_view.error.text()
    login(qtbot, window)  # the same cashier: the ticket is still there
    assert window.findChild(QTableView, "cartTable").model().rowCount() == 1
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login_view, timeout=3000)
    login(qtbot, window, "9999")  # someone else: the ticket waits in the parked list
    assert window.findChild(QTableView, "cartTable").model().rowCount() == 0
    parked = window.sale_view.till.parked()
    assert len(parked) == 1 and parked[0].total == Money(95)


def test_input_reaching_the_window_postpones_the_idle_lock(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    window.staff_tools.idle_timer.setInterval(1000)
    login(qtbot, window)
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle())
    for _ in range(8):  # two seconds of typing, as keys from a keyboard arrive: at the window
        qtbot.wait(250)
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_5)
    assert window.stack.currentWidget() is window.sale_view
    assert window.sale_view.scan_input.text() == "5" * 8  # the keys still reached the scan field
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login_view, timeout=5000)


def test_audit_log_is_for_managers(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)
    window.findChild(QAction, "auditLogAction").trigger()  # a cashier: a message, no screen
    assert QApplication.activeModalWidget() is None
    assert "encargado" in window.sale_view.message.text().lower()
    window.findChild(QPushButton, "logoutButton").click()
    login(qtbot, window, "9999")
    seen: dict[str, object] = {}

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        table = dialog.findChild(QTableView, "auditTable")
        seen["all"] = table.model().rowCount()
        actions = dialog.action_filter
        actions.setCurrentIndex(actions.findData("shift."))
        dialog.findChild(QPushButton, "auditShowButton").click()
        seen["shift"] = [table.model().index(r, 2).data() for r in range(table.model().rowCount())]
        seen["chain"] = dialog.findChild(QLabel, "auditChainLabel").text()
        screenshot(dialog, "audit_log.png")
        dialog.accept()

    on_next_modal(look, "auditLogDialog")
    window.findChild(QAction, "auditLogAction").trigger()
    assert int(seen["all"]) >= 4  # type: ignore[call-overload]
    assert seen["shift"] == ["shift.opened"]
    assert "intacta" in str(seen["chain"])


def test_cash_out_and_x_report_from_the_shift_screen(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window)  # float 100,00 €
    seen: dict[str, str] = {}

    def shift_screen(dialog) -> None:  # type: ignore[no-untyped-def]
        def move(move_dialog) -> None:  # type: ignore[no-untyped-def]
            move_dialog.findChild(QLineEdit, "cashAmountInput").setText("30")
            move_dialog.findChild(QLineEdit, "cashReasonInput").setText("ingreso en banco")
            move_dialog._accept()

        on_next_modal(move, "cashMoveDialog")
        dialog.findChild(QPushButton, "cashOutButton").click()
        seen["after_out"] = dialog.message.text()

        def supervisor(approval) -> None:  # type: ignore[no-untyped-def]
            seen["asked"] = approval.findChild(QLabel, "approvalReasonLabel").text()
            approval.pin.setText("5555")  # Luis, supervisor
            approval.accept()

        on_next_modal(supervisor, "ApprovalDialog")
        dialog.findChild(QPushButton, "xReportButton").click()
        seen["expected"] = dialog.findChild(QLabel, "expectedCashLabel").text()
        seen["counted_visible"] = str(dialog.findChild(QLabel, "countedCashLabel").isVisible())
        dialog.reject()

    on_next_modal(shift_screen, "shiftDialog")
    window.findChild(QAction, "shiftAction").trigger()
    assert "30,00" in seen["after_out"]
    assert seen["asked"].startswith("Informe X")
    assert seen["expected"] == "70,00\xa0€" and seen["counted_visible"] == "False"


def test_admin_adds_a_person_who_can_then_log_in(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services)
    login(qtbot, window, "2468")  # Sofía, admin

    def add(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.findChild(QLineEdit, "newUserName").setText("Pepe")
        dialog.findChild(QLineEdit, "newUserPin").setText("1234")  # Ana's: refused
        dialog.findChild(QPushButton, "addUserButton").click()
        assert "PIN" in dialog.message.text()
        dialog.findChild(QLineEdit, "newUserPin").setText("4321")
        dialog.findChild(QPushButton, "addUserButton").click()
        assert dialog.findChild(QTableView, "staffTable").model().rowCount() == 5
        screenshot(dialog, "staff_dialog.png")
        dialog.accept()

    on_next_modal(add, "staffDialog")
    window.findChild(QAction, "staffAction").trigger()
    window.findChild(QPushButton, "logoutButton").click()
    login(qtbot, window, "4321")
    assert window.findChild(QLabel, "cashierLabel").text() == "Cajero/a: Pepe"
