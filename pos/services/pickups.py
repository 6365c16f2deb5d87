"""Click-and-collect at the till: the pickup desk's use cases (one transaction each).

Online orders to collect here are pulled by sync (``sync/orders_store.py``) into ``pickup_orders``;
a pulled order reserves its quantities (``stock_levels.reserved_milli``), so on-hand − reserved =
available. The desk prepares them (scan to confirm each item), marks them ready (outbox
``pickup.ready`` → customer note online), hands them over (outbox ``pickup.collected`` → order
completed online once, or ``pickup.partially_collected`` → private note) and cancels them with a
manager's approval (outbox ``pickup.cancelled`` → order cancelled online, which restores online
stock). A hand-over moves physical stock (movement reason ``pickup``) and releases the reservation;
online stock is never taken again (the online order took it when it was placed).

Everything works offline from the local copy; the outbox carries the changes later.
See ``docs/PICKUPS.md``.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.domain.errors import DomainError
from pos.domain.money import Money
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import (
    Barcode,
    OutboxEvent,
    PickupHandover,
    PickupOrder,
    Product,
    Sale,
    StockLevel,
    TenderRow,
    utcnow,
)
from pos.ledger.stock import move_stock
from pos.services.auth import AuthService
from pos.services.dto import HandoverResult, PickupLineView, PickupView, UserView
from pos.services.errors import NotFound, UnknownBarcode
from pos.services.permissions import Permissions

OPEN_STATES = ("new", "preparing", "ready", "partially_collected", "no_show")
COLLECTABLE = ("new", "preparing", "ready", "partially_collected", "no_show")
PICKUP_SALE_KIND = "pickup"  # a ``sales`` row that only takes the money of an online order
CLOSED_STATES = ("collected", "cancelled")
GONE_REMOTE = frozenset({"cancelled", "refunded", "failed", "trash"})
VERIFY_CODE_LENGTH = 6
DEFAULT_READY_NOTE = ("Tu pedido {number} está listo para recoger en {location}. Trae el e-mail de confirmación "
                      "(o el código {hint}) o un documento de identidad.")
_SCAN = re.compile(r"^\s*#?([0-9A-Za-z]+)\s*[\s:/|\-_+]\s*([0-9A-Za-z_]{4,})\s*$")
# The code printed on the pick list (stuck on the bag): opens the order, never verifies the customer.
ORDER_CODE_PREFIX = "PEDIDO-"
_ORDER_CODE = re.compile(r"^\s*PEDIDO-0*([0-9A-Za-z]+)\s*$", re.IGNORECASE)
# Tender kinds as the store's staff read them in the order (payment method title, notes).
TENDER_TITLES = {"cash": "Efectivo", "card": "Tarjeta", "wallet": "Monedero", "voucher": "Vale"}
# Writes the till's pickup payment inside the hand-over transaction; returns the sale's UUID.
PaymentWriter = Callable[[Session, PickupOrder], str]


class PickupError(DomainError):
    """A pickup-desk action was refused. ``reason``: wrong_state, wrong_item, too_many, not_fully_picked,
    verification_required, wrong_code, not_paid, already_paid, sale_not_found, sale_already_used,
    wrong_amount, unknown_product, bad_quantity, nothing_to_collect, cancelled_online, partially_collected."""

    code = "pickup_refused"


def verify_code_of(order_key: str) -> str:
    """The code the customer shows: the last six characters of the WooCommerce ``order_key``
    (``wc_order_eLe54vwIZoMOv`` → ``IZoMOv``), compared without regard to case."""
    return order_key[-VERIFY_CODE_LENGTH:]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _units(milli: int) -> Decimal:
    return Decimal(milli) / 1000


def _milli(qty: Decimal | int) -> int:
    value = Decimal(qty) * 1000
    if value != value.to_integral_value() or value <= 0:
        raise PickupError("bad_quantity", quantity=str(qty))
    return int(value)


# --- stock reservations (shared with sync/orders_store.py, always inside the caller's transaction) ----------

def adjust_reserved(session: Session, product_id: int, delta_milli: int) -> None:
    """Add ``delta_milli`` to the product's reserved figure (creating its stock row if needed)."""
    if not delta_milli:
        return
    done = session.execute(update(StockLevel).where(StockLevel.product_id == product_id)
                           .values(reserved_milli=StockLevel.reserved_milli + delta_milli))
    if not getattr(done, "rowcount", 0):
        session.add(StockLevel(product_id=product_id, on_hand_milli=0, reserved_milli=delta_milli))
        session.flush()


