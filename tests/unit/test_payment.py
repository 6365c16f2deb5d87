"""Settlement: tenders, change, cash rounding and impossible payments."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.domain.errors import DomainError, PaymentError
from pos.domain.money import Money
from pos.domain.payment import MAX_CHANGE_MAJOR, Settlement, Tender, TenderKind, round_cash, settle

FAST = settings(max_examples=200, deadline=None, database=None)
CASH, CARD, WALLET, VOUCHER = TenderKind.CASH, TenderKind.CARD, TenderKind.WALLET, TenderKind.VOUCHER
MAX_CHANGE_MINOR = MAX_CHANGE_MAJOR * 100


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def tenders(*pairs: tuple[TenderKind, int]) -> list[Tender]:
    return [Tender(kind, eur(minor)) for kind, minor in pairs]


def outcome(s: Settlement) -> tuple[int, int, int, int, int]:
    """(due, paid, change, remaining, rounding) in cents."""
    return s.due.minor, s.paid.minor, s.change.minor, s.remaining.minor, s.rounding.minor


# --- happy paths -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "paid_with", "step", "expected"),
    [
        pytest.param(1234, [(CASH, 2000)], 1, (1234, 2000, 766, 0, 0), id="cash-change"),
        pytest.param(1234, [(CASH, 5000)], 1, (1234, 5000, 3766, 0, 0), id="cash-big-note"),
        pytest.param(1234, [(CASH, 1234)], 1, (1234, 1234, 0, 0, 0), id="cash-exact"),
        pytest.param(1234, [(CARD, 1234)], 1, (1234, 1234, 0, 0, 0), id="card-exact"),
        pytest.param(1000, [(CARD, 400)], 1, (1000, 400, 0, 600, 0), id="card-partial-open"),
        pytest.param(1000, [(CASH, 500), (CARD, 500)], 1, (1000, 1000, 0, 0, 0), id="cash-then-card"),
        pytest.param(1000, [(VOUCHER, 300), (WALLET, 200), (CASH, 1000)], 1, (1000, 1500, 500, 0, 0), id="split"),
        pytest.param(0, [], 1, (0, 0, 0, 0, 0), id="nothing-due"),
        pytest.param(1000, [], 1, (1000, 0, 0, 1000, 0), id="no-tender-yet"),
        # Cash rounding to 5 cents: the amount due *in cash* is rounded, halves up.
        pytest.param(101, [(CASH, 100)], 5, (100, 100, 0, 0, -1), id="r5-1.01-down"),
        pytest.param(102, [(CASH, 200)], 5, (100, 200, 100, 0, -2), id="r5-1.02-down"),
        pytest.param(103, [(CASH, 200)], 5, (105, 200, 95, 0, 2), id="r5-1.03-up"),
        pytest.param(104, [(CASH, 105)], 5, (105, 105, 0, 0, 1), id="r5-1.04-up"),
        pytest.param(105, [(CASH, 105)], 5, (105, 105, 0, 0, 0), id="r5-exact"),
        pytest.param(1297, [(CASH, 2000)], 5, (1295, 2000, 705, 0, -2), id="r5-12.97"),
        pytest.param(103, [(CARD, 103)], 5, (103, 103, 0, 0, 0), id="r5-not-on-card"),
        pytest.param(103, [(CARD, 100), (CASH, 5)], 5, (105, 105, 0, 0, 2), id="r5-rest-in-cash"),
        pytest.param(102, [(CARD, 100), (CASH, 100)], 5, (100, 200, 100, 0, -2), id="r5-rest-rounds-to-0"),
        pytest.param(103, [(CASH, 50)], 5, (103, 50, 0, 53, 0), id="r5-partial-cash-no-rounding-yet"),
        # Cash covering the exact amount but not the rounded one closes the ticket (was: remaining -0.01).
        pytest.param(103, [(CASH, 104)], 5, (104, 104, 0, 0, 1), id="r5-between-exact-and-rounded"),
        pytest.param(103, [(CASH, 103)], 5, (103, 103, 0, 0, 0), id="r5-exact-unrounded"),
        pytest.param(105, [(CASH, 200)], 10, (110, 200, 90, 0, 5), id="r10-half-up"),
        pytest.param(125, [(CASH, 200)], 50, (150, 200, 50, 0, 25), id="r50-half-up"),
    ],
)
def test_settle(
    total: int, paid_with: list[tuple[TenderKind, int]], step: int, expected: tuple[int, int, int, int, int]
) -> None:
    s = settle(eur(total), tenders(*paid_with), step)
    assert outcome(s) == expected
    assert s.complete is (expected[3] == 0)


@pytest.mark.parametrize(
    ("minor", "step", "rounded"),
    [
        (101, 5, 100),
        (102, 5, 100),
        (103, 5, 105),
        (104, 5, 105),
        (105, 5, 105),
        (0, 5, 0),
        (2, 5, 0),
        (3, 5, 5),
        (105, 10, 110),
        (104, 10, 100),
        (125, 50, 150),
        (124, 50, 100),
        (1995, 10, 2000),
        (103, 1, 103),
        (103, 0, 103),
    ],
)
def test_round_cash(minor: int, step: int, rounded: int) -> None:
    assert round_cash(eur(minor), step) == eur(rounded)


# --- impossible payments ---------------------------------------------------------------


def payment_error(call: Any) -> PaymentError:
    with pytest.raises(PaymentError) as info:
        call()
    assert isinstance(info.value, DomainError)
    assert info.value.code == "payment_error"
    return info.value


@pytest.mark.parametrize("kind", [CARD, WALLET, VOUCHER])
def test_non_cash_tender_exceeding_the_due(kind: TenderKind) -> None:
    err = payment_error(lambda: settle(eur(1000), tenders((kind, 1200))))
    assert err.params == {"reason": "exceeds_due", "kind": kind.value, "amount": "12.00", "due": "10.00"}


def test_card_exceeding_what_is_left_after_cash() -> None:
    err = payment_error(lambda: settle(eur(1000), tenders((CASH, 700), (CARD, 301))))
    assert err.params == {"reason": "exceeds_due", "kind": "card", "amount": "3.01", "due": "3.00"}


@pytest.mark.parametrize(
    ("total", "cash", "absurd"),
    [
        (500, 500 + MAX_CHANGE_MINOR, False),  # exactly 1000.00 change is still plausible
        (500, 500 + MAX_CHANGE_MINOR + 1, True),
        (500, 100_000_000, True),
        (103, 105 + MAX_CHANGE_MINOR, False),  # measured against the rounded cash due (1.05)
        (103, 106 + MAX_CHANGE_MINOR, True),
    ],
)
def test_absurd_cash_amount(total: int, cash: int, absurd: bool) -> None:
    def run() -> Settlement:
        return settle(eur(total), tenders((CASH, cash)), 5)

    if absurd:
        err = payment_error(run)
        assert err.params == {"reason": "absurd_amount", "amount": eur(cash).to_api()}
    else:
        assert run().change.minor == MAX_CHANGE_MINOR


@pytest.mark.parametrize(
    ("call", "params"),
    [
        (lambda: Tender(CASH, eur(0)), {"reason": "tender_not_positive", "amount": "0.00"}),
        (lambda: Tender(CARD, eur(-500)), {"reason": "tender_not_positive", "amount": "-5.00"}),
        (lambda: settle(eur(-100), []), {"reason": "negative_total", "total": "-1.00"}),
        (lambda: settle(eur(100), [Tender(CARD, Money(100, "MXN"))]), {"reason": "currency", "currency": "MXN"}),
        (lambda: settle(eur(100), tenders((CARD, 100), (CASH, 100))), {"reason": "already_paid"}),
        (lambda: settle(eur(0), tenders((CASH, 100))), {"reason": "already_paid"}),
    ],
)
def test_payment_errors(call: Any, params: dict[str, str]) -> None:
    assert payment_error(call).params == params


# --- properties ------------------------------------------------------------------------


def check_settlement(total: int, ts: list[Tender], step: int, s: Settlement) -> None:
    assert s.change.minor >= 0
    assert s.remaining.minor >= 0
    assert s.paid == eur(sum(t.amount.minor for t in ts))
    assert s.due == eur(total) + s.rounding
    assert 2 * abs(s.rounding.minor) <= step
    if not any(t.kind is CASH for t in ts):
        assert s.change.minor == 0
        assert s.rounding.minor == 0
    if s.complete:
        assert s.paid - s.change == s.due
    else:
        assert (s.change.minor, s.rounding.minor) == (0, 0)
        assert s.paid + s.remaining == eur(total)


@given(st.data(), st.integers(0, 1_000_000), st.sampled_from([1, 5, 10, 50]))
@FAST
def test_settle_properties_on_valid_payments(data: st.DataObject, total: int, step: int) -> None:
    ts: list[Tender] = []
    for _ in range(data.draw(st.integers(0, 4))):
        so_far = settle(eur(total), ts, step)
        if so_far.complete:
            break
        left = so_far.remaining.minor
        kind = data.draw(st.sampled_from(list(TenderKind)))
        if kind is CASH:  # near the amount left, or anything short of an absurd amount of change
            amount = data.draw(st.integers(max(1, left - 10), left + 10) | st.integers(1, left + MAX_CHANGE_MINOR - 50))
        else:
            amount = data.draw(st.integers(1, left))
        ts.append(Tender(kind, eur(amount)))
    s = settle(eur(total), ts, step)
    check_settlement(total, ts, step, s)


@given(
    st.integers(0, 200_000),
    st.lists(st.tuples(st.sampled_from(list(TenderKind)), st.integers(1, 300_000)), max_size=4),
    st.sampled_from([1, 5, 10]),
)
@FAST
def test_settle_properties_on_any_tenders(total: int, pairs: list[tuple[TenderKind, int]], step: int) -> None:
    ts = tenders(*pairs)
    try:
        s = settle(eur(total), ts, step)
    except PaymentError as err:
        assert err.code == "payment_error"
        assert err.params["reason"] in {"exceeds_due", "already_paid", "absurd_amount"}
        return
    check_settlement(total, ts, step, s)


def test_change_is_exact_decimal() -> None:
    s = settle(eur(1234), tenders((CASH, 2000)))
    assert s.change.to_decimal() == Decimal("7.66")
