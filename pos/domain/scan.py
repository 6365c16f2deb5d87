"""What a scanned string means: a GTIN, a GS1 element string, an in-store weighed/priced label, or a shop code.

Pure: no Qt, no database. ``parse_scan(raw, rules)`` returns a frozen ``ScanResult`` or raises
``InvalidBarcode`` (code ``invalid_barcode``) with a stable ``reason``:

- ``length``: nothing left after cleaning, or longer than any code we accept;
- ``characters``: characters no barcode is made of (line noise);
- ``check_digit``: an EAN-13 / EAN-8 / UPC-A / UPC-E / GTIN-14 whose check digit is wrong;
- ``gs1``: a GS1 element string that does not parse or carries no GTIN (``detail`` says why);
- ``measure``: an in-store variable-measure label whose weight or price is zero.

Symbologies understood:

- EAN-13, EAN-8, UPC-A (12 digits), UPC-E (8 digits, number system 0/1, expanded to UPC-A), GTIN-14;
- GS1-128 / GS1 DataBar / GS1 DataMatrix element strings, with or without the AIM symbology identifier
  (``]C1``, ``]e0``, ``]d2``, ``]Q3``), FNC1 sent as GS (``\\x1d``) or in brackets (``(01)…(17)…``),
  parsed by ``biip``: GTIN (AI 01/02), batch (10), expiry (17), net weight in kg (310n), price (392n);
- in-store variable-measure EAN-13 (GS1 prefixes 20–29), read with a per-store ``VariableMeasureLayout``.

**Layouts.** One symbol per EAN-13 digit (spaces are ignored, for readability):

====== =====================================================================================
``0-9`` a literal digit the code must have there (part of the item key)
``P``   any digit, part of the item key (e.g. the section digit of prefixes 20–29)
``I``   an item-code digit (part of the item key)
``W``   a weight digit: the number is in grams (thousandths of a kilogram)
``$``   a price digit: the number is in minor units (cents)
``X``   an ignored digit (e.g. the internal price check digit some scales print)
``C``   the EAN-13 check digit (last symbol, always verified)
====== =====================================================================================

The Spanish default ``"2P IIIII WWWWW C"`` reads ``2012345012345``-style labels: item key ``2012345``
(prefix + item digits, in order) and 1.234 kg. The key is what the catalogue stores as a barcode row
for the product. A 12-digit UPC-A is matched in its 13-digit form (``0`` + UPC-A), so a US layout is
written ``"02IIIIIX$$$$C"``. The first layout whose literal digits match wins; a 20–29 code that
matches no layout is an ordinary GTIN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pos.domain.barcode import MAX_BARCODE_LEN, has_valid_check_digit, upc_e_to_upc_a
from pos.domain.cart import MAX_QUANTITY
from pos.domain.errors import DomainError
from pos.domain.money import Money

GS = "\x1d"  # ASCII group separator: how scanners transmit FNC1
MAX_SCAN_LEN = 128  # anything longer is refused before it is looked at
MAX_GS1_LEN = 100  # a GS1 DataBar Expanded holds up to 74 digits; leave room for separators
_QTY_STEP = Decimal("0.001")

_SYMBOLOGY = re.compile(r"^\]([A-Za-z][0-9A-Za-z])")
_GS1_SYMBOLOGIES = frozenset({"C1", "e0", "e1", "e2", "d2", "Q3", "J1"})  # GS1-128, DataBar, DataMatrix, QR, DotCode
_EAN_SYMBOLOGIES = frozenset({"E0", "E1", "E2", "E3", "E4"})  # EAN/UPC (E4: EAN-8)
# What shop labels and SKUs are made of (Code 128 / Code 39 text).
_SHOP_CODE = re.compile(r"[0-9A-Za-z\-_.+/ ]+")
# The GS1 character set 82, the group separator, and brackets for the human-readable form.
_GS1_TEXT = re.compile(r"[0-9A-Za-z!\"%&'()*+,\-./:;<=>?_\x1d]+")
_GTIN_AI = re.compile(r"0[12]\d{14}")

SPAIN_LAYOUT = "2P IIIII WWWWW C"


class InvalidBarcode(DomainError):
    """A scanned string that is not a code we can read. ``reason`` is stable (see the module doc)."""

    code = "invalid_barcode"


class ScanKind(StrEnum):
    GTIN = "gtin"  # EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14
    GS1 = "gs1"  # a GS1 element string (GS1-128, DataBar, DataMatrix)
    VARIABLE_MEASURE = "variable_measure"  # an in-store weighed or priced EAN-13 (prefix 20–29)
    OTHER = "other"  # a shop code or SKU (Code 128 / Code 39 text)


class Measure(StrEnum):
    WEIGHT = "weight"
    PRICE = "price"


@dataclass(frozen=True, slots=True)
class VariableMeasureLayout:
    """How one family of in-store labels is laid out (see the module doc for the symbols)."""

    pattern: str

    def __post_init__(self) -> None:
        pattern = self.pattern.replace(" ", "").upper()
        object.__setattr__(self, "pattern", pattern)
        if len(pattern) != 13 or any(ch not in "0123456789PIW$XC" for ch in pattern):
            raise ValueError(f"variable-measure layout {self.pattern!r}: 13 symbols of 0-9 P I W $ X C expected")
        if pattern[-1] != "C" or pattern.count("C") != 1:
            raise ValueError(f"variable-measure layout {self.pattern!r}: the check digit C must be last, once")
        if not pattern[0].isdigit():
            raise ValueError(f"variable-measure layout {self.pattern!r}: must start with a literal prefix digit")
        if ("W" in pattern) == ("$" in pattern):
            raise ValueError(f"variable-measure layout {self.pattern!r}: needs weight (W) or price ($) digits, "
                             "not both")
        if "I" not in pattern:
            raise ValueError(f"variable-measure layout {self.pattern!r}: needs item digits (I)")

    @property
    def measure(self) -> Measure:
        return Measure.WEIGHT if "W" in self.pattern else Measure.PRICE

    def matches(self, code13: str) -> bool:
        """True when the 13-digit code has this layout's literal digits."""
        return len(code13) == 13 and all(
            sym == ch for sym, ch in zip(self.pattern, code13, strict=True) if sym.isdigit()
        )

    def item_key(self, code13: str) -> str:
        """The digits at literal, P and I positions, in order: the barcode row that names the product."""
        return "".join(ch for sym, ch in zip(self.pattern, code13, strict=True) if sym.isdigit() or sym in "PI")

    def measure_value(self, code13: str) -> int:
        """The weight in grams or the price in minor units printed in the code."""
        symbol = "W" if self.measure is Measure.WEIGHT else "$"
        return int("".join(ch for sym, ch in zip(self.pattern, code13, strict=True) if sym == symbol))


