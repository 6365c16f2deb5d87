"""Products and variations (WooCommerce ``product`` / ``product_variation`` posts).

Field names here are the store's internal ones (cents for prices, ``gtin`` for
``global_unique_id``, ``category_ids``, ``meta``); ``routes_products`` maps REST fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError
from .money import fold, slugify
from .store_base import StoreBase, decode_row

PRODUCT_COLUMNS = ("name", "type", "status", "sku", "gtin", "regular_price", "sale_price", "tax_class", "tax_status",
                   "manage_stock", "stock_quantity", "stock_status", "backorders", "description", "short_description",
                   "attributes", "default_attributes", "category_ids", "meta", "menu_order")
PRICE_COLUMNS = frozenset({"regular_price", "sale_price", "status"})
_GTIN_RE = re.compile(r"^[0-9-]*$")
UNCATEGORIZED = 15

EFFECTIVE_PRICE_SQL = ("COALESCE(p.sale_price, p.regular_price, (SELECT MIN(COALESCE(c.sale_price, c.regular_price))"
                       " FROM products c WHERE c.parent_id = p.id AND c.status = 'publish'))")


@dataclass
class ProductQuery:
    """Filters of ``GET /products``, ``/variations`` and ``/products/{id}/variations``."""

    scope: str = "products"  # products | variations | children
    parent_id: int = 0  # for scope "children"
    sku: list[str] = field(default_factory=list)
    gtin: list[str] = field(default_factory=list)
    search: str = ""
    search_sku: str = ""
    include: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    status: str = "any"
    type: str = ""
    stock_status: str = ""
    category: int = 0
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


def stock_status_for(manage_stock: bool, quantity: int | None, backorders: str, current: str) -> str:
    if not manage_stock:
        return current or "instock"
    if quantity is not None and quantity > 0:
        return "instock"
    return "onbackorder" if backorders != "no" else "outofstock"


def normalise_attribute(a: dict[str, Any]) -> dict[str, Any]:
    if "option" in a:  # a variation's attribute
        return {"id": _int(a.get("id", 0)), "name": str(a.get("name", "")), "option": str(a["option"])}
    return {"id": _int(a.get("id", 0)), "name": str(a.get("name", "")), "slug": str(a.get("name", "")),
            "position": _int(a.get("position", 0)), "visible": bool(a.get("visible", True)),
            "variation": bool(a.get("variation", False)), "options": [str(o) for o in a.get("options") or []]}


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class CatalogMixin(StoreBase):
    # ------------------------------------------------------------ reads

    def get_product(self, product_id: int) -> dict[str, Any] | None:
        """A product or variation row (prices in cents), or None."""
        with self.tx() as db:
            return decode_row(db.execute("SELECT * FROM products WHERE id = ?", (product_id,)).fetchone())

    def get_product_stock(self, product_id: int) -> int | None:
        """``stock_quantity`` of a product or variation (None when stock is not managed)."""
        product = self.get_product(product_id)
        if product is None:
            raise KeyError(product_id)
        return None if product["stock_quantity"] is None else int(product["stock_quantity"])

    def find_product_by_sku(self, sku: str) -> dict[str, Any] | None:
        with self.tx() as db:
            return decode_row(db.execute("SELECT * FROM products WHERE sku = ? AND status != 'trash'",
                                         (sku,)).fetchone())

    def product_children(self, parent_id: int) -> list[dict[str, Any]]:
        with self.tx() as db:
            rows = db.execute("SELECT * FROM products WHERE parent_id = ? AND status != 'trash'"
                              " ORDER BY menu_order, id", (parent_id,)).fetchall()
        return [r for r in map(decode_row, rows) if r is not None]

    def related_ids(self, product: dict[str, Any], limit: int = 5) -> list[int]:
        with self.tx() as db:
            rows = db.execute("SELECT id FROM products WHERE parent_id = 0 AND status = 'publish' AND id != ?"
                              " AND category_ids = ? ORDER BY id DESC LIMIT ?",
                              (product["id"], json.dumps(product["category_ids"]), limit)).fetchall()
        return [int(r[0]) for r in rows]

    def categories(self, ids: list[int]) -> list[dict[str, Any]]:
        with self.tx() as db:
            out = []
            for cat_id in ids:
                row = db.execute("SELECT id, name, slug FROM categories WHERE id = ?", (cat_id,)).fetchone()
                if row:
                    out.append(dict(row))
            return out

    def ensure_category(self, name: str) -> int:
        slug = slugify(name)
        with self.tx() as db:
            row = db.execute("SELECT id FROM categories WHERE slug = ?", (slug,)).fetchone()
            if row:
                return int(row[0])
            cat_id = int(db.execute("SELECT max(id) FROM categories").fetchone()[0]) + 1
            db.execute("INSERT INTO categories(id, name, slug) VALUES (?, ?, ?)", (cat_id, name, slug))
            return cat_id

    def list_products(self, q: ProductQuery) -> tuple[list[dict[str, Any]], int]:
        where: list[str] = []
        args: list[Any] = []
        if q.scope == "children":
            where.append("p.parent_id = ?")
            args.append(q.parent_id)
        elif q.scope == "variations":
            where.append("p.type = 'variation'")
        elif not (q.sku or q.gtin):  # sku/global_unique_id lookups also return variations
            where.append("p.type != 'variation'")
        if q.status == "any":
            where.append("p.status NOT IN ('trash', 'auto-draft')")
        else:
            where.append("p.status = ?")
            args.append(q.status)
        for column, values in (("p.sku", q.sku), ("p.gtin", q.gtin), ("p.id", q.include)):
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args += values
        if q.search:
            where.append("(instr(fold(p.name), ?) OR instr(fold(p.description), ?)"
                         " OR instr(fold(p.short_description), ?))")
            args += [fold(q.search)] * 3
        if q.search_sku:
            where.append("instr(fold(p.sku), ?)")
            args.append(fold(q.search_sku))
        for column, text in (("p.type", q.type), ("p.stock_status", q.stock_status)):
            if text:
                where.append(f"{column} = ?")
                args.append(text)
        if q.category:
            where.append("EXISTS (SELECT 1 FROM json_each(p.category_ids) WHERE value = ?)")
            args.append(q.category)
        for column, op, value in (("p.modified", "<", q.modified_before), ("p.created", ">", q.after),
                                  ("p.created", "<", q.before)):
            if value is not None:
                where.append(f"{column} {op} ?")
                args.append(value)
        direction = "ASC" if q.order == "asc" else "DESC"
        order_sql = {
            "date": f"p.created {direction}, p.id {direction}",
            "modified": f"p.modified {direction}, p.id {direction}",
            "id": f"p.id {direction}",
            "title": f"fold(p.name) {direction}, p.id {direction}",
            "slug": f"p.slug {direction}, p.id {direction}",
            "price": f"{EFFECTIVE_PRICE_SQL} {direction}, p.id {direction}",
            "popularity": f"p.total_sales {direction}, p.id {direction}",
            "menu_order": f"p.menu_order {direction}, p.id {direction}",
        }.get(q.orderby, f"p.created {direction}, p.id {direction}")
        if q.orderby == "include" and q.include:
            order_sql = "CASE p.id " + " ".join(f"WHEN {int(i)} THEN {n}" for n, i in enumerate(q.include)) + " END"
        sql = " AND ".join(where) or "1=1"
        with self.tx() as db:
            if q.modified_after is None:
                counted = sql + (f" AND p.id NOT IN ({','.join('?' * len(q.exclude))})" if q.exclude else "")
                total = int(db.execute(f"SELECT count(*) FROM products p WHERE {counted}", [*args, *q.exclude]
                                       ).fetchone()[0])
            else:  # keyset pulls ask this over and over with a creeping time (and a changing exclude list):
                # count the difference from the last time, then take the excluded ones off
                total = self.range_counts.count(db, "products p", sql, args, "p.modified", q.modified_after)
                sql += " AND p.modified > ?"
                args.append(q.modified_after)
                if q.exclude:
                    total -= int(db.execute(f"SELECT count(*) FROM products p WHERE {sql} AND p.id IN"
                                            f" ({','.join('?' * len(q.exclude))})", [*args, *q.exclude]).fetchone()[0])
            if q.exclude:
                sql += f" AND p.id NOT IN ({','.join('?' * len(q.exclude))})"
                args += q.exclude
            rows = db.execute(f"SELECT p.* FROM products p WHERE {sql} ORDER BY {order_sql} LIMIT ? OFFSET ?",
                              [*args, q.per_page, q.skip]).fetchall()
        return [r for r in map(decode_row, rows) if r is not None], total

    # ------------------------------------------------------------ writes

    def create_product(self, fields: dict[str, Any], parent_id: int = 0) -> dict[str, Any]:
        """Insert a product (or a variation when ``parent_id``); returns the stored row."""
        with self.tx() as db:
            parent = None
            if parent_id:
                parent = self.get_product(parent_id)
                if parent is None or parent["type"] == "variation" or parent["status"] == "trash":
                    raise ApiError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.")
            row: dict[str, Any] = {
                "name": "Product" if not parent_id else "", "type": "variation" if parent_id else "simple",
                "status": "publish", "sku": "", "gtin": "", "regular_price": None, "sale_price": None,
                "tax_class": "", "tax_status": "taxable", "manage_stock": False, "stock_quantity": None,
                "stock_status": "instock", "backorders": "no", "description": "", "short_description": "",
                "attributes": [], "default_attributes": [], "category_ids": [] if parent_id else [UNCATEGORIZED],
                "meta": [], "menu_order": 0,
            }
            row.update({k: v for k, v in fields.items() if k in PRODUCT_COLUMNS and v is not None})
            row["attributes"] = [normalise_attribute(a) for a in row["attributes"]]
            if parent_id:
                row["type"] = "variation"
            product_id = self.next_id("post")
            self._check_unique(product_id, row)
            self._normalise_stock(row, fields)
            now = self.now()
            row["slug"] = self._unique_slug(slugify(row["name"]), product_id) if not parent_id else ""
            db.execute(
                f"INSERT INTO products(id, parent_id, slug, created, modified, {', '.join(PRODUCT_COLUMNS)})"
                f" VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(PRODUCT_COLUMNS))})",
                [product_id, parent_id, row["slug"], now, now, *(self._db_value(c, row[c]) for c in PRODUCT_COLUMNS)])
            if parent:
                db.execute("UPDATE products SET modified = ? WHERE id = ?", (now, parent_id))
            created = self.get_product(product_id)
            assert created is not None
            return created

    def update_product(self, product_id: int, fields: dict[str, Any], inventory_delta: int | None = None,
                       parent_id: int | None = None) -> dict[str, Any]:
        """Apply REST changes. ``stock_quantity`` is an absolute set and wins over ``inventory_delta``.

        Unlike WooCommerce (a PHP read-modify-write), the delta is applied atomically.
        """
        with self.tx() as db:
            row = self.get_product(product_id)
            if row is None or (parent_id is not None and row["parent_id"] != parent_id):
                raise ApiError(400, "woocommerce_rest_product_invalid_id", "Invalid ID.")
            changes = {k: v for k, v in fields.items() if k in PRODUCT_COLUMNS}
            if "attributes" in changes:
                changes["attributes"] = [normalise_attribute(a) for a in changes["attributes"]]
            price_changed = any(k in PRICE_COLUMNS and row[k] != v for k, v in changes.items())
            row.update(changes)
            if "stock_quantity" not in fields and inventory_delta is not None and row["manage_stock"]:
                row["stock_quantity"] = int(row["stock_quantity"] or 0) + inventory_delta
            self._check_unique(product_id, row)
            self._normalise_stock(row, fields)
            now = self.now()
            sets = ", ".join(f"{c} = ?" for c in PRODUCT_COLUMNS)
            db.execute(f"UPDATE products SET {sets}, modified = ? WHERE id = ?",
                       [*(self._db_value(c, row[c]) for c in PRODUCT_COLUMNS), now, product_id])
            if row["parent_id"] and price_changed:  # a variation price change re-saves the parent (03)
                db.execute("UPDATE products SET modified = ? WHERE id = ?", (now, row["parent_id"]))
            updated = self.get_product(product_id)
            assert updated is not None
            return updated

    def set_product_stock(self, product_id: int, quantity: int) -> dict[str, Any]:
        """Absolute stock set (turns stock management on), like ``PUT {stock_quantity}``."""
        return self.update_product(product_id, {"manage_stock": True, "stock_quantity": quantity})

    def delete_product(self, product_id: int, force: bool) -> dict[str, Any]:
        """Trash (``force=False``) or delete a product; deleting a variable product deletes its variations."""
        with self.tx() as db:
            row = self.get_product(product_id)
            if row is None or (not force and row["status"] == "trash"):
                raise ApiError(404 if row is None else 410, "woocommerce_rest_product_invalid_id" if row is None
                               else "woocommerce_rest_already_trashed",
                               "Invalid ID." if row is None else "The product has already been deleted.")
            if force:
                db.execute("DELETE FROM products WHERE id = ? OR parent_id = ?", (product_id, product_id))
                if row["parent_id"]:
                    db.execute("UPDATE products SET modified = ? WHERE id = ?", (self.now(), row["parent_id"]))
            else:
                db.execute("UPDATE products SET status = 'trash', modified = ? WHERE id = ?", (self.now(), product_id))
                row = self.get_product(product_id)
            assert row is not None
            return row

    def adjust_stock(self, product_id: int, delta: int) -> tuple[dict[str, Any], int, int] | None:
        """Change the stock of the product that holds stock for ``product_id`` (a variation may use
        its parent's). Returns (stock holder, old, new) or None when stock is not managed.
        Bumps ``date_modified`` like ``wc_update_product_stock`` does."""
        with self.tx() as db:
            holder = self.get_product(product_id)
            if holder is not None and not holder["manage_stock"] and holder["parent_id"]:
                holder = self.get_product(holder["parent_id"])
            if holder is None or not holder["manage_stock"]:
                return None
            old = int(holder["stock_quantity"] or 0)
            new = old + delta
            status = stock_status_for(True, new, holder["backorders"], holder["stock_status"])
            db.execute("UPDATE products SET stock_quantity = ?, stock_status = ?, modified = ? WHERE id = ?",
                       (new, status, self.now(), holder["id"]))
            return holder, old, new

    def add_total_sales(self, product_id: int, quantity: int) -> None:
        with self.tx() as db:
            db.execute("UPDATE products SET total_sales = total_sales + ? WHERE id = ?", (quantity, product_id))

    def bulk_create_simple_products(self, products: Iterable[Mapping[str, Any]]) -> list[int]:
        """Insert many published simple products in one transaction, without the per-product reads
        of :meth:`create_product` (benchmarks seed 100,000 this way). Returns their ids, in order.

        Each mapping has ``name``, ``sku``, ``gtin``, ``regular_price`` (cents) and ``tax_class``,
        and optionally ``stock_quantity`` (managed stock when given), ``category_ids`` and
        ``created`` / ``modified`` (unix seconds; default now). SKUs and GTINs must be unique as in
        :meth:`create_product` (the same ``ApiError``, nothing inserted); slugs are made unique the
        same way (``name-2``, ``name-3``, ...).
        """
        items = list(products)
        if not items:
            return []
        with self.tx() as db:
            skus = {r[0] for r in db.execute("SELECT sku FROM products WHERE sku != ''")}
            gtins = {r[0] for r in db.execute("SELECT gtin FROM products WHERE gtin != ''")}
            slugs = {r[0] for r in db.execute("SELECT slug FROM products WHERE slug != ''")}
            last = int(db.execute("UPDATE seq SET value = value + ? WHERE name = 'post' RETURNING value",
                                  (len(items),)).fetchone()[0])
            first = last - len(items) + 1
            now = self.now()
            rows = []
            for product_id, item in enumerate(items, start=first):
                sku, gtin = str(item.get("sku") or ""), str(item.get("gtin") or "")
                if sku and sku in skus:
                    raise ApiError(400, "product_invalid_sku", "Invalid or duplicated SKU.", {"unique_sku": sku})
                if gtin and (gtin in gtins or not _GTIN_RE.match(gtin)):
                    raise ApiError(400, "product_invalid_global_unique_id",
                                   "Invalid or duplicated GTIN, UPC, EAN or ISBN.")
                skus.add(sku)
                gtins.add(gtin)
                name = str(item["name"])
                base = slugify(name)
                slug, n = base, 1
                while slug in slugs:
                    n += 1
                    slug = f"{base}-{n}"
                slugs.add(slug)
                stock = item.get("stock_quantity")
                manage = stock is not None
                row = {
                    "name": name, "type": "simple", "status": "publish", "sku": sku, "gtin": gtin,
                    "regular_price": item.get("regular_price"), "sale_price": None,
                    "tax_class": str(item.get("tax_class") or ""), "tax_status": "taxable", "manage_stock": manage,
                    "stock_quantity": int(stock) if manage else None,
                    "stock_status": stock_status_for(manage, int(stock) if manage else None, "no", "instock"),
                    "backorders": "no", "description": "", "short_description": "", "attributes": [],
                    "default_attributes": [], "category_ids": list(item.get("category_ids") or [UNCATEGORIZED]),
                    "meta": [], "menu_order": 0,
                }
                created = int(item.get("created") or now)
                rows.append([product_id, 0, slug, created, int(item.get("modified") or created),
                             *(self._db_value(c, row[c]) for c in PRODUCT_COLUMNS)])
            db.executemany(
                f"INSERT INTO products(id, parent_id, slug, created, modified, {', '.join(PRODUCT_COLUMNS)})"
                f" VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(PRODUCT_COLUMNS))})", rows)
        return list(range(first, first + len(items)))

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _db_value(column: str, value: Any) -> Any:
        if column in ("attributes", "default_attributes", "category_ids", "meta"):
            return json.dumps(value)
        if column == "manage_stock":
            return int(bool(value))
        return value

    def _normalise_stock(self, row: dict[str, Any], fields: dict[str, Any]) -> None:
        if row["type"] in ("variable", "grouped", "external") and not row["manage_stock"]:
            row["stock_quantity"] = None
        if not row["manage_stock"]:
            row["stock_quantity"] = None
        elif row["stock_quantity"] is None:
            row["stock_quantity"] = 0
        if "stock_status" not in fields or row["manage_stock"]:
            row["stock_status"] = stock_status_for(bool(row["manage_stock"]), row["stock_quantity"],
                                                   row["backorders"], row["stock_status"])

    def _check_unique(self, product_id: int, row: dict[str, Any]) -> None:
        with self.tx() as db:
            if row["sku"]:
                other = db.execute("SELECT id FROM products WHERE sku = ? AND id != ?",
                                   (row["sku"], product_id)).fetchone()
                if other:
                    raise ApiError(400, "product_invalid_sku", "Invalid or duplicated SKU.",
                                   {"resource_id": int(other[0]), "unique_sku": row["sku"]})
            if row["gtin"]:
                other = db.execute("SELECT id FROM products WHERE gtin = ? AND id != ?",
                                   (row["gtin"], product_id)).fetchone()
                if other or not _GTIN_RE.match(row["gtin"]):
                    raise ApiError(400, "product_invalid_global_unique_id",
                                   "Invalid or duplicated GTIN, UPC, EAN or ISBN.")

    def _unique_slug(self, base: str, product_id: int) -> str:
        with self.tx() as db:
            slug, n = base, 1
            while db.execute("SELECT 1 FROM products WHERE slug = ? AND id != ?", (slug, product_id)).fetchone():
                n += 1
                slug = f"{base}-{n}"
            return slug
