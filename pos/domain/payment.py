"""Tenders and settlement: what was paid, how, and the change due."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pos.domain.errors import PaymentError
from pos.domain.money import Money, round_half_up

# Cash handed over beyond this much over the amount due is almost surely a typo or a scan.
MAX_CHANGE_MAJOR = 1000


class TenderKind(StrEnum):
    CASH = "cash"
    CARD = "card"
    WALLET = "wallet"
    VOUCHER = "voucher"
    EXCHANGE = "exchange"  # the value of goods returned in the same exchange (pos/services/returns_exchange.py)


@dataclass(frozen=True, slots=True)
class Tender:
    kind: TenderKind
    amount: Money  # what was handed over (cash may exceed the due amount)
    reference: str | None = None  # card approval code, wallet transaction, voucher number

    def __post_init__(self) -> None:
        if self.amount.minor <= 0:
            raise PaymentError(reason="tender_not_positive", amount=self.amount.to_api())


@dataclass(frozen=True, slots=True)
class Settlement:
    due: Money  # ticket total plus cash rounding
    paid: Money  # sum of tenders, cash counted in full
    change: Money  # returned to the customer, always >= 0
    remaining: Money  # still to pay, always >= 0
    rounding: Money  # cash rounding adjustment added to the ticket total

    @property
    def complete(self) -> bool:
        return self.remaining.minor == 0


def round_cash(amount: Money, step_minor: int) -> Money:
    """Round to the smallest coin in circulation (e.g. 5 cents), halves up."""
    if step_minor <= 1:
        return amount
    return Money(round_half_up(Decimal(amount.minor) / step_minor) * step_minor, amount.currency)


def settle(total: Money, tenders: list[Tender] | tuple[Tender, ...], cash_rounding_minor: int = 1) -> Settlement:
    """Apply tenders in order to ``total``.

    Card, wallet and voucher tenders may not exceed what is still due (no change from a
    card). Cash may; the excess is change. When cash closes the ticket, the amount due in
    cash is rounded to ``cash_rounding_minor``. Raises PaymentError on an impossible mix.
    """
    cur = total.currency
    if total.minor < 0:
        raise PaymentError(reason="negative_total", total=total.to_api())
    remaining = total
    paid = Money.zero(cur)
    change = Money.zero(cur)
    rounding = Money.zero(cur)
    for tender in tenders:
        if tender.amount.currency != cur:
            raise PaymentError(reason="currency", currency=tender.amount.currency)
        if remaining.minor == 0:
            raise PaymentError(reason="already_paid")
        paid = paid + tender.amount
        if tender.kind is TenderKind.CASH:
            cash_due = round_cash(remaining, cash_rounding_minor)
            if tender.amount >= cash_due:
                if (tender.amount - cash_due).to_decimal() > MAX_CHANGE_MAJOR:
                    raise PaymentError(reason="absurd_amount", amount=tender.amount.to_api())
                rounding = cash_due - remaining
                change = tender.amount - cash_due
                remaining = Money.zero(cur)
            elif tender.amount >= remaining:
                # Covers the exact amount but not the rounded-up one (1.04 for 1.03 due
                # 1.05): the ticket is paid, no change, the extra cents are the rounding.
                rounding = tender.amount - remaining
                remaining = Money.zero(cur)
            else:
                remaining = remaining - tender.amount
        else:
            if tender.amount > remaining:
                raise PaymentError(
                    reason="exceeds_due", kind=tender.kind.value, amount=tender.amount.to_api(), due=remaining.to_api()
                )
            remaining = remaining - tender.amount
    return Settlement(due=total + rounding, paid=paid, change=change, remaining=remaining, rounding=rounding)
