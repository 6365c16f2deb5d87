"""Every recorded WooCommerce exchange replayed against the sandbox (see contract.py)."""

from __future__ import annotations

import pytest

from sync.sandbox import SandboxServer

from . import scenarios_orders, scenarios_people, scenarios_products  # noqa: F401 - they register scenarios
from .conftest import Client
from .contract import CONTRACTS_DIR, SCENARIOS, Ctx, Recording, compare, recording_names

pytestmark = pytest.mark.skipif(not CONTRACTS_DIR.is_dir(), reason=f"no recordings at {CONTRACTS_DIR}")


def test_every_recording_has_a_scenario() -> None:
    names = recording_names()
    assert len(names) >= 60
    assert sorted(set(names) - set(SCENARIOS)) == []
    assert sorted(set(SCENARIOS) - set(names)) == []


@pytest.mark.parametrize("name", recording_names())
def test_recording(name: str, server: SandboxServer, client: Client) -> None:
    ctx = Ctx(server, client)
    rec = Recording.load(name)
    SCENARIOS[name](ctx, rec)
    assert name in ctx.checked, "the scenario must compare the recorded exchange"


def test_compare_reports_key_type_and_value_differences() -> None:
    recorded = {"id": 1, "total": "9.90", "line_items": [{"price": 4.5, "meta_data": [{"id": 7, "key": "k"}]}]}
    assert compare(recorded, recorded) == []
    assert compare({**recorded, "extra": 1}, recorded) == ["$: keys +['extra'] -[]"]
    assert compare({**recorded, "total": 9.9}, recorded) == ["$.total: type number != recorded string (9.9 vs '9.90')"]
    changed = {**recorded, "line_items": [{"price": 4.6, "meta_data": [{"id": 8, "key": "k"}]}]}
    assert compare(changed, recorded) == ["$.line_items[0].price: 4.6 != recorded 4.5"]  # meta ids are ignored
    assert compare(changed, recorded, values=False) == []
