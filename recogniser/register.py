"""The register of recognition decisions: every final decision the office recorded, fit for publication.

Offices are asked to keep and publish records of their decisions so that applicants can know in advance what to
expect (LRC Art. III.2: transparent, coherent and reliable procedures and criteria). An entry
gives the credential (title, awarding body, countries, level, ECTS), the target, the purpose, the outcome, the
credits, the date and the basis — and **never the learner's personal data**: no name, identifier, date of birth
or refugee status, and no case reference (an office's references can be looked up against its files). The
evaluator's reasons are published with the learner's name, identifier and date of birth blanked out, and every
sentence that speaks of a refugee or protection status left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from operator import attrgetter
from typing import IO, Any

from recogniser.model import Outcome, plain_number
from recogniser.textkeys import fold

REGISTER_FORMAT = "recogniser-register/1"

#: What stands in for the learner's personal data in published reasons.
WITHHELD = "[withheld]"

#: Words (folded: lower case, no accents) that tell of a refugee or protection status: a sentence holding one is
#: left out of published reasons.
_STATUS_WORDS = re.compile(
    r"\b(refugee|refugees|asylum|displaced|stateless|international protection|subsidiary protection|"
    r"temporary protection|fluchtling|izbjeglic|беженец|беженц|bizenc)\w*",
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\s*")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class RegisterEntry:
    """One published decision. Field names are the CSV columns and the JSON keys."""

    decision_id: int
    decided_on: str
    purpose: str
    credential_title: str | None
    awarding_body: str | None
    awarding_body_country: str | None
    issuer_country: str | None
    framework: str | None
    nqf_level: str | None
    eqf_level: int | None
    credential_ects: float | int | None
    target_title: str | None
    target_institution: str | None
    target_eqf_level: int | None
    credits_sought: float | int | None
    recommended_outcome: str
    outcome: str
    ects_recognised: float | int | None
    rulebook_version: str
    basis: str
    reasons: str | None
    divergence_reason: str | None

    @classmethod
    def of(
        cls,
        *,
        decision_id: int,
        case_document: Mapping[str, Any],
        decision: Mapping[str, Any],
        final_outcome: Outcome,
        final_ects: float | None,
        decided_at: datetime,
        justification: str | None,
        divergence_reason: str | None,
    ) -> RegisterEntry:
        credential = _object(case_document.get("credential"))
        body = _object(credential.get("awarding_body"))
        level = _object(credential.get("level"))
        workload = _object(credential.get("workload"))
        target = _object(case_document.get("target"))
        private = _PersonalData.of(case_document) if justification or divergence_reason else None
        return cls(
            decision_id=decision_id,
            decided_on=decided_at.date().isoformat(),
            purpose=str(case_document.get("purpose")),
            credential_title=_text(credential.get("title")),
            awarding_body=_text(body.get("name")),
            awarding_body_country=_text(body.get("country")),
            issuer_country=_text(credential.get("issuer_country")),
            framework=_text(level.get("framework")),
            nqf_level=_text(level.get("nqf_level")),
            eqf_level=_int(level.get("eqf_level")),
            credential_ects=_number(workload.get("ects")),
            target_title=_text(target.get("title")),
            target_institution=_text(target.get("institution")),
            target_eqf_level=_int(target.get("eqf_level")),
            credits_sought=_number(target.get("ects")) if case_document.get("purpose") != "admission" else None,
            recommended_outcome=str(_object(decision.get("recommendation")).get("outcome")),
            outcome=final_outcome.value,
            ects_recognised=plain_number(final_ects),
            rulebook_version=str(decision.get("rulebook_version")),
            basis=basis(decision),
            reasons=None if private is None else private.withheld(justification),
            divergence_reason=None if private is None else private.withheld(divergence_reason),
        )

    def values(self) -> tuple[Any, ...]:
        """The entry's values in the order of ``COLUMNS``."""
        return _VALUES(self)

    def to_json(self) -> dict[str, Any]:
        return dict(zip(COLUMNS, self.values(), strict=True))


COLUMNS: tuple[str, ...] = tuple(field.name for field in fields(RegisterEntry))
_VALUES = attrgetter(*COLUMNS)


