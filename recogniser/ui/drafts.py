"""The draft of the open case, written a moment after each edit so that a crash or power cut loses nothing."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recogniser.files import private_data_folder, write_text_atomically
from recogniser.resources import user_data_path

DRAFT_FORMAT = "recogniser-draft/1"

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Draft:
    """Unsaved work: the case document and, when it was opened from the store, which stored case it edits."""

    document: Mapping[str, Any]
    reference: str | None = None
    version: int | None = None


DRAFTS_FOLDER = "drafts"


def draft_path() -> Path:
    return user_data_path() / DRAFTS_FOLDER / "open-case.json"


def write_draft(draft: Draft, path: Path | None = None) -> None:
    """Write the draft, private to the user (it holds a learner's case), in a private folder."""
    target = path or draft_path()
    if path is None:
        private_data_folder(DRAFTS_FOLDER)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": DRAFT_FORMAT,
        "reference": draft.reference,
        "version": draft.version,
        "document": draft.document,
    }
    write_text_atomically(target, json.dumps(data, ensure_ascii=False, indent=1))


def read_draft(path: Path | None = None) -> Draft | None:
    """The draft left by an earlier run, None when there is none or it cannot be read (it is then logged)."""
    source = path or draft_path()
    try:
        data = json.loads(source.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        _log.warning("ignoring unreadable draft %s: %s", source, error)
        return None
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT or not isinstance(data.get("document"), dict):
        _log.warning("ignoring draft %s in an unknown format", source)
        return None
    reference, version = data.get("reference"), data.get("version")
    return Draft(
        document=data["document"],
        reference=reference if isinstance(reference, str) else None,
        version=version if isinstance(version, int) else None,
    )


def discard_draft(path: Path | None = None) -> None:
    (path or draft_path()).unlink(missing_ok=True)


def discard_drafts_of(reference: str, path: Path | None = None) -> None:
    """Remove the draft if it edits the stored case ``reference`` (the case was deleted: nothing of it stays)."""
    draft = read_draft(path)
    if draft is not None and draft.reference == reference:
        discard_draft(path)
