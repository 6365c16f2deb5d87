"""Finding receipt printers for the setup wizard: serial ports, USB printers, /dev/usb/lp*, and ESC/POS
network printers (raw port 9100) on this PC's local /24 network; and printing one test page. Blocking calls:
the UI runs them on a worker thread."""

from __future__ import annotations

import logging
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from ipaddress import IPv4Address, IPv4Network
from pathlib import Path

from pos.config import DeviceSettings
from pos.devices.print_queue import PrintQueue
from pos.devices.printer_status import PrinterStatus
from pos.formatting import Formatter

log = logging.getLogger(__name__)
RAW_PORT = 9100
USB_PRINTER_CLASS = 7


@dataclass(frozen=True, slots=True)
class FoundPrinter:
    uri: str
    label: str  # English, for IT: "Serial /dev/ttyUSB0 (FT232R)", "USB 04b8:0202", "Network 192.168.1.50"


def serial_printers() -> list[FoundPrinter]:
    from serial.tools import list_ports

    return [FoundPrinter(f"escpos+serial://{p.device}?baudrate=19200",
                         f"Serial {p.device}" + (f" ({p.description})" if p.description not in ("", "n/a") else ""))
            for p in sorted(list_ports.comports(), key=lambda p: p.device)]


def usb_printers() -> list[FoundPrinter]:
    """USB devices with a printer-class interface (needs libusb; none found without it)."""
    found = []
    try:
        import usb.core

        for dev in usb.core.find(find_all=True) or []:
            classes = {intf.bInterfaceClass for cfg in dev for intf in cfg}
            if USB_PRINTER_CLASS in classes or dev.bDeviceClass == USB_PRINTER_CLASS:
                found.append(FoundPrinter(f"escpos+usb://{dev.idVendor:04x}:{dev.idProduct:04x}",
                                          f"USB {dev.idVendor:04x}:{dev.idProduct:04x}"))
    except Exception as exc:  # no libusb, no permission: the other kinds are still listed
        log.info("USB printers not listed: %s", type(exc).__name__)
    found += [FoundPrinter(f"file://{p}", f"USB line printer {p}") for p in sorted(Path("/dev/usb").glob("lp*"))]
    return found


def local_network() -> IPv4Network | None:
    """This PC's /24, from the address it would use to reach the outside (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address = IPv4Address(probe.getsockname()[0])
    except OSError:
        return None
    if address.is_loopback or address.is_link_local:
        return None
    return IPv4Network(f"{address}/24", strict=False)


def _answers(host: str, port: int, timeout: float) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def network_printers(network: IPv4Network | None = None, *, port: int = RAW_PORT, timeout: float = 0.4,
                     workers: int = 64) -> list[FoundPrinter]:
    """Hosts of the local /24 (or ``network``) that accept a connection on the raw printing port."""
    net = network or local_network()
    if net is None or net.num_addresses > 1024:
        return []
    hosts = [str(h) for h in net.hosts()] if net.num_addresses > 1 else [str(net.network_address)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        up = list(pool.map(lambda h: _answers(h, port, timeout), hosts))
    suffix = "" if port == RAW_PORT else f":{port}"
    return [FoundPrinter(f"escpos+tcp://{h}{suffix}" if suffix else f"escpos+tcp://{h}:{RAW_PORT}",
                         f"Network {h}{suffix}") for h, ok in zip(hosts, up, strict=True) if ok]


def print_test_page(devices: DeviceSettings, uri: str, *, language: str = "es", timeout: float = 8.0
                    ) -> PrinterStatus:
    """Print the test page on ``uri`` with a short-lived print queue; the status it ended in says whether it
    printed (``ok``) or why not."""
    settings = replace(devices, printer_uri=uri, printer_timeout_s=min(devices.printer_timeout_s, timeout))
    queue = PrintQueue.from_settings(settings, Formatter("es_ES" if language == "es" else "en_US"), language,
                                     retry_base=timeout, retry_max=timeout)
    if queue.status.state in ("error", "disabled"):
        return queue.status
    queue.start()
    try:
        queue.print_test_page()
        queue.wait_idle(timeout)
        return queue.status
    finally:
        queue.stop(1.0)
