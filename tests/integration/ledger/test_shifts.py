"""Cash shifts on a real ledger: no sale without an open shift (when required), the shift's window, cash
in/out, the blind close and a Z report whose totals equal the ledger (summed here with plain SQL)."""

from __future__ import annotations

import uuid
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from pos.config import TillSettings
from pos.domain.cash_count import CashCountError
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.chain import chain_hash, last_sale_hash, sale_content
from pos.ledger.db import Ledger
from pos.ledger.models import Sale, SaleLine, SaleTax, TenderRow, utcnow
from pos.services.sales import insert_sale, next_number
from pos.services.shift_guard import ShiftError, require_open_shift
from pos.services.shifts import ShiftService
from tests.integration.ledger.ledger_support import MANAGER_PIN, Till, assert_ledger_consistent, make_till, raw_connect

LECHE, LIMONES, ACEITE = "8412345600012", "8412345602627", "8412345605833"
REQUIRED = TillSettings(require_shift=True)


def _shifts(till: Till) -> ShiftService:
    return ShiftService(till.ledger, till.settings, till.session.permissions)


def _sell(till: Till, codes: list[str], tenders: list[tuple[TenderKind, int]] | None = None,
          extra_cash: int = 0, card: bool = False) -> None:
    for code in codes:
        till.session.scan(code)
    total = till.session.cart.totals().total.minor
    tenders = tenders or [(TenderKind.CARD, total) if card else (TenderKind.CASH, total + extra_cash)]
    till.session.pay([Tender(kind, Money(amount)) for kind, amount in tenders])


def _other_kind(ledger: Ledger, till: Till, kind: str, tenders: list[tuple[str, int]]) -> None:
    """A sales row of another kind, as the returns and pickup-payment use cases write them (positive amounts)."""
    amount = sum(a for _k, a in tenders)
    with ledger.write() as session:
        series = f"T01-{kind[0].upper()}"
        number = next_number(session, series)
        sale = Sale(uuid=str(uuid.uuid4()), kind=kind, store_id="S01", till_id="T01", series=series, number=number,
                    receipt_no=f"{series}-{number:06d}", cashier_id=till.cashier.user_id, currency="EUR",
                    subtotal_minor=amount, discount_minor=0, total_minor=amount, rounding_minor=0, change_minor=0,
                    created_at=utcnow())
        sale.lines.append(SaleLine(line_no=1, product_id=1, sku="MOS-00001", name="Leche", qty_milli=1000,
                                   unit_price_minor=amount, discount_minor=0, total_minor=amount, tax_code="ES-4",
                                   tax_percent="4"))
        base = round(amount / 1.04)
        sale.taxes.append(SaleTax(tax_code="ES-4", tax_percent="4", base_minor=base, tax_minor=amount - base))
        for tender_kind, tender_amount in tenders:
            sale.tenders.append(TenderRow(kind=tender_kind, amount_minor=tender_amount, reference=None))
        sale.prev_hash = last_sale_hash(session)
        sale.hash = chain_hash(sale.prev_hash, sale_content(sale))
        insert_sale(session, sale)


def test_no_sale_without_an_open_shift_when_required(ledger: Ledger, ledger_path: Path) -> None:
    till = make_till(ledger, REQUIRED)
    till.session.scan(LECHE)
    with pytest.raises(ShiftError) as err:
        till.session.pay([Tender(TenderKind.CARD, Money(95))])
    assert err.value.reason == "no_open_shift"
    assert not till.session.cart.is_empty  # the ticket stays to pay once a shift is open
    with ledger.read() as session, pytest.raises(ShiftError):
        require_open_shift(session, "T01")
    shift = _shifts(till).open(till.cashier, {1000: 10})
    with ledger.read() as session:
        assert require_open_shift(session, "T01") == shift.shift_id
    till.session.pay([Tender(TenderKind.CARD, Money(95))])
    assert_ledger_consistent(ledger_path)


