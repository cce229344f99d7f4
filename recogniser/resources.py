"""Where the shipped reference data lives, and where an office keeps its own corrections."""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "recogniser"
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?$")

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


def translated_names(name: str, language: str) -> list[str]:
    """The file names under which ``name`` is looked for in ``language``, most specific first, ``name`` last.

    A shipped document's translation sits beside it with the language before the suffix: ``user-guide.md`` in
    French is ``user-guide.fr.md``, and ``fr_CA`` tries ``user-guide.fr_CA.md``, then ``user-guide.fr.md``. The
    caller takes the first that exists, so a language without a translation (English, the originals' own) gets
    the original.
    """
    if not _LANGUAGE_CODE.match(language):
        raise ValueError(f"language {language!r}: use a language code such as en, fr or fr_CA")
    stem, dot, suffix = name.rpartition(".")
    codes = dict.fromkeys([language.replace("-", "_"), re.split(r"[_-]", language)[0]])
    return [f"{stem}.{code}.{suffix}" if dot else f"{name}.{code}" for code in codes] + [name]
