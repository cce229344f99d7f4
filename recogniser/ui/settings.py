"""What the window remembers for this user in QSettings: its layout and the recent cases.

The office's settings (who signs reports, the default assessing country, the database) live in settings.toml,
shared with the command line: see :mod:`recogniser.settings`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

#: How many recently opened cases the File menu offers.
RECENT_LIMIT = 8

#: Where the window kept the office's settings before they moved to settings.toml (recogniser.settings), by the
#: attribute of :class:`recogniser.settings.Settings` each becomes. Read once, moved, then removed.
LEGACY_OFFICE_KEYS = {
    "report/office_name": "office_name",
    "report/evaluator_name": "evaluator_name",
    "report/logo_path": "logo",
    "cases/assessing_country": "assessing_country",
    "store/database_url": "database_url",
}


class AppSettings:
    """Typed access to QSettings. Tests pass their own QSettings (an INI file in a temporary folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    def legacy_office_settings(self) -> dict[str, str]:
        """The office settings an earlier version kept here, by :class:`recogniser.settings.Settings` attribute."""
        found: dict[str, str] = {}
        for key, attribute in LEGACY_OFFICE_KEYS.items():
            value = self._store.value(key)
            if isinstance(value, str) and value.strip():
                found[attribute] = value.strip()
        return found

    def forget_legacy_office_settings(self) -> None:
        for key in LEGACY_OFFICE_KEYS:
            self._store.remove(key)

    def office_country_asked(self) -> bool:
        """Whether the office's country was asked on an earlier start (it is asked once)."""
        return bool(self._store.value("first_start/office_country_asked", False, type=bool))

    def remember_office_country_asked(self) -> None:
        self._store.setValue("first_start/office_country_asked", True)

    def last_folder(self) -> str:
        """The folder a file was last opened from or saved to ("" before the first)."""
        value = self._store.value("files/last_folder", "")
        return value if isinstance(value, str) else ""

    def remember_folder(self, folder: str) -> None:
        self._store.setValue("files/last_folder", folder)

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
