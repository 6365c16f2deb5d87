"""The per-run scratch folder under the bench cache: made at the start, removed at the end unless kept."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def scratch_dir(cache: Path, *, keep: bool, say: Callable[[str], None]) -> Iterator[Path]:
    cache.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=cache))
    try:
        yield scratch
    finally:
        if keep:
            say(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
