"""Receipt → ESC/POS bytes, rendered with python-escpos' ``Dummy`` printer (nothing is sent here).

The layout comes from :func:`pos.devices.receipt_text.receipt_rows`, so the printed ticket matches the on-screen
preview. Text is always encoded in one fixed code page (CP858 by default: Latin-1 letters plus €). python-escpos'
automatic code page switching is turned off because it picks a page whose € is a different glyph on most printers,
and ``ESC @`` (initialise) resets the printer to page 0, so the page is selected again after every initialise.
"""

from __future__ import annotations

import contextlib
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from escpos.capabilities import CAPABILITIES, NotSupported, get_profile
from escpos.magicencode import Encoder
from escpos.printer import Dummy

from pos.config import DeviceSettings
from pos.devices.receipt_text import Row, receipt_rows
from pos.formatting import Formatter
from pos.services.dto import Receipt

CODE_KINDS = ("qr", "code128", "none")
PAPER_COLUMNS = {58: 32, 80: 48}  # font A; an 80 mm profile that knows better (42 on a TM-T88) wins
# Punctuation that word processors and online stores like, which CP858 lacks.
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                       "…": "...", "•": "*", "\u2009": " ", "\u202f": " "})


class EscposConfigError(ValueError):
    """A ``[printer]`` setting the renderer cannot use (unknown profile, code page missing from the profile…)."""


@dataclass(frozen=True, slots=True)
class EscposOptions:
    """How receipts are laid out and encoded for one printer model."""

    profile: str = "default"
    code_page: str = "CP858"
    paper_mm: int = 80
    columns: int = 0  # 0: from the paper width and the profile
    code: str = "qr"  # qr | code128 | none
    drawer_pin: int = 2  # 2 or 5
    language: str = "es"  # es | en | es_MX (labels)

    @classmethod
    def from_settings(cls, devices: DeviceSettings, language: str) -> EscposOptions:
        return cls(profile=str(devices.printer_profile), code_page=str(devices.printer_code_page),
                   paper_mm=_int(devices.printer_paper_mm, "paper_mm"),
                   columns=_int(devices.printer_columns, "columns"), code=str(devices.printer_code),
                   drawer_pin=_int(devices.printer_drawer_pin, "drawer_pin"), language=language)


