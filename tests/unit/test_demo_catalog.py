"""The deterministic demo catalogue: valid EAN-13s, unique keys, realistic Spanish VAT."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from pos.demo.catalog import DemoProduct, demo_products, ean13_check_digit, make_ean13
from pos.domain.cart import Cart, ProductRef
from pos.domain.money import Money
from pos.domain.tax import KNOWN_RATES


@pytest.fixture(scope="module")
def catalog() -> list[DemoProduct]:
    return demo_products()


def gs1_valid(code: str) -> bool:
    """Independent GS1 mod-10 check: weights 3,1,3,… from the rightmost data digit."""
    digits = [int(d) for d in code]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits[:-1])))
    return (total + digits[-1]) % 10 == 0


@pytest.mark.parametrize(
    "ean",
    ["4006381333931", "5901234123457", "9780306406157", "8412345600012", "0000000000000"],
)
def test_check_digit_of_known_codes(ean: str) -> None:
    assert gs1_valid(ean)
    assert ean13_check_digit(ean[:12]) == ean[12]


@pytest.mark.parametrize("bad", ["", "84123456000", "8412345600012", "84123456000a"])
def test_check_digit_refuses_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        ean13_check_digit(bad)


def test_make_ean13() -> None:
    assert make_ean13("84123456", 1) == "8412345600012"  # 8+12+1+6+3+12+5+18+0+0+0+3 = 68 → 2
    assert make_ean13("84123456", 9999) == "841234569999" + ean13_check_digit("841234569999")


def test_at_least_500_products(catalog: list[DemoProduct]) -> None:
    assert len(catalog) >= 500


def test_deterministic(catalog: list[DemoProduct]) -> None:
    assert demo_products() == catalog


def test_unique_skus_eans_and_names(catalog: list[DemoProduct]) -> None:
    for field in ("sku", "ean13", "name"):
        counts = Counter(getattr(p, field) for p in catalog)
        assert [value for value, n in counts.items() if n > 1] == [], field


def test_skus_are_well_formed(catalog: list[DemoProduct]) -> None:
    assert all(p.sku.startswith("MOS-") and p.sku[4:].isdigit() and len(p.sku) == 9 for p in catalog)


def test_eans_are_valid_spanish_ean13(catalog: list[DemoProduct]) -> None:
    invalid = [p.ean13 for p in catalog if not (len(p.ean13) == 13 and p.ean13.isdigit() and gs1_valid(p.ean13))]
    assert invalid == []
    assert all(p.ean13.startswith("84") for p in catalog)  # GS1 Spain


def test_vat_rates(catalog: list[DemoProduct]) -> None:
    assert {p.tax_percent for p in catalog} <= {0, 4, 10, 21}
    assert all(f"ES-{p.tax_percent}" in KNOWN_RATES for p in catalog)
    assert {p.tax_percent for p in catalog if p.category == "Tarjetas regalo"} == {0}
    assert {p.tax_percent for p in catalog if p.category == "Panadería"} == {4}
    assert {p.tax_percent for p in catalog if p.category == "Bodega"} == {21}


def test_prices_names_and_stock_are_sane(catalog: list[DemoProduct]) -> None:
    for p in catalog:
        assert isinstance(p.price_minor, int) and 0 < p.price_minor <= 100_000, p
        assert isinstance(p.stock, int) and p.stock >= 0, p
        assert p.name.strip() == p.name and "  " not in p.name and p.name, p
        assert p.category, p


def test_shelf_prices_end_in_5_or_9(catalog: list[DemoProduct]) -> None:
    wrong = [
        (p.name, p.price_minor) for p in catalog if p.category != "Tarjetas regalo" and p.price_minor % 10 not in (5, 9)
    ]
    assert wrong == []


def test_catalog_products_fit_in_a_cart(catalog: list[DemoProduct]) -> None:
    cart = Cart()
    for i, p in enumerate(catalog[:: max(1, len(catalog) // 200)]):
        ref = ProductRef(i, p.sku, p.name, Money(p.price_minor, "EUR"), KNOWN_RATES[f"ES-{p.tax_percent}"])
        cart = cart.add(ref, Decimal("1.5") if i % 3 == 0 else 1, merge=False)
    t = cart.totals()
    assert t.total == Money(sum(tax.gross.minor for tax in t.taxes), "EUR")
    assert all(tax.base + tax.tax == tax.gross for tax in t.taxes)
