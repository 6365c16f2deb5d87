"""The print queue: selling never waits for the printer.

``submit`` only appends a job and returns. One plain thread (no Qt) renders each job to ESC/POS bytes and sends
it; a failure (refused, timeout, unplugged, a printer that accepts the connection and then hangs, paper out)
keeps the job at the head of the queue and retries it with exponential backoff, while the status callbacks say
what is wrong in a stable code plus an English detail. Jobs print in order, each one once it got through.

Jobs live in memory only, on purpose: the sale is already committed in the ledger when it is printed, and after
a restart the customer has long left, so replaying old tickets (and old drawer pulses) would hand the next
customer the wrong paper. The recovery is a reprint (:meth:`PrintQueue.reprint_last`, or a receipt rebuilt from
the ledger and submitted as ``kind="reprint"``). For the same reason a job still unprinted after
``max_age`` seconds is dropped, and a drawer pulse older than ``drawer_max_age`` seconds is left out.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from pos.config import DeviceSettings
from pos.devices.escpos_receipt import EscposConfigError, EscposOptions, EscposRenderer
from pos.devices.printer_io import PrinterConnection, PrinterIOError, open_connection, query_status
from pos.devices.printer_status import PrinterStatus, printer_health
from pos.devices.printer_uri import PrinterTarget, PrinterUriError, parse_printer_uri
from pos.devices.receipt_text import Row
from pos.formatting import Formatter
from pos.services.dto import Receipt

log = logging.getLogger(__name__)

JOB_KINDS = ("sale", "gift", "reprint", "drawer", "test", "document")
# Lays a document out for the printer's width in columns (the print thread knows it, the caller does not).
DocumentLayout = Callable[[int], list[Row]]
__all__ = ["JOB_KINDS", "PrintQueue", "PrinterStatus", "printer_health"]


@dataclass(slots=True)
class _Job:
    job_id: int
    kind: str
    receipt: Receipt | None
    open_drawer: bool
    created: float
    attempts: int = 0
    layout: DocumentLayout | None = field(default=None)


StatusCallback = Callable[[PrinterStatus], None]
Connector = Callable[[PrinterTarget], PrinterConnection]


class PrintQueue:
    """Background printing for one printer. Thread-safe; never raises from :meth:`submit`.

    ``target`` None means no printer (jobs are not kept, ``reprint_last`` still remembers). ``config_error``
    starts the queue in the ``error``/``bad_config`` state (the till sells, nothing prints)."""

    def __init__(self, target: PrinterTarget | None, renderer: EscposRenderer | None, *, timeout: float = 5.0,
                 status_check: bool = True, profile: str = "default", connect: Connector | None = None,
                 retry_base: float = 1.0, retry_max: float = 30.0, probe_interval: float = 60.0,
                 max_age: float = 600.0, drawer_max_age: float = 60.0, config_error: str = "") -> None:
        self._target = None if config_error or renderer is None else target
        self._renderer = renderer
        self._timeout = timeout
        self._status_check = status_check
        self._connect = connect or (lambda t: open_connection(t, timeout=timeout, profile=profile))
        self._retry_base, self._retry_max = retry_base, retry_max
        self._probe_interval = probe_interval
        self._max_age, self._drawer_max_age = max_age, drawer_max_age
        self._cond = threading.Condition()
        self._jobs: deque[_Job] = deque()
        self._next_try = 0.0
        self._next_probe = 0.0
        self._stopping = False
        self._conn: PrinterConnection | None = None
        self._ids = 0
        self._last: Receipt | None = None
        self._callbacks: list[StatusCallback] = []
        self._thread: threading.Thread | None = None
        uri = target.uri if target else "none"
        now = datetime.now(UTC)
        if config_error:
            self._status = PrinterStatus("error", "bad_config", config_error, since=now, printer=uri)
        elif target is None or renderer is None:
            self._status = PrinterStatus("disabled", "not_configured", "no receipt printer configured", since=now,
                                         printer=uri)
        else:
            self._status = PrinterStatus("ok", "", "not checked yet", since=now, printer=uri)

    @classmethod
    def from_settings(cls, devices: DeviceSettings, fmt: Formatter, language: str, **kwargs: object) -> PrintQueue:
        """Build from ``[printer]`` settings. A bad URI or option never stops the till: the queue then reports
        ``error``/``bad_config`` with the reason."""
        try:
            target = parse_printer_uri(devices.printer_uri)
            renderer = EscposRenderer(EscposOptions.from_settings(devices, language), fmt)
            timeout = float(devices.printer_timeout_s)
        except (PrinterUriError, EscposConfigError, ValueError) as exc:
            log.error("printer configuration: %s", exc)
            return cls(None, None, config_error=str(exc))
        return cls(target, renderer, timeout=timeout, status_check=bool(devices.printer_status_check),
                   profile=renderer.options.profile, **kwargs)  # type: ignore[arg-type]

    # --- the API the UI uses ------------------------------------------------------------------------------
    @property
    def status(self) -> PrinterStatus:
        with self._cond:
            return self._status

    def on_status(self, callback: StatusCallback) -> None:
        """Call ``callback(PrinterStatus)`` now and on every change (state, reason or pending count). Later
        calls come from the print thread or from the thread that submitted: marshal them to the GUI thread."""
        with self._cond:
            self._callbacks.append(callback)
            status = self._status
        self._notify(status, [callback])

    def start(self) -> None:
        """Start the print thread (it first checks the printer, so the status bar is truthful)."""
        if self._thread is None and self._target is not None:
            self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
            self._thread.start()

    def submit(self, receipt: Receipt, kind: str = "sale", open_drawer: bool = False) -> int | None:
        """Queue ``receipt``: ``sale`` (the ticket), ``gift`` (no prices) or ``reprint`` (marked as a copy, never
        opens the drawer). Returns the job id, or None when no printer is configured. Never blocks."""
        if kind not in ("sale", "gift", "reprint"):
            raise ValueError(f"unknown receipt job kind {kind!r}")
        with self._cond:
            self._last = receipt
        return self._add(kind, receipt, open_drawer and kind != "reprint")

    def submit_document(self, layout: DocumentLayout) -> int | None:
        """Queue a document other than a sale ticket (pick list, pickup receipt…): ``layout(columns)`` gives
        its rows for this printer's width. Returns the job id, or None when no printer is configured."""
        return self._add("document", None, False, layout)

    def submit_report(self, rows: list[Row]) -> int | None:
        """Queue an X or Z report already laid out as rows. Never opens the drawer, never blocks."""
        laid_out = list(rows)
        return self.submit_document(lambda _columns: laid_out)

    def reprint_last(self) -> bool:
        """Queue the last receipt again, marked COPIA / DUPLICADO. False when there is none (after a restart,
        rebuild it from the ledger and ``submit(receipt, kind="reprint")``)."""
        with self._cond:
            last = self._last
        if last is None:
            return False
        return self._add("reprint", last, False) is not None

    def open_drawer(self) -> int | None:
        """Pulse the cash drawer (through the printer) without printing."""
        return self._add("drawer", None, True)

    def print_test_page(self) -> int | None:
        return self._add("test", None, False)

    def retry_now(self) -> None:
        """Try the waiting jobs now instead of at the end of the backoff (a "retry" button)."""
        with self._cond:
            self._next_try = 0.0
            self._next_probe = 0.0
            self._cond.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is pending (tests, or a short grace before quitting). True if idle."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._jobs:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self, timeout: float = 5.0) -> int:
        """Stop the thread, interrupting a send in progress. Returns how many jobs were left unprinted."""
        with self._cond:
            self._stopping = True
            conn = self._conn
            left = len(self._jobs)
            self._cond.notify_all()
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()
        if self._thread is not None:
            self._thread.join(timeout)
        if left:
            log.warning("print queue stopped with %d unprinted job(s)", left)
        return left

    # --- internals ----------------------------------------------------------------------------------------
    def _add(self, kind: str, receipt: Receipt | None, open_drawer: bool,
             layout: DocumentLayout | None = None) -> int | None:
        with self._cond:
            if self._target is None or self._stopping:
                return None
            self._ids += 1
            self._jobs.append(_Job(self._ids, kind, receipt, open_drawer, time.monotonic(), layout=layout))
            self._next_try = 0.0  # a new sale is a good moment to try again
            self._cond.notify_all()
            status = self._status = replace(self._status, pending=len(self._jobs))
            callbacks = list(self._callbacks)
            job_id = self._ids
        self._notify(status, callbacks)
        return job_id

    def _notify(self, status: PrinterStatus, callbacks: list[StatusCallback]) -> None:
        for callback in callbacks:
            try:
                callback(status)
            except Exception:
                log.exception("printer status callback failed")

    def _set_status(self, state: str, code: str = "", detail: str = "", *, printed: bool = False,
                    dropped: int = 0) -> None:
        with self._cond:
            old = self._status
            now = datetime.now(UTC)
            status = replace(old, state=state, code=code, detail=detail, pending=len(self._jobs),
                             since=old.since if old.state == state else now,
                             last_printed=now if printed else old.last_printed, dropped=old.dropped + dropped)
            changed = status != old
            self._status = status
            callbacks = list(self._callbacks)
            self._cond.notify_all()
        if changed:
            if state != old.state or code != old.code:
                level = logging.INFO if state == "ok" else logging.WARNING
                log.log(level, "printer %s: %s %s", status.printer, state, detail)
            self._notify(status, callbacks)

    def _run(self) -> None:
        self._probe()
        while True:
            with self._cond:
                job = None
                while not self._stopping:
                    now = time.monotonic()
                    self._drop_old(now)
                    if self._jobs and now >= self._next_try:
                        job = self._jobs[0]
                        break
                    if not self._jobs and self._probe_interval and now >= self._next_probe:
                        break
                    wake = self._next_try if self._jobs else (self._next_probe if self._probe_interval else None)
                    self._cond.wait(None if wake is None else max(0.0, wake - now))
                if self._stopping:
                    return
            if job is None:
                self._probe()
            else:
                self._attempt(job)

    def _drop_old(self, now: float) -> None:
        """Called with the lock held."""
        old = [job for job in self._jobs if now - job.created > self._max_age]
        if not old:
            return
        for job in old:
            self._jobs.remove(job)
            log.warning("print job %d (%s) dropped after %.0f s unprinted", job.job_id, job.kind, now - job.created)
        self._status = replace(self._status, pending=len(self._jobs), dropped=self._status.dropped + len(old))
        self._cond.notify_all()

    def _render(self, job: _Job) -> bytes:
        assert self._renderer is not None
        drawer = job.open_drawer and time.monotonic() - job.created <= self._drawer_max_age
        if job.open_drawer and not drawer:
            log.info("print job %d: drawer pulse left out, the sale is %.0f s old", job.job_id,
                     time.monotonic() - job.created)
        if job.kind == "drawer":
            return self._renderer.drawer_pulse() if drawer else b""
        if job.kind == "document" and job.layout is not None:
            return self._renderer.render_rows(job.layout(self._renderer.columns))
        if job.kind == "test" or job.receipt is None:
            return self._renderer.test_page()
        return self._renderer.render(job.receipt, gift=job.kind == "gift", copy=job.kind == "reprint",
                                     open_drawer=drawer)

    def _attempt(self, job: _Job) -> None:
        try:
            data = self._render(job)
        except Exception as exc:
            log.exception("print job %d could not be rendered", job.job_id)
            with self._cond:
                if job in self._jobs:
                    self._jobs.remove(job)
            self._set_status("error", "render_failed", f"receipt could not be rendered: {exc}")
            return
        try:
            warning = self._send(data) if data else "ok"
        except PrinterIOError as exc:
            with self._cond:
                job.attempts += 1
                delay = min(self._retry_max, self._retry_base * 2 ** (job.attempts - 1)) * random.uniform(0.8, 1.2)
                self._next_try = time.monotonic() + delay
            log.debug("print job %d: %s; retry in %.1f s", job.job_id, exc.detail, delay)
            if not self._stopping:  # the detail stays the same between retries: no callback storm
                self._set_status("offline" if exc.offline else "error", exc.code, exc.detail)
            return
        with self._cond:
            if job in self._jobs:
                self._jobs.remove(job)
            self._next_try = 0.0
            self._next_probe = time.monotonic() + self._probe_interval
        log.info("print job %d (%s) printed after %d failed attempt(s)", job.job_id, job.kind, job.attempts)
        self._set_status("ok", "" if warning == "ok" else warning, "paper low" if warning == "paper_low" else "",
                         printed=True)

    def _send(self, data: bytes) -> str:
        """Open, check, write, close. Returns ``ok`` or ``paper_low``; raises PrinterIOError."""
        assert self._target is not None
        conn = self._connect(self._target)
        with self._cond:
            self._conn = conn
        try:
            warning = "ok"
            if self._status_check and self._target.can_answer:
                warning = query_status(conn)
            if data:
                conn.write(data)
            conn.finish(min(self._timeout, 2.0))
            return warning
        except OSError as exc:  # a connection closed under us by stop()
            raise PrinterIOError("io_error", str(exc)) from exc
        finally:
            with self._cond:
                self._conn = None
            with contextlib.suppress(OSError):
                conn.close()

    def _probe(self) -> None:
        """Check the printer while idle, so the status bar shows a problem before the next sale."""
        with self._cond:
            self._next_probe = time.monotonic() + self._probe_interval
        try:
            warning = self._send(b"")
        except PrinterIOError as exc:
            if not self._stopping:
                self._set_status("offline" if exc.offline else "error", exc.code, exc.detail)
            return
        self._set_status("ok", "" if warning == "ok" else warning, "paper low" if warning == "paper_low" else "")
