"""The plain rows a sale is built as (``pos/ledger/sale_rows.py``) carry every mapped column, so
``insert_sale`` writes them all and the hash chain reads the same fields from either."""

from __future__ import annotations

from dataclasses import fields

import pytest

from pos.ledger.models import Sale, SaleLine, SaleTax, TenderRow
from pos.ledger.sale_rows import LineRow, SaleRow, TaxRow, TenderLine


@pytest.mark.parametrize(("row", "mapped"), [(SaleRow, Sale), (LineRow, SaleLine), (TaxRow, SaleTax),
                                             (TenderLine, TenderRow)])
def test_every_column_has_a_field(row: type, mapped: type) -> None:
    columns = {c.key for c in mapped.__table__.columns} - {"sale_id"}  # type: ignore[attr-defined]
    missing = columns - {f.name for f in fields(row)} - ({"id"} if row is not SaleRow else set())
    assert missing == set(), f"{row.__name__} lacks {sorted(missing)}: add them (insert_sale writes every column)"
