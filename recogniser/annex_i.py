"""The standard elements of a micro-credential, Annex I of Council Recommendation 2022/C 243/02: eleven
mandatory, then five optional, in the Recommendation's order, each with the case-file field that holds it and
how to tell whether a credential states it.

The one definition the completeness rules, the report, the window and the seminar material read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from recogniser.i18n import N_, translate
from recogniser.model import Credential

#: The place the completeness findings cite (``recogniser.rules.citations``).
ANNEX_I = N_("Council Recommendation 2022/C 243/02, Annex I")
#: Said once wherever the elements are listed with their numbers.
ANNEX_I_NUMBERING = N_(
    "Annex I lists its elements without numbers; 1-16 here follow its order (this tool's convention)."
)


@dataclass(frozen=True)
class AnnexElement:
    """One element: ``key`` names it in findings, ``field`` is where a case file holds it."""

    key: str
    number: int
    name: str
    field: str
    present: Callable[[Credential], bool]
    mandatory: bool

    @property
    def label(self) -> str:
        """The element's name in the language in use, as it sits in a sentence."""
        return translate(self.name)


def _has_text(value: str | None) -> bool:
    return bool(value and value.strip())


ANNEX_I_ELEMENTS: tuple[AnnexElement, ...] = (
    AnnexElement(
        "learner",
        1,
        N_("identification of the learner"),
        "credential.learner.name",
        lambda c: c.learner is not None and _has_text(c.learner.name),
        True,
    ),
    AnnexElement(
        "title", 2, N_("title of the micro-credential"), "credential.title", lambda c: _has_text(c.title), True
    ),
    AnnexElement(
        "issuer_country",
        3,
        N_("country or region of the issuer"),
        "credential.issuer_country",
        lambda c: _has_text(c.issuer_country) or (c.awarding_body is not None and _has_text(c.awarding_body.country)),
        True,
    ),
    AnnexElement(
        "awarding_body",
        4,
        N_("awarding body"),
        "credential.awarding_body.name",
        lambda c: c.awarding_body is not None and _has_text(c.awarding_body.name),
        True,
    ),
    AnnexElement(
        "issue_date", 5, N_("date of issuing"), "credential.issue_date", lambda c: c.issue_date is not None, True
    ),
    AnnexElement(
        "learning_outcomes",
        6,
        N_("learning outcomes"),
        "credential.learning_outcomes",
        lambda c: bool(c.learning_outcomes),
        True,
    ),
    AnnexElement(
        "workload",
        7,
        N_("notional workload (ECTS where possible)"),
        "credential.workload.ects",
        lambda c: c.workload is not None and (c.workload.ects is not None or c.workload.hours is not None),
        True,
    ),
    AnnexElement(
        "level",
        8,
        N_("level and cycle (EQF, QF-EHEA), if applicable"),
        "credential.level",
        lambda c: (
            c.level is not None
            and (c.level.eqf_level is not None or (_has_text(c.level.framework) and _has_text(c.level.nqf_level)))
        ),
        True,
    ),
    AnnexElement(
        "assessment",
        9,
        N_("type of assessment"),
        "credential.assessment.type",
        lambda c: c.assessment is not None and c.assessment.type is not None,
        True,
    ),
    AnnexElement(
        "participation",
        10,
        N_("form of participation"),
        "credential.participation",
        lambda c: c.participation is not None,
        True,
    ),
    AnnexElement(
        "quality_assurance",
        11,
        N_("type of quality assurance"),
        "credential.quality_assurance",
        lambda c: (
            c.quality_assurance is not None
            and (
                c.quality_assurance.internal is not None
                or _has_text(c.quality_assurance.external_agency)
                or c.quality_assurance.decision is not None
            )
        ),
        True,
    ),
    AnnexElement(
        "prerequisites",
        12,
        N_("prerequisites needed to enrol"),
        "credential.prerequisites",
        lambda c: _has_text(c.prerequisites),
        False,
    ),
    AnnexElement(
        "identity_verification",
        13,
        N_("supervision and identity verification during assessment"),
        "credential.assessment.identity_verified",
        lambda c: (
            c.assessment is not None
            and (c.assessment.supervised is not None or c.assessment.identity_verified is not None)
        ),
        False,
    ),
    AnnexElement("grade", 14, N_("grade achieved"), "credential.grade", lambda c: _has_text(c.grade), False),
    AnnexElement(
        "stackability",
        15,
        N_("integration and stackability options"),
        "credential.stackability",
        lambda c: _has_text(c.stackability),
        False,
    ),
    AnnexElement(
        "further_information",
        16,
        N_("further information"),
        "credential.further_information",
        lambda c: _has_text(c.further_information),
        False,
    ),
)


def annex_element(number: int) -> AnnexElement:
    """Element ``number`` (1-16, in the Recommendation's order)."""
    return ANNEX_I_ELEMENTS[number - 1]
