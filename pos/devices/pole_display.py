"""2×20 customer pole display on a serial port (the Epson DM-D / CD5220 family most tills use).

Writes happen on a background thread and only the newest text is kept, so a slow or unplugged
display never delays a scan. Text is sent as plain ASCII (accents dropped, € as EUR): the code
pages of these displays differ from model to model, ASCII reads right on all of them."""

from __future__ import annotations

import contextlib
import logging
import threading
import unicodedata
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import serial

from pos.formatting import Formatter
from pos.services.dto import CartView, Receipt

log = logging.getLogger(__name__)
WIDTH = 20
INIT = b"\x1b@"
CLEAR = b"\x0c"


def parse_serial_uri(uri: str) -> tuple[str, int]:
    """``serial:///dev/ttyUSB1?baudrate=9600`` → (``/dev/ttyUSB1``, 9600). Raises ValueError."""
    parts = urlsplit(uri)
    if parts.scheme != "serial" or not parts.path:
        raise ValueError(f"not a serial URI: {uri!r} (expected serial:///dev/ttyUSB0?baudrate=9600)")
    query = parse_qs(parts.query)
    try:
        baudrate = int(query.get("baudrate", ["9600"])[0])
    except ValueError:
        raise ValueError(f"bad baudrate in {uri!r}") from None
    return parts.path, baudrate


def ascii_text(text: str) -> str:
    text = text.replace("€", "EUR").replace("\u00a0", " ")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def to_display_text(text: str, width: int = WIDTH) -> bytes:
    """Fit one line: ASCII only, cut or padded to the display width."""
    return ascii_text(text)[:width].ljust(width).encode("ascii")


def two_columns(left: str, right: str, width: int = WIDTH) -> str:
    """``Leche entera    1,90`` — the price always visible, the name cut to fit."""
    left, right = ascii_text(left), ascii_text(right)
    room = max(0, width - len(right) - 1)
    return f"{left[:room]:<{room}} {right}"[:width]


class PoleDisplay:
    def __init__(self, uri: str, *, on_status: Callable[[str], None] | None = None,
                 opener: Callable[..., serial.SerialBase] | None = None) -> None:
        self._path, self._baudrate = parse_serial_uri(uri)
        self._opener = opener or serial.Serial
        self._on_status = on_status
        self._port: serial.SerialBase | None = None
        self._pending: tuple[str, str] | None = None
        self._cond = threading.Condition()
        self._stop = False
        self.status = "unknown"
        self._thread = threading.Thread(target=self._run, name="pole-display", daemon=True)
        self._thread.start()

    def show(self, line1: str, line2: str = "") -> None:
        """Queue the text; returns at once. Only the latest text is written."""
        with self._cond:
            self._pending = (line1, line2)
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self._thread.join(5)
        if self._port is not None:
            self._port.close()

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            if self._on_status:
                self._on_status(status)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                line1, line2 = self._pending  # type: ignore[misc]
                self._pending = None
            try:
                if self._port is None:
                    self._port = self._opener(self._path, self._baudrate, timeout=1, write_timeout=1)
                    self._port.write(INIT)
                self._port.write(CLEAR + to_display_text(line1) + to_display_text(line2))
                self._port.flush()
                self._set_status("ok")
            except (serial.SerialException, OSError) as exc:
                log.warning("pole display: %s", exc)
                if self._port is not None:
                    with contextlib.suppress(Exception):  # already broken
                        self._port.close()
                self._port = None  # reopened on the next update: replugging just works
                self._set_status("offline")


def pole_lines(view: CartView, fmt: Formatter) -> tuple[str, str]:
    """Last scanned item with its amount, and the running total."""
    if not view.lines:
        return "", ""
    changed = next((ln for ln in view.lines if ln.line_id == view.changed_line_id), view.lines[-1])
    return two_columns(changed.name, fmt.amount(changed.total)), two_columns("TOTAL", fmt.money(view.totals.total))


def paid_lines(receipt: Receipt, fmt: Formatter) -> tuple[str, str]:
    return two_columns("TOTAL", fmt.money(receipt.total)), two_columns("CAMBIO", fmt.money(receipt.change))
