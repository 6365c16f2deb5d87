"""The pick list and the pickup receipt as layout rows (``receipt_text.Row``): the ESC/POS printer, the
on-screen preview and the PDF draw from the same rows, like the sale ticket."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from pos.devices.receipt_text import Row, _centred, _pair
from pos.formatting import Formatter
from pos.services.pickup_documents import PickList, PickupSlip, SlipLine


@dataclass(frozen=True)
class PickupLabels:
    pick_list: str
    slip: str
    order: str
    customer: str
    ordered: str
    printed: str
    location: str
    note: str
    paid_online: str
    pay_here: str
    to_collect: str
    section: str
    other: str
    picked: str
    collected_now: str
    still_waiting: str
    all_collected: str
    verified_code: str
    verified_id: str
    paid_at_store: str
    ticket: str
    till: str
    cashier: str
    date: str
    signature: str
    tax_id: str


LABELS = {
    "es": PickupLabels("LISTA DE PREPARACIÓN", "Recogida de pedido online", "Pedido", "Cliente", "Pedido el",
                       "Impreso", "Punto de recogida", "Nota del cliente", "Pagado online", "Cobrar al entregar",
                       "Artículos", "Sección", "Otros", "preparado", "Entregado ahora", "Pendiente de recoger",
                       "Pedido entregado completo", "Verificado con el código del pedido",
                       "Verificado con documento", "Pagado en tienda", "Ticket", "Caja", "Le atendió", "Fecha",
                       "Firma del cliente", "NIF"),
    "en": PickupLabels("PICK LIST", "Online order pickup", "Order", "Customer", "Ordered", "Printed",
                       "Pickup point", "Customer note", "Paid online", "Collect payment at handover", "Items",
                       "Section", "Other", "picked", "Handed over now", "Still to collect", "Order fully collected",
                       "Verified with the order code", "Verified with ID document", "Paid at the store", "Receipt",
                       "Till", "Served by", "Date", "Customer signature", "Tax ID"),
}


def labels_for(language: str) -> PickupLabels:
    return LABELS.get(language[:2]) or LABELS["es"]


def pick_list_rows(doc: PickList, fmt: Formatter, *, width: int = 42, language: str = "es") -> list[Row]:
    """Header (order, customer, payment), the lines grouped by shop section (quantity, name, SKU and
    barcode, a box to tick), then the order's code as QR/barcode for the bag."""
    lb = labels_for(language)
    rows = [*_centred(lb.pick_list, width, bold=True), *_centred(doc.store_name, width), Row(""),
            Row(f"{lb.order} #{doc.number}", bold=True, big=True),
            Row(_pair(lb.ordered, fmt.datetime(doc.ordered_at), width)),
            Row(_pair(lb.printed, fmt.datetime(doc.printed_at), width))]
    rows += [Row(part) for part in textwrap.wrap(f"{lb.customer}: {doc.customer_name}", width)]
    contact = " · ".join(x for x in (doc.phone, doc.email) if x)
    rows += [Row(part) for part in textwrap.wrap(contact, width)]
    if doc.pickup_location:
        rows += [Row(part) for part in textwrap.wrap(f"{lb.location}: {doc.pickup_location}", width)]
    pay = lb.paid_online if doc.paid_online else f"{lb.pay_here}: {fmt.money(doc.total)}"
    rows.append(Row(pay[:width], bold=not doc.paid_online))
    if doc.customer_note:
        rows += [Row(part) for part in textwrap.wrap(f"{lb.note}: {doc.customer_note}", width)]
    rule = Row("=" * width)
    rows += [rule, Row(lb.to_collect, bold=True)]
    section = None
    for line in doc.lines:
        if line.section != section:
            section = line.section
            rows += [Row(""), Row(f"{lb.section}: {section or lb.other}"[:width], bold=True)]
        qty = fmt.quantity(line.quantity)
        parts = textwrap.wrap(line.name, width - len(qty) - 7) or [""]
        rows.append(Row(f"[ ] {qty} x {parts[0]}"[:width]))
        indent = " " * (len(qty) + 7)
        rows += [Row(f"{indent}{part}"[:width]) for part in parts[1:]]
        codes = " · ".join(x for x in (line.sku, line.barcode) if x)
        if line.picked:
            codes += f" · {lb.picked} {fmt.quantity(line.picked)}"
        rows.append(Row(f"    {codes}"[:width]))
    return [*rows, rule, Row(""), Row(doc.code, "center", code=True)]


def slip_rows(doc: PickupSlip, fmt: Formatter, *, width: int = 42, language: str = "es") -> list[Row]:
    """The pickup receipt: what was collected now, what still waits, the verification, the payment."""
    lb = labels_for(language)
    rows = [*_centred(doc.store_name, width, bold=True, big=True),
            *_centred(f"{lb.tax_id}: {doc.tax_id}", width), *_centred(doc.address, width), Row(""),
            Row(lb.slip[:width], bold=True), Row(f"{lb.order} #{doc.number}", bold=True, big=True),
            Row(_pair(lb.date, fmt.datetime(doc.handed_at), width)),
            Row(_pair(f"{lb.till} {doc.till_id}", f"{lb.cashier}: {doc.cashier}", width))]
    rows += [Row(part) for part in textwrap.wrap(f"{lb.customer}: {doc.customer_name}", width)]
    rule = Row("-" * width)
    rows += [rule, Row(lb.collected_now, bold=True)]
    rows += _slip_lines(doc.collected, fmt, width)
    if doc.remaining:
        rows += [rule, Row(lb.still_waiting, bold=True), *_slip_lines(doc.remaining, fmt, width)]
    else:
        rows += [rule, Row(lb.all_collected[:width], bold=True)]
    rows.append(rule)
    verified = lb.verified_code if doc.verified_by == "code" else f"{lb.verified_id}: {doc.id_check}"
    rows += [Row(part) for part in textwrap.wrap(verified, width)]
    if doc.paid_at_store:
        rows.append(Row(_pair(f"{lb.paid_at_store} ({doc.payment_title})", fmt.money(doc.total), width)))
        rows.append(Row(f"{lb.ticket} {doc.sale_receipt_no}"[:width]))
    else:
        rows += [Row(part) for part in textwrap.wrap(f"{lb.paid_online}: {doc.payment_title}", width)]
    if doc.verified_by != "code":  # an ID check is signed for
        rows += [Row(""), Row(""), Row("_" * min(width, 30)), Row(lb.signature)]
    return [*rows, Row(""), Row(doc.handover_uuid[:8].upper(), "center"), *_centred(doc.footer, width)]


def _slip_lines(lines: tuple[SlipLine, ...], fmt: Formatter, width: int) -> list[Row]:
    rows: list[Row] = []
    for line in lines:
        qty = fmt.quantity(line.quantity)
        parts = textwrap.wrap(line.name, width - len(qty) - 3) or [""]
        rows.append(Row(f"{qty} x {parts[0]}"[:width]))
        rows += [Row(" " * (len(qty) + 3) + part) for part in parts[1:]]
    return rows


def render_text(rows: list[Row], width: int = 42) -> list[str]:
    """Rows as text lines (the on-screen preview); code rows show their content."""
    return [row.text.center(width)[:width] if row.align == "center" else row.text[:width] for row in rows]
