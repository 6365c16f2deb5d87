"""Loyalty rules: how much cashback a ticket earns, how much of a wallet may be spent now, and how
much cashback a return takes back. Pure functions over integer minor units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from pos.domain.errors import DomainError
from pos.domain.money import round_half_up


class WalletError(DomainError):
    """A wallet payment was refused. ``reason``: no_customer, no_online_account, insufficient,
    offline_cap, not_confirmed, hold_expired, not_positive."""

    code = "wallet_refused"


@dataclass(frozen=True, slots=True)
class CashbackRules:
    percent: Decimal  # of the eligible amount, e.g. Decimal("2")
    excluded_categories: frozenset[str]
    min_ticket_minor: int  # tickets below this earn nothing

    def __post_init__(self) -> None:
        if not Decimal(0) <= self.percent <= Decimal(100):
            raise ValueError("cashback percent must be between 0 and 100")


@dataclass(frozen=True, slots=True)
class EarnLine:
    total_minor: int  # what the customer pays for the line, after discounts
    category: str | None


def cashback_for(lines: Iterable[EarnLine], ticket_total_minor: int, wallet_paid_minor: int,
                 rules: CashbackRules) -> int:
    """Cashback earned by a ticket, rounded down to the minor unit.

    Lines of an excluded category (gift cards…) earn nothing, nor does the part of the ticket paid
    with the wallet itself (store credit does not earn store credit): the wallet share is taken off
    the eligible amount first. A ticket whose total is below ``min_ticket_minor`` earns nothing.
    """
    if ticket_total_minor < rules.min_ticket_minor or rules.percent == 0:
        return 0
    eligible = sum(ln.total_minor for ln in lines if ln.category not in rules.excluded_categories)
    eligible = max(0, eligible - max(0, wallet_paid_minor))
    return int((Decimal(eligible) * rules.percent / 100).to_integral_value(rounding=ROUND_DOWN))


def spendable(*, balance_minor: int | None, pending_debits_minor: int, online: bool,
              offline_pending_minor: int = 0, offline_cap_minor: int = 0) -> int:
    """How much may be held now for a new wallet payment (never negative).

    ``balance_minor``: the store's balance (read live when ``online``, else the last known one;
    ``None`` when never read). ``pending_debits_minor``: this till's debits the store has not
    confirmed yet (they are not in that balance). Offline, the customer may also not exceed
    ``offline_cap_minor`` in unconfirmed offline payments (``offline_pending_minor`` so far).
    """
    if balance_minor is None:
        return 0
    available = balance_minor - pending_debits_minor
    if not online:
        available = min(available, offline_cap_minor - offline_pending_minor)
    return max(0, available)


def reversal_for(earned_minor: int, already_reversed_minor: int, refunded_minor: int,
                 original_total_minor: int) -> int:
    """Cashback to take back for a return: the refunded share of what the sale earned, rounded half
    up, never more than what is left after earlier reversals (so several partial returns of one
    ticket never take back more than it earned)."""
    if earned_minor <= 0 or refunded_minor <= 0 or original_total_minor <= 0:
        return 0
    share = Decimal(earned_minor) * min(refunded_minor, original_total_minor) / original_total_minor
    proportional = round_half_up(share)
    return max(0, min(proportional, earned_minor - already_reversed_minor))