def release_reservations(session: Session, order: PickupOrder) -> None:
    """Give back everything the order still reserves (cancelled, completed elsewhere)."""
    for line in order.lines:
        if line.product_id is not None and line.reserved_milli:
            adjust_reserved(session, line.product_id, -line.reserved_milli)
        line.reserved_milli = 0


def payment_event(session: Session, sale_uuid: str, till_id: str) -> dict[str, Any]:
    """What the store is told about a payment taken at the till: the tenders' title for the order's
    payment method, the ticket as transaction id, a private note (Spanish: the store's staff read it)."""
    sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid))
    assert sale is not None
    tenders = list(session.scalars(select(TenderRow).where(TenderRow.sale_id == sale.id).order_by(TenderRow.id)))
    kinds = list(dict.fromkeys(TENDER_TITLES.get(t.kind, t.kind) for t in tenders))
    amount = Money(sale.total_minor + sale.rounding_minor, sale.currency)
    return {"sale_uuid": sale.uuid, "receipt_no": sale.receipt_no, "amount": amount.to_api(),
            "currency": sale.currency, "tenders": [[t.kind, t.amount_minor] for t in tenders],
            "method_title": f"{' + '.join(kinds)} (pagado en tienda)",
            "note": (f"Pagado en tienda ({till_id}), ticket {sale.receipt_no}: {amount.to_api()} {sale.currency} "
                     f"({', '.join(kinds)}). [{sale.uuid}]")}


def order_code(number: str) -> str:
    """What the pick list's QR/barcode carries: opens the order at the desk (no verification)."""
    return f"{ORDER_CODE_PREFIX}{number}"


def add_outbox(session: Session, order: PickupOrder, event_type: str, payload: dict[str, Any]) -> None:
    """An outbox event of the order's aggregate (delivered in order per order)."""
    session.add(OutboxEvent(
        uuid=str(uuid.uuid4()), event_type=event_type, aggregate_type="pickup", aggregate_uuid=order.uuid,
        payload={"remote_id": order.remote_id, "number": order.number, **payload}, status="pending", attempts=0,
        created_at=utcnow()))


