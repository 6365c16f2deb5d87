"""``catalog_store.apply_products`` on a real ledger: what a pulled page leaves in the till's catalogue.

The writes go through plain DB-API executemany (not the ORM), so these read everything back
through the ORM: the same rows, types and timestamps a till would have written itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select, text

from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, Category, Product, StockLevel, TaxRateRow
from pos.ledger.search_index import segment_count
from pos.services.seed import ensure_tax_rates
from sync import catalog_store
from sync.connector import RemoteProduct

WHEN = datetime(2026, 11, 22, 19, 0, tzinfo=UTC)


def remote(remote_id: int, sku: str, **kw: object) -> RemoteProduct:
    values: dict[str, object] = {"parent_id": None, "name": f"Artículo {sku}", "price_minor": 250, "tax_class": "",
                                 "barcodes": (), "stock": None, "active": True, "modified_gmt": WHEN,
                                 "category": None}
    values.update(kw)
    return RemoteProduct(remote_id=remote_id, sku=sku, **values)  # type: ignore[arg-type]


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    rates = ensure_tax_rates(ledger)
    with ledger.write() as session:  # a till seeded before it was linked: matched by SKU / by barcode
        session.add_all([Product(id=1, sku="LOCAL-SKU", name="Local", price_minor=100, currency="EUR",
                                 tax_rate_id=rates["ES-21"]),
                         Product(id=2, sku="LOCAL-2", name="Local dos", price_minor=100, currency="EUR",
                                 tax_rate_id=rates["ES-21"]),
                         Barcode(code="8412345600012", product_id=2),
                         StockLevel(product_id=1, on_hand_milli=5000), StockLevel(product_id=2, on_hand_milli=0)])
    yield ledger
    ledger.close()


def by_remote(ledger: Ledger, remote_id: int) -> SimpleNamespace:
    with ledger.read() as session:
        product = session.scalars(select(Product).where(Product.remote_id == remote_id)).one()
        return SimpleNamespace(**{c.key: getattr(product, c.key) for c in Product.__table__.columns})


def levels(ledger: Ledger) -> dict[int, tuple[int, int | None, datetime | None]]:
    with ledger.read() as session:
        return {lvl.product_id: (lvl.on_hand_milli, lvl.online_milli, lvl.online_seen_at)
                for lvl in session.scalars(select(StockLevel))}


def test_a_page_adds_links_and_updates_products_as_the_orm_would(ledger: Ledger) -> None:
    page = [
        remote(101, "NEW-1", name="Café molido 250 g", price_minor=399, tax_class="reduced-rate",
               barcodes=("8412345602627",), stock=7, category="Despensa"),
        remote(102, "LOCAL-SKU", price_minor=120, stock=3),  # linked by SKU
        remote(103, "OTHER-SKU", barcodes=("8412345600012",), stock=None),  # linked by barcode
        remote(104, "DRAFT-1", active=False),  # a draft the till never had: not added
        remote(105, "NOPRICE", price_minor=None),  # no price and not in the till: not added
        remote(106, "NEW-2", stock=0, category="Despensa"),
    ]
    result = catalog_store.apply_products(ledger, page, "EUR")
    assert (result.added, result.updated, result.deactivated, result.unchanged) == (2, 2, 0, 2)

    with ledger.read() as session:
        reduced = session.scalar(select(TaxRateRow.id).where(TaxRateRow.remote_class == "reduced-rate"))
        standard = session.scalar(select(TaxRateRow.id).where(TaxRateRow.remote_class == ""))
        despensa = session.scalar(select(Category.id).where(Category.name == "Despensa"))
        codes = dict(session.execute(select(Barcode.code, Barcode.product_id)).all())
        fts = session.execute(text("SELECT rowid FROM products_fts WHERE products_fts MATCH 'molido'")).scalars().all()
    stock = levels(ledger)
    new = by_remote(ledger, 101)
    assert (new.sku, new.name, new.price_minor, new.currency, new.tax_rate_id, new.category_id, new.active,
            new.sold_by_weight, new.remote_parent_id) == ("NEW-1", "Café molido 250 g", 399, "EUR", reduced, despensa,
                                                          True, False, None)
    assert new.updated_at.tzinfo is not None and abs((datetime.now(UTC) - new.updated_at).total_seconds()) < 60
    assert codes["8412345602627"] == new.id and fts == [new.id]
    assert stock[new.id] == (0, 7000, new.updated_at)
    second = by_remote(ledger, 106)
    assert stock[second.id][1] == 0 and second.category_id == despensa and second.tax_rate_id == standard

    by_sku = by_remote(ledger, 102)
    assert (by_sku.id, by_sku.price_minor, by_sku.name) == (1, 120, "Artículo LOCAL-SKU")
    assert stock[1][:2] == (5000, 3000)  # on-hand is the till's own
    assert by_remote(ledger, 103).id == 2 and stock[2][1] is None
    with ledger.read() as session:
        assert session.scalar(select(Product.id).where(Product.sku == "DRAFT-1")) is None


def test_a_later_page_updates_and_deactivates_without_duplicating(ledger: Ledger) -> None:
    catalog_store.apply_products(ledger, [remote(101, "NEW-1", barcodes=("8412345602627",), stock=7)], "EUR")
    result = catalog_store.apply_products(ledger, [
        remote(101, "NEW-1", name="Renamed", price_minor=999, barcodes=("8412345602627",), stock=2,
               category="Nueva"),
        remote(102, "LOCAL-SKU", active=False),
    ], "EUR")
    assert (result.added, result.updated, result.deactivated) == (0, 1, 1)
    product = by_remote(ledger, 101)
    with ledger.read() as session:
        category = session.scalar(select(Category.name).where(Category.id == product.category_id))
        count = len(session.scalars(select(Product.id).where(Product.sku == "NEW-1")).all())
        fts = session.execute(text("SELECT rowid FROM products_fts WHERE products_fts MATCH 'Renamed'")).scalars().all()
    assert (product.name, product.price_minor, levels(ledger)[product.id][1], category, count) == (
        "Renamed", 999, 2000, "Nueva", 1)
    assert fts == [product.id]
    assert by_remote(ledger, 102).active is False


@pytest.mark.parametrize("at_work", [False, True])
def test_a_long_page_leaves_the_search_index_merged_and_searchable(ledger: Ledger, monkeypatch: pytest.MonkeyPatch,
                                                                  at_work: bool) -> None:
    # Migration 0008 switched FTS5's own merging off (pos/ledger/search_index.py): without the merge step
    # after each write transaction, every chunk would stay a segment of its own. While a cashier is at work
    # the chunks are five times smaller, and so is each merge step.
    from pos.ledger import foreground

    monkeypatch.setattr(foreground, "TILL_AT_WORK_S", 3600.0 if at_work else 0.0)
    chunks = 8
    page = [remote(1000 + i, f"MASS-{i}", name=f"Galleta surtida {i}")
            for i in range(catalog_store.WRITE_CHUNK * chunks)]
    assert catalog_store.apply_products(ledger, page, "EUR").added == len(page)
    with ledger.read() as session:
        segments = segment_count(session)
        found = session.execute(text("SELECT count(*) FROM products_fts WHERE products_fts MATCH 'surtida'")).scalar()
    assert found == len(page)
    assert segments <= chunks // 2, segments


@pytest.mark.parametrize(("at_work", "chunk"),
                         [(False, catalog_store.WRITE_CHUNK), (True, catalog_store.AT_WORK_CHUNK)])
def test_while_the_cashier_is_at_work_the_catalogue_is_written_in_smaller_transactions(
        ledger: Ledger, monkeypatch: pytest.MonkeyPatch, at_work: bool, chunk: int) -> None:
    # A sale that arrives while a chunk holds the writer lock waits for the rest of it.
    from sqlalchemy import event

    from pos.ledger import foreground

    monkeypatch.setattr(foreground, "TILL_AT_WORK_S", 3600.0 if at_work else 0.0)
    assert ledger.till_at_work() is at_work
    written: list[int] = []
    with ledger.read() as session:
        counted = [int(session.execute(text("SELECT count(*) FROM products")).scalar_one())]

    def committed(conn: Any) -> None:  # before the COMMIT, on the transaction's own connection
        now = conn.connection.driver_connection.execute("SELECT count(*) FROM products").fetchone()[0]
        if now != counted[-1]:
            written.append(now - counted[-1])
            counted.append(now)

    page = [remote(2000 + i, f"BITE-{i}") for i in range(catalog_store.WRITE_CHUNK * 2)]
    event.listen(ledger.engine, "commit", committed)
    try:
        assert catalog_store.apply_products(ledger, page, "EUR").added == len(page)
    finally:
        event.remove(ledger.engine, "commit", committed)
    assert written == [chunk] * (len(page) // chunk)
