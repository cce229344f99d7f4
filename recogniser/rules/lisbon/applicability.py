"""Whether the Convention applies, and the legal basis of each purpose.

The LRC binds recognition between its Parties in higher education and access to it: a credential assessed in its
own country follows it by analogy, and a VET or corporate credential presented for employment is outside it
(docs/method/how-a-case-is-judged.md). Every rule of the package cites the basis of the case's purpose from here.
"""

from __future__ import annotations

from dataclasses import replace

from recogniser.model import (
    ProviderKind,
    Purpose,
)
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo

#: Admission on a micro-credential: it counts towards a programme's specific requirement (Art. IV.4); a non-formal
#: one is assessed as the institution assesses similar domestic learning (Art. IV.8, added where it applies).
ADMISSION_BASIS = cited.cite(cited.LRC_IV_4, cited.RR_PURPOSE)
#: The general entry qualification, checked beside the micro-credential: for a first-cycle programme the access
#: qualification (Art. IV.1); for a second- or third-cycle one a higher education qualification, whose use for
#: access to further studies is Art. VI.3(a).
ENTRY_BASIS = cited.cite(cited.LRC_IV_1, cited.RR_PURPOSE)
FURTHER_STUDY_BASIS = cited.cite(cited.LRC_VI_1, cited.LRC_VI_3A, cited.RR_PURPOSE)
#: A higher education micro-credential is a period of study (Art. I) recognised towards a programme (Art. V.1).
CREDIT_BASIS = cited.cite(cited.LRC_I, cited.LRC_V_1, cited.ECTS_RECOGNITION, cited.RR_PERIODS)
#: Learning from outside higher education enters it through RPL (MICROBOL; ECTS Users' Guide 5.2).
CREDIT_NON_HE_BASIS = cited.cite(cited.MICROBOL, cited.VALIDATION, cited.ECTS_RPL)
#: Employment on a higher education credential: an assessment as advice for general employment purposes (Art.
#: VI.4(a)); recognition may facilitate access to the labour market (Art. VI.3, closing sentence).
EMPLOYMENT_HE_BASIS = cited.cite(cited.LRC_VI_4A, cited.LRC_VI_3, cited.RR_PURPOSE)
#: The LRC covers higher education; a VET or corporate credential presented for employment is placed by its level
#: (EQF) and described as assessed learning (docs/method/how-a-case-is-judged.md).
EMPLOYMENT_OTHER_BASIS = cited.cite(cited.EQF_DESCRIPTORS, cited.MICRO_DEFINITION, cited.MICRO_ANNEX_II)
RPL_BASIS = cited.cite(cited.VALIDATION, cited.ECTS_RPL)


def further_study(context: RuleContext) -> bool:
    """Admission to a second- or third-cycle programme."""
    target = context.case.target
    return (
        context.case.purpose is Purpose.ADMISSION
        and target is not None
        and target.eqf_level is not None
        and target.eqf_level >= context.rulebook.further_study_eqf
    )


def higher_education_credential(context: RuleContext) -> bool:
    body = context.case.credential.awarding_body
    return body is not None and body.kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION


def domestic(context: RuleContext) -> bool:
    """A credential assessed in its own country: the LRC, which binds recognition between its Parties, is
    followed by analogy."""
    credential = context.case.credential
    issuer = credential.issuer_country or (credential.awarding_body.country if credential.awarding_body else None)
    return issuer is not None and issuer.upper().split("-")[0] == context.case.assessing_country.upper()


def lrc_applies(context: RuleContext) -> bool:
    """Whether the Convention covers the case: higher education and access to it. A VET or corporate credential
    presented for employment is outside it (docs/method/how-a-case-is-judged.md): the national procedure decides."""
    return context.case.purpose is not Purpose.EMPLOYMENT or higher_education_credential(context)


def purpose_basis(context: RuleContext) -> str:
    """The legal basis of the case's purpose: for employment and credit, the LRC only where the credential is
    from higher education; its articles by analogy for a credential assessed in its own country."""
    purpose = context.case.purpose
    if purpose is Purpose.ADMISSION:
        basis = ADMISSION_BASIS
        if not higher_education_credential(context):
            basis = cited.cite(basis, cited.LRC_IV_8, cited.EAR_NON_TRADITIONAL)
    elif purpose is Purpose.CREDIT_TRANSFER:
        basis = CREDIT_BASIS if higher_education_credential(context) else CREDIT_NON_HE_BASIS
    elif purpose is Purpose.EMPLOYMENT:
        basis = EMPLOYMENT_HE_BASIS if higher_education_credential(context) else EMPLOYMENT_OTHER_BASIS
    else:
        basis = RPL_BASIS
    return cited.by_analogy(basis) if domestic(context) else basis


def for_purpose(context: RuleContext, info: RuleInfo, *extra: str) -> RuleInfo:
    return replace(info, citation=cited.cite(purpose_basis(context), *extra))
