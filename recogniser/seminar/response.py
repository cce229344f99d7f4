"""A breakout group's answer to a pack (``recogniser-seminar-response/1``) and the verdicts it is made from.

A response names the group, the pack it answers (pack id and manifest hash), the tool and rulebook versions the
group used, and per case: the outcome the group decided, the ECTS it recognises, its justification, and the
decision the tool gave it (``recogniser-decision/1``), so the facilitator sees what each group was shown.

Groups write their verdicts in the window, or by hand in a small ``recogniser-seminar-verdicts/1`` file
(``recogniser seminar template`` writes an empty one); :func:`build_response` assesses every case and puts the
two together.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from recogniser import __version__
from recogniser.case_checks import Problem, schema_problems
from recogniser.decision_policy import credits_sought
from recogniser.errors import FileProblemsError, located
from recogniser.files import write_text_atomically
from recogniser.i18n import N_, phrase
from recogniser.inputs import InputFileError, JsonInputError, load_json, read_bounded
from recogniser.joining import as_given, in_series, quoted
from recogniser.model import Case, Decision, Outcome, plain_number
from recogniser.rules import DEFAULT_RULEBOOK, assess
from recogniser.seminar.pack import Pack, not_utf8
from recogniser.vocabulary import words

RESPONSE_FORMAT = "recogniser-seminar-response/1"
RESPONSE_SCHEMA = "seminar-response-1.schema.json"
VERDICTS_FORMAT = "recogniser-seminar-verdicts/1"
VERDICTS_SCHEMA = "seminar-verdicts-1.schema.json"
DECISION_SCHEMA = "decision-1.schema.json"
MAX_RESPONSE_BYTES = 50 * 1024 * 1024


class ResponseError(FileProblemsError):
    """A response or verdicts file that cannot be used; one line per problem, naming the file and field."""


@dataclass(frozen=True)
class Verdict:
    """What a group decided on one case."""

    outcome: Outcome
    ects: float | None
    justification: str = ""


@dataclass(frozen=True)
class CaseResponse:
    case_id: str
    case_sha256: str
    verdict: Verdict
    decision: Decision

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "case_sha256": self.case_sha256,
            "outcome": self.verdict.outcome.value,
            "ects": plain_number(self.verdict.ects),
            "justification": self.verdict.justification,
            "decision": self.decision.to_json(),
        }


@dataclass(frozen=True)
class Response:
    group: str
    pack_id: str
    manifest_sha256: str
    tool_version: str
    rulebook_version: str
    cases: tuple[CaseResponse, ...]
    pack_title: str | None = None
    pack_version: int | None = None

    def to_json(self) -> dict[str, Any]:
        pack: dict[str, Any] = {"pack_id": self.pack_id, "manifest_sha256": self.manifest_sha256}
        if self.pack_title is not None:
            pack["title"] = self.pack_title
        if self.pack_version is not None:
            pack["version"] = self.pack_version
        return {
            "format": RESPONSE_FORMAT,
            "group": self.group,
            "pack": pack,
            "tool_version": self.tool_version,
            "rulebook_version": self.rulebook_version,
            "cases": [case.to_json() for case in self.cases],
        }


# --- building a response ---


def build_response(pack: Pack, group: str, verdicts: Mapping[str, Verdict]) -> Response:
    """The group's response: every case of ``pack`` assessed, beside the group's verdict on it.

    Every case needs a verdict and every verdict a case of the pack, so a response is always complete.
    """
    problems = []
    if not group.strip():
        problems.append(located("group", phrase("the group name must not be empty")))
    problems += [
        phrase("no verdict for case {id}", id=quoted(case_id)) for case_id in pack.case_ids if case_id not in verdicts
    ]
    problems += [
        phrase(
            "verdict for {id}, which is not a case of pack {pack} (cases: {cases})",
            id=quoted(case_id),
            pack=quoted(pack.pack_id),
            cases=in_series(pack.case_ids),
        )
        for case_id in verdicts
        if case_id not in pack.case_ids
    ]
    problems += [
        phrase(
            "verdict for {id}: ects: no credits are sought in this case ({purpose}); leave it null",
            id=quoted(pack_case.id),
            purpose=words(pack_case.case.purpose),
        )
        for pack_case in pack.cases
        if pack_case.id in verdicts and verdicts[pack_case.id].ects is not None and not _credits_sought(pack_case.case)
    ]
    if problems:
        raise ResponseError(N_("verdicts"), problems)
    cases = tuple(
        CaseResponse(
            case_id=pack_case.id,
            case_sha256=pack_case.sha256,
            verdict=verdicts[pack_case.id],
            decision=assess(pack_case.case),
        )
        for pack_case in pack.cases
    )
    return Response(
        group=group.strip(),
        pack_id=pack.pack_id,
        manifest_sha256=pack.manifest_sha256,
        tool_version=__version__,
        rulebook_version=DEFAULT_RULEBOOK.version,
        cases=cases,
        pack_title=pack.title,
        pack_version=pack.version,
    )


def _credits_sought(case: Case) -> bool:
    return credits_sought(case) is not None


def dumps_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_response(path: str | os.PathLike[str], response: Response) -> None:
    write_text_atomically(path, dumps_json(response.to_json()))


def verdicts_document(pack: Pack, group: str | None, verdicts: Mapping[str, Verdict]) -> dict[str, Any]:
    """A verdicts file for ``pack``: the verdicts given so far, and an open entry for every other case."""
    entries: dict[str, Any] = {}
    for pack_case in pack.cases:
        verdict = verdicts.get(pack_case.id)
        entries[pack_case.id] = (
            {"outcome": None, "ects": None, "justification": ""}
            if verdict is None
            else {
                "outcome": verdict.outcome.value,
                "ects": plain_number(verdict.ects),
                "justification": verdict.justification,
            }
        )
    return {"format": VERDICTS_FORMAT, "group": group, "verdicts": entries}


def write_verdicts(
    path: str | os.PathLike[str], pack: Pack, group: str | None, verdicts: Mapping[str, Verdict]
) -> None:
    """Save a group's work in progress (or, with no verdicts, an empty sheet to fill in)."""
    write_text_atomically(path, dumps_json(verdicts_document(pack, group, verdicts)))


