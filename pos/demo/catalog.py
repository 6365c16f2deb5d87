"""Deterministic demo catalogue shared by the till's demo data and the sandbox store.

Pure data: no database, no Qt, no HTTP. The same SKUs and EAN-13 codes exist on both
sides, so the demo exercises the real sync mapping.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product


@dataclass(frozen=True, slots=True)
class DemoProduct:
    sku: str
    name: str
    category: str
    price_minor: int  # EUR cents, VAT included
    tax_percent: int  # 21, 10, 4 or 0
    ean13: str
    stock: int
    scale_code: str = ""  # in-store scale label key (prefix + item, e.g. "2000001"); price is per kg


# Sold loose by weight: the shop's scale prints a 20… EAN-13 with the weight (default Spanish layout).
_WEIGHED = [
    ("Manzanas golden a granel", "Frutas y verduras", 199, 4),
    ("Tomates de rama a granel", "Frutas y verduras", 249, 4),
    ("Plátanos de Canarias a granel", "Frutas y verduras", 229, 4),
    ("Queso manchego al corte", "Lácteos y huevos", 1895, 4),
    ("Jamón serrano al corte", "Carne y pescado", 2449, 10),
    ("Aceitunas aliñadas a granel", "Despensa", 795, 10),
]


def ean13_check_digit(first12: str) -> str:
    """GS1 mod-10 check digit for the first 12 digits of an EAN-13."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(first12)
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def make_ean13(prefix: str, item: int) -> str:
    """EAN-13 from a GS1 company prefix and an item number (Spain is 84x)."""
    body = f"{prefix}{item:0{12 - len(prefix)}d}"
    return body + ean13_check_digit(body)


# (category, VAT %, base names, variants, base price in cents)
_FAMILIES: list[tuple[str, int, list[tuple[str, int]], list[tuple[str, int]]]] = [
    (
        "Lácteos y huevos",
        4,
        [
            ("Leche entera", 95),
            ("Leche semidesnatada", 92),
            ("Leche desnatada", 89),
        ],
        [("1 L", 0), ("pack 6 × 1 L", 450), ("ecológica 1 L", 60)],
    ),
    (
        "Lácteos y huevos",
        4,
        [
            ("Huevos camperos", 289),
            ("Queso fresco", 215),
            ("Queso manchego curado", 695),
            ("Yogur natural", 149),
        ],
        [("", 0), ("formato grande", 240), ("ecológico", 90)],
    ),
    (
        "Panadería",
        4,
        [
            ("Pan de barra", 65),
            ("Pan integral", 185),
            ("Pan de molde", 155),
            ("Magdalenas", 199),
            ("Harina de trigo", 89),
            ("Harina integral", 129),
        ],
        [("", 0), ("grande", 70), ("sin gluten", 180)],
    ),
    (
        "Frutas y verduras",
        4,
        [
            ("Manzanas golden", 229),
            ("Naranjas de zumo", 179),
            ("Plátanos de Canarias", 249),
            ("Tomates rama", 259),
            ("Patatas", 199),
            ("Cebollas", 149),
            ("Lechugas", 99),
            ("Zanahorias", 119),
            ("Limones", 189),
        ],
        [("1 kg", 0), ("malla 2 kg", 190), ("ecológico 1 kg", 120)],
    ),
    (
        "Despensa",
        10,
        [
            ("Aceite de oliva virgen extra", 875),
            ("Aceite de girasol", 289),
            ("Arroz bomba", 345),
            ("Lentejas pardinas", 189),
            ("Garbanzos cocidos", 139),
            ("Atún en aceite de oliva", 399),
            ("Tomate frito", 119),
            ("Café molido natural", 429),
            ("Cacao soluble", 339),
            ("Galletas María", 149),
            ("Azúcar blanco", 119),
            ("Sal marina", 59),
            ("Macarrones", 109),
            ("Espaguetis", 109),
            ("Mermelada de fresa", 219),
        ],
        [("", 0), ("pack ahorro", 240), ("económico", -30)],
    ),
    (
        "Carne y pescado",
        10,
        [
            ("Jamón serrano loncheado", 395),
            ("Chorizo ibérico", 325),
            ("Pechuga de pollo", 599),
            ("Filetes de ternera", 1195),
            ("Merluza congelada", 749),
            ("Gambas peladas", 899),
        ],
        [("", 0), ("bandeja familiar", 350)],
    ),
    (
        "Bebidas",
        10,
        [
            ("Agua mineral 1,5 L", 45),
            ("Zumo de naranja", 199),
            ("Refresco de cola", 159),
            ("Gaseosa", 79),
            ("Horchata", 249),
            ("Café en cápsulas", 399),
        ],
        [("", 0), ("pack 6", 420), ("sin azúcar", 10)],
    ),
    (
        "Bodega",
        21,
        [
            ("Vino tinto Rioja crianza", 795),
            ("Vino blanco Rueda", 595),
            ("Cava brut nature", 695),
            ("Cerveza rubia", 89),
            ("Sidra natural", 249),
            ("Vermut rojo", 799),
        ],
        [("", 0), ("pack 6", 2500), ("reserva", 600)],
    ),
    (
        "Droguería",
        21,
        [
            ("Detergente líquido", 649),
            ("Suavizante", 299),
            ("Lavavajillas a mano", 189),
            ("Lejía", 119),
            ("Papel higiénico", 399),
            ("Bolsas de basura", 159),
            ("Limpiacristales", 229),
            ("Estropajos", 149),
        ],
        [("", 0), ("formato ahorro", 350), ("aroma limón", 20)],
    ),
    (
        "Higiene y cuidado",
        21,
        [
            ("Champú", 349),
            ("Gel de ducha", 299),
            ("Pasta de dientes", 225),
            ("Desodorante", 289),
            ("Crema hidratante", 595),
            ("Cepillo de dientes", 199),
            ("Jabón de manos", 179),
        ],
        [("", 0), ("tamaño viaje", -120), ("pack 2", 280)],
    ),
    (
        "Papelería",
        21,
        [
            ("Cuaderno A5 cuadrícula", 245),
            ("Bolígrafo azul", 65),
            ("Lápiz HB", 45),
            ("Carpeta de anillas", 325),
            ("Rotuladores (12 colores)", 499),
            ("Folios A4 (500 hojas)", 549),
            ("Pegamento en barra", 149),
            ("Tijeras escolares", 229),
        ],
        [("", 0), ("pack 3", 300), ("reciclado", 30)],
    ),
    (
        "Hogar",
        21,
        [
            ("Taza de cerámica", 495),
            ("Vaso de cristal", 195),
            ("Sartén antiadherente 24 cm", 1995),
            ("Bombilla LED", 399),
            ("Pilas AA (4 uds.)", 449),
            ("Velas aromáticas", 599),
            ("Trapo de cocina", 249),
            ("Cubiertos (set 24 piezas)", 2495),
        ],
        [("", 0), ("color azul", 50), ("edición España", 150)],
    ),
    (
        "Librería",
        4,
        [
            ("Novela de bolsillo", 995),
            ("Libro de cocina española", 2495),
            ("Atlas escolar", 1450),
            ("Diccionario de español", 1995),
        ],
        [("", 0), ("tapa dura", 700)],
    ),
    ("Tarjetas regalo", 0, [("Tarjeta regalo", 2000)], [("20 €", 0), ("50 €", 3000)]),
]


