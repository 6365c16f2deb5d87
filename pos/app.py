"""Composition root: the only module that wires concrete pieces together."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pos import maintenance
from pos.config import CONFIG_FILENAME, DeviceSettings, Settings, default_data_dir, load_settings, write_default_config
from pos.devices.pole_display import PoleDisplay
from pos.devices.print_queue import PrintQueue
from pos.formatting import Formatter, resolve_locale
from pos.ledger.db import DB_FILENAME, Ledger
from pos.logs import setup_logging
from pos.runtime_tuning import settle_heap, share_gil_finely
from pos.services.audit_log import AuditLogService
from pos.services.auth import AuthService
from pos.services.backups import BackupScheduler, BackupService, backup_dir
from pos.services.catalog import CatalogService
from pos.services.customers import CustomerService
from pos.services.dashboard import DashboardService
from pos.services.device_setup import DeviceSetupService
from pos.services.drawer import DrawerService
from pos.services.dto import ConnectionCheck, UserView
from pos.services.first_run import FirstRunService, SetupChoices
from pos.services.invoices import InvoiceService
from pos.services.loyalty_desk import LoyaltyDesk
from pos.services.parking import ParkingService
from pos.services.permissions import Permissions
from pos.services.pickup_documents import PickupDocuments
from pos.services.pickup_payment import PickupPaymentService
from pos.services.pickup_resolutions import PickupResolutions
from pos.services.pickups import PickupService
from pos.services.returns import ReturnHook, ReturnService
from pos.services.sales import SaleService
from pos.services.seed import seed_demo
from pos.services.shifts import ShiftService
from pos.services.staff import StaffService
from pos.services.stock_counts import StockCountService
from pos.services.stock_drift import DriftLine, stock_drift
from pos.services.store_setup import StoreSetupService
from pos.services.sync_admin import SyncAdminService
from pos.services.till import TillSession
from pos.services.till_setup import TillSetupService
from pos.services.wallet import WalletService
from pos.services.wallet_returns import WalletReturns
from pos.sync_runtime import OrderLookupPort, SyncRuntime

if TYPE_CHECKING:
    from pos.ui.support_dialog import SupportPorts

log = logging.getLogger("pos")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="mostrador", description="Mostrador point of sale")
    parser.add_argument("--data-dir", type=Path, help="data directory (default: MOSTRADOR_DATA_DIR or the "
                                                      "platform's user data dir)")
    parser.add_argument("--demo", action="store_true", help="seed demo catalogue and users on first start")
    parser.add_argument("--diagnose", action="store_true", help="print a health report and exit")
    parser.add_argument("--lang", choices=("es", "en"), help="user interface language")
    it = parser.add_argument_group("IT (docs/OPERATIONS.md)")
    it.add_argument("--backup", action="store_true", help="back up the ledger now (safe while the till runs)")
    it.add_argument("--restore", type=Path, metavar="FILE", help="replace the ledger with a backup (close the "
                                                                 "till first); the current one is kept")
    it.add_argument("--support-bundle", type=Path, metavar="ZIP", help="write a support bundle (logs, "
                                                                       "diagnose, config without secrets)")
    it.add_argument("--ready-exit", action="store_true", help="quit as soon as the till is ready to scan "
                                                              "(start-up time checks)")
    return parser.parse_args(list(argv))


def _check_store(url: str, key: str, secret: str) -> ConnectionCheck:
    from sync.check import check_store

    return check_store(url, key, secret)


class Services:
    """The use cases of one till, built over one open ledger."""

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self.ledger = Ledger(data_dir / DB_FILENAME)
        self.catalog = CatalogService(self.ledger, settings.devices.scanner.scan_rules(settings.till.currency))
        self.sales = SaleService(self.ledger, settings.till)
        self.auth = AuthService(self.ledger, max_attempts=settings.till.max_login_attempts,
                                till_id=settings.till.till_id, lockout_seconds=settings.till.lockout_seconds)
        self.permissions = Permissions.from_settings(self.auth, settings.till)
        self.shifts = ShiftService(self.ledger, settings.till, self.permissions)
        self.audit_log = AuditLogService(self.ledger, self.permissions)
        self.staff = StaffService(self.ledger, self.permissions)
        self.parking = ParkingService(self.ledger)
        self.sync_admin = SyncAdminService(self.ledger, self.auth)
        self.sync: SyncRuntime | None = None
        self.pole: PoleDisplay | None = None
        if settings.devices.pole_uri:
            try:
                self.pole = PoleDisplay(settings.devices.pole_uri)
            except ValueError as exc:
                log.warning("pole display ignored: %s", exc)
        self.store_setup = StoreSetupService(data_dir, _check_store)
        self.drawer = DrawerService(self.ledger, self.auth, permissions=self.permissions)
        self.device_setup = DeviceSetupService(data_dir)
        self.till_setup = TillSetupService(data_dir)
        self.invoices = InvoiceService(self.ledger, settings.till)
        self.pickups = PickupService(self.ledger, self.auth, till_id=settings.till.till_id,
                                     location=settings.till.store_name, permissions=self.permissions,
                                     no_show_days=int(settings.store.pickup_no_show_days))
        self.pickup_payments = PickupPaymentService(self.ledger, settings.till, self.pickups)
        self.pickup_documents = PickupDocuments(self.ledger, settings.till)
        self.pickup_resolutions = PickupResolutions(self.ledger, self.auth)
        # Called inside each return's transaction; the wallet adds its own (store credit, cashback back).
        self.return_hooks: list[ReturnHook] = [self.invoices.on_return_written]  # an invoiced ticket's correction
        self.returns = ReturnService(self.ledger, settings.till, self.auth, self.sales, return_hooks=self.return_hooks)
        self.printer: PrintQueue | None = None
        self.stock_counts = StockCountService(self.ledger, self.auth, self.catalog, till_id=settings.till.till_id,
                                              currency=settings.till.currency)
        self.dashboard = DashboardService(self.ledger, self.auth, self.sync_admin, self.stock_counts,
                                          currency=settings.till.currency)
        self.customers = CustomerService(self.ledger, settings.till.currency)
        self.wallet = WalletService(self.ledger, settings.loyalty, currency=settings.till.currency,
                                    till_id=settings.till.till_id)
        self.sales.add_hook(self.wallet.on_sale_written)
        self.loyalty = LoyaltyDesk(self.customers, self.wallet)  # the store link joins in start_sync
        self.return_hooks.append(WalletReturns(self.wallet))
        self.backups = BackupService(self.ledger.path, backup_dir(data_dir, settings.backup), settings.backup)
        self.backup_scheduler: BackupScheduler | None = None

    def order_lookup(self) -> OrderLookupPort | None:
        """Live look-up of online orders for the returns screen (None without a store)."""
        return self.sync.lookup if self.sync is not None else None

    def start_printer(self, fmt: Formatter, language: str) -> PrintQueue:
        """The print queue: its own thread, so a printer that is off never holds up a sale."""
        lang = "es_MX" if self.settings.till.locale.startswith("es_MX") else language
        self.printer = PrintQueue.from_settings(self.settings.devices, fmt, lang)
        self.printer.start()
        return self.printer

    def stock_drift(self) -> list[DriftLine]:
        return stock_drift(self.ledger)

    def start_sync(self) -> None:
        """Start sync when a store is configured, or the embedded sandbox store in demo mode."""
        if self.settings.store_configured or self.settings.demo:
            self.sync = SyncRuntime(self.ledger, self.settings, self.data_dir)
            share_gil_finely()  # the sync thread's Python must not keep the GUI thread waiting 5 ms at a time
            self.sync.loyalty.housekeeping = self.wallet.release_expired
            self.loyalty = LoyaltyDesk(self.customers, self.wallet, self.sync.loyalty)

    def start_backups(self) -> None:
        """Scheduled online backups on their own thread ([backup] interval_hours; a sale never waits)."""
        self.backup_scheduler = BackupScheduler(self.backups)
        self.backup_scheduler.start()

    def support_ports(self) -> SupportPorts:
        """What the Support dialog may do: read the log, back up now, export the support bundle."""
        from pos import logs
        from pos.services.support import export_support_bundle
        from pos.ui.support_dialog import SupportPorts

        def bundle(dest: Path) -> Path:
            text = maintenance.format_lines(maintenance.health_lines(self.data_dir, self.settings))
            return export_support_bundle(dest, data_dir=self.data_dir, log_dir=logs.log_dir(), diagnose_text=text,
                                         backup_dir=self.backups.directory)

        return SupportPorts(read_log=logs.tail, backup_now=lambda: str(self.backups.backup_now("manual").path),
                            backup_state=self._backup_state, export_bundle=bundle,
                            log_dir=logs.log_dir())

    def _backup_state(self) -> tuple[datetime | None, int, Path]:
        found = self.backups.backups()
        return (found[0].created if found else None), len(found), self.backups.directory

    def new_till(self, cashier: UserView) -> TillSession:
        return TillSession(self.ledger, self.settings.till, cashier, catalog=self.catalog, sales=self.sales,
                           auth=self.auth, parking=self.parking, permissions=self.permissions)

    def close(self) -> None:
        if self.printer is not None:
            self.printer.wait_idle(2.0)  # a receipt being printed as the till closes still comes out
            self.printer.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.pole is not None:
            self.pole.close()
        if self.backup_scheduler is not None:
            self.backup_scheduler.stop()
        self.catalog.close()
        self.ledger.close()


def prepare(data_dir: Path, demo: bool) -> Services:
    """Open (and on --demo, seed) the data directory. Never overwrites an existing config.toml."""
    data_dir.mkdir(parents=True, exist_ok=True)
    if demo:
        write_default_config(data_dir, demo=True)
    settings = load_settings(data_dir)
    if demo and not settings.demo:
        settings = replace(settings, demo=True)
    services = Services(data_dir, settings)
    if settings.demo and seed_demo(services.ledger):
        log.info("demo data seeded in %s", data_dir)
    return services


def ui_language(requested: str | None, settings: Settings) -> str:
    if requested:
        return requested
    if settings.till.locale:
        return settings.till.locale[:2] if settings.till.locale[:2] in ("es", "en") else "en"
    from PySide6.QtCore import QLocale

    return "es" if QLocale.system().name().startswith("es") else "en"


def first_run_needed(data_dir: Path) -> bool:
    """A fresh data directory: no config.toml and no ledger (an existing ledger keeps running on defaults)."""
    return not (data_dir / CONFIG_FILENAME).exists() and not (data_dir / DB_FILENAME).exists()


def run_first_run(data_dir: Path, lang: str | None) -> SetupChoices | None:
    from pos.devices import printer_discovery as discovery
    from pos.ui.setup_wizard import WizardPorts, run_setup_wizard

    def find(network: bool) -> list[discovery.FoundPrinter]:
        found = discovery.serial_printers() + discovery.usb_printers()
        return found + discovery.network_printers() if network else found

    def serial_ports() -> list[str]:
        from serial.tools import list_ports

        return sorted(p.device for p in list_ports.comports())

    ports = WizardPorts(first_run=FirstRunService(data_dir, _check_store), find_printers=find,
                        test_page=lambda uri: discovery.print_test_page(DeviceSettings(), uri),
                        serial_ports=serial_ports)
    return run_setup_wizard(ports, ui_language(lang, Settings()))


def main(argv: Sequence[str] | None = None, *, started: float | None = None) -> int:
    started = time.perf_counter() if started is None else started
    args = parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if args.diagnose:
        return maintenance.run_diagnose(data_dir)
    if args.backup:
        return maintenance.run_backup(data_dir)
    if args.restore:
        return maintenance.run_restore(data_dir, args.restore)
    if args.support_bundle:
        return maintenance.run_support_bundle(data_dir, args.support_bundle)
    if args.ready_exit:
        os.environ["MOSTRADOR_EXIT_WHEN_READY"] = "1"
    setup_logging()
    setup = None
    if not args.demo and first_run_needed(data_dir):
        setup = run_first_run(data_dir, args.lang)
        if setup is None:
            print("mostrador: setup cancelled; nothing was saved", file=sys.stderr)
            return 1
    try:
        services = prepare(data_dir, args.demo)
        if setup is not None and not setup.demo:
            FirstRunService.create_admin(services.ledger, setup.admin_name, setup.admin_pin)
        services.start_sync()
        services.start_backups()
    except ValueError as exc:
        print(f"mostrador: {exc}", file=sys.stderr)
        return 2

    from pos.ui.app import run_ui  # Qt is only imported when there is a window to show

    language = ui_language(args.lang, services.settings)
    fmt = Formatter(resolve_locale(services.settings.till.locale, language))
    services.start_printer(fmt, language)
    settle_heap()  # everything imported and opened so far lives until exit: later collections skip it
    try:
        code = run_ui(services=services, fmt=fmt, language=language, started=started)
    finally:
        services.close()
    # Everything is committed and closed. Skip the interpreter's final garbage collection: after a long Qt
    # session PySide6 6.12 can abort there ("Fatal Python error: bool_dealloc"), which would look like a crash.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