def load_verdicts(path: str | os.PathLike[str]) -> tuple[str | None, dict[str, Verdict]]:
    """The group name (if the file gives one) and the verdicts by case id; cases without an outcome are left out."""
    source = os.fspath(path)
    document = read_json(source)
    problems = schema_problems(document, VERDICTS_SCHEMA, N_("a verdicts file"))
    if problems:
        raise ResponseError(source, [problem.line() for problem in problems])
    verdicts = {
        case_id: Verdict(
            outcome=Outcome(entry["outcome"]),
            ects=entry.get("ects"),
            justification=(entry.get("justification") or "").strip(),
        )
        for case_id, entry in document["verdicts"].items()
        if entry["outcome"] is not None
    }
    return document.get("group"), verdicts


# --- reading a response ---


def read_json(source: str) -> Any:
    """A JSON file's content, or a :class:`ResponseError` saying plainly why it cannot be read."""
    try:
        text = read_bounded(source, MAX_RESPONSE_BYTES, N_("response file")).decode("utf-8-sig")
    except InputFileError as error:
        raise ResponseError(source, [error.reason]) from None
    except UnicodeDecodeError as error:
        raise ResponseError(source, [not_utf8(error)]) from None
    try:
        return load_json(text)
    except JsonInputError as error:
        raise ResponseError(source, [error.reason]) from None


def load_response(path: str | os.PathLike[str]) -> Response:
    source = os.fspath(path)
    return parse_response(read_json(source), source=source)


def parse_response(document: Any, *, source: str) -> Response:
    """A response from its JSON, checked against the response and decision formats."""
    if isinstance(document, dict) and "format" in document and document["format"] != RESPONSE_FORMAT:
        problem = phrase(
            "format is {found}, not a seminar response ({wanted})",
            found=as_given(document["format"]),
            wanted=RESPONSE_FORMAT,
        )
        raise ResponseError(source, [problem])
    problems = [problem.line() for problem in schema_problems(document, RESPONSE_SCHEMA, N_("a seminar response"))]
    decisions: list[Decision] = []
    if not problems:
        for index, entry in enumerate(document["cases"]):
            found, decision = _checked_decision(entry["decision"])
            problems += [
                located(
                    f"cases[{index}].decision.{problem.path}" if problem.path else f"cases[{index}].decision",
                    problem.message,
                )
                for problem in found
            ]
            if decision is not None:
                decisions.append(decision)
    if problems:
        raise ResponseError(source, problems)
    pack = document["pack"]
    return Response(
        group=document["group"].strip(),
        pack_id=pack["pack_id"],
        manifest_sha256=pack["manifest_sha256"],
        tool_version=document["tool_version"],
        rulebook_version=document["rulebook_version"],
        cases=tuple(
            CaseResponse(
                case_id=entry["case_id"],
                case_sha256=entry["case_sha256"],
                verdict=Verdict(Outcome(entry["outcome"]), entry["ects"], entry["justification"].strip()),
                decision=decision,
            )
            for entry, decision in zip(document["cases"], decisions, strict=True)
        ),
        pack_title=pack.get("title"),
        pack_version=pack.get("version"),
    )


