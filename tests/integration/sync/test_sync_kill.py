"""The POS killed (SIGKILL) in the middle of pushing, then restarted: no duplicate, no loss."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from pos.ledger.models import OutboxEvent
from tests.integration.sync.conftest import EANS, Shop, uuids_of

CHILD = Path(__file__).with_name("sync_child.py")
ROOT = Path(__file__).resolve().parents[3]


def test_killed_mid_push_then_restarted_creates_no_duplicate(shop: Shop) -> None:
    engine = shop.engine()
    engine.run_once()  # link catalogues before the child starts
    receipts = [shop.sell(EANS[i % 3]) for i in range(60)]
    shop.store.faults.latency_s = 0.03  # each request takes a while: kills land mid-request
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(5):
        child = subprocess.Popen([sys.executable, str(CHILD), str(shop.ledger.path), shop.store.url],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.1, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    shop.store.faults.latency_s = 0.0
    for _ in range(20):
        with shop.ledger.write() as s:
            for event in s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")):
                event.next_attempt_at = None
        engine.run_once()
        if engine.status.pending == 0:
            break
    sent = Counter(uuids_of(shop.pos_orders()))
    assert set(sent) == {r.sale_uuid for r in receipts}
    assert max(sent.values()) == 1
    with shop.ledger.read() as s:
        assert s.scalars(select(OutboxEvent.status).distinct()).all() == ["sent"]
