"""Orders, their line items, stock reduction and order notes, with WooCommerce's rules:

* an order created (or moved) to processing / completed / on-hold, or paid with ``set_paid``,
  reduces stock once ("Stock levels reduced: ..." note, ``_reduced_stock`` item meta);
  processing -> completed does not reduce again; cancelled / pending give the stock back;
* there is no availability check (stock can go negative) and no idempotency;
* an unknown ``product_id`` gives an empty 0.00 line, not an error;
* line totals come from catalogue prices: VAT-inclusive price split into net + tax per line;
* fee lines (``fee_lines`` on create) are net amounts added to the order total: a taxable fee
  pays its tax class's rate on top, an untaxed one none - but a *negative* fee, whatever its
  ``tax_status``, takes back tax in proportion to the order's taxable costs, and may not take the
  order below zero (``WC_Order_Item_Fee::calculate_taxes`` and ``calculate_totals``).
"""

from __future__ import annotations

import json
import secrets
import string
from dataclasses import dataclass
from typing import Any

from .errors import ApiError
from .money import fold
from .store_base import BILLING_KEYS, SHIPPING_KEYS, address, decode_row
from .store_order_items import OrderItemsMixin

ORDER_STATUSES = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed",
                  "checkout-draft"]
STATUS_LABELS = {"pending": "Pending payment", "processing": "Processing", "on-hold": "On hold",
                 "completed": "Completed", "cancelled": "Cancelled", "refunded": "Refunded", "failed": "Failed",
                 "checkout-draft": "Draft", "auto-draft": "Draft", "trash": "Trash"}
REDUCING_STATUSES = ("processing", "completed", "on-hold")
CUSTOMER_EMAILS = {"processing": "Processing order", "completed": "Completed order", "on-hold": "Order on-hold"}
ORDER_TEXT_FIELDS = ("payment_method", "payment_method_title", "transaction_id", "customer_note", "currency")


@dataclass
class OrderQuery:
    statuses: list[str] | None = None  # None = "any" (everything but trash)
    created_via: list[str] | None = None
    customer: int | None = None
    search: str = ""
    product: int = 0
    include: list[int] | None = None
    exclude: list[int] | None = None
    modified_after: int | None = None
    modified_before: int | None = None
    after: int | None = None
    before: int | None = None
    orderby: str = "date"
    order: str = "desc"
    page: int = 1
    per_page: int = 10
    offset: int | None = None  # as in WordPress: when given, ``page`` is ignored

    @property
    def skip(self) -> int:
        return self.offset if self.offset is not None else (self.page - 1) * self.per_page


