"""A return of an invoiced ticket gets a full rectifying invoice (factura rectificativa) in its own gapless
series, with the customer's data of the invoice it corrects, in the return's own transaction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos.domain.money import Money
from pos.domain.payment import Tender, TenderKind
from pos.ledger.models import AuditEntry, Invoice, ReceiptCounter
from pos.services.dto import Receipt
from pos.services.invoices import InvoiceService, NotInvoiceable
from pos.services.returns import ReturnService
from pos.services.returns_dto import ReturnContext, ReturnItem, ReturnRequest, ReturnResult
from tests.integration.ledger.ledger_support import Till

LECHE = "8412345600012"
LIMONES = "8412345602627"
CUSTOMER = {"name": "Distribuciones Cañete S.L.", "tax_id": "B87654321", "address": "Avenida de la Constitución 15"}


@pytest.fixture
def invoices(till: Till) -> InvoiceService:
    return InvoiceService(till.ledger, till.settings)


@pytest.fixture
def returns(till: Till, invoices: InvoiceService) -> ReturnService:
    return ReturnService(till.ledger, till.settings, till.auth, till.sales, return_hooks=[invoices.on_return_written])


def _sell(till: Till, *codes: str) -> Receipt:
    for code in codes:
        till.session.scan(code)
    total = till.session.cart.totals().total
    return till.session.pay([Tender(TenderKind.CASH, Money(total.minor, total.currency))])


def _return_line(till: Till, returns: ReturnService, receipt: Receipt, line: int = 0) -> ReturnResult:
    [doc] = returns.find(receipt.receipt_no)
    return returns.refund(ReturnRequest("store", doc.ref, (ReturnItem(doc.lines[line].key, Decimal(1)),)),
                          till.cashier)


def _numbers(till: Till) -> list[str]:
    with till.ledger.read() as s:
        return list(s.scalars(select(Invoice.invoice_no).order_by(Invoice.id)))


def test_a_return_of_an_invoiced_ticket_is_invoiced_as_its_correction(till: Till, invoices: InvoiceService,
                                                                      returns: ReturnService) -> None:
    receipt = _sell(till, LECHE, LIMONES)
    issued = invoices.issue(receipt.sale_uuid, till.cashier, **CUSTOMER)
    first = _return_line(till, returns, receipt, 0)
    second = _return_line(till, returns, receipt, 1)

    rectifying = invoices.for_sale(first.receipt.sale_uuid)
    assert rectifying is not None
    assert (rectifying.invoice_no, rectifying.rectifies_no) == ("FR-T01-000001", issued.invoice_no)
    assert rectifying.rectifies_issued_at == issued.issued_at
    assert (rectifying.customer_name, rectifying.customer_tax_id) == (CUSTOMER["name"], CUSTOMER["tax_id"])
    assert rectifying.receipt.kind == "return" and rectifying.receipt.total == first.receipt.total
    assert invoices.for_sale(second.receipt.sale_uuid).invoice_no == "FR-T01-000002"  # type: ignore[union-attr]
    assert _numbers(till) == ["F-T01-000001", "FR-T01-000001", "FR-T01-000002"]
    with till.ledger.read() as s:
        audited = [e.details for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "invoice.rectifying_issued").order_by(AuditEntry.id))]
    assert [(d["invoice"], d["rectifies"], d["receipt"]) for d in audited] == [
        ("FR-T01-000001", "F-T01-000001", first.receipt.receipt_no),
        ("FR-T01-000002", "F-T01-000001", second.receipt.receipt_no)]
    with pytest.raises(NotInvoiceable):  # a return is invoiced only as a correction
        invoices.issue(first.receipt.sale_uuid, till.cashier, **CUSTOMER)


def test_a_return_of_a_plain_ticket_has_no_invoice(till: Till, invoices: InvoiceService,
                                                   returns: ReturnService) -> None:
    receipt = _sell(till, LECHE)
    result = _return_line(till, returns, receipt)
    assert invoices.for_sale(result.receipt.sale_uuid) is None
    assert invoices.for_sale(receipt.sale_uuid) is None
    assert _numbers(till) == []


def test_invoicing_a_ticket_after_a_return_corrects_what_came_back(till: Till, invoices: InvoiceService,
                                                                   returns: ReturnService) -> None:
    receipt = _sell(till, LECHE, LIMONES)
    result = _return_line(till, returns, receipt)
    issued = invoices.issue(receipt.sale_uuid, till.cashier, **CUSTOMER)
    rectifying = invoices.for_sale(result.receipt.sale_uuid)
    assert rectifying is not None and rectifying.rectifies_no == issued.invoice_no
    invoices.issue(receipt.sale_uuid, till.cashier, **CUSTOMER)  # asked again: the same invoice, nothing new
    assert _numbers(till) == ["F-T01-000001", "FR-T01-000001"]


def test_a_return_rolled_back_takes_its_rectifying_number_back(till: Till, invoices: InvoiceService) -> None:
    def refuse(_session: object, _context: ReturnContext) -> None:
        raise RuntimeError("a later hook failed")

    returns = ReturnService(till.ledger, till.settings, till.auth, till.sales,
                            return_hooks=[invoices.on_return_written, refuse])
    receipt = _sell(till, LECHE, LIMONES)
    invoices.issue(receipt.sale_uuid, till.cashier, **CUSTOMER)
    with pytest.raises(RuntimeError):
        _return_line(till, returns, receipt)
    assert _numbers(till) == ["F-T01-000001"]
    with till.ledger.read() as s:
        assert s.scalar(select(ReceiptCounter.last_number).where(ReceiptCounter.series == "FR-T01")) is None
    kept = ReturnService(till.ledger, till.settings, till.auth, till.sales,
                         return_hooks=[invoices.on_return_written])
    result = _return_line(till, kept, receipt)
    assert invoices.for_sale(result.receipt.sale_uuid).invoice_no == "FR-T01-000001"  # type: ignore[union-attr]
