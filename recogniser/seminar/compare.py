"""Comparing the groups' verdicts on a pack: distributions, agreement, and the tool's recommendation beside them.

Per case: how many groups chose each outcome, the share of the most frequent one (agreement), the tool's own
recommendation, the groups that decided otherwise with the tool's findings beside their justification. Across
cases: Fleiss' kappa, the agreement among groups beyond what chance would give, when it can be computed.

Only responses that answer exactly this pack are compared; the others are listed with the reason. Responses
made with another tool or rulebook version are rejected too, unless the facilitator accepts them: the tool's
findings may differ between versions, so their verdicts rest on different advice.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from recogniser import __version__, i18n
from recogniser.i18n import N_, Phrase, phrase, shown
from recogniser.model import EAR_ORDER, Decision, Finding, Outcome, Purpose, Status, plain_number
from recogniser.rules import DEFAULT_RULEBOOK, assess
from recogniser.seminar.pack import Pack
from recogniser.seminar.response import MismatchKind, Response, ResponseError, load_response, mismatches

COMPARISON_FORMAT = "recogniser-seminar-comparison/1"

#: Outcomes in the order they are counted and drawn: the EAR manual's order, then information required.
OUTCOME_ORDER: tuple[Outcome, ...] = (*EAR_ORDER, Outcome.INFORMATION_REQUIRED)

#: One colour per outcome for the distribution charts (PDF and window), from the Okabe-Ito palette, which stays
#: distinguishable with the common colour-vision deficiencies.
CHART_COLOURS: dict[Outcome, str] = {
    Outcome.FULL_RECOGNITION: "#009E73",
    Outcome.ALTERNATIVE_RECOGNITION: "#56B4E9",
    Outcome.PARTIAL_RECOGNITION: "#F0E442",
    Outcome.CONDITIONAL_RECOGNITION: "#E69F00",
    Outcome.NON_RECOGNITION: "#D55E00",
    Outcome.INFORMATION_REQUIRED: "#999999",
}

KAPPA_SOURCE = "Fleiss (1971), Psychological Bulletin 76(5); bands after Landis and Koch (1977), Biometrics 33(1)"
_KAPPA_BANDS = (
    (0.2, N_("slight agreement")),
    (0.4, N_("fair agreement")),
    (0.6, N_("moderate agreement")),
    (0.8, N_("substantial agreement")),
    (1.0, N_("almost perfect agreement")),
)


@dataclass(frozen=True)
class ResponseSource:
    """A response file as read: the response, or the problems that kept it from being read."""

    source: str
    response: Response | None
    problems: tuple[str, ...] = ()


def read_responses(paths: Sequence[str | os.PathLike[str]]) -> list[ResponseSource]:
    sources = []
    for path in paths:
        source = os.fspath(path)
        try:
            sources.append(ResponseSource(source, load_response(source)))
        except ResponseError as error:
            sources.append(ResponseSource(source, None, tuple(error.problems)))
    return sources


@dataclass(frozen=True)
class Rejection:
    """A response left out of the comparison, and why."""

    source: str
    group: str | None
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "group": self.group, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class GroupVerdict:
    group: str
    outcome: Outcome
    ects: float | None
    justification: str

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group,
            "outcome": self.outcome.value,
            "ects": plain_number(self.ects),
            "justification": self.justification,
        }


@dataclass(frozen=True)
class CaseComparison:
    case_id: str
    title: str
    purpose: Purpose
    verdicts: tuple[GroupVerdict, ...]
    tool: Decision
    notes: str | None

    @cached_property
    def counts(self) -> dict[Outcome, int]:
        """Groups per outcome, every outcome present, in :data:`OUTCOME_ORDER` (counted once: read often)."""
        counted = dict.fromkeys(OUTCOME_ORDER, 0)
        for verdict in self.verdicts:
            counted[verdict.outcome] += 1
        return counted

    @property
    def modal_outcomes(self) -> tuple[Outcome, ...]:
        """The most frequent outcome, or several when they tie."""
        counts = self.counts
        top = max(counts.values(), default=0)
        return tuple(outcome for outcome, count in counts.items() if count == top and top > 0)

    @property
    def agreement(self) -> float | None:
        """Share of groups that chose the most frequent outcome."""
        if not self.verdicts:
            return None
        return max(self.counts.values()) / len(self.verdicts)

    @property
    def tool_outcome(self) -> Outcome:
        return self.tool.recommendation.outcome

    @property
    def tool_agreement(self) -> float | None:
        """Share of groups that chose the tool's outcome."""
        if not self.verdicts:
            return None
        return self.counts[self.tool_outcome] / len(self.verdicts)

    @property
    def divergent(self) -> tuple[GroupVerdict, ...]:
        """Groups whose outcome differs from the tool's."""
        return tuple(v for v in self.verdicts if v.outcome is not self.tool_outcome)

    @property
    def tool_findings(self) -> tuple[Finding, ...]:
        """What the tool found against the case (failures and warnings): the points to discuss where groups differ."""
        return tuple(f for f in self.tool.findings if f.status in (Status.FAIL, Status.WARNING))

    def to_json(self) -> dict[str, Any]:
        recommendation = self.tool.recommendation
        return {
            "case_id": self.case_id,
            "title": self.title,
            "purpose": self.purpose.value,
            "groups": len(self.verdicts),
            "counts": {outcome.value: count for outcome, count in self.counts.items()},
            "modal_outcomes": [outcome.value for outcome in self.modal_outcomes],
            "agreement": _rounded(self.agreement),
            "tool": {
                "outcome": recommendation.outcome.value,
                "ects_recognised": plain_number(recommendation.credits_shown),
                "summary": recommendation.summary,
                "substantial_differences": [d.to_json() for d in recommendation.substantial_differences],
            },
            "tool_agreement": _rounded(self.tool_agreement),
            "verdicts": [verdict.to_json() for verdict in self.verdicts],
            "divergent_groups": [verdict.group for verdict in self.divergent],
            "tool_findings": [f.to_json() for f in self.tool_findings] if self.divergent else [],
        }


