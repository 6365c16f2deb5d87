"""``[scanner]`` in config.toml: defaults, custom layouts, and refusing a broken layout at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.config import ScannerSettings, load_settings
from pos.domain.scan import ScanKind, parse_scan


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_are_spanish_weighed_labels_and_a_35_ms_wedge(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, '[scanner]\nuri = "keyboard"\n'))
    scanner = settings.devices.scanner
    assert scanner == ScannerSettings()
    assert (scanner.max_gap_ms, scanner.min_length, scanner.terminators) == (35, 6, "\r\n")
    result = parse_scan("2012345012349", scanner.scan_rules("EUR"))
    assert result.kind is ScanKind.VARIABLE_MEASURE and result.item_code == "2012345"


def test_custom_scanner_section(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, """
[scanner]
uri = "serial:///dev/ttyACM0?baudrate=9600"
prefix = "*"
suffix = "#"
max_gap_ms = 50
min_length = 8
terminators = "\\r"
variable_measure = ["22 IIIII $$$$$ C", "2P IIIII WWWWW C"]
"""))
    scanner = settings.devices.scanner
    assert settings.devices.scanner_uri == "serial:///dev/ttyACM0?baudrate=9600"
    assert (scanner.prefix, scanner.suffix, scanner.max_gap_ms, scanner.min_length, scanner.terminators) == (
        "*", "#", 50, 8, "\r")
    assert parse_scan("2200001003477", scanner.scan_rules("EUR")).price_minor == 347


@pytest.mark.parametrize("line", ['variable_measure = ["2PIIIIIWWWWW"]', "max_gap_ms = 0", 'min_length = "x"'])
def test_a_broken_scanner_section_stops_the_start_with_a_clear_message(tmp_path: Path, line: str) -> None:
    with pytest.raises(ValueError, match=r"\[scanner\]"):
        load_settings(write(tmp_path, f"[scanner]\n{line}\n"))
