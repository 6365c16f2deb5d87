"""Fill a Qt .ts file from a {source: translation} table and mark entries finished.

Usage: python tools/fill_ts.py resources/i18n/mostrador_es.ts resources/i18n/es_table.py
Entries not in the table stay "unfinished" so that tests/unit/test_translations.py points at them.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, table_path: str) -> int:
    table: dict[str, str | tuple[str, str]] = runpy.run_path(table_path)["TRANSLATIONS"]
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in table and message.get("numerus") == "yes":
            # Plural forms (Spanish: one, other), from a (singular, plural) pair in the table.
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for text in table[source]:
                ET.SubElement(translation, "numerusform").text = text
            translation.attrib.pop("type", None)
        elif source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
        elif not translation.text:
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
