"""The documentation holds together: every link between its files leads somewhere, and the README stays short."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").rglob("*.md"))]
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def _anchor(heading: str) -> str:
    """The anchor a heading gets where the project's Markdown is read (GitHub's rule)."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(document: Path) -> set[str]:
    text = _FENCE.sub("", document.read_text("utf-8"))
    return {_anchor(line.lstrip("#")) for line in text.splitlines() if re.match(r"#{1,6} ", line)}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_leads_to_a_file_and_heading_that_exist(document: Path) -> None:
    text = _FENCE.sub("", document.read_text("utf-8"))
    for target in _LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (document.parent / path).resolve() if path else document
        assert resolved.exists(), f"{document.relative_to(ROOT)} links to {target}, which does not exist"
        if anchor:
            assert anchor in _anchors(resolved), f"{document.relative_to(ROOT)} links to {target}: no such heading"


def test_the_readme_stays_an_introduction() -> None:
    assert len((ROOT / "README.md").read_bytes()) < 10_000


_CODE_CITES = re.compile(r"(?<![`\w/])(docs/[\w/.-]+?\.md)\b")
_OUTSIDE_DOCUMENTS = re.compile(r"\b(?:spec|domain)\.md\b")


def test_the_code_cites_documents_of_the_project() -> None:
    """Comments and schemas point at the project's own documents, which exist; never at texts it does not ship."""
    sources = [*sorted((ROOT / "recogniser").rglob("*.py")), *sorted((ROOT / "recogniser").rglob("*.json"))]
    cited: set[str] = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert not _OUTSIDE_DOCUMENTS.search(text), f"{source.relative_to(ROOT)} cites a document the project lacks"
        cited.update(_CODE_CITES.findall(text))
    assert cited, "the code cites no document of the project"
    missing = sorted(path for path in cited if not (ROOT / path).is_file())
    assert not missing, f"the code cites documents that do not exist: {missing}"
