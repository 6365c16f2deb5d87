"""Authentication as WooCommerce and WordPress do it.

* ``/wc/...`` routes: WooCommerce REST API keys, either OAuth 1.0a one-legged signatures
  (``oauth_*`` in the query string or an ``Authorization: OAuth`` header; the rules of
  ``class-wc-rest-authentication.php``), HTTP Basic ``ck:cs``, or ``consumer_key`` /
  ``consumer_secret`` query parameters. A WordPress application password also works.
* other namespaces (``terawallet/v1``): only WordPress application passwords (HTTP Basic).

A wrong application password is not an error: the request just stays anonymous (21d).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, unquote, urlsplit

from .errors import ApiError

NONCE_WINDOW_S = 15 * 60


@dataclass(frozen=True)
class ApiKey:
    consumer_key: str
    consumer_secret: str
    permissions: str  # read | write | read_write
    user_id: int


class Credentials(Protocol):
    def get_api_key(self, consumer_key: str) -> ApiKey | None: ...

    def check_app_password(self, login: str, password: str) -> int | None: ...


def rfc3986(text: str) -> str:
    """PHP rawurlencode (what wc_rest_urlencode_rfc3986 does)."""
    return quote(text, safe="~")


def _normalized_pairs(params: Mapping[str, str | list[str]]) -> list[str]:
    out: list[str] = []
    for key in sorted(params, key=lambda k: k.encode("utf-8")):  # uksort(..., 'strcmp')
        value = params[key]
        enc_key = rfc3986(key)
        if isinstance(value, list):
            for i, item in enumerate(value):
                out.append(rfc3986(f"{enc_key}%5B{i}%5D={rfc3986(item)}"))
        else:
            out.append(rfc3986(f"{enc_key}={rfc3986(value)}"))
    return out


def signature_base_string(method: str, base_url: str, params: Mapping[str, str | list[str]]) -> str:
    """``METHOD&rawurlencode(url)&k%3Dv%26...`` exactly as WooCommerce builds it."""
    params = {k: v for k, v in params.items() if k != "oauth_signature"}
    return f"{method.upper()}&{rfc3986(base_url)}&" + "%26".join(_normalized_pairs(params))


def oauth_signature(method: str, base_url: str, params: Mapping[str, str | list[str]], consumer_secret: str,
                    signature_method: str = "HMAC-SHA256") -> str:
    algo = {"HMAC-SHA1": hashlib.sha1, "HMAC-SHA256": hashlib.sha256}[signature_method]
    base = signature_base_string(method, base_url, params)
    digest = hmac.new((consumer_secret + "&").encode(), base.encode(), algo).digest()
    return base64.b64encode(digest).decode()


def php_params(pairs: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    """Query pairs as PHP's ``$_GET`` sees them (last wins, ``k[]`` becomes a list)."""
    out: dict[str, str | list[str]] = {}
    for key, value in pairs:
        if key.endswith("[]"):
            current = out.get(key[:-2])
            if isinstance(current, list):
                current.append(value)
            else:
                out[key[:-2]] = [value]
        else:
            out[key] = value
    return out


def sign_query(method: str, url: str, consumer_key: str, consumer_secret: str,
               params: list[tuple[str, str]] | None = None, signature_method: str = "HMAC-SHA256",
               timestamp: int | None = None, nonce: str | None = None) -> list[tuple[str, str]]:
    """Query pairs (``params`` plus ``oauth_*``) for a signed one-legged OAuth 1.0a request.

    ``url`` is the request URL without query string, e.g. ``http://127.0.0.1:8080/wp-json/wc/v3/orders``.
    """
    pairs = list(params or [])
    pairs += [
        ("oauth_consumer_key", consumer_key),
        ("oauth_timestamp", str(int(time.time()) if timestamp is None else timestamp)),
        ("oauth_nonce", nonce or secrets.token_hex(16)),
        ("oauth_signature_method", signature_method),
    ]
    signature = oauth_signature(method, url, php_params(pairs), consumer_secret, signature_method)
    pairs.append(("oauth_signature", signature))
    return pairs


def _auth_error(message: str) -> ApiError:
    return ApiError(401, "woocommerce_rest_authentication_error", message)