def test_without_the_flag_a_till_sells_as_before(ledger: Ledger) -> None:
    till = make_till(ledger)
    _sell(till, [LECHE])


def test_open_twice_and_bad_counts_are_refused(ledger: Ledger) -> None:
    till = make_till(ledger, REQUIRED)
    shifts = _shifts(till)
    with pytest.raises(CashCountError):
        shifts.open(till.cashier, {300: 1})
    assert shifts.current() is None
    first = shifts.open(till.cashier, {5000: 1, 200: 5})
    assert (first.number, first.float_minor, first.opened_by) == (1, 6000, "Ana")
    with pytest.raises(ShiftError) as err:
        shifts.open(till.cashier, {})
    assert err.value.reason == "already_open"


def test_cash_moves_need_a_reason_and_cannot_take_out_more_than_there_is(ledger: Ledger) -> None:
    till = make_till(ledger, REQUIRED)
    shifts = _shifts(till)
    shifts.open(till.cashier, {2000: 1})
    for kind, amount, reason, code in (("in", 500, "  ", "reason_required"), ("in", 0, "x", "not_positive"),
                                       ("out", 2001, "bank", "not_enough_cash")):
        with pytest.raises(ShiftError) as err:
            shifts.cash_move(till.cashier, kind, Money(amount), reason)
        assert err.value.reason == code
    shifts.cash_move(till.cashier, "in", Money(1000), "cambio del banco")
    shifts.cash_move(till.cashier, "out", Money(2500), "ingreso en banco")
    assert shifts.x_report(till.cashier, MANAGER_PIN).expected_cash == 500