@dataclass(frozen=True)
class Kappa:
    """Fleiss' kappa across cases, or why it is not given (``value`` None)."""

    value: float | None
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {"value": _rounded(self.value), "explanation": self.explanation, "source": KAPPA_SOURCE}


@dataclass(frozen=True)
class Comparison:
    pack: Pack
    groups: tuple[str, ...]
    cases: tuple[CaseComparison, ...]
    rejected: tuple[Rejection, ...]
    warnings: tuple[str, ...]
    kappa: Kappa

    @property
    def mean_agreement(self) -> float | None:
        values = [case.agreement for case in self.cases if case.agreement is not None]
        return sum(values) / len(values) if values else None

    @property
    def tool_agreement(self) -> float | None:
        """Share of all verdicts that match the tool's outcome."""
        total = sum(len(case.verdicts) for case in self.cases)
        if not total:
            return None
        return sum(case.counts[case.tool_outcome] for case in self.cases) / total

    def to_json(self) -> dict[str, Any]:
        return {**self._summary_json(), "cases": [case.to_json() for case in self.cases]}

    def json_text(self) -> Iterator[str]:
        """``dumps_json(self.to_json())`` in pieces, a case at a time: the comparison of 200 cases with 50 groups'
        justifications of 20,000 characters is 200 MB of JSON, never held in memory as one text."""
        opening = json.dumps({**self._summary_json(), "cases": []}, indent=2, ensure_ascii=False)
        if not self.cases:
            yield opening + "\n"
            return
        yield opening.removesuffix("[]\n}") + "[\n"
        for index, case in enumerate(self.cases):
            # A case nested two levels deep: every line of it indented four spaces more (JSON text has no
            # line breaks inside strings, so each one is between values).
            text = json.dumps(case.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
            yield f"    {text}{',' if index + 1 < len(self.cases) else ''}\n"
        yield "  ]\n}\n"

    def _summary_json(self) -> dict[str, Any]:
        return {
            "format": COMPARISON_FORMAT,
            "pack": {
                "pack_id": self.pack.pack_id,
                "title": self.pack.title,
                "version": self.pack.version,
                "manifest_sha256": self.pack.manifest_sha256,
                "tool_version": self.pack.tool_version,
                "rulebook_version": self.pack.rulebook_version,
            },
            "compared_with": {"tool_version": __version__, "rulebook_version": DEFAULT_RULEBOOK.version},
            "groups": list(self.groups),
            "rejected": [rejection.to_json() for rejection in self.rejected],
            "warnings": list(self.warnings),
            "mean_agreement": _rounded(self.mean_agreement),
            "tool_agreement": _rounded(self.tool_agreement),
            "fleiss_kappa": self.kappa.to_json(),
        }


def compare(pack: Pack, sources: Sequence[ResponseSource], *, allow_other_versions: bool = False) -> Comparison:
    """Compare the responses that answer ``pack``; the others are returned as rejections with their reasons."""
    accepted: list[Response] = []
    rejected: list[Rejection] = []
    warnings: list[str] = []
    answered_by: dict[str, str] = {}
    for source in sources:
        response = source.response
        if response is None:
            reasons = tuple(phrase("malformed: {problem}", problem=problem) for problem in source.problems)
            rejected.append(Rejection(source.source, None, reasons))
            continue
        found = mismatches(pack, response)
        blocking = [m for m in found if not (allow_other_versions and m.kind is MismatchKind.VERSION)]
        if response.group in answered_by:
            blocking_reasons: list[str] = [
                phrase(
                    "group '{group}' already answered in {source}",
                    group=response.group,
                    source=answered_by[response.group],
                )
            ]
        else:
            blocking_reasons = [m.reason for m in blocking]
        if blocking_reasons:
            rejected.append(Rejection(source.source, response.group, tuple(blocking_reasons)))
            continue
        warnings.extend(
            phrase(
                "{source} ({group}): {reason}; compared all the same",
                source=source.source,
                group=response.group,
                reason=m.reason,
            )
            for m in found
        )
        answered_by[response.group] = source.source
        accepted.append(response)
    if __version__ != pack.tool_version or DEFAULT_RULEBOOK.version != pack.rulebook_version:
        warnings.append(
            phrase(
                "The pack was built with Recogniser {built_version} (rulebook {built_rulebook}); the tool's "
                "recommendations here come from Recogniser {version} (rulebook {rulebook}).",
                built_version=pack.tool_version,
                built_rulebook=pack.rulebook_version,
                version=__version__,
                rulebook=DEFAULT_RULEBOOK.version,
            )
        )
    answers = [{case.case_id: case for case in response.cases} for response in accepted]
    cases = []
    for pack_case in pack.cases:
        tool = assess(pack_case.case)
        verdicts = []
        for response, answered in zip(accepted, answers, strict=True):
            answer = answered[pack_case.id]
            verdicts.append(
                GroupVerdict(response.group, answer.verdict.outcome, answer.verdict.ects, answer.verdict.justification)
            )
            seen = answer.decision.recommendation.outcome
            if seen is not tool.recommendation.outcome:
                warnings.append(
                    phrase(
                        "{group} was shown {seen} for {case}; the tool now recommends {outcome}.",
                        group=response.group,
                        seen=seen,
                        case=pack_case.id,
                        outcome=tool.recommendation.outcome,
                    )
                )
        cases.append(
            CaseComparison(
                pack_case.id, pack_case.title, pack_case.case.purpose, tuple(verdicts), tool, pack_case.notes
            )
        )
    return Comparison(
        pack=pack,
        groups=tuple(response.group for response in accepted),
        cases=tuple(cases),
        rejected=tuple(rejected),
        warnings=tuple(warnings),
        kappa=fleiss_kappa([[case.counts[outcome] for outcome in OUTCOME_ORDER] for case in cases]),
    )


def fleiss_kappa(table: Sequence[Sequence[int]]) -> Kappa:
    """Fleiss' kappa for a table of cases x outcomes, each row counting the groups that chose each outcome.

    Every row must hold the same number of verdicts (each accepted response answers every case).
    """
    if not table:
        return Kappa(None, phrase("Not computed: the pack has no cases."))
    raters = sum(table[0])
    if any(sum(row) != raters for row in table):
        raise ValueError("every case needs the same number of verdicts")
    if raters < 2:
        return Kappa(None, phrase("Not computed: agreement needs at least two groups."))
    if len(table) < 2:
        return Kappa(None, phrase("Not computed: a chance-corrected measure needs at least two cases."))
    subjects = len(table)
    total = subjects * raters
    shares = [sum(row[column] for row in table) / total for column in range(len(table[0]))]
    expected = sum(share * share for share in shares)
    if expected >= 1:
        return Kappa(
            None,
            phrase(
                "Not meaningful: every group chose the same outcome on every case, so there is no variation for "
                "chance to explain (agreement is complete)."
            ),
        )
    observed = sum((sum(count * count for count in row) - raters) / (raters * (raters - 1)) for row in table) / subjects
    value = (observed - expected) / (1 - expected)
    band = N_("poor agreement") if value < 0 else next(name for limit, name in _KAPPA_BANDS if value <= limit)
    return Kappa(
        value,
        phrase(
            "Fleiss' kappa over {cases} cases and {groups} groups: {kappa} ({band} beyond chance). "
            "Observed agreement {observed}, expected by chance {expected}. With few groups and cases it is a rough "
            "indication; read it with the per-case distributions.",
            cases=subjects,
            groups=raters,
            kappa=_two_places(value),
            # The band's words, translated with the sentence (its own words: "substantial" means otherwise
            # in the rules).
            band=Phrase(band),
            observed=_two_places(observed),
            expected=_two_places(expected),
        ),
    )


def _two_places(value: float) -> float:
    return round(value, 2) + 0.0  # never -0.0


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


#: The most justification text the printed comparison (the PDF, the terminal) shows, in characters: about 1,000
#: pages of the PDF's justification column. The formats allow 200 cases x 50 groups x 20,000 characters, 200
#: million characters or 40,000 pages, which nobody reads in a plenary and no machine lays out in minutes.
PRINTED_JUSTIFICATION_CHARACTERS = 4_000_000


def justification_limit(comparison: Comparison, budget: int | None = None) -> int | None:
    """The length the printed comparison shortens justifications to, None when they all fit in ``budget`` (by
    default :data:`PRINTED_JUSTIFICATION_CHARACTERS`).

    The longest ones are shortened, all to the same length, and the shorter ones printed whole: the largest length
    such that the justifications, each cut to it, fit in the budget.
    """
    lengths = sorted(len(verdict.justification) for case in comparison.cases for verdict in case.verdicts)
    remaining = PRINTED_JUSTIFICATION_CHARACTERS if budget is None else budget
    for index, length in enumerate(lengths):
        left = len(lengths) - index
        if length * left > remaining:
            return remaining // left
        remaining -= length
    return None


def printed_justification(text: str, limit: int | None) -> str:
    """``text`` as the printed comparison shows it: whole, or its first ``limit`` characters (ending at a word)
    and how much is left out, with where to read it all."""
    if limit is None or len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    excerpt = text[: cut if cut > limit * 3 // 4 else limit].rstrip()
    left_out = shown(
        phrase(
            "[{count} more characters: the whole justification is in the group's response file]",
            count=thousands(len(text) - len(excerpt)),
        )
    )
    return f"{excerpt} … {left_out}"


def thousands(count: int) -> str:
    """A count as the language in use writes a large one: 12,345 in English, 12 345 in French."""
    written = f"{count:,}"
    return written.replace(",", "\u202f") if i18n.language() == "fr" else written
