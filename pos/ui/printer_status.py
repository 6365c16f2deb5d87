"""The receipt printer in the status bar: state in words, from the print thread via a queued signal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos.devices.printer_status import PrinterStatus


class PrinterStatusBridge(QObject):
    changed = Signal(object)

    def publish(self, status: PrinterStatus) -> None:  # any thread
        self.changed.emit(status)


def printer_text(status: PrinterStatus | None) -> tuple[str, str]:
    """(text, colour); the words carry the meaning, the colour repeats it."""
    if status is None or status.state == "disabled":
        return QCoreApplication.translate("Printer", "● Printer: none configured"), "#6b7280"
    reasons = {
        "paper_low": QCoreApplication.translate("Printer", "paper running low"),
        "refused": QCoreApplication.translate("Printer", "off or unplugged"),
        "timeout": QCoreApplication.translate("Printer", "not answering"),
        "unreachable": QCoreApplication.translate("Printer", "cannot be reached"),
        "disconnected": QCoreApplication.translate("Printer", "disconnected"),
        "no_device": QCoreApplication.translate("Printer", "not connected"),
        "no_answer": QCoreApplication.translate("Printer", "not answering"),
        "paper_out": QCoreApplication.translate("Printer", "out of paper"),
        "cover_open": QCoreApplication.translate("Printer", "cover open"),
        "printer_error": QCoreApplication.translate("Printer", "printer error"),
        "printer_offline": QCoreApplication.translate("Printer", "offline"),
        "usb_support_missing": QCoreApplication.translate("Printer", "USB support not installed"),
        "permission": QCoreApplication.translate("Printer", "no permission to use the port"),
        "io_error": QCoreApplication.translate("Printer", "communication error"),
        "bad_config": QCoreApplication.translate("Printer", "wrong settings"),
        "render_failed": QCoreApplication.translate("Printer", "could not prepare the receipt"),
    }
    if status.state == "ok":
        text = QCoreApplication.translate("Printer", "● Printer: ready")
        colour = "#0b6e2f"
        if status.code == "paper_low":
            text, colour = QCoreApplication.translate("Printer", "● Printer: ready, paper running low"), "#b45309"
    else:
        reason = reasons.get(status.code, status.code or status.state)
        text = QCoreApplication.translate("Printer", "● Printer: %1").replace("%1", reason)
        colour = "#b3261e" if status.state == "error" else "#b45309"
    if status.pending:
        text += " · " + QCoreApplication.translate("Printer", "%1 waiting").replace("%1", str(status.pending))
    return text, colour
