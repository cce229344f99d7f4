"""Text from files shown on a terminal with its control characters escaped.

A credential title or learner name may hold ESC (which starts a terminal's control sequences: move the cursor,
clear a line, recolour), BEL, other C0 and C1 controls, or the bidirectional overrides (U+202E turns the rest of
a line around). Printed raw, such a value could rewrite what the command line shows, even fake a line such as
"RECOMMENDATION: FULL RECOGNITION". Every command's output passes through :func:`escaped` (the command line
wraps its output streams in :class:`EscapingWriter`), so each such character is shown as its escape
(``\\u001b``, ``\\u202e``); JSON output stays valid JSON with the same meaning, as these are JSON's own escapes.
A value shown within one line (a cell of ``cases list``) also has its line breaks and tabs escaped
(:func:`one_line`).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

#: C0 controls but line feed and tab, DEL and C1, the bidirectional marks, embeddings, overrides and isolates,
#: the line and paragraph separators, and lone surrogates (which no terminal encoding can carry).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_CONTROLS_AND_BREAKS = re.compile(f"[\n\t{_CONTROLS.pattern[1:-1]}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped(text: str) -> str:
    """``text`` with every control character but line feed and tab shown as its ``\\uXXXX`` escape."""
    return _CONTROLS.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` for a place in a single line: line feeds and tabs escaped too."""
    return _CONTROLS_AND_BREAKS.sub(_escape, text)


class EscapingWriter:
    """A text stream that writes to ``stream`` with :func:`escaped` applied; everything else is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escaped(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