_DIFFERENCES = re.compile(r'"substantial_differences"\s*:\s*')
_DECODER = json.JSONDecoder()


def differences_of(decision_json: str) -> list[Any]:
    """The recommendation's substantial differences, read from a stored ``recogniser-decision/1`` text without
    parsing its findings (a register of many decisions reads only what it prints)."""
    found = _DIFFERENCES.search(decision_json)
    if found is None:
        return []
    differences, _end = _DECODER.raw_decode(decision_json, found.end())
    return differences if isinstance(differences, list) else []


def basis(decision: Mapping[str, Any]) -> str:
    """What the decision rests on, as published: the rulebook and, for each substantial difference, the element
    and the provision cited (the descriptions stay out: they may quote the applicant's documents). ``decision``
    is a ``recogniser-decision/1`` document."""
    rulebook = decision.get("rulebook_version")
    differences = _object(decision.get("recommendation")).get("substantial_differences") or []
    if not differences:
        return f"rulebook {rulebook}; no substantial difference found"
    cited = "; ".join(f"{_object(d).get('element')}: {_object(d).get('citation')}" for d in differences)
    return f"rulebook {rulebook}; substantial differences: {cited}"


@dataclass(frozen=True)
class _PersonalData:
    """The learner's data in one case, to blank out of published text: each word of the name (whatever its
    case and accents), the identifier, and the date of birth in the usual ways of writing it."""

    name_words: frozenset[str]
    exact: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> _PersonalData:
        learner = _object(_object(document.get("credential")).get("learner"))
        name = _text(learner.get("name")) or ""
        words = frozenset(fold(word) for word in _WORD.findall(name) if len(word) >= 2)
        texts = [text for text in [_text(learner.get("identifier"))] if text]
        birth = _text(learner.get("date_of_birth"))
        if birth:
            texts += _date_forms(birth)
        ordered = sorted(set(texts), key=len, reverse=True)
        return cls(words, tuple(re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE) for text in ordered))

    def withheld(self, text: str | None) -> str | None:
        if not text:
            return None
        sentences = _SENTENCE.findall(text)
        # Folding works letter by letter, so what a sentence or word folds to is part of what the whole text folds
        # to: a text whose fold holds no status word, or no word of the name, has none to leave out.
        if _STATUS_WORDS.search(fold(text)):
            sentences = [sentence for sentence in sentences if not _STATUS_WORDS.search(fold(sentence))]
        kept = "".join(sentences)
        for pattern in self.exact:
            kept = pattern.sub(WITHHELD, kept)
        folded = fold(kept)
        if any(word in folded for word in self.name_words):
            kept = _WORD.sub(lambda word: WITHHELD if fold(word.group()) in self.name_words else word.group(), kept)
        return kept.strip() or None


def _date_forms(text: str) -> list[str]:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return [text]
    return [
        text,
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
    ]


def write_csv(entries: Iterable[RegisterEntry], stream: IO[str]) -> int:
    """The register as CSV, one row a decision under a header row; returns how many decisions."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow(["" if value is None else value for value in entry.values()])
        count += 1
    return count


def write_json(entries: Iterable[RegisterEntry], stream: IO[str], period: Mapping[str, str | None]) -> int:
    """The register as one JSON document, written as it is read (a large register is never held whole)."""
    stream.write(json.dumps({"format": REGISTER_FORMAT, "period": dict(period)}, ensure_ascii=False)[:-1])
    stream.write(', "decisions": [')
    count = 0
    for entry in entries:
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(entry.to_json(), ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    return count


def rendered(entries: Iterator[RegisterEntry], kind: str, period: Mapping[str, str | None]) -> tuple[str, int]:
    """The register as text of ``kind`` (csv or json) and how many decisions it holds."""
    buffer = io.StringIO()
    count = write_csv(entries, buffer) if kind == "csv" else write_json(entries, buffer, period)
    return buffer.getvalue(), count


def _object(value: Any) -> Mapping[str, Any]:
    if type(value) is dict:  # what JSON gives, told apart without the slower check for any mapping
        return value
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | int | None:
    return plain_number(float(value)) if isinstance(value, int | float) and not isinstance(value, bool) else None
