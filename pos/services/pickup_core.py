"""What every use case of the pickup desk shares: the desk's settings, loading an order, the state
check, the customer's code check and the view the desk shows. ``PickupService``
(``pos/services/pickups.py``) combines the feature classes built on ``PickupCore``."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from pos.domain.money import Money
from pos.ledger.db import Ledger
from pos.ledger.models import PickupOrder
from pos.services.auth import AuthService
from pos.services.dto import PickupLineView, PickupView
from pos.services.errors import NotFound
from pos.services.permissions import Permissions
from pos.services.pickup_rules import (
    DEFAULT_READY_NOTE,
    GONE_REMOTE,
    OPEN_STATES,
    VERIFY_CODE_LENGTH,
    PickupError,
    units_of,
    verify_code_of,
)


class PickupCore:
    """The pickup desk's state and shared helpers. ``no_show_days``: orders waiting longer are
    ``overdue`` and can be flagged as no-shows; ``location`` names the store in the "ready" note."""

    def __init__(self, ledger: Ledger, auth: AuthService, *, till_id: str = "T01", no_show_days: int = 7,
                 location: str = "la tienda", ready_note: str = DEFAULT_READY_NOTE,
                 permissions: Permissions | None = None) -> None:
        self._ledger = ledger
        self._auth = auth
        self._permissions = permissions or Permissions(auth)
        self._till_id = till_id
        self._no_show = timedelta(days=no_show_days)
        self._location = location
        self._ready_note = ready_note

    @staticmethod
    def _load(session: Session, pickup_id: int) -> PickupOrder:
        order = session.get(PickupOrder, pickup_id)
        if order is None:
            raise NotFound(what="pickup", pickup_id=pickup_id)
        return order

    @staticmethod
    def _require(order: PickupOrder, *states: str) -> None:
        if order.state not in states:
            reason = "cancelled_online" if order.state == "cancelled" and order.remote_status in GONE_REMOTE \
                else "wrong_state"
            raise PickupError(reason, state=order.state, number=order.number)

    @staticmethod
    def _code_ok(order: PickupOrder, code: str) -> bool:
        code = code.strip()
        return bool(order.verify_code) and verify_code_of(code).casefold() == order.verify_code.casefold() \
            and len(code) >= VERIFY_CODE_LENGTH

    def _view(self, order: PickupOrder, now: datetime) -> PickupView:
        waiting_since = order.ready_at or order.created_at
        return PickupView(
            pickup_id=order.id, number=order.number, state=order.state, remote_status=order.remote_status,
            customer_name=order.customer_name, email=order.email, phone=order.phone, paid_online=order.paid_online
            or order.paid_by_sale_uuid is not None, payment_title=order.payment_title,
            total=Money(order.total_minor, order.currency), created_at=order.created_at, ready_at=order.ready_at,
            collected_at=order.collected_at, prepared_by=order.prepared_by, customer_note=order.customer_note,
            overdue=order.state in OPEN_STATES and now - waiting_since > self._no_show, conflict=order.conflict,
            lines=tuple(PickupLineView(
                line_id=ln.id, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=units_of(ln.qty_milli),
                picked=units_of(ln.picked_milli), collected=units_of(ln.collected_milli),
                total=Money(ln.total_minor, order.currency)) for ln in order.lines),
            paid_by_sale_uuid=order.paid_by_sale_uuid, pickup_location=order.pickup_location or "")
