"""Files dropped on the window: which are local files, and which declare themselves case files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

from recogniser.model import CASE_FORMAT


def local_files(data: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def is_case_file(path: Path) -> bool:
    """Whether the file declares itself a case file: its opening names the format (it is not parsed here)."""
    try:
        with path.open("rb") as stream:
            opening = stream.read(4096)
    except OSError:
        return False
    return CASE_FORMAT.encode() in opening
