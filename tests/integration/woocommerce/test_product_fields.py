"""The catalogue pull asks for ``_fields=PRODUCT_FIELDS`` only: the mapping must never need another field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from sync.sandbox.server import filter_fields
from sync.woocommerce.keyset_paging import changed
from sync.woocommerce.products import PRODUCT_FIELDS, is_sellable, modified_of, parent_info, to_remote_product

from .conftest import recording

LISTED = frozenset(PRODUCT_FIELDS.split(","))
PRODUCT_RECORDINGS = ["01-products-create.json", "01b-products-create-variable.json", "01c-variations-create.json",
                      "02-products-list-page1.json", "02b-products-list-page2.json", "03-products-modified-after.json",
                      "03b-variations-modified-after.json", "04b-products-by-gtin-variation.json",
                      "05c-variations-by-sku.json", "25-products-update-stock-absolute.json"]


class OnlyListed(dict[str, Any]):
    """A product JSON that fails the test when code reads a field the pull does not ask for."""

    def _check(self, key: object) -> None:
        assert key in LISTED, f"the catalogue pull reads {key!r}, which is not in PRODUCT_FIELDS"

    def __getitem__(self, key: str) -> Any:
        self._check(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self._check(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._check(key)
        return super().__contains__(key)


def _products() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in PRODUCT_RECORDINGS:
        body = recording(name)["response"]["body"]
        out += body if isinstance(body, list) else [body]
    return out


@pytest.mark.parametrize("raw", _products(), ids=lambda raw: f"{raw['type']}-{raw['id']}")
def test_mapping_reads_only_the_listed_fields_and_gives_the_same_result(raw: dict[str, Any]) -> None:
    filtered = filter_fields(raw, PRODUCT_FIELDS)
    parent = parent_info(_products()[1]) if raw.get("parent_id") else None  # the variable product (01b)
    assert set(filtered) == LISTED & set(raw)
    if raw["type"] == "variable":
        assert parent_info(OnlyListed(raw)) == parent_info(raw)
    assert is_sellable(OnlyListed(raw)) == is_sellable(raw)
    assert modified_of(OnlyListed(raw)) == modified_of(raw)
    if is_sellable(raw):
        assert to_remote_product(OnlyListed(raw), 2, parent) == to_remote_product(raw, 2, parent)
        assert to_remote_product(filtered, 2, parent) == to_remote_product(raw, 2, parent)


def test_keyset_paging_reads_only_the_listed_fields() -> None:
    class Client:
        def get(self, path: str, params: Mapping[str, Any]) -> Any:
            assert params["_fields"] == PRODUCT_FIELDS
            return type("Resp", (), {"data": [OnlyListed(r) for r in _products()[:3]], "total_pages": 1})()

    pages = list(changed(Client(), "wc/v3/products", {"_fields": PRODUCT_FIELDS}, None))  # type: ignore[arg-type]
    assert [len(p) for p in pages] == [3]
