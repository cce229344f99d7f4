"""Files already found valid against their schema, remembered by content so that they are not checked again on
every run: the reference data files, and case files.

Checking the framework and agency files against their JSON Schemas takes longer than an assessment itself, and
every command that assesses reads them all; checking a case file needs the JSON Schema library, which takes a
command that assesses one case longer to load than everything else it does. What a check finds depends only on
the schema and the file's bytes, so a file is recognised by the SHA-256 digest of both: a file changed by one
byte, or a schema changed by an update, is checked again in full. Only files that passed are remembered; a file
with a problem is reported on every run. The records are private files in the user data folder
(``cache/checked-data.json`` for the reference data, ``cache/checked-cases.json`` for case files, which holds
digests only, never a case's content); when one cannot be read or written the files are simply checked again.
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
RECORD_FORMAT = "recogniser-checked-data/1"

_lock = threading.Lock()


@cache
def _schema_digest(schema_name: str) -> bytes:
    return hashlib.sha256(resources.files("recogniser.schemas").joinpath(schema_name).read_bytes()).digest()


def digest(schema_name: str, raw: bytes) -> str:
    """What identifies one check: the schema's text and the file's bytes."""
    return hashlib.sha256(_schema_digest(schema_name) + raw).hexdigest()


class CheckRecord:
    """The digests of the checks that passed, oldest first, kept in ``cache/<file_name>``; at most ``limit``,
    the oldest forgotten first."""

    def __init__(self, file_name: str, limit: int) -> None:
        self.file_name = file_name
        self.limit = limit
        self.known: tuple[str, ...] | None = None  # replaced whole, never changed in place

    def checked_before(self, key: str) -> bool:
        """Whether the check ``key`` (see :func:`digest`) passed before."""
        return key in self._known()

    def remember(self, keys: Iterable[str]) -> None:
        """Record the checks ``keys`` as passed; written only when something is new."""
        with _lock:
            known = self._known()
            new = [key for key in dict.fromkeys(keys) if key not in known]
            if not new:
                return
            kept = (*known, *new)[-self.limit :]
            self.known = kept
            document = {"format": RECORD_FORMAT, "valid": list(kept)}
            # Not written (a read-only folder, a full disk): the files are checked again next time.
            with contextlib.suppress(OSError, UserInputError):
                write_text_atomically(private_data_folder(CACHE_FOLDER) / self.file_name, json.dumps(document) + "\n")

    def _known(self) -> tuple[str, ...]:
        if self.known is None:
            self.known = self._read()
        return self.known

    def _read(self) -> tuple[str, ...]:
        try:
            document = json.loads((user_data_path() / CACHE_FOLDER / self.file_name).read_bytes())
        except (OSError, ValueError, RecursionError):
            return ()
        if not isinstance(document, dict) or document.get("format") != RECORD_FORMAT:
            return ()
        digests = document.get("valid")
        if not isinstance(digests, list):
            return ()
        return tuple(item for item in digests if isinstance(item, str) and len(item) == 64)


#: The framework and agency files: enough for every shipped and corrected file several versions over.
REFERENCE_DATA = CheckRecord("checked-data.json", 2000)
#: Case files: the versions of the cases an evaluator worked on lately.
CASE_FILES = CheckRecord("checked-cases.json", 500)
