"""Serial scanner framing (pure part of pos/devices/serial_scanner.py) and URI parsing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.devices.serial_scanner import Dropped, Frame, FrameAssembler, SerialScannerConfig, parse_serial_uri


def assembler(**kw: object) -> FrameAssembler:
    return FrameAssembler(SerialScannerConfig(port="/dev/null", **kw))  # type: ignore[arg-type]


def codes(events: list[Frame | Dropped]) -> list[str]:
    return [e.code for e in events if isinstance(e, Frame)]


@pytest.mark.parametrize("data", [
    b"8412345600012\r\n", b"8412345600012\n", b"8412345600012\r", b"8412345600012\n\r", b"\r\n8412345600012\r\n\r\n",
    b"\x028412345600012\x03\r\n", b"  8412345600012 \r\n",
])
def test_terminator_variants_give_one_frame(data: bytes) -> None:
    assert assembler().feed(data, 0.0) == [Frame("8412345600012")]


def test_partial_frame_then_completion() -> None:
    asm = assembler()
    assert asm.feed(b"841234", 0.0) == []
    assert asm.tick(0.5) == []
    assert asm.feed(b"5600012\r\n96385074\r\n", 0.6) == [Frame("8412345600012"), Frame("96385074")]


def test_unfinished_frame_is_dropped_after_the_timeout() -> None:
    asm = assembler(frame_timeout=0.3)
    asm.feed(b"84123", 0.0)
    assert asm.tick(0.31) == [Dropped("partial", b"84123")]
    assert asm.feed(b"96385074\r\n", 0.4) == [Frame("96385074")]


def test_without_terminators_a_pause_ends_the_frame() -> None:
    asm = assembler(terminators=b"", frame_timeout=0.05)
    asm.feed(b"96385074", 0.0)
    assert asm.tick(0.01) == []
    assert asm.tick(0.06) == [Frame("96385074")]


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x00\xff\xfe\x13\r\n", "noise"),
    (b"84123\x8056\r\n", "noise"),
    (b"@@@@\r\n", "noise"),  # printable, but no barcode is made of it
    (b"9" * 500 + b"\r\n", "too_long"),
])
def test_garbage_is_dropped_and_the_next_frame_still_reads(data: bytes, reason: str) -> None:
    events = assembler().feed(data + b"96385074\r\n", 0.0)
    assert [e.reason for e in events if isinstance(e, Dropped)] == [reason]
    assert codes(events) == ["96385074"]


def test_an_overlong_line_is_dropped_once_and_entirely() -> None:
    asm = assembler(max_frame=16)
    events = asm.feed(b"1" * 40, 0.0) + asm.feed(b"2" * 40 + b"\r\n" + b"MOS-00042\r\n", 0.1)
    assert [type(e) for e in events] == [Dropped, Frame]
    assert codes(events) == ["MOS-00042"]


def test_misreads_are_passed_on_so_the_cashier_hears_about_them() -> None:
    assert assembler().feed(b"8412345600013\r\n", 0.0) == [Frame("8412345600013")]  # wrong check digit


def test_gs1_frames_keep_their_group_separators_and_prefix_suffix_are_stripped() -> None:
    asm = assembler(prefix="*", suffix="#")
    frame = b"*]C10109501101020917" + b"10AB\x1d" + b"17260131#\r\n"
    assert codes(asm.feed(frame, 0.0)) == ["]C1010950110102091710AB\x1d17260131"]


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.binary(max_size=80), max_size=20))
def test_any_bytes_in_any_chunks_never_crash_and_frames_are_clean(chunks: list[bytes]) -> None:
    asm = assembler()
    for i, chunk in enumerate(chunks):
        for event in asm.feed(chunk, i * 0.01) + asm.tick(i * 0.5):
            if isinstance(event, Frame):
                assert event.code and "\r" not in event.code and "\n" not in event.code
                assert all(ch.isprintable() or ch == "\x1d" for ch in event.code)
                assert len(event.code) <= 128


@pytest.mark.parametrize(("uri", "port", "baudrate", "parity"), [
    ("serial:///dev/ttyACM0?baudrate=9600", "/dev/ttyACM0", 9600, "N"),
    ("serial:///dev/ttyUSB1", "/dev/ttyUSB1", 9600, "N"),
    ("serial://COM3?baudrate=115200&parity=e", "COM3", 115200, "E"),
])
def test_uris(uri: str, port: str, baudrate: int, parity: str) -> None:
    cfg = parse_serial_uri(uri)
    assert (cfg.port, cfg.baudrate, cfg.parity) == (port, baudrate, parity)


def test_uri_overrides_from_config() -> None:
    cfg = parse_serial_uri("serial:///dev/ttyACM0?baudrate=9600", terminators="\r", prefix="*")
    assert (cfg.terminators, cfg.prefix) == (b"\r", "*")


@pytest.mark.parametrize("uri", ["keyboard", "serial://", "serial:///dev/x?baudrate=fast", "serial:///dev/x?speed=1",
                                 "tcp://host:9100", "serial:///dev/x?parity=Q"])
def test_bad_uris(uri: str) -> None:
    with pytest.raises(ValueError):
        parse_serial_uri(uri)
