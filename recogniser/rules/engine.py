"""The one assessment pipeline: every front end calls :func:`assess`."""

from __future__ import annotations

from datetime import date

from recogniser.agencies import AgencyRegister, default_agencies
from recogniser.casefile import case_sha256
from recogniser.frameworks import FrameworkRegistry, default_frameworks
from recogniser.model import Case, Decision

# Importing the rule modules declares their rules, in the order findings are reported.
from recogniser.rules import authenticity, completeness, esg, lisbon, outcomes, qf  # noqa: F401
from recogniser.rules.base import CASE_RULES, RuleContext
from recogniser.rules.recommendation import recommend
from recogniser.rules.rulebook import DEFAULT_RULEBOOK, Rulebook


def assess(
    case: Case,
    *,
    as_of: date | None = None,
    rulebook: Rulebook = DEFAULT_RULEBOOK,
    frameworks: FrameworkRegistry | None = None,
    agencies: AgencyRegister | None = None,
) -> Decision:
    """Judge ``case`` against every rule and recommend an outcome.

    Deterministic: dates are judged as of ``as_of`` or else the credential's issue date, never the clock.
    """
    context = RuleContext(
        case=case,
        rulebook=rulebook,
        frameworks=frameworks if frameworks is not None else default_frameworks(),
        agencies=agencies if agencies is not None else default_agencies(),
        as_of=as_of or case.credential.issue_date,
        requested_as_of=as_of,
    )
    findings = [result for rule in CASE_RULES for result in rule.run(context)]
    recommendation, procedural = recommend(context, findings)
    return Decision(
        reference=case.reference,
        purpose=case.purpose,
        rulebook_version=rulebook.version,
        case_sha256=case_sha256(case),
        recommendation=recommendation,
        findings=(*findings, procedural),
        as_of=as_of,
        outcome_matches=context.outcomes.matches,
    )
