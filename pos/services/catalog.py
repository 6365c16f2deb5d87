"""Finding products: by scanned barcode (exact) and by typed text (FTS5 search-as-you-type).

A scan is first understood by ``pos.domain.scan.parse_scan`` (GTIN, GS1 element string, in-store
variable-measure label, shop code), then looked up:

- GTINs (also the GTIN inside a GS1 string) by their stored forms: EAN-13, UPC-A with or without its
  leading 0, a GTIN-14 starting with 0 as its 13 digits, EAN-8, the UPC-A of a UPC-E;
- variable-measure labels by their **item key**: a ``barcodes`` row holding the layout's prefix and item
  digits (``2012345`` for ``2P IIIII WWWWW C``), then by the full 13-digit code;
- anything that is not found as a barcode, by exact SKU (shop-made labels often carry the SKU).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from sqlalchemy import Row, bindparam, select, text
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from pos.domain.barcode import clean_scan
from pos.domain.cart import ProductRef, from_milli
from pos.domain.money import Money
from pos.domain.scan import InvalidBarcode as InvalidScan
from pos.domain.scan import ScanKind, ScanResult, ScanRules, parse_scan
from pos.domain.tax import TaxRate
from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, Product, StockLevel, TaxRateRow
from pos.services.dto import ProductView
from pos.services.errors import InvalidBarcode, NotFound, UnknownBarcode

_TOKEN = re.compile(r"\w+", re.UNICODE)

_COLUMNS = (
    Product.id, Product.sku, Product.name, Product.price_minor, Product.currency, Product.category_id,
    TaxRateRow.code, TaxRateRow.percent, StockLevel.on_hand_milli,
)


def _view(row: Row[tuple[object, ...]], barcode: str | None) -> ProductView:
    (pid, sku, name, price, currency, category_id, tax_code, tax_percent, on_hand) = row
    return ProductView(
        product_id=int(pid),  # type: ignore[call-overload]
        sku=str(sku), name=str(name),
        price=Money(int(price), str(currency)),  # type: ignore[call-overload]
        tax_rate=TaxRate(str(tax_code), Decimal(str(tax_percent))),
        barcode=barcode,
        on_hand=from_milli(int(on_hand or 0)),  # type: ignore[call-overload]
        category_id=category_id,  # type: ignore[arg-type]
    )


def to_ref(view: ProductView) -> ProductRef:
    return ProductRef(view.product_id, view.sku, view.name, view.price, view.tax_rate, view.category_id)


def _base_query():  # type: ignore[no-untyped-def]
    return (
        select(*_COLUMNS)
        .join(TaxRateRow, TaxRateRow.id == Product.tax_rate_id)
        .outerjoin(StockLevel, StockLevel.product_id == Product.id)
        .where(Product.active.is_(True))
    )


_BY_CODE = _base_query().join(Barcode, Barcode.product_id == Product.id).where(Barcode.code == bindparam("code"))
_BY_SKU = _base_query().where(Product.sku == bindparam("code"))
# The scan hot path runs the same statements as plain SQL on a read-only sqlite3 connection per thread:
# SQLAlchemy's checkout, BEGIN, execute and rollback cost ~10x the indexed lookup itself.


@cache
def _sql(by_sku: bool) -> str:
    """Compiled on first use: SQLAlchemy's first compile costs ~60 ms, which start-up need not pay."""
    return str((_BY_SKU if by_sku else _BY_CODE).compile(dialect=sqlite_dialect()))


def fts_query(text_in: str) -> str | None:
    """Turn typed text into an FTS5 query: every word must match as a prefix."""
    tokens = _TOKEN.findall(text_in.lower())
    if not tokens:
        return None
    return " ".join(f'"{tok}"*' for tok in tokens[:8])


@dataclass(frozen=True, slots=True)
class ScanMatch:
    """A product found by a scan, with what the scan said (weight, price, batch, expiry)."""

    product: ProductView
    scan: ScanResult


