"""HTTP client for the WordPress / WooCommerce REST API, with WooCommerce's errors mapped onto
the four kinds in :mod:`sync.errors`.

* timeouts, dropped connections, 5xx, 408/409/425/429 (``Retry-After`` honoured) → ``TransientError``;
  a store that cannot be reached at all → ``OfflineError``;
* the few 500s WooCommerce uses for requests that will never succeed (refund refused by the
  gateway, TeraWallet debit above the balance) → ``PermanentError``;
* 401/403 → ``AuthError`` with the store's own message;
* other 4xx → ``PermanentError`` with the store's ``code``, ``message`` and status;
* an HTML page, a 404 on ``/wp-json``, or a redirect → ``PermanentError`` explaining that the URL
  is not a WordPress REST endpoint (permalinks off, wrong URL, http→https redirect).

Nothing here retries: the sync engine owns backoff. Secrets never reach a log line or an
exception message (query strings are redacted and ``requests`` exceptions are not chained).
"""

from __future__ import annotations

import email.utils
import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.structures import CaseInsensitiveDict

from pos.ledger.foreground import till_at_work, yield_to_till
from sync import json_pieces
from sync.errors import AuthError, OfflineError, PermanentError, StoreError, TransientError
from sync.woocommerce.auth import AuthMode, NoAuth, auth_for, redact

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 20.0)  # connect, read (seconds)
USER_AGENT = "Mostrador-POS/0.1 (WooCommerce connector; python-requests)"
MAX_PER_PAGE = 100

# 500 answers that are WooCommerce's way of saying "no" (recordings 18, 18b, 18c, 27f).
PERMANENT_500_CODES = frozenset({
    "woocommerce_rest_cannot_create_order_refund",
    "woocommerce_rest_invalid_order_refund",
    "terawallet_rest_transaction_failed",
})
TRANSIENT_4XX = frozenset({408, 409, 425, 429})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_PHP_NOISE = re.compile(r"<b>(?:Warning|Notice|Deprecated|Strict Standards)</b>"
                        r"|^(?:PHP )?(?:Warning|Notice|Deprecated):", re.IGNORECASE | re.MULTILINE)

Params = Sequence[tuple[str, str]] | Mapping[str, Any] | None


