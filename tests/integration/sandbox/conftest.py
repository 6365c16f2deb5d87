"""Fixtures for the sandbox store tests: a server on a free port in tmp_path, and an HTTP
client that signs ``/wc/`` requests with OAuth 1.0a the way WooCommerce expects.

The signer here is written independently of ``sync.sandbox.auth`` (from the rules of
``class-wc-rest-authentication.php``), so the tests check the server, not itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import pytest
import requests

from sync.sandbox import SandboxServer

CK, CS = "ck_test_key", "cs_test_secret"
APP_USER, APP_PASSWORD = "admin", "abcd EFGH 1234 ijkl"


def _enc(text: str) -> str:
    return quote(text, safe="-_.~")


def wc_oauth_signature(method: str, url: str, params: dict[str, str], secret: str, algo: str) -> str:
    """HMAC of ``METHOD&enc(url)&enc(k=v)%26...`` (keys sorted), key ``secret&``."""
    pairs = [_enc(f"{_enc(k)}={_enc(v)}") for k, v in sorted(params.items())]
    base = f"{method}&{_enc(url)}&" + "%26".join(pairs)
    digest = hmac.new(f"{secret}&".encode(), base.encode(), getattr(hashlib, algo.split("-")[1].lower())).digest()
    return base64.b64encode(digest).decode()


class OAuth1(requests.auth.AuthBase):
    """One-legged OAuth 1.0a in the query string (WooCommerce over plain http)."""

    def __init__(self, key: str, secret: str, algo: str = "HMAC-SHA256") -> None:
        self.key, self.secret, self.algo = key, secret, algo

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        assert r.url and r.method
        parts = urlsplit(r.url)
        params = dict(parse_qsl(parts.query, keep_blank_values=True))
        params.update(oauth_consumer_key=self.key, oauth_timestamp=str(int(time.time())),
                      oauth_nonce=secrets.token_hex(16), oauth_signature_method=self.algo)
        base_url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        params["oauth_signature"] = wc_oauth_signature(r.method, base_url, params, self.secret, self.algo)
        r.url = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params, quote_via=quote), ""))
        return r


class Client:
    """``client.get("/products")`` → ``GET {url}/wp-json/wc/v3/products`` with OAuth 1.0a.

    ``auth``: "oauth" (default), "basic" (ck:cs), "app" (application password), "none",
    or any ``requests`` auth object. Absolute routes ("/terawallet/v1/...") go below /wp-json.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()

    def url(self, path: str) -> str:
        if path.startswith("/wp-json"):
            return self.base_url + path
        if path.startswith(("/wc/", "/terawallet/")):
            return self.base_url + "/wp-json" + path
        return self.base_url + "/wp-json/wc/v3" + path

    def request(self, method: str, path: str, *, auth: Any = "oauth", **kwargs: Any) -> requests.Response:
        named: dict[str, Any] = {"oauth": OAuth1(CK, CS), "basic": (CK, CS), "app": (APP_USER, APP_PASSWORD),
                                 "none": None}
        auth_obj: Any = named.get(auth, auth) if isinstance(auth, str) else auth
        kwargs.setdefault("timeout", 10)
        return self.session.request(method, self.url(path), auth=auth_obj, **kwargs)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PUT", path, **kw)

    def delete(self, path: str, **kw: Any) -> requests.Response:
        return self.request("DELETE", path, **kw)

    def close(self) -> None:
        self.session.close()


def make_server(data_dir: Path) -> SandboxServer:
    srv = SandboxServer(data_dir)
    srv.store.create_api_key(CK, CS, "read_write", 1)
    srv.store.create_api_key("ck_read_only", "cs_read_only", "read", 1)
    srv.store.set_app_password(APP_USER, APP_PASSWORD)
    return srv


@pytest.fixture(autouse=True)
def no_leftover_server_threads() -> Iterator[None]:
    """Every test must stop what it started: no sandbox thread may outlive it."""
    yield
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        alive = [t.name for t in threading.enumerate() if t.name.startswith("sandbox-http")]
        if not alive:
            return
        time.sleep(0.02)
    pytest.fail(f"sandbox threads still running: {alive}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    srv = make_server(tmp_path / "store").start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def client(server: SandboxServer) -> Iterator[Client]:
    c = Client(server.url)
    try:
        yield c
    finally:
        c.close()
