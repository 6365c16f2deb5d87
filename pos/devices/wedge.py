"""Telling a keyboard-wedge scanner from a person typing, by key timing. Pure: no Qt, no clock of its own.

A wedge scanner "types" a code as a burst of keys a few milliseconds apart, ending in Enter (or Tab);
people leave 80–250 ms between keys. ``WedgeDetector`` is fed every key press with its time and
answers, per key, what to do with it:

- ``HOLD``: keep the key back for now (it may be the start of a scan);
- ``PASS``: deliver it normally;
- ``SCAN``: a scan is complete; swallow this key and use ``code``;
- ``DROP``: swallow this key (the Enter a scanner sends after a suffix-terminated code).

Every decision may also carry ``replay``: keys held earlier that turned out to be typing, to deliver
*before* the current key, in their original order. When no key follows within the gap, the caller's
timer calls ``expire()`` and delivers what it returns.

**Trade-off (buffer and replay).** A key cannot be known to be typing until the next key is late, so
the first keys of anything typed are held back for at most the gap (35 ms by default, plus the caller's
timer slack) and then replayed to the widget that had the focus: people never see a difference and no
character is lost or reordered. The alternative — letting keys through and deleting them once a burst
is recognised — cannot work in arbitrary widgets and dialogs. With a configured ``prefix`` only keys
starting with it are held, so typing gets no delay at all. A burst counts as a scan only when every
gap is ≤ ``max_gap``, it has at least ``min_length`` characters (after removing prefix and suffix)
and it ends with a terminator key (or with the configured suffix).

Times are seconds from any monotonic source (event timestamps or an injected clock in tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Action(StrEnum):
    HOLD = "hold"
    PASS = "pass"
    SCAN = "scan"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    """Timing and framing of the wedge scanner (``[scanner]`` in config.toml)."""

    max_gap: float = 0.035  # seconds between two keys of one scan
    min_length: int = 6  # characters of a scan, without prefix and suffix
    prefix: str = ""
    suffix: str = ""
    max_length: int = 128  # a longer burst is not a scan: it is let through

    def __post_init__(self) -> None:
        if self.max_gap <= 0 or self.min_length < 1 or self.max_length < self.min_length:
            raise ValueError("wedge: max_gap > 0 and 1 <= min_length <= max_length")


@dataclass(frozen=True, slots=True)
class Decision(Generic[T]):
    """What to do with the current key; deliver ``replay`` first, in order."""

    action: Action
    replay: tuple[T, ...] = ()
    code: str | None = None


class WedgeDetector(Generic[T]):
    """The timing state machine. ``T`` is whatever the caller needs to replay a key (an event copy)."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.config = config or WedgeConfig()
        self._held: list[tuple[T, str]] = []
        self._last: float = 0.0
        self._drop_terminator_until: float | None = None

    @property
    def pending(self) -> bool:
        """True while keys are held back."""
        return bool(self._held)

    # --- feeding --------------------------------------------------------------------------------
    def key(self, token: T, char: str, t: float) -> Decision[T]:
        """A printable character typed at time ``t``."""
        self._drop_terminator_until = None
        replay = self._release_if_late(t)
        cfg = self.config
        if self._held:
            text = self._text() + char
            if (cfg.prefix and not _prefix_ok(text, cfg.prefix)) or len(text) > cfg.max_length + len(cfg.prefix) \
                    + len(cfg.suffix):
                replay += self._release()  # not a scan after all; the current key starts afresh
        if not self._held and cfg.prefix and char != cfg.prefix[0]:
            return Decision(Action.PASS, replay)
        self._held.append((token, char))
        self._last = t
        if cfg.suffix and self._text().endswith(cfg.suffix):
            code = self._code()
            if code is not None:
                self._held.clear()
                self._drop_terminator_until = t + cfg.max_gap
                return Decision(Action.SCAN, replay, code)
        return Decision(Action.HOLD, replay)

    def terminator(self, token: T, t: float) -> Decision[T]:
        """Enter / Return / Tab at time ``t``: completes a scan when the burst qualifies."""
        if self._drop_terminator_until is not None:
            late = t > self._drop_terminator_until
            self._drop_terminator_until = None
            if not late and not self._held:
                return Decision(Action.DROP)
        if self._held and self._in_time(t):
            code = self._code()
            if code is not None:
                self._held.clear()
                return Decision(Action.SCAN, (), code)
        return Decision(Action.PASS, self._release())

    def other(self, token: T, t: float) -> Decision[T]:
        """Any other key (arrows, F-keys, Backspace, shortcuts with Ctrl/Alt): never part of a scan."""
        self._drop_terminator_until = None
        return Decision(Action.PASS, self._release())

    def expire(self, t: float | None = None) -> tuple[T, ...]:
        """The gap passed with no new key: what is held is typing. With ``t``, only if really late."""
        if t is not None and self._in_time(t):
            return ()
        return self._release()

    def reset(self) -> tuple[T, ...]:
        """Forget the burst (focus lost, filter removed); returns the held keys to deliver."""
        self._drop_terminator_until = None
        return self._release()

    # --- helpers --------------------------------------------------------------------------------
    def _in_time(self, t: float) -> bool:
        return 0 <= t - self._last <= self.config.max_gap

    def _release_if_late(self, t: float) -> tuple[T, ...]:
        return self._release() if self._held and not self._in_time(t) else ()

    def _release(self) -> tuple[T, ...]:
        held = tuple(token for token, _ in self._held)
        self._held.clear()
        return held

    def _text(self) -> str:
        return "".join(ch for _, ch in self._held)

    def _code(self) -> str | None:
        """The held burst as a code, or None when it does not qualify as a scan."""
        cfg = self.config
        text = self._text()
        if cfg.prefix:
            if not text.startswith(cfg.prefix):
                return None
            text = text[len(cfg.prefix):]
        if cfg.suffix:
            if not text.endswith(cfg.suffix):
                return None
            text = text[: -len(cfg.suffix)]
        text = text.strip()
        return text if cfg.min_length <= len(text) <= cfg.max_length else None


def _prefix_ok(text: str, prefix: str) -> bool:
    """``text`` is a start of ``prefix`` or starts with it."""
    return text.startswith(prefix) if len(text) >= len(prefix) else prefix.startswith(text)