def _checked_decision(document: Any) -> tuple[tuple[Problem, ...], Decision | None]:
    """The problems of a response's decision, or the decision when it has none.

    Every group of a seminar is shown the same decision for a case, so 50 responses to a pack of 200 cases hold
    200 different decisions, not 10,000: each is checked against the schema (by far the slowest step of reading
    a response) and read once, and the responses share it, as a decision is immutable.
    """
    try:
        text = json.dumps(document, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return _decision_problems(document)  # not JSON the schema could accept: said field by field, not kept
    return _checked_decision_text(text)


@lru_cache(maxsize=1024)
def _checked_decision_text(text: str) -> tuple[tuple[Problem, ...], Decision | None]:
    """:func:`_decision_problems` of a decision given as canonical JSON text (its keys sorted), kept for the next
    response that holds the same."""
    return _decision_problems(json.loads(text))


def _decision_problems(document: Any) -> tuple[tuple[Problem, ...], Decision | None]:
    problems = tuple(schema_problems(document, DECISION_SCHEMA, N_("a decision")))
    return problems, None if problems else Decision.from_json(document)


# --- does a response answer this pack? ---


class MismatchKind(StrEnum):
    """Why a response does not fit the pack: another pack, another tool, or an incomplete or altered answer."""

    PACK = "pack"
    VERSION = "version"
    CASES = "cases"


@dataclass(frozen=True)
class Mismatch:
    kind: MismatchKind
    reason: str


def mismatches(pack: Pack, response: Response) -> list[Mismatch]:
    """Every way ``response`` fails to answer ``pack`` as it stands; empty when it does."""
    if response.pack_id != pack.pack_id:
        reason = phrase(
            "answers pack {answered}, not {pack}", answered=quoted(response.pack_id), pack=quoted(pack.pack_id)
        )
        return [Mismatch(MismatchKind.PACK, reason)]
    if response.manifest_sha256 != pack.manifest_sha256:
        return [
            Mismatch(
                MismatchKind.PACK,
                phrase(
                    "answers another revision of pack {pack} (manifest SHA-256 {answered}…, this pack {this}…)",
                    pack=quoted(pack.pack_id),
                    answered=response.manifest_sha256[:12],
                    this=pack.manifest_sha256[:12],
                ),
            )
        ]
    found: list[Mismatch] = []
    if response.tool_version != pack.tool_version:
        found.append(
            Mismatch(
                MismatchKind.VERSION,
                phrase(
                    "made with Recogniser {made}; the pack was built with {built}",
                    made=response.tool_version,
                    built=pack.tool_version,
                ),
            )
        )
    rulebooks = {response.rulebook_version} | {case.decision.rulebook_version for case in response.cases}
    if rulebooks != {pack.rulebook_version}:
        found.append(
            Mismatch(
                MismatchKind.VERSION,
                phrase(
                    "judged with rulebook {used}; the pack was built with rulebook {built}",
                    used=in_series(sorted(rulebooks)),
                    built=pack.rulebook_version,
                ),
            )
        )
    answered = Counter(case.case_id for case in response.cases)
    in_pack = set(pack.case_ids)
    for case_id in pack.case_ids:
        if case_id not in answered:
            found.append(Mismatch(MismatchKind.CASES, phrase("case {id} is missing", id=quoted(case_id))))
    for case_id, times in answered.items():
        if case_id not in in_pack:
            found.append(Mismatch(MismatchKind.CASES, phrase("case {id} is not in the pack", id=quoted(case_id))))
        elif times > 1:
            reason = phrase("case {id} is answered {times} times", id=quoted(case_id), times=times)
            found.append(Mismatch(MismatchKind.CASES, reason))
    for case in response.cases:
        if case.case_id not in in_pack:
            continue
        expected = pack.case(case.case_id).sha256
        if case.case_sha256 != expected or case.decision.case_sha256 != expected:
            reason = phrase("case {id} was answered for a different case file", id=quoted(case.case_id))
            found.append(Mismatch(MismatchKind.CASES, reason))
    return found
