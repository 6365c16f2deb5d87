"""The serial scanner reader against a REAL pseudo-terminal: frames, noise, unplug and reconnect, clean stop.

The scanner opens a symlink we control; "unplugging" closes both ends of the pty and removes the link (as
udev removes /dev/ttyACM0), and "plugging in" makes a new pty and points the link at it, so the configured
path stays the same.
"""

from __future__ import annotations

import os
import threading
import time
import tty
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos.devices.serial_scanner import (
    ScannerState,
    ScannerStatus,
    SerialScanner,
    SerialScannerConfig,
    parse_serial_uri,
)

FAST_BACKOFF = (0.05, 0.1)


class FakeScannerPort:
    """A pty whose slave is reachable through a stable symlink, written from the master side."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master = -1
        self.slave = -1
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # no echo or line editing even before the reader configures the port
        tmp = self.link.with_name(self.link.name + ".new")
        os.symlink(os.ttyname(self.slave), tmp)
        os.replace(tmp, self.link)

    def unplug(self) -> None:
        """Like pulling a USB scanner: the device goes, and so does its node (and our link to it). Removing
        the link also keeps the reader off whatever pty reuses the number meanwhile."""
        self.link.unlink(missing_ok=True)
        os.close(self.master)
        os.close(self.slave)
        self.master = self.slave = -1

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        if self.master >= 0:
            self.unplug()


class Recorder:
    def __init__(self) -> None:
        self.scans: list[str] = []
        self.statuses: list[ScannerStatus] = []
        self.lock = threading.Lock()

    def on_scan(self, code: str) -> None:
        with self.lock:
            self.scans.append(code)

    def on_status(self, status: ScannerStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    def states(self) -> list[ScannerState]:
        with self.lock:
            return [s.state for s in self.statuses]

    def count(self, state: ScannerState) -> int:
        return self.states().count(state)


def wait_until(predicate: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


@pytest.fixture
def port(tmp_path: Path) -> Iterator[FakeScannerPort]:
    fake = FakeScannerPort(tmp_path / "scanner")
    yield fake
    fake.close()


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


@pytest.fixture
def scanner(port: FakeScannerPort, rec: Recorder) -> Iterator[SerialScanner]:
    cfg = parse_serial_uri(f"serial://{port.link}?baudrate=9600", backoff=FAST_BACKOFF, frame_timeout=0.3)
    reader = SerialScanner(cfg, rec.on_scan, rec.on_status)
    reader.start()
    wait_until(lambda: rec.count(ScannerState.CONNECTED) == 1)
    yield reader
    reader.stop()
    assert not reader.running


def test_codes_with_every_line_ending(port: FakeScannerPort, rec: Recorder, scanner: SerialScanner) -> None:
    port.write(b"8412345600012\r\n96385074\nMOS-00042\r\r\n\r\n5449000000996\n\r")
    port.write(b"]C10109501101020917" + b"10AB\x1d17260131\r\n")
    wait_until(lambda: len(rec.scans) == 5)
    assert rec.scans == ["8412345600012", "96385074", "MOS-00042", "5449000000996",
                         "]C1010950110102091710AB\x1d17260131"]


def test_partial_frame_then_completion(port: FakeScannerPort, rec: Recorder, scanner: SerialScanner) -> None:
    port.write(b"841234")
    time.sleep(0.1)  # the reader sees the first half on its own
    assert rec.scans == []
    port.write(b"5600012\r\n")
    wait_until(lambda: rec.scans == ["8412345600012"])


def test_noise_and_overlong_lines_are_dropped_with_a_note(port: FakeScannerPort, rec: Recorder,
                                                         scanner: SerialScanner) -> None:
    port.write(b"\x00\xff\xfe\x13\x8a\r\n")  # binary noise
    port.write(b"9" * 500 + b"\r\n")  # a 500-byte line
    port.write(b"96385074\r\n")
    wait_until(lambda: rec.scans == ["96385074"])
    notes = [(s.state, s.reason, s.dropped) for s in rec.statuses if s.reason in ("noise", "too_long")]
    assert notes == [(ScannerState.CONNECTED, "noise", 1), (ScannerState.CONNECTED, "too_long", 2)]


def test_an_unfinished_frame_is_dropped_not_glued_to_the_next(port: FakeScannerPort, rec: Recorder,
                                                              scanner: SerialScanner) -> None:
    port.write(b"84123")
    wait_until(lambda: any(s.reason == "partial" for s in rec.statuses))
    port.write(b"96385074\r\n")
    wait_until(lambda: rec.scans == ["96385074"])


def test_unplug_then_replug_reconnects(port: FakeScannerPort, rec: Recorder, scanner: SerialScanner) -> None:
    port.write(b"96385074\r\n")
    wait_until(lambda: rec.scans == ["96385074"])
    port.write(b"8412")  # half a frame when the cable goes: never glued to what comes after
    time.sleep(0.05)
    port.unplug()
    wait_until(lambda: rec.count(ScannerState.DISCONNECTED) >= 1)
    assert scanner.running
    time.sleep(0.3)  # several reconnect attempts against a missing device: reported once, no crash
    assert rec.count(ScannerState.CONNECTED) == 1
    port.plug()
    wait_until(lambda: rec.count(ScannerState.CONNECTED) == 2)
    port.write(b"5449000000996\r\n")
    wait_until(lambda: rec.scans == ["96385074", "5449000000996"])
    disconnected = [s.reason for s in rec.statuses if s.state is ScannerState.DISCONNECTED]
    assert disconnected[0] in ("read_failed", "vanished")
    assert disconnected[1:] == ["not_found"]  # retried many times, reported once


def test_a_port_missing_at_start_is_waited_for(tmp_path: Path, rec: Recorder) -> None:
    link = tmp_path / "later"
    reader = SerialScanner(SerialScannerConfig(port=str(link), backoff=FAST_BACKOFF), rec.on_scan, rec.on_status)
    reader.start()
    try:
        wait_until(lambda: rec.count(ScannerState.DISCONNECTED) == 1)
        assert rec.statuses[0].reason == "not_found"
        fake = FakeScannerPort(link)
        try:
            wait_until(lambda: rec.count(ScannerState.CONNECTED) == 1)
            fake.write(b"96385074\r\n")
            wait_until(lambda: rec.scans == ["96385074"])
        finally:
            reader.stop()
            fake.close()
    finally:
        reader.stop()
    assert rec.states()[-1] is ScannerState.STOPPED


def test_failing_callbacks_do_not_stop_the_reader(port: FakeScannerPort) -> None:
    seen: list[str] = []

    def explode(code: str) -> None:
        seen.append(code)
        raise RuntimeError("slot bug")

    def bad_status(_status: ScannerStatus) -> None:
        raise RuntimeError("status bug")

    reader = SerialScanner(SerialScannerConfig(port=str(port.link), backoff=FAST_BACKOFF), explode, bad_status)
    reader.start()
    try:
        wait_until(lambda: reader.status.state is ScannerState.CONNECTED)
        port.write(b"96385074\r\n5449000000996\r\n")
        wait_until(lambda: seen == ["96385074", "5449000000996"])
        assert reader.running
    finally:
        reader.stop()


def test_stop_is_prompt_and_leaves_no_thread(port: FakeScannerPort, rec: Recorder) -> None:
    before = set(threading.enumerate())
    reader = SerialScanner(SerialScannerConfig(port=str(port.link), backoff=(5.0,)), rec.on_scan, rec.on_status)
    reader.start()
    wait_until(lambda: rec.count(ScannerState.CONNECTED) == 1)
    started = time.monotonic()
    reader.stop()
    assert time.monotonic() - started < 1.0
    assert not reader.running
    assert set(threading.enumerate()) <= before
    assert rec.states()[-1] is ScannerState.STOPPED
    # stopping while waiting out a long backoff is just as prompt
    missing = SerialScanner(SerialScannerConfig(port="/nonexistent/tty", backoff=(30.0,)), rec.on_scan)
    missing.start()
    wait_until(lambda: missing.status.reason == "not_found")
    started = time.monotonic()
    missing.stop()
    assert time.monotonic() - started < 1.0 and not missing.running
