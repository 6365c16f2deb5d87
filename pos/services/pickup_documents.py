"""The pickup desk's paper: the pick list (to prepare an order and tag its bag) and the pickup receipt
(what the customer took, what is still waiting, how they were verified, how it was paid). Plain frozen
DTOs read in one short transaction; ``pos/devices/pickup_text.py`` lays them out for the printer, the
preview and the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from pos.config import TillSettings
from pos.domain.cart import from_milli
from pos.domain.money import Money
from pos.ledger.db import Ledger
from pos.ledger.models import Barcode, Category, PickupHandover, PickupOrder, Product, Sale, User, utcnow
from pos.services.errors import NotFound
from pos.services.pickups import TENDER_TITLES, order_code


@dataclass(frozen=True, slots=True)
class PickListLine:
    name: str
    sku: str
    barcode: str
    section: str  # where it is in the shop: the product's category ("" when unknown)
    quantity: Decimal  # still to hand over
    picked: Decimal


@dataclass(frozen=True, slots=True)
class PickList:
    store_name: str
    number: str
    code: str  # the order's code for the bag's QR/barcode: opens the order at the desk, never verifies
    customer_name: str
    phone: str
    email: str
    ordered_at: datetime
    printed_at: datetime
    paid_online: bool
    payment_title: str
    total: Money
    customer_note: str
    pickup_location: str
    lines: tuple[PickListLine, ...]  # sorted by section, so the picker walks the shop once


@dataclass(frozen=True, slots=True)
class SlipLine:
    name: str
    sku: str
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class PickupSlip:
    """The pickup receipt of one hand-over."""

    store_name: str
    tax_id: str
    address: str
    till_id: str
    cashier: str
    number: str
    customer_name: str
    handed_at: datetime
    verified_by: str  # code | id_check
    id_check: str
    paid_at_store: bool
    payment_title: str  # the online method, or the till tenders
    sale_receipt_no: str  # the till ticket that took the money ("" when paid online)
    total: Money
    collected: tuple[SlipLine, ...]
    remaining: tuple[SlipLine, ...]
    complete: bool
    handover_uuid: str
    footer: str


class PickupDocuments:
    def __init__(self, ledger: Ledger, settings: TillSettings) -> None:
        self._ledger = ledger
        self._settings = settings

    def pick_list(self, pickup_id: int, *, now: datetime | None = None) -> PickList:
        """What is still to prepare or hand over, with SKU, barcode and shop section per line."""
        with self._ledger.read() as session:
            order = session.get(PickupOrder, pickup_id)
            if order is None:
                raise NotFound(what="pickup", pickup_id=pickup_id)
            ids = [ln.product_id for ln in order.lines if ln.product_id is not None]
            barcodes: dict[int, str] = {}
            for pid, code in session.execute(select(Barcode.product_id, Barcode.code)
                                             .where(Barcode.product_id.in_(ids)).order_by(Barcode.code)):
                barcodes.setdefault(pid, code)
            sections: dict[int, str] = {pid: name for pid, name in session.execute(
                select(Product.id, Category.name).join(Category, Category.id == Product.category_id)
                .where(Product.id.in_(ids)))}
            lines = [PickListLine(ln.name, ln.sku, barcodes.get(ln.product_id or 0, ""),
                                  sections.get(ln.product_id or 0, ""), from_milli(ln.qty_milli - ln.collected_milli),
                                  from_milli(ln.picked_milli))
                     for ln in order.lines if ln.qty_milli > ln.collected_milli]
            lines.sort(key=lambda ln: (ln.section.casefold() or "\uffff", ln.name.casefold()))
            return PickList(
                store_name=self._settings.store_name, number=order.number, code=order_code(order.number),
                customer_name=order.customer_name, phone=order.phone, email=order.email,
                ordered_at=order.created_at, printed_at=now or utcnow(),
                paid_online=order.paid_online or order.paid_by_sale_uuid is not None,
                payment_title=order.payment_title, total=Money(order.total_minor, order.currency),
                customer_note=order.customer_note, pickup_location=order.pickup_location or "", lines=tuple(lines))

    def slip(self, handover_uuid: str) -> PickupSlip:
        """The pickup receipt of the hand-over ``handover_uuid``."""
        s = self._settings
        with self._ledger.read() as session:
            handover = session.scalar(select(PickupHandover).where(PickupHandover.uuid == handover_uuid))
            if handover is None:
                raise NotFound(what="handover", uuid=handover_uuid)
            order = session.get(PickupOrder, handover.order_id)
            assert order is not None
            cashier = session.get(User, handover.user_id)
            sale = None
            if order.paid_by_sale_uuid:
                sale = session.scalar(select(Sale).where(Sale.uuid == order.paid_by_sale_uuid))
            payment_title = order.payment_title
            if sale is not None:
                payment_title = " + ".join(dict.fromkeys(TENDER_TITLES.get(t.kind, t.kind) for t in sale.tenders))
            # What was left after THIS hand-over (a reprint of an earlier one must not show later visits).
            later = session.scalars(select(PickupHandover).where(PickupHandover.order_id == order.id,
                                                                 PickupHandover.id > handover.id)).all()
            given_later: dict[int, int] = {}
            for visit in later:
                for taken in visit.lines:
                    given_later[int(taken["line_id"])] = given_later.get(int(taken["line_id"]), 0) \
                        + int(taken["qty_milli"])
            remaining = tuple(
                SlipLine(ln.name, ln.sku, from_milli(left))
                for ln in order.lines
                if (left := ln.qty_milli - ln.collected_milli + given_later.get(ln.id, 0)) > 0)
            return PickupSlip(
                store_name=s.store_name, tax_id=s.tax_id, address=s.address, till_id=s.till_id,
                cashier=cashier.name if cashier else "?", number=order.number, customer_name=order.customer_name,
                handed_at=handover.created_at, verified_by=handover.verified_by, id_check=handover.id_check or "",
                paid_at_store=sale is not None, payment_title=payment_title,
                sale_receipt_no=sale.receipt_no if sale is not None else "",
                total=Money(order.total_minor, order.currency),
                collected=tuple(SlipLine(str(t["name"]), str(t.get("sku") or ""), from_milli(int(t["qty_milli"])))
                                for t in handover.lines),
                remaining=remaining, complete=not remaining, handover_uuid=handover.uuid, footer=s.receipt_footer)

    def last_slip(self, pickup_id: int) -> PickupSlip | None:
        """The receipt of the order's latest hand-over (reprint), or None."""
        with self._ledger.read() as session:
            uuid = session.scalar(select(PickupHandover.uuid).where(PickupHandover.order_id == pickup_id)
                                  .order_by(PickupHandover.id.desc()).limit(1))
        return self.slip(uuid) if uuid else None
