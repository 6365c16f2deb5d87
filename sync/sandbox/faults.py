"""Injected faults for sync tests. Thread-safe; tests flip the attributes directly.

* ``latency_s``: every API request sleeps this long before it is handled.
* ``fail_5xx_next``: the next N API requests answer 503 without touching data.
* ``rate_limit_next``: the next N API requests answer 429 with ``Retry-After: 1``.
* ``drop_after_commit_next``: the next N write requests (POST/PUT/PATCH/DELETE) are fully
  handled and committed, then the connection is closed without any response.
* ``down``: API connections are closed without any response (clients see a connection
  error, like an unreachable store); ``/__sandbox/*`` keeps answering so tests can recover.

"API requests" are everything under ``/wp-json``; the admin endpoints are never faulted.
"""

from __future__ import annotations

import threading
from typing import Any

_FIELDS = ("latency_s", "fail_5xx_next", "rate_limit_next", "drop_after_commit_next", "down")


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latency_s: float = 0.0
        self.fail_5xx_next: int = 0
        self.rate_limit_next: int = 0
        self.drop_after_commit_next: int = 0
        self.down: bool = False

    def reset(self) -> None:
        with self._lock:
            self.latency_s = 0.0
            self.fail_5xx_next = 0
            self.rate_limit_next = 0
            self.drop_after_commit_next = 0
            self.down = False

    def _take(self, name: str) -> bool:
        with self._lock:
            left = int(getattr(self, name))
            if left > 0:
                setattr(self, name, left - 1)
                return True
            return False

    def take_rate_limit(self) -> bool:
        return self._take("rate_limit_next")

    def take_5xx(self) -> bool:
        return self._take("fail_5xx_next")

    def take_drop(self) -> bool:
        return self._take("drop_after_commit_next")

    def update(self, values: dict[str, Any]) -> None:
        """Apply a JSON dict from ``POST /__sandbox/faults`` (``{"reset": true}`` resets first)."""
        if values.get("reset"):
            self.reset()
        with self._lock:
            for name in _FIELDS:
                if name not in values:
                    continue
                value = values[name]
                if name == "down":
                    self.down = bool(value)
                elif name == "latency_s":
                    self.latency_s = max(0.0, float(value))
                else:
                    setattr(self, name, max(0, int(value)))

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {name: getattr(self, name) for name in _FIELDS}
