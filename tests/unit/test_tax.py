"""VAT on tax-inclusive amounts: rounding at the half cent, per-rate grouping, returns."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.domain.money import Money
from pos.domain.tax import (
    ES_GENERAL,
    ES_REDUCED,
    ES_SUPER_REDUCED,
    ES_ZERO,
    KNOWN_RATES,
    MX_GENERAL,
    MX_ZERO,
    TaxLine,
    TaxRate,
    breakdown,
    split_gross,
)

FAST = settings(max_examples=200, deadline=None, database=None)
ALL_RATES = list(KNOWN_RATES.values())


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def line(rate: TaxRate, base: int, tax: int, currency: str = "EUR") -> TaxLine:
    """Expected breakdown row; gross is base + tax by construction."""
    return TaxLine(rate, Money(base, currency), Money(tax, currency), Money(base + tax, currency))


# --- TaxRate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "label"),
    [
        (ES_GENERAL, "21 %"),
        (ES_REDUCED, "10 %"),
        (ES_SUPER_REDUCED, "4 %"),
        (ES_ZERO, "0 %"),
        (MX_GENERAL, "16 %"),
        (TaxRate("X-10.5", Decimal("10.50")), "10.5 %"),
        (TaxRate("X-20", Decimal("20.00")), "20 %"),
    ],
)
def test_label(rate: TaxRate, label: str) -> None:
    assert rate.label == label


@pytest.mark.parametrize("percent", [Decimal(-1), Decimal(100), Decimal("100.5"), 250])
def test_rate_out_of_range(percent: Decimal | int) -> None:
    with pytest.raises(ValueError):
        TaxRate("X", percent)  # type: ignore[arg-type]


def test_rate_refuses_float() -> None:
    with pytest.raises(TypeError):
        TaxRate("X", 21.0)  # type: ignore[arg-type]


def test_known_rates_are_keyed_by_code() -> None:
    assert set(KNOWN_RATES) == {"ES-21", "ES-10", "ES-4", "ES-0", "MX-16", "MX-0"}
    assert all(code == rate.code for code, rate in KNOWN_RATES.items())


# --- split_gross: hand-computed cents --------------------------------------------------
# base = round_half_up(gross / (1 + rate)), tax = gross - base.
#
# An exact half-cent base needs gross = (1 + r)(k + 1/2) to be a whole number of cents:
#   21 %: 121(2k+1)/200 and 10 %: 11(2k+1)/20 and 16 %: 29(2k+1)/50 are never integers
#   (odd numerator, even denominator), so for those rates we pin the grosses whose base
#   is *closest* to .5 from both sides (100·g mod 121 = 60 or 61, etc.);
#    4 %: 13(2k+1)/25 is an integer when 2k+1 = 25m: gross = 13, 39, 65, … cents sit
#   exactly on the half cent and must round up (away from zero).


@pytest.mark.parametrize(
    ("gross", "rate", "base", "tax"),
    [
        # 21 %
        (121, ES_GENERAL, 100, 21),  # exact
        (49, ES_GENERAL, 40, 9),  # 4900/121 = 40.4958… (just below .5) → 40
        (72, ES_GENERAL, 60, 12),  # 7200/121 = 59.5041… (just above .5) → 60
        (170, ES_GENERAL, 140, 30),  # 140.4958… → 140
        (193, ES_GENERAL, 160, 33),  # 159.5041… → 160
        (1, ES_GENERAL, 1, 0),  # 0.826 → 1: a one-cent line carries no tax
        (3, ES_GENERAL, 2, 1),  # 2.479 → 2
        (100, ES_GENERAL, 83, 17),  # 82.644 → 83
        (2935, ES_GENERAL, 2426, 509),  # 2425.619… → 2426
        # 10 %
        (110, ES_REDUCED, 100, 10),  # exact
        (5, ES_REDUCED, 5, 0),  # 50/11 = 4.5454… → 5
        (6, ES_REDUCED, 5, 1),  # 60/11 = 5.4545… → 5
        (16, ES_REDUCED, 15, 1),  # 14.5454… → 15
        (17, ES_REDUCED, 15, 2),  # 15.4545… → 15
        (1000, ES_REDUCED, 909, 91),  # 909.09 → 909
        # 4 %: exact half cents
        (13, ES_SUPER_REDUCED, 13, 0),  # 13/1.04 = 12.5 → 13
        (39, ES_SUPER_REDUCED, 38, 1),  # 37.5 → 38
        (65, ES_SUPER_REDUCED, 63, 2),  # 62.5 → 63
        (26, ES_SUPER_REDUCED, 25, 1),  # exact
        (104, ES_SUPER_REDUCED, 100, 4),  # exact
        (100, ES_SUPER_REDUCED, 96, 4),  # 96.15 → 96
        # 16 % (MX)
        (116, MX_GENERAL, 100, 16),  # exact
        (11, MX_GENERAL, 9, 2),  # 275/29 = 9.4827… → 9
        (18, MX_GENERAL, 16, 2),  # 450/29 = 15.5172… → 16
        # 0 %
        (1234, ES_ZERO, 1234, 0),
        (1234, MX_ZERO, 1234, 0),
        (0, ES_GENERAL, 0, 0),
    ],
)
def test_split_gross(gross: int, rate: TaxRate, base: int, tax: int) -> None:
    assert split_gross(eur(gross), rate) == (eur(base), eur(tax))


@pytest.mark.parametrize(
    ("rate", "has_exact_half"),
    [(ES_GENERAL, False), (ES_REDUCED, False), (MX_GENERAL, False), (ES_SUPER_REDUCED, True)],
)
def test_which_rates_can_land_on_an_exact_half_cent(rate: TaxRate, has_exact_half: bool) -> None:
    divisor = 1 + rate.percent / 100
    halves = [g for g in range(1, 3000) if (Decimal(g) / divisor) % 1 == Decimal("0.5")]
    assert bool(halves) is has_exact_half
    if has_exact_half:
        assert halves[:3] == [13, 39, 65]


def test_split_keeps_currency() -> None:
    base, tax = split_gross(Money(11600, "MXN"), MX_GENERAL)
    assert (base, tax) == (Money(10000, "MXN"), Money(1600, "MXN"))


# --- breakdown -------------------------------------------------------------------------


def test_many_cent_lines_are_taxed_on_the_sum_not_per_line() -> None:
    # Per line, 0.01 at 21 % has base 0.01 and tax 0.00; on the 1.00 sum the tax is 0.17.
    result = breakdown([(ES_GENERAL, eur(1))] * 100, "EUR")
    assert result == (line(ES_GENERAL, 83, 17),)


@pytest.mark.parametrize(
    ("amounts", "currency", "expected"),
    [
        pytest.param(
            [(ES_ZERO, 1000), (ES_SUPER_REDUCED, 1000), (ES_GENERAL, 1000), (ES_REDUCED, 1000), (ES_GENERAL, 500)],
            "EUR",
            [
                line(ES_GENERAL, 1240, 260),  # 1500/1.21 = 1239.67
                line(ES_REDUCED, 909, 91),  # 1000/1.10 = 909.09
                line(ES_SUPER_REDUCED, 962, 38),  # 1000/1.04 = 961.54
                line(ES_ZERO, 1000, 0),
            ],
            id="es-mixed",
        ),
        pytest.param(
            [(MX_ZERO, 500), (MX_GENERAL, 11600), (MX_GENERAL, 18)],
            "MXN",
            [line(MX_GENERAL, 10016, 1602, "MXN"), line(MX_ZERO, 500, 0, "MXN")],  # 11618/1.16 = 10015.5172…
            id="mx-mixed",
        ),
        pytest.param(
            [(ES_SUPER_REDUCED, 6), (ES_SUPER_REDUCED, 7)],  # 13 cents: exactly 12.5 → 13
            "EUR",
            [line(ES_SUPER_REDUCED, 13, 0)],
            id="half-cent-on-the-sum",
        ),
        pytest.param(
            [(ES_GENERAL, 1000), (ES_GENERAL, -1000)],  # a sale and its return on one ticket
            "EUR",
            [line(ES_GENERAL, 0, 0)],
            id="sale-and-return-net-out",
        ),
        pytest.param(
            [(ES_GENERAL, 2935), (ES_GENERAL, -100)],  # net 28.35: 2343.0 → 2343
            "EUR",
            [line(ES_GENERAL, 2343, 492)],
            id="partial-return-same-rate",
        ),
        pytest.param(
            [(ES_ZERO, 100), (MX_ZERO, 200), (ES_GENERAL, 121)],  # equal rates sort by code
            "EUR",
            [line(ES_GENERAL, 100, 21), line(ES_ZERO, 100, 0), line(MX_ZERO, 200, 0)],
            id="order-highest-rate-then-code",
        ),
        pytest.param([], "EUR", [], id="empty"),
    ],
)
def test_breakdown(amounts: list[tuple[TaxRate, int]], currency: str, expected: list[TaxLine]) -> None:
    result = breakdown(((rate, Money(minor, currency)) for rate, minor in amounts), currency)
    assert list(result) == expected


@pytest.mark.parametrize(
    ("gross", "rate"),
    [
        (13, ES_SUPER_REDUCED),
        (39, ES_SUPER_REDUCED),
        (49, ES_GENERAL),
        (72, ES_GENERAL),
        (5, ES_REDUCED),
        (6, ES_REDUCED),
        (18, MX_GENERAL),
        (2935, ES_GENERAL),
        (1, ES_GENERAL),
        (777, ES_ZERO),
    ],
)
def test_return_mirrors_sale(gross: int, rate: TaxRate) -> None:
    (sale,) = breakdown([(rate, eur(gross))], "EUR")
    (ret,) = breakdown([(rate, eur(-gross))], "EUR")
    assert (ret.base, ret.tax, ret.gross) == (-sale.base, -sale.tax, -sale.gross)


def test_breakdown_refuses_other_currency() -> None:
    with pytest.raises(ValueError):
        breakdown([(MX_GENERAL, Money(100, "MXN"))], "EUR")


amounts_strategy = st.lists(st.tuples(st.sampled_from(ALL_RATES), st.integers(-1_000_000, 1_000_000)), max_size=30)


@given(amounts_strategy)
@FAST
def test_breakdown_properties(amounts: list[tuple[TaxRate, int]]) -> None:
    result = breakdown([(rate, eur(minor)) for rate, minor in amounts], "EUR")
    assert sum(t.gross.minor for t in result) == sum(minor for _, minor in amounts)
    assert len({t.rate.code for t in result}) == len(result)
    assert [t.rate.percent for t in result] == sorted((t.rate.percent for t in result), reverse=True)
    for t in result:
        assert t.base + t.tax == t.gross
        assert t.gross == eur(sum(minor for rate, minor in amounts if rate.code == t.rate.code))
        assert 0 <= t.tax.minor * (1 if t.gross.minor >= 0 else -1) <= abs(t.gross.minor)
        # The base is the correctly rounded exact base: within half a cent.
        exact = Decimal(t.gross.minor) / (1 + t.rate.percent / 100)
        assert abs(Decimal(t.base.minor) - exact) <= Decimal("0.5")
    mirrored = breakdown([(rate, eur(-minor)) for rate, minor in amounts], "EUR")
    assert [(t.rate, -t.base, -t.tax, -t.gross) for t in mirrored] == [(t.rate, t.base, t.tax, t.gross) for t in result]
