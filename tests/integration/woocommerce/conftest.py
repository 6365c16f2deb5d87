"""Fixtures for the WooCommerce connector tests.

* ``replay``: a tiny ``http.server`` on 127.0.0.1 that answers with the recorded WooCommerce 11
  exchanges (``/work/shared/contracts/woocommerce``, or ``$MOSTRADOR_WOO_CONTRACTS``) or with
  canned/computed answers, and remembers every request it got.
* ``sandbox``: the sandbox store (``sync.sandbox``) on a free port, seeded with the demo data
  (API key ``ck_demo`` / ``cs_demo``); one per test module.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from sync.woocommerce import WooCommerceConnector

CONTRACTS = Path(os.environ.get("MOSTRADOR_WOO_CONTRACTS", Path(__file__).resolve().parents[4] / "shared" /
                                "contracts" / "woocommerce"))
if not CONTRACTS.is_dir():
    CONTRACTS = Path("/work/shared/contracts/woocommerce")


def recording(name: str) -> dict[str, Any]:
    """One recorded exchange (``request``, ``response``, ``notes``)."""
    path = CONTRACTS / name
    if not path.exists():
        pytest.skip(f"recording {name} not available")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass
class Seen:
    """A request the replay server received."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: Any

    @property
    def params(self) -> dict[str, str]:
        return dict(self.query)


@dataclass
class Answer:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None  # sent verbatim instead of JSON


Handler = Callable[[Seen], Answer]


class Replay:
    """Routes ``(METHOD, path)`` to answers; a route can hold a list (served in turn, the last one
    repeating) or a function of the request."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Answer] | Handler] = {}
        self.seen: list[Seen] = []
        self.url = ""

    def add(self, method: str, path: str, *answers: Answer) -> None:
        self.routes[(method.upper(), path)] = list(answers)

    def handle(self, method: str, path: str, fn: Handler) -> None:
        self.routes[(method.upper(), path)] = fn

    def add_recording(self, name: str, path: str | None = None) -> dict[str, Any]:
        rec = recording(name)
        req, resp = rec["request"], rec["response"]
        headers = {k: str(v) for k, v in resp["headers"].items() if k != "Link"}
        self.add(req["method"], path or req["path"], Answer(resp["status"], resp["body"], headers))
        return rec

    def answer(self, seen: Seen) -> Answer:
        self.seen.append(seen)
        route = self.routes.get((seen.method, seen.path))
        if route is None:
            return Answer(404, {"code": "rest_no_route", "message": "No route was found matching the URL and "
                                "request method.", "data": {"status": 404}})
        if callable(route):
            return route(seen)
        return route.pop(0) if len(route) > 1 else route[0]


class _ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ReplayServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _any(self) -> None:
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        seen = Seen(self.command, split.path, parse_qsl(split.query, keep_blank_values=True),
                    dict(self.headers.items()), body)
        ans = self.server.replay.answer(seen)
        payload = ans.raw if ans.raw is not None else json.dumps(ans.body).encode()
        self.send_response(ans.status)
        headers = {"Content-Type": "application/json; charset=UTF-8", **ans.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815


class _ReplayServer(ThreadingHTTPServer):
    daemon_threads = True
    replay: Replay


@pytest.fixture
def replay() -> Iterator[Replay]:
    server = _ReplayServer(("127.0.0.1", 0), _ReplayHandler)
    server.replay = Replay()
    server.replay.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.replay
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def replay_connector(replay: Replay) -> Iterator[WooCommerceConnector]:
    conn = WooCommerceConnector(replay.url, "ck_test", "cs_test", currency="EUR", timeout=(2, 5))
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from sync.sandbox import SandboxServer
    except ImportError as exc:  # pragma: no cover - the sandbox is developed in parallel
        pytest.skip(f"sandbox store not available: {exc}")
    srv = SandboxServer(tmp_path_factory.mktemp("woo-sandbox"), port=0, seed="demo")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def sandbox_connector(sandbox: Any) -> Iterator[WooCommerceConnector]:
    sandbox.faults.reset()
    conn = WooCommerceConnector(sandbox.url, "ck_demo", "cs_demo", timeout=(2, 5))
    yield conn
    sandbox.faults.reset()
    conn.close()
