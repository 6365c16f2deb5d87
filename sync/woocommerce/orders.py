"""Till sale (``sale.completed`` outbox payload) → WooCommerce order body, and back.

How the order is built (see docs/WOOCOMMERCE.md for the reasons):

* ``status: completed`` + ``set_paid: true`` (stock is reduced once, at creation — recording 06),
  ``created_via`` (writable on create, filterable later), ``currency``.
* ``meta_data``: ``_pos_txn_uuid`` (the idempotency key we search for), ``_pos_receipt_no``,
  ``_pos_till``, ``_pos_store``, ``_pos_created_at``, ``_pos_total`` and ``_pos_tenders``.
* line items by remote id (``product_id`` = parent + ``variation_id`` for variations). WooCommerce
  line totals are **tax-exclusive** even when the store's prices include tax (06: 4.95 € gross →
  ``total`` "4.50" + tax "0.45"), so we send, per line, the net amount ``n`` whose
  ``n + round(n × rate)`` gives back the till's gross line amount, as ``subtotal`` (before
  discounts) and ``total`` (after). Any cent that per-line tax rounding cannot reach, and the
  cash rounding of the ticket, go into one untaxed fee line, so the order total equals the receipt.
* quantities are integers in WooCommerce (schema ``type: integer``): a weighed line (0.350 kg) is
  sent as quantity 1 with its exact amount and a ``Cantidad`` line meta.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sync.connector import RemoteOrderRef
from sync.errors import PermanentError, TransientError
from sync.woocommerce.money import exponent, net_for_gross, tax_on_net, to_minor, to_text

UUID_META = "_pos_txn_uuid"
DEFAULT_PAYMENT_TITLES: dict[str, str] = {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero",
                                          "voucher": "Vale"}
# Our own ids for the payment method: never a real gateway id (a gateway such as TeraWallet's
# 'wallet' could run its own hooks on our order). 'cash' is what recording 06 used.
PAYMENT_METHOD_IDS: dict[str, str] = {"cash": "cash", "card": "card", "wallet": "pos_wallet", "voucher": "pos_voucher"}
SPLIT_METHOD_ID = "pos_split"
_CODE_PERCENT = re.compile(r"(\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class OrderOptions:
    """Store-specific choices for building orders."""

    created_via: str = "mostrador-pos"
    tax_class_map: Mapping[str, str] = field(default_factory=dict)  # till tax code → WooCommerce tax class
    tax_rates: Mapping[str, Decimal] = field(default_factory=dict)  # till tax code → percent
    payment_titles: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_PAYMENT_TITLES))
    rounding_label: str = "Redondeo"


@dataclass(frozen=True)
class OrderDraft:
    """The JSON body to POST plus what we expect WooCommerce to compute from it."""

    sale_uuid: str
    body: dict[str, Any]
    expected_total_minor: int
    places: int


def tax_percent(line: Mapping[str, Any], options: OrderOptions) -> Decimal:
    """The VAT percent of a payload line: ``tax_percent`` if the payload has it, else the configured
    rate for its ``tax_code``, else the number at the end of the code (``ES-21`` → 21)."""
    code = str(line.get("tax_code") or "")
    candidates: list[object] = [line.get("tax_percent"), options.tax_rates.get(code)]
    match = _CODE_PERCENT.search(code)
    if match:
        candidates.append(match.group(1))
    for value in candidates:
        if value is None or isinstance(value, float):
            continue
        try:
            percent = Decimal(str(value))
        except InvalidOperation:
            continue
        if percent.is_finite() and 0 <= percent < 100:
            return percent
    raise PermanentError(f"line {line.get('line_no')}: unknown tax rate for tax code {code!r}", code="unknown_tax_rate",
                         params={"line": line.get("line_no"), "tax_code": code})


def _line_item(line: Mapping[str, Any], options: OrderOptions, places: int) -> tuple[dict[str, Any], int]:
    """One ``line_items`` entry and the gross amount WooCommerce will compute for it."""
    product = line.get("sku") or line.get("name") or "?"
    label = f"line {line.get('line_no')} ({product})"
    where = {"line": line.get("line_no"), "product": product}
    remote_id = line.get("remote_id")
    if not isinstance(remote_id, int) or isinstance(remote_id, bool) or remote_id <= 0:
        raise PermanentError(f"unknown product in {label}: it is not linked to an online product "
                             "(no remote id); sync the catalogue or link it before sending this sale",
                             code="unknown_product", params=where)
    qty_milli = int(line.get("qty_milli") or 0)
    total = int(line.get("total_minor") or 0)
    discount = int(line.get("discount_minor") or 0)
    if qty_milli <= 0 or total < 0 or discount < 0:
        raise PermanentError(f"{label}: quantity and amounts must be positive", code="invalid_line", params=where)
    percent = tax_percent(line, options)
    item: dict[str, Any] = {}
    parent = line.get("remote_parent_id")
    if isinstance(parent, int) and not isinstance(parent, bool) and parent > 0:
        item["product_id"], item["variation_id"] = parent, remote_id
    else:
        item["product_id"] = remote_id
    meta: list[dict[str, str]] = []
    if qty_milli % 1000 == 0:
        item["quantity"] = qty_milli // 1000
    else:  # weighed goods: WooCommerce only takes integer quantities
        item["quantity"] = 1
        meta.append({"key": "Cantidad", "value": f"{Decimal(qty_milli).scaleb(-3):.3f}"})
        meta.append({"key": "_pos_qty_milli", "value": str(qty_milli)})
    net_total = net_for_gross(total, percent)
    net_subtotal = net_for_gross(total + discount, percent)
    item["subtotal"] = to_text(net_subtotal, places)
    item["total"] = to_text(net_total, places)
    tax_class = options.tax_class_map.get(str(line.get("tax_code") or ""))
    if tax_class is not None:
        item["tax_class"] = tax_class
    if meta:
        item["meta_data"] = meta
    return item, net_total + tax_on_net(net_total, percent)


def _payment(payload: Mapping[str, Any], options: OrderOptions, places: int) -> dict[str, Any]:
    tenders = [t for t in payload.get("tenders") or [] if isinstance(t, Mapping)]
    kinds = list(dict.fromkeys(str(t.get("kind") or "other") for t in tenders))
    titles = [options.payment_titles.get(k, k.capitalize()) for k in kinds]
    out: dict[str, Any] = {}
    if len(kinds) == 1:
        out["payment_method"] = PAYMENT_METHOD_IDS.get(kinds[0], f"pos_{kinds[0]}")
        out["payment_method_title"] = titles[0]
    elif kinds:
        out["payment_method"] = SPLIT_METHOD_ID
        out["payment_method_title"] = " + ".join(titles)
    references = [str(t["reference"]) for t in tenders if t.get("reference")]
    if references:
        out["transaction_id"] = ", ".join(references)[:190]
    details = [{"kind": str(t.get("kind")), "amount": to_text(int(t.get("amount_minor") or 0), places),
                "reference": t.get("reference")} for t in tenders]
    out["_meta"] = [{"key": "_pos_tenders", "value": json.dumps(details, ensure_ascii=False)}]
    change = int(payload.get("change_minor") or 0)
    if change:
        out["_meta"].append({"key": "_pos_change", "value": to_text(change, places)})
    return out


def build_order(payload: Mapping[str, Any], options: OrderOptions, store_currency: str | None = None) -> OrderDraft:
    """The order body for a ``sale.completed`` payload. Raises ``PermanentError`` when the sale
    cannot be represented online (unlinked product, unknown tax rate, other currency)."""
    sale_uuid = str(payload.get("sale_uuid") or "")
    if not sale_uuid:
        raise PermanentError("sale payload has no sale_uuid", code="invalid_payload")
    currency = str(payload.get("currency") or store_currency or "")
    if store_currency and currency and currency.upper() != store_currency.upper():
        raise PermanentError(f"sale {sale_uuid} is in {currency} but the online store uses {store_currency}",
                             code="currency_mismatch", params={"currency": currency, "store_currency": store_currency})
    places = exponent(currency)
    lines = [ln for ln in payload.get("lines") or [] if isinstance(ln, Mapping)]
    if not lines:
        raise PermanentError(f"sale {sale_uuid} has no lines", code="invalid_payload")
    items, online_total = [], 0
    for line in lines:
        item, gross = _line_item(line, options, places)
        items.append(item)
        online_total += gross
    receipt_total = int(payload.get("total_minor") or 0) + int(payload.get("rounding_minor") or 0)
    payment = _payment(payload, options, places)
    meta = [
        {"key": UUID_META, "value": sale_uuid},
        {"key": "_pos_receipt_no", "value": str(payload.get("receipt_no") or "")},
        {"key": "_pos_till", "value": str(payload.get("till_id") or "")},
        {"key": "_pos_store", "value": str(payload.get("store_id") or "")},
        {"key": "_pos_created_at", "value": str(payload.get("created_at") or "")},
        {"key": "_pos_total", "value": to_text(receipt_total, places)},
        *payment.pop("_meta"),
    ]
    body: dict[str, Any] = {"status": "completed", "set_paid": True, "created_via": options.created_via}
    if currency:
        body["currency"] = currency.upper()
    body.update(payment)
    customer = payload.get("customer_remote_id", payload.get("customer_id"))
    if isinstance(customer, int) and not isinstance(customer, bool) and customer > 0:
        body["customer_id"] = customer
    body["meta_data"] = meta
    body["line_items"] = items
    residual = receipt_total - online_total
    if residual:
        body["fee_lines"] = [{"name": options.rounding_label, "total": to_text(residual, places), "tax_status": "none"}]
    return OrderDraft(sale_uuid, body, receipt_total, places)


def meta_value(order: Mapping[str, Any], key: str) -> str | None:
    """The value of an order meta key, or ``None``."""
    for meta in order.get("meta_data") or []:
        if isinstance(meta, Mapping) and meta.get("key") == key:
            value = meta.get("value")
            return None if value is None else str(value)
    return None


def order_ref(order: Mapping[str, Any], draft: OrderDraft | None = None) -> RemoteOrderRef:
    """A ``RemoteOrderRef`` for an order JSON. With the ``draft`` it came from, ``extra`` also
    reports a total that differs from the receipt and lines WooCommerce left empty (a product
    deleted online, recording 20)."""
    try:
        remote_id = int(order["id"])
    except (KeyError, TypeError, ValueError):
        raise TransientError("store answered without an order id; look the sale up before retrying",
                             code="invalid_answer") from None
    extra: dict[str, Any] = {"total": order.get("total"), "date_created_gmt": order.get("date_created_gmt")}
    if draft is not None:
        try:
            total = to_minor(order.get("total"), draft.places)
        except ValueError:
            total = None
        if total is not None and total != draft.expected_total_minor:
            extra["total_mismatch"] = {"expected": to_text(draft.expected_total_minor, draft.places),
                                       "online": order.get("total")}
        broken = [i.get("id") for i in order.get("line_items") or []
                  if isinstance(i, Mapping) and not i.get("product_id")]
        if broken:
            extra["empty_lines"] = broken
    return RemoteOrderRef(remote_id=remote_id, number=str(order.get("number") or remote_id),
                          status=str(order.get("status") or ""), extra=extra)
