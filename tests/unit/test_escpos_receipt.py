"""ESC/POS receipt bytes, checked at the byte level with python-escpos' Dummy printer."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos.devices.escpos_receipt import EscposConfigError, EscposOptions, EscposRenderer
from pos.devices.receipt_text import render_lines
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.dto import Receipt, ReceiptLine, ReceiptTax, ReceiptTender

ESC_AT = b"\x1b@"
SELECT_CP858 = b"\x1bt\x13"  # ESC t 19 on Epson-compatible profiles
PARTIAL_CUT = b"\x1dV\x01"
CP858 = {"ñ": 0xA4, "Ñ": 0xA5, "á": 0xA0, "é": 0x82, "í": 0xA1, "ó": 0xA2, "ú": 0xA3, "ü": 0x81, "¿": 0xA8,
         "¡": 0xAD, "€": 0xD5}


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def sample_receipt(**changes: object) -> Receipt:
    """A Spanish receipt with every awkward character, two VAT rates, a discount and change."""
    values: dict[str, object] = dict(
        sale_uuid="6f1c", kind="sale", receipt_no="T01-000123", created_at=datetime(2025, 3, 14, 10, 30, tzinfo=UTC),
        store_name="Panadería Muñoz", tax_id="B12345678", address="Calle Señor Ibáñez 3, 28013 Madrid",
        till_id="T01", cashier="Begoña",
        lines=(ReceiptLine("Jamón ibérico 100 g", "J1", Decimal(2), eur(695), eur(0), eur(1390), "ES-10"),
               ReceiptLine("Piña, café y güisqui", "P1", Decimal("1.5"), eur(1000), eur(100), eur(1400), "ES-21")),
        taxes=(ReceiptTax("21 %", eur(1157), eur(243)), ReceiptTax("10 %", eur(1264), eur(126))),
        tenders=(ReceiptTender("cash", eur(5000), None),), subtotal=eur(2890), discount=eur(100), rounding=eur(0),
        total=eur(2790), change=eur(2210), footer="¡Gracias! ¿Volverá pronto?")
    values.update(changes)
    return Receipt(**values)  # type: ignore[arg-type]


def renderer(**options: object) -> EscposRenderer:
    return EscposRenderer(EscposOptions(**options), Formatter("es_ES"))  # type: ignore[arg-type]


def without_images(data: bytes) -> bytes:
    """``data`` with raster images (GS v 0 m xL xH yL yH + data) taken out."""
    out, pos = b"", 0
    while (start := data.find(b"\x1dv0", pos)) >= 0:
        x, y = int.from_bytes(data[start + 4:start + 6], "little"), int.from_bytes(data[start + 6:start + 8], "little")
        out += data[pos:start]
        pos = start + 8 + x * y
    return out + data[pos:]


def text_lines(data: bytes) -> list[bytes]:
    """The printable lines, with ESC/GS commands taken out (good enough for the commands a receipt uses)."""
    cleaned = re.sub(rb"\x1b[!Ea-dt-]\S?|\x1d\(k..\x00?[^\n]*?(?=\x1d|\n)|\x1dV.|\x1bp...", b"",
                     without_images(data))
    return cleaned.split(b"\n")


def test_cp858_is_selected_after_every_initialise() -> None:
    r = renderer()
    for data in (r.render(sample_receipt(), open_drawer=True), r.drawer_pulse(), r.test_page()):
        assert data.count(ESC_AT) >= 1
        for match in re.finditer(re.escape(ESC_AT), data):
            assert data[match.end():match.end() + 3] == SELECT_CP858
        # and never a switch to another page in the middle of the receipt
        assert data.count(b"\x1bt") == data.count(ESC_AT)


@pytest.mark.parametrize(("char", "byte"), sorted(CP858.items()))
def test_spanish_characters_encode_as_cp858(char: str, byte: int) -> None:
    r = renderer()
    assert r.encode_text(char) == bytes([byte])
    data = r.render(sample_receipt(footer=f"x{char}x"))
    assert b"x" + bytes([byte]) + b"x" in data


def test_euro_amount_and_accented_names_reach_the_bytes() -> None:
    data = renderer().render(sample_receipt())
    assert "Panadería Muñoz".encode("cp858") in data
    assert "Jamón ibérico".encode("cp858") in data
    assert "Piña, café y güisqui".encode("cp858") in data
    assert "¡Gracias! ¿Volverá pronto?".encode("cp858") in data
    assert re.search(rb"TOTAL +27,90\xff\xd5", data)  # 27,90 € (no-break space, then CP858 €)
    assert "Le atendió: Begoña".encode("cp858") in data


def test_store_name_is_double_size_and_bold() -> None:
    data = renderer().render(sample_receipt())
    head = data[:data.index("Panadería".encode("cp858"))]
    assert b"\x1b!0" in head  # double width and height
    assert b"\x1bE\x01" in head  # bold
    assert b"\x1ba\x01" in head  # centred


def test_partial_cut_at_the_end() -> None:
    data = renderer().render(sample_receipt())
    assert data.endswith(PARTIAL_CUT)


def test_drawer_pulse_only_when_asked() -> None:
    r = renderer()
    assert b"\x1bp" not in r.render(sample_receipt())
    assert b"\x1bp\x00" in r.render(sample_receipt(), open_drawer=True)  # pin 2
    assert b"\x1bp\x01" in renderer(drawer_pin=5).render(sample_receipt(), open_drawer=True)
    pulse = r.drawer_pulse()
    assert b"\x1bp\x00" in pulse and PARTIAL_CUT not in pulse


def test_qr_code_carries_the_receipt_number() -> None:
    data = renderer().render(sample_receipt())
    assert b"\x1d(k\x0d\x001P0T01-000123" in data  # GS ( k: store the QR data
    assert b"\x1d(k\x03\x001Q0" in data  # GS ( k: print it


def test_code128_and_no_code() -> None:
    data = renderer(code="code128").render(sample_receipt())
    assert b"\x1dkI\x0c{BT01-000123" in data and b"\x1d(k" not in data
    plain = renderer(code="none").render(sample_receipt())
    assert b"\x1d(k" not in plain and b"\x1dk" not in plain


def test_gift_receipt_has_no_prices() -> None:
    data = renderer().render(sample_receipt(), gift=True)
    assert b"Ticket regalo" in data
    assert b"27,90" not in data and b"13,90" not in data and b"6,95" not in data and b"\xd5" not in data
    assert b"1P0T01-000123" in data  # still scannable for a return


def test_reprint_is_marked_as_copy() -> None:
    assert b"COPIA / DUPLICADO" in renderer().render(sample_receipt(), copy=True)
    assert b"COPIA" not in renderer().render(sample_receipt())


def test_control_characters_from_the_store_cannot_command_the_printer() -> None:
    line = ReceiptLine("Evil\x1bp\x00\x19\x19name", "E", Decimal(1), eur(100), eur(0), eur(100), "ES-21")
    data = renderer().render(sample_receipt(lines=(line,)))
    assert b"\x1bp" not in data
    assert b"Evil p   name" in data  # ESC and the other controls became spaces


def test_typographic_punctuation_is_folded() -> None:
    assert renderer().encode_text("“Café” — 3…") == 'Caf\x82'.join(['"', '" - 3...']).encode("latin-1")


@pytest.mark.parametrize(("options", "columns", "select"), [
    ({}, 48, SELECT_CP858),
    ({"profile": "TM-T88V"}, 42, SELECT_CP858),
    ({"profile": "TM-T20II"}, 48, SELECT_CP858),
    ({"paper_mm": 58}, 32, SELECT_CP858),
    ({"profile": "POS-5890", "paper_mm": 58}, 32, b"\x1bt\x35"),  # this profile numbers CP858 as 53
    ({"columns": 40}, 40, SELECT_CP858),
])
def test_paper_width_and_profile_code_page(options: dict[str, object], columns: int, select: bytes) -> None:
    r = renderer(**options)
    assert r.columns == columns
    data = r.render(sample_receipt())
    assert data.startswith(ESC_AT + select)
    for line in text_lines(data):
        assert len(line) <= columns, line


@pytest.mark.parametrize(("options", "message"), [
    ({"profile": "TM-NOPE"}, "unknown printer profile"),
    ({"profile": "simple"}, "has no code page CP858"),
    ({"paper_mm": 70}, "58 or 80"),
    ({"drawer_pin": 3}, "2 or 5"),
    ({"code": "pdf417"}, "qr, code128, none"),
])
def test_bad_options_are_refused_clearly(options: dict[str, object], message: str) -> None:
    with pytest.raises(EscposConfigError, match=message):
        renderer(**options)


def test_preview_and_print_share_one_layout() -> None:
    fmt = Formatter("es_ES")
    preview = render_lines(sample_receipt(), fmt, width=48)
    printed = renderer().render(sample_receipt())
    for line in preview:
        assert line.strip().encode("cp858") in printed
    assert any("TOTAL" in line and "27,90" in line for line in preview)
    gift = render_lines(sample_receipt(), fmt, width=48, gift=True)
    assert "Ticket regalo" in gift and not any("27,90" in line for line in gift)
