"""Checks shared by the tests of translated Markdown documents (the user guide, the facilitator notes)."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6}) +(.+?) *$")
_LIST_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")


def _unfenced(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


def headings(text: str) -> list[tuple[int, str]]:
    """(level, text) of every Markdown heading, outside fenced code."""
    return [
        (len(found.group(1)), found.group(2))
        for line in _unfenced(text).splitlines()
        if (found := _HEADING.match(line))
    ]


def outline(text: str) -> list[str]:
    """The blocks of a Markdown text as a renderer sees them: each heading's level, each list item's indent and
    kind, each paragraph. A translation has its original's outline; a wrapped line that begins with "1." or "- "
    starts a list item the original does not have, and shows here."""
    blocks: list[str] = []
    in_paragraph = False
    for line in _unfenced(text).splitlines():
        if not line.strip():
            in_paragraph = False
        elif found := _HEADING.match(line):
            blocks.append("#" * len(found.group(1)))
            in_paragraph = False
        elif found := _LIST_ITEM.match(line):
            kind = "1." if found.group(2)[0].isdigit() else "-"
            blocks.append(f"{len(found.group(1))}{kind}")
            in_paragraph = True
        elif not in_paragraph:
            blocks.append("p")
            in_paragraph = True
    return blocks


def french_typography_problems(text: str) -> list[str]:
    """Lines of a French Markdown text that break French typography: a plain space (or none) before : ; ? ! or
    %, inside « guillemets », or a straight apostrophe. Code spans and web addresses are left alone."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        prose = re.sub(r"`[^`]*`|[a-z]+://\S+", "", line)
        if re.search(r"(?:[^\s\u00a0][;?!%]|\w:|[ ][:;?!%»]|«[ ]|')", prose):
            problems.append(f"{number}: {line}")
    return problems
