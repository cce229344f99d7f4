"""Case documents and decisions for the store tests, built in code so each test states what matters to it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from recogniser.casefile import case_sha256, parse_case
from recogniser.model import (
    Case,
    Decision,
    Element,
    Finding,
    Outcome,
    Purpose,
    Recommendation,
    RuleSet,
    Status,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def base_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    return document


def make_case(
    reference: str | None = None,
    *,
    learner: str = "Ivana Horvat",
    title: str = "Safety Management on Merchant Vessels",
    awarding_body: str = "Faculty of Maritime Studies",
    purpose: Purpose = Purpose.CREDIT_TRANSFER,
    issuer_country: str = "HR",
    note: str = "",
) -> Case:
    document = copy.deepcopy(base_document())
    document.pop("reference", None)
    if reference is not None:
        document["reference"] = reference
    document["purpose"] = purpose.value
    if purpose not in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
        document.pop("target", None)
    credential = document["credential"]
    credential["learner"]["name"] = learner
    credential["title"] = title
    credential["awarding_body"]["name"] = awarding_body
    credential["issuer_country"] = issuer_country
    credential["further_information"] = note
    return parse_case(document)


def edited(case: Case, **changes: str) -> Case:
    """The case with credential fields changed, as an evaluator's edit would."""
    document = copy.deepcopy(dict(case.document))
    document["credential"].update(changes)
    return parse_case(document)


def make_decision(case: Case, outcome: Outcome = Outcome.FULL_RECOGNITION, rulebook: str = "2026.1") -> Decision:
    return Decision(
        reference=case.reference,
        purpose=case.purpose,
        rulebook_version=rulebook,
        case_sha256=case_sha256(case),
        recommendation=Recommendation(outcome=outcome, ects_recognised=5, summary=f"Recommended: {outcome.value}."),
        findings=(
            Finding(
                rule_id="esg.external_qa",
                rule_set=RuleSet.ESG,
                element=Element.QUALITY,
                status=Status.PASS,
                citation="ESG 2015 Part 2",
                message="External QA by an EQAR-registered agency.",
            ),
        ),
    )
