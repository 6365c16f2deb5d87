"""``/wc/v3/products``, ``/products/{id}/variations``, ``/variations`` and the product batch."""

from __future__ import annotations

from typing import Any

from .errors import ApiError
from .listing_reader import ListingReader
from .money import parse_cents
from .render_products import product_json, tax_rate_json, variation_json
from .store import SandboxStore
from .store_catalog import ProductQuery
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
    query_int,
    query_int_list,
    query_list,
    to_wp_bool,
    type_error,
)

BATCH_LIMIT = 100
PRODUCT_TYPES = ["simple", "grouped", "external", "variable"]
POST_STATUSES = ["draft", "pending", "private", "publish", "future"]
STRING_FIELDS = {"name": "name", "sku": "sku", "global_unique_id": "gtin", "tax_class": "tax_class",
                 "description": "description", "short_description": "short_description"}
ENUM_FIELDS = {"type": PRODUCT_TYPES, "status": POST_STATUSES, "tax_status": ["taxable", "shipping", "none"],
               "stock_status": ["instock", "outofstock", "onbackorder"], "backorders": ["no", "notify", "yes"]}


def product_fields(body: dict[str, Any], strict: bool = True) -> tuple[dict[str, Any], int | None]:
    """REST body -> store fields and ``inventory_delta``. ``strict=False`` is the batch mode,
    where WooCommerce skips schema validation and PHP casts whatever it gets."""
    out: dict[str, Any] = {}
    for name, column in STRING_FIELDS.items():
        if name in body and body[name] is not None:
            out[column] = check_str(name, body[name]) if strict else str(body[name])
    for name, allowed in ENUM_FIELDS.items():
        if name in body and body[name] is not None:
            if strict:
                out[name] = check_enum(name, body[name], allowed)
            elif body[name] in allowed:
                out[name] = body[name]
    for name in ("regular_price", "sale_price"):
        if name in body and body[name] is not None:
            value = check_str(name, body[name]) if strict else str(body[name])
            try:
                out[name] = parse_cents(value)
            except ValueError:
                out[name] = None  # wc_format_decimal() turns text into ''
    if "manage_stock" in body and body["manage_stock"] is not None:
        out["manage_stock"] = check_bool("manage_stock", body["manage_stock"]) if strict else bool(
            to_wp_bool(body["manage_stock"]))
    for name in ("stock_quantity", "menu_order"):
        if name in body and body[name] is not None:
            out[name] = check_int(name, body[name]) if strict else lenient_int(body[name])
    for name in ("attributes", "default_attributes", "categories", "meta_data"):
        if name in body and body[name] is not None and not isinstance(body[name], list):
            if strict:
                raise type_error(name, "array")
            body = {k: v for k, v in body.items() if k != name}
    if isinstance(body.get("attributes"), list):
        out["attributes"] = [a for a in body["attributes"] if isinstance(a, dict)]
    if isinstance(body.get("default_attributes"), list):
        out["default_attributes"] = [a for a in body["default_attributes"] if isinstance(a, dict)]
    if isinstance(body.get("categories"), list):
        out["category_ids"] = [lenient_int(c.get("id")) for c in body["categories"] if isinstance(c, dict)]
    if isinstance(body.get("meta_data"), list):
        out["meta_data"] = body["meta_data"]
    delta = lenient_int(body["inventory_delta"]) if body.get("inventory_delta") not in (None, "") else None
    return out, delta


def product_query(req: Request, scope: str, parent_id: int = 0) -> ProductQuery:
    page, per_page = page_args(req)
    orderby = ["date", "modified", "id", "include", "title", "slug", "price", "popularity", "rating", "menu_order"]
    return ProductQuery(
        scope=scope, parent_id=parent_id, sku=query_list(req, "sku"), gtin=query_list(req, "global_unique_id"),
        search=str(req.query.get("search") or ""), search_sku=str(req.query.get("search_sku") or ""),
        include=query_int_list(req, "include"), exclude=query_int_list(req, "exclude"),
        status=query_enum(req, "status", ["any", "future", "trash", "draft", "pending", "private", "publish"], "any"),
        type=query_enum(req, "type", PRODUCT_TYPES, "") if scope == "products" else "",
        stock_status=query_enum(req, "stock_status", ENUM_FIELDS["stock_status"], ""),
        category=query_int(req, "category", 0), modified_after=query_date(req, "modified_after"),
        modified_before=query_date(req, "modified_before"), after=query_date(req, "after"),
        before=query_date(req, "before"), orderby=query_enum(req, "orderby", orderby, "date"),
        order=query_enum(req, "order", ["asc", "desc"], "desc"), page=page, per_page=per_page,
        offset=offset_arg(req))


