"""Child process for the kill test: runs the real sync engine against a store until killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pos.ledger.db import Ledger
from sync.engine import SyncEngine
from sync.woocommerce import WooCommerceConnector


def main(ledger_path: str, url: str) -> None:
    ledger = Ledger(Path(ledger_path)).background()  # as pos.sync_runtime gives the engine its ledger
    engine = SyncEngine(ledger, WooCommerceConnector(url, "ck_demo", "cs_demo", timeout=(2.0, 5.0)),
                        currency="EUR", idle_wait_s=0.05)
    print("ready", flush=True)
    while True:
        engine.run_once()
        time.sleep(0.01)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
