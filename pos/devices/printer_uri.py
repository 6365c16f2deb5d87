"""``[printer] uri`` → :class:`PrinterTarget` (where the ESC/POS bytes go).

Accepted forms (DESIGN §3)::

    escpos+tcp://host:9100                         network printer (raw port 9100)
    escpos+serial:///dev/ttyUSB0?baudrate=19200    serial (also ?parity=N|E|O&flow=none|rtscts|dsrdtr|xonxoff;
                                                   escpos+serial://COM3 on Windows)
    escpos+usb://04b8:0202                         USB VID:PID in hex, through python-escpos' Usb and pyusb
                                                   (?in_ep=0x81&out_ep=0x03 for printers with other endpoints)
    file:///path/receipts.bin                      append the bytes to a file (also file:///dev/usb/lp0)
    none                                           no printer

Connections to a parsed target are opened by :mod:`pos.devices.printer_io`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit
from urllib.request import url2pathname

FORMS = ("escpos+tcp://host:9100, escpos+serial:///dev/ttyUSB0?baudrate=19200, escpos+usb://VID:PID, "
         "file:///path/receipts.bin or none")


class PrinterUriError(ValueError):
    """The ``[printer] uri`` cannot be used; the message says why and lists the accepted forms."""


@dataclass(frozen=True, slots=True)
class PrinterTarget:
    """A parsed printer URI."""

    kind: str  # tcp | serial | usb | file
    uri: str
    host: str = ""
    port: int = 9100
    path: str = ""  # serial device or file
    baudrate: int = 9600
    parity: str = "N"
    flow: str = "none"
    vendor_id: int = 0
    product_id: int = 0
    endpoints: tuple[int, int] = (0x82, 0x01)  # USB in, out

    @property
    def can_answer(self) -> bool:
        """Whether the connection is two-way, so the printer can be asked for its status."""
        return self.kind in ("tcp", "serial", "usb")


def _query(raw: str, allowed: set[str], uri: str) -> dict[str, str]:
    params = dict(parse_qsl(raw, keep_blank_values=True))
    unknown = set(params) - allowed
    if unknown:
        accepted = ", ".join(sorted(allowed)) or "none"
        raise PrinterUriError(f"{uri!r}: unknown option {', '.join(sorted(unknown))} (accepted: {accepted})")
    return params


def _hex_id(text: str, uri: str) -> int:
    try:
        value = int(text.removeprefix("0x").removeprefix("0X"), 16)
    except ValueError:
        value = -1
    if not 0 < value <= 0xFFFF:
        raise PrinterUriError(f"{uri!r}: USB ids are two hex numbers, as in escpos+usb://04b8:0202")
    return value


def parse_printer_uri(uri: str) -> PrinterTarget | None:
    """Parse a ``[printer] uri``; ``None`` for ``none`` or an empty value. Raises :class:`PrinterUriError`."""
    text = uri.strip()
    if text.lower() in ("", "none"):
        return None
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme == "escpos+tcp":
        _query(parts.query, set(), text)
        try:
            port = parts.port or 9100
        except ValueError:
            raise PrinterUriError(f"{text!r}: the port must be a number from 1 to 65535") from None
        if not parts.hostname or parts.path not in ("", "/"):
            raise PrinterUriError(f"{text!r}: write it as escpos+tcp://host:9100")
        return PrinterTarget("tcp", text, host=parts.hostname, port=port)
    if scheme == "escpos+serial":
        params = _query(parts.query, {"baudrate", "parity", "flow"}, text)
        device = unquote(parts.netloc + parts.path) if parts.netloc else unquote(parts.path)
        if not device or device == "/":
            raise PrinterUriError(f"{text!r}: name the port, as in escpos+serial:///dev/ttyUSB0?baudrate=19200")
        baud = params.get("baudrate", "9600")
        if not baud.isdigit() or int(baud) not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
            raise PrinterUriError(f"{text!r}: baudrate must be one of 1200 … 115200, not {baud!r}")
        parity = params.get("parity", "N").upper()
        flow = params.get("flow", "none").lower()
        if parity not in ("N", "E", "O") or flow not in ("none", "rtscts", "dsrdtr", "xonxoff"):
            raise PrinterUriError(f"{text!r}: parity is N, E or O; flow is none, rtscts, dsrdtr or xonxoff")
        return PrinterTarget("serial", text, path=device, baudrate=int(baud), parity=parity, flow=flow)
    if scheme == "escpos+usb":
        params = _query(parts.query, {"in_ep", "out_ep"}, text)
        ids = parts.netloc.split(":")
        if len(ids) != 2 or parts.path not in ("", "/"):
            raise PrinterUriError(f"{text!r}: write it as escpos+usb://VID:PID in hex, e.g. escpos+usb://04b8:0202")
        endpoints = (_hex_id(params.get("in_ep", "82"), text), _hex_id(params.get("out_ep", "01"), text))
        return PrinterTarget("usb", text, vendor_id=_hex_id(ids[0], text), product_id=_hex_id(ids[1], text),
                             endpoints=endpoints)
    if scheme == "file":
        _query(parts.query, set(), text)
        if parts.netloc not in ("", "localhost") or not parts.path:
            raise PrinterUriError(f"{text!r}: a file URI needs an absolute path, as in file:///path/receipts.bin")
        return PrinterTarget("file", text, path=url2pathname(unquote(parts.path)))
    raise PrinterUriError(f"{text!r} is not a printer URI; use one of: {FORMS}")
