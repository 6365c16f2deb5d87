"""Tamper evidence: each finished sale/return and each audit entry stores
SHA-256(previous hash + canonical content), the chaining VeriFactu asks for.

Canonical content is compact JSON with sorted keys of exactly the fields below, so any
later edit of a stored row (an amount, a line, a date) breaks the chain at that row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.ledger.fast_insert import PreparedQuery
from pos.ledger.models import AuditEntry, Sale
from pos.ledger.sale_rows import SaleRow

GENESIS = "0" * 64


def chain_hash(prev_hash: str, content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def sale_content(sale: Sale | SaleRow) -> dict[str, Any]:
    return {
        "uuid": sale.uuid, "kind": sale.kind, "receipt_no": sale.receipt_no, "store": sale.store_id,
        "till": sale.till_id, "at": sale.created_at.isoformat(), "cashier": sale.cashier_id,
        "customer": sale.customer_id, "original": sale.original_sale_id, "currency": sale.currency,
        "subtotal": sale.subtotal_minor, "discount": sale.discount_minor, "total": sale.total_minor,
        "rounding": sale.rounding_minor, "change": sale.change_minor,
        "lines": [
            [ln.line_no, ln.product_id, ln.sku, ln.name, ln.qty_milli, ln.unit_price_minor, ln.discount_minor,
             ln.total_minor, ln.tax_code, ln.tax_percent]
            for ln in sorted(sale.lines, key=lambda x: x.line_no)
        ],
        "taxes": sorted([t.tax_code, t.tax_percent, t.base_minor, t.tax_minor] for t in sale.taxes),
        "tenders": [[t.kind, t.amount_minor, t.reference] for t in sale.tenders],
    }


def audit_content(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(), "user": entry.user_id, "approved_by": entry.approved_by,
        "action": entry.action, "details": entry.details,
    }


# On the DBAPI cursor (pos/ledger/fast_insert.py): both run inside every sale's commit.
_LAST_SALE_HASH = PreparedQuery(select(Sale.__table__.c.hash).order_by(Sale.__table__.c.id.desc()).limit(1))
_LAST_AUDIT_HASH = PreparedQuery(select(AuditEntry.__table__.c.hash).order_by(AuditEntry.__table__.c.id.desc())
                                 .limit(1))


def last_sale_hash(session: Session) -> str:
    value = _LAST_SALE_HASH.scalar(session)
    return value or GENESIS


def last_audit_hash(session: Session) -> str:
    value = _LAST_AUDIT_HASH.scalar(session)
    return value or GENESIS


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: str | None  # receipt number or audit id of the first bad row

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_sales(session: Session, batch: int = 2000) -> ChainReport:
    prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        rows = session.scalars(select(Sale).where(Sale.id > last_id).order_by(Sale.id).limit(batch)).all()
        if not rows:
            return ChainReport(checked, None)
        for sale in rows:
            if sale.prev_hash != prev or chain_hash(prev, sale_content(sale)) != sale.hash:
                return ChainReport(checked, sale.receipt_no)
            prev = sale.hash
            checked += 1
            last_id = sale.id
        session.expunge_all()


def verify_audit(session: Session) -> ChainReport:
    prev = GENESIS
    checked = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        if entry.prev_hash != prev or chain_hash(prev, audit_content(entry)) != entry.hash:
            return ChainReport(checked, f"audit#{entry.id}")
        prev = entry.hash
        checked += 1
    return ChainReport(checked, None)
