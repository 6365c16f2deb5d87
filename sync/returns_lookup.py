"""Looking online orders up live for the returns screen (never on the UI thread: the UI runs it in a
worker). Whatever is found is saved in the till's copy (``online_orders``) with the store's refunds
per line, so the screen reads it from the ledger like everything else and it still works offline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import islice
from typing import Protocol

from sqlalchemy import func, select

from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, Sale, utcnow
from sync.connector import RemoteOrder
from sync.online_orders_store import POS_CREATED_VIA, save_orders
from sync.returns_push import RefundConnector

_RECEIPT = re.compile(r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*-\d{4,}$")
MAX_FOUND = 20


class LookupConnector(RefundConnector, Protocol):
    def search_orders(self, *, search: str = "", created_via: str = "", after: datetime | None = None,
                      max_pages: int = 5) -> Iterator[RemoteOrder]: ...


class OrderLookup:
    """``lookup(text)``: an order number, a customer e-mail, or a receipt number of any till
    (``T02-000123``, found by its ``_pos_receipt_no`` among the tills' orders of the last
    ``window_days``). ``refresh(order_id)`` re-reads one order and its refunds. Both raise the
    connector's ``StoreError``s (offline, auth) and return how many orders were saved."""

    def __init__(self, ledger: Ledger, connector: LookupConnector, *, window_days: int = 120) -> None:
        self._ledger = ledger
        self._connector = connector
        self._window = timedelta(days=window_days)

    def lookup(self, text: str) -> int:
        text = text.strip()
        found: list[RemoteOrder] = []
        if "@" in text:
            orders = self._connector.search_orders(search=text, max_pages=1)
            found = [o for o in islice(orders, MAX_FOUND) if o.email.strip().lower() == text.lower()]
        elif _RECEIPT.match(text):
            own = self._own_order_id(text)
            if own is not None:  # a sale of this till: its POS order, straight away
                one = self._connector.get_order(own)
                return self._save([one] if one is not None else [])
            for order in self._connector.search_orders(created_via=POS_CREATED_VIA,
                                                       after=utcnow() - self._window):
                if order.pos_receipt_no.upper() == text.upper():
                    found = [order]
                    break
        elif text.lstrip("#").isdigit():
            one = self._connector.get_order(int(text.lstrip("#")))
            found = [one] if one is not None else []
        return self._save(found)

    def _own_order_id(self, receipt_no: str) -> int | None:
        with self._ledger.read() as session:
            ref = session.scalar(select(OutboxEvent.remote_ref).join(Sale, Sale.uuid == OutboxEvent.aggregate_uuid)
                                 .where(func.upper(Sale.receipt_no) == receipt_no.upper(),
                                        OutboxEvent.event_type == "sale.completed", OutboxEvent.status == "sent"))
        return int(ref.split(",")[0]) if ref else None

    def refresh(self, order_id: int) -> int:
        order = self._connector.get_order(order_id)
        return self._save([order] if order is not None else [])

    def _save(self, orders: list[RemoteOrder]) -> int:
        refunds = {o.remote_id: self._connector.list_refunds(o.remote_id) for o in orders}
        return len(save_orders(self._ledger, orders, refunds))
