"""HTTP front of the sandbox store: ``SandboxServer`` (threaded, stdlib ``http.server``).

Serves the WooCommerce REST subset under ``/wp-json/wc/v3``, TeraWallet under
``/wp-json/terawallet/v1``, and the fault switches under ``/__sandbox/`` (loopback only).
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from . import routes_customers, routes_orders, routes_products, routes_wallet
from .auth import Authenticator, candidate_base_urls
from .errors import ApiError, not_found_route
from .faults import Faults
from .seed import seed_demo
from .store import SandboxStore
from .web import READ, REST_PREFIX, Headers, Request, Response, Router, links

log = logging.getLogger(__name__)

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
NAMESPACES = ["wc/v3", "terawallet/v1"]


def build_router(store: SandboxStore) -> Router:
    router = Router()
    routes_products.register(router, store)
    routes_orders.register(router, store)
    routes_customers.register(router, store)
    routes_wallet.register(router, store)

    def index(req: Request) -> Response:
        return Response(200, {"name": "Mostrador sandbox store", "description": "WooCommerce REST v3 subset",
                              "url": req.base_url, "home": req.base_url, "gmt_offset": "1",
                              "timezone_string": "Europe/Madrid", "namespaces": NAMESPACES, "routes": {}})

    def namespace_index(req: Request) -> Response:
        return Response(200, {"namespace": req.route.strip("/"), "routes": {}})

    def setting(req: Request) -> Response:
        group, name = req.params["group"], req.params["id"]
        known = {("general", "woocommerce_currency"): ("Currency", "select", store.setting("currency")),
                 ("tax", "woocommerce_prices_include_tax"): ("Prices entered with tax", "radio",
                                                             store.setting("prices_include_tax"))}
        if (group, name) not in known:
            raise ApiError(404, "rest_setting_setting_invalid", "Invalid setting.")
        label, kind, value = known[(group, name)]
        return Response(200, {"id": name, "label": label, "description": "", "type": kind, "default": "",
                              "tip": "", "value": value, "group_id": group,
                              "_links": links(req, f"/wc/v3/settings/{group}/{name}", f"/wc/v3/settings/{group}")})

    router.add(r"/wc/v3/settings/(?P<group>[\w-]+)/(?P<id>[\w-]+)", READ, setting, "read")
    router.add("/?", READ, index, None)
    router.add("/(?:wc/v3|terawallet/v1)", READ, namespace_index, None)
    return router


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs under concurrent clients (1 s retransmit)
    app: SandboxServer

    def __init__(self, address: tuple[str, int], app: SandboxServer) -> None:
        self.app = app
        self._conn_lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._workers: set[threading.Thread] = set()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        worker = threading.Thread(target=self._work, args=(request, client_address), daemon=True,
                                  name=f"sandbox-http-{client_address[1]}")
        with self._conn_lock:
            self._connections.add(request)
            self._workers.add(worker)
        worker.start()

    def _work(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._conn_lock:
                self._connections.discard(request)
                self._workers.discard(threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("connection from %s ended with an error", client_address, exc_info=True)

    def close_all(self, timeout: float = 5.0) -> None:
        """Shut idle keep-alive connections down and wait for their threads."""
        with self._conn_lock:
            connections, workers = list(self._connections), list(self._workers)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "MostradorSandbox/1.0"
    timeout = 60  # idle keep-alive connections
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes: without this, Nagle + delayed ACK add ~40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def do_GET(self) -> None:
        self._handle()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET  # noqa: N815

    def _handle(self) -> None:
        app = self.server.app
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        if split.path.startswith("/__sandbox/"):
            self._send(self._admin(split.path, raw))
            return
        faults = app.faults
        if faults.down:
            self._drop()
            return
        if faults.latency_s > 0:
            time.sleep(faults.latency_s)
        if faults.take_rate_limit():
            self._send(Response(429, _err(429, "sandbox_rate_limited", "Too many requests (injected fault)."),
                                {"Retry-After": "1"}))
            return
        if faults.take_5xx():
            self._send(Response(503, _err(503, "sandbox_unavailable", "Service unavailable (injected fault).")))
            return
        try:
            response = self._api(split.path, split.query, raw)
        except ApiError as err:
            response = Response(err.status, err.body(), dict(err.headers))
        except Exception:
            log.exception("sandbox request %s %s failed", self.command, self.path)
            response = Response(500, _err(500, "internal_server_error", "The sandbox store hit an internal error."))
        if self.command in WRITE_METHODS and faults.take_drop():
            self._drop()  # the change is committed; the response is lost
            return
        self._send(response)

    def _api(self, path: str, query: str, raw: bytes) -> Response:
        app = self.server.app
        if path != REST_PREFIX and not path.startswith(REST_PREFIX + "/"):
            raise not_found_route()
        route = path[len(REST_PREFIX):].rstrip("/") or "/"
        query_pairs = parse_qsl(query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").lower()
        body: Any = None
        form_pairs: list[tuple[str, str]] = []
        if raw and "application/x-www-form-urlencoded" in content_type:
            form_pairs = parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)
            body = dict(form_pairs)
        elif raw.strip():
            try:
                body = json.loads(raw)
            except ValueError as exc:
                raise ApiError(400, "rest_invalid_json", "Invalid JSON body passed.",
                               {"json_error_code": 4, "json_error_message": str(exc)}) from None
        host = self.headers.get("Host") or f"{app.host}:{app.port}"
        headers = Headers(self.headers.items())
        if route.startswith("/wc/"):
            urls = candidate_base_urls(host, self.path, headers.get("X-Forwarded-Proto"))
            user_id = app.auth.woocommerce_user(self.command, urls, query_pairs, form_pairs, headers)
        else:
            user_id = app.auth.app_password_user(headers)
        proto = headers.get("X-Forwarded-Proto") or "http"
        req = Request(self.command, route, query_pairs, headers, body, f"{proto}://{host}", user_id=user_id)
        response = app.router.dispatch(req)
        fields = req.query.get("_fields")
        if isinstance(fields, str | list) and fields:
            response.body = filter_fields(response.body, fields)
        return response

    def _admin(self, path: str, raw: bytes) -> Response:
        app = self.server.app
        if self.client_address[0] not in ("127.0.0.1", "::1", "::ffff:127.0.0.1"):
            return Response(403, _err(403, "sandbox_forbidden", "Admin endpoints answer on loopback only."))
        if path == "/__sandbox/faults" and self.command == "POST":
            try:
                values = json.loads(raw or b"{}")
                app.faults.update(values if isinstance(values, dict) else {})
            except (ValueError, TypeError):
                return Response(400, _err(400, "sandbox_bad_faults", "Send a JSON object of fault switches."))
            return Response(200, app.faults.snapshot())
        if path == "/__sandbox/faults" and self.command == "GET":
            return Response(200, app.faults.snapshot())
        if path == "/__sandbox/state" and self.command == "GET":
            return Response(200, {**app.store.counts(), "faults": app.faults.snapshot()})
        return Response(404, _err(404, "rest_no_route", "No route was found matching the URL and request method."))

    def _send(self, resp: Response) -> None:
        # compact, as PHP's json_encode writes it (and a fifth fewer bytes to send and parse)
        payload = b"" if resp.status == 204 else json.dumps(resp.body, separators=(",", ":")).encode()
        self.send_response(resp.status)
        host = self.headers.get("Host") or ""
        headers = {"Link": f'<http://{host}/wp-json/>; rel="https://api.w.org/"', **resp.headers}
        headers["Content-Type"] = "application/json; charset=UTF-8"
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _drop(self) -> None:
        """Close the connection without any response bytes."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)


