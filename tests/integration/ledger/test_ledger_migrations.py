"""Alembic owns the schema: empty → head → base → head works, the models and the migrations
agree, and opening an existing ledger neither re-runs migrations nor loses rows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from pos.demo.catalog import demo_products
from pos.domain.money import Money
from pos.ledger.db import Ledger, alembic_config, current_revision, head_revision, make_engine, upgrade
from pos.ledger.models import Base
from pos.ledger.search_index import settings
from pos.services.catalog import CatalogService
from pos.services.seed import load_catalogue
from tests.integration.ledger.ledger_support import Till, card_for, raw_connect

FTS_TRIGGERS = {"products_fts_ai", "products_fts_ad", "products_fts_au"}


def _schema(path: Path) -> dict[str, set[str]]:
    with closing(raw_connect(path)) as conn:
        rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
    kinds: dict[str, set[str]] = {}
    for kind, name in rows:
        kinds.setdefault(kind, set()).add(name)
    return kinds


def _is_fts(name: str | None) -> bool:
    return bool(name) and str(name).startswith("products_fts")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(tmp_path / "migrate.sqlite3")
    yield made
    made.dispose()


def test_upgrade_from_empty_creates_every_table_and_the_fts_index(engine: Engine, tmp_path: Path) -> None:
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    schema = _schema(tmp_path / "migrate.sqlite3")
    assert set(Base.metadata.tables) | {"alembic_version", "products_fts"} <= schema["table"]
    assert schema["trigger"] >= FTS_TRIGGERS
    with closing(raw_connect(tmp_path / "migrate.sqlite3")) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'products_fts'").fetchone()[0]
        assert "fts5" in sql and "remove_diacritics" in sql
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_downgrade_to_base_and_upgrade_again(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "migrate.sqlite3"
    upgrade(engine)
    command.downgrade(alembic_config(engine), "base")
    assert current_revision(engine) is None
    assert _schema(path).get("table", set()) <= {"alembic_version"}
    assert not _schema(path).get("trigger")

    upgrade(engine)
    assert current_revision(engine) == head_revision()
    # The FTS triggers are back and working on the re-created tables.
    ledger = Ledger(path)
    try:
        products = demo_products()[:30]
        load_catalogue(ledger, products)
        expected = {p.sku for p in products if "entera" in p.name and "Sierra Alta" in p.name}
        assert expected and {p.sku for p in CatalogService(ledger).search("entera sierra")} == expected
    finally:
        ledger.close()


def test_the_search_index_merges_only_when_asked_from_0008_on(engine: Engine) -> None:
    upgrade(engine)
    ledger_settings = _fts_settings(engine)
    command.downgrade(alembic_config(engine), "0007")
    assert (ledger_settings, _fts_settings(engine)) == ({"automerge": 0, "crisismerge": 64},
                                                        {"automerge": 4, "crisismerge": 16})


def _fts_settings(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return settings(session)


def test_models_and_migrations_agree(engine: Engine) -> None:
    upgrade(engine)

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        table = getattr(obj, "table", None)
        return not (_is_fts(name) or (table is not None and _is_fts(table.name)))

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": True, "include_object": include,
        })
        diff = compare_metadata(context, Base.metadata)
    assert diff == [], f"models and migrations differ; write a migration: {diff}"


def test_reopening_an_existing_ledger_keeps_schema_and_rows(till: Till, ledger_path: Path) -> None:
    till.session.scan("8412345600012")
    receipt = till.session.pay(card_for(till.session.cart))
    till.ledger.close()
    tables = ("products", "barcodes", "users", "sales", "sale_lines", "audit_log", "outbox", "stock_movements")
    with closing(raw_connect(ledger_path)) as conn:
        schema_version = conn.execute("PRAGMA schema_version").fetchone()[0]
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        schema_sql = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()

    for _ in range(2):
        reopened = Ledger(ledger_path)
        try:
            assert current_revision(reopened.engine) == head_revision()
            with reopened.read() as session:
                assert session.execute(text("SELECT receipt_no FROM sales")).scalars().all() == [receipt.receipt_no]
            assert CatalogService(reopened).search("limon")  # FTS index intact
        finally:
            reopened.close()

    with closing(raw_connect(ledger_path)) as conn:
        # schema_version is bumped by SQLite on every DDL statement: no migration ran again.
        assert conn.execute("PRAGMA schema_version").fetchone()[0] == schema_version
        assert {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables} == counts
        assert conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall() == schema_sql


def test_ledger_without_migrate_does_not_create_tables(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "bare.sqlite3", migrate=False)
    try:
        assert current_revision(ledger.engine) is None
    finally:
        ledger.close()
    assert not _schema(tmp_path / "bare.sqlite3").get("table")


def test_opening_ledgers_from_two_threads_at_once(ledger_path: Path) -> None:
    errors: list[BaseException] = []

    def open_and_close(barrier: threading.Barrier) -> None:
        try:
            barrier.wait()
            Ledger(ledger_path).close()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    for _ in range(3):  # the race shows on every try here; three tries make it certain
        barrier = threading.Barrier(2, timeout=10)
        threads = [threading.Thread(target=open_and_close, args=(barrier,)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert errors == []


def test_upgrading_a_ledger_made_at_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    from pos.config import TillSettings
    from pos.domain.cart import Cart
    from pos.domain.payment import Tender, TenderKind
    from pos.ledger.chain import verify_audit, verify_sales
    from pos.services.catalog import to_ref
    from pos.services.dto import UserView
    from pos.services.sales import SaleService
    from pos.services.seed import seed_demo

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "0001")  # a till installed with the first release
    engine.dispose()
    old = Ledger(path, migrate=False)
    seed_demo(old)
    cart = Cart().add(to_ref(CatalogService(old).by_barcode("8412345600012")), 3)
    cashier = UserView(1, "Ana", "cashier")
    SaleService(old, TillSettings()).complete(cart, [Tender(TenderKind.CASH, Money(1000))], cashier)
    with closing(raw_connect(path)) as con:
        before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("products", "barcodes", "sales", "sale_lines", "stock_movements", "audit_log", "outbox")}
    old.close()

    new = Ledger(path)  # what the next release does at start
    assert current_revision(new.engine) == head_revision()
    with closing(raw_connect(path)) as con:
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
        assert con.execute("SELECT count(*) FROM invoices").fetchone()[0] == 0
    assert after == before
    with new.read() as session:
        assert verify_sales(session).ok and verify_audit(session).ok
    new.close()
