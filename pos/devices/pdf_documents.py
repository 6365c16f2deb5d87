"""PDF documents from the one ``Receipt`` model, through reportlab: the A4 full invoice (factura completa) and
a narrow receipt page that looks like the printed ticket (for e-mail, or a till without a printer).

Text is set in the DejaVu fonts shipped in ``resources/fonts`` (embedded in every PDF), so accents, ñ, ¿, ¡
and € render on any viewer. Output is deterministic (``invariant``): the same receipt gives the same bytes.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from babel.dates import format_date
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.devices.receipt_text import Row, labels_for, receipt_rows
from pos.domain.money import Money
from pos.domain.tax import KNOWN_RATES
from pos.formatting import Formatter
from pos.resources import resource
from pos.services.dto import Receipt

SANS, SANS_BOLD, MONO = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"
_FONT_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf", MONO: "DejaVuSansMono.ttf"}
_fonts_lock = threading.Lock()


def register_fonts() -> None:
    """Register the shipped DejaVu fonts with reportlab (once; safe from any thread)."""
    with _fonts_lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FONT_FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)


@dataclass(frozen=True, slots=True)
class InvoiceParty:
    """The customer of a full invoice (NIF in Spain, RFC in Mexico). ``address`` may hold line breaks."""

    name: str
    tax_id: str
    address: str
    email: str = ""


@dataclass(frozen=True, slots=True)
class InvoiceInfo:
    """What a full invoice adds to the receipt: its own number (its own series) and the customer."""

    number: str
    customer: InvoiceParty
    issued_at: datetime | None = None  # default: the sale's time
    rectifies: str | None = None  # a rectifying invoice (of a return): the number of the invoice it corrects
    rectifies_issued_at: datetime | None = None


@dataclass(frozen=True)
class _InvoiceLabels:
    title: str
    number: str
    date: str
    replaces: str
    seller: str
    customer: str
    columns: tuple[str, str, str, str, str, str]
    tax_columns: tuple[str, str, str, str]
    totals: str
    prices_note: str
    payment: str
    page: str
    rectifying_title: str
    rectifies: str  # "%1" the invoice's number, "%2" its date
    reason: str
    refund: str


_INVOICE = {
    "es": _InvoiceLabels("Factura", "Número", "Fecha", "Sustituye a la factura simplificada", "Emisor", "Cliente",
                         ("Descripción", "Cant.", "Precio", "Dto.", "IVA", "Importe"),
                         ("IVA", "Base imponible", "Cuota", "Total"), "Total", "Precios con IVA incluido.",
                         "Forma de pago", "Página", "Factura rectificativa", "Rectifica a la factura %1 del %2",
                         "Motivo: devolución de mercancía (importes negativos).", "Reembolso"),
    "es_MX": _InvoiceLabels("Factura", "Folio", "Fecha", "Sustituye a la nota de venta", "Emisor", "Receptor",
                            ("Descripción", "Cant.", "Precio", "Desc.", "IVA", "Importe"),
                            ("IVA", "Base", "Impuesto", "Total"), "Total", "Precios con IVA incluido.",
                            "Forma de pago", "Página", "Nota de crédito", "Corrige la factura %1 del %2",
                            "Motivo: devolución de mercancía (importes negativos).", "Reembolso"),
    "en": _InvoiceLabels("Invoice", "Number", "Date", "Replaces simplified invoice", "Seller", "Customer",
                         ("Description", "Qty", "Price", "Disc.", "VAT", "Amount"),
                         ("VAT", "Taxable base", "Tax", "Total"), "Total", "Prices include VAT.",
                         "Payment", "Page", "Corrective invoice", "Corrects invoice %1 of %2",
                         "Reason: goods returned (negative amounts).", "Refund"),
}


def _rate_label(tax_code: str) -> str:
    rate = KNOWN_RATES.get(tax_code)
    return rate.label if rate else tax_code


def invoice_pdf(receipt: Receipt, invoice: InvoiceInfo, fmt: Formatter, *, language: str = "es") -> bytes:
    """An A4 full invoice for ``receipt``: seller and customer tax data, the lines, a per-rate tax table, totals
    and payment. Prices include VAT, as on the ticket; the table shows base and tax per rate. With
    ``invoice.rectifies`` (the receipt is a return) it is the rectifying invoice: it names the invoice it corrects
    and the reason, and its quantities and amounts are negative."""
    register_fonts()
    lb = _INVOICE.get(language) or _INVOICE.get(language[:2]) or _INVOICE["es"]
    rl = labels_for(language)
    styles = {
        "body": ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12),
        "small": ParagraphStyle("small", fontName=SANS, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        "head": ParagraphStyle("head", fontName=SANS_BOLD, fontSize=9, leading=12),
        "store": ParagraphStyle("store", fontName=SANS_BOLD, fontSize=15, leading=19),
        "title": ParagraphStyle("title", fontName=SANS_BOLD, fontSize=20, leading=24, alignment=TA_RIGHT),
        "right": ParagraphStyle("right", fontName=SANS, fontSize=9, leading=12, alignment=TA_RIGHT),
        "right_bold": ParagraphStyle("right_bold", fontName=SANS_BOLD, fontSize=9, leading=12, alignment=TA_RIGHT),
    }

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    issued = invoice.issued_at or receipt.created_at
    rectifying = invoice.rectifies is not None
    title = lb.rectifying_title if rectifying else lb.title
    sign = -1 if rectifying else 1

    def signed(money: Money) -> str:
        return fmt.amount(Money(sign * money.minor, money.currency))

    def long_date(when: datetime) -> str:
        return format_date(when.astimezone(), format="long", locale=fmt.locale)

    seller = [para(receipt.store_name, "store"), para(f"{rl.tax_id}: {receipt.tax_id}"), para(receipt.address)]
    heading = [para(title, "title"), para(f"{lb.number}: {invoice.number}", "right"),
               para(f"{lb.date}: {long_date(issued)}", "right"),
               para(f"{lb.replaces} {receipt.receipt_no}", "right")]
    if rectifying:
        when = long_date(invoice.rectifies_issued_at) if invoice.rectifies_issued_at else ""
        heading.append(para(lb.rectifies.replace("%1", invoice.rectifies or "").replace("%2", when), "right_bold"))
    customer = invoice.customer
    buyer = [para(lb.customer, "head"), para(customer.name), para(f"{rl.tax_id}: {customer.tax_id}"),
             para(customer.address)]
    if customer.email:
        buyer.append(para(customer.email))
    top = Table([[seller, heading], [buyer, ""]], colWidths=[95 * mm, 79 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 1), (0, 1), 8 * mm),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0)]))

    rows: list[list[object]] = [list(lb.columns)]
    for line in receipt.lines:
        rows.append([para(line.name), fmt.quantity(sign * line.quantity), fmt.amount(line.unit_price),
                     fmt.amount(line.discount) if line.discount.minor else "", _rate_label(line.tax_code),
                     signed(line.total)])
    lines = Table(rows, colWidths=[78 * mm, 16 * mm, 22 * mm, 18 * mm, 16 * mm, 24 * mm], repeatRows=1)
    grid = [("FONT", (0, 0), (-1, -1), SANS, 9), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb"))]
    lines.setStyle(TableStyle(grid))

    currency = receipt.total.currency
    base_sum = sum(t.base.minor for t in receipt.taxes)
    tax_sum = sum(t.tax.minor for t in receipt.taxes)
    taxes: list[list[object]] = [list(lb.tax_columns)]
    taxes += [[t.label, signed(t.base), signed(t.tax), signed(Money(t.base.minor + t.tax.minor, currency))]
              for t in receipt.taxes]
    taxes.append(["", signed(Money(base_sum, currency)), signed(Money(tax_sum, currency)),
                  signed(Money(base_sum + tax_sum, currency))])
    if receipt.rounding.minor:
        taxes.append([rl.rounding, "", "", signed(receipt.rounding)])
    taxes.append([lb.totals.upper(), "", "", fmt.money(Money(sign * receipt.total.minor, currency))])
    tax_table = Table(taxes, colWidths=[24 * mm, 34 * mm, 26 * mm, 30 * mm], hAlign="RIGHT")
    tax_table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 9), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9),
        ("FONT", (0, -1), (-1, -1), SANS_BOLD, 12), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("LINEABOVE", (0, len(receipt.taxes) + 1), (-1, len(receipt.taxes) + 1), 0.5, colors.black),
        ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black), ("TOPPADDING", (0, -1), (-1, -1), 5)]))

    payment = ", ".join(f"{rl.tenders.get(t.kind, t.kind)} {fmt.money(t.amount)}" for t in receipt.tenders)
    if receipt.change.minor:
        payment += f" ({rl.change} {fmt.money(receipt.change)})"
    story = [top, Spacer(0, 8 * mm), lines, Spacer(0, 6 * mm), tax_table, Spacer(0, 6 * mm),
             para(f"{lb.refund if rectifying else lb.payment}: {payment}"), para(lb.prices_note, "small")]
    if rectifying:
        story.append(para(lb.reason, "small"))
    story += [Spacer(0, 4 * mm), para(receipt.footer, "small")]

    def page_footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.setFont(SANS, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{title} {invoice.number} · {lb.page} {doc.page}")

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=f"{title} {invoice.number}", author=receipt.store_name,
                            invariant=True)
    doc.build(story, onFirstPage=page_footer, onLaterPages=page_footer)
    return out.getvalue()


def receipt_pdf(receipt: Receipt, fmt: Formatter, *, language: str = "es", gift: bool = False, copy: bool = False,
                paper_mm: int = 80, code: str = "qr") -> bytes:
    """The ticket as a one-page PDF as wide as the paper roll (58 or 80 mm), drawn from the same rows as the
    printed receipt. ``code``: qr, code128 or none."""
    columns = ticket_columns(paper_mm)
    rows = receipt_rows(receipt, fmt, width=columns, language=language, gift=gift, copy=copy)
    return rows_pdf(rows, title=f"{labels_for(language).receipt} {receipt.receipt_no}", author=receipt.store_name,
                    paper_mm=paper_mm, code=code)


def ticket_columns(paper_mm: int) -> int:
    """Characters per line of a ticket-sized PDF page."""
    return 32 if paper_mm == 58 else 42


def rows_pdf(rows: list[Row], *, title: str, author: str, paper_mm: int = 80, code: str = "qr") -> bytes:
    """Layout rows (``receipt_text.Row``, laid out for :func:`ticket_columns`) as a one-page PDF as wide as
    the paper roll: the sale ticket, a pick list, a pickup receipt."""
    register_fonts()
    columns = ticket_columns(paper_mm)
    margin = 4 * mm
    page_width = paper_mm * mm
    usable = page_width - 2 * margin
    size = usable / (columns * pdfmetrics.stringWidth("0", MONO, 1))
    leading = size * 1.3
    code_size = min(usable, 30 * mm) if code == "qr" else 14 * mm

    def height(row: Row) -> float:
        if row.code:
            return 0.0 if code == "none" else float(code_size + leading * 1.5)
        return float(leading * (2 if row.big else 1))

    page_height = 2 * margin + sum(height(row) for row in rows) + leading
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(page_width, page_height), invariant=True)
    canvas.setTitle(title)
    canvas.setAuthor(author)
    y = page_height - margin
    for row in rows:
        y -= height(row)
        if row.code:
            if code != "none":
                _draw_code(canvas, row.text, code, page_width / 2, y + leading * 1.2, code_size)
                canvas.setFont(MONO, size)
                canvas.drawCentredString(page_width / 2, y + leading * 0.2, row.text)
            continue
        if row.align == "center":
            font, font_size = (SANS_BOLD if row.bold else SANS), size * (1.9 if row.big else 1.0)
            font_size = min(font_size, usable / max(pdfmetrics.stringWidth(row.text, font, 1), 1))
            canvas.setFont(font, font_size)
            canvas.drawCentredString(page_width / 2, y + leading * 0.3, row.text)
            continue
        canvas.saveState()  # the text render mode belongs to the graphics state: keep it to this row
        text = canvas.beginText(margin, y + leading * 0.3)
        text.setFont(MONO, size)
        if row.bold:  # the shipped mono font has no bold face: fill and stroke the glyphs
            canvas.setLineWidth(size * 0.05)
            text.setTextRenderMode(2)
        text.textOut(row.text)
        canvas.drawText(text)
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _draw_code(canvas: Canvas, content: str, code: str, centre_x: float, bottom: float, size: float) -> None:
    if code == "qr":
        widget = QrCodeWidget(content, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, centre_x - size / 2, bottom)
        return
    barcode = Code128(content, barHeight=size, barWidth=0.3 * mm, humanReadable=False)
    barcode.drawOn(canvas, centre_x - barcode.width / 2, bottom)
