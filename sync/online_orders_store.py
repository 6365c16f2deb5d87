"""The till's copy of returnable online orders (``online_orders``), one short transaction per call.

Fed two ways: the sync pull (every order page it reads; the tills' own POS orders are left out,
they are not "online" sales) and the live lookup of the returns screen (any order, POS orders
included, with its refunds read per line). The POS order of a sale of *this* till is kept too
(``pos_sale_uuid`` = the sale): it tells the returns screen what other tills refunded of that
sale; it is never offered as a separate document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pos.ledger.db import Ledger
from pos.ledger.models import utcnow
from pos.ledger.returns_models import OnlineOrder, OnlineOrderLine, ReturnRecord
from sync.connector import RemoteOrder
from sync.orders_store import product_for_line
from sync.woocommerce.refunds import RemoteRefund, refunded_elsewhere

RETURNABLE_STATUSES = frozenset({"processing", "on-hold", "completed", "refunded"})
POS_CREATED_VIA = "mostrador-pos"


def wanted_from_pull(order: RemoteOrder) -> bool:
    """A pulled order worth keeping for returns: paid/open/done and not made by a till."""
    return order.status in RETURNABLE_STATUSES and order.created_via != POS_CREATED_VIA and not order.pos_txn_uuid


def apply_pulled(ledger: Ledger, orders: Sequence[RemoteOrder]) -> int:
    """Upsert the returnable orders of one pulled page; returns how many were kept."""
    wanted = [o for o in orders if wanted_from_pull(o)]
    if wanted:
        save_orders(ledger, wanted, {})
    return len(wanted)


def save_orders(ledger: Ledger, orders: Iterable[RemoteOrder],
                refunds: Mapping[int, Sequence[RemoteRefund]]) -> list[int]:
    """Upsert orders (newest copy wins); ``refunds`` (order id → its refunds, read live) sets what
    was refunded per line by anyone but this till. Returns the local ids of the orders kept."""
    kept: list[int] = []
    with ledger.write() as session:
        for remote in orders:
            local = session.scalar(select(OnlineOrder).where(OnlineOrder.remote_id == remote.remote_id))
            if local is None:
                local = OnlineOrder(remote_id=remote.remote_id, refunded_minor=0)
                session.add(local)
            elif remote.modified_gmt < local.remote_modified_at and remote.remote_id not in refunds:
                kept.append(local.id)
                continue  # an older copy (pull overlap)
            _fill(session, local, remote)
            if remote.remote_id in refunds:
                mine = ReturnRecord.remote_order_id == remote.remote_id
                if remote.pos_txn_uuid:  # returns of a sale of this till are refunded on its POS order
                    mine = or_(mine, ReturnRecord.original_sale_uuid == remote.pos_txn_uuid)
                ours = set(session.scalars(select(ReturnRecord.uuid).where(mine)))
                elsewhere = refunded_elsewhere(refunds[remote.remote_id], ours)
                for line in local.lines:
                    line.refunded_elsewhere_milli = elsewhere.get(line.remote_line_id, 0) * 1000
                local.refunds_checked_at = utcnow()
            session.flush()
            kept.append(local.id)
    return kept


def _fill(session: Session, local: OnlineOrder, remote: RemoteOrder) -> None:
    local.number, local.status = remote.number[:32], remote.status[:24]
    local.customer_name, local.email = remote.customer_name[:255], remote.email.strip().lower()[:255]
    local.customer_remote_id = remote.customer_id or None
    local.currency = (remote.currency or "EUR")[:3]
    local.total_minor, local.refunded_minor = remote.total_minor, remote.refunded_minor
    local.payment_method, local.payment_title = remote.payment_method[:64], remote.payment_title[:128]
    local.paid, local.created_via = remote.paid, remote.created_via[:64]
    local.pos_sale_uuid = remote.pos_txn_uuid or None
    local.receipt_no = remote.pos_receipt_no[:32] or None
    local.created_at, local.remote_modified_at, local.pulled_at = remote.created_gmt, remote.modified_gmt, utcnow()
    existing = {ln.remote_line_id: ln for ln in local.lines}
    with session.no_autoflush:  # the product look-ups must not flush half-filled lines
        for position, line in enumerate(remote.lines, start=1):
            row = existing.get(line.remote_line_id)
            if row is None:
                row = OnlineOrderLine(remote_line_id=line.remote_line_id, refunded_elsewhere_milli=0)
                local.lines.append(row)
            row.position, row.remote_product_id, row.remote_variation_id = position, line.product_id, line.variation_id
            row.product_id = product_for_line(session, line)
            row.sku, row.name = line.sku[:64], line.name[:255]
            row.qty_milli = line.quantity * 1000
            row.net_minor, row.tax_minor, row.tax_rate_remote_id = line.net_minor, line.tax_minor, line.tax_rate_id
