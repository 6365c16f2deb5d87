"""Authentication as WooCommerce does it: OAuth 1.0a one-legged over http, Basic, query keys,
application passwords; and the namespace rules (WooCommerce keys only on /wc/)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from urllib.parse import quote

import pytest
import requests

from sync.sandbox import SandboxServer
from sync.sandbox.auth import sign_query, signature_base_string

from .conftest import APP_PASSWORD, CK, CS, Client, OAuth1


def _signed_url(server: SandboxServer, base_string: str, params: list[tuple[str, str]], algo: str) -> str:
    digest = hmac.new(f"{CS}&".encode(), base_string.encode(), getattr(hashlib, algo)).digest()
    signature = base64.b64encode(digest).decode()
    query = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in [*params, ("oauth_signature", signature)])
    return f"{server.url}/wp-json/wc/v3/products?{query}"


@pytest.mark.parametrize("algo", ["sha1", "sha256"])
def test_hand_built_signature_base_string_is_accepted(server: SandboxServer, algo: str) -> None:
    ts = str(int(time.time()))
    method = "HMAC-SHA1" if algo == "sha1" else "HMAC-SHA256"
    params = [("search", "café molido"), ("per_page", "5"), ("oauth_consumer_key", CK), ("oauth_timestamp", ts),
              ("oauth_nonce", f"nonce{algo}"), ("oauth_signature_method", method)]
    host = server.url.removeprefix("http://").replace(":", "%3A")
    # Written out by hand: sorted keys, every k=v encoded, joined with %26, then the whole encoded again.
    base_string = (
        f"GET&http%3A%2F%2F{host}%2Fwp-json%2Fwc%2Fv3%2Fproducts&"
        f"oauth_consumer_key%3D{CK}%26oauth_nonce%3Dnonce{algo}%26oauth_signature_method%3D{method}"
        f"%26oauth_timestamp%3D{ts}%26per_page%3D5%26search%3Dcaf%25C3%25A9%2520molido"
    )
    assert signature_base_string("GET", f"{server.url}/wp-json/wc/v3/products", dict(params)) == base_string
    resp = requests.get(_signed_url(server, base_string, params, algo), timeout=5)
    assert resp.status_code == 200, resp.text
    assert resp.headers["X-WP-Total"] == "0"


def test_tampered_signature_or_query_is_rejected(server: SandboxServer) -> None:
    url = f"{server.url}/wp-json/wc/v3/orders"
    good = sign_query("GET", url, CK, CS, [("status", "processing")])
    assert requests.get(url, params=good, timeout=5).status_code == 200

    tampered_sig = [(k, v[:-4] + "AAA=" if k == "oauth_signature" else v) for k, v in sign_query("GET", url, CK, CS)]
    tampered_query = [(k, "completed" if k == "status" else v) for k, v in sign_query("GET", url, CK, CS,
                                                                                      [("status", "processing")])]
    for params in (tampered_sig, tampered_query):
        resp = requests.get(url, params=params, timeout=5)
        assert resp.status_code == 401
        assert resp.json() == {"code": "woocommerce_rest_authentication_error",
                               "message": "Invalid signature - provided signature does not match.",
                               "data": {"status": 401}}


def test_oauth_errors(server: SandboxServer) -> None:
    url = f"{server.url}/wp-json/wc/v3/orders"

    def error(params: list[tuple[str, str]]) -> tuple[int, str, str]:
        resp = requests.get(url, params=params, timeout=5)
        return resp.status_code, resp.json()["code"], resp.json()["message"]

    assert error(sign_query("GET", url, "ck_nope", CS)) == (
        401, "woocommerce_rest_authentication_error", "Consumer key is invalid.")
    old = sign_query("GET", url, CK, CS, timestamp=int(time.time()) - 3600)
    assert error(old)[2] == "Invalid timestamp."
    signed = sign_query("GET", url, CK, CS, nonce="same-nonce")
    assert requests.get(url, params=signed, timeout=5).status_code == 200
    replay = sign_query("GET", url, CK, CS, nonce="same-nonce")
    assert error(replay)[2] == "Invalid nonce - nonce has already been used."
    partial = [p for p in sign_query("GET", url, CK, CS) if p[0] != "oauth_nonce"]
    assert error(partial)[:2] == (401, "woocommerce_rest_authentication_missing_parameter")
    bad_method = sign_query("GET", url, CK, CS, signature_method="HMAC-SHA1")
    bad_method = [(k, "PLAINTEXT" if k == "oauth_signature_method" else v) for k, v in bad_method]
    assert error(bad_method)[2] == "Invalid signature - signature method is invalid."


def test_signed_post_with_json_body_and_authorization_header(server: SandboxServer, client: Client) -> None:
    resp = client.post("/products", json={"name": "Firmado", "regular_price": "1.00"}, auth=OAuth1(CK, CS, "HMAC-SHA1"))
    assert resp.status_code == 201
    url = f"{server.url}/wp-json/wc/v3/products"
    params = dict(sign_query("GET", url, CK, CS, [("per_page", "1")]))
    header = "OAuth " + ", ".join(f'{k}="{quote(v, safe="")}"' for k, v in params.items() if k.startswith("oauth_"))
    resp = requests.get(url, params={"per_page": "1"}, headers={"Authorization": header}, timeout=5)
    assert resp.status_code == 200 and resp.headers["X-WP-Total"] == "1"


def test_basic_query_keys_and_permissions(server: SandboxServer, client: Client) -> None:
    assert client.get("/products", auth="basic").status_code == 200
    url = f"{server.url}/wp-json/wc/v3/products"
    assert requests.get(url, params={"consumer_key": CK, "consumer_secret": CS}, timeout=5).status_code == 200
    wrong = client.get("/products", auth=(CK, "cs_wrong"))
    assert (wrong.status_code, wrong.json()["message"]) == (401, "Consumer secret is invalid.")
    unknown = client.get("/products", auth=("ck_unknown", "x"))  # unknown key over Basic = anonymous
    assert (unknown.status_code, unknown.json()["code"]) == (401, "woocommerce_rest_cannot_view")
    read_only = OAuth1("ck_read_only", "cs_read_only")
    assert client.get("/products", auth=read_only).status_code == 200
    denied = client.post("/products", json={"name": "x"}, auth=read_only)
    assert (denied.status_code, denied.json()["message"]) == (
        401, "The API key provided does not have write permissions.")
    create = client.post("/products", json={"name": "x"}, auth="none")
    assert (create.status_code, create.json()["code"]) == (401, "woocommerce_rest_cannot_create")


def test_application_passwords_and_namespaces(server: SandboxServer, client: Client) -> None:
    assert client.get("/products", auth="app").status_code == 200  # admin can use wc/v3 too
    spaced = client.get("/terawallet/v1/admin/users/1/balance", auth=("admin", APP_PASSWORD.replace(" ", "")))
    assert spaced.status_code == 200  # WordPress ignores the spaces of application passwords
    for auth in ("oauth", "basic", ("admin", "wrong"), "none"):
        resp = client.get("/terawallet/v1/admin/users/1/balance", auth=auth)
        assert (resp.status_code, resp.json()["code"]) == (401, "woocommerce_rest_cannot_read")
    legacy = client.get("/wc/v3/wallet/balance", params={"email": "admin@example.com"})
    assert legacy.json() == {"balance": 0, "currency": "EUR"}


def test_auth_error_comes_before_routing_and_unknown_routes(client: Client) -> None:
    bad = client.get("/no-such-thing", auth=OAuth1(CK, "cs_wrong"))
    assert (bad.status_code, bad.json()["code"]) == (401, "woocommerce_rest_authentication_error")
    missing = client.get("/no-such-thing")
    assert missing.status_code == 404
    assert missing.json() == {"code": "rest_no_route", "message": "No route was found matching the URL and request"
                              " method.", "data": {"status": 404}}
    assert "Allow" not in missing.headers
    wrong_method = client.request("PATCH", "/products")
    assert (wrong_method.status_code, wrong_method.json()["code"]) == (404, "rest_no_route")
