"""The X/Z report as an A4 PDF (reportlab, the shipped DejaVu fonts), from the same ``ShiftReport`` as the
printed ticket. Deterministic output (``invariant``)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pos.devices.pdf_documents import SANS, SANS_BOLD, register_fonts
from pos.devices.receipt_text import labels_for
from pos.devices.shift_report_text import report_labels
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.shift_dto import Line, ShiftReport

_GRID = [("FONT", (0, 0), (-1, -1), SANS, 9), ("FONT", (0, 0), (-1, 0), SANS_BOLD, 9),
         ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
         ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb"))]


def shift_report_pdf(report: ShiftReport, fmt: Formatter, *, language: str = "es") -> bytes:
    register_fonts()
    lb = report_labels(language)
    tenders = labels_for(language).tenders
    cur = report.currency
    body = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12)
    title_style = ParagraphStyle("title", fontName=SANS_BOLD, fontSize=18, leading=22)
    head = ParagraphStyle("head", fontName=SANS_BOLD, fontSize=11, leading=14, spaceBefore=4)

    def amount(minor: int) -> str:
        return fmt.amount(Money(minor, cur))

    def section(title: str, rows: list[list[str]], widths: tuple[float, ...] = (110 * mm, 20 * mm, 44 * mm),
                bold_last: bool = False) -> KeepTogether:
        table = Table(rows, colWidths=list(widths), hAlign="LEFT")
        style = list(_GRID)
        if bold_last:
            style.append(("FONT", (0, -1), (-1, -1), SANS_BOLD, 10))
        table.setStyle(TableStyle(style))
        return KeepTogether([Paragraph(escape(title), head), table, Spacer(0, 3 * mm)])

    def lines(title: str, items: tuple[Line, ...], names: dict[str, str] | None = None) -> KeepTogether:
        rows = [["", "#", cur]]
        rows += [[(names or {}).get(i.label, i.label) or lb.no_category, str(i.count), amount(i.amount)]
                 for i in items]
        return section(title, rows)

    heading = lb.z_title if report.kind == "Z" else lb.x_title
    if report.z_number is not None:
        heading += f" · Z {report.z_number:06d}"
    facts = [f"{report.store_name} · {lb.till} {report.till_id} · {lb.shift} {report.shift_number}",
             f"{lb.opened}: {fmt.datetime(report.opened_at)} {lb.by} {report.opened_by}",
             f"{lb.taken}: {fmt.datetime(report.taken_at)} {lb.by} {report.taken_by}",
             f"{lb.documents}: {report.documents}"
             + (f" ({report.first_receipt} … {report.last_receipt})" if report.first_receipt else "")]
    story: list[object] = [Paragraph(escape(heading), title_style), Spacer(0, 2 * mm),
                           *[Paragraph(escape(f), body) for f in facts], Spacer(0, 4 * mm)]
    cash = [["", "", cur], [lb.float_, "", amount(report.float_minor)], [lb.cash_in, "", amount(report.cash_in)],
            [lb.cash_out, "", amount(-report.cash_out)], [lb.cash_sales, "", amount(report.cash_tendered)],
            [lb.change, "", amount(-report.change_given)], [lb.cash_refunds, "", amount(-report.cash_refunded)],
            [lb.expected, "", amount(report.expected_cash)]]
    if report.counted_cash is not None and report.variance is not None:
        word = lb.over if report.variance > 0 else lb.short if report.variance < 0 else ""
        cash += [[lb.counted, "", amount(report.counted_cash)],
                 [f"{lb.variance} {word}".strip(), "", amount(report.variance)]]
    story.append(section(lb.cash, cash, bold_last=True))
    story.append(lines(lb.by_tender, report.by_tender, tenders))
    story.append(lines(lb.by_kind, report.by_kind, lb.kinds))
    taxes = [["", labels_for(language).base, labels_for(language).tax]]
    taxes += [[f"{t.code} ({t.percent} %)", amount(t.base), amount(t.tax)] for t in report.by_tax]
    story.append(section(lb.by_tax, taxes, (90 * mm, 42 * mm, 42 * mm)))
    story.append(lines(lb.by_category, report.by_category))
    story.append(lines(lb.by_cashier, report.by_cashier))
    activity = [["", "#", cur]]
    for label, line in ((lb.returns, report.returns), (lb.voided_lines, report.voided_lines),
                        (lb.voided_sales, report.voided_sales), (lb.discounts, report.discounts),
                        (lb.wallet, report.wallet), (lb.pickups, report.pickups)):
        activity.append([label, str(line.count), amount(line.amount)])
    for label, count in ((lb.handovers, report.pickup_handovers), (lb.price_changes, report.price_changes),
                         (lb.no_sales, report.no_sales)):
        activity.append([label, str(count), ""])
    activity.append([lb.net_total, "", amount(report.net_total)])
    story.append(section(lb.activity, activity, bold_last=True))
    if report.cash_moves:
        moves = [["", "", cur]] + [[f"{fmt.datetime(m.at)} · {m.user} · {m.reason}", "",
                                          amount(m.amount if m.kind == "in" else -m.amount)] for m in report.cash_moves]
        story.append(section(lb.moves, moves))
    if report.counted:
        count = [["", "#", cur]] + [[amount(v), str(n), amount(v * n)] for v, n in report.counted]
        story.append(section(lb.count_title, count))
    if report.kind == "Z":
        story += [Spacer(0, 12 * mm), Paragraph(escape(f"{lb.signature}: ____________________________"), body)]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.setFont(SANS, 8)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"{heading} · {doc.page}")

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=heading, author=report.store_name, invariant=True)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
