"""The shop and till identity the setup wizard wrote (``[till]`` in config.toml), changed later by a manager
or admin. Takes effect at the next start, like the store connection and the devices."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from pos.config import CONFIG_FILENAME, TillSettings
from pos.services.dto import UserView
from pos.services.errors import AuthError
from pos.services.first_run import CURRENCIES, FirstRunService, SetupChoices

log = logging.getLogger(__name__)


class TillSetupService:
    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    def save(self, user: UserView, *, store_name: str, tax_id: str, address: str, store_id: str, till_id: str,
             locale: str) -> None:
        if not user.is_manager:
            raise AuthError(reason="not_allowed", action="till.settings")
        FirstRunService.check_identity(SetupChoices(store_name=store_name, store_id=store_id, till_id=till_id))
        path = self._data_dir / CONFIG_FILENAME
        doc: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        till = dict(doc.get("till", {}))
        till.update(store_name=store_name.strip(), tax_id=tax_id.strip(), address=address.strip(),
                    store_id=store_id.strip().upper(), till_id=till_id.strip().upper(), locale=locale)
        if locale in CURRENCIES and "currency" not in doc.get("till", {}):
            till["currency"] = CURRENCIES[locale]
        doc["till"] = till
        tmp = path.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(doc), encoding="utf-8")
        tmp.replace(path)
        log.info("till settings changed by user %s: store %s, till %s", user.user_id, till["store_id"],
                 till["till_id"])

    @staticmethod
    def current(settings: TillSettings) -> dict[str, str]:
        return {"store_name": settings.store_name, "tax_id": settings.tax_id, "address": settings.address,
                "store_id": settings.store_id, "till_id": settings.till_id, "locale": settings.locale}
