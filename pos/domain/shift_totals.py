"""The arithmetic of a cash shift: expected cash, variance and the Z/X report totals.

Pure: the service reads the shift's documents (every ``sales`` row of the till inside the shift's
time window, whatever its kind) and hands them here as plain values. Amounts are integer minor units
of one currency.

Money direction: a ``return`` is money OUT (its tender amounts are stored positive); every other kind
(``sale``, ``pickup`` payment at the store, anything newer) is money IN. For cash:

    expected = float + cash in − cash out + Σ cash tendered (in) − Σ change given − Σ cash refunded

and the variance of a blind count is ``counted − expected`` (negative: cash is missing).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

OUTGOING_KINDS = frozenset({"return"})
CASH = "cash"
WALLET = "wallet"


@dataclass(frozen=True, slots=True)
class DocLine:
    category: str
    total_minor: int  # after discounts, VAT included, always positive as stored
    qty_milli: int


@dataclass(frozen=True, slots=True)
class DocTax:
    code: str
    percent: str
    base_minor: int
    tax_minor: int


@dataclass(frozen=True, slots=True)
class ShiftDocument:
    """One ``sales`` row of the shift, as stored (positive amounts; the kind gives the direction)."""

    kind: str
    cashier: str
    total_minor: int
    tenders: tuple[tuple[str, int], ...]  # (tender kind, amount handed over)
    change_minor: int = 0
    discount_minor: int = 0
    rounding_minor: int = 0
    taxes: tuple[DocTax, ...] = ()
    lines: tuple[DocLine, ...] = ()

    @property
    def sign(self) -> int:
        return -1 if self.kind in OUTGOING_KINDS else 1

    @property
    def cash_net(self) -> int:
        """Cash this document put into (+) or took out of (−) the drawer."""
        cash = sum(amount for kind, amount in self.tenders if kind == CASH)
        return self.sign * (cash - self.change_minor)


@dataclass(frozen=True, slots=True)
class CashMove:
    kind: str  # in | out
    amount_minor: int  # positive


@dataclass(frozen=True, slots=True)
class CashSummary:
    float_minor: int
    cash_in: int  # cash movements in
    cash_out: int  # cash movements out
    cash_tendered: int  # cash handed over on sales, pickups… (money in)
    change_given: int
    cash_refunded: int  # cash paid out on returns

    @property
    def expected(self) -> int:
        return (self.float_minor + self.cash_in - self.cash_out + self.cash_tendered - self.change_given
                - self.cash_refunded)


@dataclass(frozen=True, slots=True)
class Bucket:
    """A line of a report: how many documents and how much (signed: returns count negative)."""

    count: int = 0
    amount: int = 0

    def plus(self, amount: int, count: int = 1) -> Bucket:
        return Bucket(self.count + count, self.amount + amount)


def _add(table: dict[str, Bucket], key: str, amount: int, count: int = 1) -> None:
    table[key] = table.get(key, Bucket()).plus(amount, count)


@dataclass(frozen=True)
class ShiftTotals:
    """Everything an X or Z report shows about the money (counts of voids etc. come from the audit)."""

    cash: CashSummary
    by_kind: dict[str, Bucket] = field(default_factory=dict)  # sale / return / pickup …: signed totals
    by_tender: dict[str, Bucket] = field(default_factory=dict)  # signed net per tender kind
    by_tax: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # code → (percent, base, tax), signed
    by_category: dict[str, Bucket] = field(default_factory=dict)  # signed, from the lines
    by_cashier: dict[str, Bucket] = field(default_factory=dict)  # signed
    discounts: Bucket = Bucket()  # documents with a discount, total discount given
    rounding_minor: int = 0
    net_minor: int = 0  # Σ signed document totals (sales + pickups − returns)

    @property
    def expected_cash(self) -> int:
        return self.cash.expected


def summarize(documents: Iterable[ShiftDocument], moves: Iterable[CashMove], float_minor: int) -> ShiftTotals:
    """Totals of a shift from its documents and cash movements. Raises ValueError on a negative amount."""
    by_kind: dict[str, Bucket] = {}
    by_tender: dict[str, Bucket] = {}
    by_tax: dict[str, tuple[str, int, int]] = {}
    by_category: dict[str, Bucket] = {}
    by_cashier: dict[str, Bucket] = {}
    discounts = Bucket()
    tendered = change = refunded = rounding = net = 0
    for doc in documents:
        if doc.total_minor < 0 or doc.change_minor < 0 or any(a < 0 for _k, a in doc.tenders):
            raise ValueError(f"negative amount in a {doc.kind} document")
        sign = doc.sign
        _add(by_kind, doc.kind, sign * doc.total_minor)
        _add(by_cashier, doc.cashier, sign * doc.total_minor)
        net += sign * doc.total_minor
        rounding += sign * doc.rounding_minor
        for kind, amount in doc.tenders:
            # change is always given in cash: the cash tender's net is what stayed in the drawer
            net_amount = amount - (doc.change_minor if kind == CASH else 0)
            _add(by_tender, kind, sign * net_amount)
            if kind == CASH:
                if sign > 0:
                    tendered += amount
                else:
                    refunded += amount - doc.change_minor
        if sign > 0:
            change += doc.change_minor
        if doc.discount_minor and sign > 0:
            discounts = discounts.plus(doc.discount_minor)
        for tax in doc.taxes:
            percent, base, amount = by_tax.get(tax.code, (tax.percent, 0, 0))
            by_tax[tax.code] = (percent, base + sign * tax.base_minor, amount + sign * tax.tax_minor)
        for line in doc.lines:
            _add(by_category, line.category, sign * line.total_minor)
    cash_in = cash_out = 0
    for move in moves:
        if move.amount_minor <= 0:
            raise ValueError("cash movements are positive")
        if move.kind == "in":
            cash_in += move.amount_minor
        elif move.kind == "out":
            cash_out += move.amount_minor
        else:
            raise ValueError(f"unknown cash movement {move.kind!r}")
    cash = CashSummary(float_minor, cash_in, cash_out, tendered, change, refunded)
    return ShiftTotals(cash, by_kind, by_tender, by_tax, by_category, by_cashier, discounts, rounding, net)


def variance(expected_minor: int, counted_minor: int) -> int:
    """Counted minus expected: positive is cash over, negative is cash short."""
    return counted_minor - expected_minor
