"""WooCommerce customers (REST v3, consumer key) for the till's customer list and card.

Recordings 14-16: ``POST /customers`` drops ``_``-prefixed meta, so the loyalty code travels as the
plain meta ``pos_customer_id`` (14c); a duplicate e-mail is 400 ``registration-error-email-exists``
(14b); ``?email=`` is exact (15); ``?search=`` looks at login/e-mail/display name but not at the
billing phone (16b). The customers listing has no ``modified_after`` filter, so new customers are
found by id (``orderby=id``, newest first, down to the highest id already known) and changes to
known ones by a periodic full listing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sync.loyalty_types import RemoteCustomer, RemoteCustomerOrder
from sync.woocommerce.client import MAX_PER_PAGE, WooClient
from sync.woocommerce.money import to_minor
from sync.woocommerce.orders import UUID_META, meta_value
from sync.woocommerce.products import EPOCH, parse_gmt

CODE_META = "pos_customer_id"
EMAIL_EXISTS = "registration-error-email-exists"


def to_remote_customer(raw: Mapping[str, Any]) -> RemoteCustomer:
    billing = raw.get("billing") or {}
    shipping = raw.get("shipping") or {}
    return RemoteCustomer(
        remote_id=int(raw["id"]), email=str(raw.get("email") or ""),
        first_name=str(raw.get("first_name") or billing.get("first_name") or ""),
        last_name=str(raw.get("last_name") or billing.get("last_name") or ""),
        phone=str(billing.get("phone") or shipping.get("phone") or ""),
        loyalty_code=str(meta_value(raw, CODE_META) or ""),
        modified_gmt=parse_gmt(raw.get("date_modified_gmt")))


class CustomersApi:
    def __init__(self, client: WooClient, places: int = 2) -> None:
        self._client = client
        self._places = places

    def all(self) -> Iterator[list[RemoteCustomer]]:
        """Every customer, oldest id first, a page at a time."""
        for resp in self._client.paginate("wc/v3/customers", {"orderby": "id", "order": "asc"}):
            yield [to_remote_customer(r) for r in resp.data if isinstance(r, dict) and "id" in r]

    def newer_than(self, known_max_id: int) -> Iterator[list[RemoteCustomer]]:
        """Customers with an id above ``known_max_id`` (newest first; stops at the first known one)."""
        for resp in self._client.paginate("wc/v3/customers", {"orderby": "id", "order": "desc"}):
            page = [to_remote_customer(r) for r in resp.data if isinstance(r, dict) and "id" in r]
            fresh = [c for c in page if c.remote_id > known_max_id]
            if fresh:
                yield fresh
            if len(fresh) < len(page):
                return

    def get(self, remote_id: int) -> RemoteCustomer:
        return to_remote_customer(self._client.get(f"wc/v3/customers/{remote_id}").data)

    def by_email(self, email: str) -> RemoteCustomer | None:
        resp = self._client.get("wc/v3/customers", {"email": email, "role": "all"})
        found = [to_remote_customer(r) for r in resp.data if isinstance(r, dict)] if isinstance(resp.data, list) else []
        return found[0] if found else None

    def search(self, text: str) -> list[RemoteCustomer]:
        resp = self._client.get("wc/v3/customers", {"search": text, "per_page": 20})
        return [to_remote_customer(r) for r in resp.data if isinstance(r, dict)] if isinstance(resp.data, list) else []

    def create(self, *, email: str, first_name: str, last_name: str, phone: str, loyalty_code: str) -> RemoteCustomer:
        """``POST /customers`` (14). Raises ``PermanentError`` code ``registration-error-email-exists``
        when the e-mail already has an account (14b): link that one instead."""
        address = {"first_name": first_name, "last_name": last_name, "phone": phone}
        body = {"email": email, "first_name": first_name, "last_name": last_name,
                "billing": {**address, "email": email}, "shipping": address,
                "meta_data": [{"key": CODE_META, "value": loyalty_code}]}
        return to_remote_customer(self._client.post("wc/v3/customers", body).data)

    def set_code(self, remote_id: int, loyalty_code: str) -> RemoteCustomer:
        """Store the loyalty code on an existing account (14c: a plain meta key is kept)."""
        resp = self._client.request("PUT", f"wc/v3/customers/{remote_id}",
                                    json_body={"meta_data": [{"key": CODE_META, "value": loyalty_code}]})
        return to_remote_customer(resp.data)

    def orders(self, remote_id: int, limit: int = 50) -> list[RemoteCustomerOrder]:
        """The customer's orders, newest first (``?customer=``)."""
        resp = self._client.get("wc/v3/orders", {
            "customer": remote_id, "per_page": min(limit, MAX_PER_PAGE), "orderby": "date", "order": "desc",
            "_fields": "id,number,status,total,date_created_gmt,meta_data,line_items"})
        out = []
        for raw in resp.data if isinstance(resp.data, list) else []:
            if not isinstance(raw, dict) or "id" not in raw:
                continue
            items = ", ".join(f"{i.get('name')} ×{i.get('quantity')}" for i in raw.get("line_items") or []
                              if isinstance(i, dict))
            out.append(RemoteCustomerOrder(
                remote_id=int(raw["id"]), number=str(raw.get("number") or raw["id"]), status=str(raw.get("status")),
                total_minor=to_minor(raw.get("total"), self._places) or 0,
                created_gmt=parse_gmt(raw.get("date_created_gmt")) or EPOCH, items=items[:250],
                pos_sale_uuid=str(meta_value(raw, UUID_META) or "")))
        return out
