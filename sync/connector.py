"""What the sync engine needs from an online store. WooCommerce (and the sandbox, which speaks
WooCommerce) implement it in ``sync/woocommerce``; Shopify will implement the same."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


@dataclass(frozen=True)
class RemoteOrderLine:
    """A line of an online order (prices VAT included)."""

    remote_line_id: int
    product_id: int  # the parent for variations
    variation_id: int | None
    sku: str
    barcode: str
    name: str
    quantity: int
    total_minor: int
    net_minor: int = 0  # total before VAT, as the store keeps it (refunds are sent net + tax)
    tax_minor: int = 0
    tax_rate_id: int | None = None  # the store's tax rate id (refund_tax needs it)


@dataclass(frozen=True)
class RemoteOrder:
    """An online (customer) order as the till needs it for click-and-collect."""

    remote_id: int
    number: str
    status: str  # the store's status: processing, on-hold, completed, cancelled, …
    currency: str
    total_minor: int
    customer_name: str
    email: str
    phone: str
    payment_method: str
    payment_title: str
    paid: bool  # paid online (date_paid set and not cash on delivery)
    order_key: str
    customer_note: str
    shipping_method: str  # local_pickup, pickup_location, flat_rate, … ("" when none)
    pickup_location: str  # the pickup location's name when the method carries one
    created_gmt: datetime
    modified_gmt: datetime
    created_via: str
    lines: tuple[RemoteOrderLine, ...]
    customer_id: int = 0
    refunded_minor: int = 0  # sum of the order's refunds
    pos_txn_uuid: str = ""  # set on orders a till created (``_pos_txn_uuid`` meta)
    pos_receipt_no: str = ""


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

    def pull_orders(self, modified_after: datetime | None) -> Iterator[list[RemoteOrder]]:
        """Pages of online orders changed after the cursor (when None: the open ones). The caller
        dedupes by ``remote_id`` and picks the click-and-collect ones."""
        ...

    def add_order_note(self, order_id: int, note: str, customer_note: bool) -> int:
        """Add a note to an order (``customer_note``: visible to and e-mailed to the customer); its id."""
        ...

    def order_notes(self, order_id: int) -> list[tuple[str, bool]]:
        """The order's notes as ``(text, customer_note)``, newest first."""
        ...

    def complete_order(self, order_id: int, *, note: str | None = None,
                       payment: Mapping[str, Any] | None = None) -> RemoteOrderRef:
        """Mark a collected order completed, once: an order already completed is left alone
        (``extra["already"]``); a cancelled/refunded one raises ``PermanentError`` code
        ``order_cancelled_online``. Never touches stock (the order reduced it when it was placed).
        ``payment``: taken at the till (pickup event payload ``payment``); marks the order paid in
        the same update, once."""
        ...

    def record_payment(self, order_id: int, payment: Mapping[str, Any]) -> RemoteOrderRef:
        """Mark an order still open paid at the till (partial hand-over), once."""
        ...

    def cancel_order(self, order_id: int, *, note: str | None = None) -> RemoteOrderRef:
        """Cancel an order (the store restores its stock), once; a completed one raises
        ``PermanentError`` code ``order_completed_online``."""
        ...
