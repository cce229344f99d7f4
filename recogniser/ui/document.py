"""The case being edited, kept as its case-file JSON and addressed by dotted field paths.

Editing the JSON rather than the frozen domain objects keeps what the form does not show (unknown keys, fields
another tool wrote) and lets invalid input stand until the evaluator fixes it: the case-file validator then
names the field. Updates copy only the path they touch, so every earlier document stays valid for undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from recogniser.model import CASE_FORMAT, Purpose

Document = Mapping[str, Any]


def new_document(assessing_country: str, purpose: Purpose = Purpose.ADMISSION) -> dict[str, Any]:
    """A blank case: only what the format requires (the country too, when the office has set one)."""
    document = {"format": CASE_FORMAT, "purpose": purpose.value}
    if assessing_country:
        document["assessing_country"] = assessing_country
    return document


def value_at(document: Document, path: str) -> Any:
    """The value at ``path`` (``credential.workload.ects``), None when any part of it is absent."""
    node: Any = document
    for key in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def is_blank(value: Any) -> bool:
    """Blank input means "not given": the key is removed rather than stored empty."""
    return value is None or value in ("", [], {})


def with_value(document: Document, path: str, value: Any) -> dict[str, Any]:
    """A copy of ``document`` with ``path`` set; a blank value removes the key and any section it leaves empty."""
    keys = path.split(".")
    return _set(document, keys, value)


def _set(node: Document, keys: list[str], value: Any) -> dict[str, Any]:
    updated = dict(node)
    head, rest = keys[0], keys[1:]
    if rest:
        child = updated.get(head)
        child_value = _set(child if isinstance(child, Mapping) else {}, rest, value)
        if child_value:
            updated[head] = child_value
        else:
            updated.pop(head, None)
    elif is_blank(value):
        updated.pop(head, None)
    else:
        updated[head] = value
    return updated


def field_of(path: str) -> str:
    """The form field a finding or problem path is about: list indices are dropped (``x.outcomes[2]``)."""
    return path.split("[", 1)[0]


def differing_paths(first: Document, second: Document, prefix: str = "") -> list[str]:
    """The dotted paths whose values differ between two documents, in the first's order then the second's;
    a list counts as one value (outcomes reordered is one change to the list)."""
    paths = []
    for key in [*first, *(key for key in second if key not in first)]:
        path = f"{prefix}{key}"
        mine, theirs = first.get(key), second.get(key)
        if isinstance(mine, Mapping) and isinstance(theirs, Mapping):
            paths.extend(differing_paths(mine, theirs, f"{path}."))
        elif mine != theirs:
            paths.append(path)
    return paths
