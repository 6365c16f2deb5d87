"""Plain data handed to the UI: never live ORM objects, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos.domain.cart import CartTotals
from pos.domain.money import Money
from pos.domain.sync_reason import SyncReason
from pos.domain.tax import TaxRate


@dataclass(frozen=True, slots=True)
class ProductView:
    product_id: int
    sku: str
    name: str
    price: Money
    tax_rate: TaxRate
    barcode: str | None
    on_hand: Decimal
    category_id: int | None = None


@dataclass(frozen=True, slots=True)
class UserView:
    user_id: int
    name: str
    role: str

    @property
    def is_manager(self) -> bool:
        return self.role in ("manager", "admin")


@dataclass(frozen=True, slots=True)
class CartLineView:
    line_id: int
    product_id: int
    sku: str
    name: str
    quantity: Decimal
    unit_price: Money
    discount: Money  # line discount plus share of the ticket discount
    total: Money
    tax_label: str


@dataclass(frozen=True, slots=True)
class CartView:
    """What the sale screen shows; returned by every TillSession edit."""

    lines: tuple[CartLineView, ...]
    totals: CartTotals
    changed_line_id: int | None = None  # the line to highlight and scroll to
    customer_name: str | None = None


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    sku: str
    quantity: Decimal
    unit_price: Money
    discount: Money
    total: Money
    tax_code: str


@dataclass(frozen=True, slots=True)
class ReceiptTax:
    label: str
    base: Money
    tax: Money


@dataclass(frozen=True, slots=True)
class ReceiptTender:
    kind: str
    amount: Money
    reference: str | None


@dataclass(frozen=True, slots=True)
class Receipt:
    """One receipt model; the preview, ESC/POS and PDF renderers all draw from it."""

    sale_uuid: str
    kind: str  # sale | return
    receipt_no: str
    created_at: datetime
    store_name: str
    tax_id: str
    address: str
    till_id: str
    cashier: str
    lines: tuple[ReceiptLine, ...]
    taxes: tuple[ReceiptTax, ...]
    tenders: tuple[ReceiptTender, ...]
    subtotal: Money
    discount: Money
    rounding: Money
    total: Money
    change: Money
    footer: str
    original_receipt_no: str | None = None  # a return: the receipt or online order it corrects
    customer: str = ""  # the loyalty customer the ticket was sold to
    cashback: Money | None = None  # what this ticket credited to the customer's wallet


@dataclass(frozen=True, slots=True)
class ParkedView:
    parked_id: int
    label: str
    total: Money
    created_at: datetime
    cashier_id: int


@dataclass(frozen=True, slots=True)
class HealthLine:
    status: str  # OK | WARN | FAIL
    name: str
    detail: str


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar says about the online store."""

    configured: bool
    online: bool
    offline_since: datetime | None
    pending: int
    parked: int
    last_success: datetime | None
    last_error: SyncReason | None = None
    auth_failed: bool = False
    store_name: str = ""


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One event waiting for (or refused by) the online store, for the sync panel."""

    event_id: int
    event_type: str
    aggregate_uuid: str
    label: str  # receipt number or similar
    status: str  # pending | parked | sent | resolved
    attempts: int
    reason: SyncReason | None  # why the store has not taken it (yet)
    created_at: datetime
    next_attempt_at: datetime | None


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """Outcome of "test connection". ``kind``: ok, bad_url, unreachable, tls, no_rest, no_woocommerce,
    bad_credentials, error. ``detail`` is technical text for IT (never contains secrets)."""

    kind: str
    detail: str
    store_name: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "ok"


@dataclass(frozen=True, slots=True)
class IssuedInvoice:
    """A full invoice for a ticket: its own gapless number plus the customer's tax data."""

    invoice_no: str
    issued_at: datetime
    customer_name: str
    customer_tax_id: str
    customer_address: str
    customer_email: str
    receipt: Receipt
    rectifies_no: str | None = None  # a rectifying invoice (of a return): the invoice it corrects
    rectifies_issued_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PickupLineView:
    """One line of a click-and-collect order; quantities in units (``Decimal``)."""

    line_id: int
    product_id: int | None  # None when the online product is not in the till's catalogue
    sku: str
    name: str
    quantity: Decimal
    picked: Decimal
    collected: Decimal
    total: Money

    @property
    def remaining(self) -> Decimal:
        return self.quantity - self.collected


@dataclass(frozen=True, slots=True)
class PickupView:
    """A click-and-collect order for the pickup desk (list row and detail).

    ``state``: new, preparing, ready, partially_collected, collected, no_show, cancelled.
    ``overdue``: waiting longer than the configured no-show days. ``conflict``: needs a manager.
    """

    pickup_id: int
    number: str
    state: str
    remote_status: str
    customer_name: str
    email: str
    phone: str
    paid_online: bool
    payment_title: str
    total: Money
    created_at: datetime
    ready_at: datetime | None
    collected_at: datetime | None
    prepared_by: int | None
    customer_note: str
    overdue: bool
    conflict: str | None
    lines: tuple[PickupLineView, ...]
    paid_by_sale_uuid: str | None = None  # the till's ``pickup`` sale when paid at the store
    pickup_location: str = ""

    @property
    def needs_payment(self) -> bool:
        return not self.paid_online

    @property
    def fully_picked(self) -> bool:
        return all(ln.picked >= ln.quantity - ln.collected for ln in self.lines)


@dataclass(frozen=True, slots=True)
class HandoverResult:
    """What a hand-over did: the lines and quantities given to the customer."""

    handover_uuid: str
    complete: bool  # True when nothing is left to collect
    collected: tuple[tuple[int, Decimal], ...]  # (line_id, quantity)
    pickup: PickupView
