"""Replaying the recorded WooCommerce exchanges against the sandbox.

Each recording gets a *scenario* that rebuilds the store state the recording was made in
(same SKUs, prices, stock, and - by pinning the id sequences - mostly the same ids), sends
the recorded request and compares the answer: status, error code, key headers, the shape
of the body at every level (keys and JSON types) and its values, except values that depend
on time, randomness or the host.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from sync.sandbox import SandboxServer

from .conftest import Client

CONTRACTS_DIR = Path(os.environ.get("MOSTRADOR_CONTRACTS_DIR") or
                     Path(__file__).resolve().parents[4] / "shared" / "contracts" / "woocommerce")
RECORDED_BASE = "http://127.0.0.1:8080"
T0 = 1795375242  # 2026-11-22T19:20:42Z, when the recorded catalogue was created

# values that depend on time, randomness or WordPress internals (compared for shape only)
IGNORED_KEYS = {"order_key", "payment_url", "related_ids", "average_rating", "avatar_url"}


def recording_names() -> list[str]:
    return sorted(p.name for p in CONTRACTS_DIR.glob("*.json"))


@dataclass
class Recording:
    name: str
    data: dict[str, Any]

    @classmethod
    def load(cls, name: str) -> Recording:
        return cls(name, json.loads((CONTRACTS_DIR / name).read_text(encoding="utf-8")))

    @property
    def request(self) -> dict[str, Any]:
        return dict(self.data["request"])

    @property
    def response(self) -> dict[str, Any]:
        return dict(self.data["response"])

    @property
    def body(self) -> Any:
        return self.data["response"]["body"]


@dataclass
class Ctx:
    """What a scenario works with."""

    server: SandboxServer
    client: Client
    now: float = T0
    checked: list[str] = field(default_factory=list)

    @property
    def store(self) -> Any:
        return self.server.store

    def at(self, ts: float) -> None:
        """Freeze the store clock (dates, ``modified_after``)."""
        self.now = ts
        self.store.clock = lambda: self.now

    def pin(self, **ids: int) -> None:
        """Next ids per sequence, e.g. ``pin(post=30, item=15)``."""
        for name, value in ids.items():
            self.store.set_next_id(name, value)

    def product_id(self, sku: str) -> int:
        row = self.store.find_product_by_sku(sku)
        assert row is not None, sku
        return int(row["id"])

    def stock(self, label: str) -> int | None:
        value: int | None = self.store.get_product_stock(self.product_id(_sku(label)))
        return value

    def set_stocks(self, values: dict[str, int]) -> None:
        for label, qty in values.items():
            self.store.set_product_stock(self.product_id(_sku(label)), qty)

    def stocks(self, values: dict[str, int]) -> dict[str, int | None]:
        return {label: self.stock(label) for label in values}

    def send(self, rec: Recording, *, path: str | None = None, query: dict[str, Any] | None = None,
             body: Any = ..., headers: dict[str, str] | None = None, auth: Any = None) -> requests.Response:
        req = rec.request
        if auth is None:
            auth = "app" if "Application Password" in str(req.get("auth")) else "oauth"
        kwargs: dict[str, Any] = {"params": req.get("query") if query is None else query,
                                  "headers": req.get("headers") if headers is None else headers}
        payload = req.get("body") if body is ... else body
        if payload is not None:
            kwargs["json"] = payload
        return self.client.request(req["method"], path or req["path"], auth=auth, **kwargs)

    def normalise(self, resp: requests.Response) -> Any:
        return json.loads(resp.text.replace(self.server.url.replace("/", "\\/"), RECORDED_BASE)
                          .replace(self.server.url, RECORDED_BASE))


def _sku(label: str) -> str:
    match = re.search(r"sku ([A-Z0-9-]+)", label)
    assert match, label
    return match.group(1)


# ---------------------------------------------------------------- comparison

def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object", type(None): "null"}.get(type(value), "?")


def compare(ours: Any, recorded: Any, path: str = "$", *, values: bool = True,
            ignore: frozenset[str] = frozenset()) -> list[str]:
    """Differences between our body and the recorded one (shape always, values optionally)."""
    problems: list[str] = []
    key = path.rsplit(".", 1)[-1].split("[")[0]
    if _kind(ours) != _kind(recorded):
        return [f"{path}: type {_kind(ours)} != recorded {_kind(recorded)} ({ours!r} vs {recorded!r})"]
    if isinstance(recorded, dict):
        if set(ours) != set(recorded):
            problems.append(f"{path}: keys +{sorted(set(ours) - set(recorded))} -{sorted(set(recorded) - set(ours))}")
        for k in recorded:
            if k in ours:
                problems += compare(ours[k], recorded[k], f"{path}.{k}", values=values, ignore=ignore)
    elif isinstance(recorded, list):
        if values and len(ours) != len(recorded) and key not in IGNORED_KEYS | ignore:
            problems.append(f"{path}: {len(ours)} items != recorded {len(recorded)}")
        for i, item in enumerate(ours):
            if recorded:
                other = recorded[i] if i < len(recorded) else recorded[0]
                problems += compare(item, other, f"{path}[{i}]", values=values and i < len(recorded), ignore=ignore)
    elif values and not _value_ignored(path, key, ignore) and not _same(ours, recorded):
        problems.append(f"{path}: {ours!r} != recorded {recorded!r}")
    return problems


def _value_ignored(path: str, key: str, ignore: frozenset[str]) -> bool:
    if key in IGNORED_KEYS or key in ignore or key.startswith("date") or path.endswith("formatted.date"):
        return True
    return key == "id" and ".meta_data[" in path  # meta ids come from different WordPress tables


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return abs(a - b) < 1e-5
    return bool(a == b)


def check(ctx: Ctx, rec: Recording, resp: requests.Response, *, values: bool = True,
          ignore: frozenset[str] = frozenset(), headers: bool = True) -> Any:
    """Assert the sandbox answered like the recording; returns our normalised body."""
    expected = rec.response
    assert resp.status_code == expected["status"], (resp.status_code, resp.text[:500])
    body = ctx.normalise(resp)
    recorded = rec.body
    if isinstance(recorded, dict) and "code" in recorded and "message" in recorded:
        assert body.get("code") == recorded["code"], body
        assert body.get("message") == recorded["message"], body
    if isinstance(rec.data["response"].get("body_trimmed"), str) or rec.name.startswith("19b"):
        values = False
    problems = compare(body, recorded, values=values, ignore=ignore)
    assert not problems, "\n".join(problems[:40])
    if headers:
        check_headers(ctx, rec, resp)
    ctx.checked.append(rec.name)
    return body


def check_headers(ctx: Ctx, rec: Recording, resp: requests.Response) -> None:
    want = rec.response["headers"]
    for name in ("X-WP-Total", "X-WP-TotalPages", "Idempotent-Replay", "Allow"):
        assert resp.headers.get(name) == want.get(name), (name, resp.headers.get(name), want.get(name))
    assert resp.headers["Content-Type"] == want["Content-Type"]
    link = resp.headers.get("Link", "").replace(ctx.server.url, RECORDED_BASE)
    for rel in ("next", "prev", "https://api.w.org/"):
        assert (f'rel="{rel}"' in link) == (f'rel="{rel}"' in want.get("Link", "")), (rel, link)
    if "Location" in want:
        assert resp.headers.get("Location", "").replace(ctx.server.url, RECORDED_BASE) == want["Location"]
    else:
        assert "Location" not in resp.headers


Scenario = Callable[[Ctx, Recording], None]
SCENARIOS: dict[str, Scenario] = {}


def scenario(*names: str) -> Callable[[Scenario], Scenario]:
    def register(fn: Scenario) -> Scenario:
        for name in names:
            assert name not in SCENARIOS, name
            SCENARIOS[name] = fn
        return fn
    return register
