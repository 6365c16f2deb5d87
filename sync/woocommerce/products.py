"""WooCommerce product / variation JSON → :class:`sync.connector.RemoteProduct`.

* simple products and variations are sellable items; variable parents, grouped and external
  products are not (a variable parent is kept as :class:`ParentInfo` for its variations' names,
  tax class ``parent``, category and status);
* price: ``price`` (the active price, sale included), else ``regular_price``; decimal strings →
  integer minor units via ``Decimal`` (``""`` → ``None``);
* barcodes: ``global_unique_id`` (GTIN/EAN, WooCommerce ≥ 9.2);
* status ``publish`` → active; ``draft``/``pending``/``private``/``trash`` → inactive, and a
  variation is inactive when its parent is;
* stock: ``stock_quantity`` when ``manage_stock`` is true (or ``"parent"`` on a variation), else ``None``;
* ``modified_gmt``: ``date_modified_gmt`` as UTC; for a variation the later of its own and its
  parent's, because the name and tax class it carries come from the parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sync.connector import RemoteProduct
from sync.woocommerce.money import to_minor

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
NOT_SELLABLE_TYPES = frozenset({"variable", "grouped", "external"})
# Everything this module (and the keyset paging) reads of a product or variation: the catalogue pull
# asks for only these (``_fields``), a quarter of the full JSON, and WooCommerce then skips computing
# the rest (related products, price HTML, ...). Keep it in step with the functions below.
PRODUCT_FIELDS = ("id,parent_id,type,status,name,sku,global_unique_id,price,regular_price,tax_class,manage_stock,"
                  "stock_quantity,categories,attributes,date_created_gmt,date_modified_gmt")


@dataclass(frozen=True)
class ParentInfo:
    """What a variation inherits from its variable parent."""

    id: int
    name: str
    tax_class: str
    active: bool
    category: str | None
    modified_gmt: datetime


def parse_gmt(value: object) -> datetime | None:
    """``"2026-11-22T19:21:11"`` (a ``*_gmt`` field) → aware UTC datetime; ``None`` if empty/invalid."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def format_gmt(value: datetime) -> str:
    """An aware (or naive = UTC) datetime as WooCommerce's ``dates_are_gmt=true`` filters expect it."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S")


def modified_of(raw: Mapping[str, Any]) -> datetime:
    """``date_modified_gmt`` (or ``date_created_gmt``) of a product JSON; the epoch if neither parses."""
    return parse_gmt(raw.get("date_modified_gmt")) or parse_gmt(raw.get("date_created_gmt")) or EPOCH


def _first_category(raw: Mapping[str, Any]) -> str | None:
    for category in raw.get("categories") or []:
        if isinstance(category, Mapping) and category.get("name"):
            return str(category["name"])
    return None


def _stock(raw: Mapping[str, Any]) -> int | None:
    manage = raw.get("manage_stock")
    if manage is not True and manage != "parent":
        return None
    value = raw.get("stock_quantity")
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return None


def parent_info(raw: Mapping[str, Any]) -> ParentInfo:
    """The parts of a variable product its variations need."""
    return ParentInfo(id=int(raw["id"]), name=str(raw.get("name") or ""), tax_class=str(raw.get("tax_class") or ""),
                      active=raw.get("status") == "publish", category=_first_category(raw),
                      modified_gmt=modified_of(raw))


def is_sellable(raw: Mapping[str, Any]) -> bool:
    """True for simple products, variations and other priced types; False for variable parents,
    grouped and external products."""
    return str(raw.get("type") or "simple") not in NOT_SELLABLE_TYPES


def variation_name(raw: Mapping[str, Any], parent: ParentInfo | None) -> str:
    """``Camiseta logo - M``: the parent's name and the attribute options, as WooCommerce names a
    variation everywhere except in ``/variations`` listings (where ``name`` is just ``M``)."""
    own = str(raw.get("name") or "")
    if parent is None or not parent.name:
        return own
    options = [str(a.get("option")) for a in raw.get("attributes") or [] if isinstance(a, Mapping) and a.get("option")]
    if options:
        return f"{parent.name} - {', '.join(options)}"
    return own if own.startswith(parent.name) else f"{parent.name} - {own}".rstrip(" -")


def to_remote_product(raw: Mapping[str, Any], places: int = 2, parent: ParentInfo | None = None) -> RemoteProduct:
    """Map one simple product or variation. ``parent`` is required for good variation names."""
    is_variation = raw.get("type") == "variation" or bool(raw.get("parent_id"))
    try:
        price = to_minor(raw.get("price"), places)
        if price is None:
            price = to_minor(raw.get("regular_price"), places)
    except ValueError:
        price = None
    tax_class = str(raw.get("tax_class") or "")
    modified = modified_of(raw)
    active = raw.get("status", "publish") == "publish"
    category = _first_category(raw)
    parent_id: int | None = None
    name = str(raw.get("name") or "")
    if is_variation:
        parent_id = int(raw.get("parent_id") or 0) or (parent.id if parent else None)
        name = variation_name(raw, parent)
        if parent is not None:
            if tax_class == "parent":
                tax_class = parent.tax_class
            active = active and parent.active
            category = category or parent.category
            modified = max(modified, parent.modified_gmt)
    if tax_class == "parent":
        tax_class = ""
    gtin = str(raw.get("global_unique_id") or "").strip()
    return RemoteProduct(
        remote_id=int(raw["id"]), parent_id=parent_id, sku=str(raw.get("sku") or ""), name=name,
        price_minor=price, tax_class=tax_class, barcodes=(gtin,) if gtin else (), stock=_stock(raw),
        active=active, modified_gmt=modified, category=category)
