"""``/wc/v3/customers`` (WordPress users with role customer)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from .errors import ApiError, invalid_param, missing_params
from .money import iso_gmt, iso_local
from .store import SandboxStore
from .web import (
    ALL_METHODS,
    CREATE,
    DELETE,
    EDIT,
    READ,
    Request,
    Response,
    Router,
    check_str,
    lenient_int,
    links,
    page_args,
    paged,
    query_bool,
    query_enum,
    query_int_list,
    type_error,
)

CUSTOMER_BILLING = ["first_name", "last_name", "company", "address_1", "address_2", "city", "postcode", "country",
                    "state", "email", "phone"]
CUSTOMER_SHIPPING = [k for k in CUSTOMER_BILLING if k != "email"]
ROLES = ["all", "administrator", "editor", "author", "contributor", "subscriber", "customer", "shop_manager"]
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def avatar_url(email: str) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"https://secure.gravatar.com/avatar/{digest}?s=96&d=mm&r=g"


def customer_json(req: Request, user: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": user["id"], "date_created": iso_local(user["created"]), "date_created_gmt": iso_gmt(user["created"]),
        "date_modified": iso_local(user["modified"]), "date_modified_gmt": iso_gmt(user["modified"]),
        "email": user["email"], "first_name": user["first_name"], "last_name": user["last_name"],
        "role": user["role"], "username": user["login"],
        "billing": {k: user["billing"].get(k, "") for k in CUSTOMER_BILLING},
        "shipping": {k: user["shipping"].get(k, "") for k in CUSTOMER_SHIPPING},
        "is_paying_customer": bool(user["is_paying"]), "avatar_url": avatar_url(user["email"]),
        "meta_data": [m for m in user["meta"] if not str(m["key"]).startswith("_")],
        "_links": links(req, f"/wc/v3/customers/{user['id']}", "/wc/v3/customers", ALL_METHODS),
    }


def customer_fields(body: dict[str, Any], creating: bool) -> dict[str, Any]:
    if creating and not body.get("email"):
        raise missing_params(["email"])
    out: dict[str, Any] = {}
    for name in ("email", "first_name", "last_name", "username", "password"):
        if body.get(name) is not None:
            out[name] = check_str(name, body[name])
    if "email" in out and not _EMAIL_RE.match(out["email"].strip()):
        raise invalid_param("email", "Invalid email address.", "rest_invalid_email")
    for name in ("billing", "shipping"):
        if body.get(name) is not None:
            if not isinstance(body[name], dict):
                raise type_error(name, "object")
            out[name] = body[name]
    if body.get("meta_data") is not None:
        if not isinstance(body["meta_data"], list):
            raise type_error("meta_data", "array")
        out["meta_data"] = body["meta_data"]
    return out


def register(router: Router, store: SandboxStore) -> None:
    def user_or_404(req: Request) -> dict[str, Any]:
        user = store.get_user(int(req.params["id"]))
        if user is None:
            raise ApiError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")
        return user

    def list_customers(req: Request) -> Response:
        page, per_page = page_args(req)
        rows, total = store.list_customers(
            email=str(req.query.get("email") or ""), search=str(req.query.get("search") or ""),
            role=query_enum(req, "role", ROLES, "customer"), include=query_int_list(req, "include"),
            exclude=query_int_list(req, "exclude"),
            orderby=query_enum(req, "orderby", ["id", "include", "name", "registered_date"], "name"),
            order=query_enum(req, "order", ["asc", "desc"], "asc"), page=page, per_page=per_page)
        return paged(req, [customer_json(req, u) for u in rows], total, page, per_page, "/wc/v3/customers")

    def create_customer(req: Request) -> Response:
        user = store.create_customer(customer_fields(req.json(), creating=True))
        return Response(201, customer_json(req, user), {"Location": req.rest_url(f"/wc/v3/customers/{user['id']}")})

    def get_customer(req: Request) -> Response:
        return Response(200, customer_json(req, user_or_404(req)))

    def update_customer(req: Request) -> Response:
        user = store.update_customer(int(req.params["id"]), customer_fields(req.json(), creating=False))
        return Response(200, customer_json(req, user))

    def delete_customer(req: Request) -> Response:
        user_or_404(req)
        if not query_bool(req, "force", False):
            raise ApiError(501, "woocommerce_rest_trash_not_supported", "Customers do not support trashing.")
        return Response(200, customer_json(req, store.delete_customer(int(req.params["id"]))))

    def batch(req: Request) -> Response:
        body = req.json()
        out: dict[str, list[Any]] = {}
        for kind in ("create", "update", "delete"):
            if not isinstance(body.get(kind), list):
                continue
            out[kind] = []
            for item in body[kind]:
                item_id = lenient_int(item.get("id", 0) if isinstance(item, dict) else item)
                try:
                    if kind == "create":
                        user = store.create_customer(customer_fields(item, creating=True))
                    elif kind == "update":
                        user = store.update_customer(item_id, customer_fields(item, creating=False))
                    else:
                        user = store.delete_customer(item_id)
                    out[kind].append(customer_json(req, user))
                except ApiError as err:
                    out[kind].append({"id": item_id, "error": {"code": err.code, "message": err.message,
                                                               "data": {"status": err.status}}})
        return Response(200, out)

    base = "/wc/v3/customers"
    router.add(base, READ, list_customers, "list")
    router.add(base, CREATE, create_customer, "create")
    router.add(base + "/batch", EDIT, batch, "batch")
    router.add(base + r"/(?P<id>\d+)", READ, get_customer, "read")
    router.add(base + r"/(?P<id>\d+)", EDIT, update_customer, "edit")
    router.add(base + r"/(?P<id>\d+)", DELETE, delete_customer, "delete")
