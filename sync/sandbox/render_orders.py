"""Order, refund and order-note JSON in WooCommerce 11's shapes (recordings 06-13, 17, 20)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

from .money import decimal_number, fmt, iso_gmt, iso_local
from .web import ALL_METHODS, Request, links

ORDER_BILLING = ["first_name", "last_name", "company", "address_1", "address_2", "city", "state", "postcode",
                 "country", "email", "phone"]
ORDER_SHIPPING = [k for k in ORDER_BILLING if k != "email"]


class TaxReader(Protocol):
    def tax_rate(self, rate_id: int) -> dict[str, Any] | None: ...


def _ordered(values: dict[str, str], keys: list[str]) -> dict[str, str]:
    return {k: values.get(k, "") for k in keys}


def _tax_line(store: TaxReader, item: dict[str, Any]) -> dict[str, Any]:
    rate = store.tax_rate(item["rate_id"]) or {"percent": 0}
    percent = int(rate["percent"])
    return {
        "id": item["id"], "rate_code": f"ES-IVA {percent}%-1", "rate_id": item["rate_id"], "label": f"IVA {percent}%",
        "compound": False, "tax_total": fmt(item["total_tax"]), "shipping_tax_total": fmt(item["subtotal_tax"]),
        "rate_percent": percent, "meta_data": [],
    }


def _meta_items(meta: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": m["id"], "key": m["key"], "value": m["value"], "display_key": m.get("display_key", m["key"]),
             "display_value": m.get("display_value", m["value"])} for m in meta]


def line_item_json(item: dict[str, Any]) -> dict[str, Any]:
    taxes = []
    if item["rate_id"] is not None:
        taxes = [{"id": item["rate_id"], "total": fmt(item["total_tax"]), "subtotal": fmt(item["subtotal_tax"])}]
    image_id: int | str = "" if item["product_id"] and not item["variation_id"] else 0
    return {
        "id": item["id"], "name": item["name"], "product_id": item["product_id"], "variation_id": item["variation_id"],
        "quantity": item["quantity"], "tax_class": item["tax_class"], "subtotal": fmt(item["subtotal"]),
        "subtotal_tax": fmt(item["subtotal_tax"]), "total": fmt(item["total"]), "total_tax": fmt(item["total_tax"]),
        "taxes": taxes, "meta_data": _meta_items(item["meta"]), "sku": item["sku"], "global_unique_id": item["gtin"],
        "price": decimal_number(Decimal(item["price"])), "image": {"id": image_id, "src": ""},
        "parent_name": item["parent_name"],
    }


def _shipping_line_json(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"], "method_title": item["name"], "method_id": item["method_id"], "instance_id": "",
        "total": fmt(item["total"]), "total_tax": fmt(item["total_tax"]),
        "taxes": [{"id": item["rate_id"], "total": fmt(item["total_tax"]), "subtotal": ""}],
        "tax_status": "taxable", "meta_data": _meta_items(item["meta"]),
    }


def _fee_line_json(item: dict[str, Any]) -> dict[str, Any]:
    """A fee line as ``get_order_item_data`` shows it: ``amount`` is the raw, never-set prop ('' for
    fees made through REST) and ``taxes`` have no subtotal."""
    return {
        "id": item["id"], "name": item["name"], "tax_class": item["tax_class"], "tax_status": item["tax_status"],
        "amount": "", "total": fmt(item["total"]), "total_tax": fmt(item["total_tax"]),
        "taxes": [{"id": rate_id, "total": fmt(cents), "subtotal": ""} for rate_id, cents in item["taxes"]],
        "meta_data": _meta_items(item["meta"]),
    }


def _items(order: dict[str, Any], item_type: str) -> list[dict[str, Any]]:
    return [i for i in order["items"] if i["item_type"] == item_type]


def order_json(req: Request, store: TaxReader, order: dict[str, Any]) -> dict[str, Any]:
    oid, status = order["id"], order["status"]
    templates = req.rest_url(f"/wc/v3/orders/{oid}/actions/email_templates")
    extra: dict[str, Any] = {"email_templates": [{"embeddable": True, "href": templates}]}
    if order["customer_id"]:
        extra["customer"] = [{"href": req.rest_url(f"/wc/v3/customers/{order['customer_id']}")}]
    return {
        "id": oid, "parent_id": 0, "status": status, "currency": order["currency"], "version": "11.0.1",
        "prices_include_tax": True, "date_created": iso_local(order["created"]),
        "date_modified": iso_local(order["modified"]), "discount_total": "0.00", "discount_tax": "0.00",
        "shipping_total": fmt(order["shipping_total"]), "shipping_tax": fmt(order["shipping_tax"]),
        "cart_tax": fmt(order["cart_tax"]), "total": fmt(order["total"]), "total_tax": fmt(order["total_tax"]),
        "customer_id": order["customer_id"], "order_key": order["order_key"],
        "billing": _ordered(order["billing"], ORDER_BILLING), "shipping": _ordered(order["shipping"], ORDER_SHIPPING),
        "payment_method": order["payment_method"], "payment_method_title": order["payment_method_title"],
        "transaction_id": order["transaction_id"], "customer_ip_address": "", "customer_user_agent": "",
        "created_via": order["created_via"], "customer_note": order["customer_note"],
        "date_completed": iso_local(order["completed"]), "date_paid": iso_local(order["paid"]), "cart_hash": "",
        "number": str(oid), "meta_data": order["meta"],
        "line_items": [line_item_json(i) for i in _items(order, "line_item")],
        "tax_lines": [_tax_line(store, i) for i in _items(order, "tax")],
        "shipping_lines": [_shipping_line_json(i) for i in _items(order, "shipping")],
        "fee_lines": [_fee_line_json(i) for i in _items(order, "fee")], "coupon_lines": [],
        "refunds": [{"id": r["id"], "reason": r["reason"], "total": fmt(-r["amount"]), "total_tax": fmt(r["tax"])}
                    for r in order["refund_rows"]],
        "payment_url": f"{req.base_url}/checkout/order-pay/{oid}/?pay_for_order=true&key={order['order_key']}",
        "is_editable": status in ("pending", "on-hold", "auto-draft", "checkout-draft"),
        "needs_payment": status in ("pending", "failed") and order["total"] > 0,
        "needs_processing": any(i["product_id"] for i in _items(order, "line_item")),
        "date_created_gmt": iso_gmt(order["created"]), "date_modified_gmt": iso_gmt(order["modified"]),
        "date_completed_gmt": iso_gmt(order["completed"]), "date_paid_gmt": iso_gmt(order["paid"]),
        "currency_symbol": "€",
        "_links": links(req, f"/wc/v3/orders/{oid}", "/wc/v3/orders", ALL_METHODS, **extra),
    }


def refund_json(req: Request, store: TaxReader, refund: dict[str, Any]) -> dict[str, Any]:
    oid, rid = refund["parent_id"], refund["id"]
    base = f"/wc/v3/orders/{oid}/refunds"
    return {
        "id": rid, "date_created": iso_local(refund["created"]), "date_created_gmt": iso_gmt(refund["created"]),
        "amount": fmt(refund["amount"]), "reason": refund["reason"], "refunded_by": refund["refunded_by"],
        "refunded_payment": bool(refund["refunded_payment"]), "meta_data": refund["meta"],
        "line_items": [line_item_json(i) for i in _items(refund, "line_item")],
        "shipping_lines": [_shipping_line_json(i) for i in _items(refund, "shipping")],
        "tax_lines": [_tax_line(store, i) for i in _items(refund, "tax")],
        "fee_lines": [_fee_line_json(i) for i in _items(refund, "fee")],
        "_links": links(req, f"{base}/{rid}", base, ["GET", "DELETE"],
                        up=[{"href": req.rest_url(f"/wc/v3/orders/{oid}")}]),
    }


def note_json(req: Request, note: dict[str, Any]) -> dict[str, Any]:
    oid = note["order_id"]
    base = f"/wc/v3/orders/{oid}/notes"
    return {
        "id": note["id"], "author": note["author"], "date_created": iso_local(note["created"]),
        "date_created_gmt": iso_gmt(note["created"]), "note": note["note"],
        "customer_note": bool(note["customer_note"]),
        "_links": links(req, f"{base}/{note['id']}", base, ["GET", "DELETE"],
                        up=[{"href": req.rest_url(f"/wc/v3/orders/{oid}")}]),
    }
