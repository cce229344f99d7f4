"""A stack's credentials, each assessed on its own by the one pipeline, and whether it counts, is pending or
is set aside (with its reason)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from recogniser.casefile import case_sha256, credential_case
from recogniser.i18n import N_, Phrase, phrase, plural
from recogniser.joining import in_list
from recogniser.model import (
    Case,
    Credential,
    Decision,
    Element,
    Finding,
    InformationItem,
    Outcome,
    StackRole,
    credential_label,
)
from recogniser.rules import facts
from recogniser.rules.lisbon.common import ALTERNATIVE_OR_REFUSAL
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.triage import restricts

#: Findings that set a credential aside, by code prefix, with the code of the stack's finding and the reason as
#: the stack states it.
SET_ASIDE: tuple[tuple[str, str, str], ...] = (
    ("authenticity.signature.failed", "authenticity_failed", N_("its authenticity check failed")),
    ("lisbon.level_difference.below", "level_below", N_("its level is below the target's")),
    (
        "lisbon.quality_difference.no_esg_quality",
        "no_quality_evidence",
        N_("it has no quality evidence higher education can rely on"),
    ),
    (
        "lisbon.quality_difference.vet_outside_esg",
        "no_quality_evidence",
        N_("its quality assurance is outside the ESG"),
    ),
    (
        "lisbon.assessment_difference.not_assessed",
        "attendance_only",
        N_("it records attendance only; nothing was assessed"),
    ),
)
#: The code of the stack's finding for a credential older than the office's limit.
TOO_OLD = "too_old"


@dataclass(frozen=True)
class Reason:
    """Why a credential of a stack cannot count, or what it waits for."""

    #: The whole sentence, as the credential's row states it.
    text: str
    #: As the stack's summary names it.
    short: str
    #: What sets the credential aside: the code of the stack's finding (None for a reason without one).
    code: str | None = None


#: Elements a credential's own findings judge against the whole target: in a stack they are judged on what the
#: credentials give together, so a credential's own shortfall there does not restrict the stack.
TARGET_RELATIVE = frozenset({Element.WORKLOAD, Element.LEARNING_OUTCOMES, Element.PROFILE})


@dataclass(frozen=True)
class Own:
    """One credential's own assessment and what the stack takes from it."""

    index: int
    case: Case
    decision: Decision
    ects: float | None
    role: StackRole
    reasons: tuple[Reason, ...]
    #: Restricting findings on the credential itself (not against the whole target) that the stack carries.
    carried: tuple[Finding, ...]
    information: tuple[InformationItem, ...]

    @property
    def credential(self) -> Credential:
        return self.case.credential

    @property
    def label(self) -> str:
        return credential_label(self.index, self.credential.title)


class _Identity:
    """Objects compared by identity (the rulebook, the reference data), kept alive while compared."""

    def __init__(self, objects: tuple[object, ...]) -> None:
        self.objects = objects

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Identity)
            and len(self.objects) == len(other.objects)
            and all(mine is theirs for mine, theirs in zip(self.objects, other.objects, strict=True))
        )

    def __hash__(self) -> int:
        return hash(tuple(id(item) for item in self.objects))


class _Assessed:
    """Credentials assessed recently, by the hash of the case as it reads with each alone: re-assessing a stack
    after an edit to one credential (the window does on every keystroke) assesses only that one again. An
    entry holds the reference data and rulebook it was judged with, and is used only with the very same."""

    size: ClassVar[int] = 64
    lock: ClassVar[threading.Lock] = threading.Lock()
    entries: ClassVar[OrderedDict[tuple[str, date | None], tuple[object, Decision]]] = OrderedDict()

    @classmethod
    def get(cls, key: tuple[str, date | None], judged_with: object) -> Decision | None:
        with cls.lock:
            entry = cls.entries.get(key)
            if entry is None or entry[0] != judged_with:
                return None
            cls.entries.move_to_end(key)
            return entry[1]

    @classmethod
    def put(cls, key: tuple[str, date | None], judged_with: object, decision: Decision) -> None:
        with cls.lock:
            cls.entries[key] = (judged_with, decision)
            cls.entries.move_to_end(key)
            while len(cls.entries) > cls.size:
                cls.entries.popitem(last=False)


def clear_cache() -> None:
    """Forget the credentials assessed so far (to time a stack from cold)."""
    with _Assessed.lock:
        _Assessed.entries.clear()


def assess_credential(
    case: Case,
    index: int,
    *,
    assess_one: Callable[[Case], Decision],
    judged_with: tuple[object, ...],
    day: date | None,
    as_of: date | None,
) -> Own:
    rulebook = judged_with[0]
    assert isinstance(rulebook, Rulebook)
    alone = credential_case(case, index)
    key = (case_sha256(alone), as_of)
    decision = _Assessed.get(key, _Identity(judged_with))
    if decision is None:
        decision = assess_one(alone)
        _Assessed.put(key, _Identity(judged_with), decision)
    ects = facts.derive_workload(alone, rulebook).ects
    reasons: list[Reason] = []
    carried: list[Finding] = []
    for f in decision.findings:
        ground = next(((code, why) for prefix, code, why in SET_ASIDE if f.code.startswith(prefix)), None)
        if ground is not None:
            code, why = ground
            reasons.append(
                Reason(phrase("{reason}: {finding}", reason=Phrase(why), finding=f.message), Phrase(why), code)
            )
        elif restricts(f) and f.element not in TARGET_RELATIVE:
            assert f.allows is not None
            if f.allows <= set(ALTERNATIVE_OR_REFUSAL):
                reasons.append(Reason(f.message, f.message))
            else:
                carried.append(f)
    too_old = _too_old(alone.credential, rulebook, day)
    if too_old:
        reasons.append(Reason(too_old, too_old, TOO_OLD))
    outcome = decision.recommendation.outcome
    if reasons:
        role = StackRole.EXCLUDED
    elif outcome is Outcome.INFORMATION_REQUIRED:
        role = StackRole.PENDING
        waits = phrase(
            "its own assessment waits for: {items}", items=in_list(decision.recommendation.information_lines)
        )
        reasons = [Reason(waits, waits)]
    else:
        role = StackRole.COUNTED
    information = tuple(
        InformationItem(text, supplier)
        for text, supplier in zip(
            decision.recommendation.information_required, decision.recommendation.information_suppliers, strict=False
        )
    )
    return Own(index, alone, decision, ects, role, tuple(reasons), tuple(carried), information)


def _too_old(credential: Credential, rulebook: Rulebook, day: date | None) -> str | None:
    limit = rulebook.stack_max_age_years
    issued = credential.issue_date
    if limit is None or issued is None or day is None:
        return None
    try:
        until = issued.replace(year=issued.year + limit)
    except ValueError:  # 29 February
        until = issued.replace(year=issued.year + limit, day=28)
    if until >= day:
        return None
    return plural(
        "it was issued on {issued}, more than {n} year before {day}, the office's limit for a credential in a stack",
        "it was issued on {issued}, more than {n} years before {day}, the office's limit for a credential in a stack",
        n=limit,
        issued=issued,
        day=day,
    )
