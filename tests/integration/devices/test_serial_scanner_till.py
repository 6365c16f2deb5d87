"""Scans into a real till on a real SQLite ledger: GS1 strings, weighed and priced in-store labels,
and a serial scanner on a real pty feeding TillSession.scan end to end."""

from __future__ import annotations

import os
import queue
import threading
import tty
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from pos.config import TillSettings
from pos.devices.serial_scanner import ScannerState, SerialScanner, SerialScannerConfig
from pos.domain.money import Money
from pos.domain.scan import ScanKind, ScanRules
from pos.ledger.db import DB_FILENAME, Ledger
from pos.ledger.models import Barcode
from pos.services.auth import AuthService
from pos.services.catalog import CatalogService
from pos.services.errors import InvalidBarcode, UnknownBarcode
from pos.services.parking import ParkingService
from pos.services.sales import SaleService
from pos.services.seed import seed_demo
from pos.services.till import TillSession
from tests.integration.ledger.ledger_support import assert_ledger_consistent, card_for

LECHE = "8412345600012"  # Leche entera 1 L, 0.95 €
LIMONES = "8412345602627"  # sold by the kilo in this test: item key 2012345
WEIGHED_KEY, PRICED_KEY = "2012345", "2200001"
RULES = ScanRules.from_patterns(["22 IIIII $$$$$ C", "2P IIIII WWWWW C"])


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    opened = Ledger(tmp_path / DB_FILENAME)
    seed_demo(opened)
    catalog = CatalogService(opened)
    limones = catalog.by_barcode(LIMONES).product_id
    # How a store maps its scale's item codes to products: a barcode row holding prefix + item digits.
    with opened.write() as session:
        session.add_all([Barcode(code=WEIGHED_KEY, product_id=limones), Barcode(code=PRICED_KEY, product_id=limones)])
    yield opened
    opened.close()


@pytest.fixture
def till(ledger: Ledger) -> TillSession:
    settings = TillSettings()
    auth = AuthService(ledger)
    return TillSession(ledger, settings, auth.login("1234"), catalog=CatalogService(ledger, RULES),
                       sales=SaleService(ledger, settings), auth=auth, parking=ParkingService(ledger))


def per_kg(till: TillSession) -> Money:
    return till.search(LIMONES)[0].price


def test_weighed_label_adds_its_weight_as_quantity(till: TillSession, ledger: Ledger) -> None:
    view = till.scan("2012345012349")  # 1.234 kg
    line = view.lines[-1]
    assert line.name.startswith("Limones") and line.quantity == Decimal("1.234")
    assert line.total == per_kg(till).times(Decimal("1.234"))
    view = till.scan("2012345012349")  # a second bag is a second line, never merged
    assert [ln.quantity for ln in view.lines] == [Decimal("1.234"), Decimal("1.234")]
    till.pay(card_for(till.cart))
    assert_ledger_consistent(ledger.path)


def test_priced_label_charges_exactly_the_printed_price(till: TillSession) -> None:
    view = till.scan("2200001003477")  # 3.47 € of lemons
    line = view.lines[-1]
    assert line.total == Money(347)
    assert line.unit_price == per_kg(till)  # 3.29 €/kg: a gram costs less than a cent, so a weight fits
    assert line.quantity == Decimal("1.055")  # 3.29 × 1.055 = 3.47095 → 3.47 €


def test_gs1_string_finds_the_product_by_gtin_14_and_keeps_batch_and_expiry(till: TillSession) -> None:
    catalog = CatalogService(till._ledger)  # the same ledger, default rules
    match = catalog.lookup("]C10108412345600012" + "10L0T7\x1d17261231")
    assert match.product.sku == "MOS-00001"
    assert match.scan.kind is ScanKind.GS1
    assert (match.scan.batch, str(match.scan.expiry)) == ("L0T7", "2026-12-31")
    view = till.scan("]C10108412345600012" + "10L0T7\x1d17261231")
    assert view.lines[-1].sku == "MOS-00001" and view.lines[-1].quantity == 1
    view = till.scan(LECHE)  # the plain EAN-13 of the same product merges as before
    assert view.lines[-1].quantity == 2


def test_gs1_weight_becomes_the_quantity(till: TillSession) -> None:
    view = till.scan("]e0" + "0108412345602627" + "3103000750")  # 0.750 kg of lemons in a DataBar
    assert view.lines[-1].quantity == Decimal("0.750")


def test_unknown_and_invalid_labels_leave_the_cart_alone(till: TillSession) -> None:
    till.scan(LECHE)
    cart = till.cart
    with pytest.raises(UnknownBarcode) as unknown:
        till.scan("2099999012345")  # a weighed label for an item code nobody mapped
    assert unknown.value.params["code"] == "2099999012345"
    for raw, reason in [("2012345012340", "check_digit"), ("2012345000001", "measure"), ("]C1garbage", "gs1")]:
        with pytest.raises(InvalidBarcode) as err:
            till.scan(raw)
        assert err.value.reason == reason
    assert till.cart == cart


def test_serial_scanner_feeds_the_till_end_to_end(till: TillSession, tmp_path: Path) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    scans: queue.Queue[str] = queue.Queue()
    connected = threading.Event()
    reader = SerialScanner(SerialScannerConfig(port=os.ttyname(slave)), scans.put,
                           lambda status: connected.set() if status.state is ScannerState.CONNECTED else None)
    reader.start()
    try:
        assert connected.wait(3)  # opening the port flushes what was sent before
        os.write(master, b"\x00\x17\r\n2012345012349\r\n" + LECHE.encode() + b"\n")
        codes = [scans.get(timeout=3), scans.get(timeout=3)]
        for code in codes:  # the GUI thread would do this on a queued signal
            till.scan(code)
        assert [(ln.name.split()[0], ln.quantity) for ln in till.view().lines] == [
            ("Limones", Decimal("1.234")), ("Leche", Decimal(1))]
    finally:
        reader.stop()
        os.close(master)
        os.close(slave)
    assert not reader.running
