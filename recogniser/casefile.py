"""Read, validate and write ``recogniser-case/1`` files (spec.md §1).

Loading either returns a :class:`~recogniser.model.Case` or raises :class:`CaseFileError` listing every problem
with its field path. Nothing else escapes: a truncated file, bytes that are not UTF-8, a value of the wrong
type all become problems a person can act on.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, Self, TypeVar

from jsonschema.exceptions import ValidationError

from recogniser.countries import EU_ABBREVIATIONS, is_alpha2
from recogniser.errors import OutputFileError, UserInputError
from recogniser.inputs import MAX_JSON_DEPTH, InputFileError, JsonInputError, load_json, nesting_depth, read_bounded
from recogniser.model import (
    Applicant,
    Assessment,
    AssessmentType,
    AwardingBody,
    Case,
    Credential,
    Learner,
    Level,
    Participation,
    Procedure,
    ProviderKind,
    Purpose,
    QADecision,
    QualityAssurance,
    Target,
    Workload,
)
from recogniser.privacy import PRIVATE_FILE_MODE, fsync_folder
from recogniser.schemas import load_schema, schema_validator

_E = TypeVar("_E")
_T = TypeVar("_T")

#: Case files beyond this size are refused before parsing: no real case comes close.
MAX_CASE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file; ``path`` is dotted (``credential.workload.ects``), empty for the root.

    ``field`` is the field to fix: ``path`` itself, or for a missing required key the path of that key, so a
    form can put the message beside the empty field rather than its section.
    """

    path: str
    message: str
    field: str = ""

    def __post_init__(self) -> None:
        if not self.field:
            object.__setattr__(self, "field", self.path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class CaseFileError(UserInputError):
    """The case file cannot be used. ``problems`` lists each issue with its field path."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        super().__init__(self.lines()[0] if problems else "invalid case file")

    def lines(self) -> list[str]:
        """One line per problem, each naming the file (when known) and the field."""
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{problem}" for problem in self.problems]


CASE_SCHEMA = "case-1.schema.json"


def case_schema() -> dict[str, Any]:
    return load_schema(CASE_SCHEMA)


# --- reading ---


def load_case(path: str | os.PathLike[str]) -> Case:
    """Read and validate a case file from disk."""
    source = os.fspath(path)
    try:
        raw = read_bounded(source, MAX_CASE_BYTES, "case file")
    except InputFileError as error:
        raise CaseFileError([Problem("", error.reason)], source) from None
    return parse_case_bytes(raw, source=source)


def parse_case_bytes(raw: bytes, source: str | None = None) -> Case:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem("", f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})")
        raise CaseFileError([problem], source) from None
    return parse_case_text(text, source=source)


def parse_case_text(text: str, source: str | None = None) -> Case:
    given_twice: list[_KeysGivenTwice] = []

    def keep_keys_given_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        document = dict(pairs)
        if len(document) == len(pairs):
            return document
        marked = _KeysGivenTwice(document)
        marked.twice = tuple(key for key, count in Counter(key for key, _ in pairs).items() if count > 1)
        given_twice.append(marked)
        return marked

    try:
        document = load_json(text, object_pairs_hook=keep_keys_given_twice)
    except JsonInputError as error:
        raise CaseFileError([Problem("", str(error))], source) from None
    if given_twice:
        raise CaseFileError(_keys_given_twice(document), source)
    return parse_case(document, source=source)


class _KeysGivenTwice(dict[str, Any]):
    """A JSON object in which ``twice`` names keys given more than once (only while the text is checked)."""

    twice: tuple[str, ...] = ()


def _keys_given_twice(document: Any) -> list[Problem]:
    """JSON readers differ on which of two equal keys counts; a case must mean one thing to every reader."""
    problems = []
    pending: list[tuple[str, Any]] = [("", document)]
    while pending:  # a loop, not recursion: the text may nest as deep as the JSON reader allows
        path, value = pending.pop()
        if isinstance(value, _KeysGivenTwice):
            problems += [
                Problem(path, f"the key {json.dumps(key, ensure_ascii=False)} is given twice; keep one")
                for key in value.twice
            ]
        if isinstance(value, dict):
            pending += [(f"{path}.{key}" if path else key, child) for key, child in value.items()]
        elif isinstance(value, list):
            pending += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
    return sorted(problems, key=lambda problem: problem.path)


def parse_case(document: Any, source: str | None = None, *, accepted_earlier: bool = False) -> Case:
    """Validate an already-parsed JSON value and build the case from it.

    ``accepted_earlier`` is for a case the store accepted before: it is read against the format alone, so that a
    check added since (country codes against ISO 3166-1) never locks a kept case away; saving it again applies
    every check.
    """
    problems = (
        schema_problems(document, CASE_SCHEMA, "a case file") if accepted_earlier else validation_problems(document)
    )
    if problems:
        raise CaseFileError(problems, source)
    return _build_case(document)


#: The target fields admission and credit transfer require (spec.md §1): the evaluator's own entry, which a case
#: being entered may not have yet.
REQUIRED_TARGET_FIELDS = frozenset({"target", "target.eqf_level", "target.ects"})


def is_target_pending(problem: Problem) -> bool:
    """Whether ``problem`` is only that a target field the purpose requires is not given (yet)."""
    return problem.field in REQUIRED_TARGET_FIELDS and problem.field != problem.path


def parse_case_pending_target(document: Any) -> tuple[Case, tuple[Problem, ...]]:
    """A case being entered, built even when required target fields are not given yet, so that the credential
    can be judged meanwhile; beside it, those missing fields (:func:`is_target_pending`). Any other problem raises
    :class:`CaseFileError` as :func:`parse_case` does. A case with pending fields is not a valid case file: it is
    for showing, never for storing or writing."""
    problems = validation_problems(document)
    if not all(is_target_pending(problem) for problem in problems):
        raise CaseFileError(problems)
    return _build_case(document), tuple(problems)


def validation_problems(document: Any) -> list[Problem]:
    """Every problem in ``document``, sorted by path, one per field: the schema's, then country codes that have
    the form of one but are not in ISO 3166-1 (spec.md §1), and text holding NUL."""
    problems = schema_problems(document, CASE_SCHEMA, "a case file")
    if not isinstance(document, dict):
        return problems
    reported = {problem.path for problem in problems}
    found = (
        _one_credential_key(document)
        + _country_problems(document)
        + _nul_characters(document)
        + _procedure_problems(document)
    )
    more = [p for p in found if p.path not in reported]
    return sorted(problems + more, key=lambda p: p.path) if more else problems


def _procedure_problems(document: Mapping[str, Any]) -> list[Problem]:
    """A file cannot be complete before it was received."""
    procedure = document.get("procedure")
    if not isinstance(procedure, Mapping):
        return []
    try:
        received, complete = (_date(procedure.get(key)) for key in ("received_on", "complete_on"))
    except (TypeError, ValueError):
        return []  # of a form the schema reports
    if received is not None and complete is not None and complete < received:
        return [Problem("procedure.complete_on", f"the file cannot be complete before it was received ({received})")]
    return []


#: Where a case file holds a country (ISO 3166-1 alpha-2), below the credential (or each item of credentials).
_COUNTRY_FIELDS = (("issuer_country",), ("awarding_body", "country"))


def _credential_paths(document: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Each credential object of ``document`` with its dotted path: ``credential``, or ``credentials[i]``."""
    items = document.get("credentials")
    if isinstance(items, list):
        return [(f"credentials[{index}]", item) for index, item in enumerate(items)]
    return [("credential", document.get("credential"))]


def _country_problems(document: Mapping[str, Any]) -> list[Problem]:
    places: list[tuple[str, Any]] = [("assessing_country", document.get("assessing_country"))]
    for path, credential in _credential_paths(document):
        for keys in _COUNTRY_FIELDS:
            value: Any = credential
            for key in keys:
                value = value.get(key) if isinstance(value, Mapping) else None
            places.append((".".join((path, *keys)), value))
    problems = []
    for path, value in places:
        if not isinstance(value, str) or len(value) != 2 or not value.isupper() or is_alpha2(value):
            continue  # absent, or of a form the schema reports
        meant = EU_ABBREVIATIONS.get(value)
        got = f"{_shown(value)}, the EU's abbreviation; ISO 3166-1 writes {meant}" if meant else _shown(value)
        problems.append(Problem(path, f"must be an ISO 3166-1 alpha-2 country code (got {got})"))
    return problems


def _one_credential_key(document: Mapping[str, Any]) -> list[Problem]:
    """A case holds one ``credential`` or a list of ``credentials``: both at once would be read two ways."""
    if "credential" in document and "credentials" in document:
        return [Problem("credentials", "give either credential or credentials (a list), not both")]
    return []


def schema_problems(document: Any, schema_name: str, what: str) -> list[Problem]:
    """Every problem in ``document`` against the shipped schema ``schema_name``, sorted by path, one per field.

    ``what`` names the kind of file in the message when the document is not even a JSON object.
    """
    if not isinstance(document, dict):
        return [Problem("", f"{what} is a JSON object, not {_json_kind(document)}")]
    if nesting_depth(document) > MAX_JSON_DEPTH:
        return [Problem("", f"nested more than {MAX_JSON_DEPTH} levels deep")]
    unencodable = _unencodable_text(document, "")
    if unencodable:
        return unencodable
    problems: dict[str, Problem] = {}
    for error in schema_validator(schema_name).iter_errors(document):
        for leaf in _leaf_errors(error):
            path = _dotted(leaf.absolute_path)
            problems.setdefault(path, Problem(path, _message(leaf), _field(leaf, path)))
    return sorted(problems.values(), key=lambda p: p.path)


def _unencodable_text(document: Any, path: str) -> list[Problem]:
    """Text JSON can carry but UTF-8 cannot (a lone surrogate escape such as \\ud800), by field."""
    if _all_encodable(document):
        return []  # the usual case, found at the JSON encoder's speed; the fields are looked for only otherwise
    problems = [
        Problem(where, "holds a character that is not valid Unicode text (a lone surrogate)", where)
        for where, text in _texts_with_paths(document, path)
        if not _encodable(text)
    ]
    return sorted(problems, key=lambda problem: problem.path)


def _nul_characters(document: Any) -> list[Problem]:
    """Text holding NUL (U+0000), which no database here can keep the same way (PostgreSQL refuses it), by field."""
    if "\\u0000" not in _json_text(document, ensure_ascii=True):
        return []  # the usual case, found at the JSON encoder's speed (it writes NUL as \u0000)
    problems = [
        Problem(where, "holds a NUL character (U+0000); remove it", where)
        for where, text in _texts_with_paths(document, "")
        if "\x00" in text
    ]
    return sorted(problems, key=lambda problem: problem.path)


def _all_encodable(document: Any) -> bool:
    try:
        _json_text(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_text(document: Any, *, ensure_ascii: bool) -> str:
    """``document`` as JSON text for a quick look, or an escaped NUL and a lone surrogate when it cannot be
    written (nested too deep, a value of another kind), so that the callers look field by field."""
    try:
        return json.dumps(document, ensure_ascii=ensure_ascii)
    except (TypeError, ValueError, RecursionError):
        return "\\u0000\ud800"


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _texts_with_paths(document: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every string in ``document``, keys included, with the dotted path of its field (a loop, not recursion:
    the document may nest as deep as the JSON reader allows)."""
    pending: list[tuple[str, Any]] = [(path, document)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, child in value.items():
                yield where, str(key)
                pending.append((f"{where}.{key}" if where else str(key), child))
        elif isinstance(value, list):
            pending += [(f"{where}[{index}]", child) for index, child in enumerate(value)]


def _leaf_errors(error: ValidationError) -> Iterator[ValidationError]:
    # if/then and $ref errors wrap the real cause; report the cause, which names the field.
    if error.context:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def _dotted(path: Any) -> str:
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _missing_key(error: ValidationError) -> str:
    return str(error.message).split("'")[1] if "'" in str(error.message) else "a field"


def _field(error: ValidationError, path: str) -> str:
    if error.validator != "required":
        return path
    missing = _missing_key(error)
    return f"{path}.{missing}" if path else missing


def _message(error: ValidationError) -> str:
    value = error.instance
    shown = _shown(value)
    validator = error.validator
    if validator == "required":
        return f"{_missing_key(error)} is required here"
    if validator == "const":
        return f"must be {json.dumps(error.validator_value)} (got {shown})"
    if validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value if v is not None)
        return f"must be one of {allowed} (got {shown})"
    if validator == "type":
        wanted = error.validator_value
        kinds = [kind for kind in (wanted if isinstance(wanted, list) else [wanted]) if kind != "null"]
        wanted_text = " or ".join(_WANTED_KINDS.get(kind, kind) for kind in kinds)
        got = shown if isinstance(value, str | int | float) and not isinstance(value, bool) else _json_kind(value)
        return f"must be {wanted_text} (got {got})"
    if validator == "minimum":
        return f"must be at least {error.validator_value} (got {shown})"
    if validator == "exclusiveMinimum":
        return f"must be greater than {error.validator_value} (got {shown})"
    if validator == "maximum":
        return f"must be at most {error.validator_value} (got {shown})"
    if validator == "format":
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
            return f"{value} is not a date in the calendar"
        return f"must be a date written year-month-day, such as 2025-03-14 (got {shown})"
    if validator == "pattern":
        # A pattern's schema describes the form it wants; the case format's only undescribed one is the country.
        wanted = error.schema.get("description", "an ISO 3166-1 alpha-2 country code such as HR or IE")
        return f"must be {wanted} (got {shown})"
    if validator == "minLength":
        return "must not be empty"
    if validator == "maxLength":
        return f"is too long ({len(value):,} characters; at most {error.validator_value:,})"
    if validator == "maxItems":
        return f"has too many entries ({len(value):,}; at most {error.validator_value:,})"
    return str(error.message)


#: The words for what a JSON Schema type asks for, as an evaluator reads them.
_WANTED_KINDS = {
    "number": "a number, such as 5 or 2.5",
    "integer": "a whole number, such as 6",
    "string": "text",
    "boolean": "yes or no (true or false)",
    "array": "a list",
    "object": "a group of fields",
}
#: A date written in the case format's shape, whether or not the calendar has it.
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def unknown_keys(document: Mapping[str, Any]) -> tuple[str, ...]:
    """Dotted paths of keys the case format does not define (kept, and reported as a warning)."""
    found: list[str] = []
    _walk_unknown(document, case_schema(), case_schema(), "", found)
    return tuple(sorted(found))


def _walk_unknown(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], path: str, found: list[str]) -> None:
    if "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        schema = root["$defs"][name]
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            _walk_unknown(item, schema["items"], root, f"{path}[{index}]", found)
        return
    properties = schema.get("properties")
    if not isinstance(value, dict) or properties is None:
        return
    for key, child in value.items():
        child_path = f"{path}.{key}" if path else key
        if key not in properties:
            found.append(child_path)
        else:
            _walk_unknown(child, properties[key], root, child_path, found)


# --- building the domain objects from a valid document ---


def _build_case(document: dict[str, Any]) -> Case:
    applicant = document.get("applicant") or {}
    items = document.get("credentials")
    credentials = (
        tuple(_build_credential(item or {}) for item in items)
        if isinstance(items, list) and items
        else (_build_credential(document.get("credential") or {}),)
    )
    return Case(
        purpose=Purpose(document["purpose"]),
        assessing_country=document["assessing_country"],
        reference=_text(document.get("reference")),
        applicant=Applicant(
            refugee=bool(applicant.get("refugee", False)),
            documents_missing=bool(applicant.get("documents_missing", False)),
        ),
        target=_build_target(document.get("target")),
        procedure=Procedure(
            received_on=_date((document.get("procedure") or {}).get("received_on")),
            complete_on=_date((document.get("procedure") or {}).get("complete_on")),
        ),
        credential=credentials[0],
        credentials=credentials,
        unknown_keys=unknown_keys(document),
        document=document,
    )


def credential_documents(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The credential objects of a case document, in order: its ``credential``, or each item of ``credentials``."""
    items = document.get("credentials")
    if isinstance(items, list) and items:
        return [dict(item) if isinstance(item, Mapping) else {} for item in items]
    single = document.get("credential")
    return [dict(single) if isinstance(single, Mapping) else {}]


def credential_case(case: Case, index: int) -> Case:
    """The case as it would read with only its credential number ``index`` (from 0): the same purpose, target,
    applicant and assessing country; the credential's own ``provenance`` (an imported item of ``credentials``)
    in the case's place. A case of one ``credential`` without its own provenance comes back as it is, so it is
    assessed exactly as it always was."""
    items = credential_documents(case.document)
    item = items[index]
    if "credentials" not in case.document and "provenance" not in item:
        return case
    document = {key: value for key, value in case.document.items() if key not in ("credential", "credentials")}
    provenance = item.pop("provenance", None)
    if provenance is not None:
        document["provenance"] = provenance
    elif "credentials" in case.document and len(items) > 1:
        document.pop("provenance", None)  # a stack's top-level provenance is no one credential's
    document["credential"] = item
    credential = case.credentials[index]
    return dataclasses.replace(case, credential=credential, credentials=(credential,), document=document)


def _build_target(data: dict[str, Any] | None) -> Target | None:
    if data is None:
        return None
    return Target(
        title=_text(data.get("title")),
        institution=_text(data.get("institution")),
        eqf_level=_int(data.get("eqf_level")),
        ects=data.get("ects"),
        learning_outcomes=_outcomes(data.get("learning_outcomes")),
        programme_ects=data.get("programme_ects"),
    )


def _build_credential(data: dict[str, Any]) -> Credential:
    learner = data.get("learner")
    body = data.get("awarding_body")
    workload = data.get("workload")
    level = data.get("level")
    assessment = data.get("assessment")
    qa = data.get("quality_assurance")
    return Credential(
        title=_text(data.get("title")),
        learner=None
        if learner is None
        else Learner(
            name=_text(learner.get("name")),
            identifier=_text(learner.get("identifier")),
            date_of_birth=_date(learner.get("date_of_birth")),
        ),
        issuer_country=data.get("issuer_country"),
        awarding_body=None
        if body is None
        else AwardingBody(
            name=_text(body.get("name")),
            country=body.get("country"),
            kind=_enum(ProviderKind, body.get("kind")),
        ),
        issue_date=_date(data.get("issue_date")),
        learning_outcomes=_outcomes(data.get("learning_outcomes")),
        workload=None if workload is None else Workload(ects=workload.get("ects"), hours=workload.get("hours")),
        level=None
        if level is None
        else Level(
            framework=_text(level.get("framework")),
            nqf_level=_text(level.get("nqf_level")),
            eqf_level=_int(level.get("eqf_level")),
        ),
        assessment=None
        if assessment is None
        else Assessment(
            type=_enum(AssessmentType, assessment.get("type")),
            supervised=assessment.get("supervised"),
            identity_verified=assessment.get("identity_verified"),
        ),
        participation=_enum(Participation, data.get("participation")),
        quality_assurance=None
        if qa is None
        else QualityAssurance(
            internal=qa.get("internal"),
            external_agency=_text(qa.get("external_agency")),
            decision=_enum(QADecision, qa.get("decision")),
            valid_until=_date(qa.get("valid_until")),
        ),
        prerequisites=_text(data.get("prerequisites")),
        grade=_text(data.get("grade")),
        stackability=_text(data.get("stackability")),
        further_information=_text(data.get("further_information")),
        language=_text(data.get("language")),
    )


def _text(value: Any) -> str | None:
    """Blank text counts as absent: an empty title is a missing title."""
    if value is None:
        return None
    stripped = str(value).strip()
    return stripped or None


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _outcomes(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(text for text in (str(item).strip() for item in value) if text)


def _enum(kind: Callable[[Any], _E], value: Any) -> _E | None:
    return None if value is None else kind(value)


# --- writing and hashing ---


def canonical_json(document: Mapping[str, Any]) -> bytes:
    """The byte form the case hash is taken over: sorted keys, no insignificant white space, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def case_sha256(case_or_document: Case | Mapping[str, Any]) -> str:
    document = case_or_document.document if isinstance(case_or_document, Case) else case_or_document
    return hashlib.sha256(canonical_json(document)).hexdigest()


def dumps_case(document: Mapping[str, Any]) -> str:
    """The human-friendly form a case file is written in."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` so that readers see the old file or the whole new one, never a part."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    with StagedFile(path) as staged:
        staged.write(data)
        staged.commit()


def output_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or the file a symbolic link there points to.

    Raises :class:`OutputFileError` when it cannot be a file of ours: no name, a missing folder, a folder or a
    device at that name, or a read-only file (replacing it would defeat the protection its owner gave it).
    """
    text = os.fspath(path)
    if not text:
        raise OutputFileError("", "no file name given")
    # Written through the link, which stays: the user named the link to mean the file it points to.
    target = Path(os.path.realpath(text)) if os.path.islink(text) else Path(text)
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputFileError(text, f"the folder {folder} {what}", errno.ENOENT)
    try:
        status = target.stat()
    except FileNotFoundError:
        return target
    except OSError as error:
        raise OutputFileError(text, error.strerror or str(error), error.errno or 0) from None
    if stat.S_ISDIR(status.st_mode):
        raise OutputFileError(text, "is a folder; give a file name", errno.EISDIR)
    if not stat.S_ISREG(status.st_mode):
        raise OutputFileError(text, "is not a regular file", errno.EINVAL)
    # Write bits checked as well as access: the superuser may write anything, but a file nobody may write is
    # one its owner protected.
    if not os.access(target, os.W_OK) or not status.st_mode & 0o222:
        raise OutputFileError(text, "the file is read-only", errno.EACCES)
    return target


def writable_output(path: str | os.PathLike[str], *, force: bool) -> str:
    """``path``, checked as a place for a file a person may have worked on: an existing file there is only
    replaced with ``force`` (``--force``), and never when :func:`output_target` refuses it."""
    text = os.fspath(path)
    output_target(text)
    if os.path.lexists(text) and not force:
        raise UserInputError(f"{text}: already exists; give --force to replace it, or -o to write elsewhere")
    return text


class StagedFile:
    """A file written beside its target first and put in its place only by :meth:`commit`.

    Lets a caller check the destination and write the whole file before it commits anything else (a case and
    its decision), so a run that fails leaves neither; leaving the ``with`` block without committing removes
    the staged bytes and leaves any old file untouched. Every failure is an :class:`OutputFileError`.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.target = output_target(path)
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent)
        except OSError as error:
            raise self._error(error) from None
        os.close(handle)
        self._temporary: Path | None = Path(temporary)

    def write(self, data: bytes) -> None:
        assert self._temporary is not None, "written after commit or discard"
        try:
            with self._temporary.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            # mkstemp makes the file private, as a new case file or report stays: it names a learner. A file
            # replaced keeps the permissions its owner gave it.
            os.chmod(self._temporary, _replaced_mode(self.target))
        except OSError as error:
            raise self._error(error) from None

    def write_text(self, produce: Callable[[IO[str]], _T]) -> _T:
        """Let ``produce`` write UTF-8 text to the staged file as it goes (a large export is never held whole);
        returns what ``produce`` returns."""
        assert self._temporary is not None, "written after commit or discard"
        try:
            with self._temporary.open("w", encoding="utf-8", newline="") as stream:
                result = produce(stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(self._temporary, _replaced_mode(self.target))
        except OSError as error:
            raise self._error(error) from None
        return result

    def commit(self) -> None:
        assert self._temporary is not None, "committed twice or after discard"
        try:
            os.replace(self._temporary, self.target)
        except OSError as error:
            raise self._error(error) from None
        self._temporary = None
        fsync_folder(self.target.parent)

    def discard(self) -> None:
        if self._temporary is not None:
            self._temporary.unlink(missing_ok=True)
            self._temporary = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.discard()

    def _error(self, error: OSError) -> OutputFileError:
        return OutputFileError(self.path, error.strerror or str(error), error.errno or 0)


def _replaced_mode(target: Path) -> int:
    """The permissions of the file about to be replaced, private for a new file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return PRIVATE_FILE_MODE


def save_case(path: str | os.PathLike[str], document: Mapping[str, Any]) -> None:
    """Validate and write a case file atomically; an invalid document raises and writes nothing."""
    problems = validation_problems(document)
    if problems:
        raise CaseFileError(problems, os.fspath(path))
    write_text_atomically(path, dumps_case(document))
