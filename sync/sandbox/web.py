"""Tiny WordPress-REST-like request/response layer: routing, argument checks, pagination.

No sockets here (see ``server.py``); handlers get a :class:`Request` and return a
:class:`Response` or raise :class:`~sync.sandbox.errors.ApiError`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from .errors import ApiError, invalid_param, not_found_route
from .money import parse_wp_date

REST_PREFIX = "/wp-json"


class Headers(Mapping[str, str]):
    """Case-insensitive, read-only request headers."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._items = {k.lower(): v for k, v in items}

    def __getitem__(self, key: str) -> str:
        return self._items[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class Request:
    method: str
    route: str  # path below /wp-json, e.g. "/wc/v3/products/18"
    query_pairs: list[tuple[str, str]]
    headers: Mapping[str, str]
    body: Any
    base_url: str  # "http://127.0.0.1:8080"
    params: dict[str, str] = field(default_factory=dict)  # from the route pattern
    user_id: int = 0  # authenticated WordPress user, 0 = anonymous

    @property
    def query(self) -> dict[str, Any]:
        """PHP-like ``$_GET``: the last value wins, ``key[]`` collects a list."""
        out: dict[str, Any] = {}
        for key, value in self.query_pairs:
            if key.endswith("[]"):
                out.setdefault(key[:-2], [])
                if isinstance(out[key[:-2]], list):
                    out[key[:-2]].append(value)
            else:
                out[key] = value
        return out

    def rest_url(self, route: str) -> str:
        return f"{self.base_url}{REST_PREFIX}{route}"

    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}


@dataclass
class Response:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[Request], Response]

READ = ("GET", "HEAD")
CREATE = ("POST",)
EDIT = ("POST", "PUT", "PATCH")
DELETE = ("DELETE",)

# Permission kinds -> error WooCommerce gives an anonymous caller.
PERMISSION_ERRORS: dict[str, tuple[str, str]] = {
    "list": ("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."),
    "read": ("woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."),
    "create": ("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources."),
    "edit": ("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource."),
    "delete": ("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource."),
    "batch": ("woocommerce_rest_cannot_batch", "Sorry, you are not allowed to batch manipulate this resource."),
    "wallet_read": ("woocommerce_rest_cannot_read", "Sorry, you are not allowed to read wallet resources."),
    "wallet_write": ("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create wallet resources."),
}


@dataclass
class _Endpoint:
    methods: tuple[str, ...]
    handler: Handler
    permission: str | None  # key of PERMISSION_ERRORS, None = public


@dataclass
class _Route:
    regex: re.Pattern[str]
    endpoints: list[_Endpoint]

    @property
    def allow(self) -> str:
        seen: list[str] = []
        for ep in self.endpoints:
            for m in ep.methods:
                if m != "HEAD" and m not in seen:
                    seen.append(m)
        return ", ".join(seen)


class Router:
    """Routes like ``register_rest_route``: pattern groups become ``request.params``."""

    def __init__(self) -> None:
        self._routes: list[_Route] = []

    def add(self, pattern: str, methods: tuple[str, ...], handler: Handler, permission: str | None) -> None:
        regex = re.compile("^" + pattern + "$")
        for route in self._routes:
            if route.regex.pattern == regex.pattern:
                route.endpoints.append(_Endpoint(methods, handler, permission))
                return
        self._routes.append(_Route(regex, [_Endpoint(methods, handler, permission)]))

    def dispatch(self, req: Request) -> Response:
        for route in self._routes:
            match = route.regex.match(req.route)
            if not match:
                continue
            for ep in route.endpoints:
                if req.method in ep.methods:
                    req.params = {k: v for k, v in match.groupdict().items() if v is not None}
                    if ep.permission and not req.user_id:
                        code, message = PERMISSION_ERRORS[ep.permission]
                        raise ApiError(401, code, message)
                    try:
                        resp = ep.handler(req)
                    except ApiError as err:
                        err.headers.setdefault("Allow", route.allow)
                        raise
                    resp.headers.setdefault("Allow", route.allow)
                    return resp
        raise not_found_route()


# ---------------------------------------------------------------- argument checks (WordPress messages)

def wp_list(items: list[str]) -> str:
    """wp_sprintf_l: 'a, b, and c'."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def is_wp_integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, str):
        try:
            dec = Decimal(value.strip())
        except InvalidOperation:
            return False
        return dec.is_finite() and dec == dec.to_integral_value() and value.strip() != ""
    return False


def to_wp_bool(value: Any) -> bool | None:
    """rest_sanitize_boolean for valid input, None when not a boolean."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return None


