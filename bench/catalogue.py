"""A large, deterministic, shop-like catalogue for the benchmarks, cached as a ready ledger file.

Names are combinations of a base product, a qualifier, a brand and a pack size ("Leche
semidesnatada Valle Verde 1 L"), so FTS prefixes behave as on a real supermarket catalogue:
a few very common words, a long tail of rare ones.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pos.demo.catalog import DemoProduct, make_ean13

# Bump when the generator or the way the file is built changes: old caches are then ignored.
CATALOGUE_VERSION = "bench-catalogue-v1"
SEED = 20240611

# (category, VAT %, base price in cents, base names)
_FAMILIES: list[tuple[str, int, int, list[str]]] = [
    ("Lácteos y huevos", 4, 120, [
        "Leche", "Yogur", "Queso", "Huevos", "Mantequilla", "Nata", "Kéfir", "Cuajada", "Requesón",
        "Batido", "Natillas", "Flan"]),
    ("Panadería", 4, 150, [
        "Pan", "Barra", "Chapata", "Hogaza", "Magdalenas", "Croissants", "Bizcocho", "Harina", "Tostadas",
        "Picos", "Rosquillas", "Ensaimada"]),
    ("Frutas y verduras", 4, 210, [
        "Manzanas", "Naranjas", "Plátanos", "Tomates", "Patatas", "Cebollas", "Lechugas", "Zanahorias",
        "Limones", "Pimientos", "Calabacines", "Berenjenas", "Uvas", "Peras", "Fresas", "Melocotones",
        "Ajos", "Espinacas", "Alcachofas", "Aguacates"]),
    ("Despensa", 10, 250, [
        "Aceite de oliva", "Aceite de girasol", "Arroz", "Lentejas", "Garbanzos", "Alubias", "Atún",
        "Sardinas", "Tomate frito", "Café", "Cacao", "Galletas", "Azúcar", "Sal", "Macarrones",
        "Espaguetis", "Fideos", "Mermelada", "Miel", "Aceitunas", "Mayonesa", "Vinagre", "Caldo",
        "Cereales", "Chocolate", "Turrón", "Pimentón", "Azafrán", "Orégano", "Legumbres"]),
    ("Carne y pescado", 10, 650, [
        "Jamón serrano", "Jamón ibérico", "Chorizo", "Salchichón", "Lomo", "Pechuga de pollo",
        "Muslos de pollo", "Filetes de ternera", "Hamburguesas", "Merluza", "Salmón", "Gambas",
        "Calamares", "Mejillones", "Bacalao", "Pavo", "Costillas de cerdo", "Morcilla"]),
    ("Bebidas", 10, 160, [
        "Agua mineral", "Zumo de naranja", "Zumo de melocotón", "Refresco de cola", "Refresco de limón",
        "Gaseosa", "Horchata", "Café en cápsulas", "Té verde", "Infusión", "Bebida de avena",
        "Bebida isotónica"]),
    ("Bodega", 21, 650, [
        "Vino tinto", "Vino blanco", "Vino rosado", "Cava", "Cerveza", "Sidra", "Vermut", "Licor de hierbas",
        "Orujo", "Sangría"]),
    ("Droguería", 21, 290, [
        "Detergente", "Suavizante", "Lavavajillas", "Lejía", "Papel higiénico", "Papel de cocina",
        "Bolsas de basura", "Limpiacristales", "Estropajos", "Fregasuelos", "Quitagrasas", "Ambientador"]),
    ("Higiene y cuidado", 21, 320, [
        "Champú", "Gel de ducha", "Pasta de dientes", "Desodorante", "Crema hidratante", "Cepillo de dientes",
        "Jabón de manos", "Toallitas", "Maquinillas", "Colonia", "Protector solar", "Bastoncillos"]),
    ("Papelería", 21, 240, [
        "Cuaderno", "Bolígrafo", "Lápiz", "Carpeta", "Rotuladores", "Folios", "Pegamento", "Tijeras",
        "Goma de borrar", "Sacapuntas", "Archivador", "Agenda"]),
    ("Hogar", 21, 890, [
        "Taza", "Vaso", "Sartén", "Cazo", "Bombilla", "Pilas", "Velas", "Trapo de cocina", "Cubiertos",
        "Mantel", "Toalla", "Cojín", "Percha", "Fiambrera"]),
    ("Librería", 4, 1450, ["Novela", "Libro de cocina", "Atlas", "Diccionario", "Cuento infantil", "Guía de viaje"]),
    ("Tarjetas regalo", 0, 2000, ["Tarjeta regalo"]),
]

_QUALIFIERS = [
    "", "", "", "entera", "semidesnatada", "desnatada", "virgen extra", "integral", "ecológico", "ecológica",
    "sin gluten", "sin lactosa", "sin azúcar", "natural", "clásico", "tradicional", "casero", "light",
    "extra", "premium", "del país", "de temporada", "artesano", "gran reserva", "crianza", "suave", "intenso",
    "con sal", "al limón", "a la vainilla", "de fresa", "de chocolate", "picante", "ahumado", "curado",
    "tierno", "fresco", "congelado", "familiar", "infantil", "mini", "rústico", "selección",
]

_BRANDS = [
    "Sierra Alta", "La Colmena", "El Olivo", "Valle Verde", "Casa Roldán", "Huerta del Sur", "Monte Claro",
    "Los Almendros", "La Dehesa", "Río Tajo", "Campo Real", "El Molino", "Doña Rosa", "Las Navas",
    "Peña Blanca", "Mar Cantábrico", "Tierra de Castilla", "La Vega", "Puerto Viejo", "San Isidro",
    "Villa Clara", "La Alquería", "El Cortijo", "Sol de Levante", "Brisa Marina", "Montes de Toledo",
    "La Granja", "El Pinar", "Nuestra Tierra", "La Abuela", "Don Ramiro", "Albarracín", "Costa Brava",
    "Galicia Verde", "Picos de Europa", "La Mancha", "El Bierzo", "Alpujarra", "Ribera", "Somontano",
    "Aljarafe", "Axarquía", "Cazorla", "Gredos", "Moncayo", "Ordesa", "Urbasa", "Doñana", "Garrotxa",
    "Teide", "Tramuntana", "Vall d'Aran", "Liébana", "Sanabria", "Las Hurdes", "La Vera", "Maestrazgo",
    "Priorat", "Penedès", "Jerez", "Montilla", "Utiel", "Jumilla", "Toro", "Rueda", "Cigales", "Valdepeñas",
    "Manchuela", "Bullas", "Yecla", "Alella", "Empordà", "Terra Alta", "Calatayud", "Cariñena", "Borja",
]

# Pack sizes that make sense per category: (label, price factor).
_WEIGHT = [("", 1.0), ("100 g", 0.5), ("250 g", 0.8), ("500 g", 1.2), ("1 kg", 2.0), ("2 kg", 3.6), ("bandeja", 1.5),
           ("formato ahorro", 2.4), ("bote", 1.1), ("lata", 0.9)]
_VOLUME = [("", 1.0), ("250 ml", 0.6), ("500 ml", 1.0), ("1 L", 1.4), ("1,5 L", 1.8), ("2 L", 2.2), ("pack 6", 5.0),
           ("pack 12", 9.0), ("lata", 0.7), ("botella", 1.2)]
_UNITS = [("", 1.0), ("", 1.0), ("pack 2", 1.9), ("pack 3", 2.7), ("pack 4", 3.5), ("caja", 1.3),
          ("tamaño viaje", 0.5), ("formato ahorro", 2.4), ("grande", 1.4), ("mini", 0.6)]
_SIZES = {"Lácteos y huevos": _VOLUME + _UNITS, "Panadería": _WEIGHT + _UNITS, "Frutas y verduras": _WEIGHT,
          "Despensa": _WEIGHT, "Carne y pescado": _WEIGHT, "Bebidas": _VOLUME, "Bodega": _VOLUME,
          "Droguería": _VOLUME + _UNITS, "Higiene y cuidado": _VOLUME + _UNITS, "Papelería": _UNITS,
          "Hogar": _UNITS, "Librería": [("", 1.0), ("tapa dura", 1.6), ("bolsillo", 0.6)],
          "Tarjetas regalo": [("", 1.0)]}


@dataclass(frozen=True)
class CachedLedger:
    data_dir: Path  # holds ledger.sqlite3, read-only by convention: copy it before use
    products: int
    generated_s: float | None  # seconds spent generating it in this run, None when it came from the cache


def _ean(i: int) -> str:
    """Unique, valid EAN-13s spread over ~1,000 Spanish (84) company prefixes, like a real shop."""
    company, item = divmod(i, 1000)
    company_code = (company * 7919 + 10007) % 100_000  # 7919 is prime to 100,000: a permutation
    return make_ean13(f"84{company_code:05d}", item * 97 % 100_000)  # item < 1000: unique per company


def _shelf_price(cents: float) -> int:
    value = max(25, int(cents))
    return value - value % 10 + (9 if value >= 100 else 5)


def generate(n: int, seed: int = SEED) -> Iterator[DemoProduct]:
    """``n`` products with unique SKUs and EAN-13s, deterministic for a given seed."""
    rng = random.Random(seed)
    families = [(cat, vat, price, base) for cat, vat, price, bases in _FAMILIES for base in bases]
    for i in range(n):
        category, vat, base_price, base = families[rng.randrange(len(families))]
        qualifier = rng.choice(_QUALIFIERS)
        brand = rng.choice(_BRANDS)
        size, factor = rng.choice(_SIZES[category])
        name = " ".join(part for part in (base, qualifier, brand, size) if part)
        if category == "Tarjetas regalo":
            name = f"Tarjeta regalo {rng.choice((10, 20, 25, 50, 100))} € {brand}"
            price = int(name.split()[2]) * 100
        else:
            price = _shelf_price(base_price * factor * rng.uniform(0.6, 1.8))
        yield DemoProduct(
            sku=f"B{i + 1:07d}", name=name, category=category, price_minor=price, tax_percent=vat,
            ean13=_ean(i), stock=0 if rng.random() < 0.05 else rng.randrange(1, 400),
        )


def _build(target: Path, n: int, log: bool) -> None:
    # Imported here so that ``--help`` and the cache hit path stay light.
    from pos.ledger.db import DB_FILENAME, Ledger
    from pos.services.seed import ensure_users, load_catalogue

    ledger = Ledger(target / DB_FILENAME)
    try:
        loaded = load_catalogue(ledger, _progress(generate(n), n, time.perf_counter(), log))
        ensure_users(ledger)
        assert loaded == n, (loaded, n)
    finally:
        ledger.close()
    # Leave one self-contained file (no -wal/-shm) behind, as a till that was shut down cleanly would.
    con = sqlite3.connect(target / DB_FILENAME)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def _progress(items: Iterator[DemoProduct], n: int, started: float, log: bool) -> Iterator[DemoProduct]:
    step = max(n // 10, 1)
    for i, item in enumerate(items, start=1):
        yield item
        if log and i % step == 0:
            print(f"  … {i:,} / {n:,} products ({time.perf_counter() - started:.0f} s)", flush=True)


def cached_ledger(cache_root: Path, n: int, *, log: bool = True) -> CachedLedger:
    """The generated ledger for ``n`` products, built once and kept under ``cache_root``."""
    from pos.ledger.db import head_revision

    key = f"{CATALOGUE_VERSION}-{n}-schema{head_revision()}"
    final = cache_root / key
    if (final / "READY").exists():
        return CachedLedger(final, n, None)
    cache_root.mkdir(parents=True, exist_ok=True)
    partial = cache_root / f"{key}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    if log:
        print(f"Generating a {n:,}-product catalogue into {final} (once; later runs reuse it)…", flush=True)
    started = time.perf_counter()
    _build(partial, n, log)
    elapsed = time.perf_counter() - started
    (partial / "READY").write_text(f"{key}\ngenerated in {elapsed:.1f} s\n", encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return CachedLedger(final, n, elapsed)


def scratch_copy(cached: CachedLedger, scratch: Path) -> Path:
    """A private copy of the cached data directory for one run (runs write sales into it)."""
    target = scratch / "data"
    target.mkdir(parents=True)
    for item in cached.data_dir.iterdir():
        if item.name != "READY":
            shutil.copyfile(item, target / item.name)
    return target
