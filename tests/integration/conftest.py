"""Fixtures shared by the integration suites that need a till already linked to a store."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.ledger.db import Ledger
from pos.services.seed import seed_demo
from sync.engine import SyncEngine
from sync.sandbox import SandboxServer
from sync.woocommerce import WooCommerceConnector


@pytest.fixture(scope="session")
def linked_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store (``store/``) and a demo till (``till/``) whose catalogues were linked by one full
    pull, made once per test session; tests copy it before using it."""
    root = tmp_path_factory.mktemp("linked-template")
    store = SandboxServer(root / "store", seed="demo").start()
    ledger = Ledger(root / "till" / "ledger.sqlite3")
    try:
        seed_demo(ledger)
        connector = WooCommerceConnector(store.url, "ck_demo", "cs_demo", timeout=(2.0, 5.0))
        assert SyncEngine(ledger, connector, currency="EUR").run_once()
    finally:
        store.stop()
        ledger.close()
    return root
