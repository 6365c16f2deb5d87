"""``[till]`` shift and lock settings and ``[permissions]`` rules from config.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.config import TillSettings, load_settings, write_default_config
from pos.domain.roles import action_roles, rank, roles_at_least


def test_product_defaults_apply_to_a_real_config(tmp_path: Path) -> None:
    assert write_default_config(tmp_path, demo=True)
    till = load_settings(tmp_path).till
    assert till.require_shift and till.idle_lock_seconds == 300
    assert dict(till.permissions)["price_change"] == "manager"
    assert not TillSettings().require_shift  # services built directly (tests) keep the old behaviour


def test_no_config_file_still_requires_a_shift(tmp_path: Path) -> None:
    assert load_settings(tmp_path).till.require_shift


def test_rules_and_switches_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[till]\nrequire_shift = false\nidle_lock_seconds = 0\n[permissions]\nprice_change = "supervisor"\n',
        encoding="utf-8")
    till = load_settings(tmp_path).till
    assert not till.require_shift and till.idle_lock_seconds == 0
    assert till.permissions == (("price_change", "supervisor"),)


@pytest.mark.parametrize("bad", ['[permissions]\nsell_anything = "cashier"\n', '[permissions]\nno_sale = "boss"\n',
                                 "[till]\nidle_lock_seconds = -5\n"])
def test_a_typo_stops_the_start(tmp_path: Path, bad: str) -> None:
    (tmp_path / "config.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError):
        load_settings(tmp_path)


def test_roles_are_ordered() -> None:
    assert rank("cashier") < rank("supervisor") < rank("manager") < rank("admin")
    assert roles_at_least("manager") == ("manager", "admin")
    rules = action_roles({"void_line": "supervisor"})
    assert rules["void_line"] == "supervisor" and rules["ticket_discount"] == rules["line_discount"] == "manager"
