"""The case, the credential, findings and the decision: the project's domain types.

The vocabularies are the public contract of docs/formats/case-file.md and docs/formats/decision-json.md.
Everything here is immutable and Qt-free so that the same objects flow through the command line, the window, the
store and the seminar tools.

Callers import them from here; the modules say what each part is about: ``vocabularies`` (the formats' coded
values), ``case`` (the case and its credentials), ``decision`` (findings and the decision) and ``stack`` (several
credentials towards one target).

The codes are loaded with the package; the types of the case, the decision and the stack with the first of them
asked for, so that a command that only lists stored cases by their codes does not build them.
"""

from typing import TYPE_CHECKING

from recogniser.model.codes import (
    CASE_FORMAT,
    COVERAGE_MARKS,
    CREDIT_BEARING_ALTERNATIVES,
    CREDIT_GRANTING_OUTCOMES,
    DECISION_FORMAT,
    EAR_ORDER,
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
    plain_number,
)

if TYPE_CHECKING:
    from recogniser.model.case import (
        Applicant,
        Assessment,
        AwardingBody,
        Case,
        Credential,
        Learner,
        Level,
        Procedure,
        QualityAssurance,
        Target,
        Workload,
    )
    from recogniser.model.decision import (
        Alternative,
        Decision,
        Finding,
        InformationItem,
        OutcomeMatch,
        Recommendation,
        SubstantialDifference,
    )
    from recogniser.model.stack import Stack, StackCell, StackedCredential, credential_label
else:

    def __getattr__(name: str) -> object:
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from recogniser.model import case, decision, stack

        for module in (case, decision, stack):
            if hasattr(module, name):
                value = getattr(module, name)
                globals()[name] = value
                return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CASE_FORMAT",
    "COVERAGE_MARKS",
    "CREDIT_BEARING_ALTERNATIVES",
    "CREDIT_GRANTING_OUTCOMES",
    "DECISION_FORMAT",
    "EAR_ORDER",
    "Alternative",
    "AlternativeKind",
    "Applicant",
    "Assessment",
    "AssessmentType",
    "AwardingBody",
    "Case",
    "Coverage",
    "Credential",
    "Decision",
    "Element",
    "Finding",
    "InformationItem",
    "Learner",
    "Level",
    "Outcome",
    "OutcomeMatch",
    "Participation",
    "Procedure",
    "ProviderKind",
    "Purpose",
    "QADecision",
    "QualityAssurance",
    "Recommendation",
    "RuleSet",
    "Stack",
    "StackCell",
    "StackRole",
    "StackedCredential",
    "Status",
    "SubstantialDifference",
    "Supplier",
    "Target",
    "Workload",
    "credential_label",
    "plain_number",
]