def wants(req: Request, field: str) -> bool:
    """Whether the answer keeps ``field`` after the ``?_fields=`` filter (``server.filter_fields``)."""
    fields = req.query.get("_fields")
    if not fields:
        return True
    names = fields.split(",") if isinstance(fields, str) else fields
    return any(n.strip() == field or n.strip().startswith(field + ".") for n in names)


def register(router: Router, store: SandboxStore) -> None:
    def apply_meta(fields: dict[str, Any], current: list[dict[str, Any]]) -> dict[str, Any]:
        if "meta_data" in fields:
            fields["meta"] = store.merge_meta(current, fields.pop("meta_data"))
        return fields

    def render(req: Request, row: dict[str, Any], single: bool = True) -> dict[str, Any]:
        return product_json(req, store, row, single=single)

    def get_or_404(product_id: int) -> dict[str, Any]:
        row = store.get_product(product_id)
        if row is None:
            raise ApiError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        return row

    def list_products(req: Request) -> Response:
        q = product_query(req, "products")
        rows, total = store.list_products(q)
        reader = ListingReader(store, related=wants(req, "related_ids"))
        return paged(req, [product_json(req, reader, r) for r in rows], total, q.page, q.per_page, "/wc/v3/products")

    def create(req: Request, strict: bool = True) -> dict[str, Any]:
        fields, _ = product_fields(req.json(), strict)
        return store.create_product(apply_meta(fields, []))

    def create_product(req: Request) -> Response:
        row = create(req)
        return Response(201, render(req, row), {"Location": req.rest_url(f"/wc/v3/products/{row['id']}")})

    def get_product(req: Request) -> Response:
        return Response(200, render(req, get_or_404(int(req.params["id"]))))

    def update(product_id: int, body: dict[str, Any], strict: bool = True, parent_id: int | None = None
               ) -> dict[str, Any]:
        fields, delta = product_fields(body, strict)
        current = store.get_product(product_id)
        return store.update_product(product_id, apply_meta(fields, current["meta"] if current else []), delta,
                                    parent_id=parent_id)

    def update_product(req: Request) -> Response:
        return Response(200, render(req, update(int(req.params["id"]), req.json())))

    def delete_product(req: Request) -> Response:
        row = get_or_404(int(req.params["id"]))
        body = render(req, row)
        deleted = store.delete_product(row["id"], force=query_bool(req, "force", False))
        return Response(200, body if deleted["status"] != "trash" else render(req, deleted))

    def batch(req: Request, parent_id: int = 0) -> Response:
        body = req.json()
        groups = {k: body[k] for k in ("create", "update", "delete") if isinstance(body.get(k), list)}
        if sum(len(v) for v in groups.values()) > BATCH_LIMIT:
            raise ApiError(413, "woocommerce_rest_request_entity_too_large",
                           f"Unable to accept more than {BATCH_LIMIT} items for this request.")
        out: dict[str, list[Any]] = {}
        def one(row: dict[str, Any]) -> dict[str, Any]:
            return variation_json(req, store, row) if parent_id else render(req, row)

        for kind, items in groups.items():
            out[kind] = []
            for item in items:
                item_id = lenient_int(item.get("id", 0) if isinstance(item, dict) else item)
                try:
                    if kind == "create":
                        fields, _ = product_fields(item if isinstance(item, dict) else {}, strict=False)
                        out[kind].append(one(store.create_product(apply_meta(fields, []), parent_id=parent_id)))
                    elif kind == "update":
                        row = update(item_id, item, strict=False, parent_id=parent_id or None)
                        out[kind].append(one(row))
                    else:
                        row = get_or_404(item_id)
                        rendered = one(row)
                        store.delete_product(item_id, force=True)
                        out[kind].append(rendered)
                except ApiError as err:
                    out[kind].append({"id": item_id, "error": {"code": err.code, "message": err.message,
                                                               "data": {"status": err.status}}})
        return Response(200, out)

    # variations
    def parent_or_404(req: Request) -> dict[str, Any]:
        parent = store.get_product(int(req.params["product_id"]))
        if parent is None or parent["type"] == "variation":
            raise ApiError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
        return parent

    def variation_or_404(req: Request) -> dict[str, Any]:
        row = store.get_product(int(req.params["id"]))
        if row is None or row["parent_id"] != int(req.params["product_id"]):
            raise ApiError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
        return row

    def list_variations(req: Request) -> Response:
        parent = parent_or_404(req)
        q = product_query(req, "children", parent["id"])
        rows, total = store.list_products(q)
        reader = ListingReader(store)
        return paged(req, [variation_json(req, reader, r) for r in rows], total, q.page, q.per_page,
                     f"/wc/v3/products/{parent['id']}/variations")

    def create_variation(req: Request) -> Response:
        parent = parent_or_404(req)
        fields, _ = product_fields(req.json())
        row = store.create_product(apply_meta(fields, []), parent_id=parent["id"])
        location = req.rest_url(f"/wc/v3/products/(?P<product_id>[\\d]+)/variations/{row['id']}")  # quirk (01c)
        return Response(201, variation_json(req, store, row), {"Location": location})

    def get_variation(req: Request) -> Response:
        return Response(200, variation_json(req, store, variation_or_404(req)))

    def update_variation(req: Request) -> Response:
        row = variation_or_404(req)
        return Response(200, variation_json(req, store, update(row["id"], req.json(), parent_id=row["parent_id"])))

    def delete_variation(req: Request) -> Response:
        row = variation_or_404(req)
        if not query_bool(req, "force", False):
            raise ApiError(501, "woocommerce_rest_trash_not_supported",
                           "The product_variation does not support trashing.")
        body = variation_json(req, store, row)
        store.delete_product(row["id"], force=True)
        return Response(200, body)

    def all_variations(req: Request) -> Response:
        q = product_query(req, "variations")
        rows, total = store.list_products(q)
        reader = ListingReader(store)
        return paged(req, [variation_json(req, reader, r, nested=False) for r in rows], total, q.page, q.per_page,
                     "/wc/v3/variations")

    def one_variation(req: Request) -> Response:
        row = store.get_product(int(req.params["id"]))
        if row is None or row["type"] != "variation":
            raise ApiError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID.")
        return Response(200, variation_json(req, store, row, nested=False))

    def taxes(req: Request) -> Response:
        rates = store.tax_rates()
        return paged(req, [tax_rate_json(req, r) for r in rates], len(rates), 1, 100, "/wc/v3/taxes")

    def tax_classes(req: Request) -> Response:
        return Response(200, [{"slug": r["class"], "name": r["class_name"], "_links": {}} for r in store.tax_rates()])

    base, var = "/wc/v3/products", r"/wc/v3/products/(?P<product_id>\d+)/variations"
    router.add(base, READ, list_products, "list")
    router.add(base, CREATE, create_product, "create")
    router.add(base + "/batch", EDIT, batch, "batch")
    router.add(base + r"/(?P<id>\d+)", READ, get_product, "read")
    router.add(base + r"/(?P<id>\d+)", EDIT, update_product, "edit")
    router.add(base + r"/(?P<id>\d+)", DELETE, delete_product, "delete")
    router.add(var, READ, list_variations, "list")
    router.add(var, CREATE, create_variation, "create")
    router.add(var + "/batch", EDIT, lambda req: batch(req, parent_or_404(req)["id"]), "batch")
    router.add(var + r"/(?P<id>\d+)", READ, get_variation, "read")
    router.add(var + r"/(?P<id>\d+)", EDIT, update_variation, "edit")
    router.add(var + r"/(?P<id>\d+)", DELETE, delete_variation, "delete")
    router.add("/wc/v3/variations", READ, all_variations, "list")
    router.add(r"/wc/v3/variations/(?P<id>\d+)", READ, one_variation, "read")
    router.add("/wc/v3/taxes", READ, taxes, "list")
    router.add("/wc/v3/taxes/classes", READ, tax_classes, "list")
