"""Order notes and the stock side of order status changes (see ``store_orders``)."""

from __future__ import annotations

import json
from typing import Any

from .errors import ApiError
from .store_catalog import CatalogMixin


class OrderNotesMixin(CatalogMixin):
    def order_notes(self, order_id: int, note_type: str = "any") -> list[dict[str, Any]]:
        """Newest first (same second: in creation order), like WooCommerce."""
        cond = {"customer": " AND customer_note = 1", "internal": " AND customer_note = 0"}.get(note_type, "")
        with self.tx() as db:
            rows = db.execute(f"SELECT * FROM notes WHERE order_id = ?{cond} ORDER BY created DESC, id ASC",
                              (order_id,)).fetchall()
        return [dict(r) for r in rows]

    def get_note(self, order_id: int, note_id: int) -> dict[str, Any] | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM notes WHERE id = ? AND order_id = ?", (note_id, order_id)).fetchone()
            return dict(row) if row else None

    def add_order_note(self, order_id: int, note: str, customer_note: bool = False,
                       author: str = "WooCommerce") -> dict[str, Any]:
        with self.tx() as db:
            note_id = self.next_id("comment")
            db.execute("INSERT INTO notes(id, order_id, note, customer_note, author, created)"
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       (note_id, order_id, note, int(customer_note), author, self.now()))
            if customer_note:
                row = db.execute("SELECT billing FROM orders WHERE id = ?", (order_id,)).fetchone()
                if row and json.loads(row[0]).get("email"):
                    self.add_order_note(order_id, 'Email "Customer note" sent.')
            result = self.get_note(order_id, note_id)
            assert result is not None
            return result

    def delete_note(self, order_id: int, note_id: int) -> dict[str, Any]:
        with self.tx() as db:
            note = self.get_note(order_id, note_id)
            if note is None:
                raise ApiError(404, "woocommerce_rest_invalid_id", "Invalid resource ID.")
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            return note

    def mark_paying_customer(self, user_id: int) -> None:
        with self.tx() as db:
            db.execute("UPDATE users SET is_paying = 1 WHERE id = ?", (user_id,))

    # ------------------------------------------------------------ stock levels

    def _reduce_stock(self, order: dict[str, Any]) -> None:
        changes = []
        with self.tx() as db:
            for item in order["items"]:
                if item["item_type"] != "line_item" or not (item["variation_id"] or item["product_id"]):
                    continue
                if not order["sales_recorded"]:
                    self.add_total_sales(item["product_id"], item["quantity"])
                moved = self.adjust_stock(item["variation_id"] or item["product_id"], -item["quantity"])
                if moved is None:
                    continue
                _, old, new = moved
                meta = [*item["meta"], self.new_meta("_reduced_stock", str(item["quantity"]),
                                                     display_key="_reduced_stock", display_value=str(item["quantity"]))]
                db.execute("UPDATE order_items SET meta = ? WHERE id = ?", (json.dumps(meta), item["id"]))
                changes.append(f"{item['name']} ({old}&rarr;{new})")
            db.execute("UPDATE orders SET stock_reduced = 1, sales_recorded = 1 WHERE id = ?", (order["id"],))
            if changes:
                self.add_order_note(order["id"], "Stock levels reduced: " + ", ".join(changes))

    def _restore_stock(self, order: dict[str, Any]) -> None:
        changes = []
        with self.tx() as db:
            for item in order["items"]:
                reduced = next((m for m in item["meta"] if m["key"] == "_reduced_stock"), None)
                if item["item_type"] != "line_item" or reduced is None:
                    continue
                moved = self.adjust_stock(item["variation_id"] or item["product_id"], int(reduced["value"]))
                meta = [m for m in item["meta"] if m["key"] != "_reduced_stock"]
                db.execute("UPDATE order_items SET meta = ? WHERE id = ?", (json.dumps(meta), item["id"]))
                if moved is not None:
                    changes.append(f"{item['name']} ({moved[1]}&rarr;{moved[2]})")
            db.execute("UPDATE orders SET stock_reduced = 0 WHERE id = ?", (order["id"],))
            if changes:
                self.add_order_note(order["id"], "Stock levels increased: " + ", ".join(changes))
