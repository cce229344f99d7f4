"""Admission: the general entry qualification beside the micro-credential (Art. IV.1, VI.3(a)) and the
institution's route for non-traditional qualifications (Art. IV.8)."""

from __future__ import annotations

from recogniser.i18n import phrase
from recogniser.model import (
    AlternativeKind,
    Element,
    Finding,
    Purpose,
    RuleSet,
    Status,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule
from recogniser.rules.lisbon.applicability import (
    ENTRY_BASIS,
    FURTHER_STUDY_BASIS,
    domestic,
    further_study,
    higher_education_credential,
)
from recogniser.rules.lisbon.common import (
    CONDITIONAL_OR_WORSE,
)


@rule(
    id="lisbon.entry_qualification",
    rule_set=RuleSet.LISBON,
    # What the procedure checks beside the credential, not the credential's own level.
    element=Element.PROCEDURE,
    citation=cited.cite(ENTRY_BASIS, FURTHER_STUDY_BASIS, cited.LRC_IV_4, cited.LRC_IV_8),
    explanation="For admission, a micro-credential is weighed beside the qualification that gives access to the "
    "programme; it does not stand in for it.",
    purposes={Purpose.ADMISSION},
)
def entry_qualification(context: RuleContext, info: RuleInfo) -> Finding | None:
    target = context.case.target
    if target is None or target.eqf_level is None:
        return finding(
            info, Status.NOT_APPLICABLE, phrase("The programme's level is not given."), field="target.eqf_level"
        )
    level = target.eqf_level
    if further_study(context):
        needed = (
            phrase(
                "a first-cycle (bachelor's) degree, the qualification giving access to further higher education studies"
            )
            if level == context.rulebook.further_study_eqf
            else phrase(
                "a second-cycle (master's) degree, the qualification giving access to further higher education studies"
            )
        )
    else:
        needed = phrase(
            "a qualification giving access to higher education (normally the upper secondary school leaving one)"
        )
    places = [FURTHER_STUDY_BASIS if further_study(context) else ENTRY_BASIS, cited.LRC_IV_4]
    non_formal: str = ""
    if not higher_education_credential(context):
        places.append(cited.LRC_IV_8)
        non_formal = phrase(
            " The credential is from outside higher education: it is weighed in the admission route the institution "
            "has for non-traditional qualifications (Art. IV.8)."
        )
    # A small volume of learning (Council Recommendation 2022/C 243/02) is not a completed qualification: its
    # level says what the learning reaches, not that the programme's general entry requirement is met.
    return finding(
        info,
        Status.UNKNOWN,
        phrase(
            "A micro-credential does not by itself establish the general entry qualification of a programme at EQF "
            "{level}: that is {needed}, which the evaluator checks separately. The micro-credential counts for what "
            "it shows, such as a specific requirement of the programme (Art. IV.4).{non_formal}",
            level=level,
            needed=needed,
            non_formal=non_formal,
        ),
        citation=cited.by_analogy(cited.cite(*places)) if domestic(context) else cited.cite(*places),
        field="target.eqf_level",
        code="checked_separately",
    )


@rule(
    id="lisbon.non_traditional_access",
    rule_set=RuleSet.LISBON,
    element=Element.PROCEDURE,
    citation=cited.cite(cited.LRC_IV_8, cited.EAR_NON_TRADITIONAL),
    explanation="Learning from outside higher education offered for admission is weighed as the institution weighs "
    "similar non-traditional qualifications of its own system.",
    purposes={Purpose.ADMISSION},
    rules_out={"institution_route": {AlternativeKind.PROGRAMME_AT_LEVEL}},
)
def non_traditional_access(context: RuleContext, info: RuleInfo) -> Finding | None:
    body = context.case.credential.awarding_body
    # Only a provider known to be outside higher education: an unstated kind is not held against the applicant.
    if body is None or body.kind is None or higher_education_credential(context):
        return None
    citation = cited.by_analogy(info.citation) if domestic(context) else info.citation
    # Art. IV.8: the same assessment as domestic non-traditional applicants, not a general access qualification.
    return finding(
        info,
        Status.FAIL,
        phrase(
            "The credential is non-traditional learning from outside higher education: it does not open access by "
            "itself, but counts in the assessment the institution sets for applicants on non-traditional "
            "qualifications, on the same terms as similar learning from its own system (Art. IV.8)."
        ),
        citation=citation,
        field="credential.awarding_body.kind",
        code="institution_route",
        allows=CONDITIONAL_OR_WORSE,
        condition=phrase(
            "the admission examination or assessment the institution sets for applicants on non-traditional "
            "qualifications, with the credential counted for what it covers"
        ),
    )
