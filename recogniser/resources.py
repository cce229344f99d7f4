"""Where the shipped reference data lives, and where an office keeps its own corrections."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "recogniser"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The shipped data: inside the package when installed, the repository's ``data/`` when run from source."""
    installed = _PACKAGE_DIR / "data"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "data"


def user_data_path() -> Path:
    """Per-user data: the default database, drafts, an office's corrected reference data."""
    override = os.environ.get("RECOGNISER_DATA_HOME")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def user_config_path() -> Path:
    override = os.environ.get("RECOGNISER_CONFIG_HOME")
    return Path(override) if override else Path(user_config_dir(APP_NAME, appauthor=False))


def user_cache_path() -> Path:
    """Per-user files made again when missing: the compiled translation catalogues."""
    override = os.environ.get("RECOGNISER_CACHE_HOME")
    return Path(override) if override else Path(user_cache_dir(APP_NAME, appauthor=False))
