"""The stock count variance report: an A4 PDF a manager signs and files (reportlab, DejaVu fonts).

It lists every product whose count differs from the ledger — expected (snapshot plus the
movements until it was counted), counted, variance in units and in money at the sale price, the
reason — then the totals and how many products matched. Deterministic output (``invariant``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.devices.pdf_documents import SANS, SANS_BOLD, register_fonts
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.count_dto import CountReview


@dataclass(frozen=True)
class _Labels:
    title: str
    count: str
    scopes: dict[str, str]
    states: dict[str, str]
    started: str
    finished: str
    approved: str
    by: str
    columns: tuple[str, ...]
    reasons: dict[str, str]
    no_reason: str
    summary: tuple[str, str, str, str]
    matched: str
    none: str
    method: str
    signature: str
    page: str


_LABELS = {
    "es": _Labels(
        "Informe de diferencias de inventario", "Recuento",
        {"store": "Toda la tienda", "category": "Categoría", "zone": "Zona"},
        {"open": "abierto", "review": "en revisión", "approved": "aprobado", "cancelled": "anulado"},
        "Inicio", "Fin", "Aprobado", "por",
        ("Ref.", "Producto", "Esperado", "Contado", "Diferencia", "Valor", "Motivo"),
        {"miscount": "Error de recuento", "shrinkage": "Merma / robo", "damaged": "Rotura / daño",
         "expired": "Caducado", "receiving": "Error de recepción", "unknown": "Sin explicar"},
        "(sin motivo)",
        ("Productos revisados", "Con diferencia", "Valor neto", "Valor absoluto"),
        "%d productos coinciden con el sistema.", "No hay diferencias.",
        "Esperado = existencias al empezar + movimientos (ventas, devoluciones…) hasta que se contó cada producto. "
        "Valor al precio de venta con IVA.",
        "Firma del responsable", "Página"),
    "en": _Labels(
        "Stock count variance report", "Count",
        {"store": "Whole store", "category": "Category", "zone": "Zone"},
        {"open": "open", "review": "in review", "approved": "approved", "cancelled": "cancelled"},
        "Started", "Finished", "Approved", "by",
        ("SKU", "Product", "Expected", "Counted", "Variance", "Value", "Reason"),
        {"miscount": "Miscount", "shrinkage": "Shrinkage / theft", "damaged": "Damaged", "expired": "Expired",
         "receiving": "Receiving error", "unknown": "Unexplained"},
        "(no reason)",
        ("Products reviewed", "With a variance", "Net value", "Absolute value"),
        "%d products matched the ledger.", "No variances.",
        "Expected = on hand at the start + movements (sales, returns…) until each product was counted. "
        "Value at the sale price including VAT.",
        "Manager's signature", "Page"),
}


def reason_label(reason: str | None, language: str = "es") -> str:
    lb = _LABELS.get(language[:2], _LABELS["es"])
    return lb.reasons.get(reason or "", lb.no_reason)


def variance_report_pdf(review: CountReview, fmt: Formatter, *, store_name: str, currency: str,
                        language: str = "es") -> bytes:
    register_fonts()
    lb = _LABELS.get(language[:2], _LABELS["es"])
    body = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12)
    small = ParagraphStyle("small", fontName=SANS, fontSize=8, leading=10, textColor=colors.HexColor("#444444"))
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=8.5, leading=10.5)

    def para(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    c = review.count
    scope = lb.scopes.get(c.scope, c.scope)
    if c.category_name or c.label:
        scope += f": {c.category_name or c.label}"
    when = [f"{lb.started}: {fmt.datetime(c.started_at)} {lb.by} {c.started_by}"]
    if c.finished_at:
        when.append(f"{lb.finished}: {fmt.datetime(c.finished_at)}")
    if c.approved_at:
        when.append(f"{lb.approved}: {fmt.datetime(c.approved_at)} {lb.by} {c.approved_by}")
    head = [para(store_name, ParagraphStyle("store", fontName=SANS_BOLD, fontSize=14, leading=18)),
            para(lb.title, ParagraphStyle("title", fontName=SANS_BOLD, fontSize=17, leading=22)),
            para(f"{lb.count} {c.uuid[:8]} · {scope} · {lb.states.get(c.state, c.state)} · {c.till_id}"),
            para(" · ".join(when), small)]

    variances = review.variances
    net, gross = review.net_value(currency), review.gross_value(currency)
    summary = Table([list(lb.summary), [str(len(review.lines)), str(len(variances)), fmt.money(net),
                                        fmt.money(gross)]], colWidths=[44 * mm] * 4)
    summary.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, 0), SANS, 8), ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor("#444444")),
        ("FONT", (0, 1), (-1, 1), SANS_BOLD, 13), ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
        ("TEXTCOLOR", (2, 1), (2, 1), colors.HexColor("#b3261e") if net.minor < 0 else colors.black)]))

    story: list[object] = [*head, Spacer(0, 5 * mm), summary, Spacer(0, 6 * mm)]
    if variances:
        rows: list[list[object]] = [list(lb.columns)]
        for ln in variances:
            rows.append([para(ln.sku, cell), para(ln.name, cell), fmt.quantity(ln.expected), fmt.quantity(ln.counted),
                         _signed(fmt.quantity(ln.variance), ln.variance > 0), _signed(fmt.amount(ln.variance_value),
                                                                                     ln.variance_value.minor > 0),
                         para(reason_label(ln.reason, language) + (f" — {ln.note}" if ln.note else ""), cell)])
        rows.append(["", "", "", "", "", fmt.amount(Money(net.minor, currency)), ""])
        table = Table(rows, colWidths=[22 * mm, 46 * mm, 16 * mm, 16 * mm, 19 * mm, 20 * mm, 37 * mm],
                      repeatRows=1)
        style = [("FONT", (0, 0), (-1, -1), SANS, 8.5), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 8.5),
                 ("FONT", (0, -1), (-1, -1), SANS_BOLD, 9),
                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")), ("ALIGN", (2, 0), (5, -1), "RIGHT"),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
                 ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#bbbbbb"))]
        for i, ln in enumerate(variances, start=1):
            if ln.variance < 0:
                style.append(("TEXTCOLOR", (4, i), (5, i), colors.HexColor("#b3261e")))
        table.setStyle(TableStyle(style))
        story.append(table)
    else:
        story.append(para(lb.none))
    story += [Spacer(0, 3 * mm), para(lb.matched % (len(review.lines) - len(variances))),
              Spacer(0, 2 * mm), para(lb.method, small), Spacer(0, 16 * mm),
              para(f"{lb.signature}: ______________________________")]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.setFont(SANS, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{lb.title} · {c.uuid[:8]} · {lb.page} {doc.page}")

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                            bottomMargin=18 * mm, title=f"{lb.title} {c.uuid[:8]}", author=store_name,
                            invariant=True)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _signed(text: str, positive: bool) -> str:
    return f"+{text}" if positive and not text.startswith("+") else text
