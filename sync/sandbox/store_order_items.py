"""Order line items, shipping and fee lines, and order totals, computed as WooCommerce does
(catalogue prices split into net + tax per line; fees and negative fees as ``WC_Order_Item_Fee``)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .errors import ApiError
from .money import exclusive_tax, fold, net_unit_price, parse_cents, round_tax, split_inclusive_tax
from .store_base import decode_row
from .store_notes import OrderNotesMixin

FEE_TAX_STATUSES = ("taxable", "none")


class OrderItemsMixin(OrderNotesMixin):
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


def _php_empty(value: Any) -> bool:
    return value is None or value is False or value in ("", "0", 0, [], {})


def _options(variation: dict[str, Any]) -> str:
    return ", ".join(str(a.get("option", "")) for a in variation["attributes"])
