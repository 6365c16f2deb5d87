"""OAuth 1.0a signing as WooCommerce verifies it, Basic over https, and no secrets in errors."""

from __future__ import annotations

import base64
import hashlib
import hmac
import traceback
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
import requests

from sync.errors import AuthError, OfflineError
from sync.woocommerce.auth import (
    OAuth1QueryAuth,
    auth_for,
    normalized_base_url,
    oauth_signature,
    php_params,
    redact,
    sign_query,
    signature_base_string,
)
from sync.woocommerce.client import WooClient

from .conftest import Answer, Replay


def _raw(text: str) -> str:
    """PHP rawurlencode, written out independently of the code under test."""
    safe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    return "".join(ch if ch in safe else "".join(f"%{b:02X}" for b in ch.encode()) for ch in text)


def reference_signature(method: str, url: str, query: list[tuple[str, str]], secret: str, algo: str) -> str:
    """A line-by-line transcription of WC_REST_Authentication::check_oauth_signature (flat params)."""
    params = dict(query)  # PHP $_GET: last wins
    params.pop("oauth_signature", None)
    keys = sorted(params, key=lambda k: k.encode())  # uksort strcmp
    normalized = [(_raw(k), _raw(params[k])) for k in keys]  # normalize_parameters
    joined = [_raw(f"{k}={v}") for k, v in normalized]  # join_with_equals_sign
    string_to_sign = f"{method}&{_raw(url)}&" + "%26".join(joined)
    digest = hmac.new(f"{secret}&".encode(), string_to_sign.encode(), {"HMAC-SHA1": hashlib.sha1,
                                                                     "HMAC-SHA256": hashlib.sha256}[algo]).digest()
    return base64.b64encode(digest).decode()


def test_base_string_known_vector() -> None:
    params = php_params([("per_page", "2"), ("oauth_consumer_key", "ck_x"), ("oauth_nonce", "abc"),
                         ("oauth_signature_method", "HMAC-SHA256"), ("oauth_timestamp", "1700000000"),
                         ("search", "café con+leche")])
    base = signature_base_string("get", "http://127.0.0.1:8080/wp-json/wc/v3/products", params)
    assert base == (
        "GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwp-json%2Fwc%2Fv3%2Fproducts&"
        "oauth_consumer_key%3Dck_x%26oauth_nonce%3Dabc%26oauth_signature_method%3DHMAC-SHA256%26"
        "oauth_timestamp%3D1700000000%26per_page%3D2%26search%3Dcaf%25C3%25A9%2520con%252Bleche")
    expected = base64.b64encode(hmac.new(b"cs_y&", base.encode(), hashlib.sha256).digest()).decode()
    assert oauth_signature("GET", "http://127.0.0.1:8080/wp-json/wc/v3/products", params, "cs_y") == expected


@pytest.mark.parametrize("algo", ["HMAC-SHA256", "HMAC-SHA1"])
def test_signature_matches_reference_transcription(algo: Any) -> None:
    url = "http://shop.example:8080/wp-json/wc/v3/orders"
    query = [("after", "2026-11-22T19:00:00"), ("created_via", "mostrador-pos"), ("_fields", "id,meta_data"),
             ("search", "a b+c/d~e&f=g ñ"), ("Zeta", "1")]
    signed = sign_query("GET", url, query, "ck_k", "cs_s", signature_method=algo, timestamp=1700000000, nonce="n1")
    given = dict(signed)["oauth_signature"]
    assert given == reference_signature("GET", url, signed, "cs_s", algo)


def test_array_params_are_signed_like_php() -> None:
    params = php_params([("include[]", "1"), ("include[]", "2"), ("a", "x")])
    assert params == {"include": {"0": "1", "1": "2"}, "a": "x"}
    base = signature_base_string("GET", "http://h/wp-json/wc/v3/products", params)
    assert base.endswith("&a%3Dx%26include%255B0%255D%3D1%26include%255B1%255D%3D2")


def test_normalized_base_url() -> None:
    assert normalized_base_url("HTTP://Shop.Example:80/wp-json/wc/v3/x?y=1") == "http://shop.example/wp-json/wc/v3/x"
    assert normalized_base_url("https://shop.example:8443/a") == "https://shop.example:8443/a"


