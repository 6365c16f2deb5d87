"""``--seed demo`` and ``python -m sync.sandbox``."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from pos.demo.catalog import DemoProduct, demo_products
from sync.sandbox import SandboxServer
from sync.sandbox.seed import seed_demo

DEMO_AUTH = ("ck_demo", "cs_demo")
SMALL_CATALOGUE = [
    DemoProduct("MOS-00001", "Leche entera 1 L", "Lácteos y huevos", 100, 4, "8412345600012", 42),
    DemoProduct("MOS-00002", "Aceite de oliva virgen extra", "Despensa", 875, 10, "8412345600029", 30),
    DemoProduct("MOS-00003", "Cuaderno A5 cuadrícula", "Papelería", 245, 21, "8412345600036", 60),
    DemoProduct("MOS-00004", "Taza de cerámica", "Hogar", 495, 21, "8412345600043", 25),
    DemoProduct("MOS-00005", "Tarjeta regalo 20 €", "Tarjetas regalo", 2000, 0, "8412345600050", 500),
]


def _cents(text: str) -> int:
    return int(Decimal(text) * 100)


def test_demo_seed_uses_the_demo_catalogue(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "demo", seed="demo") as srv:
        api = f"{srv.url}/wp-json/wc/v3"
        products = requests.get(f"{api}/products", auth=DEMO_AUTH, params={"per_page": 1}, timeout=10)
        assert products.headers["X-WP-Total"] == str(len(demo_products()))
        first = demo_products()[0]
        found = requests.get(f"{api}/products", auth=DEMO_AUTH, params={"global_unique_id": first.ean13},
                             timeout=10).json()[0]
        tax_class = {21: "", 10: "reduced-rate", 4: "super-reduced-rate", 0: "zero-rate"}[first.tax_percent]
        assert (found["sku"], _cents(found["regular_price"]), found["tax_class"]) == (
            first.sku, first.price_minor, tax_class)
        assert found["manage_stock"] and found["stock_quantity"] <= first.stock  # demo orders reduced it
        balance = requests.get(f"{srv.url}/wp-json/terawallet/v1/admin/users/2/balance",
                               auth=("admin", "demo-app-password"), timeout=10)
        assert balance.json()["balance_base"] == 25


def test_demo_seed_content_and_idempotence(tmp_path: Path) -> None:
    with SandboxServer(tmp_path / "demo") as srv:
        assert seed_demo(srv.store, SMALL_CATALOGUE) is True
        assert seed_demo(srv.store, SMALL_CATALOGUE) is False
        api = f"{srv.url}/wp-json/wc/v3"
        taxes = {t["class"]: (t["id"], t["rate"]) for t in requests.get(f"{api}/taxes", auth=DEMO_AUTH,
                                                                          timeout=10).json()}
        assert taxes == {"standard": (1, "21.0000"), "reduced-rate": (2, "10.0000"), "zero-rate": (3, "0.0000"),
                         "super-reduced-rate": (4, "4.0000")}
        pickups = requests.get(f"{api}/orders", auth=DEMO_AUTH, params={"status": "processing"}, timeout=10).json()
        assert 3 <= len(pickups) <= 4
        assert all(o["shipping_lines"][0]["method_id"] == "local_pickup" for o in pickups)
        assert {o["payment_method"] for o in pickups} >= {"cod"}
        assert any(o["date_paid"] for o in pickups) and any(o["date_paid"] is None for o in pickups)
        assert all(o["billing"]["phone"].startswith("+34") and o["customer_id"] for o in pickups)
        completed = requests.get(f"{api}/orders", auth=DEMO_AUTH, params={"status": "completed"}, timeout=10).json()
        assert len(completed) == 2
        for order in pickups + completed:
            for line in order["line_items"]:
                product = requests.get(f"{api}/products/{line['product_id']}", auth=DEMO_AUTH, timeout=10).json()
                gross = _cents(line["total"]) + _cents(line["total_tax"])
                assert gross == _cents(product["regular_price"]) * line["quantity"]
                assert line["taxes"][0]["id"] in (1, 2, 3, 4)
            assert _cents(order["total"]) == sum(_cents(li["total"]) + _cents(li["total_tax"])
                                                 for li in order["line_items"])
        customers = requests.get(f"{api}/customers", auth=DEMO_AUTH, timeout=10).json()
        assert len(customers) == 4 and all(c["billing"]["phone"] for c in customers)
        legacy = requests.get(f"{api}/wallet/balance", auth=DEMO_AUTH, timeout=10,
                              params={"email": customers[0]["email"]}).json()
        assert legacy["balance"] > 0
    with SandboxServer(tmp_path / "demo", seed="demo") as again:  # re-seeding an existing dir does nothing
        assert again.store.counts()["products"] == len(SMALL_CATALOGUE)
        assert again.store.counts()["orders"] == 6


def test_cli_prints_the_url_and_serves(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "sync.sandbox", "--port", "0", "--data", str(tmp_path / "cli")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("sandbox listening on http://127.0.0.1:")
        url = line.removeprefix("sandbox listening on ")
        assert requests.get(f"{url}/wp-json/wc/v3/products", timeout=10).status_code == 401
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0


@pytest.mark.parametrize("seed", ["nope"])
def test_unknown_seed_is_refused(tmp_path: Path, seed: str) -> None:
    with pytest.raises(ValueError):
        SandboxServer(tmp_path, seed=seed)
