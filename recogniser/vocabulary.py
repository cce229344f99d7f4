"""Every label of the domain's vocabularies, in one place, in the reader's language.

A purpose, an outcome, a rule set, a status or an element is named the same way by the report, the command line,
the seminar material and the window: each takes its words from here. The words are written in English, marked
for the gettext catalogues (:mod:`recogniser.i18n`), and translated when asked for.

Two forms are kept where a reader meets both: a *label* that stands alone (a heading, a table cell, a list
entry: "Credit transfer into a programme") and the *words* that sit inside a sentence ("… for credit
transfer"). Rule sets have a *title* naming the texts they apply, for the report, and a short label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

from recogniser.i18n import N_, Phrase, phrase, translate
from recogniser.model import (
    AlternativeKind,
    AssessmentType,
    Coverage,
    Element,
    Outcome,
    Participation,
    ProviderKind,
    Purpose,
    QADecision,
    RuleSet,
    StackRole,
    Status,
    Supplier,
)
from recogniser.provenance import Authenticity

PURPOSE_LABELS: Mapping[Purpose, str] = {
    Purpose.ADMISSION: N_("Admission to a programme"),
    Purpose.CREDIT_TRANSFER: N_("Credit transfer into a programme"),
    Purpose.EMPLOYMENT: N_("Statement for employment"),
    Purpose.RPL: N_("Recognition of prior learning"),
}

#: A purpose inside a sentence: "a decision on {purpose}".
PURPOSE_WORDS: Mapping[Purpose, str] = {
    Purpose.ADMISSION: N_("admission"),
    Purpose.CREDIT_TRANSFER: N_("credit transfer"),
    Purpose.EMPLOYMENT: N_("employment"),
    Purpose.RPL: N_("recognition of prior learning"),
}

OUTCOME_LABELS: Mapping[Outcome, str] = {
    Outcome.FULL_RECOGNITION: N_("Full recognition"),
    Outcome.ALTERNATIVE_RECOGNITION: N_("Alternative recognition"),
    Outcome.PARTIAL_RECOGNITION: N_("Partial recognition"),
    Outcome.CONDITIONAL_RECOGNITION: N_("Recognition with conditions"),
    Outcome.NON_RECOGNITION: N_("Non-recognition"),
    Outcome.INFORMATION_REQUIRED: N_("Information required"),
}

#: An outcome inside a sentence: "{outcome} is recommended".
OUTCOME_WORDS: Mapping[Outcome, str] = {
    Outcome.FULL_RECOGNITION: N_("full recognition"),
    Outcome.ALTERNATIVE_RECOGNITION: N_("alternative recognition"),
    Outcome.PARTIAL_RECOGNITION: N_("partial recognition"),
    Outcome.CONDITIONAL_RECOGNITION: N_("recognition with conditions"),
    Outcome.NON_RECOGNITION: N_("non-recognition"),
    Outcome.INFORMATION_REQUIRED: N_("information required"),
}

#: Rule sets in the order the report lists them, with the texts they apply.
RULE_SET_TITLES: Mapping[RuleSet, str] = {
    RuleSet.AUTHENTICITY: N_(
        "Authenticity of the credential (Council Recommendation 2022/C 243/02, Annex II; EAR manual)"
    ),
    RuleSet.COMPLETENESS: N_("Annex I completeness (Council Recommendation 2022/C 243/02)"),
    RuleSet.LISBON: N_("Lisbon Recognition Convention (1997) and its subsidiary texts"),
    RuleSet.QF: N_("Qualifications frameworks (QF-EHEA, EQF, national) and ECTS"),
    RuleSet.ESG: N_("Quality assurance (ESG 2015, EQAR, DEQAR)"),
    RuleSet.OUTCOMES: N_("Learning outcomes analysis"),
}

RULE_SET_LABELS: Mapping[RuleSet, str] = {
    RuleSet.AUTHENTICITY: N_("Authenticity"),
    RuleSet.COMPLETENESS: N_("Annex I elements"),
    RuleSet.LISBON: N_("Lisbon Recognition Convention"),
    RuleSet.QF: N_("Level and workload (QF-EHEA, EQF, ECTS)"),
    RuleSet.ESG: N_("Quality assurance (ESG)"),
    RuleSet.OUTCOMES: N_("Learning outcomes"),
}

STATUS_LABELS: Mapping[Status, str] = {
    Status.PASS: N_("Pass"),
    Status.WARNING: N_("Warning"),
    Status.FAIL: N_("Fail"),
    Status.UNKNOWN: N_("Unknown"),
    Status.NOT_APPLICABLE: N_("Not applicable"),
}

ELEMENT_LABELS: Mapping[Element, str] = {
    Element.LEVEL: N_("Level"),
    Element.WORKLOAD: N_("Workload"),
    Element.QUALITY: N_("Quality"),
    Element.PROFILE: N_("Profile"),
    Element.LEARNING_OUTCOMES: N_("Learning outcomes"),
    Element.ASSESSMENT: N_("Assessment"),
    Element.IDENTITY: N_("Identity"),
    Element.COMPLETENESS: N_("Completeness"),
    Element.PROCEDURE: N_("Procedure"),
    Element.AUTHENTICITY: N_("Authenticity"),
}

#: An element inside a sentence: "a substantial difference in {element}".
ELEMENT_WORDS: Mapping[Element, str] = {
    Element.LEVEL: N_("level"),
    Element.WORKLOAD: N_("workload"),
    Element.QUALITY: N_("quality"),
    Element.PROFILE: N_("profile"),
    Element.LEARNING_OUTCOMES: N_("learning outcomes"),
    Element.ASSESSMENT: N_("assessment"),
    Element.IDENTITY: N_("identity"),
    Element.COMPLETENESS: N_("completeness"),
    Element.PROCEDURE: N_("procedure"),
    Element.AUTHENTICITY: N_("authenticity"),
}

SUPPLIER_WORDS: Mapping[Supplier, str] = {
    Supplier.APPLICANT: N_("from the applicant"),
    Supplier.AWARDING_BODY: N_("from the awarding body"),
    Supplier.ASSESSING_BODY: N_("established by the assessing body itself"),
}

COVERAGE_WORDS: Mapping[Coverage, str] = {
    Coverage.COVERED: N_("covered"),
    Coverage.PARTLY: N_("partly covered"),
    Coverage.NOT_COVERED: N_("not covered"),
}

STACK_ROLE_WORDS: Mapping[StackRole, str] = {
    StackRole.COUNTED: N_("counted"),
    StackRole.EXCLUDED: N_("set aside"),
    StackRole.PENDING: N_("not counted yet"),
}

AUTHENTICITY_WORDS: Mapping[Authenticity, str] = {
    Authenticity.VERIFIED: N_("verified"),
    Authenticity.SIGNER_NOT_ESTABLISHED: N_("intact, signer not established"),
    Authenticity.OTHER_SIGNER: N_("intact, signed by someone other than the issuer"),
    Authenticity.FAILED: N_("failed"),
    Authenticity.NOT_CHECKED: N_("signature not checked"),
    Authenticity.NO_SIGNATURE: N_("no signature"),
}

ALTERNATIVE_LABELS: Mapping[AlternativeKind, str] = {
    AlternativeKind.RPL_ROUTE: N_("recognition of prior learning procedure"),
    AlternativeKind.ELECTIVE_CREDIT: N_("elective credit"),
    AlternativeKind.OTHER_COMPONENT: N_("credit towards another component"),
    AlternativeKind.PROGRAMME_AT_LEVEL: N_("programme at the credential's level"),
    AlternativeKind.BRIDGING_PROGRAMME: N_("bridging programme"),
    AlternativeKind.DESCRIPTIVE_STATEMENT: N_("descriptive statement"),
    AlternativeKind.PARTICIPATION_STATEMENT: N_("participation statement"),
}

ASSESSMENT_TYPE_LABELS: Mapping[AssessmentType, str] = {
    AssessmentType.WRITTEN_EXAM: N_("Written exam"),
    AssessmentType.ORAL_EXAM: N_("Oral exam"),
    AssessmentType.PRACTICAL: N_("Practical"),
    AssessmentType.PROJECT: N_("Project"),
    AssessmentType.PORTFOLIO: N_("Portfolio"),
    AssessmentType.ONLINE_QUIZ: N_("Online quiz"),
    AssessmentType.ATTENDANCE_ONLY: N_("Attendance only"),
    AssessmentType.NONE: N_("No assessment"),
    AssessmentType.OTHER: N_("Other"),
}

PARTICIPATION_LABELS: Mapping[Participation, str] = {
    Participation.ONSITE: N_("Onsite"),
    Participation.ONLINE: N_("Online"),
    Participation.BLENDED: N_("Blended"),
    Participation.WORK_BASED: N_("Work-based"),
    Participation.VOLUNTEERING: N_("Volunteering"),
}

PROVIDER_KIND_LABELS: Mapping[ProviderKind, str] = {
    ProviderKind.HIGHER_EDUCATION_INSTITUTION: N_("Higher education institution"),
    ProviderKind.VET_PROVIDER: N_("VET provider"),
    ProviderKind.PRIVATE_PROVIDER: N_("Private provider"),
    ProviderKind.EMPLOYER: N_("Employer"),
    ProviderKind.PROFESSIONAL_BODY: N_("Professional body"),
    ProviderKind.PUBLIC_AUTHORITY: N_("Public authority"),
    ProviderKind.OTHER: N_("Other"),
}

QA_DECISION_LABELS: Mapping[QADecision, str] = {
    QADecision.POSITIVE: N_("Positive"),
    QADecision.POSITIVE_WITH_CONDITIONS: N_("Positive with conditions"),
    QADecision.NEGATIVE: N_("Negative"),
    QADecision.NOT_APPLICABLE: N_("Not applicable"),
}

#: What an earlier case shares with the open one, by the codes of ``precedents.Likeness.agreements``: the words
#: follow "same" ("same title, issuing country").
AGREEMENT_WORDS: Mapping[str, str] = {
    "title": N_("title"),
    "similar_title": N_("a similar title"),
    "awarding_body": N_("awarding body"),
    "similar_awarding_body": N_("a similar awarding body"),
    "target": N_("target"),
    "country": N_("issuing country"),
    "level": N_("EQF level"),
}

#: The label a value stands for when it is shown alone, by its vocabulary.
_LABELS: Mapping[type[Enum], Mapping[Any, str]] = {
    Purpose: PURPOSE_LABELS,
    Outcome: OUTCOME_LABELS,
    RuleSet: RULE_SET_LABELS,
    Status: STATUS_LABELS,
    Element: ELEMENT_LABELS,
    Supplier: SUPPLIER_WORDS,
    Coverage: COVERAGE_WORDS,
    StackRole: STACK_ROLE_WORDS,
    Authenticity: AUTHENTICITY_WORDS,
    AlternativeKind: ALTERNATIVE_LABELS,
    AssessmentType: ASSESSMENT_TYPE_LABELS,
    Participation: PARTICIPATION_LABELS,
    ProviderKind: PROVIDER_KIND_LABELS,
    QADecision: QA_DECISION_LABELS,
}


#: The words a value stands for inside a sentence, by its vocabulary.
_WORDS: Mapping[type[Enum], Mapping[Any, str]] = {
    Purpose: PURPOSE_WORDS,
    Element: ELEMENT_WORDS,
    Outcome: OUTCOME_WORDS,
}


def label(value: Enum, code: str | None = None) -> str:
    """The label of a vocabulary value, shown alone."""
    return translate(_LABELS[type(value)][value], code)


def purpose_label(purpose: Purpose, code: str | None = None) -> str:
    return translate(PURPOSE_LABELS[purpose], code)


def purpose_words(purpose: Purpose, code: str | None = None) -> str:
    return translate(PURPOSE_WORDS[purpose], code)


def outcome_label(outcome: Outcome, code: str | None = None) -> str:
    return translate(OUTCOME_LABELS[outcome], code)


def rule_set_title(rule_set: RuleSet, code: str | None = None) -> str:
    return translate(RULE_SET_TITLES[rule_set], code)


def rule_set_label(rule_set: RuleSet, code: str | None = None) -> str:
    return translate(RULE_SET_LABELS[rule_set], code)


def status_label(status: Status, code: str | None = None) -> str:
    return translate(STATUS_LABELS[status], code)


def element_label(element: Element, code: str | None = None) -> str:
    return translate(ELEMENT_LABELS[element], code)


def element_words(element: Element, code: str | None = None) -> str:
    return translate(ELEMENT_WORDS[element], code)


def words(value: Purpose | Element | Outcome) -> Phrase:
    """A purpose, element or outcome as it sits inside a sentence, for a phrase's field (translated when shown)."""
    return Phrase(_WORDS[type(value)][value])


def with_credits(outcome: Outcome, ects: float | None) -> Phrase:
    """An outcome inside a sentence with the credits it grants, if stated: "partial recognition, 2.5 ECTS"."""
    return words(outcome) if ects is None else phrase("{outcome}, {ects} ECTS", outcome=words(outcome), ects=ects)


def assessment_type_label(kind: AssessmentType, code: str | None = None) -> str:
    return translate(ASSESSMENT_TYPE_LABELS[kind], code)


def participation_label(participation: Participation, code: str | None = None) -> str:
    return translate(PARTICIPATION_LABELS[participation], code)


def provider_kind_label(kind: ProviderKind, code: str | None = None) -> str:
    return translate(PROVIDER_KIND_LABELS[kind], code)


def qa_decision_label(decision: QADecision, code: str | None = None) -> str:
    return translate(QA_DECISION_LABELS[decision], code)


def agreement_words(codes: Sequence[str], code: str | None = None) -> str:
    """What an earlier case shares with the open one, listed in the reader's language ("" when nothing)."""
    return ", ".join(translate(AGREEMENT_WORDS[agreement], code) for agreement in codes)
