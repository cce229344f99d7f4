"""Cases and decisions for the report tests, built by hand so the report is tested on its own."""

from __future__ import annotations

import json
from pathlib import Path

from recogniser.casefile import case_sha256, parse_case
from recogniser.model import (
    Case,
    Decision,
    Element,
    Finding,
    Outcome,
    OutcomeMatch,
    Recommendation,
    RuleSet,
    Status,
    SubstantialDifference,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example_document(name: str) -> dict[str, object]:
    document: dict[str, object] = json.loads((EXAMPLES / name).read_text("utf-8"))
    return document


def case_from(document: dict[str, object]) -> Case:
    return parse_case(document)


def decision_for(
    case: Case,
    outcome: Outcome = Outcome.PARTIAL_RECOGNITION,
    findings: tuple[Finding, ...] | None = None,
    matches: tuple[OutcomeMatch, ...] | None = None,
    summary: str = "Three of the four target outcomes are matched; 4 ECTS are recommended.",
) -> Decision:
    target_outcomes = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    credential_outcomes = case.credential.learning_outcomes or ()
    return Decision(
        reference=case.reference,
        purpose=case.purpose,
        rulebook_version="2026.1",
        case_sha256=case_sha256(case),
        recommendation=Recommendation(
            outcome=outcome,
            ects_recognised=4,
            summary=summary,
            substantial_differences=(
                SubstantialDifference(
                    element=Element.LEARNING_OUTCOMES,
                    description="The outcome on auditing a safety management system is not covered.",
                    citation="LRC Art. VI.1; Revised Recommendation 2010, §36",
                    rule_id="outcomes.coverage",
                ),
            ),
            conditions=("Pass an identity-verified oral examination on safety audits.",),
            information_required=(),
            appeal="The appeal procedure of the assessing body, within 15 days of notification.",
        ),
        findings=findings
        if findings is not None
        else (
            Finding(
                "completeness.annex_i",
                RuleSet.COMPLETENESS,
                Element.COMPLETENESS,
                Status.PASS,
                "Council Recommendation 2022/C 243/02, Annex I",
                "All mandatory elements are stated.",
            ),
            Finding(
                "qf.level",
                RuleSet.QF,
                Element.LEVEL,
                Status.PASS,
                "QF-EHEA; EQF Recommendation 2017/C 189/03",
                "EQF 6 matches the target's EQF 6.",
            ),
            Finding(
                "qf.workload",
                RuleSet.QF,
                Element.WORKLOAD,
                Status.WARNING,
                "ECTS Users' Guide 2015, 4.2",
                "135 hours for 5 ECTS is 27 hours per credit.",
            ),
            Finding(
                "esg.external_qa",
                RuleSet.ESG,
                Element.QUALITY,
                Status.PASS,
                "ESG 2015 Part 2; EQAR register",
                "External QA by ASHE (EQAR-registered), positive, valid until 2028-06-30.",
            ),
            Finding(
                "lisbon.purpose",
                RuleSet.LISBON,
                Element.PROFILE,
                Status.PASS,
                "LRC Art. V",
                "Credit transfer of a period of study.",
            ),
            Finding(
                "outcomes.coverage",
                RuleSet.OUTCOMES,
                Element.LEARNING_OUTCOMES,
                Status.FAIL,
                "Revised Recommendation 2010, §36",
                "One of four target outcomes is not matched.",
            ),
        ),
        outcome_matches=matches
        if matches is not None
        else tuple(
            OutcomeMatch(target=t, credential=c, score=90.0 - 20 * i, matched=i < 3)
            for i, (t, c) in enumerate(zip(target_outcomes, credential_outcomes, strict=False))
        ),
    )
