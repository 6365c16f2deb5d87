"""Plain data about shifts, reports and the audit log, handed to the UI and the report renderers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class ShiftView:
    shift_id: int
    till_id: str
    number: int
    currency: str
    opened_at: datetime
    opened_by: str
    float_minor: int
    closed_at: datetime | None = None
    closed_by: str | None = None
    z_number: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True, slots=True)
class Line:
    """One row of a report table: a label, how many, how much (signed minor units)."""

    label: str
    count: int
    amount: int


@dataclass(frozen=True, slots=True)
class TaxRow:
    code: str
    percent: str
    base: int
    tax: int


@dataclass(frozen=True, slots=True)
class CashMoveRow:
    kind: str  # in | out
    amount: int
    reason: str
    user: str
    at: datetime


@dataclass(frozen=True)
class ShiftReport:
    """An X report (mid-shift, ``z_number`` None) or a Z report (the close, with the blind count).

    Signed amounts: returns are negative. ``by_kind`` labels are the ``sales.kind`` values (sale, return,
    pickup…); ``by_tender`` labels tender kinds (cash, card, wallet…); renderers translate them."""

    kind: str  # X | Z
    till_id: str
    store_name: str
    currency: str
    shift_number: int
    z_number: int | None
    opened_at: datetime
    opened_by: str
    taken_at: datetime  # when the report was taken (the close for a Z)
    taken_by: str
    float_minor: int
    cash_in: int
    cash_out: int
    cash_tendered: int
    change_given: int
    cash_refunded: int
    expected_cash: int
    counted_cash: int | None = None
    variance: int | None = None
    counted: tuple[tuple[int, int], ...] = ()  # (denomination, pieces)
    documents: int = 0
    first_receipt: str = ""
    last_receipt: str = ""
    net_total: int = 0
    rounding: int = 0
    by_kind: tuple[Line, ...] = ()
    by_tender: tuple[Line, ...] = ()
    by_tax: tuple[TaxRow, ...] = ()
    by_category: tuple[Line, ...] = ()
    by_cashier: tuple[Line, ...] = ()
    returns: Line = Line("return", 0, 0)
    discounts: Line = Line("discount", 0, 0)
    wallet: Line = Line("wallet", 0, 0)
    pickups: Line = Line("pickup", 0, 0)  # pickup payments taken at this till
    pickup_handovers: int = 0
    voided_lines: Line = Line("void_line", 0, 0)
    voided_sales: Line = Line("void_sale", 0, 0)
    price_changes: int = 0
    no_sales: int = 0
    cash_moves: tuple[CashMoveRow, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """For ``shifts.z_report``: what was signed off, kept as printed."""
        data = asdict(self)
        for key in ("opened_at", "taken_at"):
            data[key] = data[key].isoformat()
        data["cash_moves"] = [{**m, "at": m["at"].isoformat()} for m in data["cash_moves"]]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ShiftReport:
        def lines(items: list[dict[str, Any]]) -> tuple[Line, ...]:
            return tuple(Line(**i) for i in items)

        return cls(**{
            **data,
            "opened_at": datetime.fromisoformat(data["opened_at"]),
            "taken_at": datetime.fromisoformat(data["taken_at"]),
            "counted": tuple((int(d), int(n)) for d, n in data["counted"]),
            "by_kind": lines(data["by_kind"]), "by_tender": lines(data["by_tender"]),
            "by_category": lines(data["by_category"]), "by_cashier": lines(data["by_cashier"]),
            "by_tax": tuple(TaxRow(**t) for t in data["by_tax"]),
            "returns": Line(**data["returns"]), "discounts": Line(**data["discounts"]),
            "wallet": Line(**data["wallet"]), "pickups": Line(**data["pickups"]),
            "voided_lines": Line(**data["voided_lines"]), "voided_sales": Line(**data["voided_sales"]),
            "cash_moves": tuple(CashMoveRow(**{**m, "at": datetime.fromisoformat(m["at"])})
                                for m in data["cash_moves"]),
        })


@dataclass(frozen=True, slots=True)
class AuditView:
    entry_id: int
    at: datetime
    user: str
    approved_by: str
    action: str
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class StaffView:
    user_id: int
    name: str
    role: str
    active: bool
