"""The open ticket: lines, quantities, discounts and totals. Immutable; every edit returns a new Cart."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from pos.domain.discount import Discount
from pos.domain.errors import CurrencyMismatch, InvalidAmount, InvalidQuantity, UnknownLine
from pos.domain.money import Money, money_sum
from pos.domain.tax import TaxLine, TaxRate, breakdown

# Quantities are exact to the gram / millilitre.
QTY_STEP = Decimal("0.001")
MAX_QUANTITY = Decimal(9999)
MAX_LINES = 500


def parse_quantity(value: Decimal | int | str) -> Decimal:
    """Validate a quantity: positive, at most 3 decimals, at most 9999. Raises InvalidQuantity."""
    if isinstance(value, float):
        raise TypeError("quantities must be Decimal, int or str")
    try:
        qty = Decimal(str(value).strip().replace(",", "."))
    except ArithmeticError:
        raise InvalidQuantity(value=str(value), reason="not_a_number") from None
    if not qty.is_finite():
        raise InvalidQuantity(value=str(value), reason="not_a_number")
    if qty <= 0:
        raise InvalidQuantity(value=str(value), reason="not_positive")
    if qty > MAX_QUANTITY:
        raise InvalidQuantity(value=str(value), reason="too_large")
    if qty != qty.quantize(QTY_STEP):
        raise InvalidQuantity(value=str(value), reason="too_many_decimals")
    return qty


def to_milli(qty: Decimal) -> int:
    """Quantity as integer thousandths, the way the ledger stores it."""
    return int(qty.scaleb(3))


def from_milli(milli: int) -> Decimal:
    return Decimal(milli).scaleb(-3)


@dataclass(frozen=True, slots=True)
class ProductRef:
    """What the cart needs to know about a product (a snapshot at scan time)."""

    product_id: int
    sku: str
    name: str
    unit_price: Money  # VAT included
    tax_rate: TaxRate
    category_id: int | None = None


@dataclass(frozen=True, slots=True)
class CartLine:
    line_id: int
    product: ProductRef
    quantity: Decimal
    discount: Discount | None = None

    @property
    def gross(self) -> Money:
        """Price × quantity before any discount."""
        return self.product.unit_price.times(self.quantity)

    @property
    def line_discount(self) -> Money:
        return self.discount.applied_to(self.gross) if self.discount else Money.zero(self.gross.currency)

    @property
    def amount(self) -> Money:
        """After the line discount, before the ticket discount."""
        return self.gross - self.line_discount


@dataclass(frozen=True, slots=True)
class LineTotal:
    line_id: int
    gross: Money
    line_discount: Money
    ticket_discount: Money
    total: Money  # what the customer pays for this line


@dataclass(frozen=True, slots=True)
class CartTotals:
    subtotal: Money  # sum of gross before discounts
    line_discounts: Money
    ticket_discount: Money
    total: Money
    lines: tuple[LineTotal, ...]
    taxes: tuple[TaxLine, ...]
    item_count: Decimal

    @property
    def discount_total(self) -> Money:
        return self.line_discounts + self.ticket_discount


def allocate(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` over ``weights`` proportionally, largest remainder first, summing exactly."""
    total = sum(weights)
    if total == 0:
        return [0] * len(weights)
    shares = [amount * w // total for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in remainders[: amount - sum(shares)]:
        shares[i] += 1
    return shares


@dataclass(frozen=True, slots=True)
class Cart:
    currency: str = "EUR"
    lines: tuple[CartLine, ...] = ()
    ticket_discount: Discount | None = None
    next_line_id: int = 1

    # --- edits ----------------------------------------------------------------------
    def add(self, product: ProductRef, quantity: Decimal | int = 1, *, merge: bool = True) -> Cart:
        """Add a product. A repeat scan of an undiscounted unit product increments its line."""
        qty = parse_quantity(quantity)
        if product.unit_price.currency != self.currency:
            raise CurrencyMismatch(left=self.currency, right=product.unit_price.currency)
        if merge and qty == qty.to_integral_value():
            # Weighed items (fractional quantities) always get a line of their own.
            for line in self.lines:
                whole = line.quantity == line.quantity.to_integral_value()
                if line.product == product and line.discount is None and whole:
                    return self.set_quantity(line.line_id, line.quantity + qty)
        if len(self.lines) >= MAX_LINES:
            raise InvalidQuantity(reason="too_many_lines")
        line = CartLine(self.next_line_id, product, qty)
        return replace(self, lines=(*self.lines, line), next_line_id=self.next_line_id + 1)

    def line(self, line_id: int) -> CartLine:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise UnknownLine(line_id=line_id)

    def _replace_line(self, new: CartLine) -> Cart:
        self.line(new.line_id)
        return replace(self, lines=tuple(new if ln.line_id == new.line_id else ln for ln in self.lines))

    def set_quantity(self, line_id: int, quantity: Decimal | int | str) -> Cart:
        line = self.line(line_id)
        updated = replace(line, quantity=parse_quantity(quantity))
        if updated.discount is not None:
            updated.line_discount  # noqa: B018 - re-validates an amount discount against the new gross
        return self._checked(self._replace_line(updated))

    def void_line(self, line_id: int) -> Cart:
        self.line(line_id)
        return self._checked(replace(self, lines=tuple(ln for ln in self.lines if ln.line_id != line_id)))

    @staticmethod
    def _checked(cart: Cart) -> Cart:
        """A fixed-amount ticket discount must still fit after an edit; otherwise the edit is refused."""
        if cart.ticket_discount is not None:
            if not cart.lines:
                return replace(cart, ticket_discount=None)
            cart.totals()
        return cart

    def set_line_discount(self, line_id: int, discount: Discount | None) -> Cart:
        line = replace(self.line(line_id), discount=discount)
        line.line_discount  # noqa: B018 - raises InvalidDiscount when it exceeds the line
        return self._replace_line(line)

    def set_ticket_discount(self, discount: Discount | None) -> Cart:
        cart = replace(self, ticket_discount=discount)
        cart.totals()  # raises InvalidDiscount when it exceeds the ticket
        return cart

    def set_unit_price(self, line_id: int, price: Money) -> Cart:
        """Override a line's unit price (VAT included). The line stays on its own: a later scan of the
        same product adds a new line at the catalogue price. Raises InvalidAmount for a negative price."""
        if price.currency != self.currency:
            raise CurrencyMismatch(left=self.currency, right=price.currency)
        if price.minor < 0:
            raise InvalidAmount(reason="negative", amount=price.minor)
        line = self.line(line_id)
        updated = replace(line, product=replace(line.product, unit_price=price))
        if updated.discount is not None:
            updated.line_discount  # noqa: B018 - an amount discount must still fit the new price
        return self._checked(self._replace_line(updated))

    @property
    def is_empty(self) -> bool:
        return not self.lines

    # --- totals ---------------------------------------------------------------------
    def totals(self) -> CartTotals:
        cur = self.currency
        # Each line's gross, discount and amount once: this runs on every scan of a growing ticket.
        grosses = [ln.gross for ln in self.lines]
        discounts = [ln.discount.applied_to(g) if ln.discount else Money.zero(cur)
                     for ln, g in zip(self.lines, grosses, strict=True)]
        amounts = [g - d for g, d in zip(grosses, discounts, strict=True)]
        after_lines = money_sum(amounts, cur)
        ticket = self.ticket_discount.applied_to(after_lines) if self.ticket_discount else Money.zero(cur)
        shares = allocate(ticket.minor, [a.minor for a in amounts])
        line_totals = tuple(
            LineTotal(ln.line_id, g, d, Money(share, cur), a - Money(share, cur))
            for ln, g, d, a, share in zip(self.lines, grosses, discounts, amounts, shares, strict=True)
        )
        taxes = breakdown(((ln.product.tax_rate, lt.total) for ln, lt in zip(self.lines, line_totals, strict=True)),
                          cur)
        return CartTotals(
            subtotal=money_sum(grosses, cur),
            line_discounts=money_sum(discounts, cur),
            ticket_discount=ticket,
            total=after_lines - ticket,
            lines=line_totals,
            taxes=taxes,
            item_count=sum((ln.quantity for ln in self.lines), Decimal(0)),
        )
