"""Receipt model → one layout of rows → fixed-width text. The on-screen preview, the ESC/POS printer and the
receipt PDF all draw from :func:`receipt_rows`, so what the cashier previews is what prints."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from pos.formatting import Formatter
from pos.services.dto import Receipt


@dataclass(frozen=True)
class ReceiptLabels:
    simplified_invoice: str
    return_invoice: str
    tax_id: str
    till: str
    receipt: str
    cashier: str
    total: str
    vat: str
    base: str
    tax: str
    change: str
    discount: str
    rounding: str
    tenders: dict[str, str]
    gift_receipt: str = "Ticket regalo"
    copy: str = "COPIA / DUPLICADO"
    gift_hint: str = "Conserve este ticket para cambios"
    corrects: str = "Rectifica a"
    customer: str = "Cliente"
    cashback: str = "Cashback a su monedero"


LABELS = {
    "es": ReceiptLabels("Factura simplificada", "Factura rectificativa (devolución)", "NIF", "Caja", "Ticket",
                        "Le atendió", "TOTAL", "IVA", "Base", "Cuota", "Cambio", "Descuento", "Redondeo",
                        {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero", "voucher": "Vale",
                         "gateway": "Reembolso online", "exchange": "Cambio de artículo"},
                        "Ticket regalo", "COPIA / DUPLICADO", "Conserve este ticket para cambios", "Rectifica a",
                        "Cliente", "Cashback a su monedero"),
    "es_MX": ReceiptLabels("Nota de venta", "Nota de devolución", "RFC", "Caja", "Ticket",
                           "Le atendió", "TOTAL", "IVA", "Base", "IVA", "Cambio", "Descuento", "Redondeo",
                           {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero", "voucher": "Vale",
                            "gateway": "Reembolso en línea", "exchange": "Cambio de artículo"},
                           "Ticket de regalo", "COPIA / DUPLICADO", "Conserve este ticket para cambios", "Corrige a",
                           "Cliente", "Bonificación a su monedero"),
    "en": ReceiptLabels("Simplified invoice", "Corrective invoice (return)", "Tax ID", "Till", "Receipt",
                        "Served by", "TOTAL", "VAT", "Base", "Tax", "Change", "Discount", "Rounding",
                        {"cash": "Cash", "card": "Card", "wallet": "Wallet", "voucher": "Voucher",
                         "gateway": "Refunded online", "exchange": "Exchange"},
                        "Gift receipt", "COPY / DUPLICATE", "Keep this receipt for exchanges", "Corrects",
                        "Customer", "Cashback to your wallet"),
}


def labels_for(language: str) -> ReceiptLabels:
    """Labels for ``es``, ``en`` or a locale such as ``es_MX`` (falls back to its language, then Spanish)."""
    return LABELS.get(language) or LABELS.get(language[:2]) or LABELS["es"]


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the receipt layout. Left rows are already fitted to the width; centred rows are centred by
    each renderer (a printer aligns them itself). ``big`` is double width and height on a printer (it falls
    back to bold when the text does not fit in half the columns). A ``code`` row is the place of the QR code or
    barcode carrying ``text``; plain text leaves it out."""

    text: str
    align: str = "left"  # left | center
    bold: bool = False
    big: bool = False
    code: bool = False


def _centred(text: str, width: int, *, bold: bool = False, big: bool = False) -> list[Row]:
    """A centred text, wrapped at ``width`` rather than cut (a long address takes two lines)."""
    return [Row(part, "center", bold=bold, big=big) for part in textwrap.wrap(text, width) or [""]]


def _pair(left: str, right: str, width: int) -> str:
    space = width - len(right) - 1
    return f"{left[:space]:<{space}} {right}"


