"""Order refunds as ``wc_create_refund`` makes them (recordings 17, 17b, 17c, 18, 18b, 18c).

* ``api_refund`` (default true) asks the gateway to pay back: none of the store's gateways
  can (cod/bacs/cheque) and free-text methods such as 'cash' do not exist, so it fails with
  500 and leaves no refund and no restock. Till refunds send ``api_refund: false``.
* ``api_restock`` puts the refunded quantities back ("Item #.. stock increased from X to Y.").
* the amount may not exceed what is left to refund (500 "Invalid refund amount."), fees
  included; a fully refunded order becomes 'refunded'; deleting a refund never takes stock back.
* ``line_items`` may name fee lines too: the refund gets a negative fee line (never restocked).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .errors import ApiError
from .store_orders import OrdersMixin

REGISTERED_GATEWAYS = {"cod", "bacs", "cheque"}  # enabled in the recorded store, none supports refunds
# Card gateways a real store adds (Redsys, Stripe, WooPayments, PayPal): they pay back through the bank
# (``refunded_payment`` true). Not in the recorded store; the sandbox simulates them for gateway refunds.
REFUNDING_GATEWAYS = {"redsys", "stripe", "woocommerce_payments", "ppcp-gateway"}


def _refund_error(message: str, status: int = 500,
                  code: str = "woocommerce_rest_cannot_create_order_refund") -> ApiError:
    return ApiError(status, code, message, bare_data=True)


class RefundsMixin(OrdersMixin):
    def get_refund(self, order_id: int, refund_id: int) -> dict[str, Any] | None:
        refund = self.get_order(refund_id, kind="refund")
        return refund if refund is not None and refund["parent_id"] == order_id else None

    def list_refunds(self, order_id: int) -> list[dict[str, Any]]:
        """Newest first."""
        with self.tx() as db:
            ids = [int(r[0]) for r in db.execute("SELECT id FROM orders WHERE kind = 'refund' AND parent_id = ?"
                                                 " ORDER BY created DESC, id DESC", (order_id,))]
        return [r for r in (self.get_order(i, kind="refund") for i in ids) if r is not None]

    def create_refund(self, order_id: int, *, amount: int | None, reason: str = "", api_refund: bool = True,
                      api_restock: bool = True, lines: list[dict[str, Any]] | None = None,
                      meta_data: list[Any] | None = None, refunded_by: int = 1) -> dict[str, Any]:
        """``lines``: ``{"id": order item id (product or fee line), "quantity": int, "refund_total":
        cents (net), "refund_tax": {rate_id: cents}}``. ``amount`` None = sum of the lines."""
        lines = lines or []
        with self.tx() as db:
            order = self.get_order(order_id)
            if order is None:
                raise _refund_error("Invalid order ID.", 404, "woocommerce_rest_invalid_order_id")
            if amount is None:
                amount = sum(line["refund_total"] + sum(line["refund_tax"].values()) for line in lines)
            if amount < 0:
                raise _refund_error("Refund amount must be greater than zero.", 400,
                                    "woocommerce_rest_invalid_order_refund")
            remaining = order["total"] - sum(r["amount"] for r in order["refund_rows"])
            if amount > remaining:
                raise _refund_error("Invalid refund amount.")
            if api_refund and order["payment_method"] not in REFUNDING_GATEWAYS:
                if order["payment_method"] not in REGISTERED_GATEWAYS:
                    raise _refund_error("The payment gateway for this order does not exist.")
                raise _refund_error("The payment gateway for this order does not support automatic refunds.")
            refund_id, now = self.next_id("post"), self.now()
            meta = [self.new_meta("_refund_type", "full" if amount == remaining else "partial")]
            meta = self.merge_meta(meta, list(meta_data or []))
            db.execute("INSERT INTO orders(id, kind, parent_id, status, currency, amount, reason, refunded_by,"
                       " refunded_payment, meta, total, created, modified) VALUES"
                       " (?, 'refund', ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (refund_id, order_id, order["currency"], amount, reason, refunded_by, int(api_refund),
                        json.dumps(meta), -amount, now, now))
            originals = {i["id"]: i for i in order["items"] if i["item_type"] in ("line_item", "fee")}
            restocked: list[tuple[dict[str, Any], int]] = []
            rates: dict[int, int] = {}
            for line in lines:
                item = originals.get(int(line["id"]))
                if item is None or not (line["quantity"] or line["refund_total"] or any(line["refund_tax"].values())):
                    continue
                qty, net, tax = int(line["quantity"]), int(line["refund_total"]), sum(line["refund_tax"].values())
                for rate_id, value in line["refund_tax"].items():
                    rates[rate_id] = rates.get(rate_id, 0) - value
                meta_item = [self.new_meta("_refunded_item_id", str(item["id"]), display_key="_refunded_item_id",
                                           display_value=str(item["id"]))]
                if item["item_type"] == "fee":
                    taxes = [[rate_id, -value] for rate_id, value in line["refund_tax"].items()]
                    db.execute("INSERT INTO order_items(id, order_id, item_type, name, tax_class, tax_status, total,"
                               " total_tax, taxes, meta) VALUES (?, ?, 'fee', ?, ?, ?, ?, ?, ?, ?)",
                               (self.next_id("item"), refund_id, item["name"], item["tax_class"], item["tax_status"],
                                -net, -tax, json.dumps(taxes), json.dumps(meta_item)))
                    continue
                rate_id = next(iter(line["refund_tax"]), item["rate_id"])
                price = Decimal(net) / 100 / qty if qty else Decimal(net) / 100
                db.execute(
                    "INSERT INTO order_items(id, order_id, item_type, name, product_id, variation_id, quantity,"
                    " tax_class, rate_id, subtotal, subtotal_tax, total, total_tax, price, sku, gtin, parent_name,"
                    " meta)"
                    " VALUES (?, ?, 'line_item', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.next_id("item"), refund_id, item["name"], item["product_id"], item["variation_id"], -qty,
                     item["tax_class"], rate_id, -net, -tax, -net, -tax, str(price), item["sku"], item["gtin"],
                     item["parent_name"], json.dumps(meta_item)))
                if api_restock and qty > 0:
                    restocked.append((item, qty))
            for rate_id, value in rates.items():
                db.execute("INSERT INTO order_items(id, order_id, item_type, rate_id, total_tax, subtotal_tax)"
                           " VALUES (?, ?, 'tax', ?, ?, 0)", (self.next_id("item"), refund_id, rate_id, value))
            for item, qty in restocked:
                self._restock_refunded(order_id, item, qty)
            db.execute("UPDATE orders SET modified = ? WHERE id = ?", (now, order_id))
            if amount == remaining and order["status"] != "refunded":
                self._change_status(order_id, "refunded")
            refund = self.get_order(refund_id, kind="refund")
            assert refund is not None
            return refund

    def delete_refund(self, order_id: int, refund_id: int) -> dict[str, Any]:
        """Force-delete a refund. Restocked units stay in stock (17c)."""
        with self.tx() as db:
            refund = self.get_refund(order_id, refund_id)
            if refund is None:
                raise ApiError(404, "woocommerce_rest_shop_order_refund_invalid_id", "Invalid ID.")
            db.execute("DELETE FROM order_items WHERE order_id = ?", (refund_id,))
            db.execute("DELETE FROM orders WHERE id = ?", (refund_id,))
            db.execute("UPDATE orders SET modified = ? WHERE id = ?", (self.now(), order_id))
            return refund

    def _restock_refunded(self, order_id: int, item: dict[str, Any], qty: int) -> None:
        with self.tx() as db:
            moved = self.adjust_stock(item["variation_id"] or item["product_id"], qty)
            if moved is None:
                return
            holder, old, new = moved
            meta = [dict(m) for m in item["meta"]]
            for m in meta:
                if m["key"] == "_reduced_stock":
                    m["value"] = m["display_value"] = str(max(0, int(m["value"]) - qty))
            restock = next((m for m in meta if m["key"] == "_restock_refunded_items"), None)
            if restock is None:
                meta.append(self.new_meta("_restock_refunded_items", str(qty), display_key="_restock_refunded_items",
                                          display_value=str(qty)))
            else:
                restock["value"] = restock["display_value"] = str(int(restock["value"]) + qty)
            item["meta"] = meta
            db.execute("UPDATE order_items SET meta = ? WHERE id = ?", (json.dumps(meta), item["id"]))
            self.add_order_note(order_id, f"Item #{holder['id']} stock increased from {old} to {new}.")
