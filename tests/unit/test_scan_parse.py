"""Reading scans: EAN/UPC check digits, UPC-E, GS1 element strings, in-store variable-measure labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from biip.upc import Upc
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pos.domain.barcode import gs1_check_digit, upc_e_to_upc_a
from pos.domain.money import Money
from pos.domain.scan import (
    SPAIN_LAYOUT,
    InvalidBarcode,
    MeasuredLine,
    ScanKind,
    ScanRules,
    VariableMeasureLayout,
    exact_quantity,
    measured_line,
    parse_scan,
)

FAST = settings(max_examples=300, deadline=None, database=None)
GS = "\x1d"


@pytest.mark.parametrize(("raw", "gtin", "first_lookup"), [
    ("4006381333931", "4006381333931", "4006381333931"),  # EAN-13 (Stabilo)
    ("5449000000996", "5449000000996", "5449000000996"),  # EAN-13 (Coca-Cola 33 cl)
    ("8480000123459", "8480000123459", "8480000123459"),  # EAN-13, Spanish retailer prefix
    (" 8412345600012\r\n", "8412345600012", "8412345600012"),  # scanner suffix cleaned
    ("]E08412345600012", "8412345600012", "8412345600012"),  # with its AIM symbology identifier
    ("96385074", "96385074", "96385074"),  # EAN-8
    ("]E496385074", "96385074", "96385074"),
    ("036000291452", "0036000291452", "0036000291452"),  # UPC-A → GTIN-13
    ("04252614", "0042100005264", "0042100005264"),  # UPC-E → UPC-A 042100005264
    ("10614141000415", "10614141000415", "10614141000415"),  # GTIN-14 of a case
    ("09501101020917", "9501101020917", "9501101020917"),  # GTIN-14 with a leading 0 → 13
])
def test_gtins(raw: str, gtin: str, first_lookup: str) -> None:
    result = parse_scan(raw)
    assert result.kind is ScanKind.GTIN
    assert result.gtin == gtin
    assert result.lookup_codes[0] == first_lookup


def test_upc_a_is_looked_up_with_and_without_its_leading_zero() -> None:
    assert parse_scan("036000291452").lookup_codes[:2] == ("0036000291452", "036000291452")
    assert parse_scan("04252614").lookup_codes == ("0042100005264", "042100005264", "04252614")


@pytest.mark.parametrize("upc_e", ["04252614", "01234565", "00123457", "01203408", "01230004", "06540016"])
def test_upc_e_expansion_agrees_with_biip(upc_e: str) -> None:
    assert upc_e_to_upc_a(upc_e) == Upc.parse(upc_e).as_upc_a()


@given(st.from_regex(r"[01][0-9]{6}", fullmatch=True))
@FAST
def test_upc_e_expansion_agrees_with_biip_everywhere(body: str) -> None:
    expanded = upc_e_to_upc_a(body + "0")
    assert expanded is not None
    code = body + gs1_check_digit(expanded[:-1])
    assert upc_e_to_upc_a(code) == Upc.parse(code).as_upc_a()
    assert parse_scan("]E0" + code).gtin == "0" + Upc.parse(code).as_upc_a()


@pytest.mark.parametrize(("raw", "gtin", "batch", "expiry", "weight", "price"), [
    # GS1-128 with its symbology identifier, fixed-length fields first, the batch last
    ("]C101095011010209171719050810ABCD1234", "9501101020917", "ABCD1234", date(2019, 5, 8), None, None),
    # the same without identifier
    ("01095011010209171719050810ABCD1234", "9501101020917", "ABCD1234", date(2019, 5, 8), None, None),
    # GS1 DataBar Expanded: batch in the middle, ended by GS (FNC1)
    ("]e0010950110102091710ABC" + GS + "17260131", "9501101020917", "ABC", date(2026, 1, 31), None, None),
    # FNC1 in first position sent as GS, day 00 = last day of the month
    (GS + "01095011010209171726020010L1", "9501101020917", "L1", date(2026, 2, 28), None, None),
    # fresh food: variable-measure GTIN-14 (indicator 9), 1.250 kg, 4.99 €
    ("]e00198412345000051310300125039220499", "98412345000051", None, None, Decimal("1.250"), 499),
    # human-readable form with brackets
    ("(01)09501101020917(3103)001250(3922)000499", "9501101020917", None, None, Decimal("1.250"), 499),
    # GS1 DataMatrix on a medicine pack: GTIN, expiry, batch, serial
    ("]d2010843700000001317270531" + "10B123" + GS + "21XYZ9", "8437000000013", "B123", date(2027, 5, 31), None, None),
])
def test_gs1_element_strings(raw: str, gtin: str, batch: str | None, expiry: date | None, weight: Decimal | None,
                             price: int | None) -> None:
    result = parse_scan(raw)
    assert result.kind is ScanKind.GS1
    assert (result.gtin, result.batch, result.expiry, result.net_weight_kg, result.price_minor) == (
        gtin, batch, expiry, weight, price)
    assert result.gtin in result.lookup_codes


def test_gs1_keeps_other_application_identifiers() -> None:
    result = parse_scan("]d2010843700000001317270531" + "10B123" + GS + "21XYZ9")
    assert ("21", "XYZ9") in result.extra
    assert result.display_code == "8437000000013"


@pytest.mark.parametrize(("raw", "code", "weight", "price"), [
    ("2012345012349", "2012345", Decimal("1.234"), None),  # Spain: 2, section digit, item, grams, check
    ("2300042001255", "2300042", Decimal("0.125"), None),
])
def test_spanish_variable_measure(raw: str, code: str, weight: Decimal, price: int | None) -> None:
    result = parse_scan(raw)
    assert result.kind is ScanKind.VARIABLE_MEASURE
    assert (result.item_code, result.net_weight_kg, result.price_minor) == (code, weight, price)
    assert result.lookup_codes == (code,)
    assert result.gtin == raw


def test_price_embedded_layouts_and_first_match_wins() -> None:
    rules = ScanRules.from_patterns(["22 IIIII $$$$$ C", SPAIN_LAYOUT, "02 IIIII X $$$$ C"])
    priced = parse_scan("2200001003477", rules)
    assert (priced.item_code, priced.price_minor, priced.net_weight_kg) == ("2200001", 347, None)
    weighed = parse_scan("2012345012349", rules)
    assert (weighed.item_code, weighed.net_weight_kg) == ("2012345", Decimal("1.234"))
    us = parse_scan("212345603499", rules)  # a UPC-A price label, matched in its 13-digit form
    assert (us.kind, us.item_code, us.price_minor) == (ScanKind.VARIABLE_MEASURE, "0212345", 349)


def test_a_20_29_code_that_matches_no_layout_is_an_ordinary_gtin() -> None:
    rules = ScanRules.from_patterns(["21 IIIII WWWWW C"])
    result = parse_scan("2012345012349", rules)
    assert result.kind is ScanKind.GTIN and result.gtin == "2012345012349"
    assert parse_scan("2012345012349", ScanRules(layouts=())).kind is ScanKind.GTIN


@pytest.mark.parametrize("pattern", [
    "2PIIIIIWWWWW",  # 12 symbols
    "2PIIIIIWWWWWCC",
    "2PIIIIIWWWWCW",  # check digit not last
    "PPIIIIIWWWWWC",  # no literal prefix
    "2PIIIII$$WWWC",  # weight and price
    "2PPPPPPWWWWWC",  # no item digits
    "2PIIIIIWWWWWZ",
])
def test_malformed_layouts_are_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        VariableMeasureLayout(pattern)


def test_shop_codes() -> None:
    assert parse_scan("MOS-00042").kind is ScanKind.OTHER
    assert parse_scan("123456").lookup_codes == ("123456",)  # digits of no GTIN length: a shop code
    assert parse_scan("]C0ABC-123").text == "ABC-123"  # plain Code 128


@pytest.mark.parametrize(("raw", "reason"), [
    ("8412345600013", "check_digit"),  # EAN-13
    ("84123456", "check_digit"),  # EAN-8 (and not a UPC-E either)
    ("036000291453", "check_digit"),  # UPC-A
    ("04252615", "check_digit"),  # UPC-E
    ("10614141000416", "check_digit"),  # GTIN-14
    ("2012345012340", "check_digit"),  # variable-measure label
    ("2012345000001", "measure"),  # zero grams
    ("0109501101020918", "check_digit"),  # GTIN inside a GS1 string
    ("]E404252614", "check_digit"),  # a UPC-E announced as EAN-8 is read as EAN-8 only
    ("]C1hello", "gs1"),
    ("01095011010209171799", "gs1"),  # truncated date
    ("(00)123456789012345675", "gs1"),  # an SSCC carries no GTIN
    ("]C1" + "9" * 120, "length"),
    ("9" * 49, "length"),
    ("", "length"),
    ("\x1b\x00\x07", "length"),
    ("]C1", "length"),
    ("@@@@", "characters"),
    ("84123456€0012", "characters"),
    ("]E0ABC", "characters"),
    ("01095011010209171 0ABC\x00é", "characters"),
])
def test_invalid_scans_have_a_stable_reason(raw: str, reason: str) -> None:
    with pytest.raises(InvalidBarcode) as err:
        parse_scan(raw)
    assert err.value.reason == reason
    assert err.value.code == "invalid_barcode"
    assert len(err.value.params["code"]) <= 48


@given(st.from_regex(r"[0-9]{12}", fullmatch=True), st.integers(1, 9), st.sampled_from(["", "]E0", " ", "\r\n"]))
@FAST
def test_any_ean13_with_a_wrong_check_digit_is_refused(body: str, offset: int, wrapper: str) -> None:
    wrong = str((int(gs1_check_digit(body)) + offset) % 10)
    with pytest.raises(InvalidBarcode) as err:
        parse_scan(wrapper + body + wrong)
    assert err.value.reason == "check_digit"


@given(st.from_regex(r"[0-9]{12}", fullmatch=True))
@FAST
def test_any_ean13_with_the_right_check_digit_is_accepted(body: str) -> None:
    code = body + gs1_check_digit(body)
    assume(not (code.startswith("2") and int(code[7:12]) == 0))  # a 0 g weighed label is refused
    result = parse_scan(code)
    assert result.kind in (ScanKind.GTIN, ScanKind.VARIABLE_MEASURE)


@given(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("latin-1"))))
@FAST
def test_garbage_never_crashes(raw: str) -> None:
    try:
        result = parse_scan(raw)
    except InvalidBarcode as err:
        assert err.reason in {"length", "characters", "check_digit", "gs1", "measure"}
    else:
        assert result.lookup_codes and all(result.lookup_codes)


@pytest.mark.parametrize(("total", "unit", "qty"), [
    (347, 1299, Decimal("0.267")),  # 12.99 €/kg × 0.267 kg = 3.468… → 3.47 €
    (100, 100, Decimal("1.000")),
    (1, 1, Decimal("1.000")),
    (250, 1000, Decimal("0.250")),
    (5, 10000, None),  # 100 €/kg moves 10 cents per gram: 5 cents cannot be reached
    (347, 1999, None),
    (0, 100, None),
    (100, 0, None),
])
def test_exact_quantity(total: int, unit: int, qty: Decimal | None) -> None:
    assert exact_quantity(total, unit) == qty


@given(st.integers(1, 200_000), st.integers(1, 100_000))
@FAST
def test_exact_quantity_is_exact_or_none(total: int, unit: int) -> None:
    qty = exact_quantity(total, unit)
    if qty is not None:
        assert Money(unit).times(qty).minor == total
        assert qty == qty.quantize(Decimal("0.001")) and qty > 0
    elif unit <= 1000 and total * 1000 // unit <= 9_999_000:
        pytest.fail("a price step of at most a cent always has an exact quantity")


def test_measured_lines() -> None:
    price = Money(1299)
    weighed = measured_line(parse_scan("2012345012349"), price)
    assert weighed == MeasuredLine(Decimal("1.234"), price, True)
    rules = ScanRules.from_patterns(["22 IIIII $$$$$ C"])
    priced = measured_line(parse_scan("2200001003477", rules), price)
    assert priced.quantity == Decimal("0.267") and priced.unit_price.times(priced.quantity) == Money(347)
    # 19.99 €/kg moves 2 cents per gram: 3.47 € cannot be reached, so the label's price is charged as 1 unit
    fallback = measured_line(parse_scan("2200001003477", rules), Money(1999))
    assert fallback == MeasuredLine(Decimal(1), Money(347), True)
    assert measured_line(parse_scan("8412345600012"), price) == MeasuredLine(Decimal(1), price, False)
