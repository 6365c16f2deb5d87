"""Reading the sandbox store the way a test checks it: its REST API over HTTP with the demo key."""

from __future__ import annotations

from typing import Any

import requests

from sync.sandbox import SandboxServer


class StoreApi:
    """Mixed into the suites' fixtures that hold a running sandbox as ``store``."""

    store: SandboxServer

    def api(self, method: str, path: str, **kw: Any) -> Any:
        response = requests.request(method, f"{self.store.url}/wp-json/wc/v3{path}", auth=("ck_demo", "cs_demo"),
                                    timeout=10, **kw)
        response.raise_for_status()
        return response.json()

    def remote_id(self, ean: str) -> int:
        return int(self.api("GET", "/products", params={"global_unique_id": ean})[0]["id"])

    def online_stock(self, ean: str) -> int:
        return int(self.api("GET", "/products", params={"global_unique_id": ean})[0]["stock_quantity"])
