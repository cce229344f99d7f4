"""Reference data files already found valid against their schema, remembered by content so that they are not
checked again on every run.

Checking the framework and agency files against their JSON Schemas takes longer than an assessment itself, and
every command that assesses reads them all. What a check finds depends only on the schema and the file's bytes,
so a file is recognised by the SHA-256 digest of both: a file changed by one byte, or a schema changed by an
update, is checked again in full. Only files that passed are remembered; a file with a problem is reported on
every run. The record is a private file in the user data folder (``cache/checked-data.json``); when it cannot be
read or written the files are simply checked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Iterable
from functools import cache
from importlib import resources

from recogniser.errors import UserInputError
from recogniser.files import private_data_folder, write_text_atomically
from recogniser.resources import user_data_path

CACHE_FOLDER = "cache"
RECORD_FILE = "checked-data.json"
RECORD_FORMAT = "recogniser-checked-data/1"
#: Enough for every shipped and corrected data file several versions over; the oldest are forgotten first.
MAX_REMEMBERED = 2000

_lock = threading.Lock()


@cache
def _schema_digest(schema_name: str) -> bytes:
    return hashlib.sha256(resources.files("recogniser.schemas").joinpath(schema_name).read_bytes()).digest()


def digest(schema_name: str, raw: bytes) -> str:
    """What identifies one check: the schema's text and the file's bytes."""
    return hashlib.sha256(_schema_digest(schema_name) + raw).hexdigest()


class _Record:
    """The digests known valid, oldest first; replaced whole, never changed in place."""

    known: tuple[str, ...] | None = None


def _known() -> tuple[str, ...]:
    if _Record.known is None:
        _Record.known = _read()
    return _Record.known


def _read() -> tuple[str, ...]:
    try:
        document = json.loads((user_data_path() / CACHE_FOLDER / RECORD_FILE).read_bytes())
    except (OSError, ValueError, RecursionError):
        return ()
    if not isinstance(document, dict) or document.get("format") != RECORD_FORMAT:
        return ()
    digests = document.get("valid")
    if not isinstance(digests, list):
        return ()
    return tuple(item for item in digests if isinstance(item, str) and len(item) == 64)


def checked_before(key: str) -> bool:
    """Whether the check ``key`` (see :func:`digest`) passed before."""
    return key in _known()


def remember(keys: Iterable[str]) -> None:
    """Record the checks ``keys`` as passed; written only when something is new."""
    with _lock:
        known = _known()
        new = [key for key in dict.fromkeys(keys) if key not in known]
        if not new:
            return
        kept = (*known, *new)[-MAX_REMEMBERED:]
        _Record.known = kept
        document = {"format": RECORD_FORMAT, "valid": list(kept)}
        # Not written (a read-only folder, a full disk): the files are checked again next time.
        with contextlib.suppress(OSError, UserInputError):
            write_text_atomically(private_data_folder(CACHE_FOLDER) / RECORD_FILE, json.dumps(document) + "\n")
