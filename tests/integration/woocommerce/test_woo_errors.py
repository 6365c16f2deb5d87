"""Every recorded WooCommerce error, broken answers, timeouts and the sandbox's injected faults
map onto the engine's four error kinds."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from sync.errors import AuthError, OfflineError, PermanentError, StoreError, TransientError
from sync.woocommerce import WooCommerceConnector
from sync.woocommerce.client import WooClient, parse_retry_after

from .conftest import Answer, Replay, recording

AUTH = ["21-error-bad-consumer-key.json", "21b-error-bad-consumer-secret.json", "21c-error-no-auth.json",
        "21d-error-bad-app-password.json", "28c-terawallet-v1-with-wc-keys.json"]
PERMANENT = ["22-error-order-not-found.json", "22b-error-product-not-found.json", "23-error-invalid-param.json",
             "23b-error-invalid-enum.json", "24-error-stock-quantity-abc.json",
             "14b-customers-create-duplicate-email.json", "20c-orders-create-invalid-status-single.json",
             "27d-terawallet-admin-credit-no-key.json", "19b-products-batch-101-items.json"]
PERMANENT_500 = ["18-orders-refund-api-refund-true-cod.json", "18b-orders-refund-too-much.json",
                 "18c-orders-refund-api-refund-true-pos-cash.json", "27f-terawallet-admin-debit-insufficient.json"]


def _call(replay: Replay, name: str) -> StoreError:
    rec = replay.add_recording(name)
    req = rec["request"]
    client = WooClient(replay.url, "ck_test", "cs_test", timeout=(2, 5))
    with pytest.raises(StoreError) as err:
        client.request(req["method"], req["path"].removeprefix("/wp-json/"), params=req.get("query") or None,
                       json_body=req.get("body"))
    return err.value


@pytest.mark.parametrize("name", AUTH)
def test_auth_errors(replay: Replay, name: str) -> None:
    err = _call(replay, name)
    body = recording(name)["response"]["body"]
    assert type(err) is AuthError
    assert err.code == body["code"] and err.status == 401 and body["message"] in str(err)


@pytest.mark.parametrize("name", PERMANENT + PERMANENT_500)
def test_permanent_errors(replay: Replay, name: str) -> None:
    err = _call(replay, name)
    rec = recording(name)
    assert type(err) is PermanentError
    assert err.code == rec["response"]["body"]["code"] and err.status == rec["response"]["status"]
    assert rec["response"]["body"]["message"] in str(err)


def test_invalid_param_details_are_in_the_message(replay: Replay) -> None:
    err = _call(replay, "23-error-invalid-param.json")
    assert "per_page must be between 1 (inclusive) and 100 (inclusive)" in str(err)


@pytest.mark.parametrize(("status", "headers", "retry_after"), [
    (429, {"Retry-After": "7"}, 7.0), (503, {"Retry-After": "2"}, 2.0), (500, {}, None), (502, {}, None),
    (504, {}, None), (408, {}, None)])
def test_transient_statuses(replay: Replay, status: int, headers: dict[str, str], retry_after: float | None) -> None:
    body = {"code": "internal_server_error", "message": "boom", "data": {"status": status}}
    replay.add("GET", "/wp-json/wc/v3/orders", Answer(status, body, headers))
    with pytest.raises(TransientError) as err:
        WooClient(replay.url, "ck", "cs").get("wc/v3/orders")
    assert type(err.value) is TransientError and err.value.status == status
    assert err.value.retry_after == retry_after


def test_retry_after_http_date() -> None:
    from datetime import UTC, datetime
    now = datetime(2026, 11, 22, 19, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Sun, 22 Nov 2026 19:00:30 GMT", now) == 30.0
    assert parse_retry_after("soon", now) is None


def test_html_error_pages(replay: Replay) -> None:
    replay.add("GET", "/wp-json/wc/v3/orders", Answer(502, raw=b"<html><body>Bad gateway</body></html>",
                                                       headers={"Content-Type": "text/html"}))
    with pytest.raises(TransientError):
        WooClient(replay.url, "ck", "cs").get("wc/v3/orders")
    replay.add("GET", "/wp-json/wc/v3/products", Answer(200, raw=b"<!DOCTYPE html><html>shop home</html>",
                                                         headers={"Content-Type": "text/html"}))
    with pytest.raises(PermanentError, match="not a WordPress REST endpoint") as err:
        WooClient(replay.url, "ck", "cs").get("wc/v3/products")
    assert err.value.code == "not_rest_endpoint"


def test_malformed_json_is_a_clear_error(replay: Replay) -> None:
    replay.add("GET", "/wp-json/wc/v3/products", Answer(200, raw=b'[{"id": 1, "name": "trunc'))
    with pytest.raises(TransientError, match="not valid JSON") as err:
        WooClient(replay.url, "ck", "cs").get("wc/v3/products")
    assert err.value.code == "invalid_json"


def test_php_notices_before_json_are_tolerated(replay: Replay) -> None:
    noisy = b'\xef\xbb\xbf<br />\n<b>Deprecated</b>: Creation of dynamic property in x.php on line 3<br />\n[{"id": 5}]'
    replay.add("GET", "/wp-json/wc/v3/products", Answer(200, raw=noisy))
    assert WooClient(replay.url, "ck", "cs").get("wc/v3/products").data == [{"id": 5}]


def test_permalinks_off_on_ping(replay: Replay) -> None:
    replay.add("GET", "/wp-json/", Answer(404, raw=b"<html><title>Page not found</title></html>",
                                          headers={"Content-Type": "text/html; charset=UTF-8"}))
    with pytest.raises(PermanentError, match="permalinks"):
        WooCommerceConnector(replay.url, "ck", "cs").ping()


def test_ping_without_woocommerce(replay: Replay) -> None:
    replay.add("GET", "/wp-json/", Answer(200, {"name": "Blog", "namespaces": ["oembed/1.0", "wp/v2"]}))
    with pytest.raises(PermanentError, match="WooCommerce"):
        WooCommerceConnector(replay.url, "ck", "cs").ping()


def test_redirect_is_not_followed(replay: Replay) -> None:
    replay.add("POST", "/wp-json/wc/v3/orders", Answer(301, raw=b"", headers={"Location": "https://shop.example/"}))
    with pytest.raises(PermanentError, match=r"redirects to https://shop\.example/"):
        WooClient(replay.url, "ck", "cs").post("wc/v3/orders", {})
    assert len(replay.seen) == 1


@pytest.mark.parametrize("at_work", [False, True])
def test_big_bodies_go_and_come_as_json_and_one_that_cannot_be_is_refused_before_sending(
        replay: Replay, monkeypatch: pytest.MonkeyPatch, at_work: bool) -> None:
    # Bodies are encoded here, not by requests; while a cashier is at work, a batch is encoded and its
    # answer decoded an order at a time (sync.json_pieces).
    from pos.ledger import foreground
    from sync import json_pieces

    monkeypatch.setattr(foreground, "TILL_AT_WORK_S", 3600.0 if at_work else 0.0)
    till = foreground.ForegroundActivity()
    monkeypatch.setitem(foreground._ACTIVITY, "test-till", till)  # gone after the test
    with till.using():  # this thread is the till: it just sold
        pass
    pieces: list[str] = []
    for name in ("loads", "dumps"):
        real = getattr(json_pieces, name)
        monkeypatch.setattr(json_pieces, name, lambda value, pause, _real=real, _name=name: (
            pieces.append(_name), _real(value, pause))[1])
    orders = [{"status": "completed", "meta_data": [{"key": "_pos_txn_uuid", "value": f"uuid-{i}"}],
               "line_items": [{"product_id": i, "quantity": 1, "name": "Café molido 250 g " * 20}]}
              for i in range(100)]
    answer = {"create": [{"id": 1000 + i, **order} for i, order in enumerate(orders)]}
    replay.add("POST", "/wp-json/wc/v3/orders/batch", Answer(200, answer))
    got = WooClient(replay.url, "ck", "cs").post("wc/v3/orders/batch", {"create": orders})
    assert (replay.seen[-1].body, got.data) == ({"create": orders}, answer)
    assert replay.seen[-1].headers.get("Content-Type") == "application/json"
    assert pieces == (["dumps", "loads"] if at_work else [])
    with pytest.raises(PermanentError, match="cannot be written as JSON") as err:
        WooClient(replay.url, "ck", "cs").post("wc/v3/orders", {"total": float("nan")})
    assert err.value.code == "unencodable_body"
    assert len(replay.seen) == 1


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A listening socket that accepts connections and never answers."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    conns: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                conns.append(srv.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield srv.getsockname()[1]
    stop.set()
    thread.join(1)
    for c in conns:
        c.close()
    srv.close()


def test_read_timeout_is_transient(silent_port: int) -> None:
    client = WooClient(f"http://127.0.0.1:{silent_port}", "ck", "cs", timeout=(1, 0.3))
    started = time.monotonic()
    with pytest.raises(TransientError) as err:
        client.post("wc/v3/orders", {"status": "completed"})
    assert type(err.value) is TransientError and err.value.code == "timeout"
    assert time.monotonic() - started < 2


def test_refused_connection_is_offline() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(OfflineError):
        WooClient(f"http://127.0.0.1:{port}", "ck", "cs", timeout=(1, 1)).get("wc/v3/orders")


# ---------------------------------------------------------------- sandbox faults

def test_sandbox_5xx_and_429(sandbox: Any, sandbox_connector: WooCommerceConnector) -> None:
    sandbox.faults.fail_5xx_next = 2
    for _ in range(2):
        with pytest.raises(TransientError) as err:
            sandbox_connector.find_sale("00000000-0000-0000-0000-000000000000")
        assert err.value.status == 503
    sandbox.faults.rate_limit_next = 1
    with pytest.raises(TransientError) as limited:
        sandbox_connector.find_sale("00000000-0000-0000-0000-000000000000")
    assert limited.value.status == 429 and limited.value.retry_after == 1.0
    assert sandbox_connector.find_sale("00000000-0000-0000-0000-000000000000") is None


def test_sandbox_latency_and_down(sandbox: Any) -> None:
    sandbox.faults.latency_s = 0.6
    slow = WooCommerceConnector(sandbox.url, "ck_demo", "cs_demo", timeout=(1, 0.2))
    with pytest.raises(TransientError) as err:
        slow.find_sale("00000000-0000-0000-0000-000000000000")
    assert err.value.code == "timeout"
    sandbox.faults.reset()
    sandbox.faults.down = True
    with pytest.raises(OfflineError):
        WooCommerceConnector(sandbox.url, "ck_demo", "cs_demo", timeout=(1, 1)).ping()
    sandbox.faults.reset()


def test_ping_reads_store_settings(replay: Replay) -> None:
    replay.add("GET", "/wp-json/", Answer(200, {"name": "Tienda", "namespaces": ["wp/v2", "wc/v3"]}))
    replay.add("GET", "/wp-json/wc/v3/products", Answer(200, [{"id": 18}]))
    replay.add("GET", "/wp-json/wc/v3/settings/general/woocommerce_currency", Answer(200, {"value": "MXN"}))
    replay.add("GET", "/wp-json/wc/v3/settings/tax/woocommerce_prices_include_tax", Answer(200, {"value": "no"}))
    info = WooCommerceConnector(replay.url, "ck", "cs", currency="EUR").ping()
    assert (info.name, info.currency, info.prices_include_tax) == ("Tienda", "MXN", False)
    root = replay.seen[0]
    assert root.path == "/wp-json/" and not any(k.startswith("oauth_") for k, _ in root.query)
    assert "oauth_signature" in replay.seen[1].params