def demo_products() -> list[DemoProduct]:
    """About 1,000 products with valid EAN-13 codes, Spanish names and realistic VAT."""
    products: list[DemoProduct] = []
    item = 1
    for category, vat, bases, variants in _FAMILIES:
        for (base, price), (variant, extra) in product(bases, variants):
            # Several brands per base product so the catalogue feels like a real shop.
            for brand_no, brand in enumerate(("", "Sierra Alta", "La Colmena", "El Olivo")):
                if category in ("Librería", "Tarjetas regalo") and brand_no:
                    break  # books and gift cards have no brands
                name = " ".join(part for part in (base, variant, brand) if part)
                cents = max(25, price + extra + brand_no * ((price // 10) - 5))
                if category != "Tarjetas regalo":  # shelf prices end in 5 or 9
                    cents = cents // 10 * 10 + (9 if cents > 100 else 5)
                sku = f"MOS-{item:05d}"
                stock = 500 if category == "Tarjetas regalo" else 5 + (item * 37) % 120
                products.append(
                    DemoProduct(
                        sku=sku,
                        name=name,
                        category=category,
                        price_minor=cents,
                        tax_percent=vat,
                        ean13=make_ean13("84123456", item),
                        stock=stock,
                    )
                )
                item += 1
    for n, (name, category, per_kg, vat) in enumerate(_WEIGHED, start=1):
        products.append(
            DemoProduct(
                sku=f"MOS-{item:05d}",
                name=name,
                category=category,
                price_minor=per_kg,
                tax_percent=vat,
                ean13=make_ean13("84123456", item),
                stock=50,
                scale_code=f"20{n:05d}",
            )
        )
        item += 1
    return products
