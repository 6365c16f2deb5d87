"""The WordPress REST error shape ``{code, message, data}`` as an exception."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A WP_Error: rendered as ``{"code", "message", "data": {"status", ...}}``.

    ``bare_data`` reproduces the few WooCommerce errors whose ``data`` is just the status
    number (the refund controller's ``"data": 500``).
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        extra: dict[str, Any] | None = None,
        *,
        bare_data: bool = False,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra or {}
        self.bare_data = bare_data
        self.headers: dict[str, str] = {}

    def body(self) -> dict[str, Any]:
        data: Any = self.status if self.bare_data else {"status": self.status, **self.extra}
        return {"code": self.code, "message": self.message, "data": data}


def invalid_param(name: str, message: str, code: str, data: Any = None) -> ApiError:
    """400 ``rest_invalid_param`` with ``params`` and ``details`` as WordPress builds it."""
    return invalid_params({name: (message, code, data)})


def invalid_params(errors: dict[str, tuple[str, str, Any]]) -> ApiError:
    return ApiError(
        400,
        "rest_invalid_param",
        "Invalid parameter(s): " + ", ".join(errors),
        {
            "params": {name: msg for name, (msg, _, _) in errors.items()},
            "details": {name: {"code": code, "message": msg, "data": data}
                        for name, (msg, code, data) in errors.items()},
        },
    )


def missing_params(names: list[str]) -> ApiError:
    return ApiError(400, "rest_missing_callback_param", "Missing parameter(s): " + ", ".join(names), {"params": names})


def not_found_route() -> ApiError:
    return ApiError(404, "rest_no_route", "No route was found matching the URL and request method.")
