"""Full invoices (factura completa) for finished tickets: one per ticket, in a gapless series per till,
with the customer's tax data, recorded in the ledger and audited.

A return of an invoiced ticket is a correction of that invoice, so it gets a full rectifying invoice
(factura rectificativa, Spain's RD 1619/2012 art. 15) in a series of its own (``FR-T01-000001``), with the
customer's data of the invoice it corrects: issued inside the return's transaction (``on_return_written``,
a return hook), or with the invoice when a ticket is invoiced after some of it came back."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.config import TillSettings
from pos.domain.errors import DomainError
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import Invoice, Sale, User
from pos.services.dto import IssuedInvoice, UserView
from pos.services.errors import NotFound
from pos.services.returns_dto import ReturnContext
from pos.services.sales import next_number, receipt_from_sale

RECTIFYING_SERIES = "FR"  # factura rectificativa: FR-T01-000001, apart from the F series it corrects
_TAX_ID = re.compile(r"[A-Z0-9&Ñ-]{8,14}")


class InvalidCustomerData(DomainError):
    code = "invalid_customer"


class NotInvoiceable(DomainError):
    """reason ``return``: a return is invoiced only as the correction of its ticket's invoice."""

    code = "not_invoiceable"


def _clean_tax_id(raw: str) -> str:
    return re.sub(r"[\s.]", "", raw).upper()


class InvoiceService:
    def __init__(self, ledger: Ledger, settings: TillSettings) -> None:
        self._ledger = ledger
        self._settings = settings

    def issue(self, sale_uuid: str, user: UserView, *, name: str, tax_id: str, address: str,
              email: str = "") -> IssuedInvoice:
        """Issue (or, when the ticket already has one, return) the full invoice for a ticket.

        Raises InvalidCustomerData (reason: name, tax_id, address), NotInvoiceable (a return) and NotFound."""
        name, address, tax_id = name.strip(), address.strip(), _clean_tax_id(tax_id)
        if not name:
            raise InvalidCustomerData("name")
        if not _TAX_ID.fullmatch(tax_id):
            raise InvalidCustomerData("tax_id", tax_id=tax_id)
        if not address:
            raise InvalidCustomerData("address")
        with self._ledger.write() as session:
            sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid))
            if sale is None:
                raise NotFound(what="sale", uuid=sale_uuid)
            if sale.kind == "return":
                raise NotInvoiceable("return")
            invoice = session.scalar(select(Invoice).where(Invoice.sale_id == sale.id))
            if invoice is None:
                series = f"F{sale.till_id}"
                number = next_number(session, series)
                invoice = Invoice(series=series, number=number, invoice_no=f"F-{sale.till_id}-{number:06d}",
                                  sale_id=sale.id, customer_name=name[:255], customer_tax_id=tax_id,
                                  customer_address=address, customer_email=email.strip()[:255],
                                  issued_by=user.user_id)
                session.add(invoice)
                session.flush()
                append_audit(session, "invoice.issued", user_id=user.user_id,
                             details={"invoice": invoice.invoice_no, "receipt": sale.receipt_no, "tax_id": tax_id})
                # What already came back of this ticket is corrected on paper too.
                for returned in session.scalars(select(Sale.id).where(
                        Sale.original_sale_id == sale.id, Sale.kind == "return").order_by(Sale.id)):
                    _rectify(session, invoice, returned, user.user_id)
            return self._issued(session, sale, invoice)

    def for_sale(self, sale_uuid: str) -> IssuedInvoice | None:
        """The full invoice of a ticket, or the rectifying invoice of a return; None when it has none."""
        with self._ledger.read() as session:
            sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid))
            invoice = None if sale is None else session.scalar(select(Invoice).where(Invoice.sale_id == sale.id))
            return None if sale is None or invoice is None else self._issued(session, sale, invoice)

    def on_return_written(self, session: Session, context: ReturnContext) -> None:
        """Return hook: a return of an invoiced ticket of this till gets its rectifying invoice, in the
        return's transaction (a rollback takes the number back)."""
        if context.original_sale_id is None:
            return
        invoice = session.scalar(select(Invoice).where(Invoice.sale_id == context.original_sale_id))
        if invoice is not None:
            _rectify(session, invoice, context.return_sale_id, context.user_id)

    def _issued(self, session: Session, sale: Sale, invoice: Invoice) -> IssuedInvoice:
        cashier = session.get(User, sale.cashier_id)
        receipt = receipt_from_sale(sale, self._settings, cashier.name if cashier else "?")
        rectified = None
        if sale.kind == "return" and sale.original_sale_id is not None:
            rectified = session.scalar(select(Invoice).where(Invoice.sale_id == sale.original_sale_id))
        return IssuedInvoice(invoice.invoice_no, invoice.created_at, invoice.customer_name,
                             invoice.customer_tax_id, invoice.customer_address, invoice.customer_email, receipt,
                             rectifies_no=rectified.invoice_no if rectified else None,
                             rectifies_issued_at=rectified.created_at if rectified else None)


def _rectify(session: Session, original: Invoice, return_sale_id: int, user_id: int) -> Invoice:
    """The rectifying invoice of one return of ``original``'s ticket (once: a second call returns it)."""
    existing = session.scalar(select(Invoice).where(Invoice.sale_id == return_sale_id))
    if existing is not None:
        return existing
    returned = session.get(Sale, return_sale_id)
    assert returned is not None
    series = f"{RECTIFYING_SERIES}-{returned.till_id}"  # dashed like R-T01: FRT01 is till RT01's F series
    number = next_number(session, series)
    invoice = Invoice(series=series, number=number,
                      invoice_no=f"{RECTIFYING_SERIES}-{returned.till_id}-{number:06d}", sale_id=return_sale_id,
                      customer_name=original.customer_name, customer_tax_id=original.customer_tax_id,
                      customer_address=original.customer_address, customer_email=original.customer_email,
                      issued_by=user_id)
    session.add(invoice)
    session.flush()
    append_audit(session, "invoice.rectifying_issued", user_id=user_id,
                 details={"invoice": invoice.invoice_no, "rectifies": original.invoice_no,
                          "receipt": returned.receipt_no})
    return invoice