@dataclass(frozen=True)
class ApiResponse:
    """A decoded answer: ``data`` is the parsed JSON, ``headers`` are case-insensitive."""

    status: int
    data: Any
    headers: CaseInsensitiveDict[str]

    @property
    def total_pages(self) -> int | None:
        """``X-WP-TotalPages`` (``None`` when absent)."""
        return _int_header(self.headers.get("X-WP-TotalPages"))

    @property
    def total(self) -> int | None:
        """``X-WP-Total`` (``None`` when absent)."""
        return _int_header(self.headers.get("X-WP-Total"))

    @property
    def server_time(self) -> datetime | None:
        """The ``Date`` header as an aware UTC datetime (the store's clock, not ours)."""
        value = self.headers.get("Date")
        if not value:
            return None
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _int_header(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def store_root(url: str) -> str:
    """The site root from whatever the user typed: ``https://shop.example/wp-json/wc/v3/`` →
    ``https://shop.example``. Query strings and fragments are dropped."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"store URL must start with http:// or https:// (got {url!r})")
    path = parts.path.rstrip("/")
    cut = path.find("/wp-json")
    if cut >= 0:
        path = path[:cut]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` in seconds: a number of seconds or an HTTP date; ``None`` if absent or garbage."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _loads(text: str) -> Any:
    """A page of 100 products or a batch answer is 3-6 ms of GIL in one ``json.loads``: while a cashier is at
    work it is decoded a product or an order at a time (``sync/json_pieces.py``), letting the till go
    first between them; otherwise in one call (handing the GIL over a hundred times a page cost the
    unattended 100,000-product pull 1-3 s)."""
    return json_pieces.loads(text, yield_to_till) if till_at_work() else json.loads(text)


def _dumps(value: Any) -> str:
    """``_loads`` for a request body: the same text ``requests`` would send for ``json=``."""
    return json_pieces.dumps(value, yield_to_till) if till_at_work() else json.dumps(value, allow_nan=False)


def decode_json(text: str, *, url: str, status: int, content_type: str) -> Any:
    """Parse a REST answer. Tolerates a UTF-8 BOM and PHP notices printed before the JSON (a common
    plugin/hosting quirk); anything else that is not JSON raises a clear ``PermanentError``
    (HTML: not a REST endpoint) or ``TransientError`` (a truncated/garbled body)."""
    body = text.lstrip("\ufeff").strip()
    if not body:
        return None
    try:
        return _loads(body)
    except ValueError:
        pass
    if _PHP_NOISE.search(body[:2000]):
        starts = [i for i in (body.find("{"), body.find("[")) if i >= 0]
        for start in sorted(starts):
            try:
                data, _ = json.JSONDecoder().raw_decode(body[start:])
            except ValueError:
                continue
            log.warning("store printed PHP notices before the JSON of %s; ignoring them", url)
            return data
    if body.startswith("<") or "html" in content_type.lower():
        raise not_rest_endpoint(url, status, "answered with an HTML page instead of JSON")
    raise TransientError(f"{url}: the store's answer (HTTP {status}) is not valid JSON: {body[:80]!r}",
                         code="invalid_json", status=status)


def not_rest_endpoint(url: str, status: int | None, what: str) -> PermanentError:
    """The error for "this URL is not a working WordPress REST API"."""
    return PermanentError(
        f"{url} {what}: this is not a WordPress REST endpoint. Check the store URL, and that WordPress "
        "permalinks are not 'Plain' (Settings → Permalinks) so that /wp-json/ works.",
        code="not_rest_endpoint", status=status)


def error_from_response(status: int, data: Any, headers: Mapping[str, str], url: str) -> StoreError:
    """Map a non-2xx REST answer (``{code, message, data:{status}}``) onto the engine's error kinds."""
    code, message = "", ""
    if isinstance(data, dict):
        code = str(data.get("code") or "")
        message = str(data.get("message") or "")
        details = data.get("data")
        if isinstance(details, dict) and isinstance(details.get("params"), dict) and details["params"]:
            message += " " + "; ".join(str(v) for v in details["params"].values())
    said = {"store_message": message.strip()} if message.strip() else {}  # the store's own words, for the panel
    message = message.strip() or f"HTTP {status}"
    text = f"{message} [{code}]" if code else message
    if status in (401, 403):
        if "timestamp" in message.lower():
            text += " (check the till's clock: OAuth signatures are only valid for 15 minutes)"
        return AuthError(f"store refused the credentials: {text}", code=code, status=status, params=said)
    if status == 429 or status in TRANSIENT_4XX:
        return TransientError(f"store asked us to wait: {text}", code=code, status=status, params=said,
                              retry_after=parse_retry_after(headers.get("Retry-After")))
    if status >= 500:
        if code in PERMANENT_500_CODES:
            return PermanentError(f"store refused the request: {text}", code=code, status=status, params=said)
        return TransientError(f"store error: {text}", code=code, status=status, params=said,
                              retry_after=parse_retry_after(headers.get("Retry-After")))
    if status == 404 and code == "rest_no_route":
        return PermanentError(f"{url}: the store has no such REST route ({message}). Is WooCommerce active and "
                              "up to date?", code=code, status=status)
    return PermanentError(text, code=code, status=status, params=said)


class WooClient:
    """Thin ``requests.Session`` wrapper: signs each request, applies timeouts, decodes JSON and
    raises :mod:`sync.errors` exceptions. ``path`` arguments are relative to ``/wp-json/``
    (``"wc/v3/orders"``)."""

    def __init__(self, base_url: str, consumer_key: str, consumer_secret: str, *,
                 timeout: float | tuple[float, float] = DEFAULT_TIMEOUT, auth: AuthMode = "auto",
                 session: requests.Session | None = None) -> None:
        self.root = store_root(base_url)
        self.timeout = timeout
        self._auth = auth_for(self.root, consumer_key, consumer_secret, auth)
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._session.headers["Accept"] = "application/json"

    def close(self) -> None:
        """Close pooled connections."""
        self._session.close()

    def url(self, path: str) -> str:
        """Absolute URL of a REST path."""
        return f"{self.root}/wp-json/{path.lstrip('/')}"

    def request(self, method: str, path: str, *, params: Params = None, json_body: Any = None,
                headers: Mapping[str, str] | None = None, signed: bool = True) -> ApiResponse:
        """One HTTP exchange. Raises ``TransientError``/``OfflineError``/``AuthError``/``PermanentError``."""
        yield_to_till()  # signing a request holds the GIL: not during a sale's commit
        method = method.upper()
        url = self.url(path)
        where = f"{method} {redact(url)}"
        pairs = _pairs(params)
        sent_headers = dict(headers or {})
        body = None
        if json_body is not None:  # encoded here, not by requests: a batch of orders is 2-3 ms in one C call (_dumps)
            try:
                body = _dumps(json_body).encode("utf-8")
            except (TypeError, ValueError) as exc:
                raise PermanentError(f"{where}: the request cannot be written as JSON ({exc})",
                                     code="unencodable_body") from None
            sent_headers.setdefault("Content-Type", "application/json")
        try:
            resp = self._session.request(
                method, url, params=pairs or None, data=body, headers=sent_headers,
                auth=self._auth if signed else NoAuth(), timeout=self.timeout, allow_redirects=False,
                verify=True)
        except requests.exceptions.ConnectTimeout:
            raise OfflineError(f"{where}: no connection to the store within the timeout",
                               code="connect_timeout") from None
        except requests.exceptions.Timeout:
            raise TransientError(f"{where}: the store did not answer in time", code="timeout") from None
        except requests.exceptions.SSLError as exc:
            raise OfflineError(f"{where}: TLS error ({type(exc).__name__}); check the certificate",
                               code="tls_error") from None
        except requests.exceptions.ConnectionError as exc:
            raise _connection_error(where, method, exc) from None
        except requests.exceptions.RequestException as exc:
            raise TransientError(f"{where}: {type(exc).__name__}: {redact(str(exc))}", code="http_error") from None
        log.debug("%s -> %s", where, resp.status_code)
        return self._decode(resp, redact(url))

    def _decode(self, resp: requests.Response, url: str) -> ApiResponse:
        status = resp.status_code
        headers = resp.headers
        if 300 <= status < 400:
            target = redact(headers.get("Location", "?"))
            raise PermanentError(f"{url} redirects to {target}: set the store URL to the final address "
                                 "(e.g. https://…) — requests are not re-sent across redirects",
                                 code="redirect", status=status, params={"target": target})
        content_type = headers.get("Content-Type", "")
        yield_to_till()  # decoding a page of orders holds the GIL for milliseconds: not during a sale's commit
        try:
            text = resp.content.decode("utf-8")
        except UnicodeDecodeError:
            text = resp.content.decode("latin-1")
        try:
            data = decode_json(text, url=url, status=status, content_type=content_type)
        except PermanentError:
            if status >= 500:  # a PHP fatal error page or a proxy's error page
                raise TransientError(f"{url}: store error page (HTTP {status})", status=status,
                                     retry_after=parse_retry_after(headers.get("Retry-After"))) from None
            if status == 429:
                raise TransientError(f"{url}: rate limited (HTTP 429)", status=status,
                                     retry_after=parse_retry_after(headers.get("Retry-After"))) from None
            if status in (401, 403):
                raise AuthError(f"{url}: access denied (HTTP {status}, HTML answer — a firewall or "
                                "security plugin may be blocking the API)", status=status) from None
            raise
        if 200 <= status < 300:
            if data is None and status != 204:
                raise TransientError(f"{url}: empty answer (HTTP {status})", code="empty_body", status=status)
            return ApiResponse(status, data, headers)
        if status == 404 and not isinstance(data, dict):
            raise not_rest_endpoint(url, status, "was not found")
        raise error_from_response(status, data, headers, url)

    def get(self, path: str, params: Params = None, *, signed: bool = True) -> ApiResponse:
        """GET ``path``."""
        return self.request("GET", path, params=params, signed=signed)

    def post(self, path: str, body: Any, *, headers: Mapping[str, str] | None = None) -> ApiResponse:
        """POST a JSON body to ``path``."""
        return self.request("POST", path, json_body=body, headers=headers)

    def paginate(self, path: str, params: Params = None, *, per_page: int = MAX_PER_PAGE) -> Iterator[ApiResponse]:
        """Yield each page of a listing, following ``X-WP-TotalPages``. Each page is a new, freshly
        signed request (never the ``Link`` header, which echoes our old OAuth parameters)."""
        base = [p for p in _pairs(params) if p[0] not in ("page", "per_page")]
        base.append(("per_page", str(min(max(per_page, 1), MAX_PER_PAGE))))
        page = 1
        while True:
            resp = self.get(path, [*base, ("page", str(page))])
            if not isinstance(resp.data, list):
                raise TransientError(f"{path}: expected a list, got {type(resp.data).__name__}", code="bad_listing")
            yield resp
            total_pages = resp.total_pages
            if total_pages is None:  # no header: stop at a short page
                if len(resp.data) < int(base[-1][1]):
                    return
            elif page >= total_pages:
                return
            if not resp.data:
                return
            page += 1


def _pairs(params: Params) -> list[tuple[str, str]]:
    if params is None:
        return []
    items = params.items() if isinstance(params, Mapping) else params
    out: list[tuple[str, str]] = []
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, bool):
            out.append((key, "true" if value else "false"))
        elif isinstance(value, list | tuple):
            out.extend((f"{key}[]", str(v)) for v in value)
        else:
            out.append((key, str(value)))
    return out


def _connection_error(where: str, method: str, exc: requests.exceptions.ConnectionError) -> TransientError:
    """Refused / DNS / unreachable → OfflineError. A connection that dropped after the request
    was sent → TransientError for writes (the store may have committed it: look it up before
    retrying) and OfflineError for reads."""
    text = f"{type(exc).__name__}: {exc!s}"
    never_connected = any(marker in text for marker in (
        "NewConnectionError", "NameResolutionError", "Connection refused", "Failed to resolve",
        "No route to host", "Network is unreachable", "getaddrinfo failed", "Name or service not known"))
    if never_connected:
        return OfflineError(f"{where}: cannot reach the store (connection failed)", code="unreachable")
    if method in _SAFE_METHODS:
        return OfflineError(f"{where}: the store closed the connection without answering", code="connection_dropped")
    return TransientError(f"{where}: the connection dropped before the answer arrived; the store may have "
                          "applied the request", code="connection_dropped")
