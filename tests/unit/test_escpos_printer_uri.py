"""``[printer] uri`` parsing and the DLE EOT status answers (no device needed)."""

from __future__ import annotations

import pytest

from pos.devices.printer_io import PrinterIOError, query_status
from pos.devices.printer_uri import PrinterTarget, PrinterUriError, parse_printer_uri


@pytest.mark.parametrize(("uri", "expected"), [
    ("escpos+tcp://192.168.1.50:9100", PrinterTarget("tcp", "escpos+tcp://192.168.1.50:9100", host="192.168.1.50")),
    ("escpos+tcp://printer.local", PrinterTarget("tcp", "escpos+tcp://printer.local", host="printer.local")),
    ("escpos+tcp://[::1]:9101", PrinterTarget("tcp", "escpos+tcp://[::1]:9101", host="::1", port=9101)),
    ("escpos+serial:///dev/ttyUSB0?baudrate=19200",
     PrinterTarget("serial", "escpos+serial:///dev/ttyUSB0?baudrate=19200", path="/dev/ttyUSB0", baudrate=19200)),
    ("escpos+serial://COM3?baudrate=38400&parity=e&flow=rtscts",
     PrinterTarget("serial", "escpos+serial://COM3?baudrate=38400&parity=e&flow=rtscts", path="COM3",
                   baudrate=38400, parity="E", flow="rtscts")),
    ("escpos+usb://04b8:0202", PrinterTarget("usb", "escpos+usb://04b8:0202", vendor_id=0x04B8, product_id=0x0202)),
    ("escpos+usb://0x0416:0x5011?in_ep=81&out_ep=03",
     PrinterTarget("usb", "escpos+usb://0x0416:0x5011?in_ep=81&out_ep=03", vendor_id=0x0416, product_id=0x5011,
                   endpoints=(0x81, 0x03))),
    ("file:///var/spool/mostrador/receipts.bin",
     PrinterTarget("file", "file:///var/spool/mostrador/receipts.bin", path="/var/spool/mostrador/receipts.bin")),
    ("file:///tmp/my%20receipts.bin", PrinterTarget("file", "file:///tmp/my%20receipts.bin",
                                                     path="/tmp/my receipts.bin")),
])
def test_accepted_forms(uri: str, expected: PrinterTarget) -> None:
    assert parse_printer_uri(uri) == expected


@pytest.mark.parametrize("uri", ["none", "NONE", "", "  "])
def test_no_printer(uri: str) -> None:
    assert parse_printer_uri(uri) is None


@pytest.mark.parametrize(("uri", "message"), [
    ("tcp://192.168.1.50:9100", "is not a printer URI; use one of: escpos\\+tcp://host:9100"),
    ("192.168.1.50", "is not a printer URI"),
    ("escpos+tcp://:9100", "escpos\\+tcp://host:9100"),
    ("escpos+tcp://host:99999", "port must be a number"),
    ("escpos+tcp://host:abc", "port must be a number"),
    ("escpos+tcp://host:9100?timeout=3", "unknown option timeout"),
    ("escpos+serial://", "name the port"),
    ("escpos+serial:///dev/ttyUSB0?baudrate=fast", "baudrate must be one of"),
    ("escpos+serial:///dev/ttyUSB0?baud=9600", "unknown option baud"),
    ("escpos+serial:///dev/ttyUSB0?parity=X", "parity is N, E or O"),
    ("escpos+usb://04b8", "VID:PID"),
    ("escpos+usb://zzzz:0202", "two hex numbers"),
    ("file://receipts.bin", "absolute path"),
])
def test_invalid_uris_say_what_is_wrong(uri: str, message: str) -> None:
    with pytest.raises(PrinterUriError, match=message):
        parse_printer_uri(uri)


class Scripted:
    """A connection that answers DLE EOT n from a table (None: the printer stays silent)."""

    def __init__(self, answers: dict[int, int | None]) -> None:
        self.answers = answers
        self.pending: bytes = b""

    def write(self, data: bytes) -> None:
        assert data[:2] == b"\x10\x04"
        answer = self.answers.get(data[2])
        self.pending = b"" if answer is None else bytes([answer])

    def read(self, count: int) -> bytes:
        return self.pending[:count]

    def finish(self, linger: float) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.mark.parametrize(("answers", "result"), [
    ({1: 0x12, 4: 0x12}, "ok"),
    ({1: 0x12, 4: 0x1E}, "paper_low"),
    ({1: 0x12, 4: None}, "ok"),  # no paper sensor answer: still printable
    ({1: 0x00, 4: 0x00}, "ok"),  # not a status byte: alive, unknown model
    ({1: 0x1A, 4: 0x72, 2: 0x32}, "paper_out"),
    ({1: 0x1A, 4: 0x12, 2: 0x16}, "cover_open"),
    ({1: 0x1A, 4: 0x12, 2: 0x52}, "printer_error"),
    ({1: 0x1A, 4: 0x12, 2: 0x12}, "printer_offline"),
    ({1: None}, "no_answer"),
])
def test_status_answers(answers: dict[int, int | None], result: str) -> None:
    conn = Scripted(answers)
    try:
        assert query_status(conn) == result
    except PrinterIOError as exc:
        assert exc.code == result
        assert exc.offline == (result == "no_answer")