def parse_basic(headers: Mapping[str, str]) -> tuple[str, str] | None:
    value = headers.get("Authorization") or ""
    if not value.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(value[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def parse_oauth_header(headers: Mapping[str, str]) -> dict[str, str]:
    value = (headers.get("Authorization") or "").strip()
    if not value.startswith("OAuth "):
        return {}
    found = re.findall(r'(oauth_[a-z_-]*)=(?:"([^"]*)"|([^,]*))', value)
    return {name: unquote(quoted or bare) for name, quoted, bare in found}


class Authenticator:
    """Decides which WordPress user a request runs as (0 = anonymous), or raises a 401."""

    def __init__(self, credentials: Credentials, clock: Callable[[], float] = time.time) -> None:
        self._credentials = credentials
        self._clock = clock
        self._lock = threading.Lock()
        self._nonces: dict[str, dict[str, float]] = {}
        self.check_nonces = True

    def app_password_user(self, headers: Mapping[str, str]) -> int:
        basic = parse_basic(headers)
        if basic is None:
            return 0
        return self._credentials.check_app_password(*basic) or 0

    def woocommerce_user(self, method: str, urls: list[str], query_pairs: list[tuple[str, str]],
                         form_pairs: list[tuple[str, str]], headers: Mapping[str, str]) -> int:
        """User for a ``/wc/`` route. ``urls`` are candidate base URLs (http and https forms)."""
        query = php_params(query_pairs)
        key: ApiKey | None = None
        ck, cs = query.get("consumer_key"), query.get("consumer_secret")
        basic = parse_basic(headers)
        if isinstance(ck, str) and isinstance(cs, str) and ck and cs:
            key = self._check_key_secret(ck, cs)
        elif basic is not None and basic[0].startswith("ck_"):
            key = self._check_key_secret(*basic)
        elif basic is not None:
            return self.app_password_user(headers)
        else:
            key = self._check_oauth(method, urls, {**query, **php_params(form_pairs)}, headers)
        if key is None:
            return 0
        needed = ("read", "read_write") if method in ("GET", "HEAD") else ("write", "read_write")
        if method != "OPTIONS" and key.permissions not in needed:
            kind = "read" if method in ("GET", "HEAD") else "write"
            raise _auth_error(f"The API key provided does not have {kind} permissions.")
        return key.user_id

    def _check_key_secret(self, ck: str, cs: str) -> ApiKey | None:
        key = self._credentials.get_api_key(ck)
        if key is None:
            return None  # unknown key over Basic: WooCommerce falls through as anonymous
        if not hmac.compare_digest(key.consumer_secret, cs):
            raise _auth_error("Consumer secret is invalid.")
        return key

    def _check_oauth(self, method: str, urls: list[str], params: dict[str, str | list[str]],
                     headers: Mapping[str, str]) -> ApiKey | None:
        params = {**params, **parse_oauth_header(headers)}
        names = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"]
        missing = [n for n in names if not params.get(n)]
        if len(missing) == len(names):
            return None
        if missing:
            word = "parameter" if len(missing) == 1 else "parameters"
            raise ApiError(401, "woocommerce_rest_authentication_missing_parameter",
                           f"Missing OAuth {word} {', '.join(missing)}")
        ck = str(params["oauth_consumer_key"])
        key = self._credentials.get_api_key(ck)
        if key is None:
            raise _auth_error("Consumer key is invalid.")
        sig_method = str(params["oauth_signature_method"])
        given = unquote(str(params["oauth_signature"]).replace(" ", "+"))
        if sig_method not in ("HMAC-SHA1", "HMAC-SHA256"):
            raise _auth_error("Invalid signature - signature method is invalid.")
        if not any(hmac.compare_digest(oauth_signature(method, url, params, key.consumer_secret, sig_method), given)
                   for url in urls):
            raise _auth_error("Invalid signature - provided signature does not match.")
        self._check_timestamp_and_nonce(ck, str(params["oauth_timestamp"]), str(params["oauth_nonce"]))
        return key

    def _check_timestamp_and_nonce(self, ck: str, timestamp: str, nonce: str) -> None:
        now = self._clock()
        try:
            ts = int(timestamp)
        except ValueError:
            ts = 0
        if not now - NONCE_WINDOW_S <= ts <= now + NONCE_WINDOW_S:
            raise _auth_error("Invalid timestamp.")
        if not self.check_nonces:
            return
        with self._lock:
            used = self._nonces.setdefault(ck, {})
            for old, seen_at in list(used.items()):
                if seen_at < now - NONCE_WINDOW_S:
                    del used[old]
            if nonce in used:
                raise _auth_error("Invalid nonce - nonce has already been used.")
            used[nonce] = now


def candidate_base_urls(host: str, raw_path: str, forwarded_proto: str | None) -> list[str]:
    path = urlsplit(raw_path).path
    schemes = [forwarded_proto] if forwarded_proto in ("http", "https") else ["http", "https"]
    return [f"{scheme}://{host}{path}" for scheme in schemes if scheme]