def test_each_prepared_request_gets_a_fresh_signature() -> None:
    auth = OAuth1QueryAuth("ck_k", "cs_s")
    first = requests.Request("GET", "http://h.example/wp-json/wc/v3/products",
                             params={"per_page": "100", "search": "x y"}, auth=auth).prepare()
    second = requests.Request("GET", "http://h.example/wp-json/wc/v3/products",
                              params={"per_page": "100", "search": "x y"}, auth=auth).prepare()
    q1, q2 = dict(parse_qsl(urlsplit(first.url or "").query)), dict(parse_qsl(urlsplit(second.url or "").query))
    assert q1["oauth_nonce"] != q2["oauth_nonce"]
    assert q1["search"] == "x y" and "+" not in urlsplit(first.url or "").query  # space → %20, '+' → %2B
    pairs = parse_qsl(urlsplit(first.url or "").query, keep_blank_values=True)
    assert q1["oauth_signature"] == reference_signature("GET", "http://h.example/wp-json/wc/v3/products", pairs,
                                                        "cs_s", "HMAC-SHA256")
    assert "cs_s" not in repr(auth) and "cs_s" not in (first.url or "")


def test_https_uses_basic_and_tls_verification() -> None:
    captured: dict[str, Any] = {}

    class FakeSession(requests.Session):
        def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:  # type: ignore[override]
            captured.update(kwargs, method=method, url=url)
            resp = requests.Response()
            resp.status_code = 200
            resp._content = b"[]"
            resp.headers["Content-Type"] = "application/json"
            return resp

    client = WooClient("https://Shop.Example/wp-json/wc/v3/", "ck_k", "cs_s", session=FakeSession())
    client.get("wc/v3/products", {"per_page": 1})
    assert captured["url"] == "https://shop.example/wp-json/wc/v3/products"
    assert captured["verify"] is True and captured["allow_redirects"] is False
    assert captured["timeout"] == (5.0, 20.0)
    prepared = requests.Request("GET", captured["url"], auth=captured["auth"]).prepare()
    assert prepared.headers["Authorization"] == "Basic " + base64.b64encode(b"ck_k:cs_s").decode()
    assert isinstance(auth_for("http://shop.example", "ck", "cs"), OAuth1QueryAuth)


def test_replay_server_sees_oauth_in_query_only(replay: Replay) -> None:
    replay.add("GET", "/wp-json/wc/v3/orders", Answer(200, []))
    WooClient(replay.url, "ck_k", "cs_s").get("wc/v3/orders", {"search": "café+1"})
    seen = replay.seen[0]
    assert "Authorization" not in seen.headers
    names = [k for k, _ in seen.query]
    assert names[-5:] == ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature_method",
                          "oauth_signature"]
    assert seen.params["search"] == "café+1"
    assert seen.params["oauth_signature"] == reference_signature(
        "GET", f"{replay.url}/wp-json/wc/v3/orders", seen.query, "cs_s", "HMAC-SHA256")


def test_sandbox_verifies_our_signatures_on_every_page(sandbox: Any) -> None:
    client = WooClient(sandbox.url, "ck_demo", "cs_demo")
    pages = list(client.paginate("wc/v3/products", {"search": "café", "orderby": "id", "order": "asc"}, per_page=5))
    assert pages and all(p.status == 200 for p in pages)
    client2 = WooClient(sandbox.url, "ck_demo", "cs_demo")
    pages = list(client2.paginate("wc/v3/products", {"orderby": "id"}, per_page=100))
    assert len(pages) == pages[0].total_pages and len(pages) > 2  # nonces never reused
    assert sum(len(p.data) for p in pages) == pages[0].total


def test_sandbox_basic_auth_and_bad_credentials(sandbox: Any) -> None:
    assert WooClient(sandbox.url, "ck_demo", "cs_demo", auth="basic").get("wc/v3/products", {"per_page": 1}).data
    with pytest.raises(AuthError) as bad_secret:
        WooClient(sandbox.url, "ck_demo", "cs_wrong").get("wc/v3/orders")
    assert "Invalid signature - provided signature does not match." in str(bad_secret.value)
    assert bad_secret.value.code == "woocommerce_rest_authentication_error" and bad_secret.value.status == 401
    with pytest.raises(AuthError, match="Consumer key is invalid"):
        WooClient(sandbox.url, "ck_nope", "cs_demo").get("wc/v3/orders")


def test_no_secret_in_errors() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: connection refused
    client = WooClient(f"http://127.0.0.1:{port}", "ck_key_123", "cs_secret_456", timeout=(1, 1))
    with pytest.raises(OfflineError) as err:
        client.get("wc/v3/products", {"per_page": 1})
    text = "".join(traceback.format_exception(err.value))
    assert "cs_secret_456" not in text and "oauth_signature=" not in text
    assert redact("x?oauth_signature=abc&consumer_secret=cs_1&a=1") == "x?oauth_signature=***&consumer_secret=***&a=1"
    assert quote("~") == "~"