class OrdersMixin(OrderItemsMixin):
    # ------------------------------------------------------------ reads

    def get_order(self, order_id: int, kind: str = "order") -> dict[str, Any] | None:
        """The order (or refund) row with ``items`` (all item rows) and, for orders, ``refund_rows``."""
        with self.tx() as db:
            order = decode_row(db.execute("SELECT * FROM orders WHERE id = ? AND kind = ?",
                                          (order_id, kind)).fetchone())
            if order is None:
                return None
            items = db.execute("SELECT * FROM order_items WHERE order_id = ? ORDER BY id", (order_id,)).fetchall()
            order["items"] = [decode_row(r) for r in items]
            if kind == "order":
                refunds = db.execute("SELECT o.id, o.reason, o.amount, (SELECT COALESCE(SUM(total_tax), 0) FROM"
                                     " order_items i WHERE i.order_id = o.id AND i.item_type IN ('line_item', 'fee'))"
                                     " AS tax"
                                     " FROM orders o WHERE kind = 'refund' AND parent_id = ? ORDER BY created DESC,"
                                     " id DESC", (order_id,)).fetchall()
                order["refund_rows"] = [dict(r) for r in refunds]
            return order

    def list_orders(self, q: OrderQuery) -> tuple[list[dict[str, Any]], int]:
        where: list[str] = ["o.kind = 'order'"]
        args: list[Any] = []
        if q.statuses is None or "any" in q.statuses:
            where.append("o.status NOT IN ('trash', 'auto-draft', 'checkout-draft')")
        else:
            where.append(f"o.status IN ({','.join('?' * len(q.statuses))})")
            args += q.statuses
        for column, values in (("o.created_via", q.created_via), ("o.id", q.include)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args += values
        if q.exclude:
            where.append(f"o.id NOT IN ({','.join('?' * len(q.exclude))})")
            args += q.exclude
        if q.customer is not None:
            where.append("o.customer_id = ?")
            args.append(q.customer)
        if q.product:
            where.append("EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND (i.product_id = ?"
                         " OR i.variation_id = ?))")
            args += [q.product, q.product]
        if q.search:  # HPOS search: id, addresses/e-mail, item names - never meta (08b)
            term = fold(q.search)
            where.append("(CAST(o.id AS TEXT) = ? OR instr(fold(o.billing), ?) OR instr(fold(o.shipping), ?)"
                         " OR EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND instr(fold(i.name), ?)))")
            args += [q.search.strip(), term, term, term]
        for column, op, value in (("o.modified", ">", q.modified_after), ("o.modified", "<", q.modified_before),
                                  ("o.created", ">", q.after), ("o.created", "<", q.before)):
            if value is not None:
                where.append(f"{column} {op} ?")
                args.append(value)
        direction = "ASC" if q.order == "asc" else "DESC"
        column = {"id": "o.id", "modified": "o.modified"}.get(q.orderby, "o.created")
        order_sql = f"{column} {direction}, o.id {direction}"
        if q.orderby == "include" and q.include:
            order_sql = "CASE o.id " + " ".join(f"WHEN {int(i)} THEN {n}" for n, i in enumerate(q.include)) + " END"
        sql = " AND ".join(where)
        with self.tx() as db:
            total = int(db.execute(f"SELECT count(*) FROM orders o WHERE {sql}", args).fetchone()[0])
            ids = [int(r[0]) for r in db.execute(f"SELECT o.id FROM orders o WHERE {sql} ORDER BY {order_sql}"
                                                 " LIMIT ? OFFSET ?", [*args, q.per_page, q.skip])]
            return [o for o in (self.get_order(i) for i in ids) if o is not None], total

    # ------------------------------------------------------------ writes

    def create_order(self, data: dict[str, Any]) -> dict[str, Any]:
        """Create an order from REST fields (already type-checked by the route).

        An invalid ``status`` is stored as 'pending' (what batch sub-requests do, 20b).
        """
        with self.tx() as db:
            fees = self._prepare_fees(data.get("fee_lines") or [])  # WooCommerce checks items before the customer
            customer_id = int(data.get("customer_id") or 0)
            if customer_id and self.get_user(customer_id) is None:
                raise ApiError(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.")
            order_id = self.next_id("post")
            now = self.now()
            key = "wc_order_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(13))
            db.execute(
                "INSERT INTO orders(id, kind, status, currency, customer_id, billing, shipping, payment_method,"
                " payment_method_title, transaction_id, created_via, customer_note, order_key, meta, created, modified)"
                " VALUES (?, 'order', 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (order_id, data.get("currency") or self.setting("currency"), customer_id,
                 json.dumps(address(data.get("billing"), BILLING_KEYS)),
                 json.dumps(address(data.get("shipping"), SHIPPING_KEYS)),
                 *(str(data.get(k) or "") for k in ("payment_method", "payment_method_title", "transaction_id")),
                 str(data.get("created_via") or "rest-api"), str(data.get("customer_note") or ""), key,
                 json.dumps(self.merge_meta([], list(data.get("meta_data") or []))), now, now))
            for line in data.get("line_items") or []:
                self._add_line_item(order_id, line)
            for ship in data.get("shipping_lines") or []:
                self._add_shipping_line(order_id, ship)
            for fee in fees:
                self._add_fee_line(order_id, fee)
            self._recalculate(order_id)
            status = data.get("status") if data.get("status") in ORDER_STATUSES else "pending"
            self._change_status(order_id, str(status), set_paid=data.get("set_paid") is True, creating=True)
            order = self.get_order(order_id)
            assert order is not None
            return order

    def update_order(self, order_id: int, data: dict[str, Any]) -> dict[str, Any]:
        """PUT /orders/{id}: status and simple fields; ``created_via`` is read-only after creation and
        line items and fee lines cannot be edited in the sandbox (ignored)."""
        with self.tx() as db:
            order = self.get_order(order_id)
            if order is None:
                raise ApiError(400, "woocommerce_rest_shop_order_invalid_id", "ID is invalid.")
            if "customer_id" in data:
                customer_id = int(data["customer_id"] or 0)
                if customer_id and self.get_user(customer_id) is None:
                    raise ApiError(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.")
                db.execute("UPDATE orders SET customer_id = ? WHERE id = ?", (customer_id, order_id))
            for name in ORDER_TEXT_FIELDS:
                if name in data and data[name] is not None:
                    db.execute(f"UPDATE orders SET {name} = ? WHERE id = ?", (str(data[name]), order_id))
            for name, keys in (("billing", BILLING_KEYS), ("shipping", SHIPPING_KEYS)):
                if isinstance(data.get(name), dict):
                    merged = address({**order[name], **data[name]}, keys)
                    db.execute(f"UPDATE orders SET {name} = ? WHERE id = ?", (json.dumps(merged), order_id))
            if data.get("meta_data"):
                meta = self.merge_meta(order["meta"], list(data["meta_data"]))
                db.execute("UPDATE orders SET meta = ? WHERE id = ?", (json.dumps(meta), order_id))
            db.execute("UPDATE orders SET modified = ? WHERE id = ?", (self.now(), order_id))
            status = str(data.get("status") or order["status"])
            if status not in ORDER_STATUSES:
                status = order["status"]
            self._change_status(order_id, status, set_paid=data.get("set_paid") is True)
            updated = self.get_order(order_id)
            assert updated is not None
            return updated

    def delete_order(self, order_id: int, force: bool) -> dict[str, Any]:
        """Trash or delete an order; like WooCommerce this never restocks."""
        with self.tx() as db:
            order = self.get_order(order_id)
            if order is None:
                raise ApiError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.")
            if force:
                refund_ids = [r["id"] for r in order["refund_rows"]]
                for oid in [order_id, *refund_ids]:
                    db.execute("DELETE FROM order_items WHERE order_id = ?", (oid,))
                    db.execute("DELETE FROM orders WHERE id = ?", (oid,))
                db.execute("DELETE FROM notes WHERE order_id = ?", (order_id,))
                return order
            if order["status"] == "trash":
                raise ApiError(410, "woocommerce_rest_already_trashed", "The order has already been deleted.")
            db.execute("UPDATE orders SET status = 'trash', modified = ? WHERE id = ?", (self.now(), order_id))
            trashed = self.get_order(order_id)
            assert trashed is not None
            return trashed

    # ------------------------------------------------------------ internals

    def _change_status(self, order_id: int, new: str, *, set_paid: bool = False, creating: bool = False) -> None:
        with self.tx() as db:
            order = self.get_order(order_id)
            assert order is not None
            old, now = order["status"], self.now()
            if set_paid and (creating or new in ("pending", "on-hold", "failed", "cancelled")):
                if new in ("pending", "on-hold", "failed", "cancelled"):
                    new = "processing"
                db.execute("UPDATE orders SET paid = COALESCE(paid, ?) WHERE id = ?", (now, order_id))
            if new == old:
                return
            if new in REDUCING_STATUSES and not order["stock_reduced"]:
                self._reduce_stock(order)
            if new in ("cancelled", "pending") and order["stock_reduced"]:
                self._restore_stock(order)
            paid_now = new == "completed" or (new == "processing" and order["payment_method"] != "cod")
            db.execute("UPDATE orders SET status = ?, modified = ?, completed = CASE WHEN ? THEN ? ELSE completed END,"
                       " paid = CASE WHEN ? THEN COALESCE(paid, ?) ELSE paid END WHERE id = ?",
                       (new, now, new == "completed", now, paid_now, now, order_id))
            self.add_order_note(order_id, f"Order status changed from {STATUS_LABELS.get(old, old)} to"
                                          f" {STATUS_LABELS.get(new, new)}.")
            if creating and new in REDUCING_STATUSES:
                self.add_order_note(order_id, 'Email "New order" sent.')
            if new in CUSTOMER_EMAILS and order["billing"].get("email"):
                self.add_order_note(order_id, f'Email "{CUSTOMER_EMAILS[new]}" sent.')
            if new in ("processing", "completed") and order["customer_id"]:
                self.mark_paying_customer(order["customer_id"])
                self.credit_order_cashback(order_id)
