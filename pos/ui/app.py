"""Starting Qt: application object, fonts, translations, the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from pos.devices.pole_display import paid_lines, pole_lines
from pos.devices.serial_scanner import SerialScanner
from pos.devices.wedge import WedgeConfig
from pos.formatting import Formatter
from pos.resources import resource
from pos.services.dto import UserView
from pos.services.till import TillSession
from pos.services.till_setup import TillSetupService
from pos.ui.customer_display import CustomerDisplay
from pos.ui.devices_dialog import DevicesDialog
from pos.ui.main_window import MainWindow
from pos.ui.manager_tools import ManagerTools
from pos.ui.pickups_dialog import PickupDesk
from pos.ui.printer_status import PrinterStatusBridge
from pos.ui.returns_dialog import ReturnsDialog
from pos.ui.scanner_status import ScannerBridge
from pos.ui.support_dialog import SupportDialog
from pos.ui.sync_panel import SyncStatusBridge
from pos.ui.theme import load_fonts
from pos.ui.till_settings_dialog import TillSettingsDialog
from pos.ui.wedge_filter import WedgeFilter

if TYPE_CHECKING:
    from pos.app import Services

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Our strings (resources/i18n) and Qt's own (dialog buttons) in the chosen language."""
    installed = []
    if language != "en":
        QLocale.setDefault(QLocale(language))
        ours = QTranslator(app)
        if ours.load(str(resource("i18n", f"mostrador_{language}.qm"))):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation for %s", language)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    return installed


def build_window(services: Services, fmt: Formatter, language: str) -> MainWindow:
    s = services.settings

    def open_devices(parent: QWidget, user: UserView) -> DevicesDialog:
        scanner = window.scanner_description()
        return DevicesDialog(parent, setup=services.device_setup, user=user, current=s.devices,
                             printer=services.printer, catalog=services.catalog, fmt=fmt,
                             scanner_status=lambda: scanner)

    def open_returns(parent: QWidget, user: UserView, till: TillSession | None) -> ReturnsDialog:
        lookup = services.order_lookup()
        return ReturnsDialog(parent, services.returns, user, fmt, till=till,
                             lookup=lookup.lookup if lookup else None, refresh=lookup.refresh if lookup else None,
                             product_lookup=lambda code: services.catalog.lookup(code).product,
                             cash_rounding_minor=s.till.cash_rounding_minor)

    def open_support(parent: QWidget, user: UserView) -> SupportDialog:
        def till_settings(owner: QWidget) -> int:
            return TillSettingsDialog(owner, services.till_setup, user, TillSetupService.current(s.till)).exec()

        return SupportDialog(parent, services.support_ports(), open_till_settings=till_settings)

    window = MainWindow(auth=services.auth, new_till=services.new_till, fmt=fmt, store_name=s.till.store_name,
                        till_id=s.till.till_id, demo=s.demo, cash_rounding_minor=s.till.cash_rounding_minor,
                        language=language, sync_admin=services.sync_admin,
                        drift=services.stock_drift, store_setup=services.store_setup, store_settings=s.store,
                        open_devices=open_devices, pickups=services.pickups,
                        pickup_desk=PickupDesk(services.pickups, services.pickup_payments, services.pickup_documents,
                                               services.pickup_resolutions, services.printer,
                                               s.till.cash_rounding_minor, language),
                        loyalty=services.loyalty if s.loyalty.enabled else None, open_returns=open_returns,
                        open_support=open_support)
    window.sale_view.set_devices(services.printer, services.drawer, services.sales.last_receipt, services.invoices)
    window.staff_tools.configure(  # shifts, auto-lock, audit log, staff (docs/SHIFTS.md)
        shifts=services.shifts, audit_log=services.audit_log, staff=services.staff, permissions=services.permissions,
        printer=services.printer, fmt=fmt, currency=s.till.currency,
        language="es_MX" if s.till.locale.startswith("es_MX") else language,
        require_shift=s.till.require_shift, idle_lock_seconds=s.till.idle_lock_seconds)
    if services.printer is not None:
        printer = services.printer
        printer_bridge = PrinterStatusBridge(window)
        printer_bridge.changed.connect(window.show_printer_status)
        printer.on_status(printer_bridge.publish)
        window.sale_view.sale_completed.connect(
            lambda r: printer.submit(r, kind="sale", open_drawer=any(t.kind == "cash" for t in r.tenders)))
    window.customer_display = CustomerDisplay(fmt, s.till.store_name, parent=window)
    window.sale_view.cart_changed.connect(window.customer_display.show_cart)
    window.sale_view.sale_completed.connect(window.customer_display.show_paid)
    window.customer_display.place(s.devices.customer_window)
    if services.pole is not None:
        pole = services.pole
        window.sale_view.cart_changed.connect(lambda view: pole.show(*pole_lines(view, fmt)))
        window.sale_view.sale_completed.connect(lambda receipt: pole.show(*paid_lines(receipt, fmt)))
    sync = services.sync
    if sync is not None:
        bridge = SyncStatusBridge(window)
        bridge.changed.connect(window.show_sync_status)
        sync.subscribe(bridge.publish)
        window.show_sync_status(sync.engine.status)
        window.set_sync_actions(wake=sync.engine.wake, resync=sync.engine.request_full_resync)
        sync.start()
    window.manager_tools = ManagerTools(  # type: ignore[attr-defined]
        window, services.stock_counts, services.dashboard, fmt, store_name=s.till.store_name,
        currency=s.till.currency, language=language, wake_sync=sync.engine.wake if sync is not None else None)
    return window


