"""Credential files read into the open case, beside the credentials it holds (it becomes, or stays, a stack).

The case keeps its own purpose, assessing country and target: only each file's credential comes in, with the
provenance of its file inside it. A file the case already holds, or the same file given twice, is refused with
nothing added, as the import of a new stack refuses it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recogniser.ui.document import credential_items, credential_name

if TYPE_CHECKING:
    from recogniser.interchange import ImportResult


def _digest(item: Mapping[str, Any]) -> str:
    provenance = item.get("provenance")
    source = provenance.get("source") if isinstance(provenance, Mapping) else None
    return str(source.get("sha256") or "") if isinstance(source, Mapping) else ""


def read_credentials(
    paths: Sequence[Path], held: Sequence[Mapping[str, Any]], assessing_country: str | None
) -> list[ImportResult]:
    """Read ``paths`` (off the UI thread) as credentials to add to a case holding ``held``; CredentialImportError
    names a file that cannot be read or that the case already holds."""
    from recogniser.interchange import CredentialImportError, import_credential, stack_document
    from recogniser.interchange.report import FROM_SETTINGS

    results = [
        import_credential(path, assessing_country=assessing_country, assessing_country_origin=FROM_SETTINGS)
        for path in paths
    ]
    stack_document(results)  # the same file twice among them is refused there
    names = {_digest(item): credential_name(item, index) for index, item in enumerate(held) if _digest(item)}
    for path, result in zip(paths, results, strict=True):
        digest = str(result.provenance.get("source", {}).get("sha256", ""))
        if digest in names:
            raise CredentialImportError(
                f"{path.name}: is the same credential as {names[digest]} of this case; it is already in it"
            )
    return results


def with_imported(document: Mapping[str, Any], results: Sequence[ImportResult]) -> list[dict[str, Any]]:
    """The case's credentials followed by those read, each with its file's provenance inside it."""
    items = [dict(item) for item in credential_items(document)]
    items += [{**result.document["credential"], "provenance": result.document["provenance"]} for result in results]
    return items


def named_originals(document: Mapping[str, Any], files: Sequence[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The imported files (name, bytes) the case still names by SHA-256: those of credentials removed since are
    left out (the store keeps only files a case names)."""
    import hashlib

    named = {_digest(item) for item in credential_items(document)} - {""}
    return [(name, content) for name, content in files if hashlib.sha256(content).hexdigest() in named]
