"""Plain data about stock counts handed to the UI, the PDF and the dashboard (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos.domain.errors import DomainError
from pos.domain.money import Money

# Why a counted figure differs from the ledger. Codes are stored; the UI translates them.
REASONS = ("miscount", "shrinkage", "damaged", "expired", "receiving", "unknown")
SCOPES = ("store", "category", "zone")


class CountError(DomainError):
    """A stock count refused an action. ``reason``: wrong_state, already_open, reason_missing (``count``),
    unknown_reason, bad_scope, bad_file, wrong_count, nothing_to_undo."""

    code = "stock_count"


@dataclass(frozen=True, slots=True)
class CountView:
    count_id: int
    uuid: str
    label: str
    scope: str  # store | category | zone
    category_name: str | None
    state: str  # open | review | approved | cancelled
    till_id: str
    started_by: str
    started_at: datetime
    finished_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    products_in_scope: int
    entries: int


@dataclass(frozen=True, slots=True)
class CountedItem:
    """One product of the running list: what has been counted of it so far, and by whom."""

    product_id: int
    sku: str
    name: str
    counted: Decimal
    last_qty: Decimal
    last_at: datetime
    counted_by: tuple[str, ...]  # "Ana@T01", …


@dataclass(frozen=True, slots=True)
class ReviewLine:
    product_id: int
    sku: str
    name: str
    snapshot: Decimal  # on-hand when the count started
    moved: Decimal  # movements (sales, returns, …) between the start and the moment it was counted
    expected: Decimal
    counted: Decimal
    variance: Decimal
    unit_price: Money
    variance_value: Money
    reason: str | None
    note: str | None
    adjustment_uuid: str | None


@dataclass(frozen=True, slots=True)
class CountReview:
    count: CountView
    lines: tuple[ReviewLine, ...]  # variances first (largest value first), then the matches

    @property
    def variances(self) -> tuple[ReviewLine, ...]:
        return tuple(line for line in self.lines if line.variance)

    @property
    def missing_reasons(self) -> int:
        return sum(1 for line in self.variances if not line.reason)

    def net_value(self, currency: str) -> Money:
        return Money(sum(line.variance_value.minor for line in self.lines), currency)

    def gross_value(self, currency: str) -> Money:
        return Money(sum(abs(line.variance_value.minor) for line in self.lines), currency)


@dataclass(frozen=True, slots=True)
class CountSuggestion:
    """A product worth counting in the next cycle count, and why (``why``: drift, value, not_counted)."""

    product_id: int
    sku: str
    name: str
    on_hand: Decimal
    stock_value: Money
    why: tuple[str, ...]
    drift: Decimal | None
    last_counted_at: datetime | None
