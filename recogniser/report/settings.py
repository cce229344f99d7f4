"""Who the report is from: the office, the evaluator and the logo, read from the user's ``settings.toml``.

The file lives in the user configuration folder (``recogniser.resources.user_config_path()``); every key is
optional and the table is ``[report]``::

    [report]
    office_name = "ENIC-NARIC Croatia"
    office_address = "Donje Svetice 38, 10000 Zagreb"
    evaluator_name = "Ana Horvat"
    logo = "logo.png"          # PNG or JPEG; a relative path is taken from the settings file's folder
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.utils import ImageReader

from recogniser.errors import UserInputError
from recogniser.resources import user_config_path

SETTINGS_FILE_NAME = "settings.toml"
DEFAULT_OFFICE_NAME = "Credential evaluation office"
_TEXT_LIMIT = 200


@dataclass(frozen=True)
class ReportSettings:
    """What a report says about its author. An empty evaluator name leaves a line to write the name on."""

    office_name: str = DEFAULT_OFFICE_NAME
    evaluator_name: str = ""
    logo_path: Path | None = None
    office_address: str = ""


def settings_file() -> Path:
    return user_config_path() / SETTINGS_FILE_NAME


def load_report_settings(path: Path | None = None) -> ReportSettings:
    """The report settings from ``path`` (default: the user's ``settings.toml``); defaults when it is absent.

    A value of the wrong kind, an unknown key or a logo that is not a readable image raises
    :class:`UserInputError` naming the file and the key.
    """
    source = path if path is not None else settings_file()
    try:
        raw = source.read_bytes()
    except FileNotFoundError:
        return ReportSettings()
    except OSError as error:
        raise UserInputError(f"{source}: cannot read the settings file ({error.strerror or error})") from None
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserInputError(f"{source}: the settings file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise UserInputError(f"{source}: not valid TOML ({error})") from None
    table = document.get("report", {})
    if not isinstance(table, dict):
        raise UserInputError(f"{source}: report: must be a table ([report])")
    unknown = sorted(set(table) - {"office_name", "office_address", "evaluator_name", "logo"})
    if unknown:
        known = "office_name, office_address, evaluator_name, logo"
        raise UserInputError(f"{source}: report.{unknown[0]}: unknown setting (known: {known})")
    return ReportSettings(
        office_name=_text(table, "office_name", source) or DEFAULT_OFFICE_NAME,
        office_address=_text(table, "office_address", source),
        evaluator_name=_text(table, "evaluator_name", source),
        logo_path=_logo(table, source),
    )


def _text(table: dict[str, Any], key: str, source: Path) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise UserInputError(f"{source}: report.{key}: must be text in quotes")
    value = value.strip()
    if len(value) > _TEXT_LIMIT:
        raise UserInputError(f"{source}: report.{key}: is too long ({len(value)} characters; at most {_TEXT_LIMIT})")
    return value


def _logo(table: dict[str, Any], source: Path) -> Path | None:
    value = _text(table, "logo", source)
    if not value:
        return None
    logo = Path(value).expanduser()
    if not logo.is_absolute():
        logo = source.parent / logo
    check_logo(logo, f"{source}: report.logo")
    return logo


def check_logo(logo: Path, where: str) -> None:
    """Raise :class:`UserInputError` unless ``logo`` is an image reportlab can draw."""
    if not logo.is_file():
        raise UserInputError(f"{where}: no such file {logo}")
    try:
        ImageReader(str(logo)).getSize()
    except Exception as error:  # reportlab and PIL raise many kinds for an unreadable image
        raise UserInputError(f"{where}: {logo} is not a PNG or JPEG image ({error})") from None