def _int(value: object, name: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise EscposConfigError(f"[printer] {name} must be a whole number, not {value!r}") from None


class EscposRenderer:
    """Renders receipts, drawer pulses and a test page to ESC/POS bytes. Thread-safe: every call uses its
    own ``Dummy``. Raises :class:`EscposConfigError` at construction for unusable options."""

    def __init__(self, options: EscposOptions, fmt: Formatter) -> None:
        profiles = CAPABILITIES["profiles"]
        if options.profile not in profiles:
            raise EscposConfigError(f"unknown printer profile {options.profile!r}; known profiles: "
                                    f"{', '.join(sorted(profiles))}")
        profile = get_profile(options.profile)
        pages = profile.get_code_pages()
        code_page = options.code_page.upper()
        if code_page not in pages:
            raise EscposConfigError(f"printer profile {options.profile!r} has no code page {code_page}; "
                                    f"it has: {', '.join(sorted(pages))}")
        if options.paper_mm not in PAPER_COLUMNS:
            raise EscposConfigError(f"[printer] paper_mm must be 58 or 80, not {options.paper_mm}")
        if options.drawer_pin not in (2, 5):
            raise EscposConfigError(f"[printer] drawer_pin must be 2 or 5, not {options.drawer_pin}")
        if options.code not in CODE_KINDS:
            raise EscposConfigError(f"[printer] code must be one of {', '.join(CODE_KINDS)}, not {options.code!r}")
        if options.columns and not 24 <= options.columns <= 80:
            raise EscposConfigError(f"[printer] columns must be 24 to 80 (0: automatic), not {options.columns}")
        self.options = options
        self.code_page = code_page
        self.code_page_number = int(pages[code_page])
        self.columns = options.columns or self._auto_columns(profile)
        self._fmt = fmt
        self._charmap = _encodable(code_page)

    def _auto_columns(self, profile: Any) -> int:
        if self.options.paper_mm == 58:
            return PAPER_COLUMNS[58]
        width_mm = profile.profile_data.get("media", {}).get("width", {}).get("mm")
        if isinstance(width_mm, (int, float)) and width_mm >= 70:
            try:
                return int(profile.get_columns("a"))
            except NotSupported:
                pass
        return PAPER_COLUMNS[80]

    # --- public -------------------------------------------------------------------------------------------
    @property
    def select_code_page(self) -> bytes:
        """``ESC t n`` for the configured code page, as this profile numbers it."""
        return b"\x1bt" + bytes([self.code_page_number])

    def render(self, receipt: Receipt, *, gift: bool = False, copy: bool = False, open_drawer: bool = False) -> bytes:
        """The whole job: initialise, optional drawer pulse, the receipt, the receipt-number code, partial cut."""
        printer = self._start()
        if open_drawer:
            printer.cashdraw(self.options.drawer_pin)
        rows = receipt_rows(receipt, self._fmt, width=self.columns, language=self.options.language, gift=gift,
                            copy=copy)
        self._rows(printer, rows)
        return self._finish(printer)

    def render_rows(self, rows: list[Row]) -> bytes:
        """Any document other than a sale ticket laid out as rows (pick list, pickup receipt, X/Z report):
        initialise, the rows, partial cut."""
        printer = self._start()
        self._rows(printer, rows)
        return self._finish(printer)

    def drawer_pulse(self) -> bytes:
        """Open the cash drawer without printing (the "no sale" key)."""
        printer = self._start()
        printer.cashdraw(self.options.drawer_pin)
        return bytes(printer.output)

    def test_page(self, title: str = "Mostrador") -> bytes:
        """A page for setting a printer up: accents, €, the column ruler and the code."""
        rows = [Row(title, "center", bold=True, big=True), Row(""),
                Row("ñ Ñ á é í ó ú ü Á É Í Ó Ú Ü ¿ ¡ € ç"), Row("¿Año? ¡Señal! Pingüino 12,50 €"),
                Row(f"{self.options.profile} · {self.code_page} · {self.columns} col"),
                Row(("1234567890" * 8)[: self.columns]), Row(""), Row("TEST-000000", "center", code=True)]
        printer = self._start()
        self._rows(printer, rows)
        return self._finish(printer)

    def encode_text(self, text: str) -> bytes:
        """How ``text`` goes on paper in the configured code page (after clean-up), for tests and tools."""
        return bytes(Encoder({self.code_page: self.code_page_number}).encode(self._clean(text), self.code_page))

    # --- internals ----------------------------------------------------------------------------------------
    def _start(self) -> Dummy:
        printer = Dummy(profile=self.options.profile)
        self._initialise(printer)
        return printer

    def _initialise(self, printer: Dummy) -> None:
        """``ESC @`` then the code page again: the initialise resets the printer to page 0, while python-escpos
        still believes the old page is active and would not say it again."""
        printer.hw("INIT")
        printer.magic.encoding = None
        printer.charcode(self.code_page)  # emits ESC t n and turns automatic switching off

    def _finish(self, printer: Dummy) -> bytes:
        printer.set(align="left", bold=False, normal_textsize=True)
        printer.cut(mode="PART")
        return bytes(printer.output)

    def _rows(self, printer: Dummy, rows: list[Row]) -> None:
        style: tuple[str, bool, bool] = ("left", False, False)  # what ESC @ left
        for row in rows:
            if row.code:
                if self.options.code != "none":
                    self._code(printer, row.text)
                    style = ("center", style[1], style[2])
                continue
            text = self._clean(row.text)
            big = row.big and 0 < len(text) <= self.columns // 2
            if (row.align, row.bold, big) != style:
                # only what changed, so the byte stream stays readable in a hex dump
                printer.set(align=row.align if row.align != style[0] else None,
                            bold=row.bold if row.bold != style[1] else None,
                            double_width=big, double_height=big, normal_textsize=big != style[2] and not big)
                style = (row.align, row.bold, big)
            printer.textln(text[: self.columns // 2 if big else self.columns])

    def _code(self, printer: Dummy, content: str) -> None:
        printer.set(align="center")
        profile = printer.profile
        if self.options.code == "qr":
            native = profile.supports("qrCode")
            printer.qr(content, size=6 if self.columns > 32 else 4, native=native)
            if native:
                printer.ln()
            printer.textln(self._clean(content))
            return
        # python-escpos announces its barcode renderer with print(); keep that off the till's stdout.
        with contextlib.redirect_stdout(io.StringIO()):
            printer.barcode("{B" + content, "CODE128", height=60, width=2, pos="BELOW",
                            function_type="B" if profile.supports("barcodeB") else None)

    def _clean(self, text: str) -> str:
        """Printable text in the code page: control characters (a product name from the online store could
        hide an ``ESC p`` that opens the drawer) become spaces, typographic punctuation is folded, letters the
        page lacks lose their accent, anything else becomes ``?``."""
        out = []
        for char in text.translate(_FOLD):
            if ord(char) < 32 or 127 <= ord(char) < 160:
                out.append(" ")
            elif ord(char) < 128 or char in self._charmap:
                out.append(char)
            else:
                base = unicodedata.normalize("NFKD", char)[0]
                out.append(base if base in self._charmap or ord(base) < 128 else "?")
        return "".join(out)


def _encodable(code_page: str) -> frozenset[str]:
    """The non-ASCII characters the code page has (the same table python-escpos encodes with)."""
    encoder = Encoder({code_page: 0})
    return frozenset(char for char in map(chr, range(128, 0x3000)) if encoder.can_encode(code_page, char))
