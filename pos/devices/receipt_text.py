"""Receipt model → lines of fixed-width text. The on-screen preview and the ESC/POS printer
both draw from this, so what the cashier previews is what prints."""

from __future__ import annotations

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


LABELS = {
    "es": ReceiptLabels("Factura simplificada", "Factura rectificativa (devolución)", "NIF", "Caja", "Ticket",
                        "Le atendió", "TOTAL", "IVA", "Base", "Cuota", "Cambio", "Descuento", "Redondeo",
                        {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero", "voucher": "Vale"}),
    "en": ReceiptLabels("Simplified invoice", "Corrective invoice (return)", "Tax ID", "Till", "Receipt",
                        "Served by", "TOTAL", "VAT", "Base", "Tax", "Change", "Discount", "Rounding",
                        {"cash": "Cash", "card": "Card", "wallet": "Wallet", "voucher": "Voucher"}),
}


def _pair(left: str, right: str, width: int) -> str:
    space = width - len(right) - 1
    return f"{left[:space]:<{space}} {right}"


def render_lines(receipt: Receipt, fmt: Formatter, *, width: int = 42, language: str = "es",
                 gift: bool = False) -> list[str]:
    """The receipt as text lines no wider than ``width``. A gift receipt leaves out every price."""
    lb = LABELS.get(language, LABELS["es"])
    out = [receipt.store_name.center(width)[:width], f"{lb.tax_id}: {receipt.tax_id}".center(width)[:width]]
    out += [receipt.address.center(width)[:width], ""]
    out.append(lb.return_invoice if receipt.kind == "return" else lb.simplified_invoice)
    out.append(_pair(f"{lb.receipt} {receipt.receipt_no}", fmt.datetime(receipt.created_at), width))
    out.append(_pair(f"{lb.till} {receipt.till_id}", f"{lb.cashier}: {receipt.cashier}", width))
    out.append("-" * width)
    for line in receipt.lines:
        if gift:
            out.append(_pair(line.name, fmt.quantity(line.quantity), width))
            continue
        out.append(line.name[:width])
        detail = f"  {fmt.quantity(line.quantity)} x {fmt.amount(line.unit_price)}"
        if line.discount.minor:
            detail += f"  -{fmt.amount(line.discount)}"
        out.append(_pair(detail, fmt.amount(line.total), width))
    out.append("-" * width)
    if gift:
        return [*out, "", receipt.footer.center(width)[:width]]
    if receipt.discount.minor:
        out.append(_pair(lb.discount, "-" + fmt.amount(receipt.discount), width))
    if receipt.rounding.minor:
        out.append(_pair(lb.rounding, fmt.amount(receipt.rounding), width))
    out.append(_pair(lb.total, fmt.money(receipt.total), width))
    out.append("")
    out.append(_pair(f"{lb.vat}      {lb.base}", lb.tax, width))
    for tax in receipt.taxes:
        out.append(_pair(f"{tax.label:<8} {fmt.amount(tax.base):>10}", fmt.amount(tax.tax), width))
    out.append("")
    for tender in receipt.tenders:
        name = lb.tenders.get(tender.kind, tender.kind)
        if tender.reference:
            name += f" ({tender.reference})"
        out.append(_pair(name, fmt.amount(tender.amount), width))
    if receipt.change.minor:
        out.append(_pair(lb.change, fmt.amount(receipt.change), width))
    out += ["", receipt.footer.center(width)[:width]]
    return out
