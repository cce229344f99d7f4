"""The one assessment pipeline: every front end calls :func:`assess`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from recogniser.agencies import AgencyRegister
from recogniser.agency_file import default_agencies
from recogniser.casefile import case_sha256, credential_case
from recogniser.frameworks import FrameworkRegistry, default_frameworks
from recogniser.model import Case, Decision
from recogniser.rules.base import RuleContext

# Every rule, in the order its findings are reported (rules/catalogue.py).
from recogniser.rules.catalogue import CASE_RULES
from recogniser.rules.recommendation import recommend
from recogniser.rules.rulebook import DEFAULT_RULEBOOK, Rulebook
from recogniser.rules.stacking import assess_stack


def assess(
    case: Case,
    *,
    as_of: date | None = None,
    rulebook: Rulebook = DEFAULT_RULEBOOK,
    frameworks: FrameworkRegistry | None = None,
    agencies: AgencyRegister | None = None,
) -> Decision:
    """Judge ``case`` against every rule and recommend an outcome.

    Deterministic: dates are judged as of ``as_of`` or else the credential's issue date, never the clock. A case
    of several credentials is assessed credential by credential with these same rules, then as a stack
    (``rules/stacking.py``); a case of one is judged as it always was.
    """
    chosen_frameworks = frameworks if frameworks is not None else default_frameworks()
    chosen_agencies = agencies if agencies is not None else default_agencies()

    def assess_one(alone: Case) -> Decision:
        return _assess_one(alone, as_of, rulebook, chosen_frameworks, chosen_agencies)

    if case.stacked:
        return assess_stack(
            case,
            as_of=as_of,
            rulebook=rulebook,
            frameworks=chosen_frameworks,
            agencies=chosen_agencies,
            assess_one=assess_one,
        )
    alone = credential_case(case, 0)
    decision = assess_one(alone)
    # A credential given as the one item of ``credentials`` means the same; the decision names the file's hash.
    return decision if alone is case else replace(decision, case_sha256=case_sha256(case))


def _assess_one(
    case: Case, as_of: date | None, rulebook: Rulebook, frameworks: FrameworkRegistry, agencies: AgencyRegister
) -> Decision:
    context = RuleContext(
        case=case,
        rulebook=rulebook,
        frameworks=frameworks,
        agencies=agencies,
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