def filter_fields(body: Any, fields: str | list[str]) -> Any:
    """WordPress ``?_fields=id,line_items.name``: keep only those keys (``_links`` only if asked)."""
    wanted = [f.strip() for f in (fields.split(",") if isinstance(fields, str) else fields) if f.strip()]
    return _pick(body, _field_tree(wanted))


FieldTree = dict[str, "FieldTree | None"]  # None: the whole value


def _field_tree(wanted: list[str]) -> FieldTree:
    tree: FieldTree = {}
    for name in wanted:
        head, _, rest = name.partition(".")
        if not rest:
            tree[head] = None
        elif head not in tree or tree[head] is not None:
            tree[head] = {**(tree.get(head) or {}), **_field_tree([rest])}
    return tree


def _pick(body: Any, tree: FieldTree) -> Any:
    if isinstance(body, list):
        return [_pick(item, tree) for item in body]
    if not isinstance(body, dict):
        return body
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key in tree:
            sub = tree[key]
            out[key] = value if sub is None else _pick(value, sub)
    return out


def _err(status: int, code: str, message: str) -> dict[str, Any]:
    return {"code": code, "message": message, "data": {"status": status}}


class SandboxServer:
    """The sandbox online store, embeddable in a thread.

    ``SandboxServer(data_dir, host="127.0.0.1", port=0, seed=None)``; ``start()`` returns once
    listening; ``url`` is the base URL (API at ``url + "/wp-json/wc/v3"``); ``faults`` and
    ``store`` are for tests; ``stop()`` closes connections, joins threads and closes the database.
    """

    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int = 0, seed: str | None = None) -> None:
        if seed not in (None, "demo"):
            raise ValueError(f"unknown seed {seed!r} (only 'demo')")
        self.host = host
        self.port = port
        self.store = SandboxStore(Path(data_dir))
        if seed == "demo":
            seed_demo(self.store)
        self.faults = Faults()
        self.auth = Authenticator(self.store)
        self.router = build_router(self.store)
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> SandboxServer:
        if self._httpd is not None:
            return self
        self._httpd = _HTTPServer((self.host, self.port), self)
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sandbox-http", daemon=True)
        self._thread.start()
        log.info("sandbox listening on %s", self.url)
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.close_all()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        self.store.close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
