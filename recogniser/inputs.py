"""Files and JSON a user gives, bounded before they are read: what every reader of cases, credentials, seminar
packs, responses, verdicts and settings shares.

A file is opened without blocking and checked to be a regular file before a byte is read (a FIFO would hang the
run, ``/dev/zero`` would fill the memory), and the size limit is checked on the bytes actually read, not on what
the file system said a moment earlier. JSON is refused when it nests deeper than any Recogniser format does,
when a number is too large to be a number of anything (``1e400``, a 400-digit integer) and, for the readers that
ask, when an object gives a key twice.
"""

from __future__ import annotations

import json
import math
import os
import stat
from collections import Counter
from collections.abc import Callable
from typing import Any

from recogniser.errors import UserInputError

#: No Recogniser format nests beyond a few levels; an unknown key's value may add some. Deeper is refused
#: before any check walks the document.
MAX_JSON_DEPTH = 64

#: Integers with more digits are refused: 20 digits hold any 64-bit number, far beyond any count or credit.
MAX_INTEGER_DIGITS = 20

_CHUNK = 1024 * 1024


class InputFileError(UserInputError):
    """A file that cannot be read as asked; ``reason`` says why without the file's name, for readers that
    report problems in their own form."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


def read_bounded(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused with :class:`InputFileError` when it is not a regular
    file (a folder, device, pipe or socket) or holds more than ``limit`` bytes (``what`` names it in the reason:
    "a case file is at most ...")."""
    source = os.fspath(path)
    try:
        # Non-blocking, so that opening a FIFO with no writer returns at once rather than waiting for one.
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise InputFileError(source, f"cannot read the file ({error.strerror or error})") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputFileError(source, "is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise InputFileError(source, "is not a regular file (a device, pipe or socket); give a file")
        if status.st_size > limit:
            raise InputFileError(source, _too_large(status.st_size, limit, what))
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(descriptor, min(_CHUNK, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # the file grew since it was looked at
                raise InputFileError(source, _too_large(size, limit, what, at_least=True))
        return b"".join(chunks)
    except OSError as error:
        raise InputFileError(source, f"cannot read the file ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


def _too_large(size: int, limit: int, what: str, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"file is {more}{size:,} bytes; a {what} is at most {limit:,} bytes"


class JsonInputError(ValueError):
    """JSON that is refused before it is used; the message says why in a line."""


def load_json(
    text: str | bytes,
    *,
    object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
    max_depth: int = MAX_JSON_DEPTH,
) -> Any:
    """``text`` parsed as JSON, refused with :class:`JsonInputError` when it is not JSON, nests deeper than
    ``max_depth``, or holds NaN, Infinity or a number too large to be one (``1e400``, 21 digits or more)."""
    try:
        document = json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_integer,
            parse_float=_finite,
            object_pairs_hook=object_pairs_hook,
        )
    except json.JSONDecodeError as error:
        raise JsonInputError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from None
    except RecursionError:
        raise JsonInputError(_too_deep(max_depth)) from None
    except UnicodeDecodeError as error:
        raise JsonInputError(f"not UTF-8 text (byte at offset {error.start:,})") from None
    if nesting_depth(document, max_depth) > max_depth:
        raise JsonInputError(_too_deep(max_depth))
    return document


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An ``object_pairs_hook`` for :func:`load_json`: an object giving a key twice is refused (JSON readers
    differ on which one counts, so the file could mean one thing here and another elsewhere)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        twice = next(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
        raise JsonInputError(f"the key {json.dumps(twice, ensure_ascii=False)} is given twice in an object; keep one")
    return document


def nesting_depth(document: Any, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep ``document`` nests (a scalar 0, ``[]`` 1...), counted up to ``limit + 1`` only; a loop, not
    recursion, so that any depth is measured safely."""
    deepest = 0
    pending: list[tuple[int, Any]] = [(1, document)] if isinstance(document, dict | list) else []
    while pending:
        depth, value = pending.pop()
        if depth > deepest:
            deepest = depth
            if deepest > limit:
                return deepest
        children = value.values() if isinstance(value, dict) else value
        pending.extend((depth + 1, child) for child in children if isinstance(child, dict | list))
    return deepest


def lone_surrogate_path(document: Any) -> str | None:
    """The dotted path of the first text in ``document`` (keys included) holding a lone surrogate (``\\ud800``,
    which JSON can write but UTF-8 cannot), None when there is none."""
    pending: list[tuple[str, Any]] = [("", document)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            if not _encodable(value):
                return path or "the document"
        elif isinstance(value, dict):
            for key, child in value.items():
                if not _encodable(key):
                    return path or "the document"
                pending.append((f"{path}.{key}" if path else key, child))
        elif isinstance(value, list):
            pending.extend((f"{path}[{index}]", child) for index, child in enumerate(value))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _too_deep(limit: int) -> str:
    return f"nested more than {limit} levels deep"


def _refuse_constant(name: str) -> Any:
    raise JsonInputError(f"not valid JSON: {name} is not a JSON number")


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INTEGER_DIGITS:
        raise JsonInputError(f"a number of {digits:,} digits is too large (at most {MAX_INTEGER_DIGITS})")
    return int(text)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonInputError(f"the number {text[:40]} is too large")
    return value
