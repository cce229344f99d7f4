"""Reading the case vocabularies (assessment, participation, supervision, QA decision, level) out of labels.

Credentials state these as concepts of controlled vocabularies (Europass) or as free text (Open Badges
extensions). Each reader returns the case value and whether the label said it exactly (a vocabulary term or a
single unambiguous keyword) or only suggested it, so the importer can report a guess as a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from recogniser.frameworks import default_frameworks
from recogniser.model import AssessmentType, Participation, ProviderKind, QADecision

_V = TypeVar("_V")

#: Europass learning-assessment scheme (``http://data.europa.eu/snb/learning-assessment/``): mode concepts.
EUROPASS_MODES: dict[str, Participation] = {
    "920fbb3cbe": Participation.ONLINE,
    "e92d221e4d": Participation.BLENDED,
}

#: Europass EQF concepts end in the level: ``http://data.europa.eu/snb/eqf/6``.
_EQF_URI = re.compile(r"/eqf/([1-8])/?$")
_EQF_LABEL = re.compile(r"\b(?:eqf|level|niveau|razina|nivel|stufe)\D{0,12}([1-8])\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading(Generic[_V]):
    value: _V
    exact: bool


# Keywords in the order they are tried; the first that occurs decides. Written in English, with the common
# words of the languages credentials in the seminar cases arrive in.
_ASSESSMENT_KEYWORDS: tuple[tuple[AssessmentType, tuple[str, ...]], ...] = (
    (AssessmentType.ATTENDANCE_ONLY, ("attendance", "participation", "no assessment", "not assessed")),
    (AssessmentType.ORAL_EXAM, ("oral", "viva", "mondeling", "usmeni")),
    (AssessmentType.ONLINE_QUIZ, ("quiz", "multiple choice", "online test", "auto-graded")),
    (AssessmentType.PORTFOLIO, ("portfolio",)),
    (AssessmentType.PROJECT, ("project", "thesis", "assignment", "essay", "case study", "report")),
    (AssessmentType.PRACTICAL, ("practical", "practice", "simulation", "demonstration", "lab", "praktisch")),
    (AssessmentType.WRITTEN_EXAM, ("written", "pisani", "schriftlich", "écrit")),
)
#: Words for an examination of unstated form: read as a written exam only when nothing more specific is said.
_EXAMINATION_WORDS = ("exam", "examination", "test", "testing", "tentamen", "ispit", "prüfung", "examen")

_PARTICIPATION_KEYWORDS: tuple[tuple[Participation, tuple[str, ...]], ...] = (
    (Participation.BLENDED, ("blended", "hybrid", "mixed")),
    (Participation.ONLINE, ("online", "distance", "e-learning", "remote", "virtual")),
    (Participation.WORK_BASED, ("work-based", "work based", "workplace", "apprenticeship", "on the job")),
    (Participation.VOLUNTEERING, ("volunteer",)),
    (Participation.ONSITE, ("onsite", "on-site", "on site", "face-to-face", "in person", "classroom", "campus")),
)


# Words in an organisation's name that say what kind of provider it is; a heuristic, so its result is a guess.
_PROVIDER_WORDS: tuple[tuple[ProviderKind, tuple[str, ...]], ...] = (
    (
        ProviderKind.HIGHER_EDUCATION_INSTITUTION,
        (
            "university",
            "universität",
            "université",
            "università",
            "universidad",
            "universidade",
            "universitat",
            "universitet",
            "universiteit",
            "uniwersytet",
            "univerza",
            "univerzitet",
            "universitatea",
            "sveučilište",
            "sveuciliste",
            "yliopisto",
            "egyetem",
            "hochschule",
            "hogeschool",
            "högskola",
            "polytechnic",
            "politecnico",
            "politechnika",
            "veleučilište",
            "veleuciliste",
            "institute of technology",
            "haute école",
            "haute ecole",
            "escola superior",
            "college of higher education",
        ),
    ),
    (
        ProviderKind.VET_PROVIDER,
        ("vocational", "berufsschule", "berufskolleg", "strukovna", "beroepsonderwijs", "training centre"),
    ),
    (ProviderKind.PROFESSIONAL_BODY, ("chamber of", "kammer", "chambre de", "chartered institute")),
    (
        ProviderKind.PRIVATE_PROVIDER,
        ("gmbh", "ltd", "limited", "inc", "b.v", "s.a", "sarl", "s.r.l", "srl", "d.o.o", "plc", "llc"),
    ),
)


def provider_kind(name: str) -> tuple[ProviderKind, str] | None:
    """The kind of provider an organisation's name suggests, and the word that suggests it."""
    text = name.casefold()
    for kind, words in _PROVIDER_WORDS:
        for word in words:
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                return kind, word
    return None


