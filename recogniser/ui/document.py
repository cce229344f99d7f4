"""The case being edited, kept as its case-file JSON and addressed by dotted field paths.

Editing the JSON rather than the frozen domain objects keeps what the form does not show (unknown keys, fields
another tool wrote) and lets invalid input stand until the evaluator fixes it: the case-file validator then
names the field. Updates copy only the path they touch, so every earlier document stays valid for undo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from recogniser.model import CASE_FORMAT, Purpose, credential_label

Document = Mapping[str, Any]


def new_document(assessing_country: str, purpose: Purpose = Purpose.ADMISSION) -> dict[str, Any]:
    """A blank case: only what the format requires (the country too, when the office has set one)."""
    document = {"format": CASE_FORMAT, "purpose": purpose.value}
    if assessing_country:
        document["assessing_country"] = assessing_country
    return document


def value_at(document: Document, path: str) -> Any:
    """The value at ``path`` (``credential.workload.ects``; ``credentials.1.title`` for an item of a list), None
    when any part of it is absent."""
    node: Any = document
    for key in path.split("."):
        if isinstance(node, list) and key.isdigit():
            node = node[int(key)] if int(key) < len(node) else None
        elif isinstance(node, Mapping):
            node = node.get(key)
        else:
            return None
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
    items = updated.get(head)
    if len(rest) > 1 and isinstance(items, list) and rest[0].isdigit() and int(rest[0]) < len(items):
        # An item of a list (a credential of a stack) keeps its place even when its last value is cleared.
        position = int(rest[0])
        item = items[position]
        changed = list(items)
        changed[position] = _set(item if isinstance(item, Mapping) else {}, rest[1:], value)
        updated[head] = changed
    elif rest:
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


# --- the credentials of a case: one (``credential``) or several (``credentials``, a stack) ---


def credential_items(document: Document) -> list[Mapping[str, Any]]:
    """The case's credentials as a list, each with the provenance of the file it was imported from inside it
    (a case of one keeps that provenance beside its credential)."""
    items = document.get("credentials")
    if isinstance(items, list):
        return [item if isinstance(item, Mapping) else {} for item in items]
    credential = document.get("credential")
    if not isinstance(credential, Mapping):
        return []
    provenance = document.get("provenance")
    return [{**credential, "provenance": provenance} if isinstance(provenance, Mapping) else credential]


def credentials_values(items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The case-file values that hold ``items``: one credential as ``credential`` with its provenance beside it,
    as a case of one has always been written; several as ``credentials``, each holding its own provenance."""
    if len(items) == 1:
        credential = {key: value for key, value in items[0].items() if key != "provenance"}
        return {"credentials": None, "credential": credential or None, "provenance": items[0].get("provenance")}
    return {"credential": None, "provenance": None, "credentials": [dict(item) for item in items] or None}


def credential_name(item: Mapping[str, Any], index: int) -> str:
    """``Credential 2 'Title'``, as the rules name a credential of a stack (numbered from 1)."""
    title = item.get("title")
    return credential_label(index, title.strip() if isinstance(title, str) else None)


def stack_position(path: str) -> int | None:
    """The credential of a stack a path names (``credentials[2].title``, ``credentials.2.title``: 2), else None."""
    head, _dot, rest = path.partition(".")
    if head == "credentials":
        position = rest.partition(".")[0]
        return int(position) if position.isdigit() else None
    if head.startswith("credentials[") and head.endswith("]") and head[12:-1].isdigit():
        return int(head[12:-1])
    return None


def form_path(path: str, chosen: int) -> str | None:
    """The form path of a problem's or finding's field: ``credentials[2].title`` (or ``credentials.2.title``) is
    ``credential.title`` while credential ``chosen`` is 2, None while another is shown; other paths as they are."""
    index = stack_position(path)
    if index is None:
        return path
    if index != chosen:
        return None
    if path.startswith("credentials."):
        rest = path.split(".", 2)[2] if path.count(".") > 1 else ""
    else:
        rest = path.partition(".")[2]
    return "credential." + rest if rest else "credential"
