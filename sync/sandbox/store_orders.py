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
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .errors import ApiError
from .money import exclusive_tax, fold, net_unit_price, parse_cents, round_tax, split_inclusive_tax
from .store_base import BILLING_KEYS, SHIPPING_KEYS, address, decode_row
from .store_notes import OrderNotesMixin

ORDER_STATUSES = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed",
                  "checkout-draft"]
STATUS_LABELS = {"pending": "Pending payment", "processing": "Processing", "on-hold": "On hold",
                 "completed": "Completed", "cancelled": "Cancelled", "refunded": "Refunded", "failed": "Failed",
                 "checkout-draft": "Draft", "auto-draft": "Draft", "trash": "Trash"}
REDUCING_STATUSES = ("processing", "completed", "on-hold")
CUSTOMER_EMAILS = {"processing": "Processing order", "completed": "Completed order", "on-hold": "Order on-hold"}
ORDER_TEXT_FIELDS = ("payment_method", "payment_method_title", "transaction_id", "customer_note", "currency")
FEE_TAX_STATUSES = ("taxable", "none")


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


class OrdersMixin(OrderNotesMixin):
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
                                                 " LIMIT ? OFFSET ?", [*args, q.per_page, (q.page - 1) * q.per_page])]
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

    def _add_line_item(self, order_id: int, line: dict[str, Any]) -> None:
        product = self.get_product(int(line.get("variation_id") or 0)) or self.get_product(
            int(line.get("product_id") or 0))
        quantity = int(line.get("quantity") or 1)
        parent = self.get_product(product["parent_id"]) if product and product["parent_id"] else None
        tax_class = product["tax_class"] if product else ""
        rate = self.tax_rate_for_class(tax_class) if not product or product["tax_status"] != "none" else None
        percent = int(rate["percent"]) if rate else 0
        meta: list[dict[str, Any]] = []
        if product is None:
            name, product_id, variation_id, gross_unit = "", 0, 0, 0
        else:
            name = f"{parent['name']} - {_options(product)}" if parent else product["name"]
            product_id, variation_id = (parent["id"], product["id"]) if parent else (product["id"], 0)
            gross_unit = product["sale_price"] if product["sale_price"] is not None else product["regular_price"] or 0
            for attr in product["attributes"] if parent else []:
                meta.append(self.new_meta(fold(attr["name"]), attr["option"], display_key=attr["name"],
                                          display_value=attr["option"]))
        if line.get("total") not in (None, ""):  # explicit REST totals are tax-exclusive, as in WooCommerce
            total = parse_cents(line["total"]) or 0
            subtotal = parse_cents(line.get("subtotal")) if line.get("subtotal") not in (None, "") else total
            subtotal = total if subtotal is None else subtotal
            total_tax, subtotal_tax = exclusive_tax(total, percent), exclusive_tax(subtotal, percent)
            price = Decimal(total) / 100 / quantity if quantity else Decimal(0)
        else:
            total, total_tax = split_inclusive_tax(gross_unit * quantity, percent)
            subtotal, subtotal_tax = total, total_tax
            price = net_unit_price(gross_unit, percent)
        with self.tx() as db:
            db.execute(
                "INSERT INTO order_items(id, order_id, item_type, name, product_id, variation_id, quantity, tax_class,"
                " rate_id, subtotal, subtotal_tax, total, total_tax, price, sku, gtin, parent_name, meta) VALUES"
                " (?, ?, 'line_item', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (self.next_id("item"), order_id, name, product_id, variation_id, quantity, tax_class,
                 rate["id"] if rate else None, subtotal, subtotal_tax, total, total_tax, str(price),
                 product["sku"] if product else None, product["gtin"] if product else None,
                 parent["name"] if parent else None, json.dumps(meta)))

    def _add_shipping_line(self, order_id: int, ship: dict[str, Any]) -> None:
        total = parse_cents(ship.get("total")) or 0
        with self.tx() as db:
            db.execute("INSERT INTO order_items(id, order_id, item_type, name, method_id, rate_id, total, total_tax)"
                       " VALUES (?, ?, 'shipping', ?, ?, 1, ?, ?)",
                       (self.next_id("item"), order_id, str(ship.get("method_title") or ""),
                        str(ship.get("method_id") or ""), total, exclusive_tax(total, 21)))

    def _prepare_fees(self, raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """REST ``fee_lines`` as ``prepare_fee_lines`` takes them: a null ``name`` drops the item, an empty
        one is an error; ``tax_status`` defaults to (and an unknown value becomes) 'taxable'; ``tax_class``
        must be '' (standard) or an additional class slug."""
        slugs = {r["class"] for r in self.tax_rates()} - {"standard"}
        fees = []
        for fee in raw:
            if "name" in fee and fee["name"] is None:
                continue
            if _php_empty(fee.get("name")):
                raise ApiError(400, "woocommerce_rest_invalid_fee_item", "Fee name is required.")
            tax_class = "" if fee.get("tax_class") is None else str(fee["tax_class"])
            if tax_class not in ("", "0") and tax_class not in slugs:  # '0' (no tax) passes PHP's check
                raise ApiError(400, "order_item_fee_invalid_tax_class", "Invalid tax class")
            status = str(fee.get("tax_status") or "")
            try:
                total = parse_cents(fee.get("total")) or 0
            except ValueError:
                total = 0
            meta = fee.get("meta_data") if isinstance(fee.get("meta_data"), list) else []
            fees.append({"name": str(fee["name"]), "tax_class": tax_class, "total": total, "meta": meta,
                         "tax_status": status if status in FEE_TAX_STATUSES else "taxable"})
        return fees

    def _add_fee_line(self, order_id: int, fee: dict[str, Any]) -> None:
        """Store a prepared fee; its tax (and a cap on negative fees) comes in :meth:`_recalculate`."""
        with self.tx() as db:
            db.execute("INSERT INTO order_items(id, order_id, item_type, name, tax_class, tax_status, total, meta)"
                       " VALUES (?, ?, 'fee', ?, ?, ?, ?, ?)",
                       (self.next_id("item"), order_id, fee["name"], fee["tax_class"], fee["tax_status"],
                        fee["total"], json.dumps(self.merge_meta([], fee["meta"]))))

    def _fee_taxes(self, fee: dict[str, Any], costs: dict[str | None, int]) -> list[list[int]]:
        """``[[rate id, cents], ...]`` for one fee. ``costs``: the order's non-negative net costs by
        tax class ('' = standard, None = not taxable), in WooCommerce's order."""
        if fee["total"] >= 0:
            taxable = fee["tax_status"] == "taxable" and fee["tax_class"] != "0"
            rate = self.tax_rate_for_class(fee["tax_class"]) if taxable else None
            return [[rate["id"], exclusive_tax(fee["total"], int(rate["percent"]))]] if rate else []
        # negative: a discount spread over the taxable costs, tax_status ignored (WooCommerce does so)
        whole = sum(costs.values())
        taxes: list[list[int]] = []
        for tax_class, cost in costs.items():
            rate = self.tax_rate_for_class(tax_class) if tax_class is not None and whole else None
            if rate is not None:
                exact = Fraction(fee["total"] * cost, whole) * int(rate["percent"]) / 100
                taxes.append([rate["id"], round_tax(exact)])
        return taxes

    def _recalculate(self, order_id: int) -> None:
        """Order totals and one tax line per rate (in order of first use), like calculate_totals()."""
        with self.tx() as db:
            items = [decode_row(r) or {} for r in db.execute(
                "SELECT * FROM order_items WHERE order_id = ? AND item_type != 'tax' ORDER BY id", (order_id,))]
            db.execute("DELETE FROM order_items WHERE order_id = ? AND item_type = 'tax'", (order_id,))
            lines = [i for i in items if i["item_type"] == "line_item"]
            ships = [i for i in items if i["item_type"] == "shipping"]
            fees = [i for i in items if i["item_type"] == "fee"]
            cart_total = sum(i["total"] for i in lines)
            ship_total, ship_tax = sum(i["total"] for i in ships), sum(i["total_tax"] for i in ships)
            fees_total = 0
            for fee in fees:  # a negative fee may not take the order below zero
                floor = -(cart_total + fees_total + ship_total)
                if fee["total"] < floor < 0:
                    fee["total"] = floor
                fees_total += fee["total"]
            costs = self._tax_class_costs(lines, fees, ships)
            for fee in fees:
                fee["taxes"] = self._fee_taxes(fee, costs)
                fee["total_tax"] = sum(cents for _, cents in fee["taxes"])
                db.execute("UPDATE order_items SET total = ?, total_tax = ?, taxes = ? WHERE id = ?",
                           (fee["total"], fee["total_tax"], json.dumps(fee["taxes"]), fee["id"]))
            cart_tax = sum(i["total_tax"] for i in lines) + sum(f["total_tax"] for f in fees)
            total = cart_total + fees_total + cart_tax + ship_total + ship_tax
            rates: dict[int, list[int]] = {}
            for item in lines:
                if item["rate_id"] is not None:
                    rates.setdefault(item["rate_id"], [0, 0])[0] += item["total_tax"]
            for fee in fees:
                for rate_id, cents in fee["taxes"]:
                    rates.setdefault(rate_id, [0, 0])[0] += cents
            for item in ships:
                if item["rate_id"] is not None and (item["total"] or item["rate_id"] in rates):
                    rates.setdefault(item["rate_id"], [0, 0])[1] += item["total_tax"]
            for rate_id, (tax, shipping_tax) in rates.items():
                db.execute("INSERT INTO order_items(id, order_id, item_type, rate_id, total_tax, subtotal_tax)"
                           " VALUES (?, ?, 'tax', ?, ?, ?)",
                           (self.next_id("item"), order_id, rate_id, tax, shipping_tax))
            db.execute("UPDATE orders SET total = ?, total_tax = ?, cart_tax = ?, shipping_total = ?, shipping_tax = ?"
                       " WHERE id = ?", (total, cart_tax + ship_tax, cart_tax, ship_total, ship_tax, order_id))

    @staticmethod
    def _tax_class_costs(lines: list[dict[str, Any]], fees: list[dict[str, Any]],
                         ships: list[dict[str, Any]]) -> dict[str | None, int]:
        """``get_tax_class_costs``: non-negative net totals by tax class (None = not taxable), the
        line items' classes first; shipping 'inherits' the first line item class."""
        line_classes = list(dict.fromkeys(i["tax_class"] for i in lines if i["rate_id"] is not None))
        costs: dict[str | None, int] = dict.fromkeys([*line_classes, None], 0)
        entries = [(i["total"], i["tax_class"] if i["rate_id"] is not None else None) for i in lines]
        entries += [(f["total"], f["tax_class"] if f["tax_status"] == "taxable" else None) for f in fees]
        entries += [(s["total"], line_classes[0] if line_classes else "") for s in ships]
        for total, tax_class in entries:
            if total >= 0:
                costs[tax_class] = costs.get(tax_class, 0) + total
        return {k: v for k, v in costs.items() if v}

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




def _php_empty(value: Any) -> bool:
    return value is None or value is False or value in ("", "0", 0, [], {})


def _options(variation: dict[str, Any]) -> str:
    return ", ".join(str(a.get("option", "")) for a in variation["attributes"])
