"""What the till says about its receipt printer: the status the print queue reports, and the ``--diagnose``
line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos.config import DeviceSettings
from pos.devices.escpos_receipt import EscposConfigError, EscposOptions, EscposRenderer
from pos.devices.printer_io import PrinterIOError, open_connection, query_status
from pos.devices.printer_uri import PrinterUriError, parse_printer_uri
from pos.formatting import Formatter
from pos.services.dto import HealthLine


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What the status bar says about the receipt printer.

    ``state``: ``ok``, ``offline`` (cannot reach it), ``error`` (reached, but it cannot print, or the set-up is
    wrong) or ``disabled`` (``uri = "none"``). ``code`` is stable, for translated messages: ``""`` or
    ``paper_low`` when ok; ``refused``, ``timeout``, ``unreachable``, ``disconnected``, ``no_device``,
    ``no_answer`` when offline; ``paper_out``, ``cover_open``, ``printer_error``, ``printer_offline``,
    ``usb_support_missing``, ``permission``, ``io_error``, ``bad_config``, ``render_failed`` on error;
    ``not_configured`` when disabled. ``detail`` is English, for logs and IT."""

    state: str
    code: str = ""
    detail: str = ""
    pending: int = 0
    since: datetime | None = None  # when this state began (UTC)
    printer: str = ""  # the configured URI
    last_printed: datetime | None = None
    dropped: int = 0  # jobs given up because they were too old (reprint is the recovery)

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def printer_health(devices: DeviceSettings, *, timeout: float = 2.0) -> HealthLine:
    """The ``printer`` line of ``--diagnose``: FAIL for a configuration that cannot work, WARN when the printer
    cannot be reached or cannot print (the till still sells), OK when it answered."""
    try:
        target = parse_printer_uri(devices.printer_uri)
        EscposRenderer(EscposOptions.from_settings(devices, "es"), Formatter("es_ES"))
    except (PrinterUriError, EscposConfigError) as exc:
        return HealthLine("FAIL", "printer", str(exc))
    if target is None:
        return HealthLine("WARN", "printer", "no receipt printer configured ([printer] uri)")
    try:
        conn = open_connection(target, timeout=timeout, profile=str(devices.printer_profile))
        try:
            state = query_status(conn) if target.can_answer and devices.printer_status_check else "ok"
        finally:
            conn.close()
    except PrinterIOError as exc:
        return HealthLine("WARN", "printer", f"{target.uri}: {exc.detail}")
    if state == "paper_low":
        return HealthLine("WARN", "printer", f"{target.uri}: paper low")
    return HealthLine("OK", "printer", f"{target.uri}: ready")
