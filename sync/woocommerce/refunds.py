"""Order refunds on WooCommerce (recordings 17, 17b, 18, 18b, 18c) and order lookups for returns.

* ``POST /orders/{id}/refunds`` with ``amount`` (the authoritative total, gross), ``line_items``
  (``id`` = the order line, ``quantity``, ``refund_total`` **net** and ``refund_tax`` per tax rate
  id), ``api_refund`` (true: the payment gateway pays back; false: money handed back at the till)
  and ``api_restock`` (the refunded quantities go back into online stock).
* WooCommerce has no idempotency for refunds. Each refund carries ``_pos_refund_uuid`` (the till's
  return UUID) and ``_pos_refund_part`` in ``meta_data``; before any (re)try the caller lists the
  order's refunds (:func:`parse_refund`) and looks for them.
* A refund the store cannot make answers **500** ``woocommerce_rest_cannot_create_order_refund``
  ("Invalid refund amount.", "The payment gateway … does not support automatic refunds."): no
  refund is left behind, so it is a permanent refusal, not a server hiccup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sync.woocommerce.money import to_minor, to_text

REFUND_UUID_META = "_pos_refund_uuid"
REFUND_PART_META = "_pos_refund_part"
RECEIPT_META = "_pos_receipt_no"
CANNOT_REFUND = "woocommerce_rest_cannot_create_order_refund"


@dataclass(frozen=True)
class RefundLine:
    """One order line in a refund: whole units (WooCommerce quantities are integers)."""

    remote_line_id: int
    quantity: int
    net_minor: int
    tax_minor: int
    tax_rate_id: int | None


@dataclass(frozen=True)
class RemoteRefund:
    refund_id: int
    amount_minor: int
    refund_uuid: str  # "" for refunds not made by a till
    part: str
    quantities: dict[int, int]  # order line id → units refunded (positive)
    refunded_payment: bool
    amounts: dict[int, tuple[int, int]] = field(default_factory=dict)  # order line id → (net, tax) refunded


def refund_body(*, lines: Sequence[RefundLine], reason: str, api_refund: bool, restock: bool, refund_uuid: str,
                part: str, receipt_no: str, places: int) -> dict[str, Any]:
    """The JSON body of one refund. ``amount`` is the sum of the lines' net + tax."""
    amount = sum(line.net_minor + line.tax_minor for line in lines)
    items = []
    for line in lines:
        item: dict[str, Any] = {"id": line.remote_line_id, "quantity": line.quantity,
                                "refund_total": to_text(line.net_minor, places)}
        if line.tax_rate_id is not None:
            item["refund_tax"] = [{"id": line.tax_rate_id, "refund_total": to_text(line.tax_minor, places)}]
        items.append(item)
    return {
        "amount": to_text(amount, places), "reason": reason[:200], "api_refund": api_refund, "api_restock": restock,
        "line_items": items,
        "meta_data": [{"key": REFUND_UUID_META, "value": refund_uuid}, {"key": REFUND_PART_META, "value": part},
                      {"key": "_pos_txn_uuid", "value": refund_uuid}, {"key": RECEIPT_META, "value": receipt_no}],
    }


def _meta(raw: Mapping[str, Any], key: str) -> str:
    for meta in raw.get("meta_data") or []:
        if isinstance(meta, Mapping) and meta.get("key") == key:
            return str(meta.get("value") or "")
    return ""


def parse_refund(raw: Mapping[str, Any], places: int = 2) -> RemoteRefund:
    """A refund JSON (17/17b): which order lines it took back (``_refunded_item_id`` line meta)."""
    quantities: dict[int, int] = {}
    amounts: dict[int, tuple[int, int]] = {}
    for item in raw.get("line_items") or []:
        if not isinstance(item, Mapping):
            continue
        original = _meta(item, "_refunded_item_id")
        if original.isdigit():
            key = int(original)
            quantities[key] = quantities.get(key, 0) + abs(int(item.get("quantity") or 0))
            net, tax = amounts.get(key, (0, 0))
            amounts[key] = (net + abs(to_minor(item.get("total"), places) or 0),
                            tax + abs(to_minor(item.get("total_tax"), places) or 0))
    return RemoteRefund(refund_id=int(raw.get("id") or 0), amount_minor=to_minor(raw.get("amount"), places) or 0,
                        refund_uuid=_meta(raw, REFUND_UUID_META), part=_meta(raw, REFUND_PART_META),
                        quantities=quantities, refunded_payment=bool(raw.get("refunded_payment")), amounts=amounts)


def refunded_elsewhere(refunds: Sequence[RemoteRefund], ours: set[str]) -> dict[int, int]:
    """Units refunded per order line by refunds that are not one of ``ours`` (return UUIDs)."""
    totals: dict[int, int] = {}
    for refund in refunds:
        if refund.refund_uuid and refund.refund_uuid in ours:
            continue
        for line_id, qty in refund.quantities.items():
            totals[line_id] = totals.get(line_id, 0) + qty
    return totals
