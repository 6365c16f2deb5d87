"""Fixtures for the ledger integration tests: a demo-seeded ledger file per test, copied from one
template seeded once per session (seeding hashes PINs with argon2 and loads ~550 products)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos.ledger.db import DB_FILENAME, Ledger
from pos.services.seed import seed_demo
from tests.integration.ledger.ledger_support import Till, copy_db, make_till


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / DB_FILENAME
    ledger = Ledger(path)
    try:
        assert seed_demo(ledger)
    finally:
        ledger.close()
    return path


@pytest.fixture
def ledger_path(seeded_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "data" / DB_FILENAME
    path.parent.mkdir()
    copy_db(seeded_template, path)
    return path


@pytest.fixture
def ledger(ledger_path: Path) -> Iterator[Ledger]:
    opened = Ledger(ledger_path)
    yield opened
    opened.close()


@pytest.fixture
def till(ledger: Ledger) -> Till:
    return make_till(ledger)
