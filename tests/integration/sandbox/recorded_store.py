"""The recorded lab store, rebuilt with the same ids: products 18-25 and customer Lucía (2)."""

from __future__ import annotations

from typing import Any

from .contract import T0, Ctx, Recording

SIMPLE = [  # id, name, sku, price cents, tax class, EAN-13, stock
    (18, "Café molido natural 250 g", "POS-CAFE-250", 495, "reduced-rate", "8412345000010", 40),
    (19, "Taza cerámica logo", "POS-TAZA-01", 1050, "", "8412345000027", 25),
    (20, "Aceite de oliva virgen extra 1 L", "POS-ACEITE-1L", 875, "reduced-rate", "8412345000034", 30),
    (21, "Cuaderno A5 rayado", "POS-CUAD-A5", 350, "", "8412345000041", 60),
    (22, "Tarjeta regalo 20 EUR", "POS-REGALO-20", 2000, "zero-rate", "8412345000058", 100),
]
TALLA = {"id": 0, "name": "Talla", "position": 0, "visible": True, "variation": True, "options": ["S", "M"]}
LUCIA_ADDRESS = {"first_name": "Lucía", "last_name": "García Pérez", "address_1": "Calle de Alcalá 100",
                 "city": "Madrid", "state": "M", "postcode": "28009", "country": "ES", "phone": "+34600111222"}


def catalogue(ctx: Ctx, m_price: int = 1600) -> None:
    """Products 18-22, variable 23 with variations 24 (S, 15.00) and 25 (M)."""
    ctx.at(T0)
    ctx.pin(post=18)
    store = ctx.store
    for _, name, sku, price, tax_class, gtin, stock in SIMPLE:
        store.create_product({"name": name, "sku": sku, "regular_price": price, "tax_class": tax_class,
                              "gtin": gtin, "manage_stock": True, "stock_quantity": stock})
    store.create_product({"name": "Camiseta logo", "type": "variable", "sku": "POS-CAMI", "attributes": [TALLA]})
    ctx.at(T0 + 1)
    for sku, option, price, gtin, stock in (("POS-CAMI-S", "S", 1500, "8412345000065", 8),
                                            ("POS-CAMI-M", "M", m_price, "8412345000072", 12)):
        store.create_product({"sku": sku, "regular_price": price, "gtin": gtin, "manage_stock": True,
                              "stock_quantity": stock, "attributes": [{"id": 0, "name": "Talla", "option": option}]},
                             parent_id=23)
    ctx.at(T0 + 60)


def lucia(ctx: Ctx) -> dict[str, Any]:
    """Customer 2 as created in recording 14 (without the dropped ``_pos_customer_id``)."""
    body = Recording.load("14-customers-create.json").request["body"]
    user: dict[str, Any] = ctx.store.create_customer(body)
    assert user["id"] == 2
    return user


def order_from(ctx: Ctx, name: str, *, post: int, item: int) -> dict[str, Any]:
    """Create the order of a recording through the store, with the recorded ids."""
    ctx.pin(post=post, item=item)
    order: dict[str, Any] = ctx.store.create_order(Recording.load(name).request["body"])
    assert order["id"] == post
    return order


def click_and_collect(ctx: Ctx, completed: bool = False, stocks: dict[str, int] | None = None) -> dict[str, Any]:
    """Order 33 of recording 10 (Lucía, processing, cod, local pickup); optionally handed over (13).
    ``stocks`` are set before the order is created."""
    catalogue(ctx)
    lucia(ctx)
    before = Recording.load("10-orders-create-click-and-collect.json").data["stock_check"]["0_before_create"]
    ctx.set_stocks(before if stocks is None else stocks)
    ctx.pin(comment=23)
    order = order_from(ctx, "10-orders-create-click-and-collect.json", post=33, item=25)
    if completed:
        ctx.at(ctx.now + 1)
        order = ctx.store.update_order(33, {"status": "completed"})
    return order
