"""Authentication with a WooCommerce REST API key (consumer key ``ck_…`` / secret ``cs_…``).

WooCommerce accepts the key in two ways, and we pick one from the store URL's scheme:

* **https** → HTTP Basic ``ck:cs`` (TLS verification stays on).
* **http** → OAuth 1.0a "one-legged" signatures, with the ``oauth_*`` parameters in the query
  string. The signature base string follows ``class-wc-rest-authentication.php``:

  ``METHOD & rawurlencode(url) & join('%26', rawurlencode(rawurlencode(k) '=' rawurlencode(v)))``

  where ``url`` is the request URL without its query string, the parameters are every query
  parameter as PHP's ``$_GET`` sees it (``oauth_signature`` excluded) sorted with ``strcmp`` on
  the raw keys, array parameters ``k[]=a`` are written ``k%5B0%5D=a`` before the second
  encoding, and the HMAC key is ``consumer_secret + '&'`` (no token). WooCommerce also checks a
  ±15 minute timestamp window and refuses a nonce it has seen, so every request — every page of a
  listing and every retry — is signed afresh (:class:`OAuth1QueryAuth` does it on each send).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Sequence
from typing import Literal
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth

SignatureMethod = Literal["HMAC-SHA256", "HMAC-SHA1"]
AuthMode = Literal["auto", "oauth", "basic"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_SECRET_PARAMS = re.compile(r"((?:oauth_[a-z_]+|consumer_key|consumer_secret)=)[^&\s'\"<>]*", re.IGNORECASE)

# PHP parameter value: a string, or (for ``k[]`` / ``k[x]``) an ordered mapping of sub-key → string.
PhpValue = str | dict[str, str]


def rfc3986(text: str) -> str:
    """Percent-encode like PHP's ``rawurlencode`` (everything but ``A-Za-z0-9-._~``)."""
    return quote(text, safe="~")


def redact(text: str) -> str:
    """Remove OAuth parameters and query-string credentials from a URL or message (for logs/errors)."""
    return _SECRET_PARAMS.sub(r"\1***", text)


def normalized_base_url(url: str) -> str:
    """The URL as WordPress rebuilds it for the signature: lower-case scheme and host, no default
    port, no query string or fragment."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", "", ""))


def php_params(pairs: Sequence[tuple[str, str]]) -> dict[str, PhpValue]:
    """Query pairs as PHP's ``$_GET`` holds them: a repeated plain key keeps the last value,
    ``k[]=a&k[]=b`` becomes ``{"k": {"0": "a", "1": "b"}}``, ``k[x]=a`` becomes ``{"k": {"x": "a"}}``,
    and ``.`` or space in a top-level name becomes ``_``."""
    out: dict[str, PhpValue] = {}
    for raw_key, value in pairs:
        name, bracket, rest = raw_key.partition("[")
        name = name.replace(".", "_").replace(" ", "_")
        if not bracket or "]" not in rest:
            out[name] = value
            continue
        sub = rest[: rest.index("]")]
        current = out.get(name)
        group = current if isinstance(current, dict) else {}
        if sub == "":
            sub = str(sum(1 for k in group if k.isdigit()))
        group[sub] = value
        out[name] = group
    return out


def signature_base_string(method: str, url: str, params: dict[str, PhpValue]) -> str:
    """The string WooCommerce signs (see the module docstring). ``url`` has no query string."""
    items = [(k, v) for k, v in params.items() if k != "oauth_signature"]
    items.sort(key=lambda kv: kv[0].encode("utf-8"))  # uksort($params, 'strcmp') on the raw keys
    parts: list[str] = []
    for key, value in items:
        enc_key = rfc3986(key)
        if isinstance(value, dict):
            for sub_key, sub_value in value.items():  # nested arrays keep their order
                parts.append(rfc3986(f"{enc_key}%5B{sub_key}%5D={rfc3986(sub_value)}"))
        else:
            parts.append(rfc3986(f"{enc_key}={rfc3986(value)}"))
    return f"{method.upper()}&{rfc3986(normalized_base_url(url))}&" + "%26".join(parts)


def oauth_signature(method: str, url: str, params: dict[str, PhpValue], consumer_secret: str,
                    signature_method: SignatureMethod = "HMAC-SHA256") -> str:
    """Base64 HMAC of :func:`signature_base_string` with the key ``consumer_secret + '&'``."""
    digestmod = hashlib.sha256 if signature_method == "HMAC-SHA256" else hashlib.sha1
    base = signature_base_string(method, url, params)
    digest = hmac.new(f"{consumer_secret}&".encode(), base.encode("utf-8"), digestmod).digest()
    return base64.b64encode(digest).decode("ascii")


def sign_query(method: str, url: str, params: Sequence[tuple[str, str]], consumer_key: str, consumer_secret: str,
               *, signature_method: SignatureMethod = "HMAC-SHA256", timestamp: int | None = None,
               nonce: str | None = None) -> list[tuple[str, str]]:
    """``params`` plus the five ``oauth_*`` parameters of a signed request (a fresh nonce each call)."""
    pairs = [(k, v) for k, v in params if not k.startswith("oauth_")]
    pairs += [
        ("oauth_consumer_key", consumer_key),
        ("oauth_timestamp", str(int(time.time()) if timestamp is None else timestamp)),
        ("oauth_nonce", nonce or secrets.token_hex(16)),
        ("oauth_signature_method", signature_method),
    ]
    signature = oauth_signature(method, url, php_params(pairs), consumer_secret, signature_method)
    return [*pairs, ("oauth_signature", signature)]


def encode_query(pairs: Sequence[tuple[str, str]]) -> str:
    """A query string with every key and value percent-encoded (``+`` → ``%2B``, space → ``%20``)."""
    return "&".join(f"{quote(k, safe='[]~')}={quote(v, safe='~')}" for k, v in pairs)


class OAuth1QueryAuth(AuthBase):
    """``requests`` auth hook: signs each prepared request with OAuth 1.0a query parameters.

    The query the caller built is decoded the way PHP decodes it, signed, and re-encoded, so what
    WooCommerce verifies is exactly what was signed. Works for every method; JSON bodies are not
    part of the signature (only form-encoded bodies would be, and we never send those).
    """

    def __init__(self, consumer_key: str, consumer_secret: str,
                 signature_method: SignatureMethod = "HMAC-SHA256") -> None:
        self._key = consumer_key
        self._secret = consumer_secret
        self.signature_method: SignatureMethod = signature_method

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        parts = urlsplit(r.url or "")
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
        signed = sign_query(r.method or "GET", url, pairs, self._key, self._secret,
                            signature_method=self.signature_method)
        r.url = urlunsplit((parts.scheme, parts.netloc, parts.path, encode_query(signed), ""))
        r.headers.pop("Authorization", None)
        return r

    def __repr__(self) -> str:  # never show the secret
        return f"OAuth1QueryAuth(key={self._key[:7]}…, method={self.signature_method})"


class NoAuth(AuthBase):
    """Explicitly anonymous (keeps ``requests`` from picking credentials out of ``~/.netrc``)."""

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        r.headers.pop("Authorization", None)
        return r


def auth_for(url: str, consumer_key: str, consumer_secret: str, mode: AuthMode = "auto") -> AuthBase:
    """The auth hook for a store URL: Basic over https, OAuth 1.0a over http (unless ``mode`` forces one)."""
    if mode == "auto":
        mode = "basic" if urlsplit(url).scheme.lower() == "https" else "oauth"
    if mode == "basic":
        return HTTPBasicAuth(consumer_key, consumer_secret)
    return OAuth1QueryAuth(consumer_key, consumer_secret)