@dataclass(frozen=True, slots=True)
class ScanRules:
    """Per-store reading rules: variable-measure layouts, the currency's decimals, GS1 separators."""

    layouts: tuple[VariableMeasureLayout, ...] = (VariableMeasureLayout(SPAIN_LAYOUT),)
    minor_digits: int = 2  # decimals of the till's currency (2 for EUR/MXN)
    gs1_separators: tuple[str, ...] = (GS,)

    @classmethod
    def from_patterns(cls, patterns: tuple[str, ...] | list[str], minor_digits: int = 2) -> ScanRules:
        """Rules from config strings. Raises ValueError on a malformed layout."""
        return cls(tuple(VariableMeasureLayout(p) for p in patterns), minor_digits)


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A scan understood. ``lookup_codes`` are the barcode rows to try, best first.

    ``gtin`` is canonical: 13 digits for EAN-13/UPC-A/UPC-E and GTIN-14s starting with 0, 8 for EAN-8,
    14 for other GTIN-14s; None for shop codes. ``item_code`` is the variable-measure item key.
    ``net_weight_kg`` (exact to the gram) and ``price_minor`` (minor units of the till's currency) come
    from a GS1 string (310n / 392n) or a variable-measure label. ``batch`` (AI 10) and ``expiry`` (AI 17)
    are informative for now: nothing stores them yet.
    """

    text: str  # the cleaned scan, without its symbology identifier
    kind: ScanKind
    lookup_codes: tuple[str, ...]
    gtin: str | None = None
    item_code: str | None = None
    symbology: str | None = None  # AIM identifier without the "]", e.g. "C1"
    batch: str | None = None
    expiry: date | None = None
    net_weight_kg: Decimal | None = None
    price_minor: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())  # other GS1 AIs, (ai, value)

    @property
    def display_code(self) -> str:
        """What to show the cashier when nothing is found: the GTIN when there is one."""
        return self.gtin if self.kind is ScanKind.GS1 and self.gtin else self.text


def clean_scan_text(raw: str) -> str:
    """Strip what scanners and keyboards add (spaces, CR/LF, tabs, control characters), keeping GS."""
    return "".join(ch for ch in raw if ch.isprintable() or ch == GS).strip()


def parse_scan(raw: str, rules: ScanRules | None = None) -> ScanResult:
    """Understand one scan. Never raises anything but ``InvalidBarcode`` (garbage in, stable reason out)."""
    rules = rules or ScanRules()
    text = clean_scan_text(raw)
    if len(text) > MAX_SCAN_LEN:
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="length")
    symbology = None
    if match := _SYMBOLOGY.match(text):
        symbology = match.group(1)
        text = text[3:]
    gs1_hint = symbology in _GS1_SYMBOLOGIES or text.startswith(GS)
    text = text.strip(GS + " ")
    if not text:
        raise InvalidBarcode(code="", reason="length")
    if symbology in _EAN_SYMBOLOGIES:
        if not text.isdigit():
            raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="characters")
        return _parse_gtin(text, rules, symbology)
    if gs1_hint or text.startswith("(") or GS in text or (_GTIN_AI.match(text) and len(text) > 14):
        return _parse_gs1(text, rules, symbology)
    if text.isdigit() and len(text) in (8, 12, 13, 14):
        return _parse_gtin(text, rules, symbology)
    if len(text) > MAX_BARCODE_LEN:
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="length")
    if not _SHOP_CODE.fullmatch(text):
        raise InvalidBarcode(code=text, reason="characters")
    return ScanResult(text=text, kind=ScanKind.OTHER, lookup_codes=(text,), symbology=symbology)


def _gtin_forms(gtin14: str) -> tuple[str, tuple[str, ...]]:
    """Canonical GTIN and the stored forms to try, from its 14-digit form."""
    forms: list[str] = []
    if gtin14.startswith("000000"):
        forms.append(gtin14[6:])  # GTIN-8
    if gtin14.startswith("0"):
        forms.append(gtin14[1:])  # GTIN-13 (a UPC-A with a leading 0)
    if gtin14.startswith("00"):
        forms.append(gtin14[2:])  # UPC-A as 12 digits
    forms.append(gtin14)
    canonical = forms[0]
    return canonical, tuple(dict.fromkeys(forms))


def _parse_gtin(code: str, rules: ScanRules, symbology: str | None) -> ScanResult:
    if len(code) == 8:
        return _parse_eight(code, symbology)
    if len(code) not in (12, 13, 14):
        raise InvalidBarcode(code=code[:MAX_BARCODE_LEN], reason="length")
    if not has_valid_check_digit(code):
        raise InvalidBarcode(code=code, reason="check_digit")
    gtin14 = code.zfill(14)
    if len(code) in (12, 13):
        code13 = gtin14[1:]
        for layout in rules.layouts:
            if layout.matches(code13):
                return _variable_measure(code, code13, layout, symbology)
    gtin, forms = _gtin_forms(gtin14)
    return ScanResult(text=code, kind=ScanKind.GTIN, lookup_codes=forms, gtin=gtin, symbology=symbology)


def _parse_eight(code: str, symbology: str | None) -> ScanResult:
    """EAN-8, or UPC-E expanded to UPC-A. A code valid as both is tried as EAN-8 first."""
    ean8_ok = has_valid_check_digit(code) and symbology != "E0"
    upc_a = upc_e_to_upc_a(code) if symbology != "E4" else None
    upc_ok = upc_a is not None and has_valid_check_digit(upc_a)
    if not ean8_ok and not upc_ok:
        raise InvalidBarcode(code=code, reason="check_digit")
    forms: list[str] = [code] if ean8_ok else []
    if upc_ok and upc_a is not None:
        forms += ["0" + upc_a, upc_a]
        if not ean8_ok:
            forms.append(code)  # shops sometimes store the UPC-E as printed
    gtin = code if ean8_ok else "0" + str(upc_a)
    return ScanResult(text=code, kind=ScanKind.GTIN, lookup_codes=tuple(dict.fromkeys(forms)), gtin=gtin,
                      symbology=symbology)


def _variable_measure(code: str, code13: str, layout: VariableMeasureLayout, symbology: str | None) -> ScanResult:
    value = layout.measure_value(code13)
    if value <= 0:
        raise InvalidBarcode(code=code, reason="measure")
    key = layout.item_key(code13)
    weight = Decimal(value).scaleb(-3) if layout.measure is Measure.WEIGHT else None
    price = value if layout.measure is Measure.PRICE else None
    return ScanResult(text=code, kind=ScanKind.VARIABLE_MEASURE, lookup_codes=(key,), gtin=code13, item_code=key,
                      symbology=symbology, net_weight_kg=weight, price_minor=price)


def _parse_gs1(text: str, rules: ScanRules, symbology: str | None) -> ScanResult:
    if len(text) > MAX_GS1_LEN:
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="length")
    if not _GS1_TEXT.fullmatch(text):
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="characters")
    # biip takes ~0.1 s to import: paid at the first GS1 scan, not at every start of the till.
    from biip import ParseConfig
    from biip.gs1_messages import GS1Message

    config = ParseConfig(separator_chars=rules.gs1_separators)
    try:
        message = GS1Message.parse_hri(text, config=config) if text.startswith("(") else \
            GS1Message.parse(text, config=config)
    except Exception as exc:  # biip raises ParseError; anything else from a library must not crash a scan
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="gs1", detail=str(exc)[:200]) from None
    gtin14: str | None = None
    batch: str | None = None
    expiry: date | None = None
    weight: Decimal | None = None
    price: int | None = None
    extra: list[tuple[str, str]] = []
    for element in message.element_strings:
        ai = element.ai.ai
        if ai in ("01", "02") and gtin14 is None:
            if element.gtin_error or not has_valid_check_digit(element.value):
                raise InvalidBarcode(code=element.value, reason="check_digit")
            gtin14 = element.value
        elif ai == "10":
            batch = element.value
        elif ai == "17":
            expiry = element.date
        elif ai.startswith("310") and element.decimal is not None:
            weight = element.decimal.quantize(_QTY_STEP, rounding=ROUND_HALF_UP)
        elif ai.startswith("392") and element.decimal is not None:
            price = int(element.decimal.scaleb(rules.minor_digits).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        else:
            extra.append((ai, element.value))
    if gtin14 is None:
        raise InvalidBarcode(code=text[:MAX_BARCODE_LEN], reason="gs1", detail="no_gtin")
    gtin, forms = _gtin_forms(gtin14)
    return ScanResult(text=text, kind=ScanKind.GS1, lookup_codes=forms, gtin=gtin, symbology=symbology,
                      batch=batch, expiry=expiry, net_weight_kg=weight, price_minor=price, extra=tuple(extra))


@dataclass(frozen=True, slots=True)
class MeasuredLine:
    """How a scan becomes a cart line: the quantity and the unit price to charge."""

    quantity: Decimal
    unit_price: Money
    measured: bool  # weighed or priced: gets a line of its own, never merged


def measured_line(scan: ScanResult, unit_price: Money) -> MeasuredLine:
    """The quantity (and unit price) a scan stands for, given the product's catalogue price.

    - a weight (variable-measure ``W`` or GS1 310n) is the quantity in kg, at the catalogue price per kg;
    - a price alone (``$`` or GS1 392n) becomes the quantity, to the gram, for which
      ``unit_price × quantity`` rounds to exactly that price; when no such quantity exists (a price
      per kg above 10 € has steps bigger than a cent) or the catalogue price is zero, the line is
      1 unit at the printed price, so the customer always pays what the label says;
    - anything else is 1 unit at the catalogue price.
    """
    if scan.net_weight_kg is not None and scan.net_weight_kg > 0:
        return MeasuredLine(scan.net_weight_kg, unit_price, True)
    if scan.price_minor is not None:
        target = scan.price_minor
        qty = exact_quantity(target, unit_price.minor)
        if qty is None:
            return MeasuredLine(Decimal(1), Money(target, unit_price.currency), True)
        return MeasuredLine(qty, unit_price, True)
    return MeasuredLine(Decimal(1), unit_price, False)


def exact_quantity(total_minor: int, unit_minor: int) -> Decimal | None:
    """The quantity in thousandths closest to ``total / unit`` with ``round_half_up(unit × q) == total``."""
    if total_minor <= 0 or unit_minor <= 0:
        return None
    # round_half_up(unit * k / 1000) == total  <=>  (2·total − 1)·1000 <= 2·unit·k < (2·total + 1)·1000
    k_min = -((-(2 * total_minor - 1) * 1000) // (2 * unit_minor))
    k_max = -((-(2 * total_minor + 1) * 1000) // (2 * unit_minor)) - 1
    if k_min > k_max:
        return None
    ideal = Decimal(total_minor * 1000) / Decimal(unit_minor)
    k = min(max(int(ideal.quantize(Decimal(1), rounding=ROUND_HALF_UP)), k_min), k_max)
    if k <= 0:
        return None
    qty = Decimal(k).scaleb(-3)
    if qty > MAX_QUANTITY or Money(unit_minor).times(qty).minor != total_minor:
        return None
    return qty
