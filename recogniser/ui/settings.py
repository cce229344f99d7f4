"""The app's settings, declared once with their defaults, kept in QSettings."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

#: How many recently opened cases the File menu offers.
RECENT_LIMIT = 8


@dataclass(frozen=True)
class TextSetting:
    key: str
    default: str = ""


OFFICE_NAME = TextSetting("report/office_name")
EVALUATOR_NAME = TextSetting("report/evaluator_name")
LOGO_PATH = TextSetting("report/logo_path")
ASSESSING_COUNTRY = TextSetting("cases/assessing_country")
#: Empty: the store's default (RECOGNISER_DATABASE_URL, else SQLite in the user data folder).
DATABASE_URL = TextSetting("store/database_url")

TEXT_SETTINGS = (OFFICE_NAME, EVALUATOR_NAME, LOGO_PATH, ASSESSING_COUNTRY, DATABASE_URL)


class AppSettings:
    """Typed access to QSettings. Tests pass their own QSettings (an INI file in a temporary folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def text(self, setting: TextSetting) -> str:
        value = self._store.value(setting.key, setting.default)
        return value if isinstance(value, str) else setting.default

    def set_text(self, setting: TextSetting, value: str) -> None:
        self._store.setValue(setting.key, value.strip())

    def layout(self, name: str) -> QByteArray | None:
        """A saved window geometry, window state or splitter state."""
        value = self._store.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._store.setValue(f"layout/{name}", state)

    def recent_cases(self) -> list[str]:
        """Recently opened case references, newest first."""
        raw = self._store.value("cases/recent", "[]")
        try:
            items = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            return []
        return [item for item in items if isinstance(item, str)] if isinstance(items, list) else []

    def remember_case(self, reference: str) -> None:
        recent = [reference, *(item for item in self.recent_cases() if item != reference)][:RECENT_LIMIT]
        self._store.setValue("cases/recent", json.dumps(recent))

    def forget_case(self, reference: str) -> None:
        self._store.setValue("cases/recent", json.dumps([r for r in self.recent_cases() if r != reference]))

    def sync(self) -> None:
        self._store.sync()