def receipt_rows(receipt: Receipt, fmt: Formatter, *, width: int = 42, language: str = "es",
                 gift: bool = False, copy: bool = False) -> list[Row]:
    """The receipt as layout rows no wider than ``width``. A gift receipt leaves out every price; a ``copy``
    (reprint) carries a visible duplicate mark."""
    lb = labels_for(language)
    rows = [*_centred(receipt.store_name, width, bold=True, big=True),
            *_centred(f"{lb.tax_id}: {receipt.tax_id}", width), *_centred(receipt.address, width), Row("")]
    if copy:
        rows += [*_centred(lb.copy, width, bold=True, big=True), Row("")]
    title = lb.return_invoice if receipt.kind == "return" else lb.simplified_invoice
    if gift:
        title = lb.gift_receipt
    rows.append(Row(title[:width], bold=True))
    rows.append(Row(_pair(f"{lb.receipt} {receipt.receipt_no}", fmt.datetime(receipt.created_at), width)))
    rows.append(Row(_pair(f"{lb.till} {receipt.till_id}", f"{lb.cashier}: {receipt.cashier}", width)))
    if receipt.kind == "return" and receipt.original_receipt_no and not gift:
        rows.append(Row(f"{lb.corrects}: {receipt.original_receipt_no}"[:width], bold=True))
    if receipt.customer and not gift:  # a gift receipt never names who paid
        rows.append(Row(f"{lb.customer}: {receipt.customer}"[:width]))
    rule = Row("-" * width)
    rows.append(rule)
    for line in receipt.lines:
        if gift:  # a long name wraps; the quantity goes beside its last part
            qty = fmt.quantity(line.quantity)
            parts = textwrap.wrap(line.name, width - len(qty) - 1) or [""]
            rows += [Row(part) for part in parts[:-1]]
            rows.append(Row(_pair(parts[-1], qty, width)))
            continue
        rows += [Row(part) for part in textwrap.wrap(line.name, width) or [""]]
        detail = f"  {fmt.quantity(line.quantity)} x {fmt.amount(line.unit_price)}"
        if line.discount.minor:
            detail += f"  -{fmt.amount(line.discount)}"
        rows.append(Row(_pair(detail, fmt.amount(line.total), width)))
    rows.append(rule)
    if gift:
        return [*rows, Row(""), Row(receipt.receipt_no, "center", code=True), *_centred(lb.gift_hint, width),
                *_centred(receipt.footer, width)]
    if receipt.discount.minor:
        rows.append(Row(_pair(lb.discount, "-" + fmt.amount(receipt.discount), width)))
    if receipt.rounding.minor:
        rows.append(Row(_pair(lb.rounding, fmt.amount(receipt.rounding), width)))
    rows.append(Row(_pair(lb.total, fmt.money(receipt.total), width), bold=True))
    rows.append(Row(""))
    rows.append(Row(_pair(f"{lb.vat:<8} {lb.base:>10}", lb.tax, width)))
    for tax in receipt.taxes:
        rows.append(Row(_pair(f"{tax.label:<8} {fmt.amount(tax.base):>10}", fmt.amount(tax.tax), width)))
    rows.append(Row(""))
    for tender in receipt.tenders:
        name = lb.tenders.get(tender.kind, tender.kind)
        if tender.reference:
            name += f" ({tender.reference})"
        rows.append(Row(_pair(name, fmt.amount(tender.amount), width)))
    if receipt.change.minor:
        rows.append(Row(_pair(lb.change, fmt.amount(receipt.change), width)))
    if receipt.cashback is not None and receipt.cashback.minor > 0:
        rows.append(Row(_pair(lb.cashback, fmt.amount(receipt.cashback), width)))
    return [*rows, Row(""), Row(receipt.receipt_no, "center", code=True), *_centred(receipt.footer, width)]


def render_lines(receipt: Receipt, fmt: Formatter, *, width: int = 42, language: str = "es",
                 gift: bool = False, copy: bool = False) -> list[str]:
    """The receipt as text lines no wider than ``width`` (the on-screen preview)."""
    rows = receipt_rows(receipt, fmt, width=width, language=language, gift=gift, copy=copy)
    return [row.text.center(width)[:width] if row.align == "center" else row.text[:width]
            for row in rows if not row.code]
