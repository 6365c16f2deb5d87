"""The app's flows with a recognisable store key, in a fresh process (keyring and logging start clean):
first-run setup with the key, the first admin, a sale pushed to the store by the sync engine with DEBUG
logging on (urllib3 logs every URL), a backup, a support bundle. ``python leak_child.py DATA STORE_URL``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pos.app import prepare
from pos.demo.catalog import demo_products
from pos.domain.cart import Cart
from pos.domain.payment import Tender, TenderKind
from pos.logs import log_dir, setup_logging
from pos.maintenance import check_store, run_backup, run_diagnose, run_support_bundle
from pos.services.catalog import to_ref
from pos.services.first_run import FirstRunService, SetupChoices
from pos.services.seed import load_catalogue

KEY, SECRET = "ck_LEAKCANARY_key_31c9", "cs_LEAKCANARY_secret_7f3e"


def main(data: Path, url: str) -> int:
    setup_logging(verbose=True)
    first_run = FirstRunService(data, check_store)
    check = first_run.apply(SetupChoices(store_name="Tienda Canario", store_id="S01", till_id="T09",
                                         store_kind="woocommerce", store_url=url, store_key=KEY,
                                         store_secret=SECRET, admin_name="Root", admin_pin="4321"))
    assert check is not None and check.ok, check
    services = prepare(data, demo=False)
    FirstRunService.create_admin(services.ledger, "Root", "4321")
    products = demo_products()[:50]
    load_catalogue(services.ledger, products)
    services.start_sync()
    assert services.sync is not None
    services.sync.start()
    root = services.auth.login("4321")
    services.shifts.open(root, {1000: 10})  # a till sells inside an open cash shift
    cart = Cart("EUR").add(to_ref(services.catalog.by_barcode(products[0].ean13)))
    services.sales.complete(cart, [Tender(TenderKind.CASH, cart.totals().total)], root)
    services.sync.engine.wake()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and services.sync.engine.status.pending:
        time.sleep(0.2)
    assert services.sync.engine.status.pending == 0, services.sync.engine.status
    services.close()
    assert run_backup(data) == 0
    assert run_diagnose(data) == 0
    assert run_support_bundle(data, data / "support.zip") == 0
    print("log dir", log_dir())
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
