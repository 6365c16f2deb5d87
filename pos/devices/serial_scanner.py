"""Serial (USB CDC / RS-232) barcode scanners: a reader thread that turns frames into scans.

``[scanner] uri = "serial:///dev/ttyACM0?baudrate=9600"`` (``serial://COM3?baudrate=9600`` on Windows;
optional ``bytesize``, ``parity`` N/E/O, ``stopbits``). A ``SerialScanner`` reads on its own daemon
thread (plain ``threading``, no Qt) and calls back **on that thread**:

- ``on_scan(code)`` for every clean frame (the caller marshals it to the GUI, e.g. a queued signal);
- ``on_status(ScannerStatus)`` when the state changes (connected / disconnected / error, with a stable
  ``reason``) and when a frame is dropped (``reason`` = noise / too_long / partial, ``dropped`` counts).

Frames end with any of ``terminators`` (CR and/or LF by default, so CRLF, LF and CR all work; empty frames
are ignored). With no terminators, a pause of ``frame_timeout`` ends a frame. STX/ETX framing bytes,
spaces and the configured prefix/suffix are stripped. Binary noise, over-long frames (the rest of the
line is skipped), frames left unfinished for ``frame_timeout`` and frames no barcode is made of are
dropped and logged, never passed on. A port that vanishes or fails to read is closed and reopened with
backoff until ``stop()``; nothing here ever raises into the caller or blocks it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from urllib.parse import parse_qsl, urlsplit

import serial  # type: ignore[import-untyped]

from pos.domain.scan import InvalidBarcode, parse_scan

log = logging.getLogger(__name__)

DEFAULT_BACKOFF = (0.5, 1.0, 2.0, 5.0)  # seconds between reconnect attempts; the last one repeats
_PRINTABLE = frozenset(range(0x20, 0x7F)) | {0x1D}  # ASCII text and GS (FNC1 in GS1 codes)
_STX, _ETX = 0x02, 0x03


class ScannerState(StrEnum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # unplugged or not there yet: reconnecting
    ERROR = "error"  # there but unusable (permissions, settings): retrying too
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class ScannerStatus:
    """What the status bar shows. ``reason`` is a stable code; ``detail`` is for the log."""

    state: ScannerState
    port: str
    reason: str = ""  # not_found | permission | open_failed | read_failed | vanished | noise | too_long | partial
    detail: str = ""
    dropped: int = 0  # frames dropped since start


@dataclass(frozen=True, slots=True)
class SerialScannerConfig:
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    terminators: bytes = b"\r\n"
    prefix: str = ""
    suffix: str = ""
    max_frame: int = 128  # bytes; longer lines are noise
    frame_timeout: float = 1.0  # seconds an unfinished frame may wait for the rest
    read_timeout: float = 0.05
    backoff: tuple[float, ...] = DEFAULT_BACKOFF


def parse_serial_uri(uri: str, **overrides: object) -> SerialScannerConfig:
    """``serial:///dev/ttyACM0?baudrate=9600`` → config. Raises ValueError for anything else."""
    parts = urlsplit(uri)
    if parts.scheme != "serial":
        raise ValueError(f"not a serial scanner URI: {uri!r}")
    port = parts.netloc + parts.path if parts.netloc else parts.path
    if not port:
        raise ValueError(f"serial scanner URI without a port: {uri!r}")
    values: dict[str, object] = {}
    try:
        for key, value in parse_qsl(parts.query, strict_parsing=bool(parts.query)):
            if key in ("baudrate", "bytesize"):
                values[key] = int(value)
            elif key == "stopbits":
                values[key] = float(value)
            elif key == "parity" and value.upper() in ("N", "E", "O", "M", "S"):
                values[key] = value.upper()
            else:
                raise ValueError(f"unknown or bad setting {key}={value}")
    except ValueError as exc:
        raise ValueError(f"serial scanner URI {uri!r}: {exc}") from None
    values.update(overrides)
    if isinstance(values.get("terminators"), str):
        values["terminators"] = str(values["terminators"]).encode("latin-1")
    return replace(SerialScannerConfig(port=port), **values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Frame:
    code: str


@dataclass(frozen=True, slots=True)
class Dropped:
    reason: str  # noise | too_long | partial
    sample: bytes  # the first bytes, for the log


class FrameAssembler:
    """Bytes in, frames out. Pure (times are passed in), so it is tested without a port."""

    def __init__(self, config: SerialScannerConfig) -> None:
        self._cfg = config
        self._buf = bytearray()
        self._skipping = False  # inside an over-long line: drop until the next terminator
        self._started = 0.0

    def reset(self) -> None:
        """Forget a partial frame (the port was closed)."""
        self._buf.clear()
        self._skipping = False

    def feed(self, data: bytes, now: float) -> list[Frame | Dropped]:
        out: list[Frame | Dropped] = []
        terms = self._cfg.terminators
        for byte in data:
            if terms and byte in terms:
                if self._skipping:
                    self._skipping = False
                elif self._buf:
                    out.append(self._finish())
                continue
            if self._skipping:
                continue
            if not self._buf:
                self._started = now
            self._buf.append(byte)
            if len(self._buf) > self._cfg.max_frame:
                out.append(Dropped("too_long", bytes(self._buf[:32])))
                self._buf.clear()
                self._skipping = bool(terms)
        return [event for event in out if not (isinstance(event, Frame) and not event.code)]

    def tick(self, now: float) -> list[Frame | Dropped]:
        """Called when the port is idle: an unfinished frame that waited too long ends or is dropped."""
        if not self._buf or now - self._started < self._cfg.frame_timeout:
            return []
        if not self._cfg.terminators:
            event = self._finish()
            return [event] if not (isinstance(event, Frame) and not event.code) else []
        sample = bytes(self._buf[:32])
        self._buf.clear()
        return [Dropped("partial", sample)]

    def _finish(self) -> Frame | Dropped:
        raw = bytes(self._buf)
        self._buf.clear()
        body = raw
        if body[:1] == bytes([_STX]):
            body = body[1:]
        if body[-1:] == bytes([_ETX]):
            body = body[:-1]
        if any(b not in _PRINTABLE for b in body):
            return Dropped("noise", raw[:32])
        text = body.decode("ascii").strip()
        cfg = self._cfg
        if cfg.prefix and text.startswith(cfg.prefix):
            text = text[len(cfg.prefix):]
        if cfg.suffix and text.endswith(cfg.suffix):
            text = text[: -len(cfg.suffix)]
        text = text.strip()
        if text:
            try:
                parse_scan(text)
            except InvalidBarcode as exc:
                # Misreads (check digit, GS1 syntax) go through so the cashier is told to scan again;
                # what no barcode is made of is line noise.
                if exc.reason in ("length", "characters"):
                    return Dropped("noise", raw[:32])
        return Frame(text)


class SerialScanner:
    """Reads a serial scanner on a background thread; ``start()`` / ``stop()``. Never raises after start."""

    def __init__(self, config: SerialScannerConfig, on_scan: Callable[[str], None],
                 on_status: Callable[[ScannerStatus], None] | None = None) -> None:
        self.config = config
        self._on_scan = on_scan
        self._on_status = on_status or (lambda _status: None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._port: serial.Serial | None = None
        self._assembler = FrameAssembler(config)
        self._dropped = 0
        self._last: ScannerStatus | None = None
        self.status = ScannerStatus(ScannerState.DISCONNECTED, config.port, "not_started")

    @classmethod
    def from_uri(cls, uri: str, on_scan: Callable[[str], None],
                 on_status: Callable[[ScannerStatus], None] | None = None, **overrides: object) -> SerialScanner:
        """Build from ``[scanner] uri``. Raises ValueError for a malformed URI (a configuration error)."""
        return cls(parse_serial_uri(uri, **overrides), on_scan, on_status)

    # --- lifecycle --------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial-scanner {self.config.port}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop reading and close the port; returns once the thread has ended (or ``timeout``)."""
        self._stop.set()
        port = self._port
        if port is not None:
            with contextlib.suppress(Exception):  # the port may be gone already; the loop sees the stop anyway
                port.cancel_read()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("serial scanner thread did not stop within %.1f s", timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- the thread -------------------------------------------------------------------------------
    def _run(self) -> None:
        attempt = 0
        try:
            while not self._stop.is_set():
                port = self._open()
                if port is None:
                    backoff = self.config.backoff
                    self._stop.wait(backoff[min(attempt, len(backoff) - 1)])
                    attempt += 1
                    continue
                attempt = 0
                self._publish(ScannerState.CONNECTED)
                try:
                    self._read(port)
                except (serial.SerialException, OSError) as exc:
                    if not self._stop.is_set():
                        reason = "vanished" if isinstance(exc, _Vanished) else "read_failed"
                        log.warning("scanner %s: %s (%s)", self.config.port, reason, exc)
                        self._publish(ScannerState.DISCONNECTED, reason, str(exc))
                finally:
                    self._close()
                if not self._stop.is_set():
                    self._stop.wait(self.config.backoff[0])
        except Exception:  # a bug must not kill the till, only this reader
            log.exception("serial scanner reader crashed")
            self._publish(ScannerState.ERROR, "bug")
        finally:
            self._close()
            self._publish(ScannerState.STOPPED)

    def _open(self) -> serial.Serial | None:
        cfg = self.config
        try:
            port = serial.Serial(cfg.port, cfg.baudrate, bytesize=cfg.bytesize, parity=cfg.parity,
                                 stopbits=cfg.stopbits, timeout=cfg.read_timeout)
        except (serial.SerialException, OSError, ValueError) as exc:
            errno = getattr(exc, "errno", None)
            text = str(exc)
            if errno == 13 or "Permission denied" in text:
                self._publish(ScannerState.ERROR, "permission", text)
            elif errno == 2 or "No such file" in text or not _exists(cfg.port):
                self._publish(ScannerState.DISCONNECTED, "not_found", text)
            else:
                self._publish(ScannerState.ERROR, "open_failed", text)
            return None
        self._port = port
        return port

    def _read(self, port: serial.Serial) -> None:
        checked = time.monotonic()
        while not self._stop.is_set():
            data = port.read(max(1, port.in_waiting))
            now = time.monotonic()
            events = self._assembler.feed(data, now) if data else self._assembler.tick(now)
            for event in events:
                self._deliver(event)
            if now - checked > 0.5:
                checked = now
                if not _exists(self.config.port):
                    raise _Vanished(f"{self.config.port} is gone")

    def _deliver(self, event: Frame | Dropped) -> None:
        if isinstance(event, Frame):
            try:
                self._on_scan(event.code)
            except Exception:
                log.exception("on_scan callback failed")
            return
        self._dropped += 1
        log.info("scanner %s: dropped a frame (%s): %r", self.config.port, event.reason, event.sample)
        self._publish(ScannerState.CONNECTED, event.reason, force=True)

    def _close(self) -> None:
        port, self._port = self._port, None
        self._assembler.reset()
        if port is not None:
            with contextlib.suppress(Exception):  # closing a vanished device may fail; it is closed either way
                port.close()

    def _publish(self, state: ScannerState, reason: str = "", detail: str = "", *, force: bool = False) -> None:
        status = ScannerStatus(state, self.config.port, reason, detail, self._dropped)
        self.status = status
        last = self._last
        if not force and last is not None and (last.state, last.reason) == (state, reason):
            return  # a port that stays missing is reported once, not every backoff step
        self._last = status
        try:
            self._on_status(status)
        except Exception:
            log.exception("on_status callback failed")


class _Vanished(serial.SerialException):  # type: ignore[misc]
    """The device node disappeared while the port looked idle."""


def _exists(port: str) -> bool:
    """True unless ``port`` is a filesystem path that is gone (COM ports are not checked)."""
    return not port.startswith("/") or os.path.exists(port)
