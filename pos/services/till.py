"""The open ticket at one till, with the rules that guard it (approvals, audit, payment).

The sale screen holds one TillSession and calls it for every action; each call returns a
fresh ``CartView`` to draw. Rules live here, not in widgets: a discount above the
threshold raises ``ApprovalRequired`` until a manager's PIN comes with the call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from pos.config import TillSettings
from pos.domain.cart import Cart
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.payment import Settlement, Tender
from pos.domain.scan import measured_line
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.services.auth import AuthService
from pos.services.catalog import CatalogService, to_ref
from pos.services.dto import CartLineView, CartView, ParkedView, ProductView, Receipt, UserView
from pos.services.parking import ParkingService
from pos.services.permissions import Permissions
from pos.services.sales import SaleService


class TillSession:
    def __init__(self, ledger: Ledger, settings: TillSettings, cashier: UserView, *, catalog: CatalogService,
                 sales: SaleService, auth: AuthService, parking: ParkingService,
                 permissions: Permissions | None = None) -> None:
        self._ledger = ledger
        self._settings = settings
        self.cashier = cashier
        self._catalog = catalog
        self._sales = sales
        self._auth = auth
        self._parking = parking
        self.permissions = permissions or Permissions.from_settings(auth, settings)
        self.cart = Cart(settings.currency)
        self.customer_id: int | None = None
        self.customer_name: str | None = None

    # --- reading ----------------------------------------------------------------------
    def view(self, changed_line_id: int | None = None) -> CartView:
        totals = self.cart.totals()
        lines = tuple(
            CartLineView(
                line_id=ln.line_id, product_id=ln.product.product_id, sku=ln.product.sku, name=ln.product.name,
                quantity=ln.quantity, unit_price=ln.product.unit_price,
                discount=lt.line_discount + lt.ticket_discount, total=lt.total, tax_label=ln.product.tax_rate.label,
            )
            for ln, lt in zip(self.cart.lines, totals.lines, strict=True)
        )
        return CartView(lines, totals, changed_line_id, self.customer_name)

    def search(self, typed: str) -> list[ProductView]:
        return self._catalog.search(typed)

    # --- selling ----------------------------------------------------------------------
    def scan(self, code: str) -> CartView:
        """Add the product behind a barcode. Unknown or invalid codes raise and leave the cart as it was.

        A weighed label (variable-measure EAN-13 or GS1 310n) adds its weight in kg as the quantity; a
        priced label adds the quantity that costs exactly the printed price (``measured_line``). Such
        lines are never merged with another line.
        """
        match = self._catalog.lookup(code)
        line = measured_line(match.scan, match.product.price)
        if not line.measured:
            return self.add_product(match.product)
        product = match.product
        if line.unit_price != product.price:
            product = replace(product, price=line.unit_price)
        self.cart = self.cart.add(to_ref(product), line.quantity, merge=False)
        return self.view(self.cart.lines[-1].line_id)

    def add_product(self, product: ProductView, quantity: Decimal | int = 1) -> CartView:
        self.cart = self.cart.add(to_ref(product), quantity)
        changed = next(ln.line_id for ln in reversed(self.cart.lines) if ln.product.product_id == product.product_id)
        return self.view(changed)

    def set_quantity(self, line_id: int, quantity: Decimal | int | str) -> CartView:
        self.cart = self.cart.set_quantity(line_id, quantity)
        return self.view(line_id)

    def void_line(self, line_id: int, approver_pin: str | None = None) -> CartView:
        line = self.cart.line(line_id)
        details = {"sku": line.product.sku, "qty": str(line.quantity), "amount": line.amount.minor}
        approver = self._approve(approver_pin, "void_line", details)
        new_cart = self.cart.void_line(line_id)
        with self._ledger.write() as session:
            append_audit(session, "line.voided", user_id=self.cashier.user_id, approved_by=approver,
                         details=details)
        self.cart = new_cart
        return self.view()

    def set_price(self, line_id: int, price: Money, approver_pin: str | None = None,
                  reason: str = "") -> CartView:
        """Override a line's unit price (the shelf label differs, damaged goods…). Guarded by the
        ``price_change`` rule; audited as ``line.price_changed`` with the old and the new price."""
        line = self.cart.line(line_id)
        candidate = self.cart.set_unit_price(line_id, price)  # refuses a bad price before asking anybody
        details = {"sku": line.product.sku, "old": line.product.unit_price.minor, "new": price.minor,
                   "reason": reason[:200]}
        approver = self._approve(approver_pin, "price_change", details)
        with self._ledger.write() as session:
            append_audit(session, "line.price_changed", user_id=self.cashier.user_id, approved_by=approver,
                         details=details)
        self.cart = candidate
        return self.view(line_id)

    def set_line_discount(self, line_id: int, discount: Discount | None, approver_pin: str | None = None) -> CartView:
        candidate = self.cart.set_line_discount(line_id, discount)
        line = candidate.line(line_id)
        self._guard_discount(discount, line.gross, "line_discount", approver_pin, {"sku": line.product.sku})
        self.cart = candidate
        return self.view(line_id)

    def set_ticket_discount(self, discount: Discount | None, approver_pin: str | None = None) -> CartView:
        candidate = self.cart.set_ticket_discount(discount)
        gross = self.cart.totals().total
        self._guard_discount(discount, gross, "ticket_discount", approver_pin, {})
        self.cart = candidate
        return self.view()

    def clear(self, approver_pin: str | None = None) -> CartView:
        """Void the open ticket (the ``void_sale`` rule; audited as ``sale.cancelled`` when it had lines)."""
        if not self.cart.is_empty:
            details = {"lines": len(self.cart.lines), "total": self.cart.totals().total.minor}
            approver = self._approve(approver_pin, "void_sale", details)
            with self._ledger.write() as session:
                append_audit(session, "sale.cancelled", user_id=self.cashier.user_id, approved_by=approver,
                             details=details)
        self.cart = Cart(self._settings.currency)
        self.customer_id = self.customer_name = None
        return self.view()

    def attach_customer(self, customer_id: int | None, name: str | None = None) -> CartView:
        """The customer this ticket is for (cashback, wallet, their history); None detaches."""
        self.customer_id, self.customer_name = customer_id, (name if customer_id is not None else None)
        return self.view()

    # --- paying -----------------------------------------------------------------------
    def start_new_ticket(self) -> CartView:
        """The open ticket was paid as part of an exchange (``ReturnService.exchange``): start afresh."""
        self.cart = Cart(self._settings.currency)
        self.customer_id = None
        return self.view()

    def check_payment(self, tenders: Sequence[Tender]) -> Settlement:
        return self._sales.check_payment(self.cart, tenders)

    def pay(self, tenders: Sequence[Tender]) -> Receipt:
        """Commit the sale. On StorageError the cart stays as it is so the cashier can retry."""
        receipt = self._sales.complete(self.cart, tenders, self.cashier, customer_id=self.customer_id)
        self.cart = Cart(self._settings.currency)
        self.customer_id = self.customer_name = None
        return receipt

    # --- parking ----------------------------------------------------------------------
    def park(self, label: str) -> ParkedView:
        customer = (self.customer_id, self.customer_name) if self.customer_id is not None else None
        parked = self._parking.park(self.cart, self.cashier.user_id, label, customer)
        self.cart = Cart(self._settings.currency)
        self.customer_id = self.customer_name = None  # the next ticket is someone else's
        return parked

    def parked(self) -> list[ParkedView]:
        return self._parking.list()

    def resume(self, parked_id: int) -> CartView:
        if not self.cart.is_empty:
            self.park("auto")
        self.cart, customer = self._parking.take(parked_id, self.cashier.user_id)
        self.customer_id, self.customer_name = customer if customer is not None else (None, None)
        return self.view()

    # --- rules ------------------------------------------------------------------------
    def _approve(self, pin: str | None, action: str, details: Mapping[str, object]) -> int | None:
        """The approver's user id for the audit, or None when the cashier's own role allows ``action``."""
        approver = self.permissions.authorize(self.cashier, action, pin, details)
        return None if approver.user_id == self.cashier.user_id else approver.user_id

    def _guard_discount(self, discount: Discount | None, gross: Money, action: str, pin: str | None,
                        details: dict[str, object]) -> None:
        if discount is None or gross.minor == 0:
            return
        # A percentage is judged as typed; rounding 10 % of 0.95 € to 0.10 € must not make it 10.5 %.
        share = discount.percent if discount.percent is not None else discount.share_of(gross) * 100
        if share > self._settings.discount_approval_percent:
            self._approve(pin, action, {**details, "percent": str(share.quantize(Decimal("0.01")))})
