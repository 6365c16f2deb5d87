"""The stock count variance report: A4, Spanish glyphs embedded, the variances and totals as text,
and a PNG of the first page in build/screenshots/ to look at (when poppler is installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pos.devices.count_report_pdf import variance_report_pdf
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.count_dto import CountReview, CountView, ReviewLine
from tests.integration.devices.test_pdf_documents import mapped_characters, needs_pdftotext, pdf_text

SCREENSHOTS = Path(__file__).resolve().parents[3] / "build" / "screenshots"
FMT = Formatter("es_ES")


def _line(i: int, expected: int, counted: int, price: int, reason: str | None, name: str = "") -> ReviewLine:
    variance = counted - expected
    return ReviewLine(i, f"MOS-{i:05d}", name or f"Artículo {i}", Decimal(expected + 1), Decimal(-1),
                      Decimal(expected), Decimal(counted), Decimal(variance), Money(price, "EUR"),
                      Money(price * variance, "EUR"), reason, None, None)


def review(lines: int = 6) -> CountReview:
    count = CountView(7, "3f9c1e2a-0000-4000-8000-000000000000", "Pasillo 3 · Droguería", "zone", None, "approved",
                      "T01", "Marta", datetime(2026, 11, 22, 9, 0, tzinfo=UTC), datetime(2026, 11, 22, 10, 30,
                                                                                              tzinfo=UTC),
                      "Marta", datetime(2026, 11, 22, 10, 45, tzinfo=UTC), 40, 55)
    rows = [_line(1, 18, 15, 95, "shrinkage", "Leche entera 1 L Sierra Alta"),
            _line(2, 4, 6, 875, "receiving", "Aceite de oliva virgen extra 1 L"),
            _line(3, 12, 11, 249, "damaged", "Café molido 250 g — jamás abierto ¿roto? ¡sí!"),
            *[_line(10 + i, 5, 5, 100, None) for i in range(lines)]]
    rows.sort(key=lambda ln: (ln.variance == 0, -abs(ln.variance_value.minor)))
    return CountReview(count, tuple(rows))


def test_report_is_a4_with_the_spanish_glyphs_and_deterministic() -> None:
    pdf = variance_report_pdf(review(), FMT, store_name="Ultramarinos Muñoz", currency="EUR")
    assert pdf.startswith(b"%PDF-")
    media = re.search(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert media and (round(float(media.group(1))), round(float(media.group(2)))) == (595, 842)
    assert set("ñáí¿¡—€") <= mapped_characters(pdf)
    assert pdf == variance_report_pdf(review(), FMT, store_name="Ultramarinos Muñoz", currency="EUR")


@needs_pdftotext
def test_report_text_lists_variances_values_reasons_and_totals(tmp_path: Path) -> None:
    text = pdf_text(variance_report_pdf(review(), FMT, store_name="Ultramarinos Muñoz", currency="EUR"), tmp_path)
    for expected in ("Informe de diferencias de inventario", "Zona: Pasillo 3 · Droguería", "aprobado",
                     "Leche entera 1 L Sierra Alta", "Merma / robo", "Error de recepción", "Rotura / daño",
                     "6 productos coinciden con el sistema.", "Firma del responsable"):
        assert expected in text, expected
    assert re.search(r"18\s+15\s+-3\s+-2,85", text)
    assert re.search(r"4\s+6\s+\+2\s+\+17,50", text)
    assert "12,16 €" in text  # net: -2.85 + 17.50 - 2.49
    english = pdf_text(variance_report_pdf(review(80), Formatter("en_US"), store_name="Shop", currency="EUR",
                                           language="en"), tmp_path)
    assert "Stock count variance report" in english and "Shrinkage / theft" in english


def test_report_renders_to_an_image_to_look_at(tmp_path: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(variance_report_pdf(review(), FMT, store_name="Ultramarinos Muñoz", currency="EUR"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([pdftoppm, "-png", "-r", "80", "-singlefile", str(pdf), str(SCREENSHOTS / "variance_report")],
                   check=True, timeout=60)
    assert (SCREENSHOTS / "variance_report.png").stat().st_size > 10_000
