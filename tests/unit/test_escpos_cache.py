"""python-escpos' capabilities pickle goes to a private cache folder of ours, not a new temp dir per start."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pos.devices import escpos_cache


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv(escpos_cache.ENV, raising=False)
    monkeypatch.setattr(escpos_cache, "capabilities_cache_dir", lambda: tmp_path / "cache" / "escpos")
    return tmp_path / "cache" / "escpos"


def test_the_cache_folder_is_made_private_and_named_for_escpos(cache_root: Path) -> None:
    escpos_cache.use_capabilities_cache()
    assert os.environ[escpos_cache.ENV] == str(cache_root)
    if os.name == "posix":
        assert stat.S_IMODE(cache_root.stat().st_mode) == 0o700


def test_a_folder_others_can_write_is_not_used(cache_root: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    cache_root.mkdir(parents=True)
    cache_root.chmod(0o777)
    escpos_cache.use_capabilities_cache()
    assert escpos_cache.ENV not in os.environ


def test_a_folder_named_by_the_environment_is_kept(cache_root: Path, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv(escpos_cache.ENV, str(tmp_path / "elsewhere"))
    escpos_cache.use_capabilities_cache()
    assert os.environ[escpos_cache.ENV] == str(tmp_path / "elsewhere")
    assert not cache_root.exists()


def test_the_real_import_uses_it() -> None:
    import escpos.capabilities

    assert Path(escpos.capabilities.pickle_dir) == Path(os.environ[escpos_cache.ENV])
