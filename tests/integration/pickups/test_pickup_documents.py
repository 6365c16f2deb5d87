"""The pick list and the pickup receipt: built from the ledger after a real pull, laid out as rows, printed
through the print queue to a network printer on 127.0.0.1, and saved as PDF."""

from __future__ import annotations

from decimal import Decimal

from pos.config import TillSettings
from pos.devices.escpos_receipt import EscposOptions, EscposRenderer
from pos.devices.pdf_documents import rows_pdf, ticket_columns
from pos.devices.pickup_text import pick_list_rows, render_text, slip_rows
from pos.devices.print_queue import PrintQueue
from pos.devices.printer_uri import parse_printer_uri
from pos.domain.payment import Tender, TenderKind
from pos.formatting import Formatter
from pos.services.pickup_documents import PickupDocuments
from tests.integration.devices.fake_printer import PARTIAL_CUT, FakePrinter
from tests.integration.pickups.conftest import EANS, Desk
from tests.integration.pickups.test_pickups_e2e import _code, _ready_order

FMT = Formatter("es_ES")


def test_pick_list_has_lines_codes_sections_customer_and_the_order_code(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[0], 2), (EANS[2], 1)], payment="cod", paid=False)
    docs = PickupDocuments(desk.ledger, TillSettings())
    pick = docs.pick_list(pid)
    assert pick.number == order["number"] and pick.customer_name == "Lucía García Pérez" and not pick.paid_online
    milk = desk.catalog.by_barcode(EANS[0])
    line = next(ln for ln in pick.lines if ln.sku == milk.sku)
    assert line.quantity == Decimal(2) and line.barcode == EANS[0] and line.section  # the category
    assert [ln.section for ln in pick.lines] == sorted((ln.section for ln in pick.lines), key=str.casefold)
    text = "\n".join(render_text(pick_list_rows(pick, FMT, width=42), 42))
    for expected in (f"Pedido #{order['number']}", milk.sku, EANS[0], "Lucía García Pérez", "+34600111222",
                     "Cobrar al entregar", f"Sección: {line.section}", "[ ] 2 x"):
        assert expected in text, expected
    # The bag's code opens the order at the desk, and it does not verify the customer.
    assert [v.number for v in desk.pickups.search(pick.code)] == [order["number"]]
    assert pick.code.endswith(order["number"]) and _code(order) not in pick.code


def test_pickup_receipt_prints_through_the_queue_and_as_pdf(desk: Desk) -> None:
    desk.engine.run_once()
    order, pid = _ready_order(desk, [(EANS[1], 2), (EANS[3], 1)], payment="cod", paid=False)
    first, _ = desk.pickups.get(pid).lines
    checkout = desk.payments.checkout(pid, desk.cashier, id_check="DNI ***5678", lines={first.line_id: 2})
    receipt = checkout.pay([Tender(TenderKind.CASH, checkout.total)])
    assert checkout.paid is not None
    docs = PickupDocuments(desk.ledger, TillSettings())
    slip = docs.slip(checkout.paid.handover.handover_uuid)
    assert slip.paid_at_store and slip.sale_receipt_no == receipt.receipt_no and slip.payment_title == "Efectivo"
    assert [ln.quantity for ln in slip.collected] == [Decimal(2)] and len(slip.remaining) == 1
    assert slip.verified_by == "id_check" and slip.id_check == "DNI ***5678" and not slip.complete
    text = "\n".join(render_text(slip_rows(slip, FMT, width=42), 42))
    for expected in ("Entregado ahora", "Pendiente de recoger", "DNI ***5678", "Pagado en tienda (Efectivo)",
                     receipt.receipt_no, "Firma del cliente"):
        assert expected in text, expected

    last = desk.pickups.hand_over(pid, desk.cashier, verify_code=_code(order))
    final = docs.slip(last.handover_uuid)
    assert final.complete and final.verified_by == "code"
    assert "Pedido entregado completo" in "\n".join(render_text(slip_rows(final, FMT), 42))
    assert len(docs.slip(checkout.paid.handover.handover_uuid).remaining) == 1  # a reprint shows that visit

    printer = FakePrinter()
    queue = PrintQueue(parse_printer_uri(printer.uri), EscposRenderer(EscposOptions(), FMT), timeout=1.0,
                       probe_interval=0.0)
    queue.start()
    try:
        assert queue.submit_document(lambda width: slip_rows(slip, FMT, width=width)) is not None
        assert queue.submit_document(lambda width: pick_list_rows(docs.pick_list(pid), FMT, width=width))
        assert queue.wait_idle(5)
        jobs = printer.wait_jobs(2)
    finally:
        queue.stop()
        printer.close()
    assert "Pendiente de recoger".encode("cp858") in jobs[0] and jobs[0].endswith(PARTIAL_CUT)
    assert f"PEDIDO-{order['number']}".encode() in jobs[1]  # the QR's content

    pdf = rows_pdf(slip_rows(slip, FMT, width=ticket_columns(80)), title="Recogida", author="Mostrador")
    assert pdf.startswith(b"%PDF") and b"DejaVu" in pdf