class PickupService:
    """The pickup desk. ``no_show_days``: orders waiting longer are ``overdue`` and can be flagged
    as no-shows; ``location`` names the store in the "ready" note."""

    def __init__(self, ledger: Ledger, auth: AuthService, *, till_id: str = "T01", no_show_days: int = 7,
                 location: str = "la tienda", ready_note: str = DEFAULT_READY_NOTE,
                 permissions: Permissions | None = None) -> None:
        self._ledger = ledger
        self._auth = auth
        self._permissions = permissions or Permissions(auth)
        self._till_id = till_id
        self._no_show = timedelta(days=no_show_days)
        self._location = location
        self._ready_note = ready_note

    # --- reading -------------------------------------------------------------------------
    def queue(self, *, include_closed: bool = False, now: datetime | None = None) -> list[PickupView]:
        """Orders to collect, oldest first (closed ones too when asked, newest 200)."""
        now = now or utcnow()
        with self._ledger.read() as session:
            query = select(PickupOrder).order_by(PickupOrder.created_at, PickupOrder.id)
            if not include_closed:
                query = query.where(PickupOrder.state.in_(OPEN_STATES))
            rows = session.scalars(query).unique().all()
            return [self._view(o, now) for o in rows]

    def search(self, text: str, *, now: datetime | None = None) -> list[PickupView]:
        """Search by order number, customer name, e-mail or phone (accents and case ignored). A
        scanned "number + code" string returns just that order."""
        text = text.strip()
        if not text:
            return self.queue(now=now)
        by_code = _ORDER_CODE.match(text)
        if by_code is not None:
            return [v for v in self.queue(include_closed=True, now=now) if v.number == by_code.group(1)][-1:]
        try:
            return [self.open_scanned(text, now=now)]
        except (PickupError, NotFound):
            pass
        term, digits = _fold(text.lstrip("#")), re.sub(r"\D", "", text)
        found = []
        for view in self.queue(include_closed=True, now=now):
            phone = re.sub(r"\D", "", view.phone)
            if (view.number == text.lstrip("#") or term in _fold(view.customer_name) or term in _fold(view.email)
                    or (len(digits) >= 4 and digits in phone)):
                found.append(view)
        return found

    def get(self, pickup_id: int, *, now: datetime | None = None) -> PickupView:
        with self._ledger.read() as session:
            return self._view(self._load(session, pickup_id), now or utcnow())

    def open_scanned(self, text: str, *, now: datetime | None = None) -> PickupView:
        """Open the order from its QR/barcode: ``<number><sep><code>`` (sep: space - : / |) where the
        code is the verification code or the whole ``order_key``. Raises NotFound or
        PickupError(wrong_code)."""
        match = _SCAN.match(text)
        if match is None:
            raise NotFound(what="pickup", text=text)
        number, code = match.group(1), match.group(2)
        with self._ledger.read() as session:
            order = session.scalar(select(PickupOrder).where(PickupOrder.number == number)
                                   .order_by(PickupOrder.id.desc()).limit(1))
            if order is None:
                raise NotFound(what="pickup", number=number)
            if not self._code_ok(order, code):
                raise PickupError("wrong_code", number=number)
            return self._view(order, now or utcnow())

    # --- preparing -----------------------------------------------------------------------
    def start_preparing(self, pickup_id: int, user: UserView) -> PickupView:
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing")
            if order.state == "new":
                order.state = "preparing"
                order.prepared_by = user.user_id
                append_audit(session, "pickup.preparing", user_id=user.user_id, details={"order": order.number})
            return self._view(order, utcnow())

    def confirm_item(self, pickup_id: int, code: str, user: UserView, quantity: Decimal | int = 1) -> PickupView:
        """Scan while picking: the barcode (or SKU) must be a line of the order still short of its
        quantity. Raises UnknownBarcode, PickupError(wrong_item | too_many)."""
        qty = _milli(quantity)
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing", "partially_collected")
            product_id = session.scalar(select(Barcode.product_id).where(Barcode.code == code.strip()))
            if product_id is None:
                product_id = session.scalar(select(Product.id).where(Product.sku == code.strip()))
            lines = [ln for ln in order.lines
                     if (product_id is not None and ln.product_id == product_id) or (ln.sku and ln.sku == code.strip())]
            if not lines:
                if product_id is None:
                    raise UnknownBarcode(code=code)
                raise PickupError("wrong_item", code=code, number=order.number)
            line = next((ln for ln in lines if ln.picked_milli + qty <= ln.qty_milli - ln.collected_milli), None)
            if line is None:
                raise PickupError("too_many", code=code, number=order.number, name=lines[0].name)
            line.picked_milli += qty
            if order.state == "new":
                order.state = "preparing"
                order.prepared_by = user.user_id
            return self._view(order, utcnow())

    def mark_ready(self, pickup_id: int, user: UserView, *, force: bool = False) -> PickupView:
        """Ready to collect: records who prepared it and queues the customer note (``pickup.ready``).
        Refused while items are unconfirmed unless ``force`` (PickupError(not_fully_picked))."""
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing")
            if not force and any(ln.picked_milli < ln.qty_milli - ln.collected_milli for ln in order.lines):
                raise PickupError("not_fully_picked", number=order.number)
            now = utcnow()
            order.state, order.prepared_by, order.ready_at = "ready", user.user_id, now
            note = self._ready_note.format(number=order.number, location=self._location,
                                           hint=f"{order.number}-{order.verify_code}")
            add_outbox(session, order, "pickup.ready", {"note": note, "customer_note": True})
            append_audit(session, "pickup.ready", user_id=user.user_id,
                         details={"order": order.number, "forced": force})
            return self._view(order, now)

    # --- handing over --------------------------------------------------------------------
    def hand_over(self, pickup_id: int, user: UserView, *, verify_code: str | None = None,
                  id_check: str | None = None, lines: Mapping[int, Decimal | int] | None = None,
                  paid_by_sale_uuid: str | None = None, take_payment: PaymentWriter | None = None) -> HandoverResult:
        """Give the customer all remaining lines (``lines=None``) or some: ``{line_id: quantity}``.

        The customer is verified by the order's code (``verify_code``) or an identity check the
        cashier records (``id_check``, e.g. "DNI ***1234"). An order not paid online is paid at the
        till first: ``take_payment`` writes the ``pickup`` sale in this same transaction (see
        ``pos/services/pickup_payment.py``), or ``paid_by_sale_uuid`` names one written before; the
        whole order is paid at the first hand-over. An order cancelled online is refused with
        PickupError(cancelled_online) and an audited resolution entry.
        """
        self.refuse_if_cancelled_online(pickup_id, user)
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, *COLLECTABLE)
            verified_by = self._verified(order, verify_code, id_check)
            wanted = self._wanted(order, lines)
            sale_uuid = self._payment(session, order, paid_by_sale_uuid, take_payment)
            now = utcnow()
            handover_uuid = str(uuid.uuid4())
            moves: list[tuple[int, int]] = []
            taken: list[dict[str, Any]] = []
            by_id = {ln.id: ln for ln in order.lines}
            for line_id, qty in wanted.items():
                line = by_id[line_id]
                line.collected_milli += qty
                line.picked_milli = max(0, line.picked_milli - qty)
                if line.product_id is not None:
                    moves.append((line.product_id, -qty))
                    release = min(qty, line.reserved_milli)
                    line.reserved_milli -= release
                    adjust_reserved(session, line.product_id, -release)
                taken.append({"line_id": line.id, "remote_line_id": line.remote_line_id,
                              "product_id": line.product_id, "sku": line.sku, "name": line.name, "qty_milli": qty})
            move_stock(session, moves, "pickup", handover_uuid, user.user_id)
            complete = all(ln.collected_milli >= ln.qty_milli for ln in order.lines)
            order.state = "collected" if complete else "partially_collected"
            if complete:
                order.collected_at = now
            if sale_uuid:
                order.paid_by_sale_uuid = sale_uuid
            session.add(PickupHandover(uuid=handover_uuid, order_id=order.id, user_id=user.user_id,
                                       verified_by=verified_by, id_check=(id_check or "").strip()[:128] or None,
                                       lines=taken, complete=complete, paid_by_sale_uuid=sale_uuid, created_at=now))
            summary = ", ".join(f"{_units(t['qty_milli']).normalize()} × {t['name']}" for t in taken)
            payload: dict[str, Any] = {
                "handover_uuid": handover_uuid, "till_id": self._till_id, "lines": taken,
                "paid_by_sale_uuid": sale_uuid,
                "note": (f"{'Entregado' if complete else 'Entrega parcial'} en tienda ({self._till_id}): {summary}."
                         f" [{handover_uuid}]")}
            if sale_uuid:
                # This hand-over took the money: its push marks the online order paid (once).
                payload["payment"] = payment_event(session, sale_uuid, self._till_id)
            add_outbox(session, order, "pickup.collected" if complete else "pickup.partially_collected", payload)
            append_audit(session, "pickup.handover", user_id=user.user_id, details={
                "order": order.number, "handover": handover_uuid, "complete": complete, "verified_by": verified_by,
                "lines": [[t["line_id"], t["qty_milli"]] for t in taken], "paid_by_sale": sale_uuid})
            session.flush()
            return HandoverResult(handover_uuid, complete,
                                  tuple((t["line_id"], _units(t["qty_milli"])) for t in taken), self._view(order, now))

    def refuse_if_cancelled_online(self, pickup_id: int, user: UserView) -> None:
        """An order the store cancelled cannot be handed over: commit the resolution entry the manager
        sees (``pickup.handover_refused``), then raise PickupError(cancelled_online)."""
        refused: PickupError | None = None
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            if order.state == "cancelled" and order.remote_status in GONE_REMOTE:
                append_audit(session, "pickup.handover_refused", user_id=user.user_id, details={
                    "order": order.number, "reason": "cancelled_online", "remote_status": order.remote_status})
                refused = PickupError("cancelled_online", number=order.number)
        if refused is not None:
            raise refused

    def check_handover(self, pickup_id: int, *, verify_code: str | None = None, id_check: str | None = None,
                       lines: Mapping[int, Decimal | int] | None = None) -> PickupView:
        """Check a hand-over before any money is taken (state, verification, quantities); nothing is written."""
        with self._ledger.read() as session:
            order = self._load(session, pickup_id)
            self._require(order, *COLLECTABLE)
            self._verified(order, verify_code, id_check)
            self._wanted(order, lines)
            return self._view(order, utcnow())

    def _verified(self, order: PickupOrder, verify_code: str | None, id_check: str | None) -> str:
        if verify_code and verify_code.strip():
            if not self._code_ok(order, verify_code):
                raise PickupError("wrong_code", number=order.number)
            return "code"
        if id_check and id_check.strip():
            return "id_check"
        raise PickupError("verification_required", number=order.number)

    @staticmethod
    def _payment(session: Session, order: PickupOrder, sale_uuid: str | None,
                 take_payment: PaymentWriter | None) -> str | None:
        """The sale that pays this order at this hand-over, or None when nothing is to be paid now."""
        if order.paid_online or order.paid_by_sale_uuid:
            if sale_uuid or take_payment:
                raise PickupError("already_paid", number=order.number)
            return None
        if take_payment is not None:
            sale_uuid = take_payment(session, order)
        if not sale_uuid:
            raise PickupError("not_paid", number=order.number, total=order.total_minor)
        sale = session.scalar(select(Sale).where(Sale.uuid == sale_uuid, Sale.kind == PICKUP_SALE_KIND))
        if sale is None:
            raise PickupError("sale_not_found", sale=sale_uuid)
        if sale.total_minor != order.total_minor or sale.currency != order.currency:
            raise PickupError("wrong_amount", sale=sale_uuid, number=order.number)
        if session.scalar(select(PickupOrder.id).where(PickupOrder.paid_by_sale_uuid == sale_uuid)) is not None:
            raise PickupError("sale_already_used", sale=sale_uuid)
        return sale_uuid

    @staticmethod
    def _wanted(order: PickupOrder, lines: Mapping[int, Decimal | int] | None) -> dict[int, int]:
        remaining = {ln.id: ln.qty_milli - ln.collected_milli for ln in order.lines}
        if lines is None:
            wanted = {lid: left for lid, left in remaining.items() if left > 0}
        else:
            wanted = {}
            for line_id, qty in lines.items():
                if line_id not in remaining:
                    raise PickupError("wrong_item", line_id=line_id, number=order.number)
                milli = _milli(qty)
                if milli > remaining[line_id]:
                    raise PickupError("too_many", line_id=line_id, number=order.number)
                wanted[line_id] = milli
        if not wanted:
            raise PickupError("nothing_to_collect", number=order.number)
        return wanted

    # --- no-shows and cancellations ------------------------------------------------------
    def flag_no_shows(self, user: UserView, *, now: datetime | None = None) -> list[int]:
        """Flag open orders waiting longer than ``no_show_days`` (since ready, else since ordered)."""
        now = now or utcnow()
        flagged = []
        with self._ledger.write() as session:
            for order in session.scalars(select(PickupOrder).where(
                    PickupOrder.state.in_(("new", "preparing", "ready")))).unique():
                if now - (order.ready_at or order.created_at) > self._no_show:
                    order.state = "no_show"
                    flagged.append(order.id)
                    append_audit(session, "pickup.no_show", user_id=user.user_id, details={"order": order.number})
        return flagged

    def cancel(self, pickup_id: int, user: UserView, *, approver_pin: str | None, reason: str) -> PickupView:
        """Cancel at the store's side (manager approval, ``ApprovalRequired`` without a PIN): the
        reservation is released and the order is cancelled online (``pickup.cancelled``), which
        restores online stock. A partially collected order is refused (refund the rest instead)."""
        with self._ledger.read() as session:
            order = self._load(session, pickup_id)
            number = order.number
            self._require(order, "new", "preparing", "ready", "no_show")
        approver = self._permissions.authorize(user, "pickup.cancel", approver_pin, {"order": number})
        with self._ledger.write() as session:
            order = self._load(session, pickup_id)
            self._require(order, "new", "preparing", "ready", "no_show")
            release_reservations(session, order)
            order.state = "cancelled"
            add_outbox(session, order, "pickup.cancelled", {"reason": reason,
                                                            "note": f"Cancelado en tienda ({self._till_id}): {reason}"})
            append_audit(session, "pickup.cancelled", user_id=user.user_id, approved_by=approver.user_id,
                         details={"order": order.number, "reason": reason})
            return self._view(order, utcnow())

    # --- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _load(session: Session, pickup_id: int) -> PickupOrder:
        order = session.get(PickupOrder, pickup_id)
        if order is None:
            raise NotFound(what="pickup", pickup_id=pickup_id)
        return order

    @staticmethod
    def _require(order: PickupOrder, *states: str) -> None:
        if order.state not in states:
            reason = "cancelled_online" if order.state == "cancelled" and order.remote_status in GONE_REMOTE \
                else "wrong_state"
            raise PickupError(reason, state=order.state, number=order.number)

    @staticmethod
    def _code_ok(order: PickupOrder, code: str) -> bool:
        code = code.strip()
        return bool(order.verify_code) and verify_code_of(code).casefold() == order.verify_code.casefold() \
            and len(code) >= VERIFY_CODE_LENGTH

    def _view(self, order: PickupOrder, now: datetime) -> PickupView:
        waiting_since = order.ready_at or order.created_at
        return PickupView(
            pickup_id=order.id, number=order.number, state=order.state, remote_status=order.remote_status,
            customer_name=order.customer_name, email=order.email, phone=order.phone, paid_online=order.paid_online
            or order.paid_by_sale_uuid is not None, payment_title=order.payment_title,
            total=Money(order.total_minor, order.currency), created_at=order.created_at, ready_at=order.ready_at,
            collected_at=order.collected_at, prepared_by=order.prepared_by, customer_note=order.customer_note,
            overdue=order.state in OPEN_STATES and now - waiting_since > self._no_show, conflict=order.conflict,
            lines=tuple(PickupLineView(
                line_id=ln.id, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=_units(ln.qty_milli),
                picked=_units(ln.picked_milli), collected=_units(ln.collected_milli),
                total=Money(ln.total_minor, order.currency)) for ln in order.lines),
            paid_by_sale_uuid=order.paid_by_sale_uuid, pickup_location=order.pickup_location or "")
