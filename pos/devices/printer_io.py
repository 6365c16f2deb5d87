"""Connections to a :class:`~pos.devices.printer_uri.PrinterTarget` and the printer's real-time status.

Every failure is a :class:`PrinterIOError` with a stable ``code`` (for translated messages) and an English
``detail`` (for logs and IT); nothing here blocks longer than the timeout it is given.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import time
from typing import Any, Protocol

from pos.devices.printer_uri import PrinterTarget

# codes meaning "cannot reach the printer" (status offline); every other code is an error of the printer
# (paper out, cover open) or of the set-up (USB support missing, no permission)
OFFLINE_CODES = frozenset({"refused", "timeout", "unreachable", "disconnected", "no_device", "no_answer"})

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_OFFLINE_CAUSE = b"\x10\x04\x02"
DLE_EOT_PAPER = b"\x10\x04\x04"


class PrinterIOError(Exception):
    """A printer could not take a job. ``code`` is stable (see :data:`OFFLINE_CODES`; also ``paper_out``,
    ``cover_open``, ``printer_error``, ``printer_offline``, ``usb_support_missing``, ``permission``,
    ``io_error``); ``detail`` is English for logs."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail

    @property
    def offline(self) -> bool:
        return self.code in OFFLINE_CODES


# --- connections -------------------------------------------------------------------------------------------
class PrinterConnection(Protocol):
    """An open channel to one printer."""

    def write(self, data: bytes) -> None: ...

    def read(self, count: int) -> bytes:
        """Up to ``count`` bytes the printer sent; b"" when it said nothing within the timeout."""
        ...

    def finish(self, linger: float) -> None:
        """After the last write: let the data drain (at most ``linger`` s) before :meth:`close`."""
        ...

    def close(self) -> None: ...


def _os_error(exc: OSError, where: str) -> PrinterIOError:
    if isinstance(exc, ConnectionRefusedError):
        return PrinterIOError("refused", f"{where}: connection refused (printer off, or not listening there)")
    if isinstance(exc, TimeoutError):
        return PrinterIOError("timeout", f"{where}: no response in time (printer busy, hung or unreachable)")
    if isinstance(exc, socket.gaierror):
        return PrinterIOError("unreachable", f"{where}: unknown host name ({exc.strerror})")
    if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
        return PrinterIOError("disconnected", f"{where}: the printer dropped the connection")
    if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN):
        return PrinterIOError("unreachable", f"{where}: no route to the printer ({exc.strerror})")
    if isinstance(exc, PermissionError) or exc.errno == errno.EACCES:
        return PrinterIOError("permission", f"{where}: permission denied ({exc.strerror})")
    if isinstance(exc, FileNotFoundError) or exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return PrinterIOError("no_device", f"{where}: no such device or folder ({exc.strerror})")
    return PrinterIOError("io_error", f"{where}: {exc.strerror or exc}")


class TcpConnection:
    """Raw TCP (port 9100). Every socket call is bounded by ``timeout``, so a printer that accepts the
    connection and then hangs costs at most that long."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self._where = f"{host}:{port}"
        try:
            self._sock = socket.create_connection((host, port), timeout=timeout)
        except OSError as exc:
            raise _os_error(exc, self._where) from exc

    def write(self, data: bytes) -> None:
        try:
            self._sock.sendall(data)
        except OSError as exc:
            raise _os_error(exc, self._where) from exc

    def read(self, count: int) -> bytes:
        try:
            return self._sock.recv(count)
        except TimeoutError:
            return b""
        except OSError as exc:
            raise _os_error(exc, self._where) from exc

    def finish(self, linger: float) -> None:
        """Half-close and wait (at most ``linger`` s) for the printer to close: closing with unread status
        bytes in our buffer would send a reset that can cut off the end of the job."""
        try:
            self._sock.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + linger
            while (left := deadline - time.monotonic()) > 0:
                self._sock.settimeout(left)
                if not self._sock.recv(256):
                    break
        except OSError:
            pass

    def close(self) -> None:
        """Also safe from another thread: the shutdown wakes a send or receive blocked in the print thread."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()


class SerialConnection:
    """pyserial with read *and* write timeouts (python-escpos' Serial has no write timeout, and a printer
    holding CTS low would block it for ever)."""

    def __init__(self, target: PrinterTarget, timeout: float) -> None:
        try:
            import serial
        except ImportError as exc:  # pragma: no cover - pyserial is a dependency
            raise PrinterIOError("serial_support_missing", "serial support not installed (pyserial)") from exc
        self._serial_mod = serial
        self._where = target.path
        try:
            self._port = serial.Serial(
                target.path, baudrate=target.baudrate, parity=target.parity, timeout=timeout,
                write_timeout=timeout, rtscts=target.flow == "rtscts", dsrdtr=target.flow == "dsrdtr",
                xonxoff=target.flow == "xonxoff")
        except serial.SerialException as exc:
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> PrinterIOError:
        if isinstance(exc, self._serial_mod.SerialTimeoutException):
            return PrinterIOError("timeout", f"{self._where}: the printer did not take the data in time")
        if isinstance(exc, OSError):
            return _os_error(exc, self._where)
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], int) else getattr(exc, "errno", None)
        if cause in (errno.EACCES, errno.EPERM):
            return PrinterIOError("permission", f"{self._where}: permission denied (is the user in the dialout "
                                                f"group?)")
        if cause in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
            return PrinterIOError("no_device", f"{self._where}: no such device (unplugged?)")
        return PrinterIOError("io_error", f"{self._where}: {exc}")

    def write(self, data: bytes) -> None:
        try:
            self._port.write(data)
        except (self._serial_mod.SerialException, OSError) as exc:
            raise self._error(exc) from exc

    def read(self, count: int) -> bytes:
        try:
            return bytes(self._port.read(count))
        except (self._serial_mod.SerialException, OSError) as exc:
            raise self._error(exc) from exc

    def finish(self, linger: float) -> None:
        pass

    def close(self) -> None:
        self._port.close()


