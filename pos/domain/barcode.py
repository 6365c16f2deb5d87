"""Barcode rules: cleaning scanner input and GS1 check digits (EAN-13, EAN-8, UPC-A)."""

from __future__ import annotations

MAX_BARCODE_LEN = 48  # longer than any GS1 element string we accept in one scan


def gs1_check_digit(body: str) -> str:
    """Mod-10 check digit for a GS1 number without its check digit (any length)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def has_valid_check_digit(code: str) -> bool:
    return len(code) >= 2 and code.isdigit() and gs1_check_digit(code[:-1]) == code[-1]


def clean_scan(raw: str) -> str:
    """Strip what scanners and keyboards add around a code (spaces, CR/LF, tabs, control chars)."""
    return "".join(ch for ch in raw if ch.isprintable()).strip()


def is_gtin_like(code: str) -> bool:
    """All digits with a GTIN length: these must carry a valid check digit."""
    return code.isdigit() and len(code) in (8, 12, 13, 14)


def lookup_variants(code: str) -> list[str]:
    """The forms a GTIN may be stored under (UPC-A as EAN-13 with a leading 0, GTIN-14 without)."""
    variants = [code]
    if code.isdigit():
        if len(code) == 12:
            variants.append("0" + code)
        elif (len(code) == 13 and code.startswith("0")) or (len(code) == 14 and code.startswith("0")):
            variants.append(code[1:])
    return variants


def upc_e_to_upc_a(code: str) -> str | None:
    """Expand an 8-digit UPC-E (number system 0 or 1, with its check digit) to the 12-digit UPC-A.

    Returns None when ``code`` is not shaped like a UPC-E. The check digit is copied, not verified:
    it belongs to the UPC-A, so check the result with ``has_valid_check_digit``.
    """
    if len(code) != 8 or not code.isdigit() or code[0] not in "01":
        return None
    ns, d, check = code[0], code[1:7], code[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check
