"""Seminar packs (``recogniser-seminar-pack/1``): the cases a facilitator hands to every breakout group.

A pack is a zip file holding

- ``manifest.json``: format, pack id, title, the facilitator's revision (``version``), the tool and rulebook
  versions it was built with, and per case its id, title, purpose and the SHA-256 of the canonical case JSON
  (the same hash a decision records as ``case_sha256``), plus the notes' hash when notes are included;
- ``cases/<id>.json``: each case file (``recogniser-case/1``);
- ``notes/<id>.md``: facilitator notes, optional per case, in the one language the pack was built in.

The pack's identity is its ``pack_id`` together with the SHA-256 of the ``manifest.json`` bytes: responses quote
both, so an answer to another pack, or to an edited one, is recognised. Building the same pack twice gives the
same bytes (fixed entry dates, sorted order), so a rebuilt pack keeps its identity.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from recogniser import __version__, i18n
from recogniser.case_checks import CaseFileError, schema_problems
from recogniser.casefile import MAX_CASE_BYTES, case_sha256, dumps_case, load_case, parse_case_bytes
from recogniser.errors import FileProblemsError, located
from recogniser.files import write_bytes_atomically
from recogniser.i18n import N_, Phrase, phrase
from recogniser.inputs import InputFileError, JsonInputError, load_json, read_bounded, refuse_duplicate_keys
from recogniser.joining import as_given, grouped, quoted
from recogniser.model import Case
from recogniser.resources import translated_names
from recogniser.rules import DEFAULT_RULEBOOK

PACK_FORMAT = "recogniser-seminar-pack/1"
PACK_SCHEMA = "seminar-pack-1.schema.json"
MANIFEST_NAME = "manifest.json"
MAX_NOTES_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_PACK_BYTES = 200 * 1024 * 1024

#: Zip entries carry this date so that the same pack always has the same bytes.
_ENTRY_DATE = (2020, 1, 1, 0, 0, 0)
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_EXERCISES_TITLE = "Recognising micro-credentials: exercise cases"


class PackError(FileProblemsError):
    """A pack that cannot be built or opened; one line per problem, naming the file and entry."""


@dataclass(frozen=True)
class PackCase:
    """One case of a pack: ``id`` names it in responses, ``sha256`` is the canonical case hash."""

    id: str
    title: str
    case: Case
    sha256: str
    notes: str | None = None


@dataclass(frozen=True)
class Pack:
    pack_id: str
    title: str
    version: int
    tool_version: str
    rulebook_version: str
    cases: tuple[PackCase, ...]
    manifest_sha256: str

    def case(self, case_id: str) -> PackCase:
        return self._cases_by_id[case_id]

    @cached_property
    def case_ids(self) -> tuple[str, ...]:
        return tuple(pack_case.id for pack_case in self.cases)

    @cached_property
    def _cases_by_id(self) -> dict[str, PackCase]:
        # Looked up once per case and response: a pack of 200 cases answered by 50 groups.
        return {pack_case.id: pack_case for pack_case in self.cases}


@dataclass(frozen=True)
class CaseSource:
    """A case to put into a pack: its id, the parsed case and its notes (Markdown) if any."""

    id: str
    case: Case
    notes: str | None = None


# --- building ---


def case_title(case: Case, fallback: str) -> str:
    """What a case is called in lists: the credential's title, else the case reference, else ``fallback``."""
    title = case.credential.title or case.reference or fallback
    return f"{len(case.credentials)} credentials stacked: {title}" if case.stacked else title


