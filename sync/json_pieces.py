"""JSON decoded and encoded a piece at a time, with a pause between pieces.

``json.loads`` and ``json.dumps`` run in C and keep the GIL for the whole document: 3-6 ms for a page of
100 products or a batch answer of 100 orders on the till's machine. A sale committed on the GUI thread
meanwhile waits that long for the GIL each time its SQLite calls let go of it. Here the outer two levels
(the page's array, the batch answer's ``create`` list) are walked in Python and each element is handed to
the C decoder or encoder on its own: the GIL changes hands between elements (tens of microseconds each),
and ``pause`` (``yield_to_till``) lets a busy till go first. The result is the same as ``json.loads`` /
``json.dumps``, and so are the errors (``json.JSONDecodeError``, ``ValueError`` for NaN, ``TypeError``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.decoder import WHITESPACE, JSONDecodeError, scanstring
from typing import Any

# Below this size a document decodes or encodes in well under a millisecond: one C call is better.
PIECEWISE_FROM_CHARS = 16_384
# Walked in Python: the outer value and, in an outer object, its values. A list's elements (products, orders)
# go to C whole: a page is a list of products, a batch answer an object of lists of orders.
DEPTH = 2

_DECODER = json.JSONDecoder()
_ENCODER = json.JSONEncoder(allow_nan=False)  # as requests encodes ``json=`` bodies


def _nothing() -> None:
    return None


def loads(text: str, pause: Callable[[], None] = _nothing) -> Any:
    """``json.loads(text)`` for a ``str``, calling ``pause`` between the elements of the outer levels."""
    if len(text) < PIECEWISE_FROM_CHARS:
        return json.loads(text)
    value, end = _value(text, WHITESPACE.match(text, 0).end(), DEPTH, pause)
    end = WHITESPACE.match(text, end).end()
    if end != len(text):
        raise JSONDecodeError("Extra data", text, end)
    return value


def _value(s: str, i: int, depth: int, pause: Callable[[], None]) -> tuple[Any, int]:
    """The value starting at ``s[i]`` (no whitespace before it) and the index just after it."""
    if depth:
        opener = s[i:i + 1]
        if opener == "[":
            return _array(s, i + 1, pause)
        if opener == "{":
            return _object(s, i + 1, depth - 1, pause)
    return _DECODER.raw_decode(s, i)


def _array(s: str, i: int, pause: Callable[[], None]) -> tuple[list[Any], int]:
    out: list[Any] = []
    i = WHITESPACE.match(s, i).end()
    if s[i:i + 1] == "]":
        return out, i + 1
    while True:
        item, i = _value(s, i, 0, pause)  # an element (a product, an order) in one C call
        out.append(item)
        pause()
        i, closed = _after_item(s, i, "]")
        if closed:
            return out, i


def _object(s: str, i: int, depth: int, pause: Callable[[], None]) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    i = WHITESPACE.match(s, i).end()
    if s[i:i + 1] == "}":
        return out, i + 1
    while True:
        if s[i:i + 1] != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
        key, i = scanstring(s, i + 1)
        i = WHITESPACE.match(s, i).end()
        if s[i:i + 1] != ":":
            raise JSONDecodeError("Expecting ':' delimiter", s, i)
        i = WHITESPACE.match(s, i + 1).end()
        out[key], i = _value(s, i, depth, pause)
        pause()
        i, closed = _after_item(s, i, "}")
        if closed:
            return out, i


def _after_item(s: str, i: int, closer: str) -> tuple[int, bool]:
    """After a container's item: past the closer (True), or at the next item after a comma (False)."""
    i = WHITESPACE.match(s, i).end()
    mark = s[i:i + 1]
    if mark == closer:
        return i + 1, True
    if mark != ",":
        raise JSONDecodeError("Expecting ',' delimiter", s, i)
    return WHITESPACE.match(s, i + 1).end(), False


def dumps(value: Any, pause: Callable[[], None] = _nothing) -> str:
    """``json.dumps(value, allow_nan=False)``, calling ``pause`` between the elements of the outer levels."""
    parts: list[str] = []
    _encode(value, DEPTH, pause, parts)
    return "".join(parts)


def _encode(value: Any, depth: int, pause: Callable[[], None], parts: list[str]) -> None:
    if depth and type(value) is list and value:  # subclasses go to the C encoder whole
        parts.append("[")
        for n, item in enumerate(value):
            if n:
                parts.append(", ")
            _encode(item, 0, pause, parts)
            pause()
        parts.append("]")
    elif depth and type(value) is dict and value:
        parts.append("{")
        for n, (key, item) in enumerate(value.items()):
            if n:
                parts.append(", ")
            parts.append(_ENCODER.encode(_key(key)))
            parts.append(": ")
            _encode(item, depth - 1, pause, parts)
            pause()
        parts.append("}")
    else:
        parts.append(_ENCODER.encode(value))


def _key(key: object) -> str:
    """A dict key as ``json.dumps`` writes it (``str``, numbers and booleans; anything else is a TypeError)."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int | float):
        return _ENCODER.encode(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
