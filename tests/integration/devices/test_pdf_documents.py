"""Full invoice (A4) and receipt PDFs: the DejaVu fonts are embedded with glyphs for €, ñ, accents, ¿ and ¡,
and (when poppler's pdftotext is installed) the extracted text says what the receipt says."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import zlib
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pos.devices.pdf_documents import InvoiceInfo, InvoiceParty, invoice_pdf, receipt_pdf
from pos.formatting import Formatter
from pos.services.dto import ReceiptLine, ReceiptTender
from tests.unit.test_escpos_receipt import eur, sample_receipt

FMT = Formatter("es_ES")
CUSTOMER = InvoiceParty("Distribuciones Cañete S.L.", "B87654321", "Avenida de la Constitución 15, 2º\n41004 Sevilla",
                        "compras@canete.example")
SPANISH = "€ñáéíóúü¿¡"
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed; the font "
                                                               "checks above still ran")


def streams(pdf: bytes) -> list[tuple[bytes, bytes]]:
    """(dictionary, decoded data) of every stream object, with reportlab's ASCII85/Flate filters undone."""
    out = []
    for body in re.findall(rb"\n\d+ 0 obj\s*(.*?)endobj", pdf, re.S):
        head, found, rest = body.partition(b"stream")
        if not found:
            continue
        length = re.search(rb"/Length (\d+)", head)
        assert length is not None
        data = rest.lstrip(b"\r\n")[:int(length.group(1))]
        if b"ASCII85Decode" in head:
            data = base64.a85decode(data.strip().removesuffix(b"~>"))
        if b"FlateDecode" in head:
            data = zlib.decompress(data)
        out.append((head, data))
    return out


def mapped_characters(pdf: bytes) -> set[str]:
    """Every character the embedded fonts' ToUnicode maps provide (reportlab embeds only the glyphs it used)."""
    chars = set()
    for _, data in streams(pdf):
        if b"beginbfchar" in data:
            chars |= {chr(int(code, 16)) for code in re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]{4})>", data)}
    return chars


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    assert PDFTOTEXT is not None
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=30).stdout


def invoice() -> bytes:
    return invoice_pdf(sample_receipt(), InvoiceInfo("F01-000045", CUSTOMER), FMT)


def test_invoice_embeds_dejavu_with_spanish_glyphs() -> None:
    pdf = invoice()
    assert pdf.startswith(b"%PDF-")
    assert b"DejaVuSans" in pdf and b"DejaVuSans-Bold" in pdf and b"/FontFile2" in pdf
    assert set(SPANISH) <= mapped_characters(pdf)
    media = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert media and (round(float(media.group(1))), round(float(media.group(2)))) == (595, 842)  # A4
    assert pdf == invoice()  # deterministic


@needs_pdftotext
def test_invoice_text(tmp_path: Path) -> None:
    text = pdf_text(invoice(), tmp_path)
    for expected in ("Panadería Muñoz", "NIF: B12345678", "Factura", "F01-000045", "T01-000123",
                     "Distribuciones Cañete S.L.", "NIF: B87654321", "Avenida de la Constitución 15, 2º",
                     "41004 Sevilla", "Jamón ibérico 100 g", "Piña, café y güisqui", "Base imponible", "Cuota",
                     "27,90 €",
                     "Efectivo 50,00 €", "¡Gracias! ¿Volverá pronto?"):
        assert expected in text, expected
    assert re.search(r"21 %\s+11,57\s+2,43\s+14,00", text)
    assert re.search(r"10 %\s+12,64\s+1,26\s+13,90", text)
    assert re.search(r"24,21\s+3,69\s+27,90", text)


@needs_pdftotext
def test_invoice_with_many_lines_and_markup_characters(tmp_path: Path) -> None:
    lines = tuple(ReceiptLine(f"Artículo <b>{i} & más", f"S{i}", Decimal(1), eur(100), eur(0), eur(100), "ES-21")
                  for i in range(80))
    pdf = invoice_pdf(sample_receipt(lines=lines), InvoiceInfo("F01-000046", CUSTOMER), FMT, language="en")
    text = pdf_text(pdf, tmp_path)
    assert "Artículo <b>79 & más" in text
    assert "Page 2" in text and "Invoice" in text and "Taxable base" in text


@needs_pdftotext
def test_rectifying_invoice_names_what_it_corrects_with_negative_amounts(tmp_path: Path) -> None:
    returned = sample_receipt(kind="return", receipt_no="R-T01-000007", change=eur(0),
                              tenders=(ReceiptTender("cash", eur(2790), None),))
    info = InvoiceInfo("FR-T01-000001", CUSTOMER, rectifies="F-T01-000045",
                       rectifies_issued_at=datetime(2025, 3, 14, 12, 0, tzinfo=UTC))
    text = pdf_text(invoice_pdf(returned, info, FMT), tmp_path)
    for expected in ("Factura rectificativa FR-T01-000001 · Página 1", "Número: FR-T01-000001", "R-T01-000007",
                     "Distribuciones Cañete S.L.", "NIF: B87654321", "Motivo: devolución de mercancía",
                     "Reembolso: Efectivo 27,90 €"):
        assert expected in text, expected
    wrapped = "Rectifica a la factura F-T01-000045 del 14 de marzo de 2025".replace(" ", r"\s+")  # (it wraps)
    assert re.search(wrapped, text)
    assert re.search(r"Jamón ibérico 100 g\s+-2\s+6,95\s+10 %\s+-13,90", text)
    assert re.search(r"21 %\s+-11,57\s+-2,43\s+-14,00", text)
    assert re.search(r"TOTAL\s+-27,90 €", text)
    assert "Forma de pago" not in text
    english = pdf_text(invoice_pdf(returned, info, FMT, language="en"), tmp_path)
    assert "Corrective invoice" in english and "Corrects invoice F-T01-000045" in english


def test_receipt_pdf_is_a_narrow_ticket() -> None:
    pdf = receipt_pdf(sample_receipt(), FMT)
    media = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert media and round(float(media.group(1))) == 227  # 80 mm
    assert b"DejaVuSansMono" in pdf
    assert set(SPANISH) <= mapped_characters(receipt_pdf(sample_receipt(cashier=SPANISH), FMT))
    narrow = receipt_pdf(sample_receipt(), FMT, paper_mm=58, code="code128")
    media = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ", narrow)
    assert media and round(float(media.group(1))) == 164  # 58 mm


@needs_pdftotext
def test_receipt_pdf_text_matches_the_ticket(tmp_path: Path) -> None:
    text = pdf_text(receipt_pdf(sample_receipt(), FMT), tmp_path)
    for expected in ("Panadería Muñoz", "Factura simplificada", "Ticket T01-000123", "Le atendió: Begoña",
                     "Jamón ibérico 100 g", "Cambio", "22,10", "T01-000123", "¡Gracias! ¿Volverá pronto?"):
        assert expected in text, expected
    assert re.search(r"TOTAL\s+27,90 €", text)
    gift = pdf_text(receipt_pdf(sample_receipt(), FMT, gift=True, copy=True), tmp_path)
    assert "Ticket regalo" in gift and "COPIA / DUPLICADO" in gift and "27,90" not in gift
