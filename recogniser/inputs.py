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

from recogniser.errors import UserInputError, cannot_read, located
from recogniser.i18n import N_, Phrase, Value, phrase
from recogniser.joining import grouped

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
        super().__init__(located(source, reason))


def read_bounded(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused with :class:`InputFileError` when it is not a regular
    file (a folder, device, pipe or socket) or holds more than ``limit`` bytes (``what`` names it in the reason:
    "a case file is at most ...")."""
    source = os.fspath(path)
    try:
        # Non-blocking, so that opening a FIFO with no writer returns at once rather than waiting for one.
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise InputFileError(source, cannot_read(error)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise InputFileError(source, phrase("is a folder, not a file"))
        if not stat.S_ISREG(status.st_mode):
            raise InputFileError(source, phrase("is not a regular file (a device, pipe or socket); give a file"))
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
        raise InputFileError(source, cannot_read(error)) from None
    finally:
        os.close(descriptor)


def _too_large(size: int, limit: int, what: str, *, at_least: bool = False) -> str:
    values: dict[str, Value] = {"size": grouped(size), "what": Phrase(what), "limit": grouped(limit)}
    if at_least:
        return phrase("file is more than {size} bytes; a {what} is at most {limit} bytes", **values)
    return phrase("file is {size} bytes; a {what} is at most {limit} bytes", **values)


#: The JSON reader's words for what it expected, marked so that a reader of another language is told them in
#: theirs.
_JSON_REASONS = frozenset(
    {
        N_("Expecting value"),
        N_("Expecting property name enclosed in double quotes"),
        N_("Expecting ':' delimiter"),
        N_("Expecting ',' delimiter"),
        N_("Unterminated string starting at"),
        N_("Invalid control character at"),
        N_("Invalid \\escape"),
        N_("Invalid \\uXXXX escape"),
        N_("Extra data"),
        N_("Illegal trailing comma before end of object"),
        N_("Illegal trailing comma before end of array"),
    }
)


class JsonInputError(ValueError):
    """JSON that is refused before it is used; ``reason`` says why in a line (a phrase). ``syntax`` is, for text
    that is not JSON at all, what is wrong with it ("Expecting value at line 1, column 1"), else None."""

    def __init__(self, reason: str, syntax: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.syntax = syntax

    @classmethod
    def not_json(cls, syntax: str) -> JsonInputError:
        """Text that is not JSON, for the reason ``syntax``."""
        return cls(phrase("not valid JSON: {reason}", reason=syntax), syntax)


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
        raise not_json(error) from None
    except RecursionError:
        raise JsonInputError(_too_deep(max_depth)) from None
    except UnicodeDecodeError as error:
        raise JsonInputError(phrase("not UTF-8 text (byte at offset {offset})", offset=grouped(error.start))) from None
    if nesting_depth(document, max_depth) > max_depth:
        raise JsonInputError(_too_deep(max_depth))
    return document


def not_json(error: json.JSONDecodeError) -> JsonInputError:
    """The refusal of text that is not JSON, saying where: "not valid JSON: Expecting value at line 1, column 1"
    (the JSON reader's own words for what it expected)."""
    reason = Phrase(error.msg) if error.msg in _JSON_REASONS else error.msg
    where = phrase("{reason} at line {line}, column {column}", reason=reason, line=error.lineno, column=error.colno)
    return JsonInputError.not_json(where)


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An ``object_pairs_hook`` for :func:`load_json`: an object giving a key twice is refused (JSON readers
    differ on which one counts, so the file could mean one thing here and another elsewhere)."""
    document = dict(pairs)
    if len(document) != len(pairs):
        twice = next(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
        raise JsonInputError(
            phrase("the key {key} is given twice in an object; keep one", key=json.dumps(twice, ensure_ascii=False))
        )
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
                return path or Phrase(N_("the document"))
        elif isinstance(value, dict):
            for key, child in value.items():
                if not _encodable(key):
                    return path or Phrase(N_("the document"))
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
    return phrase("nested more than {limit} levels deep", limit=limit)


def _refuse_constant(name: str) -> Any:
    raise JsonInputError.not_json(phrase("{name} is not a JSON number", name=name))


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INTEGER_DIGITS:
        raise JsonInputError(
            phrase(
                "a number of {digits} digits is too large (at most {limit})",
                digits=grouped(digits),
                limit=MAX_INTEGER_DIGITS,
            )
        )
    return int(text)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonInputError(phrase("the number {number} is too large", number=text[:40]))
    return value
