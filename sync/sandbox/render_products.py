"""Product and variation JSON in WooCommerce 11's shapes (recordings 01-05, 19, 25, 26)."""

from __future__ import annotations

from typing import Any, Protocol

from .money import fmt_price, iso_gmt, iso_local, price_html, price_range_html, slugify
from .web import ALL_METHODS, Request, links


class CatalogReader(Protocol):
    def get_product(self, product_id: int) -> dict[str, Any] | None: ...

    def product_children(self, parent_id: int) -> list[dict[str, Any]]: ...

    def related_ids(self, product: dict[str, Any]) -> list[int]: ...

    def categories(self, ids: list[int]) -> list[dict[str, Any]]: ...


def _dates(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date_created": iso_local(row["created"]), "date_created_gmt": iso_gmt(row["created"]),
        "date_modified": iso_local(row["modified"]), "date_modified_gmt": iso_gmt(row["modified"]),
    }


def _prices(row: dict[str, Any]) -> tuple[int | None, bool]:
    """(active price in cents, on sale)."""
    sale, regular = row["sale_price"], row["regular_price"]
    on_sale = sale is not None and (regular is None or sale < regular)
    return (sale if on_sale else regular), on_sale


def _stock(row: dict[str, Any], parent: dict[str, Any] | None) -> tuple[bool | str, int | None]:
    if not row["manage_stock"] and parent is not None and parent["manage_stock"]:
        return "parent", parent["stock_quantity"]
    return bool(row["manage_stock"]), row["stock_quantity"]


def _permalink(req: Request, row: dict[str, Any], parent: dict[str, Any] | None) -> str:
    if parent is None:
        return f"{req.base_url}/product/{row['slug']}/"
    query = "&".join(f"attribute_{slugify(a['name'])}={a.get('option', '')}" for a in row["attributes"])
    return f"{req.base_url}/product/{parent['slug']}/" + (f"?{query}" if query else "")


def _variation_attributes(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"id": a.get("id", 0), "name": a["name"], "slug": slugify(a["name"]), "option": a.get("option", "")}
            for a in row["attributes"]]


def _sale_dates() -> dict[str, None]:
    return {"date_on_sale_from": None, "date_on_sale_from_gmt": None, "date_on_sale_to": None,
            "date_on_sale_to_gmt": None}


def product_json(req: Request, store: CatalogReader, row: dict[str, Any], single: bool = False) -> dict[str, Any]:
    """The ``/products`` schema, also used for variations returned by ``?sku=`` / ``?global_unique_id=``."""
    parent = store.get_product(row["parent_id"]) if row["parent_id"] else None
    is_variation = row["type"] == "variation"
    children = store.product_children(row["id"]) if row["type"] == "variable" else []
    price, on_sale = _prices(row)
    html = price_html(price)
    purchasable = price is not None and row["status"] == "publish"
    stock_status = row["stock_status"]
    if row["type"] == "variable":
        child_prices = [p for p in (_prices(c)[0] for c in children if c["status"] == "publish") if p is not None]
        price = min(child_prices) if child_prices else None
        on_sale = any(_prices(c)[1] for c in children)
        purchasable = bool(child_prices)
        html = price_html(price) if not child_prices or min(child_prices) == max(child_prices) else (
            price_range_html(min(child_prices), max(child_prices)))
        statuses = {c["stock_status"] for c in children}
        stock_status = next((s for s in ("instock", "onbackorder") if s in statuses), "outofstock")
    manage_stock, quantity = _stock(row, parent)
    backorders_allowed = row["backorders"] != "no"
    name = f"{parent['name']} - {', '.join(a.get('option', '') for a in row['attributes'])}" if parent else row["name"]
    slug = slugify(name) if parent else row["slug"]
    extra_links: dict[str, Any] = {"up": [{"href": req.rest_url(f"/wc/v3/products/{parent['id']}")}]} if parent else {}
    data: dict[str, Any] = {
        "id": row["id"], "name": name, "slug": slug, "permalink": _permalink(req, row, parent), **_dates(row),
        "type": row["type"], "status": row["status"], "featured": False, "catalog_visibility": "visible",
        "description": row["description"], "short_description": row["short_description"], "sku": row["sku"],
        "price": fmt_price(price),
        "regular_price": "" if row["type"] == "variable" else fmt_price(row["regular_price"]),
        "sale_price": fmt_price(row["sale_price"]), **_sale_dates(), "on_sale": on_sale, "purchasable": purchasable,
        "total_sales": str(row["total_sales"]) if is_variation else row["total_sales"], "virtual": False,
        "downloadable": False, "downloads": [], "download_limit": -1, "download_expiry": -1, "external_url": "",
        "button_text": "", "tax_status": row["tax_status"], "tax_class": row["tax_class"],
        "manage_stock": manage_stock, "stock_quantity": quantity, "backorders": row["backorders"],
        "backorders_allowed": backorders_allowed,
        "backordered": bool(row["manage_stock"]) and (quantity or 0) <= 0 and backorders_allowed,
        "low_stock_amount": None, "sold_individually": False, "weight": "",
        "dimensions": {"length": "", "width": "", "height": ""}, "shipping_required": True, "shipping_taxable": True,
        "shipping_class": "", "shipping_class_id": 0, "reviews_allowed": not is_variation, "average_rating": "0.00",
        "rating_count": 0, "upsell_ids": [], "cross_sell_ids": [], "parent_id": row["parent_id"], "purchase_note": "",
        "categories": store.categories(row["category_ids"]), "brands": [], "tags": [], "images": [],
        "attributes": _variation_attributes(row) if is_variation else row["attributes"],
        "default_attributes": row["default_attributes"], "variations": [c["id"] for c in children],
        "grouped_products": [], "menu_order": row["menu_order"], "price_html": html,
        "related_ids": [] if is_variation else store.related_ids(row), "meta_data": row["meta"],
        "stock_status": stock_status, "has_options": row["type"] == "variable", "post_password": "",
        "global_unique_id": row["gtin"],
    }
    if single and not is_variation:
        data["permalink_template"] = f"{req.base_url}/product/%pagename%/"
        data["generated_slug"] = row["slug"]
    data["_links"] = links(req, f"/wc/v3/products/{row['id']}", "/wc/v3/products", ALL_METHODS, **extra_links)
    return data


