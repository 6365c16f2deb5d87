"""The Z report on paper (ESC/POS through the print queue to a file printer) and as an A4 PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pos.config import DeviceSettings
from pos.devices.print_queue import PrintQueue
from pos.devices.shift_report_pdf import shift_report_pdf
from pos.devices.shift_report_text import report_lines, report_rows
from pos.formatting import Formatter
from pos.services.shift_dto import CashMoveRow, Line, ShiftReport, TaxRow

FMT = Formatter("es_ES")
AT = datetime(2026, 11, 22, 20, 30, tzinfo=UTC)


def sample_report() -> ShiftReport:
    return ShiftReport(
        kind="Z", till_id="T01", store_name="Mostrador Demo", currency="EUR", shift_number=14, z_number=9,
        opened_at=AT.replace(hour=8), opened_by="Ana", taken_at=AT, taken_by="Marta", float_minor=15000,
        cash_in=700, cash_out=4000, cash_tendered=7250, change_given=4250, cash_refunded=700,
        expected_cash=14000, counted_cash=13950, variance=-50, counted=((5000, 2), (2000, 1), (1000, 1), (50, 39)),
        documents=7, first_receipt="T01-000002", last_receipt="T01-000006", net_total=6185,
        by_kind=(Line("pickup", 1, 1200), Line("return", 2, -500), Line("sale", 4, 5485)),
        by_tender=(Line("card", 3, 3635), Line("cash", 4, 2455), Line("wallet", 1, 95)),
        by_tax=(TaxRow("ES-10", "10", 1500, 150), TaxRow("ES-21", "21", 3500, 735)),
        by_category=(Line("", 1, 100), Line("Bebidas", 3, 2000), Line("Panadería y bollería", 2, 4085)),
        by_cashier=(Line("Ana", 7, 6185),), returns=Line("return", 2, -500), discounts=Line("discount", 1, 250),
        wallet=Line("wallet", 1, 95), pickups=Line("pickup", 1, 1200), pickup_handovers=3,
        voided_lines=Line("void_line", 1, 95), voided_sales=Line("void_sale", 0, 0), price_changes=1, no_sales=2,
        cash_moves=(CashMoveRow("out", 4000, "Ingreso en banco", "Marta", AT.replace(hour=13)),))


def test_report_rows_fit_and_say_the_figures() -> None:
    report = sample_report()
    for width in (32, 42, 48):
        lines = report_lines(report, FMT, width=width)
        assert all(len(line) <= width for line in lines)
    text = "\n".join(report_lines(report, FMT))
    for expected in ("CIERRE DE CAJA (Z)", "Z 000009", "Turno 14", "Efectivo esperado", "140,00", "Descuadre falta",
                     "-0,50", "Tarjeta (3)", "Devoluciones (2)", "(sin categoría)", "Ingreso en banco", "39 x 0,50"):
        assert expected in text, expected
    assert "CORTE DE CAJA (Z)" in "\n".join(report_lines(report, FMT, language="es_MX"))
    assert ShiftReport.from_json(report.to_json()) == report


def test_z_report_prints_through_the_queue(tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    queue = PrintQueue.from_settings(DeviceSettings(printer_uri=f"file://{out}", printer_status_check=False), FMT, "es")
    queue.start()
    try:
        assert queue.submit_report(report_rows(sample_report(), FMT, width=48)) is not None
        assert queue.wait_idle(5)
    finally:
        queue.stop()
    data = out.read_bytes()
    assert data.startswith(b"\x1b@") and b"CIERRE DE CAJA (Z)" in data and b"\x1bp" not in data  # no drawer pulse
    assert "Panadería".encode("cp858") in data and b"\x1dV" in data  # CP858 accents, then the cut


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_z_report_pdf_text(tmp_path: Path) -> None:
    pdf = shift_report_pdf(sample_report(), FMT)
    assert pdf == shift_report_pdf(sample_report(), FMT)  # deterministic
    path = tmp_path / "z.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    for expected in ("CIERRE DE CAJA (Z) · Z 000009", "Efectivo esperado", "140,00", "Panadería y bollería",
                     "Ingreso en banco", "Firma"):
        assert expected in text, expected
    if shutil.which("pdftoppm"):  # a picture to look at when checking the layout by eye
        shot = Path(__file__).resolve().parents[3] / "build" / "screenshots"
        shot.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(path), str(shot / "z_report_pdf")],
                       check=True)
