"""Marshals a serial scanner's callbacks (called on its reader thread) into the GUI thread.

``SerialScanner(config, on_scan=bridge.publish_scan, on_status=bridge.publish_status)``: the signals are
emitted from the reader thread and, the bridge living in the GUI thread, delivered there queued — so
``scanned`` can go straight to ``SaleView.scan`` and ``status_changed`` to the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from pos.devices.serial_scanner import ScannerStatus


class ScannerBridge(QObject):
    """Create in the GUI thread; hand ``publish_scan`` / ``publish_status`` to the scanner."""

    scanned = Signal(str)
    status_changed = Signal(object)  # ScannerStatus

    def publish_scan(self, code: str) -> None:  # called on the reader thread
        self.scanned.emit(code)

    def publish_status(self, status: ScannerStatus) -> None:  # called on the reader thread
        self.status_changed.emit(status)
