"""Precedents: the office's earlier decisions on cases like the one open, and when a decision departs from them.

Recognition must be consistent (LRC Art. III.2: transparent, coherent and reliable procedures and criteria), so
every case is set beside the office's earlier decided cases.

Two degrees of likeness, defined here once for the window, the command line, the store and the report:

**Similar** (shown as precedents, ranked by ``score``): the credential's title and awarding body compared
fuzzily in any script (both transliterated to Latin letters and folded, then rapidfuzz's token-sort ratio), the
target, the issuing country and the EQF level. A case is similar when its title scores at least
``SIMILAR_TITLE`` or its awarding body at least ``SIMILAR_BODY`` and the whole score reaches ``SIMILAR_SCORE``.

**Equivalent** (the ground for naming a divergence): the same credential, the same target and the same purpose:

- same purpose;
- same credential: the same awarding body (equal once transliterated and folded), titles scoring at least
  ``EQUIVALENT_TITLE`` (word order, case, accents, script and a typo do not matter; another word does) and
  numbered alike ("Module 2" is not "Module 3"; digits and Roman numerals I–XII), the
  same issuing country, and the same EQF level and the same ECTS where both cases give them;
- same target: target titles and institutions equal once transliterated and folded (both absent counts as the
  same, as for employment, which has no target programme).

A decision **diverges** when its outcome, or where both state credits its ECTS, differ from the office's latest
decision on an equivalent case; the decision then owes its reason for departing (kept with the decision, shown
in the report). Only the latest binds: a decision that departed with its reason recorded is the office's practice
from then on, and the older decisions it departed from no longer ask every later case for a reason. Cases that
are only similar never make a divergence: they inform, they do not bind.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from recogniser.credential_summary import CredentialSummary
from recogniser.i18n import phrase, plural
from recogniser.joining import in_list
from recogniser.model import Outcome, Purpose, plain_number
from recogniser.textkeys import latin_key
from recogniser.vocabulary import with_credits

#: Title score (0–100) from which two credentials' titles count as the same credential's.
EQUIVALENT_TITLE = 90.0
#: Title score from which a case is similar on its title alone.
SIMILAR_TITLE = 70.0
#: Awarding-body score from which a case is similar on its awarding body alone.
SIMILAR_BODY = 85.0
#: Lowest overall score (0–100) of a similar case.
SIMILAR_SCORE = 55.0
#: Precedents shown beside a case, equivalent ones first; the equivalent among them are weighed for a divergence.
PRECEDENTS_SHOWN = 20

# How much each likeness weighs in the overall score (they add up to 1).
_WEIGHTS = {"title": 0.45, "awarding_body": 0.25, "target": 0.15, "country": 0.075, "level": 0.075}


def _ratio(first: str, second: str) -> float:
    # Loaded with the first comparison: listing or opening cases, which imports this module, compares none.
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(first, second)) if first and second else 0.0


@dataclass(frozen=True)
class CaseProfile:
    """What precedents are compared on, read from a ``recogniser-case/1`` document."""

    purpose: Purpose
    title: str | None
    awarding_body: str | None
    issuer_country: str | None
    eqf_level: int | None
    ects: float | None
    target_title: str | None
    target_institution: str | None

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> CaseProfile:
        """A case of one credential, or a stack as one (``recogniser.credential_summary``): a stack is equivalent
        to a stack of the same credentials."""
        credential = CredentialSummary.of(document)
        target = _object(document.get("target"))
        return cls(
            purpose=Purpose(str(document["purpose"])),
            title=credential.title,
            awarding_body=credential.awarding_body,
            issuer_country=credential.issuer_country,
            eqf_level=credential.eqf_level,
            ects=None if credential.ects is None else float(credential.ects),
            target_title=_text(target.get("title")),
            target_institution=_text(target.get("institution")),
        )

    @cached_property
    def title_key(self) -> str:
        return latin_key(self.title)

    @cached_property
    def body_key(self) -> str:
        return latin_key(self.awarding_body)

    @cached_property
    def target_key(self) -> str:
        """The target as compared: its title and institution; empty where the case has no target."""
        if not (self.target_title or self.target_institution):
            return ""
        return f"{latin_key(self.target_title)} @ {latin_key(self.target_institution)}"


@dataclass(frozen=True)
class Likeness:
    """How one earlier case compares with the open one."""

    title: float
    awarding_body: float
    same_target: bool
    same_country: bool
    same_level: bool
    equivalent: bool
    score: float

    @property
    def similar(self) -> bool:
        return (self.title >= SIMILAR_TITLE or self.awarding_body >= SIMILAR_BODY) and self.score >= SIMILAR_SCORE

    def agreements(self) -> list[str]:
        """What the earlier case shares with the open one, as stable codes (the front ends put them in words)."""
        found = []
        if self.title >= EQUIVALENT_TITLE:
            found.append("title")
        elif self.title >= SIMILAR_TITLE:
            found.append("similar_title")
        if self.awarding_body >= 100:
            found.append("awarding_body")
        elif self.awarding_body >= SIMILAR_BODY:
            found.append("similar_awarding_body")
        found += [code for code, same in (("target", self.same_target), ("country", self.same_country)) if same]
        if self.same_level:
            found.append("level")
        return found


def likeness_of_names(open_case: CaseProfile, title: str | None, awarding_body: str | None) -> tuple[float, float]:
    """How alike another credential's title and awarding body are to the open case's (0–100 each)."""
    return _ratio(open_case.title_key, latin_key(title)), _ratio(open_case.body_key, latin_key(awarding_body))


def compare(open_case: CaseProfile, earlier: CaseProfile) -> Likeness:
    """Score ``earlier`` against ``open_case`` and say whether the two are equivalent (see the module's note)."""
    title = _ratio(open_case.title_key, earlier.title_key)
    body = _ratio(open_case.body_key, earlier.body_key)
    has_target = bool(open_case.target_key)
    same_target = has_target and open_case.target_key == earlier.target_key
    same_country = open_case.issuer_country is not None and open_case.issuer_country == earlier.issuer_country
    same_level = open_case.eqf_level is not None and open_case.eqf_level == earlier.eqf_level
    weights = dict(_WEIGHTS) if has_target else {k: v for k, v in _WEIGHTS.items() if k != "target"}
    total = sum(weights.values())
    score = (
        weights["title"] * title
        + weights["awarding_body"] * body
        + weights.get("target", 0.0) * (100.0 if same_target else 0.0)
        + weights["country"] * (100.0 if same_country else 0.0)
        + weights["level"] * (100.0 if same_level else 0.0)
    ) / total
    return Likeness(
        title=title,
        awarding_body=body,
        same_target=same_target,
        same_country=same_country,
        same_level=same_level,
        equivalent=equivalent(open_case, earlier, title_score=title),
        score=round(score, 1),
    )


def equivalent(first: CaseProfile, second: CaseProfile, *, title_score: float | None = None) -> bool:
    """Whether two cases are the same credential sought for the same target and purpose (module note)."""
    if first.purpose is not second.purpose:
        return False
    if not first.body_key or first.body_key != second.body_key:
        return False
    score = _ratio(first.title_key, second.title_key) if title_score is None else title_score
    if score < EQUIVALENT_TITLE or _numbers(first.title_key) != _numbers(second.title_key):
        return False
    if first.issuer_country != second.issuer_country:
        return False
    if None not in (first.eqf_level, second.eqf_level) and first.eqf_level != second.eqf_level:
        return False
    if first.ects is not None and second.ects is not None and not math.isclose(first.ects, second.ects):
        return False
    return first.target_key == second.target_key


@dataclass(frozen=True)
class Precedent:
    """An earlier decided case and the office's latest final decision on it."""

    reference: str
    profile: CaseProfile
    outcome: Outcome
    ects: float | None
    decided_at: datetime
    decided_by: str
    justification: str | None
    decision_id: int
    likeness: Likeness = field(compare=False)
    #: Why that decision departed from the office's decisions before it, where it did.
    divergence_reason: str | None = None

    @property
    def equivalent(self) -> bool:
        return self.likeness.equivalent

    def to_json(self) -> dict[str, Any]:
        profile = self.profile
        return {
            "reference": self.reference,
            "equivalent": self.equivalent,
            "score": self.likeness.score,
            "agrees_on": self.likeness.agreements(),
            "title": profile.title,
            "awarding_body": profile.awarding_body,
            "issuer_country": profile.issuer_country,
            "eqf_level": profile.eqf_level,
            "purpose": profile.purpose.value,
            "target": None
            if not profile.target_key
            else {"title": profile.target_title, "institution": profile.target_institution},
            "decision_id": self.decision_id,
            "outcome": self.outcome.value,
            "ects": plain_number(self.ects),
            "decided_at": self.decided_at.isoformat(),
            "decided_by": self.decided_by,
            "justification": self.justification,
            "divergence_reason": self.divergence_reason,
        }


def ranked(precedents: Iterable[Precedent], limit: int) -> list[Precedent]:
    """Equivalent cases first, then by score, the latest decision first among equals."""
    ordered = sorted(
        precedents, key=lambda p: (not p.equivalent, -p.likeness.score, -p.decided_at.timestamp(), p.reference)
    )
    return ordered[:limit]


@dataclass(frozen=True)
class Divergence:
    """A decision (or recommendation) that departs from the office's earlier decisions on equivalent cases."""

    outcome: Outcome
    ects: float | None
    departs_from: tuple[Precedent, ...]

    def describe(self) -> str:
        """One sentence naming the earlier decisions departed from."""
        earlier = in_list(
            phrase(
                "{reference}: {decision} ({day})",
                reference=p.reference,
                decision=with_credits(p.outcome, p.ects),
                day=p.decided_at.date(),
            )
            for p in self.departs_from
        )
        return plural(
            "{decision} departs from the office's earlier decision on the same credential for the same target and "
            "purpose: {earlier}",
            "{decision} departs from the office's earlier decisions on the same credential for the same target and "
            "purpose: {earlier}",
            n=len(self.departs_from),
            decision=with_credits(self.outcome, self.ects),
            earlier=earlier,
        )


def divergence(outcome: Outcome, ects: float | None, precedents: Sequence[Precedent]) -> Divergence | None:
    """The office's latest decision on an equivalent case, when ``outcome`` with ``ects`` departs from it.

    Departing means another outcome, or other credits where both decisions state credits. A request for
    information decides nothing yet: it neither departs from precedent nor sets one. Decisions recorded at the
    same moment (cases decided together) are the latest together.
    """
    if outcome is Outcome.INFORMATION_REQUIRED:
        return None
    binding = [p for p in precedents if p.equivalent and p.outcome is not Outcome.INFORMATION_REQUIRED]
    if not binding:
        return None
    latest = max(p.decided_at for p in binding)
    departs = tuple(
        p
        for p in binding
        if p.decided_at == latest
        and (p.outcome is not outcome or (p.ects is not None and ects is not None and not math.isclose(p.ects, ects)))
    )
    return Divergence(outcome, ects, departs) if departs else None


#: Words that number a credential in a series: "Module 2" is not "Module 3", however alike the titles read.
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})


def _numbers(key: str) -> frozenset[str]:
    return frozenset(word for word in key.split() if word.isdigit() or word in _ROMAN)


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
