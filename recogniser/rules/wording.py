"""Pieces the rules' sentences share, each translated when the finding is shown: a kind of provider or of
assessment as it sits inside a sentence ("… assessed (written exam)", lower case where the vocabulary's labels
stand alone), a choice of several items ("a or b") and a figure to one decimal (a list is
:func:`recogniser.joining.in_list`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from recogniser.i18n import N_, Phrase, pphrase
from recogniser.joining import alternatives, quoted
from recogniser.model import AssessmentType, ProviderKind

__all__ = ["alternatives", "assessment_words", "provider_words", "quoted", "tenths"]

_ASSESSMENT_WORDS: Mapping[AssessmentType, Phrase] = {
    AssessmentType.WRITTEN_EXAM: Phrase(N_("written exam")),
    AssessmentType.ORAL_EXAM: Phrase(N_("oral exam")),
    AssessmentType.PRACTICAL: Phrase(N_("practical")),
    AssessmentType.PROJECT: Phrase(N_("project")),
    AssessmentType.PORTFOLIO: Phrase(N_("portfolio")),
    AssessmentType.ONLINE_QUIZ: Phrase(N_("online quiz")),
    AssessmentType.ATTENDANCE_ONLY: Phrase(N_("attendance only")),
    # "none" is also a grade of quality evidence (rules/facts.py): the context keeps the two translations apart.
    AssessmentType.NONE: pphrase("assessment type", "none"),
    AssessmentType.OTHER: Phrase(N_("other")),
}

_PROVIDER_WORDS: Mapping[ProviderKind, str] = {
    ProviderKind.HIGHER_EDUCATION_INSTITUTION: N_("higher education institution"),
    ProviderKind.VET_PROVIDER: N_("VET provider"),
    ProviderKind.PRIVATE_PROVIDER: N_("private provider"),
    ProviderKind.EMPLOYER: N_("employer"),
    ProviderKind.PROFESSIONAL_BODY: N_("professional body"),
    ProviderKind.PUBLIC_AUTHORITY: N_("public authority"),
    ProviderKind.OTHER: N_("other provider"),
}


def assessment_words(kind: AssessmentType) -> Phrase:
    """An assessment type inside a sentence: "written exam"."""
    return _ASSESSMENT_WORDS[kind]


def provider_words(kind: ProviderKind) -> Phrase:
    """A kind of awarding body inside a sentence: "private provider"."""
    return Phrase(_PROVIDER_WORDS[kind])


def tenths(value: float) -> Decimal:
    """``value`` to one decimal, the decimal kept when shown ("4.0", "4,0")."""
    return Decimal(f"{value:.1f}")
