"""The decision policy: what a recorded decision may grant and when it owes reasons.

One place for the rules every front end applies when an evaluator records a decision: the decision dialog, the
store, the seminar's verdicts and the report all ask here, so they never disagree.

- **Credits sought**: where credits are what is decided (credit transfer and RPL towards a target with ECTS).
- **Credits a decision grants**: an outcome that grants credits states how many, from 0 to the credits sought; a
  refusal grants 0; a request for information grants none yet; where no credits are sought, none.
- **Reasons owed** (LRC Art. III.5: reasons for a refusal; Revised Recommendation 2010: a decision that departs
  from the assessment states why): for any refusal, and for any departure from the recommendation in outcome or
  in credits.
- **Reason for departing from precedent** (LRC Art. III.2: coherent procedures and criteria): a final decision
  whose outcome or credits differ from the office's earlier decision on an equivalent case (same credential,
  target and purpose; ``recogniser.precedents``) states why, apart from its justification.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from recogniser.errors import located
from recogniser.i18n import phrase
from recogniser.model import CREDIT_GRANTING_OUTCOMES, Case, Outcome, Recommendation
from recogniser.precedents import Precedent, divergence


def credits_sought(case: Case) -> float | None:
    """The ECTS sought towards the target where credits are what is decided (credit transfer, RPL); None for
    admission and employment, which recognise a credential, not credits (docs/method/how-a-case-is-judged.md)."""
    return case.credits_sought


def grants_credits(outcome: Outcome | None, sought: float | None) -> bool:
    """Whether a decision with ``outcome`` states the credits it recognises."""
    return sought is not None and outcome in CREDIT_GRANTING_OUTCOMES


def recommended_credits(recommendation: Recommendation) -> float | None:
    """The credits a decision following the recommendation records: towards the target, or in the other form
    under alternative recognition (0 where that form bears none of its own, such as the RPL route)."""
    shown = recommendation.credits_shown
    return shown if shown is not None else recommendation.ects_recognised


class DecisionPolicyError(ValueError):
    """A decision cannot be recorded as given; ``field`` names what to correct."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(located(field, message))
        self.field = field
        self.message = message


def checked_credits(outcome: Outcome | None, ects: float | None, sought: float | None) -> float | None:
    """The credits a decision recognises, checked: stated for an outcome that grants credits where credits are
    sought, 0 for a refusal there, none otherwise."""
    if outcome is None or sought is None or outcome is Outcome.INFORMATION_REQUIRED:
        if ects is not None:
            why = (
                phrase("leave it empty: no final outcome is given")
                if outcome is None
                else phrase("leave it empty: no credits are sought in this case")
                if sought is None
                else phrase("leave it empty: asking for information recognises no credits yet")
            )
            raise DecisionPolicyError("final_ects", why)
        return None
    if outcome is Outcome.NON_RECOGNITION:
        if ects not in (None, 0):
            raise DecisionPolicyError("final_ects", phrase("a refusal recognises no credits (0 or empty)"))
        return 0
    if ects is None:
        raise DecisionPolicyError(
            "final_ects",
            phrase(
                "state the credits recognised ({outcome}, {sought} ECTS sought)", outcome=outcome.value, sought=sought
            ),
        )
    if not math.isfinite(ects) or not 0 <= ects <= sought:
        raise DecisionPolicyError(
            "final_ects", phrase("{ects} is not between 0 and the {sought} ECTS sought", ects=ects, sought=sought)
        )
    return ects


class Override(StrEnum):
    """Why a decision owes reasons."""

    REFUSAL = "refusal"
    OTHER_OUTCOME = "other_outcome"
    OTHER_CREDITS = "other_credits"
    PRECEDENT = "precedent"


@dataclass(frozen=True)
class ReasonsOwed:
    why: Override
    message: str


def reasons_owed(
    recommended: Outcome,
    final: Outcome | None,
    recommended_ects: float | None = None,
    final_ects: float | None = None,
) -> ReasonsOwed | None:
    """Why the decision needs a justification, or None where it follows the recommendation."""
    if final is None:
        return None
    if final is Outcome.NON_RECOGNITION:
        return ReasonsOwed(Override.REFUSAL, phrase("give the reasons for the refusal (LRC Art. III.5)"))
    if final is not recommended:
        # The outcomes by their codes: the command line, where a decision is also recorded, takes them so.
        return ReasonsOwed(
            Override.OTHER_OUTCOME,
            phrase(
                "give the reasons for deciding {final} where the recommendation is {recommended}",
                final=final.value,
                recommended=recommended.value,
            ),
        )
    if recommended_ects is not None and final_ects is not None and not math.isclose(recommended_ects, final_ects):
        return ReasonsOwed(
            Override.OTHER_CREDITS,
            phrase(
                "give the reasons for recognising {ects} ECTS where the recommendation is {recommended}",
                ects=final_ects,
                recommended=recommended_ects,
            ),
        )
    return None


def check_decision(
    recommendation: Recommendation,
    sought: float | None,
    final: Outcome | None,
    final_ects: float | None,
    justification: str | None,
) -> float | None:
    """Check a decision as the evaluator gives it; return the credits it records.

    Raises :class:`DecisionPolicyError` naming the field to correct.
    """
    credits = checked_credits(final, final_ects, sought)
    owed = reasons_owed(recommendation.outcome, final, recommended_credits(recommendation), credits)
    if owed is not None and not (justification or "").strip():
        raise DecisionPolicyError("justification", owed.message)
    return credits


def reason_for_departing_owed(
    final: Outcome | None, final_ects: float | None, precedents: Sequence[Precedent]
) -> ReasonsOwed | None:
    """Why the decision needs a reason for departing from precedent, or None where it departs from none of the
    equivalent earlier decisions among ``precedents``."""
    departs = None if final is None else divergence(final, final_ects, precedents)
    if departs is None:
        return None
    return ReasonsOwed(
        Override.PRECEDENT,
        phrase("give the reason for departing from precedent: {departure}", departure=departs.describe()),
    )
