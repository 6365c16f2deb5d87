"""What the outbox keeps about a refusal (``pos/domain/sync_reason.py``): it reads back as written,
old plain-text reasons still read, and nothing stored exceeds the column's budget."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.sync_reason import MAX_CHARS, SyncReason, reason

texts = st.text(max_size=3000)


@given(code=st.text(max_size=60), detail=texts, status=st.none() | st.integers(100, 599),
       params=st.dictionaries(st.text(max_size=20), st.text(max_size=80), max_size=4))
def test_a_reason_reads_back_as_written(code: str, detail: str, status: int | None, params: dict[str, str]) -> None:
    stored = SyncReason(code, detail, status, params).encode()
    assert len(stored) <= MAX_CHARS
    back = SyncReason.decode(stored)
    assert back is not None
    assert (back.code, back.status, dict(back.params)) == (code, status, params)
    if back.detail != detail:  # shortened to fit: the start survives, marked as cut
        assert back.detail.endswith("…") and detail.startswith(back.detail[:-1])


def test_params_are_text_and_none_is_left_out() -> None:
    r = reason("unknown_product", "unknown product in line 2 (X)", 400, line=2, product="X", order=None)
    assert r.params == {"line": "2", "product": "X"}
    assert SyncReason.decode(r.encode()) == r
    assert r.line() == "400 unknown_product unknown product in line 2 (X)"


def test_text_stored_before_reasons_had_codes_reads_as_a_detail() -> None:
    assert SyncReason.decode("400 woocommerce_rest_invalid_id Invalid ID.") == SyncReason(
        detail="400 woocommerce_rest_invalid_id Invalid ID.")
    assert SyncReason.decode('{"not": "a reason"}') == SyncReason(detail='{"not": "a reason"}')
    assert SyncReason.decode("{broken") == SyncReason(detail="{broken")
    assert SyncReason.decode(None) is None and SyncReason.decode("") is None


def test_odd_stored_fields_are_ignored_not_trusted() -> None:
    stored = json.dumps({"code": "x", "detail": "d", "status": "500", "params": ["a"]})
    assert SyncReason.decode(stored) == SyncReason("x", "d", None, {})
    assert SyncReason.decode(json.dumps({"code": "x", "detail": "d", "status": True})) == SyncReason("x", "d")
