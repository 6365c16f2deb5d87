"""Plain data of the returns use cases (safe to hand to the UI and to other threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos.domain.money import Money
from pos.services.dto import Receipt


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    """One line of the original document. ``key``: ``s:<sale line id>`` or ``o:<online line id>``."""

    key: str
    product_id: int | None  # None: the online product is not in the till's catalogue (cannot be taken back)
    sku: str
    name: str
    sold: Decimal
    returned: Decimal  # already returned, here or anywhere the store knows of
    returnable: Decimal
    total: Money  # what the customer paid for the whole line (VAT included)
    tax_label: str


@dataclass(frozen=True, slots=True)
class ReturnableDoc:
    """A receipt of this till (``source='store'``, ``ref`` = sale UUID) or an online order, or a sale of
    another till known through the store (``source='online'``, ``ref`` = local online order id)."""

    source: str
    ref: str
    number: str  # receipt number or online order number
    created_at: datetime
    customer_id: int | None
    customer_name: str
    customer_email: str
    paid_with: str  # tender kinds or the online payment method's title
    paid_by_card: bool  # a card tender, or paid online through a gateway
    total: Money
    lines: tuple[ReturnableLine, ...]
    routes: tuple[str, ...]  # cash, card, wallet, gateway (the refund routes this document allows)
    default_route: str
    remote_order_id: int | None
    checked_online_at: datetime | None  # when the store's refunds were last read (online orders)
    status: str = ""  # the store's order status (online)


@dataclass(frozen=True, slots=True)
class ReturnItem:
    """How much of a line goes back; ``restock``: into this store's stock (not for damaged goods)."""

    key: str
    quantity: Decimal
    restock: bool = True


@dataclass(frozen=True, slots=True)
class NoReceiptItem:
    product_id: int
    quantity: Decimal
    restock: bool = True


@dataclass(frozen=True)
class ReturnRequest:
    """A return to quote or to record. ``source``/``ref`` name the original (``source='none'``: no
    receipt, with ``no_receipt_items`` valued at today's prices). ``route`` "" = the document's
    default. ``card_reference``: the card terminal's refund approval code (route card)."""

    source: str
    ref: str | None
    items: tuple[ReturnItem, ...] = ()
    no_receipt_items: tuple[NoReceiptItem, ...] = ()
    reason: str = "changed_mind"
    route: str = ""
    card_reference: str | None = None
    customer_id: int | None = None
    customer_email: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class QuotedLine:
    key: str
    product_id: int
    sku: str
    name: str
    quantity: Decimal
    amount: Money  # VAT included
    restock: bool


@dataclass(frozen=True)
class ReturnQuote:
    lines: tuple[QuotedLine, ...]
    total: Money  # to refund (before cash rounding)
    route: str
    approvals: tuple[str, ...]  # why a manager must approve (above_threshold, no_receipt, cash_for_card, late)


@dataclass(frozen=True, slots=True)
class ReturnedLineInfo:
    product_id: int
    sku: str
    qty_milli: int
    amount_minor: int  # VAT included
    original_line_id: int | None  # sale_lines.id of a store sale
    online_line_id: int | None  # online_order_lines.id


@dataclass(frozen=True)
class ReturnContext:
    """What ``return_hooks`` receive, inside the return's transaction, after its rows are written.

    ``tenders``: the refund as ``(kind, amount_minor)``, kinds cash, card, wallet (store credit to
    give), gateway (paid back online), exchange (credited to the new sale). Amounts positive, money
    going to the customer. ``refunded_total_minor`` is their sum.
    """

    return_sale_id: int
    return_uuid: str
    receipt_no: str
    source: str  # store | online | none
    original_sale_id: int | None
    original_sale_uuid: str | None
    online_order_remote_id: int | None
    customer_id: int | None
    customer_email: str
    tenders: tuple[tuple[str, int], ...]
    refunded_total_minor: int
    currency: str
    user_id: int
    approved_by: int | None
    lines: tuple[ReturnedLineInfo, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReturnResult:
    receipt: Receipt  # the return receipt (factura rectificativa)
    context: ReturnContext
    sale_receipt: Receipt | None = None  # the new sale of an exchange
