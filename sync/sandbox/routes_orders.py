"""``/wc/v3/orders`` with notes, refunds and batch."""

from __future__ import annotations

from typing import Any

from .errors import ApiError, invalid_param, missing_params
from .money import parse_cents
from .render_orders import note_json, order_json, refund_json
from .store import SandboxStore
from .store_order_items import FEE_TAX_STATUSES
from .store_orders import OrderQuery
from .web import (
    CREATE,
    DELETE,
    EDIT,
    READ,
    Request,
    Response,
    Router,
    check_bool,
    check_enum,
    check_int,
    check_str,
    lenient_int,
    offset_arg,
    page_args,
    paged,
    query_bool,
    query_date,
    query_enum,
    query_enum_list,
    query_int,
    query_int_list,
    query_list,
    to_wp_bool,
    type_error,
    wp_list,
)

BATCH_LIMIT = 100
SCHEMA_STATUSES = ["auto-draft", "pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed",
                   "checkout-draft"]
TEXT_FIELDS = ("currency", "payment_method", "payment_method_title", "transaction_id", "customer_note", "created_via")


def order_fields(body: dict[str, Any], strict: bool = True) -> dict[str, Any]:
    """Type-check (``strict``) or PHP-cast (batch) the order fields the sandbox understands."""
    out: dict[str, Any] = {}
    if body.get("status") is not None:
        out["status"] = check_enum("status", body["status"], SCHEMA_STATUSES) if strict else str(body["status"])
        if out["status"] == "auto-draft":
            out["status"] = "pending"
    if body.get("customer_id") is not None:
        out["customer_id"] = check_int("customer_id", body["customer_id"]) if strict else lenient_int(
            body["customer_id"])
    if body.get("set_paid") is not None:
        out["set_paid"] = check_bool("set_paid", body["set_paid"]) if strict else to_wp_bool(body["set_paid"]) is True
    for name in TEXT_FIELDS:
        if body.get(name) is not None:
            out[name] = check_str(name, body[name]) if strict else str(body[name])
    for name in ("billing", "shipping"):
        if body.get(name) is not None:
            if not isinstance(body[name], dict):
                if strict:
                    raise type_error(name, "object")
                continue
            out[name] = body[name]
    for name in ("meta_data", "line_items", "shipping_lines", "fee_lines"):
        if body.get(name) is not None:
            if not isinstance(body[name], list):
                if strict:
                    raise type_error(name, "array")
                continue
            out[name] = [x for x in body[name] if isinstance(x, dict)]
    for i, line in enumerate(out.get("line_items", [])):
        for key in ("product_id", "variation_id", "quantity"):
            if line.get(key) is not None:
                line[key] = check_int(f"line_items[{i}][{key}]", line[key]) if strict else lenient_int(line[key])
    if strict:
        _check_fee_lines(out.get("fee_lines", []))
    for line in out.get("line_items", []):
        if line.get("quantity") is not None and line["quantity"] <= 0:
            raise ApiError(400, "woocommerce_rest_invalid_product_quantity",
                           "Product quantity must be a positive float.")
    return out


def _check_fee_lines(fees: list[dict[str, Any]]) -> None:
    """The schema of ``fee_lines`` items (WordPress reports the nested path under ``fee_lines``).
    Batch sub-requests skip it: there a bad ``tax_status`` becomes 'taxable' and ``total`` is cast."""
    for i, fee in enumerate(fees):
        for key, value in fee.items():
            path = f"fee_lines[{i}][{key}]"
            if key in ("tax_class", "tax_status", "total") and not isinstance(value, str):
                raise invalid_param("fee_lines", f"{path} is not of type string.", "rest_invalid_type",
                                    {"param": path})
            if key == "tax_status" and value not in FEE_TAX_STATUSES:
                raise invalid_param("fee_lines", f"{path} is not one of {wp_list(list(FEE_TAX_STATUSES))}.",
                                    "rest_not_in_enum")
            if key == "meta_data" and not isinstance(value, list):
                raise invalid_param("fee_lines", f"{path} is not of type array.", "rest_invalid_type",
                                    {"param": path})