def build_pack(
    sources: Sequence[CaseSource], *, title: str, pack_id: str | None = None, version: int = 1
) -> tuple[bytes, Pack]:
    """The zip bytes of a pack holding ``sources`` in order, and the pack as it will be read back.

    Without ``pack_id`` the id is made from the title and the case hashes, so the same cases give the same id.
    """
    problems = _source_problems(sources, title, pack_id, version)
    if problems:
        raise PackError(N_("pack"), problems)
    entries: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    for source in sources:
        entry: dict[str, Any] = {
            "id": source.id,
            "title": case_title(source.case, source.id),
            "purpose": source.case.purpose.value,
            "sha256": case_sha256(source.case),
        }
        files[f"cases/{source.id}.json"] = dumps_case(source.case.document).encode("utf-8")
        if source.notes is not None:
            notes = source.notes.encode("utf-8")
            entry["notes_sha256"] = hashlib.sha256(notes).hexdigest()
            files[f"notes/{source.id}.md"] = notes
        entries.append(entry)
    manifest = {
        "format": PACK_FORMAT,
        "pack_id": pack_id or _derived_id(title, entries),
        "title": title.strip(),
        "version": version,
        "tool_version": __version__,
        "rulebook_version": DEFAULT_RULEBOOK.version,
        "cases": entries,
    }
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(MANIFEST_NAME, manifest_bytes), *files.items()]:
            archive.writestr(zipfile.ZipInfo(name, date_time=_ENTRY_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    data = buffer.getvalue()
    return data, read_pack_bytes(data, source="pack")


#: What an identifier of a pack or of its cases may hold.
_IDENTIFIER_RULE = Phrase(N_("use letters, digits, '.', '_' or '-' (at most 100 characters)"))


def not_utf8(error: UnicodeDecodeError) -> str:
    """Why a file that should be text is not."""
    return phrase("not UTF-8 text (offset {offset})", offset=error.start)


def _source_problems(sources: Sequence[CaseSource], title: str, pack_id: str | None, version: int) -> list[str]:
    problems: list[str] = []
    if not sources:
        problems.append(phrase("a pack needs at least one case"))
    if not title.strip():
        problems.append(phrase("the title must not be empty"))
    if pack_id is not None and not _IDENTIFIER.match(pack_id):
        problems.append(phrase("pack id {id}: {rule}", id=quoted(pack_id), rule=_IDENTIFIER_RULE))
    if version < 1:
        problems.append(phrase("version must be at least 1 (got {version})", version=version))
    seen: set[str] = set()
    for source in sources:
        if not _IDENTIFIER.match(source.id):
            problems.append(phrase("case id {id}: {rule}", id=quoted(source.id), rule=_IDENTIFIER_RULE))
        if source.id in seen:
            problems.append(
                phrase("case id {id} is used twice; give the case files different names", id=quoted(source.id))
            )
        seen.add(source.id)
    return problems


def _derived_id(title: str, entries: Sequence[Mapping[str, Any]]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "pack"
    digest = hashlib.sha256("\n".join(str(entry["sha256"]) for entry in entries).encode("ascii")).hexdigest()
    return f"{slug}-{digest[:8]}"


def sources_from_files(
    case_paths: Sequence[str | os.PathLike[str]],
    notes_dir: str | None = None,
    *,
    notes_beside: bool = False,
    language: str | None = None,
) -> list[CaseSource]:
    """Cases read from files, each named by its file name.

    Notes come from ``notes_dir/<name>.md``, or with ``notes_beside`` from ``<name>.md`` next to each case file,
    where such a file exists; their translation ``<name>.<language>.md`` is taken first, in ``language`` or by
    default in the language in use (``--language``).
    """
    language = language or i18n.language()
    sources = []
    for path in case_paths:
        case = load_case(path)
        stem = Path(path).stem
        folder = Path(notes_dir) if notes_dir is not None else Path(path).parent if notes_beside else None
        notes_path = _notes_file(folder, stem, language) if folder is not None else None
        notes = _read_notes(notes_path) if notes_path is not None else None
        sources.append(CaseSource(stem, case, notes))
    return sources


def _notes_file(folder: Path, stem: str, language: str) -> Path | None:
    """The notes on case ``stem`` in ``language``, else in the original, else None."""
    for name in translated_names(f"{stem}.md", language):
        if (folder / name).is_file():
            return folder / name
    return None


def _read_notes(path: Path) -> str:
    try:
        return read_bounded(path, MAX_NOTES_BYTES, N_("notes file")).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PackError(str(path), [not_utf8(error)]) from None
    except InputFileError as error:
        raise PackError(str(path), [error.reason]) from None


def exercise_sources(*, with_notes: bool = True, language: str | None = None) -> list[CaseSource]:
    """The exercise cases shipped with the application, in their numbered order, with the facilitator notes in
    ``language`` (by default the language in use) where they are translated (``NN-name.fr.md`` beside
    ``NN-name.md``), else in English."""
    language = language or i18n.language()
    folder = resources.files("recogniser.seminar").joinpath("exercises")
    names = {item.name for item in folder.iterdir()}
    sources = []
    for json_name in sorted(name for name in names if name.endswith(".json")):
        stem = json_name.removesuffix(".json")
        case = parse_case_bytes(folder.joinpath(json_name).read_bytes(), source=f"exercises/{json_name}")
        notes_name = next((name for name in translated_names(f"{stem}.md", language) if name in names), None)
        notes = folder.joinpath(notes_name).read_text("utf-8") if with_notes and notes_name else None
        sources.append(CaseSource(stem, case, notes))
    return sources


def build_exercise_pack(*, with_notes: bool = True, language: str | None = None) -> tuple[bytes, Pack]:
    """The shipped exercises as a pack, with the facilitator notes in ``language`` (by default the language in
    use, English unless another is chosen)."""
    return build_pack(exercise_sources(with_notes=with_notes, language=language), title=_EXERCISES_TITLE)


def write_pack(path: str | os.PathLike[str], data: bytes) -> None:
    write_bytes_atomically(path, data)


# --- reading ---


def open_pack(path: str | os.PathLike[str]) -> Pack:
    """Read and check a pack file: manifest valid, every case present, valid and matching its hash."""
    source = os.fspath(path)
    try:
        data = read_bounded(source, MAX_PACK_BYTES, N_("pack"))
    except InputFileError as error:
        raise PackError(source, [error.reason]) from None
    return read_pack_bytes(data, source=source)


def read_pack_bytes(data: bytes, *, source: str) -> Pack:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        raise PackError(source, [phrase("not a seminar pack (not a zip file)")]) from None
    with archive:
        names = Counter(info.filename for info in archive.infolist())
        twice = sorted(name for name, count in names.items() if count > 1)
        if twice:
            raise PackError(
                source,
                [
                    located(name, phrase("the zip holds it more than once; a pack names each file once"))
                    for name in twice
                ],
            )
        manifest_bytes = _entry(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES, source)
        if manifest_bytes is None:
            raise PackError(source, [phrase("not a seminar pack ({manifest} is missing)", manifest=MANIFEST_NAME)])
        manifest = _manifest(manifest_bytes, source)
        problems: list[str] = []
        cases = []
        for entry in manifest["cases"]:
            pack_case = _pack_case(archive, entry, source, problems)
            if pack_case is not None:
                cases.append(pack_case)
        ids = [entry["id"] for entry in manifest["cases"]]
        problems.extend(
            located(MANIFEST_NAME, phrase("case id {id} is listed twice", id=quoted(i)))
            for i in sorted(set(ids))
            if ids.count(i) > 1
        )
        if problems:
            raise PackError(source, problems)
    return Pack(
        pack_id=manifest["pack_id"],
        title=manifest["title"],
        version=manifest["version"],
        tool_version=manifest["tool_version"],
        rulebook_version=manifest["rulebook_version"],
        cases=tuple(cases),
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
    )


#: How a pack's entries may be stored: as they are, or deflated (as :func:`build_pack` writes them).
_PACK_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}

_ENTRY_CHUNK = 64 * 1024


def _entry(archive: zipfile.ZipFile, name: str, limit: int, source: str) -> bytes | None:
    """The bytes of the entry ``name``, None when there is none. Read in pieces and counted as they inflate:
    the sizes the zip states may lie, and a small entry can inflate to gigabytes."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise PackError(source, [located(name, phrase("is encrypted; a pack holds no encrypted files"))])
    if info.compress_type not in _PACK_COMPRESSION:
        problem = phrase("is compressed with a method a pack does not use ({method})", method=info.compress_type)
        raise PackError(source, [located(name, problem)])
    if info.file_size > limit:
        problem = phrase("{size} bytes; at most {limit}", size=grouped(info.file_size), limit=grouped(limit))
        raise PackError(source, [located(name, problem)])
    pieces: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while piece := stream.read(_ENTRY_CHUNK):
                size += len(piece)
                if size > limit:
                    problem = phrase("inflates to more than {limit} bytes; at most {limit}", limit=grouped(limit))
                    raise PackError(source, [located(name, problem)])
                pieces.append(piece)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as error:
        problem = phrase("cannot be read from the zip ({reason})", reason=str(error))
        raise PackError(source, [located(name, problem)]) from None
    return b"".join(pieces)


def _manifest(raw: bytes, source: str) -> dict[str, Any]:
    try:
        manifest = load_json(raw.decode("utf-8"), object_pairs_hook=refuse_duplicate_keys)
    except UnicodeDecodeError as error:
        raise PackError(source, [located(MANIFEST_NAME, not_utf8(error))]) from None
    except JsonInputError as error:
        raise PackError(source, [located(MANIFEST_NAME, error.reason)]) from None
    if isinstance(manifest, dict) and manifest.get("format") != PACK_FORMAT and "format" in manifest:
        problem = phrase(
            "format is {found}; this tool reads {wanted}", found=as_given(manifest["format"]), wanted=PACK_FORMAT
        )
        raise PackError(source, [located(MANIFEST_NAME, problem)])
    problems = schema_problems(manifest, PACK_SCHEMA, N_("a pack manifest"))
    if problems:
        raise PackError(source, [located(MANIFEST_NAME, problem.line()) for problem in problems])
    result: dict[str, Any] = manifest
    return result


def _pack_case(archive: zipfile.ZipFile, entry: Mapping[str, Any], source: str, problems: list[str]) -> PackCase | None:
    case_id = entry["id"]
    name = f"cases/{case_id}.json"
    raw = _entry(archive, name, MAX_CASE_BYTES, source)
    if raw is None:
        problems.append(phrase("{file} is listed in the manifest but missing from the pack", file=name))
        return None
    try:
        case = parse_case_bytes(raw, source=name)
    except CaseFileError as error:
        problems.extend(error.lines())
        return None
    if case_sha256(case) != entry["sha256"]:
        problem = phrase("the case differs from the one the manifest lists (SHA-256 mismatch)")
        problems.append(located(name, problem))
        return None
    notes = None
    if "notes_sha256" in entry:
        notes_name = f"notes/{case_id}.md"
        notes_raw = _entry(archive, notes_name, MAX_NOTES_BYTES, source)
        if notes_raw is None:
            problems.append(phrase("{file} is listed in the manifest but missing from the pack", file=notes_name))
            return None
        if hashlib.sha256(notes_raw).hexdigest() != entry["notes_sha256"]:
            problem = phrase("the notes differ from the ones the manifest lists (SHA-256 mismatch)")
            problems.append(located(notes_name, problem))
            return None
        notes = notes_raw.decode("utf-8", errors="replace")
    return PackCase(id=case_id, title=entry["title"], case=case, sha256=entry["sha256"], notes=notes)
