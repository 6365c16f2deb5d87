"""Merging the counts of another till into this till's count (a file on a USB stick or a share).

Each till counts into its own open count; the second till exports its entries as JSON and the
till that reviews imports them. Products travel by SKU (both tills share the store's catalogue),
entries by their UUID, so importing the same file twice adds nothing. The entry's own time is
turned into this ledger's movement mark (the last movement recorded before it), so the sales
this till made after the other till counted an item are left out of its expected figure, as for
local entries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from pos.ledger.count_models import StockCount, StockCountEntry
from pos.ledger.db import Ledger
from pos.ledger.models import Product, StockMovement
from pos.services.count_dto import CountError
from pos.services.count_entries import add_entry, get_count, in_scope

FORMAT = "mostrador.stock_count_entries/1"


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already: int
    unknown_skus: tuple[str, ...]
    out_of_scope: tuple[str, ...] = ()


def export_entries(ledger: Ledger, count_id: int) -> str:
    """This till's entries of a count as JSON text."""
    with ledger.read() as session:
        count = get_count(session, count_id)
        rows = session.execute(
            select(StockCountEntry, Product.sku).join(Product, Product.id == StockCountEntry.product_id)
            .where(StockCountEntry.count_id == count_id).order_by(StockCountEntry.id)).all()
        doc = {"format": FORMAT, "count_uuid": count.uuid, "label": count.label, "till_id": count.till_id,
               "entries": [{"uuid": e.uuid, "sku": sku, "qty_milli": e.qty_milli, "user": e.user_name,
                            "device": e.device, "counted_at": e.counted_at.isoformat()} for e, sku in rows]}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def import_entries(ledger: Ledger, count_id: int, text: str) -> ImportResult:
    """Merge another till's export into an open count, in one transaction (all or nothing)."""
    entries = _parse(text)
    with ledger.write() as session:
        count: StockCount = get_count(session, count_id)
        if count.state != "open":
            raise CountError(reason="wrong_state", state=count.state)
        rows = session.execute(select(Product.sku, Product.id, Product.category_id).where(
            Product.sku.in_({e["sku"] for e in entries}))).all()
        ids = {sku: pid for sku, pid, _ in rows}
        outside = {sku for sku, pid, category in rows if not in_scope(session, count, pid, category)}
        added = already = 0
        unknown: list[str] = []
        for e in entries:
            pid = ids.get(e["sku"])
            if pid is None or e["sku"] in outside:
                unknown.append(e["sku"])
                continue
            mark = session.scalar(select(func.max(StockMovement.id)).where(
                StockMovement.created_at <= e["counted_at"])) or 0
            mark = max(int(mark), count.start_mark)
            if add_entry(session, count, product_id=pid, qty_milli=e["qty_milli"], who=e["user"],
                         device=e["device"], entry_uuid=e["uuid"], mark=mark, at=e["counted_at"]):
                added += 1
            else:
                already += 1
    return ImportResult(added, already, tuple(dict.fromkeys(u for u in unknown if u not in outside)),
                        tuple(sorted(outside)))


def _parse(text: str) -> list[dict[str, Any]]:
    try:
        doc = json.loads(text)
        if doc.get("format") != FORMAT:
            raise ValueError("format")
        out = []
        for e in doc["entries"]:
            at = datetime.fromisoformat(str(e["counted_at"]))
            out.append({"uuid": str(e["uuid"])[:36], "sku": str(e["sku"]), "qty_milli": int(e["qty_milli"]),
                        "user": str(e.get("user") or "?"), "device": str(e.get("device") or "?"),
                        "counted_at": at if at.tzinfo else at.replace(tzinfo=UTC)})
        return out
    except (ValueError, KeyError, TypeError, AttributeError):
        raise CountError(reason="bad_file") from None
