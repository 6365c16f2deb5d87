"""Online orders for click-and-collect: order JSON → :class:`sync.connector.RemoteOrder`.

A WooCommerce order is a pickup when one of its shipping lines has ``method_id`` ``local_pickup``
(the legacy "Local pickup" method, no location) or ``pickup_location`` (the block checkout's
"Local pickup" with named locations; the location's name is in the line meta ``pickup_location``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sync.connector import RemoteOrder, RemoteOrderLine
from sync.woocommerce.money import to_minor
from sync.woocommerce.products import EPOCH, modified_of, parse_gmt

PICKUP_METHODS = frozenset({"local_pickup", "pickup_location"})
PAY_AT_STORE_METHODS = frozenset({"cod"})
LOCATION_META = "pickup_location"


def _meta(items: Any, key: str) -> str:
    for item in items or []:
        if isinstance(item, Mapping) and item.get("key") == key:
            return str(item.get("value") or "")
    return ""


def _shipping(raw: Mapping[str, Any]) -> tuple[str, str]:
    """(method id, pickup location name) of the first pickup shipping line, else of the first line."""
    lines = [s for s in raw.get("shipping_lines") or [] if isinstance(s, Mapping)]
    chosen = next((s for s in lines if s.get("method_id") in PICKUP_METHODS), lines[0] if lines else None)
    if chosen is None:
        return "", ""
    return str(chosen.get("method_id") or ""), _meta(chosen.get("meta_data"), LOCATION_META)


def _tax_rate_id(item: Mapping[str, Any]) -> int | None:
    taxes = [t for t in item.get("taxes") or [] if isinstance(t, Mapping) and t.get("id") is not None]
    return int(taxes[0]["id"]) if taxes else None


def _minor(value: object, places: int) -> int:
    return to_minor(value, places) or 0


def to_remote_order(raw: Mapping[str, Any], places: int = 2) -> RemoteOrder:
    """Map an order JSON (list, GET or PUT answer) to a ``RemoteOrder``."""
    billing = raw.get("billing") or {}
    shipping = raw.get("shipping") or {}
    name = " ".join(p for p in (str(billing.get("first_name") or ""), str(billing.get("last_name") or "")) if p)
    if not name:
        name = " ".join(p for p in (str(shipping.get("first_name") or ""), str(shipping.get("last_name") or "")) if p)
    method, location = _shipping(raw)
    payment = str(raw.get("payment_method") or "")
    lines = []
    for item in raw.get("line_items") or []:
        if not isinstance(item, Mapping):
            continue
        lines.append(RemoteOrderLine(
            remote_line_id=int(item.get("id") or 0), product_id=int(item.get("product_id") or 0),
            variation_id=int(item.get("variation_id") or 0) or None, sku=str(item.get("sku") or ""),
            barcode=str(item.get("global_unique_id") or ""), name=str(item.get("name") or ""),
            quantity=int(item.get("quantity") or 0),
            total_minor=_minor(item.get("total"), places) + _minor(item.get("total_tax"), places),
            net_minor=_minor(item.get("total"), places), tax_minor=_minor(item.get("total_tax"), places),
            tax_rate_id=_tax_rate_id(item)))
    return RemoteOrder(
        remote_id=int(raw["id"]), number=str(raw.get("number") or raw["id"]), status=str(raw.get("status") or ""),
        currency=str(raw.get("currency") or ""), total_minor=_minor(raw.get("total"), places),
        customer_name=name, email=str(billing.get("email") or ""),
        phone=str(billing.get("phone") or shipping.get("phone") or ""), payment_method=payment,
        payment_title=str(raw.get("payment_method_title") or ""),
        paid=(payment not in PAY_AT_STORE_METHODS and parse_gmt(raw.get("date_paid_gmt")) is not None)
        or bool(_meta(raw.get("meta_data"), PAYMENT_META)),  # paid at a till (this one or another)
        order_key=str(raw.get("order_key") or ""), customer_note=str(raw.get("customer_note") or ""),
        shipping_method=method, pickup_location=location,
        created_gmt=parse_gmt(raw.get("date_created_gmt")) or EPOCH, modified_gmt=modified_of(raw),
        created_via=str(raw.get("created_via") or ""), lines=tuple(lines),
        customer_id=int(raw.get("customer_id") or 0),
        refunded_minor=-sum(_minor(r.get("total"), places) for r in raw.get("refunds") or [] if isinstance(r, Mapping)),
        pos_txn_uuid=_meta(raw.get("meta_data"), "_pos_txn_uuid"),
        pos_receipt_no=_meta(raw.get("meta_data"), "_pos_receipt_no"))


# --- paid at the till ------------------------------------------------------------------------------

PAYMENT_META = "_pos_payment_uuid"  # the till's pickup sale that took the money (one per order)


def payment_recorded(order: Mapping[str, Any], sale_uuid: str) -> bool:
    """The order already carries this till payment (a retry after a lost answer must not redo it)."""
    return _meta(order.get("meta_data"), PAYMENT_META) == sale_uuid


def payment_fields(payment: Mapping[str, Any]) -> dict[str, Any]:
    """The order fields that mark it paid at the till: ``set_paid`` (moves an unpaid order on, and is
    ignored by WooCommerce for an order already processing), the tenders as payment method title, the
    ticket number as transaction id, and the sale's UUID in the meta the retry looks for."""
    return {"set_paid": True, "payment_method_title": str(payment["method_title"])[:128],
            "transaction_id": str(payment["receipt_no"]),
            "meta_data": [{"key": PAYMENT_META, "value": str(payment["sale_uuid"])}]}