def assessment_type(label: str) -> Reading[AssessmentType]:
    """The assessment type a label names: exact for one specific kind (``Oral exam``), a guess for a bare
    ``Exam`` (taken as written) or several kinds (the first), ``other`` when nothing is recognised."""
    found = _keywords(label, _ASSESSMENT_KEYWORDS)
    if found:
        return Reading(found[0], exact=len(found) == 1)
    if _keywords(label, ((AssessmentType.WRITTEN_EXAM, _EXAMINATION_WORDS),)):
        return Reading(AssessmentType.WRITTEN_EXAM, exact=False)
    return Reading(AssessmentType.OTHER, exact=False)


def participation(label: str) -> Reading[Participation] | None:
    """The form of participation a label names; several forms (``onsite or blended``) give an inexact first."""
    found = _keywords(label, _PARTICIPATION_KEYWORDS)
    if not found:
        return None
    return Reading(found[0], exact=len(found) == 1)


def _keywords(label: str, table: tuple[tuple[_V, tuple[str, ...]], ...]) -> list[_V]:
    text = label.casefold()
    return [value for value, words in table if any(_has_word(text, word) for word in words)]


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word)}", text) is not None


@dataclass(frozen=True)
class Supervision:
    """Annex I element 13, read from a label of the Europass supervision-verification vocabulary."""

    supervised: bool | None
    identity_verified: bool | None


def supervision(label: str) -> Supervision:
    """``Unsupervised without ID Verification``, ``Supervised with ID Verification``, ``onsite with identity ...``."""
    text = label.casefold()
    supervised: bool | None = None
    if re.search(r"\bunsupervised\b|\bnot supervised\b|\bno supervision\b", text):
        supervised = False
    elif re.search(r"supervis|proctor|invigilat|onsite|on-site", text):
        supervised = True
    identity: bool | None = None
    if re.search(r"\b(without|no)\b[^,;]*\b(id|identity|identification)\b", text):
        identity = False
    elif re.search(r"\bwith\b[^,;]*\b(id|identity|identification)\b|identity (checked|verified)", text):
        identity = True
    return Supervision(supervised, identity)


def qa_decision(label: str) -> QADecision | None:
    text = label.casefold()
    if "negative" in text or "refus" in text or "withdrawn" in text:
        return QADecision.NEGATIVE
    if "condition" in text or "restriction" in text:
        return QADecision.POSITIVE_WITH_CONDITIONS
    if "positive" in text or "accredited" in text or "approved" in text or "granted" in text:
        return QADecision.POSITIVE
    if "not applicable" in text:
        return QADecision.NOT_APPLICABLE
    return None


def eqf_level(code: str | None, label: str | None) -> int | None:
    """The EQF level of a Europass concept URI (``.../eqf/6``) or a label (``EQF level 6``, ``Level 6``)."""
    if code:
        match = _EQF_URI.search(code.strip())
        if match:
            return int(match.group(1))
        if code.strip() in {str(level) for level in range(1, 9)}:
            return int(code.strip())
    if label:
        match = _EQF_LABEL.search(label)
        if match:
            return int(match.group(1))
    return None


@dataclass(frozen=True)
class FrameworkLevel:
    """A national framework level as the case records it."""

    framework: str
    level: str


def national_level_by_uri(uri: str) -> FrameworkLevel | None:
    """A framework level named by its European Learning Model concept URI."""
    found = default_frameworks().find_uri(uri)
    if found is None:
        return None
    framework, level = found
    return FrameworkLevel(framework.id, level.id)


def national_level(label: str, country: str | None = None) -> FrameworkLevel | None:
    """Look a framework level label (``RQF Level 6``, ``CROQF Level 7.1``) up in the project's framework data.

    The issuer's ``country`` settles labels that frameworks of several countries share (``QNQ Level 6``).
    """
    frameworks = default_frameworks()
    found = (frameworks.find_label(label, country=country) if country else None) or frameworks.find_label(label)
    if found is None:
        return None
    framework, level = found
    return FrameworkLevel(framework.id, level.id)