def install_scanners(app: QApplication, window: MainWindow, services: Services) -> None:
    """Keyboard-wedge scans land in the sale wherever the focus is; a serial scanner is read on its own
    thread. Installed here, not in build_window, because it holds back fast keystrokes for a few ms."""
    sc = services.settings.devices.scanner
    wedge = WedgeFilter(WedgeConfig(max_gap=sc.max_gap_ms / 1000, min_length=sc.min_length, prefix=sc.prefix,
                                    suffix=sc.suffix), parent=window)
    wedge.scanned.connect(window.route_scan)
    wedge.install(app)
    uri = services.settings.devices.scanner_uri
    if not uri.startswith("serial:"):
        return
    bridge = ScannerBridge(window)
    bridge.scanned.connect(window.route_scan)
    bridge.status_changed.connect(window.show_scanner_status)
    try:
        scanner = SerialScanner.from_uri(uri, bridge.publish_scan, bridge.publish_status,
                                         terminators=sc.terminators, prefix=sc.prefix, suffix=sc.suffix)
    except ValueError as exc:
        log.error("scanner configuration: %s", exc)
        window.show_scanner_status(None, error=str(exc))
        return
    scanner.start()
    app.aboutToQuit.connect(scanner.stop)


def run_ui(*, services: Services, fmt: Formatter, language: str, started: float) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Mostrador")
    load_fonts(app)
    install_translators(app, language)
    window = build_window(services, fmt, language)
    install_scanners(app, window, services)
    # The till owns the screen (laid out to fit 1366×768 under a taskbar). Without a window manager (a kiosk
    # session) nobody maximizes it, so it also starts the size of the screen's free area.
    screen = app.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
    # Kiosk setups run X without a window manager: nobody else activates the window, and
    # Qt's window shortcuts (F12 = Pay) only fire in the active window.
    window.activateWindow()
    window.raise_()

    def ready() -> None:
        elapsed_ms = (time.perf_counter() - started) * 1000
        log.info("ready to scan in %.0f ms", elapsed_ms)
        if os.environ.get("MOSTRADOR_EXIT_WHEN_READY"):
            print(f"ready to scan in {elapsed_ms:.0f} ms", flush=True)  # --ready-exit: for start-up checks
            app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()