class UsbConnection:
    """python-escpos' ``Usb`` (pyusb + libusb). Without pyusb the till still sells and says why it cannot
    print."""

    def __init__(self, target: PrinterTarget, timeout: float, profile: str) -> None:
        from escpos.printer import Usb
        from escpos.printer.usb import is_usable

        self._where = f"USB {target.vendor_id:04x}:{target.product_id:04x}"
        if not is_usable():
            raise PrinterIOError("usb_support_missing",
                                 "USB support not installed: install pyusb and libusb, or use the printer's "
                                 "serial/network port or file:///dev/usb/lp0")
        self._printer: Any = Usb(target.vendor_id, target.product_id, timeout=int(timeout * 1000),
                                 in_ep=target.endpoints[0], out_ep=target.endpoints[1], profile=profile)
        try:
            self._printer.open()
        except Exception as exc:  # DeviceNotFoundError, NoBackendError (no libusb), USBError
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> PrinterIOError:
        name = type(exc).__name__
        if name == "NoBackendError":
            return PrinterIOError("usb_support_missing", f"{self._where}: libusb not found ({exc})")
        if name == "USBTimeoutError":
            return PrinterIOError("timeout", f"{self._where}: the printer did not take the data in time")
        if name == "DeviceNotFoundError":
            return PrinterIOError("no_device", f"{self._where}: printer not found (unplugged or off?)")
        if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM):
            return PrinterIOError("permission", f"{self._where}: permission denied (udev rule missing?)")
        return PrinterIOError("disconnected", f"{self._where}: {exc}")

    def write(self, data: bytes) -> None:
        try:
            self._printer._raw(data)
        except Exception as exc:
            raise self._error(exc) from exc

    def read(self, count: int) -> bytes:
        try:
            return bytes(self._printer._read())[:count]
        except Exception as exc:
            if type(exc).__name__ == "USBTimeoutError":
                return b""
            raise self._error(exc) from exc

    def finish(self, linger: float) -> None:
        pass

    def close(self) -> None:
        self._printer.close()


class FileConnection:
    """Appends to a file (or writes to a device node such as ``/dev/usb/lp0``); never answers."""

    def __init__(self, path: str) -> None:
        self._where = path
        try:
            self._file = open(path, "ab")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise _os_error(exc, path) from exc

    def write(self, data: bytes) -> None:
        try:
            self._file.write(data)
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise _os_error(exc, self._where) from exc

    def read(self, count: int) -> bytes:
        return b""

    def finish(self, linger: float) -> None:
        pass

    def close(self) -> None:
        self._file.close()


def open_connection(target: PrinterTarget, *, timeout: float = 5.0, profile: str = "default") -> PrinterConnection:
    """Open ``target``; raises :class:`PrinterIOError`."""
    if target.kind == "tcp":
        return TcpConnection(target.host, target.port, timeout)
    if target.kind == "serial":
        return SerialConnection(target, timeout)
    if target.kind == "usb":
        return UsbConnection(target, timeout, profile)
    return FileConnection(target.path)


# --- real-time status (DLE EOT) ----------------------------------------------------------------------------
def _answer(conn: PrinterConnection, request: bytes) -> int | None:
    conn.write(request)
    reply = conn.read(1)
    if not reply:
        return None
    byte = reply[0]
    return byte if byte & 0x93 == 0x12 else -1  # fixed bits of every DLE EOT reply; -1: not a status byte


def query_status(conn: PrinterConnection) -> str:
    """Ask the printer (``DLE EOT``) whether it can print. Returns ``"ok"`` or ``"paper_low"``; raises
    :class:`PrinterIOError` with ``no_answer``, ``paper_out``, ``cover_open``, ``printer_error`` or
    ``printer_offline``. A reply that is not a status byte is taken as "alive"."""
    printer = _answer(conn, DLE_EOT_PRINTER)
    if printer is None:
        raise PrinterIOError("no_answer", "the printer did not answer the status request (DLE EOT) in time; if it "
                                          "prints otherwise, set [printer] status_check = false")
    paper = _answer(conn, DLE_EOT_PAPER)
    if paper is not None and paper >= 0 and paper & 0x60:
        raise PrinterIOError("paper_out", "the printer is out of paper")
    if printer >= 0 and printer & 0x08:
        cause = _answer(conn, DLE_EOT_OFFLINE_CAUSE)
        if cause is not None and cause >= 0:
            if cause & 0x04:
                raise PrinterIOError("cover_open", "the printer cover is open")
            if cause & 0x20:
                raise PrinterIOError("paper_out", "the printer is out of paper")
            if cause & 0x40:
                raise PrinterIOError("printer_error", "the printer reports an error (cutter jam or overheating?)")
        raise PrinterIOError("printer_offline", "the printer is off line (paper feed button held?)")
    if paper is not None and paper >= 0 and paper & 0x0C:
        return "paper_low"
    return "ok"