def variation_json(req: Request, store: CatalogReader, row: dict[str, Any], nested: bool = True) -> dict[str, Any]:
    """The variations schema. ``nested`` = under ``/products/{id}/variations``; the cross-product
    ``/variations`` endpoint links to ``/variations/{id}`` and (quirk) ``up`` to ``/products/0``."""
    parent = store.get_product(row["parent_id"])
    price, on_sale = _prices(row)
    manage_stock, quantity = _stock(row, parent)
    backorders_allowed = row["backorders"] != "no"
    data: dict[str, Any] = {
        "id": row["id"], "type": "variation", **_dates(row), "description": row["description"],
        "permalink": _permalink(req, row, parent) if parent else "", "sku": row["sku"],
        "global_unique_id": row["gtin"], "price": fmt_price(price), "regular_price": fmt_price(row["regular_price"]),
        "sale_price": fmt_price(row["sale_price"]), **_sale_dates(), "on_sale": on_sale, "status": row["status"],
        "purchasable": price is not None and row["status"] == "publish", "virtual": False, "downloadable": False,
        "downloads": [], "download_limit": -1, "download_expiry": -1, "tax_status": row["tax_status"],
        "tax_class": row["tax_class"], "manage_stock": manage_stock, "stock_quantity": quantity,
        "stock_status": row["stock_status"], "backorders": row["backorders"], "backorders_allowed": backorders_allowed,
        "backordered": bool(row["manage_stock"]) and (quantity or 0) <= 0 and backorders_allowed,
        "low_stock_amount": None, "weight": "", "dimensions": {"length": "", "width": "", "height": ""},
        "shipping_class": "", "shipping_class_id": 0, "image": None, "gallery_image_ids": [],
        "attributes": _variation_attributes(row), "menu_order": row["menu_order"], "meta_data": row["meta"],
        "name": ", ".join(str(a.get("option", "")) for a in row["attributes"]), "parent_id": row["parent_id"],
    }
    if nested:
        base = f"/wc/v3/products/{row['parent_id']}/variations"
        data["_links"] = links(req, f"{base}/{row['id']}", base, ALL_METHODS,
                               up=[{"href": req.rest_url(f"/wc/v3/products/{row['parent_id']}")}])
    else:
        data["_links"] = links(req, f"/wc/v3/variations/{row['id']}", "/wc/v3/variations",
                               up=[{"href": req.rest_url("/wc/v3/products/0")}])
    return data


def tax_rate_json(req: Request, rate: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": rate["id"], "country": "ES", "state": "", "postcode": "", "city": "", "postcodes": [], "cities": [],
        "rate": f"{rate['percent']}.0000", "name": f"IVA {rate['percent']}%", "priority": 1, "compound": False,
        "shipping": rate["class"] == "standard", "order": 0, "class": rate["class"],
        "_links": links(req, f"/wc/v3/taxes/{rate['id']}", "/wc/v3/taxes"),
    }

