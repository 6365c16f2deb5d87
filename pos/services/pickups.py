"""Click-and-collect at the till: the pickup desk's use cases (one transaction each).

Online orders to collect here are pulled by sync (``sync/orders_store.py``) into ``pickup_orders``;
a pulled order reserves its quantities (``stock_levels.reserved_milli``), so on-hand − reserved =
available. The desk prepares them (scan to confirm each item), marks them ready (outbox
``pickup.ready`` → customer note online), hands them over (outbox ``pickup.collected`` → order
completed online once, or ``pickup.partially_collected`` → private note) and cancels them with a
manager's approval (outbox ``pickup.cancelled`` → order cancelled online, which restores online
stock). A hand-over moves physical stock (movement reason ``pickup``) and releases the reservation;
online stock is never taken again (the online order took it when it was placed).

Everything works offline from the local copy; the outbox carries the changes later.

This module is the public entry point; the code lives in one module per feature:

- ``pickup_rules``: states, ``PickupError``, verification and order codes, quantity conversions;
- ``pickup_reservations``: stock reservations (``adjust_reserved``, ``release_reservations``);
- ``pickup_events``: outbox events and the payment details sent to the store;
- ``pickup_core``: what every use case shares (settings, loading, state check, the view);
- ``pickup_queue``: queue, search, scan lookup;
- ``pickup_preparing``: preparing, picking, marking ready;
- ``pickup_handover``: verification, payment and the hand-over;
- ``pickup_cancellation``: no-shows and cancellations.

See ``docs/PICKUPS.md``.
"""

from __future__ import annotations

from pos.services.pickup_cancellation import PickupCancelling
from pos.services.pickup_events import add_outbox, payment_event
from pos.services.pickup_handover import PickupHandingOver
from pos.services.pickup_preparing import PickupPreparing
from pos.services.pickup_queue import PickupQueue
from pos.services.pickup_reservations import adjust_reserved, release_reservations
from pos.services.pickup_rules import (
    CLOSED_STATES,
    COLLECTABLE,
    DEFAULT_READY_NOTE,
    GONE_REMOTE,
    OPEN_STATES,
    ORDER_CODE_PREFIX,
    PICKUP_SALE_KIND,
    TENDER_TITLES,
    VERIFY_CODE_LENGTH,
    PaymentWriter,
    PickupError,
    order_code,
    verify_code_of,
)

__all__ = [
    "CLOSED_STATES",
    "COLLECTABLE",
    "DEFAULT_READY_NOTE",
    "GONE_REMOTE",
    "OPEN_STATES",
    "ORDER_CODE_PREFIX",
    "PICKUP_SALE_KIND",
    "TENDER_TITLES",
    "VERIFY_CODE_LENGTH",
    "PaymentWriter",
    "PickupError",
    "PickupService",
    "add_outbox",
    "adjust_reserved",
    "order_code",
    "payment_event",
    "release_reservations",
    "verify_code_of",
]


class PickupService(PickupQueue, PickupPreparing, PickupHandingOver, PickupCancelling):
    """The pickup desk. ``no_show_days``: orders waiting longer are ``overdue`` and can be flagged
    as no-shows; ``location`` names the store in the "ready" note.

    Reading: ``queue``, ``search``, ``get``, ``open_scanned``. Preparing: ``start_preparing``,
    ``confirm_item``, ``mark_ready``. Handing over: ``hand_over``, ``check_handover``,
    ``refuse_if_cancelled_online``. Not collected: ``flag_no_shows``, ``cancel``."""
