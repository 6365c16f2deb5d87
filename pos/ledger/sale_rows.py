"""A sale about to be written, as plain rows: what ``chained_sale`` builds on every sale's commit.

The mapped classes (``Sale``, ``SaleLine``, …) track every attribute set and every append to a
relationship; for a ticket that is only inserted with executemany (``insert_sale``) and read back for
the hash chain, the receipt and the sale hooks, that bookkeeping cost about 0.4 ms of the sale's 2-3 ms
of CPU on the till's hot path. These rows have the same attribute names as the mapped columns, so
everything that reads a ``Sale`` (``sale_content``, ``receipt_from_sale``, the hooks) reads them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class LineRow:
    line_no: int
    product_id: int
    sku: str
    name: str
    qty_milli: int
    unit_price_minor: int
    discount_minor: int
    total_minor: int
    tax_code: str
    tax_percent: str
    original_line_id: int | None = None


@dataclass(slots=True)
class TaxRow:
    tax_code: str
    tax_percent: str
    base_minor: int
    tax_minor: int


@dataclass(slots=True)
class TenderLine:
    kind: str
    amount_minor: int
    reference: str | None


@dataclass(slots=True)
class SaleRow:
    uuid: str
    kind: str
    store_id: str
    till_id: str
    series: str
    number: int
    receipt_no: str
    cashier_id: int
    customer_id: int | None
    currency: str
    subtotal_minor: int
    discount_minor: int
    total_minor: int
    rounding_minor: int
    change_minor: int
    created_at: datetime
    original_sale_id: int | None = None
    prev_hash: str = ""
    hash: str = ""
    id: int | None = None  # set by insert_sale
    lines: list[LineRow] = field(default_factory=list)
    taxes: list[TaxRow] = field(default_factory=list)
    tenders: list[TenderLine] = field(default_factory=list)
