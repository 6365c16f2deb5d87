"""What to count next (cycle counting): a short list instead of the whole shop.

A product is suggested when the till and the online store disagree about it (drift, see
``stock_drift``), when a lot of money stands on the shelf in it (the top of on-hand × price), or
when no approved count has looked at it for ``stale_days`` (never counted included). Products
with more reasons come first, then by the value on the shelf.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from pos.domain.cart import from_milli
from pos.domain.money import Money
from pos.ledger.count_models import StockCount, StockCountLine
from pos.ledger.db import Ledger
from pos.ledger.models import Product, StockLevel, utcnow
from pos.services.count_dto import CountSuggestion
from pos.services.stock_drift import stock_drift


def suggest_counts(ledger: Ledger, currency: str, *, limit: int = 20, top_value: int = 10,
                   stale_days: int = 90, now: datetime | None = None) -> list[CountSuggestion]:
    now = now or utcnow()
    drift = {d.product_id: d.drift for d in stock_drift(ledger)}
    with ledger.read() as session:
        last_counted = dict(session.execute(
            select(StockCountLine.product_id, func.max(StockCount.approved_at))
            .join(StockCount, StockCount.id == StockCountLine.count_id)
            .where(StockCount.state == "approved").group_by(StockCountLine.product_id)).all())
        rows = session.execute(
            select(Product.id, Product.sku, Product.name, Product.price_minor, StockLevel.on_hand_milli)
            .join(StockLevel, StockLevel.product_id == Product.id)
            .where(Product.active.is_(True), StockLevel.on_hand_milli > 0)).all()
    value = {pid: int(price * on_hand // 1000) for pid, _, _, price, on_hand in rows}
    valuable = set(sorted(value, key=lambda pid: -value[pid])[:top_value])
    stale_before = now - timedelta(days=stale_days)
    out = []
    for pid, sku, name, _price, on_hand in rows:
        why = []
        if pid in drift:
            why.append("drift")
        if pid in valuable:
            why.append("value")
        last = last_counted.get(pid)
        if last is None or last < stale_before:
            why.append("not_counted")
        out.append(CountSuggestion(pid, sku, name, from_milli(on_hand), Money(value[pid], currency), tuple(why),
                                   drift.get(pid), last))
    for pid, d in drift.items():  # drift on a product with nothing on hand here
        if pid not in value:
            row = next((r for r in _products(ledger, [pid])), None)
            if row is not None:
                out.append(CountSuggestion(pid, row[0], row[1], from_milli(0), Money(0, currency), ("drift",), d,
                                           last_counted.get(pid)))
    out.sort(key=lambda s: (-len(s.why), "drift" not in s.why, -s.stock_value.minor, s.sku))
    return out[:limit]


def _products(ledger: Ledger, ids: list[int]) -> list[tuple[str, str]]:
    with ledger.read() as session:
        return [(sku, name) for sku, name in session.execute(
            select(Product.sku, Product.name).where(Product.id.in_(ids)))]
