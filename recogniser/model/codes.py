"""The formats' names, the coded values of the case file and the decision JSON (docs/formats/case-file.md,
docs/formats/decision-json.md) with the outcome sets built on them, and how the formats write credits."""

from __future__ import annotations

from enum import StrEnum

CASE_FORMAT = "recogniser-case/1"
DECISION_FORMAT = "recogniser-decision/1"


class Purpose(StrEnum):
    """Why recognition is sought (docs/method/how-a-case-is-judged.md)."""

    ADMISSION = "admission"
    CREDIT_TRANSFER = "credit_transfer"
    EMPLOYMENT = "employment"
    RPL = "rpl"


class Outcome(StrEnum):
    """Recommendation outcomes, in the EAR manual's order of preference (docs/method/how-a-case-is-judged.md)."""

    FULL_RECOGNITION = "full_recognition"
    ALTERNATIVE_RECOGNITION = "alternative_recognition"
    PARTIAL_RECOGNITION = "partial_recognition"
    CONDITIONAL_RECOGNITION = "conditional_recognition"
    NON_RECOGNITION = "non_recognition"
    INFORMATION_REQUIRED = "information_required"


#: Outcomes a recognition can end in, least restrictive first (EAR manual; 2010 Revised Recommendation).
EAR_ORDER: tuple[Outcome, ...] = (
    Outcome.FULL_RECOGNITION,
    Outcome.ALTERNATIVE_RECOGNITION,
    Outcome.PARTIAL_RECOGNITION,
    Outcome.CONDITIONAL_RECOGNITION,
    Outcome.NON_RECOGNITION,
)


#: Outcomes that grant credits where credits are sought; a refusal grants none and a request for information
#: decides nothing yet (EAR manual, forms of recognition).
CREDIT_GRANTING_OUTCOMES = frozenset(
    {
        Outcome.FULL_RECOGNITION,
        Outcome.ALTERNATIVE_RECOGNITION,
        Outcome.PARTIAL_RECOGNITION,
        Outcome.CONDITIONAL_RECOGNITION,
    }
)


class RuleSet(StrEnum):
    AUTHENTICITY = "authenticity"
    COMPLETENESS = "completeness"
    LISBON = "lisbon"
    QF = "qf"
    ESG = "esg"
    OUTCOMES = "outcomes"


class Element(StrEnum):
    """What a finding is about: the EAR five elements plus assessment, identity, completeness, procedure, and the
    authenticity of the document (which the EAR manual checks first)."""

    LEVEL = "level"
    WORKLOAD = "workload"
    QUALITY = "quality"
    PROFILE = "profile"
    LEARNING_OUTCOMES = "learning_outcomes"
    ASSESSMENT = "assessment"
    IDENTITY = "identity"
    COMPLETENESS = "completeness"
    PROCEDURE = "procedure"
    AUTHENTICITY = "authenticity"


class Status(StrEnum):
    PASS = "pass"
    WARNING = "warning"
    FAIL = "fail"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class AssessmentType(StrEnum):
    WRITTEN_EXAM = "written_exam"
    ORAL_EXAM = "oral_exam"
    PRACTICAL = "practical"
    PROJECT = "project"
    PORTFOLIO = "portfolio"
    ONLINE_QUIZ = "online_quiz"
    ATTENDANCE_ONLY = "attendance_only"
    NONE = "none"
    OTHER = "other"


class Participation(StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    BLENDED = "blended"
    WORK_BASED = "work_based"
    VOLUNTEERING = "volunteering"


class ProviderKind(StrEnum):
    HIGHER_EDUCATION_INSTITUTION = "higher_education_institution"
    VET_PROVIDER = "vet_provider"
    PRIVATE_PROVIDER = "private_provider"
    EMPLOYER = "employer"
    PROFESSIONAL_BODY = "professional_body"
    PUBLIC_AUTHORITY = "public_authority"
    OTHER = "other"


class QADecision(StrEnum):
    POSITIVE = "positive"
    POSITIVE_WITH_CONDITIONS = "positive_with_conditions"
    NEGATIVE = "negative"
    NOT_APPLICABLE = "not_applicable"


class AlternativeKind(StrEnum):
    """Forms of alternative recognition (EAR manual: recognition in another form than the one requested)."""

    #: The learning goes through the institution's own recognition of prior learning procedure.
    RPL_ROUTE = "rpl_route"
    #: Free-elective credit in the target programme, at the programme's level.
    ELECTIVE_CREDIT = "elective_credit"
    #: Credit towards another component of the programme whose outcomes the credential matches.
    OTHER_COMPONENT = "other_component"
    #: Admission to, or credit in, a programme at the level the credential reaches.
    PROGRAMME_AT_LEVEL = "programme_at_level"
    #: Admission to a bridging or preparatory programme leading to the target.
    BRIDGING_PROGRAMME = "bridging_programme"
    #: A statement describing the learning (for the labour market, or as far as it can be established).
    DESCRIPTIVE_STATEMENT = "descriptive_statement"
    #: A statement that the learner took part, recognising no learning outcomes (nothing was assessed).
    PARTICIPATION_STATEMENT = "participation_statement"


#: Alternatives that recognise credits in the other form; the others recognise none.
#: (Credit towards another component is not counted here: which component, and so how many credits, is for the
#: institution to find.)
CREDIT_BEARING_ALTERNATIVES = frozenset({AlternativeKind.ELECTIVE_CREDIT, AlternativeKind.PROGRAMME_AT_LEVEL})


class Supplier(StrEnum):
    """Who supplies a missing item (LRC Art. III.3): the applicant, the institution that issued the credential,
    or the assessing body itself (what it can establish: a foreign system's quality assurance and levels)."""

    APPLICANT = "applicant"
    AWARDING_BODY = "awarding_body"
    ASSESSING_BODY = "assessing_body"


class Coverage(StrEnum):
    """A cell of the coverage matrix: how far one credential covers one target outcome."""

    COVERED = "covered"
    #: Close, but below the score that covers it, or about the same at a lower cognitive level.
    PARTLY = "partly_covered"
    NOT_COVERED = "not_covered"


#: How the coverage matrix marks a cell in plain text (the command line); the words are the vocabulary's.
COVERAGE_MARKS = {Coverage.COVERED: "#", Coverage.PARTLY: "~", Coverage.NOT_COVERED: "."}


class StackRole(StrEnum):
    """What a credential of a stack counts for."""

    COUNTED = "counted"
    #: It cannot count towards the target (``reasons`` say why); the rest of the stack still does.
    EXCLUDED = "excluded"
    #: Its own assessment waits for information; not counted until it is given.
    PENDING = "pending"


def plain_number(value: float | None) -> float | int | None:
    """ECTS print as 5, not 5.0, when whole."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
