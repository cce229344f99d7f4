"""Refreshing the framework levels' labels from a newer copy of the national-framework vocabulary: the XSD the
European Learning Model shipped, or the SKOS file (RDF/XML) EU Vocabularies publishes.

Levels are matched by concept URI. A level whose label changed takes the vocabulary's label and keeps the earlier
one as an alias, so stored cases and older credentials still read. Concepts the data do not hold yet are listed,
not added: the vocabulary carries no EQF level, and a level is only added with one from a named source. The
frameworks that change are written to the user data folder's ``nqf_levels`` (which replaces the shipped files by
id), with a record of the vocabulary file, its form and the day it was retrieved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from recogniser.errors import UserInputError, located
from recogniser.files import StagedFile
from recogniser.frameworks import (
    FRAMEWORK_FORMAT,
    FRAMEWORKS_FOLDER,
    FrameworkRegistry,
    check_framework_document,
)
from recogniser.i18n import N_, phrase
from recogniser.inputs import load_json, read_bounded
from recogniser.nqf_vocabulary import MAX_VOCABULARY_BYTES, Concept, Vocabulary
from recogniser.resources import data_dir, user_data_path

#: Where the record of the imported vocabulary and its copy are kept, in the user data folder.
VOCABULARY_FOLDER = "vocabularies"
VOCABULARY_RECORD_NAME = "nqf-import.json"
_MAX_FRAMEWORK_BYTES = 1024 * 1024


@dataclass
class LevelsImport:
    """What importing a vocabulary would change."""

    vocabulary: Vocabulary
    #: (framework id, level id, old label, new label)
    relabelled: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: Concepts the data do not hold, with the framework their label points to where one does.
    new_concepts: list[tuple[Concept, str | None]] = field(default_factory=list)
    #: Levels whose concept the vocabulary no longer lists: (framework id, level id, uri).
    no_longer_listed: list[tuple[str, str, str]] = field(default_factory=list)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        lines = [f"{len(self.vocabulary.concepts)} concepts ({self.vocabulary.form}):"]
        lines.append(f"  labels changed: {len(self.relabelled) or 'none'}")
        lines += [f"    {fid} {lid}: {old!r} -> {new!r} (the old label kept)" for fid, lid, old, new in self.relabelled]
        lines.append(f"  new concepts, not added (no EQF level is known for them): {len(self.new_concepts) or 'none'}")
        lines += [
            f"    {concept.label} ({concept.uri})" + (f", in {framework}" if framework else "")
            for concept, framework in self.new_concepts
        ]
        lines.append(f"  levels the vocabulary no longer lists (kept): {len(self.no_longer_listed) or 'none'}")
        lines += [f"    {fid} {lid} ({uri})" for fid, lid, uri in self.no_longer_listed]
        return lines


def plan_levels_import(registry: FrameworkRegistry, vocabulary: Vocabulary, source: str) -> LevelsImport:
    """Compare ``vocabulary`` with the frameworks in use; refused when it shares no concept with them."""
    plan = LevelsImport(vocabulary)
    known = [concept for concept in vocabulary.concepts if registry.framework_for_uri(concept.uri) is not None]
    if not known:
        problem = phrase(
            "shares no concept with the national-framework vocabulary in use, so it is refused: it would relabel "
            "no level (is it the qdr national-framework scheme?)"
        )
        raise UserInputError(located(source, problem))
    prefixes = _label_prefixes(registry)
    for concept in vocabulary.concepts:
        found = registry.find_uri(concept.uri)
        if found is None:
            if registry.framework_for_uri(concept.uri) is None:
                plan.new_concepts.append((concept, prefixes.get(_prefix(concept.label))))
            continue
        framework, level = found
        if level.label != concept.label:
            document = plan.documents.get(framework.id) or _document(framework.id)
            plan.documents[framework.id] = document
            entry = next(item for item in document["levels"] if item["id"] == level.id)
            aliases = [alias for alias in entry.get("aliases", []) if alias != concept.label]
            if level.label not in aliases and registry.find_label(level.label) in (None, found):
                aliases.append(level.label)
            entry["label"] = concept.label
            if aliases:
                entry["aliases"] = aliases
            else:
                entry.pop("aliases", None)
            plan.relabelled.append((framework.id, level.id, level.label, concept.label))
    listed = {concept.uri for concept in vocabulary.concepts}
    for framework in registry:
        for level in framework.levels:
            if level.uri and level.uri not in listed:
                plan.no_longer_listed.append((framework.id, level.id, level.uri))
    return plan


def _prefix(label: str) -> str:
    return re.split(r"\s+(?:Levels?|Entry)\b", label, maxsplit=1)[0].casefold()


def _label_prefixes(registry: FrameworkRegistry) -> dict[str, str]:
    prefixes: dict[str, str] = {}
    for framework in registry:
        for level in framework.levels:
            if level.uri:
                prefixes.setdefault(_prefix(level.label), framework.id)
    return prefixes


def _document(framework_id: str) -> dict[str, Any]:
    """The framework's file as in use: the office's copy where there is one, else the shipped file."""
    office = user_data_path() / FRAMEWORKS_FOLDER / f"{framework_id}.json"
    path = office if office.is_file() else data_dir() / FRAMEWORKS_FOLDER / f"{framework_id}.json"
    document: dict[str, Any] = load_json(read_bounded(path, _MAX_FRAMEWORK_BYTES, N_("framework file")))
    if document.get("format") != FRAMEWORK_FORMAT:
        problem = phrase(
            "is a {found} file; convert it to {wanted} before importing labels",
            found=str(document.get("format")),
            wanted=FRAMEWORK_FORMAT,
        )
        raise UserInputError(located(str(path), problem))
    return document


def write_levels_import(plan: LevelsImport, vocabulary_file: Path, retrieved_on: date, imported_on: date) -> list[Path]:
    """Write the changed frameworks, a copy of the vocabulary and the record of it to the user data folder;
    every file is checked before any is put in place."""
    folder = user_data_path() / FRAMEWORKS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    vocabularies = user_data_path() / VOCABULARY_FOLDER
    vocabularies.mkdir(parents=True, exist_ok=True)
    for framework_id, document in plan.documents.items():
        check_framework_document(document, folder / f"{framework_id}.json")
    copy = vocabularies / f"nqf{vocabulary_file.suffix.lower() or '.xml'}"
    record = {
        "file": str(copy),
        "source": f"{vocabulary_file.name}, national-framework vocabulary ({plan.vocabulary.form})",
        "form": plan.vocabulary.form,
        "retrieved_on": retrieved_on.isoformat(),
        "imported_on": imported_on.isoformat(),
        "concepts": len(plan.vocabulary.concepts),
        "frameworks_updated": sorted(plan.documents),
    }
    staged: list[StagedFile] = []
    try:
        for framework_id, document in sorted(plan.documents.items()):
            target = StagedFile(folder / f"{framework_id}.json")
            target.write((json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
            staged.append(target)
        vocabulary_copy = StagedFile(copy)
        vocabulary_copy.write(read_bounded(vocabulary_file, MAX_VOCABULARY_BYTES, N_("vocabulary file")))
        staged.append(vocabulary_copy)
        record_file = StagedFile(vocabularies / VOCABULARY_RECORD_NAME)
        record_file.write((json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
        staged.append(record_file)
        for item in staged:
            item.commit()
    finally:
        for item in staged:
            item.discard()
    return [Path(item.path) for item in staged]
