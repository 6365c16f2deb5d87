"""X and Z reports → layout rows (the same ``Row`` as receipts), for the ticket printer, the screen and the PDF.

Signed amounts: returns and cash out are negative. Labels come in es (Spain), es_MX and en; tender and document
kinds that a newer part of the till writes and this table does not know are printed as stored.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace

from pos.devices.receipt_text import Row, labels_for
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.shift_dto import Line, ShiftReport


@dataclass(frozen=True)
class ReportLabels:
    x_title: str
    z_title: str
    till: str
    shift: str
    opened: str
    taken: str
    by: str
    documents: str
    receipts: str
    by_tender: str
    by_kind: str
    by_tax: str
    by_category: str
    by_cashier: str
    no_category: str
    cash: str
    float_: str
    cash_in: str
    cash_out: str
    cash_sales: str
    change: str
    cash_refunds: str
    expected: str
    counted: str
    variance: str
    over: str
    short: str
    count_title: str
    activity: str
    returns: str
    voided_lines: str
    voided_sales: str
    discounts: str
    wallet: str
    pickups: str
    handovers: str
    price_changes: str
    no_sales: str
    net_total: str
    moves: str
    signature: str
    kinds: dict[str, str]


_ES = ReportLabels(
    "INFORME X (parcial)", "CIERRE DE CAJA (Z)", "Caja", "Turno", "Apertura", "Emitido", "por", "Documentos",
    "Tickets", "Por forma de pago", "Por tipo de documento", "Por tipo de IVA", "Por categoría", "Por cajero",
    "(sin categoría)", "EFECTIVO", "Fondo inicial", "Entradas de caja", "Salidas de caja", "Cobrado en efectivo",
    "Cambio devuelto", "Devuelto en efectivo", "Efectivo esperado", "Efectivo contado", "Descuadre", "sobra",
    "falta", "Recuento", "Actividad", "Devoluciones", "Líneas anuladas", "Ventas anuladas", "Descuentos",
    "Monedero", "Recogidas cobradas", "Recogidas entregadas", "Cambios de precio", "Aperturas sin venta",
    "TOTAL NETO", "Movimientos de caja", "Firma",
    {"sale": "Ventas", "return": "Devoluciones", "pickup": "Recogidas"})
_MX = replace(_ES, z_title="CORTE DE CAJA (Z)", x_title="CORTE PARCIAL (X)", voided_lines="Artículos cancelados",
              voided_sales="Ventas canceladas", wallet="Monedero electrónico")
_EN = ReportLabels(
    "X REPORT (mid-shift)", "SHIFT CLOSE (Z)", "Till", "Shift", "Opened", "Taken", "by", "Documents", "Receipts",
    "By tender", "By document kind", "By VAT rate", "By category", "By cashier", "(no category)", "CASH",
    "Opening float", "Cash in", "Cash out", "Cash taken", "Change given", "Cash refunded", "Expected cash",
    "Counted cash", "Variance", "over", "short", "Count", "Activity", "Returns", "Voided lines", "Voided sales",
    "Discounts", "Wallet", "Pickups paid", "Pickups handed over", "Price changes", "No-sale openings",
    "NET TOTAL", "Cash movements", "Signature",
    {"sale": "Sales", "return": "Returns", "pickup": "Pickups"})
LABELS = {"es": _ES, "es_MX": _MX, "en": _EN}


def report_labels(language: str) -> ReportLabels:
    return LABELS.get(language) or LABELS.get(language[:2]) or _ES


def _pair(left: str, right: str, width: int) -> str:
    space = width - len(right) - 1
    return f"{left[:space]:<{space}} {right}"


def report_rows(report: ShiftReport, fmt: Formatter, *, width: int = 42, language: str = "es") -> list[Row]:
    lb = report_labels(language)
    tenders = labels_for(language).tenders
    cur = report.currency

    def amount(minor: int) -> str:
        return fmt.amount(Money(minor, cur))

    def money_row(label: str, minor: int, *, bold: bool = False) -> Row:
        return Row(_pair(label, amount(minor), width), bold=bold)

    def table(title: str, lines: tuple[Line, ...], names: dict[str, str] | None = None) -> list[Row]:
        out = [Row(title, bold=True)]
        for line in lines:
            label = (names or {}).get(line.label, line.label) or lb.no_category
            out.append(Row(_pair(f"  {label} ({line.count})", amount(line.amount), width)))
        return out

    rule = Row("-" * width)
    title = lb.z_title if report.kind == "Z" else lb.x_title
    rows = [*[Row(p, "center", bold=True) for p in textwrap.wrap(report.store_name, width)],
            Row(title, "center", bold=True, big=True)]
    if report.z_number is not None:
        rows.append(Row(f"Z {report.z_number:06d}", "center", bold=True))
    rows += [
        Row(_pair(f"{lb.till} {report.till_id}", f"{lb.shift} {report.shift_number}", width)),
        Row(_pair(lb.opened, f"{fmt.datetime(report.opened_at)} {report.opened_by}", width)),
        Row(_pair(lb.taken, f"{fmt.datetime(report.taken_at)} {report.taken_by}", width)),
        Row(_pair(lb.documents, str(report.documents), width)),
    ]
    if report.first_receipt:
        rows.append(Row(_pair(lb.receipts, f"{report.first_receipt} … {report.last_receipt}", width)))
    rows += [rule, *table(lb.by_tender, report.by_tender, tenders), *table(lb.by_kind, report.by_kind, lb.kinds),
             money_row(lb.net_total, report.net_total, bold=True), rule, Row(lb.by_tax, bold=True)]
    receipt_words = labels_for(language)
    rows.append(Row(_pair(f"  {receipt_words.vat:<6} {receipt_words.base:>10}", receipt_words.tax, width)))
    for tax in report.by_tax:
        rows.append(Row(_pair(f"  {tax.percent + ' %':<6} {amount(tax.base):>10}", amount(tax.tax), width)))
    rows += [*table(lb.by_category, report.by_category), *table(lb.by_cashier, report.by_cashier), rule,
             Row(lb.activity, bold=True)]
    for label, line in ((lb.returns, report.returns), (lb.voided_lines, report.voided_lines),
                        (lb.voided_sales, report.voided_sales), (lb.discounts, report.discounts),
                        (lb.wallet, report.wallet), (lb.pickups, report.pickups)):
        rows.append(Row(_pair(f"  {label} ({line.count})", amount(line.amount), width)))
    for label, count in ((lb.handovers, report.pickup_handovers), (lb.price_changes, report.price_changes),
                         (lb.no_sales, report.no_sales)):
        rows.append(Row(_pair(f"  {label}", str(count), width)))
    rows += [rule, Row(lb.cash, bold=True), money_row(lb.float_, report.float_minor),
             money_row(lb.cash_in, report.cash_in), money_row(lb.cash_out, -report.cash_out),
             money_row(lb.cash_sales, report.cash_tendered), money_row(lb.change, -report.change_given),
             money_row(lb.cash_refunds, -report.cash_refunded), money_row(lb.expected, report.expected_cash, bold=True)]
    if report.counted_cash is not None and report.variance is not None:
        rows.append(money_row(lb.counted, report.counted_cash, bold=True))
        word = lb.over if report.variance > 0 else lb.short if report.variance < 0 else ""
        rows.append(Row(_pair(f"{lb.variance} {word}".strip(), amount(report.variance), width), bold=True))
    if report.cash_moves:
        rows += [Row(""), Row(lb.moves, bold=True)]
        for move in report.cash_moves:
            sign = 1 if move.kind == "in" else -1
            rows.append(Row(_pair(f"  {fmt.datetime(move.at)[-5:]} {move.reason}", amount(sign * move.amount), width)))
    if report.counted:
        rows += [Row(""), Row(lb.count_title, bold=True)]
        for value, pieces in report.counted:
            rows.append(Row(_pair(f"  {pieces} x {amount(value)}", amount(value * pieces), width)))
    if report.kind == "Z":
        rows += [Row(""), Row(""), Row(f"{lb.signature}: " + "_" * max(0, width - len(lb.signature) - 2))]
    return rows


def report_lines(report: ShiftReport, fmt: Formatter, *, width: int = 42, language: str = "es") -> list[str]:
    """The report as plain text lines (the on-screen preview)."""
    return [row.text.center(width)[:width] if row.align == "center" else row.text[:width]
            for row in report_rows(report, fmt, width=width, language=language) if not row.code]
