"""The pickup desk's vocabulary, shared by every pickup module (and by ``sync/orders_store.py``): the
order states, the refusal error, the customer's verification code, the pick list's order code, the
tender titles the store's staff read and the quantity conversions.

Import these from ``pos.services.pickups``, the public entry point."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sqlalchemy.orm import Session

from pos.domain.errors import DomainError
from pos.ledger.models import PickupOrder

OPEN_STATES = ("new", "preparing", "ready", "partially_collected", "no_show")
COLLECTABLE = ("new", "preparing", "ready", "partially_collected", "no_show")
PICKUP_SALE_KIND = "pickup"  # a ``sales`` row that only takes the money of an online order
CLOSED_STATES = ("collected", "cancelled")
GONE_REMOTE = frozenset({"cancelled", "refunded", "failed", "trash"})
VERIFY_CODE_LENGTH = 6
DEFAULT_READY_NOTE = ("Tu pedido {number} está listo para recoger en {location}. Trae el e-mail de confirmación "
                      "(o el código {hint}) o un documento de identidad.")
# The code printed on the pick list (stuck on the bag): opens the order, never verifies the customer.
ORDER_CODE_PREFIX = "PEDIDO-"
# Tender kinds as the store's staff read them in the order (payment method title, notes).
TENDER_TITLES = {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero", "voucher": "Vale"}
# Writes the till's pickup payment inside the hand-over transaction; returns the sale's UUID.
PaymentWriter = Callable[[Session, PickupOrder], str]


class PickupError(DomainError):
    """A pickup-desk action was refused. ``reason``: wrong_state, wrong_item, too_many, not_fully_picked,
    verification_required, wrong_code, not_paid, already_paid, sale_not_found, sale_already_used,
    wrong_amount, unknown_product, bad_quantity, nothing_to_collect, cancelled_online, partially_collected."""

    code = "pickup_refused"


def verify_code_of(order_key: str) -> str:
    """The code the customer shows: the last six characters of the WooCommerce ``order_key``
    (``wc_order_eLe54vwIZoMOv`` → ``IZoMOv``), compared without regard to case."""
    return order_key[-VERIFY_CODE_LENGTH:]


def order_code(number: str) -> str:
    """What the pick list's QR/barcode carries: opens the order at the desk (no verification)."""
    return f"{ORDER_CODE_PREFIX}{number}"


def units_of(milli: int) -> Decimal:
    """A stored ``*_milli`` quantity in units."""
    return Decimal(milli) / 1000


def milli_of(qty: Decimal | int) -> int:
    """A positive quantity in thousandths; anything else is PickupError(bad_quantity)."""
    value = Decimal(qty) * 1000
    if value != value.to_integral_value() or value <= 0:
        raise PickupError("bad_quantity", quantity=str(qty))
    return int(value)
