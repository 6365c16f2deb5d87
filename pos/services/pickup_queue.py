"""The pickup desk's reading side: the queue of orders to collect, searching it (number, customer,
e-mail, phone) and opening an order from its scanned QR/barcode. Nothing is written."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import select

from pos.ledger.models import PickupOrder, utcnow
from pos.services.dto import PickupView
from pos.services.errors import NotFound
from pos.services.pickup_core import PickupCore
from pos.services.pickup_rules import OPEN_STATES, PickupError

_SCAN = re.compile(r"^\s*#?([0-9A-Za-z]+)\s*[\s:/|\-_+]\s*([0-9A-Za-z_]{4,})\s*$")
# The pick list's order code (``order_code``): opens the order, never verifies the customer.
_ORDER_CODE = re.compile(r"^\s*PEDIDO-0*([0-9A-Za-z]+)\s*$", re.IGNORECASE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class PickupQueue(PickupCore):
    """Queue, search and scan lookup of the pickup desk."""

    def queue(self, *, include_closed: bool = False, now: datetime | None = None) -> list[PickupView]:
        """Orders to collect, oldest first (closed ones too when asked, newest 200)."""
        now = now or utcnow()
        with self._ledger.read() as session:
            query = select(PickupOrder).order_by(PickupOrder.created_at, PickupOrder.id)
            if not include_closed:
                query = query.where(PickupOrder.state.in_(OPEN_STATES))
            rows = session.scalars(query).unique().all()
            return [self._view(o, now) for o in rows]

    def search(self, text: str, *, now: datetime | None = None) -> list[PickupView]:
        """Search by order number, customer name, e-mail or phone (accents and case ignored). A
        scanned "number + code" string returns just that order."""
        text = text.strip()
        if not text:
            return self.queue(now=now)
        by_code = _ORDER_CODE.match(text)
        if by_code is not None:
            return [v for v in self.queue(include_closed=True, now=now) if v.number == by_code.group(1)][-1:]
        try:
            return [self.open_scanned(text, now=now)]
        except (PickupError, NotFound):
            pass
        term, digits = _fold(text.lstrip("#")), re.sub(r"\D", "", text)
        found = []
        for view in self.queue(include_closed=True, now=now):
            phone = re.sub(r"\D", "", view.phone)
            if (view.number == text.lstrip("#") or term in _fold(view.customer_name) or term in _fold(view.email)
                    or (len(digits) >= 4 and digits in phone)):
                found.append(view)
        return found

    def get(self, pickup_id: int, *, now: datetime | None = None) -> PickupView:
        with self._ledger.read() as session:
            return self._view(self._load(session, pickup_id), now or utcnow())

    def open_scanned(self, text: str, *, now: datetime | None = None) -> PickupView:
        """Open the order from its QR/barcode: ``<number><sep><code>`` (sep: space - : / |) where the
        code is the verification code or the whole ``order_key``. Raises NotFound or
        PickupError(wrong_code)."""
        match = _SCAN.match(text)
        if match is None:
            raise NotFound(what="pickup", text=text)
        number, code = match.group(1), match.group(2)
        with self._ledger.read() as session:
            order = session.scalar(select(PickupOrder).where(PickupOrder.number == number)
                                   .order_by(PickupOrder.id.desc()).limit(1))
            if order is None:
                raise NotFound(what="pickup", number=number)
            if not self._code_ok(order, code):
                raise PickupError("wrong_code", number=number)
            return self._view(order, now or utcnow())
