"""Read, validate and write ``recogniser-case/1`` files (docs/formats/case-file.md).

Loading either returns a :class:`~recogniser.model.Case` or raises :class:`CaseFileError` listing every problem
with its field path. Nothing else escapes: a truncated file, bytes that are not UTF-8, a value of the wrong
type all become problems a person can act on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from recogniser import checked_data
from recogniser.case_checks import (
    CASE_SCHEMA,
    CaseFileError,
    Problem,
    schema_problems,
    unknown_keys,
    validation_problems,
)
from recogniser.files import write_text_atomically
from recogniser.i18n import N_, phrase
from recogniser.inputs import InputFileError, JsonInputError, load_json, read_bounded
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

_E = TypeVar("_E")
_T = TypeVar("_T")

#: Case files beyond this size are refused before parsing: no real case comes close.
MAX_CASE_BYTES = 20 * 1024 * 1024


# --- reading ---


def load_case(path: str | os.PathLike[str]) -> Case:
    """Read and validate a case file from disk.

    A file whose bytes passed every check before is not checked against the schema again
    (``recogniser.checked_data``): the rest of the checks, and the reading, are done on every load."""
    source = os.fspath(path)
    try:
        raw = read_bounded(source, MAX_CASE_BYTES, N_("case file"))
    except InputFileError as error:
        raise CaseFileError([Problem("", error.reason)], source) from None
    key = checked_data.digest(CASE_SCHEMA, raw)
    case = parse_case_bytes(raw, source=source, schema_checked=checked_data.CASE_FILES.checked_before(key))
    checked_data.CASE_FILES.remember([key])
    return case


def parse_case_bytes(raw: bytes, source: str | None = None, *, schema_checked: bool = False) -> Case:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(
            "",
            phrase(
                "not UTF-8 text (byte {byte} at offset {offset})", byte=f"0x{raw[error.start]:02x}", offset=error.start
            ),
        )
        raise CaseFileError([problem], source) from None
    return parse_case_text(text, source=source, schema_checked=schema_checked)


def parse_case_text(text: str, source: str | None = None, *, schema_checked: bool = False) -> Case:
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
        raise CaseFileError([Problem("", error.reason)], source) from None
    if given_twice:
        raise CaseFileError(_keys_given_twice(document), source)
    return parse_case(document, source=source, schema_checked=schema_checked)


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
                Problem(path, phrase("the key {key} is given twice; keep one", key=json.dumps(key, ensure_ascii=False)))
                for key in value.twice
            ]
        if isinstance(value, dict):
            pending += [(f"{path}.{key}" if path else key, child) for key, child in value.items()]
        elif isinstance(value, list):
            pending += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
    return sorted(problems, key=lambda problem: problem.path)


def parse_case(
    document: Any, source: str | None = None, *, accepted_earlier: bool = False, schema_checked: bool = False
) -> Case:
    """Validate an already-parsed JSON value and build the case from it.

    ``accepted_earlier`` is for a case the store accepted before: it is read against the format alone, so that a
    check added since (country codes against ISO 3166-1) never locks a kept case away; saving it again applies
    every check. ``schema_checked`` is for a document whose bytes passed every check before: see
    :func:`~recogniser.case_checks.validation_problems`.
    """
    problems = (
        schema_problems(document, CASE_SCHEMA, N_("a case file"))
        if accepted_earlier
        else validation_problems(document, schema_checked=schema_checked)
    )
    if problems:
        raise CaseFileError(problems, source)
    return _build_case(document)


#: The target fields admission and credit transfer require (docs/formats/case-file.md): the evaluator's own
#: entry, which a case being entered may not have yet.
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


def save_case(path: str | os.PathLike[str], document: Mapping[str, Any]) -> None:
    """Validate and write a case file atomically; an invalid document raises and writes nothing."""
    problems = validation_problems(document)
    if problems:
        raise CaseFileError(problems, os.fspath(path))
    write_text_atomically(path, dumps_case(document))
