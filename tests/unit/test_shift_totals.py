"""Shift close arithmetic, table-driven: expected cash, variance and the report totals."""

from __future__ import annotations

import pytest

from pos.domain.cash_count import CashCount, CashCountError, denominations
from pos.domain.shift_totals import CashMove, DocLine, DocTax, ShiftDocument, summarize, variance


def sale(total: int, *tenders: tuple[str, int], change: int = 0, kind: str = "sale", cashier: str = "Ana",
         discount: int = 0) -> ShiftDocument:
    return ShiftDocument(kind=kind, cashier=cashier, total_minor=total, tenders=tenders, change_minor=change,
                         discount_minor=discount)


CASES = [
    # (name, float, documents, moves, expected cash, counted, variance)
    ("empty shift keeps the float", 10000, [], [], 10000, 10000, 0),
    ("cash sale with change", 10000, [sale(1250, ("cash", 2000), change=750)], [], 11250, 11250, 0),
    ("card sale touches no cash", 10000, [sale(1250, ("card", 1250))], [], 10000, 10000, 0),
    ("split cash and card", 5000, [sale(3000, ("card", 1000), ("cash", 2500), change=500)], [], 7000, 6900, -100),
    ("cash refund goes out", 10000, [sale(500, ("cash", 500), kind="return")], [], 9500, 9500, 0),
    ("card refund keeps cash", 10000, [sale(500, ("card", 500), kind="return")], [], 10000, 10000, 0),
    ("pickup paid in cash at the store", 0, [sale(2599, ("cash", 3000), change=401, kind="pickup")], [], 2599,
     2600, 1),
    ("cash in and out", 10000, [], [CashMove("in", 5000), CashMove("out", 2000)], 13000, 13000, 0),
    ("wallet sale touches no cash", 10000, [sale(800, ("wallet", 800))], [], 10000, 9000, -1000),
    ("the lot", 15000,
     [sale(1000, ("cash", 5000), change=4000), sale(2000, ("card", 2000)), sale(700, ("cash", 700), kind="return"),
      sale(450, ("wallet", 200), ("cash", 500), change=250, kind="pickup")],
     [CashMove("out", 3000), CashMove("in", 100)],
     15000 + 100 - 3000 + 5000 + 500 - 4000 - 250 - 700, 12650, 0),
    ("a newer kind counts as money in", 0, [sale(300, ("cash", 300), kind="topup")], [], 300, 300, 0),
]


@pytest.mark.parametrize(("name", "float_minor", "docs", "moves", "expected", "counted", "diff"), CASES,
                         ids=[c[0] for c in CASES])
def test_expected_cash_and_variance(name: str, float_minor: int, docs: list[ShiftDocument], moves: list[CashMove],
                                    expected: int, counted: int, diff: int) -> None:
    totals = summarize(docs, moves, float_minor)
    assert totals.expected_cash == expected
    assert float_minor + sum(m.amount_minor * (1 if m.kind == "in" else -1) for m in moves) + sum(
        d.cash_net for d in docs) == expected
    assert variance(totals.expected_cash, counted) == diff


def test_report_totals_by_tender_kind_cashier_tax_and_category() -> None:
    docs = [
        ShiftDocument("sale", "Ana", 1210, (("cash", 2000),), change_minor=790, discount_minor=100,
                      taxes=(DocTax("ES-21", "21", 1000, 210),), lines=(DocLine("Bebidas", 1210, 1000),)),
        ShiftDocument("sale", "Marta", 550, (("card", 550),), taxes=(DocTax("ES-10", "10", 500, 50),),
                      lines=(DocLine("Fruta", 550, 2000),)),
        ShiftDocument("return", "Ana", 121, (("card", 121),), taxes=(DocTax("ES-21", "21", 100, 21),),
                      lines=(DocLine("Bebidas", 121, 1000),)),
        ShiftDocument("pickup", "Ana", 300, (("wallet", 300),)),
    ]
    t = summarize(docs, [], 0)
    assert t.by_tender["cash"].amount == 1210 and t.by_tender["card"].amount == 550 - 121
    assert t.by_tender["wallet"].amount == 300
    assert t.by_kind["sale"].count == 2 and t.by_kind["sale"].amount == 1760
    assert t.by_kind["return"].amount == -121 and t.by_kind["pickup"].amount == 300
    assert t.by_cashier["Ana"].amount == 1210 - 121 + 300 and t.by_cashier["Marta"].count == 1
    assert t.by_tax["ES-21"] == ("21", 900, 189) and t.by_tax["ES-10"] == ("10", 500, 50)
    assert t.by_category == {"Bebidas": t.by_category["Bebidas"], "Fruta": t.by_category["Fruta"]}
    assert t.by_category["Bebidas"].amount == 1089 and t.by_category["Fruta"].amount == 550
    assert t.discounts.count == 1 and t.discounts.amount == 100
    assert t.net_minor == sum(b.amount for b in t.by_tender.values()) == 1210 + 550 - 121 + 300


@pytest.mark.parametrize("bad", [
    lambda: summarize([sale(-1, ("cash", 1))], [], 0),
    lambda: summarize([], [CashMove("out", 0)], 0),
    lambda: summarize([], [CashMove("sideways", 5)], 0),
])
def test_impossible_input_is_refused(bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        bad()


COUNTS = [
    ("EUR", {50000: 0, 2000: 3, 200: 4, 5: 1}, 6805),
    ("EUR", {"1000": 10}, 10000),
    ("MXN", {100000: 1, 2000: 2, 50: 3}, 104150),
    ("EUR", {}, 0),
]


@pytest.mark.parametrize(("currency", "pieces", "total"), COUNTS)
def test_count_by_denomination(currency: str, pieces: dict[int, int], total: int) -> None:
    count = CashCount.of(currency, pieces)
    assert count.total_minor == total
    assert CashCount.of(currency, count.as_json()) == count


@pytest.mark.parametrize(("currency", "pieces", "reason"), [
    ("EUR", {300: 1}, "unknown_denomination"),
    ("MXN", {1: 5}, "unknown_denomination"),
    ("EUR", {500: -1}, "bad_pieces"),
    ("EUR", {500: 10**6}, "bad_pieces"),
    ("XXX", {}, "unknown_currency"),
])
def test_bad_counts_are_refused(currency: str, pieces: dict[int, int], reason: str) -> None:
    with pytest.raises(CashCountError) as err:
        CashCount.of(currency, pieces)
    assert err.value.reason == reason


def test_denominations_are_largest_first() -> None:
    for currency in ("EUR", "MXN", "USD"):
        values = denominations(currency)
        assert list(values) == sorted(values, reverse=True) and len(set(values)) == len(values)
