"""Appending to the hash-chained audit log inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from pos.ledger.chain import audit_content, chain_hash, last_audit_hash
from pos.ledger.fast_insert import PreparedInsert
from pos.ledger.models import AuditEntry, utcnow

_COLUMNS = [c.key for c in AuditEntry.__table__.columns if c.key != "id"]
_INSERT = PreparedInsert(AuditEntry.__table__, _COLUMNS)


def append_audit(
    session: Session, action: str, *, user_id: int | None, approved_by: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(at=utcnow(), user_id=user_id, approved_by=approved_by, action=action, details=details or {})
    entry.prev_hash = last_audit_hash(session)
    entry.hash = chain_hash(entry.prev_hash, audit_content(entry))
    values = {k: getattr(entry, k) for k in _COLUMNS}
    entry.id = _INSERT.one(session, values)
    return entry