def test_z_report_totals_equal_the_ledger(ledger: Ledger, ledger_path: Path) -> None:
    till = make_till(ledger, REQUIRED)
    shifts = _shifts(till)
    # A sale in an earlier shift stays out of this one.
    shifts.open(till.cashier, {1000: 5})
    _sell(till, [ACEITE])
    earlier = shifts.close(till.cashier, {1000: 5})
    assert earlier.z_number == 1

    shifts.open(till.cashier, {2000: 5, 500: 4, 100: 10})  # 130.00
    _sell(till, [LECHE, LIMONES], extra_cash=1000)  # cash with change
    _sell(till, [ACEITE, ACEITE], card=True)
    till.session.scan(LIMONES)
    till.session.scan(ACEITE)
    till.session.set_ticket_discount(Discount.of_percent(20), MANAGER_PIN)
    total = till.session.cart.totals().total.minor
    till.session.pay([Tender(TenderKind.CARD, Money(total - 500)), Tender(TenderKind.CASH, Money(1000))])
    _sell(till, [LECHE], [(TenderKind.WALLET, 95)])
    _other_kind(ledger, till, "return", [("cash", 300)])
    _other_kind(ledger, till, "return", [("card", 200)])
    _other_kind(ledger, till, "pickup", [("cash", 1200)])
    till.session.scan(LECHE)
    till.session.void_line(till.session.cart.lines[0].line_id)
    shifts.cash_move(till.cashier, "out", Money(4000), "ingreso en banco")
    shifts.cash_move(till.cashier, "in", Money(700), "cambio")

    x = shifts.x_report(till.cashier, MANAGER_PIN)
    manager = till.auth.login(MANAGER_PIN)  # a manager closes the cashier's shift
    z = shifts.close(manager, {5000: 2, 2000: 1, 200: 3, 5: 1})
    assert (z.kind, z.z_number, z.shift_number, z.taken_by, z.opened_by) == ("Z", 2, 2, "Marta", "Ana")
    assert z.expected_cash == x.expected_cash and z.documents == 7

    with closing(raw_connect(ledger_path)) as conn:
        opened, closed = conn.execute("SELECT opened_at, closed_at FROM shifts WHERE number = 2").fetchone()
        window = "s.till_id = 'T01' AND s.created_at >= ? AND s.created_at < ?"
        sign = "CASE WHEN s.kind = 'return' THEN -1 ELSE 1 END"
        tenders = dict(conn.execute(
            f"SELECT t.kind, sum({sign} * (t.amount_minor - CASE WHEN t.kind = 'cash' THEN s.change_minor ELSE 0 END))"
            f" FROM tenders t JOIN sales s ON s.id = t.sale_id WHERE {window} GROUP BY t.kind", (opened, closed)))
        net = conn.execute(f"SELECT sum({sign} * s.total_minor), count(*) FROM sales s WHERE {window}",
                           (opened, closed)).fetchone()
        taxes = {code: (base, tax) for code, base, tax in conn.execute(
            f"SELECT x.tax_code, sum({sign} * x.base_minor), sum({sign} * x.tax_minor) FROM sale_taxes x"
            f" JOIN sales s ON s.id = x.sale_id WHERE {window} GROUP BY x.tax_code", (opened, closed))}
        categories = dict(conn.execute(
            f"SELECT c.name, sum({sign} * l.total_minor) FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
            f" JOIN products p ON p.id = l.product_id JOIN categories c ON c.id = p.category_id WHERE {window}"
            " GROUP BY c.name", (opened, closed)))
        cashiers = dict(conn.execute(
            f"SELECT u.name, sum({sign} * s.total_minor) FROM sales s JOIN users u ON u.id = s.cashier_id"
            f" WHERE {window} GROUP BY u.name", (opened, closed)))
        discounts = conn.execute(f"SELECT sum(s.discount_minor) FROM sales s WHERE {window} AND s.kind = 'sale'",
                                 (opened, closed)).fetchone()[0]
        moves = conn.execute("SELECT sum(CASE kind WHEN 'in' THEN amount_minor ELSE -amount_minor END)"
                             " FROM cash_movements").fetchone()[0]

    assert {ln.label: ln.amount for ln in z.by_tender} == tenders
    assert (z.net_total, z.documents) == tuple(net)
    assert {t.code: (t.base, t.tax) for t in z.by_tax} == taxes
    assert {ln.label: ln.amount for ln in z.by_category} == categories
    assert {ln.label: ln.amount for ln in z.by_cashier} == cashiers
    assert z.discounts.amount == discounts > 0
    assert z.expected_cash == 13000 + moves + tenders["cash"]
    assert (z.counted_cash, z.variance) == (12605, 12605 - z.expected_cash)
    assert (z.returns.count, z.returns.amount) == (2, -500)
    assert (z.pickups.count, z.pickups.amount) == (1, 1200)
    assert (z.wallet.count, z.wallet.amount) == (1, 95)
    assert (z.voided_lines.count, z.voided_lines.amount) == (1, 95)
    assert z.counted == ((5000, 2), (2000, 1), (200, 3), (5, 1))
    assert [m.reason for m in z.cash_moves] == ["ingreso en banco", "cambio"]

    assert shifts.z_report(shifts.history()[0].shift_id) == z  # stored as signed off
    assert shifts.current() is None
    till.session.scan(LECHE)
    with pytest.raises(ShiftError):  # closed: no more sales until the next shift opens
        till.session.pay([Tender(TenderKind.CARD, Money(95))])


def test_a_sale_at_another_till_on_the_same_file_is_not_in_this_shift(ledger: Ledger) -> None:
    till = make_till(ledger, REQUIRED)
    other = make_till(ledger, replace(REQUIRED, till_id="T02"))
    _shifts(till).open(till.cashier, {})
    _shifts(other).open(other.cashier, {})
    _sell(till, [LECHE])
    _sell(other, [ACEITE], card=True)
    report = _shifts(till).x_report(till.cashier, MANAGER_PIN)
    assert report.documents == 1 and report.net_total == 95 and report.expected_cash == 95
    assert report.opened_at <= utcnow() and report.taken_at - report.opened_at < timedelta(minutes=5)
