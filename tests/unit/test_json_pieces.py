"""sync.json_pieces: the same values and errors as ``json``, with pauses between the outer elements."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import json_pieces

CONTRACTS = Path(os.environ.get("MOSTRADOR_WOO_CONTRACTS", Path(__file__).resolve().parents[3] / "shared" /
                                "contracts" / "woocommerce"))

scalars = (st.none() | st.booleans() | st.integers() | st.text()
           | st.floats(allow_nan=False, allow_infinity=False))
documents = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5)
                         | st.dictionaries(st.text(max_size=8), inner, max_size=5), max_leaves=40)
layouts = st.sampled_from([{}, {"indent": 2}, {"separators": (",", ":")}, {"indent": "\t", "sort_keys": True}])


@pytest.fixture
def always_piecewise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_pieces, "PIECEWISE_FROM_CHARS", 0)


def _recorded_bodies() -> list[Any]:
    bodies = []
    for path in sorted(CONTRACTS.glob("*.json")):
        response = json.loads(path.read_text(encoding="utf-8")).get("response")
        if isinstance(response, dict) and response.get("body") is not None:
            bodies.append(response["body"])
    return bodies


def test_every_recorded_answer_decodes_and_encodes_as_json_does(always_piecewise: None) -> None:
    bodies = _recorded_bodies()
    assert len(bodies) > 40, f"recordings not found in {CONTRACTS}"
    for body in bodies:
        for layout in ({}, {"indent": 1}, {"ensure_ascii": False}):
            text = json.dumps(body, **layout)
            assert json_pieces.loads(text) == json.loads(text)
        assert json_pieces.dumps(body) == json.dumps(body, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(documents, layouts)
def test_any_document_decodes_as_json_does(document: Any, layout: dict[str, Any]) -> None:
    text = f" \n{json.dumps(document, **layout)}\t "
    before = json_pieces.PIECEWISE_FROM_CHARS
    json_pieces.PIECEWISE_FROM_CHARS = 0  # hypothesis runs a test many times per fixture: set it here
    try:
        assert json_pieces.loads(text) == json.loads(text)
        assert json_pieces.dumps(document) == json.dumps(document, allow_nan=False)
    finally:
        json_pieces.PIECEWISE_FROM_CHARS = before


@settings(max_examples=300, deadline=None)
@given(documents, st.integers(min_value=0), st.sampled_from(["", "x", ",", "]", "}", "{", " ,1"]))
def test_a_broken_document_fails_where_json_fails(document: Any, cut: int, tail: str) -> None:
    text = json.dumps({"create": [document, document], "update": [1]}, indent=1)
    broken = text[:cut % len(text)] + tail
    before = json_pieces.PIECEWISE_FROM_CHARS
    json_pieces.PIECEWISE_FROM_CHARS = 0
    try:
        try:
            expected: Any = json.loads(broken)
        except json.JSONDecodeError as exc:
            with pytest.raises(json.JSONDecodeError) as got:
                json_pieces.loads(broken)
            assert (got.value.msg, got.value.pos) == (exc.msg, exc.pos)
        else:
            assert json_pieces.loads(broken) == expected
    finally:
        json_pieces.PIECEWISE_FROM_CHARS = before


@pytest.mark.parametrize("text", ["[1,]", '{"a" 1}', '{"a": 1,}', "[1 2]", '{"a": 1} x', "[", "", " ", "{1: 2}",
                                  '["\\x"]', "[NaN, Infinity]"])
def test_malformed_text_gives_jsons_error(always_piecewise: None, text: str) -> None:
    try:
        expected = json.loads(text)
    except json.JSONDecodeError as exc:
        with pytest.raises(json.JSONDecodeError) as got:
            json_pieces.loads(text)
        assert (got.value.msg, got.value.pos) == (exc.msg, exc.pos)
    else:  # NaN and Infinity are accepted by json.loads, so here too
        assert json.dumps(json_pieces.loads(text)) == json.dumps(expected)


def test_what_json_cannot_write_fails_the_same_way() -> None:
    for value in ([1, math.nan], {"a": [math.inf]}):
        with pytest.raises(ValueError):
            json_pieces.dumps(value)
    for value in ([{1, 2}], {"a": object()}, {(1, 2): 3}):
        with pytest.raises(TypeError):
            json_pieces.dumps(value)
    keys = {1: "a", 2.5: "b", False: "c", None: "d", "e": {3: 4}}
    assert json_pieces.dumps(keys) == json.dumps(keys)


def test_a_page_pauses_between_products_and_a_batch_answer_between_orders() -> None:
    product = {"id": 1, "name": "Café molido 250 g", "description": "x" * 300, "meta_data": [{"key": "k"}]}
    page = json.dumps([product] * 100)
    assert len(page) > json_pieces.PIECEWISE_FROM_CHARS
    pauses = []
    assert json_pieces.loads(page, lambda: pauses.append(1)) == [product] * 100
    assert len(pauses) == 100

    answer = {"create": [product] * 60, "update": [product] * 40}
    pauses.clear()
    assert json_pieces.loads(json.dumps(answer), lambda: pauses.append(1)) == answer
    assert len(pauses) == 60 + 40 + 2  # each order, and each of the two lists

    pauses.clear()
    assert json_pieces.dumps(answer, lambda: pauses.append(1)) == json.dumps(answer)
    assert len(pauses) == 102


def test_a_small_answer_is_one_call_without_pauses() -> None:
    pauses = []
    assert json_pieces.loads('[{"id": 1}, {"id": 2}]', lambda: pauses.append(1)) == [{"id": 1}, {"id": 2}]
    assert pauses == []
