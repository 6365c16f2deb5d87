"""Where python-escpos keeps its parsed printer-capabilities database.

On import, python-escpos parses a 1 MB capabilities file (~0.45 s) and pickles the result into
``ESCPOS_CAPABILITIES_PICKLE_DIR`` — by default a fresh ``mkdtemp()`` directory, so the pickle is never
found again and every start of the till leaves one more directory in the system's temp folder. Pointing
it at our own cache directory makes later starts load the pickle instead (~0.2 s saved on every start).
``pos/devices/__init__.py`` calls ``use_capabilities_cache`` before any module of ours imports escpos.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)
ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def capabilities_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("mostrador", "Mostrador")) / "escpos"


def use_capabilities_cache() -> None:
    """Set the pickle directory unless the environment already names one. A pickle is code to
    Python, so the directory is private to the user (0700); if it cannot be made, python-escpos
    keeps its own default."""
    if os.environ.get(ENV):
        return
    target = capabilities_cache_dir()
    try:
        target.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix" and (target.stat().st_mode & 0o077 or target.stat().st_uid != os.getuid()):
            log.warning("not caching printer capabilities in %s: the folder is not private", target)
            return
    except OSError as exc:
        log.warning("not caching printer capabilities: %s", exc)
        return
    os.environ[ENV] = str(target)