def lenient_int(value: Any) -> int:
    """PHP intval()-like conversion used where WooCommerce skips schema validation (batch)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return int(value)
    match = re.match(r"^\s*[-+]?\d+", str(value))
    return int(match.group(0)) if match else 0


def type_error(name: str, type_name: str) -> ApiError:
    return invalid_param(name, f"{name} is not of type {type_name}.", "rest_invalid_type", {"param": name})


def check_int(name: str, value: Any) -> int:
    if not is_wp_integer(value):
        raise type_error(name, "integer")
    return int(Decimal(str(value).strip()))


def check_bool(name: str, value: Any) -> bool:
    result = to_wp_bool(value)
    if result is None:
        raise type_error(name, "boolean")
    return result


def check_str(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise type_error(name, "string")
    return value


def check_enum(name: str, value: Any, allowed: list[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        msg = f"{name} is not one of {wp_list(allowed)}."
        raise invalid_param(name, msg, "rest_not_in_enum")
    return value


def query_int(req: Request, name: str, default: int, minimum: int | None = None, maximum: int | None = None) -> int:
    raw = req.query.get(name)
    if raw is None or raw == "":
        return default
    value = check_int(name, raw)
    if minimum is not None and maximum is not None and not minimum <= value <= maximum:
        msg = f"{name} must be between {minimum} (inclusive) and {maximum} (inclusive)"
        raise invalid_param(name, msg, "rest_out_of_bounds")
    if minimum is not None and value < minimum:
        raise invalid_param(name, f"{name} must be greater than or equal to {minimum}", "rest_out_of_bounds")
    return value


def query_enum(req: Request, name: str, allowed: list[str], default: str) -> str:
    raw = req.query.get(name)
    if raw is None or raw == "":
        return default
    return check_enum(name, raw, allowed)


def query_enum_list(req: Request, name: str, allowed: list[str], default: list[str]) -> list[str]:
    """An array-of-enum argument ('a,b' or a[]=...), messages name the bad item 'status[0]'."""
    raw = req.query.get(name)
    if raw is None or raw == "":
        return default
    items = raw if isinstance(raw, list) else [s.strip() for s in str(raw).split(",") if s.strip()]
    for i, item in enumerate(items):
        if item not in allowed:
            msg = f"{name}[{i}] is not one of {wp_list(allowed)}."
            raise invalid_param(name, msg, "rest_not_in_enum")
    return items


def query_list(req: Request, name: str) -> list[str]:
    raw = req.query.get(name)
    if raw is None or raw == "":
        return []
    items = raw if isinstance(raw, list) else str(raw).split(",")
    return [s.strip() for s in items if s.strip()]


def query_int_list(req: Request, name: str) -> list[int]:
    items = query_list(req, name)
    for i, item in enumerate(items):
        if not is_wp_integer(item):
            raise invalid_param(name, f"{name}[{i}] is not of type integer.", "rest_invalid_type", {"param": name})
    return [int(x) for x in items]


def query_bool(req: Request, name: str, default: bool) -> bool:
    raw = req.query.get(name)
    if raw is None or raw == "":
        return default
    return check_bool(name, raw)


def query_date(req: Request, name: str) -> int | None:
    raw = req.query.get(name)
    if raw is None or raw == "":
        return None
    gmt = to_wp_bool(req.query.get("dates_are_gmt", "false")) is True
    try:
        return parse_wp_date(str(raw), gmt)
    except ValueError:
        raise invalid_param(name, "Invalid date.", "rest_invalid_date") from None


def page_args(req: Request, default_per_page: int = 10) -> tuple[int, int]:
    per_page = query_int(req, "per_page", default_per_page, 1, 100)
    page = query_int(req, "page", 1, 1)
    return page, per_page


def offset_arg(req: Request) -> int | None:
    """WordPress's ``offset``: items to pass over; when given it overrides ``page`` (the totals in the headers
    still count the whole listing)."""
    return None if req.query.get("offset") in (None, "") else query_int(req, "offset", 0, 0)


def paged(req: Request, items: list[Any], total: int, page: int, per_page: int, route: str) -> Response:
    """A collection response with X-WP-Total, X-WP-TotalPages and an RFC 5988 Link header.

    Like WordPress, the Link URLs echo the whole request query string (including any
    oauth_* parameters), with ``page`` replaced.
    """
    pages = math.ceil(total / per_page) if total else 0
    headers = {"X-WP-Total": str(total), "X-WP-TotalPages": str(pages)}
    links: list[str] = []
    if page > 1 and pages:
        links.append(f'<{_page_url(req, route, min(page - 1, pages))}>; rel="prev"')
    if page < pages:
        links.append(f'<{_page_url(req, route, page + 1)}>; rel="next"')
    if links:
        headers["Link"] = ", ".join(links)
    return Response(200, items, headers)


def _page_url(req: Request, route: str, page: int) -> str:
    pairs = [(k, v) for k, v in req.query_pairs]
    if any(k == "page" for k, _ in pairs):
        pairs = [(k, str(page) if k == "page" else v) for k, v in pairs]
    else:
        pairs.append(("page", str(page)))
    return req.rest_url(route) + "?" + urlencode(pairs)


def links(req: Request, self_route: str, collection_route: str, allow: list[str] | None = None,
          **extra: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``_links`` block: self (with targetHints), collection, then extras in order."""
    self_link: dict[str, Any] = {"href": req.rest_url(self_route)}
    if allow:
        self_link["targetHints"] = {"allow": allow}
    out: dict[str, Any] = {"self": [self_link], "collection": [{"href": req.rest_url(collection_route)}]}
    out.update(extra)
    return out


ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
