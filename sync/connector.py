"""What the sync engine needs from an online store. WooCommerce (and the sandbox, which speaks
WooCommerce) implement it in ``sync/woocommerce``; Shopify will implement the same."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class StoreInfo:
    name: str
    currency: str
    prices_include_tax: bool


@dataclass(frozen=True)
class RemoteProduct:
    """A sellable item as the store sees it (a simple product or one variation)."""

    remote_id: int
    parent_id: int | None  # set for variations
    sku: str
    name: str
    price_minor: int | None  # VAT included; None when the store has no price
    tax_class: str  # WooCommerce slug: "" (standard), "reduced-rate", …
    barcodes: tuple[str, ...]
    stock: int | None  # None when the store does not manage stock
    active: bool  # False for draft/private/trash
    modified_gmt: datetime
    category: str | None = None


@dataclass(frozen=True)
class RemoteOrderRef:
    remote_id: int
    number: str
    status: str
    extra: dict[str, Any] = field(default_factory=dict)


class StoreConnector(Protocol):
    def ping(self) -> StoreInfo:
        """Check reachability and credentials. Raises AuthError, OfflineError, StoreError."""
        ...

    def find_sale(self, sale_uuid: str, created_after: datetime | None = None) -> RemoteOrderRef | None:
        """The order already created for this till sale (by ``_pos_txn_uuid``), if any."""
        ...

    def push_sale(self, payload: dict[str, Any]) -> RemoteOrderRef:
        """Create the order for a ``sale.completed`` payload. Not idempotent by itself: the engine
        calls ``find_sale`` first whenever an earlier attempt may have reached the store."""
        ...

    def push_sales_batch(self, payloads: list[dict[str, Any]]) -> list[RemoteOrderRef | Exception]:
        """Create up to 100 orders in one request; one result (or error) per payload, in order."""
        ...

    def pull_products(self, modified_after: datetime | None) -> Iterator[list[RemoteProduct]]:
        """Pages of products and variations changed after the cursor (all of them when None)."""
        ...
