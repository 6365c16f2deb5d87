"""Every user-visible string in the code has a finished Spanish translation, compiled in the .qm."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "mostrador_es.ts"
QM = ROOT / "resources" / "i18n" / "mostrador_es.qm"


def _lupdate() -> str:
    return str(Path(sys.executable).with_name("pyside6-lupdate"))


def test_every_ui_string_is_translated_to_spanish(tmp_path: Path) -> None:
    work = tmp_path / "check.ts"
    shutil.copy(TS, work)
    sources = sorted(str(p) for p in (ROOT / "pos").rglob("*.py"))
    subprocess.run([_lupdate(), "-no-obsolete", *sources, "-ts", str(work)], check=True, capture_output=True)
    def done(message: ET.Element) -> bool:
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            return False
        if message.get("numerus") == "yes":  # every plural form written (Spanish: one, other)
            forms = [f.text or "" for f in translation.iter("numerusform")]
            return len(forms) == 2 and all(f.strip() for f in forms)
        return bool((translation.text or "").strip())

    untranslated = [m.findtext("source") for m in ET.parse(work).iter("message") if not done(m)]
    assert untranslated == [], "run `make translations` and add these to resources/i18n/es_table.py"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    lrelease = str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_spanish_translation_loads() -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("SaleView", "PAY (F12)") == "COBRAR (F12)"
    assert translator.translate("Messages", "Unknown barcode: %1") == "Código desconocido: %1"
    assert translator.translate("SyncStatus", "%n pending", None, 1) == "%n pendiente"  # the plural form by count
    assert translator.translate("SyncStatus", "%n pending", None, 3) == "%n pendientes"
