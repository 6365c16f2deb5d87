"""The print queue against real boundaries: a network printer on 127.0.0.1 (a TCP server thread that answers
DLE EOT like an Epson and records every byte), a port nobody listens on, a printer that accepts and then hangs,
and a file."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from pos.config import DeviceSettings
from pos.devices.escpos_receipt import EscposOptions, EscposRenderer
from pos.devices.print_queue import PrinterStatus, PrintQueue, printer_health
from pos.devices.printer_uri import parse_printer_uri
from pos.formatting import Formatter
from tests.integration.devices.fake_printer import (
    ESC_AT,
    PARTIAL_CUT,
    SELECT_CP858,
    FakePrinter,
)
from tests.unit.test_escpos_receipt import CP858, sample_receipt


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    server = FakePrinter()
    yield server
    server.close()


class Statuses:
    """Collects status callbacks (they come from the print thread) and waits for one."""

    def __init__(self) -> None:
        self.seen: list[PrinterStatus] = []
        self._cond = threading.Condition()

    def __call__(self, status: PrinterStatus) -> None:
        with self._cond:
            self.seen.append(status)
            self._cond.notify_all()

    def wait(self, check: Callable[[PrinterStatus], bool], timeout: float = 5.0) -> PrinterStatus:
        with self._cond:
            assert self._cond.wait_for(lambda: any(check(s) for s in self.seen), timeout), self.seen
            return next(s for s in self.seen if check(s))


def make_queue(uri: str, *, timeout: float = 1.0, **kwargs: object) -> PrintQueue:
    target = parse_printer_uri(uri)
    renderer = EscposRenderer(EscposOptions(), Formatter("es_ES"))
    options: dict[str, object] = {"retry_base": 0.05, "retry_max": 0.2, "probe_interval": 0.0, **kwargs}
    return PrintQueue(target, renderer, timeout=timeout, **options)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def test_network_printer_gets_accents_euro_cut_and_drawer(printer: FakePrinter) -> None:
    queue = make_queue(printer.uri)
    statuses = Statuses()
    queue.on_status(statuses)
    queue.start()
    try:
        assert queue.submit(sample_receipt(), kind="sale", open_drawer=True) is not None
        assert queue.wait_idle(5)
        job = printer.wait_jobs(1)[0]
    finally:
        queue.stop()
    assert job.startswith(ESC_AT + SELECT_CP858)
    assert "Panadería Muñoz".encode("cp858") in job and "Begoña".encode("cp858") in job
    assert b"27,90\xff" + bytes([CP858["€"]]) in job
    assert b"\x1bp\x00" in job and job.endswith(PARTIAL_CUT)
    ok = statuses.wait(lambda s: s.state == "ok" and s.last_printed is not None)
    assert ok.pending == 0 and ok.code == ""


def test_gift_and_reprint_jobs(printer: FakePrinter) -> None:
    queue = make_queue(printer.uri)
    queue.start()
    try:
        assert not queue.reprint_last()
        queue.submit(sample_receipt(), kind="gift")
        assert queue.reprint_last()
        queue.open_drawer()
        assert queue.wait_idle(5)
        gift, copy, drawer = printer.wait_jobs(3)
    finally:
        queue.stop()
    assert b"Ticket regalo" in gift and b"27,90" not in gift and b"\x1bp" not in gift
    assert b"COPIA / DUPLICADO" in copy and b"27,90" in copy and b"\x1bp" not in copy
    assert b"\x1bp\x00" in drawer and PARTIAL_CUT not in drawer


def test_printer_off_then_on_prints_exactly_once() -> None:
    port = free_port()
    queue = make_queue(f"escpos+tcp://127.0.0.1:{port}")
    statuses = Statuses()
    queue.on_status(statuses)
    queue.start()
    server = None
    try:
        queue.submit(sample_receipt())
        offline = statuses.wait(lambda s: s.state == "offline" and s.pending == 1)
        assert offline.code == "refused" and "connection refused" in offline.detail
        server = FakePrinter(port)
        assert queue.wait_idle(5)
        time.sleep(0.3)  # would a second copy follow?
        assert len(server.jobs) == 1
        assert statuses.wait(lambda s: s.state == "ok" and s.last_printed is not None).pending == 0
    finally:
        queue.stop()
        if server:
            server.close()


def test_printer_that_accepts_then_hangs_never_blocks_the_caller() -> None:
    server = FakePrinter(mode="hang")
    queue = make_queue(server.uri, timeout=0.3)
    statuses = Statuses()
    queue.on_status(statuses)
    queue.start()
    try:
        started = time.perf_counter()
        for _ in range(3):
            queue.submit(sample_receipt(), open_drawer=True)
        assert time.perf_counter() - started < 0.05  # submit only queues
        stuck = statuses.wait(lambda s: s.state == "offline" and s.code == "no_answer")
        assert stuck.pending == 3 and "did not answer" in stuck.detail
    finally:
        started = time.perf_counter()
        assert queue.stop() == 3
        assert time.perf_counter() - started < 1.0  # stop interrupts the hung connection
        server.close()


def test_paper_out_is_an_error_and_the_job_waits() -> None:
    server = FakePrinter(mode="paper_out")
    queue = make_queue(server.uri)
    statuses = Statuses()
    queue.on_status(statuses)
    queue.start()
    try:
        queue.submit(sample_receipt())
        assert statuses.wait(lambda s: s.state == "error").code == "paper_out"
        assert server.jobs == []
        server.mode = "normal"  # paper loaded
        assert queue.wait_idle(5)
        assert len(server.wait_jobs(1)) == 1
    finally:
        queue.stop()
        server.close()


def test_file_uri_appends(tmp_path: Path) -> None:
    target = tmp_path / "receipts.bin"
    target.write_bytes(b"EARLIER")
    queue = make_queue(target.as_uri())
    queue.start()
    try:
        queue.submit(sample_receipt())
        queue.submit(sample_receipt(receipt_no="T01-000124"))
        assert queue.wait_idle(5)
    finally:
        queue.stop()
    data = target.read_bytes()
    assert data.startswith(b"EARLIER" + ESC_AT + SELECT_CP858)
    assert data.count(ESC_AT) == 2 and data.count(PARTIAL_CUT) == 2
    assert data.index(b"T01-000123") < data.index(b"T01-000124")


def test_old_jobs_are_dropped_and_old_drawer_pulses_left_out(tmp_path: Path) -> None:
    target = tmp_path / "receipts.bin"
    queue = make_queue(target.as_uri(), drawer_max_age=0.0)
    queue.submit(sample_receipt(), open_drawer=True)  # queued before the thread starts
    time.sleep(0.01)
    queue.start()
    try:
        assert queue.wait_idle(5)
    finally:
        queue.stop()
    assert b"\x1bp" not in target.read_bytes() and b"T01-000123" in target.read_bytes()

    stale = make_queue((tmp_path / "other.bin").as_uri(), max_age=0.0)
    stale.submit(sample_receipt())
    time.sleep(0.01)
    stale.start()
    try:
        assert stale.wait_idle(5)
        assert stale.status.dropped == 1
    finally:
        stale.stop()
    assert not (tmp_path / "other.bin").exists() or b"T01" not in (tmp_path / "other.bin").read_bytes()


@pytest.mark.parametrize(("uri", "state", "code"), [
    ("none", "disabled", "not_configured"),
    ("lpt://1", "error", "bad_config"),
])
def test_no_printer_or_bad_uri_never_stops_the_till(uri: str, state: str, code: str) -> None:
    queue = PrintQueue.from_settings(DeviceSettings(printer_uri=uri), Formatter("es_ES"), "es")
    queue.start()
    assert (queue.status.state, queue.status.code) == (state, code)
    assert queue.submit(sample_receipt()) is None
    assert queue.stop() == 0


def test_bad_profile_is_a_config_error() -> None:
    queue = PrintQueue.from_settings(DeviceSettings(printer_uri="file:///tmp/x.bin", printer_profile="nope"),
                                     Formatter("es_ES"), "es")
    assert queue.status.code == "bad_config" and "unknown printer profile" in queue.status.detail


def test_usb_without_pyusb_says_so() -> None:
    from escpos.printer.usb import is_usable

    if is_usable():
        pytest.skip("pyusb is installed here; the missing-support path cannot be shown")
    queue = PrintQueue.from_settings(DeviceSettings(printer_uri="escpos+usb://04b8:0202"), Formatter("es_ES"), "es",
                                     probe_interval=0.0)
    statuses = Statuses()
    queue.on_status(statuses)
    queue.start()
    try:
        status = statuses.wait(lambda s: s.state == "error")
        assert status.code == "usb_support_missing" and "USB support not installed" in status.detail
    finally:
        queue.stop()


def test_diagnose_line(printer: FakePrinter) -> None:
    base = DeviceSettings()
    assert printer_health(replace(base, printer_uri=printer.uri)).status == "OK"
    assert printer_health(replace(base, printer_uri=f"escpos+tcp://127.0.0.1:{free_port()}"), timeout=0.5).status \
        == "WARN"
    assert printer_health(replace(base, printer_uri="none")).status == "WARN"
    assert printer_health(replace(base, printer_uri="escpos+tcp://")).status == "FAIL"
    hung = FakePrinter(mode="hang")
    try:
        started = time.perf_counter()
        line = printer_health(replace(base, printer_uri=hung.uri), timeout=0.3)
        assert line.status == "WARN" and "did not answer" in line.detail
        assert time.perf_counter() - started < 2
    finally:
        hung.close()
