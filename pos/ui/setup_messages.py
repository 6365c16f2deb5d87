"""Words for the setup wizard's refusals (``SetupError`` reasons, pos/services/first_run.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def setup_message(reason: str, params: dict[str, Any]) -> str:
    texts = {
        "store_name": QCoreApplication.translate(
            "SetupMessages", "The shop's name is needed (it is on every receipt)."),
        "store_id": QCoreApplication.translate(
            "SetupMessages", "The shop code is 1 to 6 letters or digits, e.g. S01."),
        "till_id": QCoreApplication.translate(
            "SetupMessages", "The till number is 1 to 6 letters or digits, e.g. T01."),
        "admin_name": QCoreApplication.translate(
            "SetupMessages", "The administrator's name is needed."),
        "pin_format": QCoreApplication.translate(
            "SetupMessages", "The PIN must be 4 to 8 digits."),
        "pin_mismatch": QCoreApplication.translate(
            "SetupMessages", "The two PINs are not the same."),
        "printer_uri": QCoreApplication.translate(
            "SetupMessages", "That printer address cannot be used: %1"),
        "scanner_uri": QCoreApplication.translate(
            "SetupMessages", "Choose the keyboard scanner or a serial port."),
        "already_set_up": QCoreApplication.translate(
            "SetupMessages", "This till was already set up: an admin changes the settings from the till."),
    }
    text = texts.get(reason, QCoreApplication.translate("SetupMessages", "Check this step's answers."))
    return text.replace("%1", str(params.get("detail", "")))
