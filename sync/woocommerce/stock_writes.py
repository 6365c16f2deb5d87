"""Reading and setting one product's (or variation's) stock, with the count adjustments it already took.

Used for stock-count adjustments only (DESIGN §2.5): sales move online stock through orders. The
write is an absolute ``stock_quantity`` (recording 25; 26b-style paths for variations) sent in the
same ``PUT`` as the product meta ``mostrador_count_adjustments`` — the UUIDs of the adjustments
already applied — so the stock and the proof that it was set change together, in one product save.
The key has no leading ``_``: WooCommerce drops ``_``-prefixed meta on some objects (customers,
recording 14c), and a visible custom field does no harm here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.errors import PermanentError, TransientError
from sync.woocommerce.client import WooClient
from sync.woocommerce.orders import meta_value

APPLIED_META = "mostrador_count_adjustments"
KEEP_APPLIED = 40  # plenty for the retries of one product; the list must not grow for ever


@dataclass(frozen=True)
class RemoteStock:
    """A product's stock online (``None`` when the store does not manage it) and the count
    adjustments recorded on it, newest first."""

    remote_id: int
    stock: int | None
    applied: tuple[str, ...]


def _stock(data: dict[str, Any]) -> int | None:
    if data.get("manage_stock") not in (True, "parent") or data.get("stock_quantity") is None:
        return None
    try:
        return int(data["stock_quantity"])
    except (TypeError, ValueError):
        return None


def _path(remote_id: int, parent_id: int | None) -> str:
    return f"wc/v3/products/{parent_id}/variations/{remote_id}" if parent_id else f"wc/v3/products/{remote_id}"


def _parse(data: Any, remote_id: int) -> RemoteStock:
    if not isinstance(data, dict) or "id" not in data:
        raise TransientError(f"product {remote_id}: expected a product", code="invalid_answer")
    raw = meta_value(data, APPLIED_META)
    applied = tuple(u for u in str(raw or "").split(",") if u)
    return RemoteStock(int(data["id"]), _stock(data), applied)


def read_stock(client: WooClient, remote_id: int, parent_id: int | None) -> RemoteStock:
    """``GET`` the product or variation. A deleted one raises ``PermanentError`` (404)."""
    return _parse(client.get(_path(remote_id, parent_id)).data, remote_id)


def write_stock(client: WooClient, remote_id: int, parent_id: int | None, quantity: int,
                applied: tuple[str, ...]) -> RemoteStock:
    """Set the stock to ``quantity`` and record ``applied`` (newest first, trimmed), in one ``PUT``."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise PermanentError(f"stock must be a whole number, not {quantity!r}", code="bad_quantity",
                             params={"quantity": quantity})
    body = {"manage_stock": True, "stock_quantity": quantity,
            "meta_data": [{"key": APPLIED_META, "value": ",".join(applied[:KEEP_APPLIED])}]}
    return _parse(client.request("PUT", _path(remote_id, parent_id), json_body=body).data, remote_id)