def refund_lines(raw: Any) -> list[dict[str, Any]]:
    lines = []
    for line in raw if isinstance(raw, list) else []:
        if not isinstance(line, dict):
            continue
        taxes: dict[int, int] = {}
        for tax in line.get("refund_tax") or []:
            if isinstance(tax, dict) and tax.get("id") is not None:
                taxes[lenient_int(tax["id"])] = _cents(tax.get("refund_total"))
        lines.append({"id": lenient_int(line.get("id", 0)), "quantity": lenient_int(line.get("quantity") or 0),
                      "refund_total": _cents(line.get("refund_total")), "refund_tax": taxes})
    return lines


def _cents(value: Any) -> int:
    try:
        return parse_cents(value) or 0
    except ValueError:
        return 0


def register(router: Router, store: SandboxStore) -> None:
    def render(req: Request, order: dict[str, Any]) -> dict[str, Any]:
        return order_json(req, store, order)

    def order_or_404(req: Request, key: str = "id", code: str = "woocommerce_rest_shop_order_invalid_id",
                     message: str = "Invalid ID.") -> dict[str, Any]:
        order = store.get_order(int(req.params[key]))
        if order is None:
            raise ApiError(404, code, message)
        return order

    def list_orders(req: Request) -> Response:
        page, per_page = page_args(req)
        statuses = query_enum_list(req, "status", ["any", "trash", *SCHEMA_STATUSES], ["any"])
        customer = req.query.get("customer")
        q = OrderQuery(
            statuses=statuses, created_via=query_list(req, "created_via") or None,
            customer=query_int(req, "customer", 0) if customer not in (None, "") else None,
            search=str(req.query.get("search") or ""), product=query_int(req, "product", 0),
            include=query_int_list(req, "include"), exclude=query_int_list(req, "exclude"),
            modified_after=query_date(req, "modified_after"), modified_before=query_date(req, "modified_before"),
            after=query_date(req, "after"), before=query_date(req, "before"),
            orderby=query_enum(req, "orderby", ["date", "id", "include", "title", "slug", "modified"], "date"),
            order=query_enum(req, "order", ["asc", "desc"], "desc"), page=page, per_page=per_page,
            offset=offset_arg(req))
        orders, total = store.list_orders(q)
        return paged(req, [render(req, o) for o in orders], total, page, per_page, "/wc/v3/orders")

    def create_order(req: Request) -> Response:
        order = store.create_order(order_fields(req.json()))
        return Response(201, render(req, order), {"Location": req.rest_url(f"/wc/v3/orders/{order['id']}")})

    def get_order(req: Request) -> Response:
        return Response(200, render(req, order_or_404(req)))

    def update_order(req: Request) -> Response:
        fields = order_fields(req.json())
        fields.pop("created_via", None)  # read-only after creation
        return Response(200, render(req, store.update_order(int(req.params["id"]), fields)))

    def delete_order(req: Request) -> Response:
        order_or_404(req)
        return Response(200, render(req, store.delete_order(int(req.params["id"]), query_bool(req, "force", False))))

    def batch(req: Request) -> Response:
        body = req.json()
        groups = {k: body[k] for k in ("create", "update", "delete") if isinstance(body.get(k), list)}
        if sum(len(v) for v in groups.values()) > BATCH_LIMIT:
            raise ApiError(413, "woocommerce_rest_request_entity_too_large",
                           f"Unable to accept more than {BATCH_LIMIT} items for this request.")
        out: dict[str, list[Any]] = {}
        for kind, items in groups.items():
            out[kind] = []
            for item in items:
                item_id = lenient_int(item.get("id", 0) if isinstance(item, dict) else item)
                try:
                    if kind == "create":
                        order = store.create_order(order_fields(item if isinstance(item, dict) else {}, strict=False))
                    elif kind == "update":
                        fields = order_fields(item, strict=False)
                        fields.pop("created_via", None)
                        order = store.update_order(item_id, fields)
                    else:
                        order = store.delete_order(item_id, force=True)
                    out[kind].append(render(req, order))
                except ApiError as err:
                    out[kind].append({"id": item_id if kind != "create" else 0,
                                      "error": {"code": err.code, "message": err.message,
                                                "data": {"status": err.status}}})
        return Response(200, out)

    # notes
    def note_order(req: Request) -> dict[str, Any]:
        return order_or_404(req, "order_id", "woocommerce_rest_order_invalid_id", "Invalid order ID.")

    def list_notes(req: Request) -> Response:
        order = note_order(req)
        note_type = query_enum(req, "type", ["any", "customer", "internal"], "any")
        return Response(200, [note_json(req, n) for n in store.order_notes(order["id"], note_type)])

    def create_note(req: Request) -> Response:
        order = note_order(req)
        body = req.json()
        if not body.get("note"):
            raise missing_params(["note"])
        customer_note = check_bool("customer_note", body.get("customer_note", False))
        by_user = check_bool("added_by_user", body.get("added_by_user", False))
        note = store.add_order_note(order["id"], check_str("note", body["note"]), customer_note,
                                    "admin" if by_user else "WooCommerce")
        location = req.rest_url(f"/wc/v3/orders/{order['id']}/notes/{note['id']}")
        return Response(201, note_json(req, note), {"Location": location})

    def get_note(req: Request) -> Response:
        order = note_order(req)
        note = store.get_note(order["id"], int(req.params["id"]))
        if note is None:
            raise ApiError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")
        return Response(200, note_json(req, note))

    def delete_note(req: Request) -> Response:
        order = note_order(req)
        if not query_bool(req, "force", False):
            raise ApiError(501, "woocommerce_rest_trash_not_supported", "Webhooks do not support trashing.")
        return Response(200, note_json(req, store.delete_note(order["id"], int(req.params["id"]))))

    # refunds
    def list_refunds(req: Request) -> Response:
        order = note_order(req)
        page, per_page = page_args(req)
        refunds = store.list_refunds(order["id"])
        chunk = refunds[(page - 1) * per_page: page * per_page]
        return paged(req, [refund_json(req, store, r) for r in chunk], len(refunds), page, per_page,
                     f"/wc/v3/orders/{order['id']}/refunds")

    def create_refund(req: Request) -> Response:
        body = req.json()
        order_id = int(req.params["order_id"])
        amount = None
        if body.get("amount") not in (None, ""):
            try:
                amount = parse_cents(check_str("amount", body["amount"]))
            except ValueError:
                amount = 0
        refund = store.create_refund(
            order_id, amount=amount, reason=check_str("reason", body.get("reason") or ""),
            api_refund=check_bool("api_refund", body.get("api_refund", True)),
            api_restock=check_bool("api_restock", body.get("api_restock", True)),
            lines=refund_lines(body.get("line_items")), meta_data=list(body.get("meta_data") or []),
            refunded_by=req.user_id)
        location = req.rest_url(f"/wc/v3/orders/(?P<order_id>[\\d]+)/refunds/{refund['id']}")  # quirk (17)
        return Response(201, refund_json(req, store, refund), {"Location": location})

    def refund_or_404(req: Request) -> dict[str, Any]:
        refund = store.get_refund(int(req.params["order_id"]), int(req.params["id"]))
        if refund is None:
            raise ApiError(404, "woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.")
        return refund

    def get_refund(req: Request) -> Response:
        return Response(200, refund_json(req, store, refund_or_404(req)))

    def delete_refund(req: Request) -> Response:
        refund = refund_or_404(req)
        if not query_bool(req, "force", False):
            raise ApiError(501, "woocommerce_rest_trash_not_supported", "Refunds do not support trashing.")
        return Response(200, refund_json(req, store, store.delete_refund(refund["parent_id"], refund["id"])))

    base = "/wc/v3/orders"
    one = base + r"/(?P<id>\d+)"
    notes, refunds = base + r"/(?P<order_id>\d+)/notes", base + r"/(?P<order_id>\d+)/refunds"
    router.add(base, READ, list_orders, "list")
    router.add(base, CREATE, create_order, "create")
    router.add(base + "/batch", EDIT, batch, "batch")
    router.add(one, READ, get_order, "read")
    router.add(one, EDIT, update_order, "edit")
    router.add(one, DELETE, delete_order, "delete")
    router.add(notes, READ, list_notes, "list")
    router.add(notes, CREATE, create_note, "create")
    router.add(notes + r"/(?P<id>\d+)", READ, get_note, "read")
    router.add(notes + r"/(?P<id>\d+)", DELETE, delete_note, "delete")
    router.add(refunds, READ, list_refunds, "list")
    router.add(refunds, CREATE, create_refund, "create")
    router.add(refunds + r"/(?P<id>\d+)", READ, get_refund, "read")
    router.add(refunds + r"/(?P<id>\d+)", DELETE, delete_refund, "delete")