class CatalogService:
    def __init__(self, ledger: Ledger, scan_rules: ScanRules | None = None) -> None:
        self._ledger = ledger
        self._rules = scan_rules or ScanRules()
        self._scan_connections = threading.local()

    def parse(self, raw: str) -> ScanResult:
        """Understand a scan with this store's rules. Raises InvalidBarcode (services error) with a reason."""
        try:
            return parse_scan(raw, self._rules)
        except InvalidScan as exc:
            raise InvalidBarcode(**exc.params) from None

    def by_barcode(self, raw: str) -> ProductView:
        """The active product behind a scanned code. Raises InvalidBarcode / UnknownBarcode."""
        return self.lookup(raw).product

    def lookup(self, raw: str) -> ScanMatch:
        """The active product behind a scan, and the parsed scan. Raises InvalidBarcode / UnknownBarcode."""
        scan = self.parse(raw)
        codes = scan.lookup_codes
        if scan.kind is ScanKind.VARIABLE_MEASURE and scan.gtin:
            codes = (*codes, scan.text)
        # Each statement is its own read snapshot (autocommit): one scan never holds one open.
        for variant in codes:
            row = self._lookup_row(_sql(False), variant)
            if row is not None:
                return ScanMatch(_view(row, variant), scan)
        if scan.kind is not ScanKind.VARIABLE_MEASURE:
            # Shop-made labels often carry the SKU instead of a GTIN.
            row = self._lookup_row(_sql(True), scan.text)
            if row is not None:
                return ScanMatch(_view(row, None), scan)
        raise UnknownBarcode(code=scan.display_code)

    def _lookup_row(self, sql: str, code: str) -> tuple[object, ...] | None:
        con = getattr(self._scan_connections, "con", None)
        try:
            if con is None:
                con = sqlite3.connect(f"{self._ledger.path.resolve().as_uri()}?mode=ro", uri=True,
                                      isolation_level=None, timeout=5.0)
                self._scan_connections.con = con
            with self._ledger.foreground():  # sync lets a scan (and its repaint) go first
                row: tuple[object, ...] | None = con.execute(sql, (code,)).fetchone()
            return row
        except sqlite3.Error as exc:  # the same error path as the ledger's own connections (StorageError)
            raise DBAPIError.instance(sql, None, exc, sqlite3.Error) from exc

    def close(self) -> None:
        """Close the calling thread's scan connection (the others close with their threads' data)."""
        con = getattr(self._scan_connections, "con", None)
        if con is not None:
            con.close()
            self._scan_connections.con = None

    def get(self, product_id: int) -> ProductView:
        with self._ledger.read() as session:
            row = session.execute(_base_query().where(Product.id == product_id)).first()
            if row is None:
                raise NotFound(what="product", id=product_id)
            return _view(row, self._first_barcode(session, product_id))

    def search(self, typed: str, limit: int = 30) -> list[ProductView]:
        """Search-as-you-type over name, SKU and barcode. Digits search barcodes and SKUs by prefix."""
        typed = clean_scan(typed)[:64]
        if not typed:
            return []
        with self._ledger.read() as session:
            ids: list[int] = []
            if typed.isdigit() and len(typed) >= 3:
                upper = typed[:-1] + chr(ord(typed[-1]) + 1)
                ids += session.scalars(
                    select(Barcode.product_id).where(Barcode.code >= typed, Barcode.code < upper).limit(limit)
                ).all()
            query = fts_query(typed)
            if query and len(ids) < limit:
                ids += session.scalars(
                    text("SELECT rowid FROM products_fts WHERE products_fts MATCH :q LIMIT :n"),
                    {"q": query, "n": limit},
                ).all()
            seen: list[int] = list(dict.fromkeys(ids))[:limit]
            if not seen:
                return []
            rows = session.execute(_base_query().where(Product.id.in_(seen))).all()
            by_id = {row[0]: row for row in rows}
            return [_view(by_id[i], None) for i in seen if i in by_id]

    @staticmethod
    def _first_barcode(session: Session, product_id: int) -> str | None:
        return session.scalar(select(Barcode.code).where(Barcode.product_id == product_id).limit(1))
