"""Full invoices (factura completa) for finished tickets: one per ticket, in a gapless series per till,
with the customer's tax data, recorded in the ledger and audited."""

from __future__ import annotations

import re

from sqlalchemy import select

from pos.config import TillSettings
from pos.domain.errors import DomainError
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import Invoice, Sale, User
from pos.services.dto import IssuedInvoice, UserView
from pos.services.errors import NotFound
from pos.services.sales import next_number, receipt_from_sale

_TAX_ID = re.compile(r"[A-Z0-9&Ñ-]{8,14}")


class InvalidCustomerData(DomainError):
    code = "invalid_customer"


def _clean_tax_id(raw: str) -> str:
    return re.sub(r"[\s.]", "", raw).upper()


class InvoiceService:
    def __init__(self, ledger: Ledger, settings: TillSettings) -> None:
        self._ledger = ledger
        self._settings = settings

    def issue(self, sale_uuid: str, user: UserView, *, name: str, tax_id: str, address: str,
              email: str = "") -> IssuedInvoice:
        """Issue (or, when the ticket already has one, return) the full invoice for a ticket.

        Raises InvalidCustomerData (reason: name, tax_id, address) and NotFound."""
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
            cashier = session.get(User, sale.cashier_id)
            receipt = receipt_from_sale(sale, self._settings, cashier.name if cashier else "?")
            return IssuedInvoice(invoice.invoice_no, invoice.created_at, invoice.customer_name,
                                 invoice.customer_tax_id, invoice.customer_address, invoice.customer_email, receipt)
