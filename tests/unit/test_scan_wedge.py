"""The keyboard-wedge timing state machine, fed with (key, time) events: no Qt, no real clock."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos.devices.wedge import Action, Decision, WedgeConfig, WedgeDetector

ENTER = "\n"


def feed(det: WedgeDetector[int], keys: str, gaps: list[float] | float, start: float = 0.0) -> list[Decision[int]]:
    """Feed ``keys`` (``\\n`` is Enter); returns one decision per key. Tokens are key positions."""
    t = start
    out = []
    for i, ch in enumerate(keys):
        t += gaps if isinstance(gaps, float) else gaps[i]
        out.append(det.terminator(i, t) if ch == ENTER else det.key(i, ch, t))
    return out


def delivered(decisions: list[Decision[int]], det: WedgeDetector[int]) -> list[int]:
    """Keys the widget receives, in order: replays, passes, and what expires at the end."""
    got: list[int] = []
    for i, d in enumerate(decisions):
        got += d.replay
        if d.action is Action.PASS:
            got.append(i)
    return got + list(det.expire())


def test_a_fast_burst_ending_in_enter_is_a_scan() -> None:
    det: WedgeDetector[int] = WedgeDetector()
    decisions = feed(det, "8412345600012\n", 0.010)
    assert [d.action for d in decisions[:-1]] == [Action.HOLD] * 13
    assert decisions[-1] == Decision(Action.SCAN, (), "8412345600012")
    assert not det.pending and det.expire() == ()


def test_slow_typing_is_given_back_in_order() -> None:
    det: WedgeDetector[int] = WedgeDetector()
    decisions = feed(det, "8412345600012\n", 0.120)
    assert all(d.action is not Action.SCAN for d in decisions)
    assert delivered(decisions, det) == list(range(14))  # every key, in order, Enter last


def test_one_slow_gap_breaks_the_burst() -> None:
    det: WedgeDetector[int] = WedgeDetector()
    gaps = [0.01] * 6 + [0.2] + [0.01] * 7
    decisions = feed(det, "8412345600012\n", gaps)
    # the first six keys are released when the seventh comes late; the remaining seven still make a scan
    assert decisions[6].replay == (0, 1, 2, 3, 4, 5)
    assert decisions[-1] == Decision(Action.SCAN, (), "5600012")


def test_a_short_fast_word_is_typing() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(min_length=6))
    decisions = feed(det, "1234\n", 0.005)
    assert decisions[-1].action is Action.PASS and decisions[-1].replay == (0, 1, 2, 3)


def test_gap_at_exactly_the_limit_still_counts_and_just_over_does_not() -> None:
    cfg = WedgeConfig(max_gap=0.035, min_length=3)
    assert feed(WedgeDetector(cfg), "abc\n", 0.035)[-1].action is Action.SCAN
    assert feed(WedgeDetector(cfg), "abc\n", 0.0351)[-1].action is Action.PASS


def test_other_keys_flush_what_is_held() -> None:
    det: WedgeDetector[int] = WedgeDetector()
    feed(det, "12", 0.01)
    assert det.other(99, 0.03) == Decision(Action.PASS, (0, 1))


def test_expire_with_a_time_only_releases_when_late() -> None:
    det: WedgeDetector[int] = WedgeDetector()
    det.key(0, "1", 1.0)
    assert det.expire(1.02) == ()
    assert det.expire(1.1) == (0,)


def test_time_going_backwards_counts_as_typing() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(min_length=2))
    det.key(0, "1", 5.0)
    assert det.key(1, "2", 4.0).replay == (0,)


def test_prefix_only_holds_keys_that_start_with_it() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(prefix="]X", min_length=3))
    assert det.key(0, "5", 0.0) == Decision(Action.PASS)
    assert det.key(1, "]", 0.01).action is Action.HOLD
    assert det.key(2, "Z", 0.02) == Decision(Action.PASS, (1,))  # "]Z" is not the prefix: both typed
    decisions = feed(det, "]X123\n", 0.005, start=1.0)
    assert decisions[-1].code == "123"


def test_suffix_completes_the_scan_and_eats_the_following_enter() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(suffix="\t", min_length=3))
    decisions = feed(det, "ABC123\t", 0.005)
    assert decisions[-1] == Decision(Action.SCAN, (), "ABC123")
    assert det.terminator(99, 0.04) == Decision(Action.DROP)
    assert det.terminator(100, 0.5) == Decision(Action.PASS)  # a later Enter is the cashier's


def test_without_the_configured_suffix_a_burst_is_typing() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(suffix="#", min_length=3))
    assert feed(det, "ABC123\n", 0.005)[-1].action is Action.PASS


def test_an_overlong_burst_is_typing() -> None:
    det: WedgeDetector[int] = WedgeDetector(WedgeConfig(max_length=10))
    decisions = feed(det, "x" * 25 + "\n", 0.001)
    assert decisions[-1].action is Action.PASS
    assert delivered(decisions, det) == list(range(26))


def test_bad_config_is_refused() -> None:
    with pytest.raises(ValueError):
        WedgeConfig(max_gap=0)
    with pytest.raises(ValueError):
        WedgeConfig(min_length=0)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.tuples(st.sampled_from("0123456789ab\n"), st.floats(0.0, 0.3)), max_size=40))
def test_nothing_is_ever_lost_or_reordered(events: list[tuple[str, float]]) -> None:
    """Whatever the timing, every key is delivered exactly once, in order, or belongs to a scan."""
    det: WedgeDetector[int] = WedgeDetector()
    t = 0.0
    got: list[int] = []
    scanned: list[int] = []
    held: list[int] = []
    for i, (ch, gap) in enumerate(events):
        t += gap
        d = det.terminator(i, t) if ch == ENTER else det.key(i, ch, t)
        got += d.replay
        held = [k for k in held if k not in d.replay]
        if d.action is Action.PASS:
            got.append(i)
        elif d.action is Action.HOLD:
            held.append(i)
        else:
            scanned += [*held, i]
            held = []
    got += det.expire()
    assert sorted(got + scanned) == list(range(len(events)))
    assert got == sorted(got)
