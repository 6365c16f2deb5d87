"""The pole display over a real pseudo-terminal: what bytes reach the device, and unplugging."""

from __future__ import annotations

import os
import time
import tty

import pytest

from pos.devices.pole_display import PoleDisplay, parse_serial_uri, to_display_text, two_columns


def _read(fd: int, n: int, timeout: float = 3.0) -> bytes:
    data = b""
    deadline = time.monotonic() + timeout
    while len(data) < n and time.monotonic() < deadline:
        try:
            data += os.read(fd, n - len(data))
        except BlockingIOError:
            time.sleep(0.01)
    return data


def test_lines_reach_the_display_as_ascii() -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    os.set_blocking(master, False)
    path = os.ttyname(slave)
    display = PoleDisplay(f"serial://{path}?baudrate=9600")
    try:
        display.show(two_columns("Limón ecológico", "3,29 €"), "TOTAL 12,34 €")
        data = _read(master, 2 + 1 + 40)
        assert data.startswith(b"\x1b@\x0c")
        assert data[3:23] == b"Limon ecolo 3,29 EUR"
        assert data[23:43] == b"TOTAL 12,34 EUR".ljust(20)
        assert display.status == "ok"
    finally:
        display.close()
        os.close(master)
        os.close(slave)


def test_unplugged_display_never_blocks_and_comes_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "ttyPOLE"
    statuses: list[str] = []
    display = PoleDisplay(f"serial://{link}?baudrate=9600", on_status=statuses.append)
    try:
        started = time.monotonic()
        display.show("hola", "")
        assert time.monotonic() - started < 0.05  # never waits for the device
        deadline = time.monotonic() + 3
        while display.status != "offline" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert display.status == "offline"
        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        link.symlink_to(os.ttyname(slave))
        display.show("otra vez", "")
        assert b"otra vez" in _read(master, 43)
        assert statuses[-1] == "ok"
        os.close(master)
        os.close(slave)
    finally:
        display.close()


@pytest.mark.parametrize("bad", ["tcp://x", "serial://", "/dev/ttyUSB0", "serial:///dev/x?baudrate=fast"])
def test_bad_uri_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_serial_uri(bad)


def test_text_fits_twenty_columns() -> None:
    assert to_display_text("Ñandú € " * 5) == b"Nandu EUR Nandu EUR "
    assert len(two_columns("Aceite de oliva virgen extra", "9,59")) == 20
    assert two_columns("Aceite de oliva virgen extra", "9,59").endswith(" 9,59")
