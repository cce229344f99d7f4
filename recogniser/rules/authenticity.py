"""Rule set: the authenticity of an imported credential, checked first (EAR manual).

Reads the case's ``provenance`` (written by the import). A case entered by hand has none, and nothing is said:
as with a paper document, the evaluator verifies it. A failed signature stops the recommendation at
*information required: an authentic credential* (LRC Art. III.3: the applicant provides adequate information);
the other tiers, an expired credential and an unchecked status list are findings for the evaluator to weigh.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from recogniser.i18n import Phrase, phrase
from recogniser.model import Element, Finding, InformationItem, Outcome, RuleSet, Status, Supplier
from recogniser.provenance import AUTHENTIC_CREDENTIAL_REQUIRED, Authenticity, Provenance, provenance_of
from recogniser.rules import citations as cited
from recogniser.rules.base import RuleContext, RuleInfo, finding, rule

_ANNEX_II = cited.MICRO_ANNEX_II

#: What each tier leaves the evaluator to do, and how the finding is judged.
_TIER: dict[Authenticity, tuple[Status, Phrase | None]] = {
    Authenticity.VERIFIED: (Status.PASS, None),
    Authenticity.SIGNER_NOT_ESTABLISHED: (
        Status.UNKNOWN,
        phrase(
            "Establish who signed: verify the credential with the issuer, or trust the signer's certificate "
            "authority (recogniser trust add)."
        ),
    ),
    Authenticity.OTHER_SIGNER: (
        Status.WARNING,
        phrase("Someone other than the issuer signed it: verify the credential with the issuer before relying on it."),
    ),
    Authenticity.FAILED: (Status.FAIL, phrase("Ask for an authentic credential and verify it with the issuer.")),
    Authenticity.NOT_CHECKED: (
        Status.UNKNOWN,
        phrase("Verify the credential with the issuer, or check its proof with the issuer's verification service."),
    ),
    Authenticity.NO_SIGNATURE: (
        Status.UNKNOWN,
        phrase("Nothing in the file shows who issued it: verify it with the issuer as for a paper document."),
    ),
}

SIGNATURE = RuleInfo(
    id="authenticity.signature",
    rule_set=RuleSet.AUTHENTICITY,
    element=Element.AUTHENTICITY,
    citation=cited.cite(_ANNEX_II, cited.EAR_AUTHENTICITY, cited.EIDAS_SEALS),
    explanation="An imported credential's signature, its signer's binding to the issuer and the office's trust in "
    "the signer: verified, intact with the signer not established, signed by someone else, failed, or unsigned.",
)
VALIDITY = RuleInfo(
    id="authenticity.validity",
    rule_set=RuleSet.AUTHENTICITY,
    element=Element.AUTHENTICITY,
    citation=cited.cite(_ANNEX_II, cited.VC_VALIDITY),
    explanation="A credential that states the end of its validity had not expired when it was assessed.",
)
STATUS_LIST = RuleInfo(
    id="authenticity.status",
    rule_set=RuleSet.AUTHENTICITY,
    element=Element.AUTHENTICITY,
    citation=cited.cite(_ANNEX_II, cited.VC_STATUS_LIST),
    explanation="A credential that points to a status list may have been revoked or suspended since; the list is "
    "online and is not checked here.",
)


@rule(SIGNATURE.id, SIGNATURE.rule_set, SIGNATURE.element, SIGNATURE.citation, SIGNATURE.explanation)
def signature(context: RuleContext, info: RuleInfo) -> Finding | None:
    provenance = provenance_of(context.case.document)
    if provenance is None:
        return None
    status, advice = _TIER[provenance.authenticity]
    line = provenance.line
    message = phrase("{line}. {advice}", line=line, advice=advice) if advice else phrase("{line}.", line=line)
    if provenance.authenticity is Authenticity.FAILED:
        return finding(
            info,
            status,
            message,
            citation=cited.cite(info.citation, cited.LRC_III_3_APPLICANT),
            code="failed",
            information=[InformationItem(AUTHENTIC_CREDENTIAL_REQUIRED, Supplier.APPLICANT)],
            # Whatever else the file shows, a credential that is not authentic is recognised for nothing.
            if_unfavourable=(Outcome.NON_RECOGNITION,),
        )
    return finding(info, status, message)


@rule(VALIDITY.id, VALIDITY.rule_set, VALIDITY.element, VALIDITY.citation, VALIDITY.explanation)
def validity(context: RuleContext, info: RuleInfo) -> Finding | None:
    provenance = provenance_of(context.case.document)
    if provenance is None or provenance.valid_until is None:
        return None
    until = provenance.valid_until
    judged, on = _judged_on(context, provenance)
    if judged is None:
        return finding(
            info,
            Status.UNKNOWN,
            phrase("The credential states it is valid until {until}; check it still is.", until=until),
        )
    if until < judged:
        return finding(
            info,
            Status.WARNING,
            phrase(
                "The credential expired on {until}, before {on} ({judged}): ask the issuer whether the learning it "
                "records still stands.",
                until=until,
                on=on,
                judged=judged,
            ),
        )
    return finding(info, Status.PASS, phrase("The credential is valid until {until}, after {on}.", until=until, on=on))


def _judged_on(context: RuleContext, provenance: Provenance) -> tuple[date | None, Phrase]:
    """The date validity is judged on: the one the assessment was asked for, else the day of import."""
    if context.requested_as_of is not None:
        return context.requested_as_of, phrase("the date of the assessment")
    return provenance.imported_on, phrase("the day it was imported")


@rule(STATUS_LIST.id, STATUS_LIST.rule_set, STATUS_LIST.element, STATUS_LIST.citation, STATUS_LIST.explanation)
def status_list(context: RuleContext, info: RuleInfo) -> Iterator[Finding]:
    provenance = provenance_of(context.case.document)
    for entry in provenance.status_entries if provenance else ():
        yield finding(
            info,
            Status.UNKNOWN,
            phrase(
                "The credential points to a status list: {entry} (the list is online; this offline tool does not "
                "fetch it).",
                entry=entry.words(),
            ),
        )
