"""What kind of quality evidence a named body gives (docs/user/reference-data.md), read from how the case names it.

Only some bodies' decisions are quality assurance of learning: an EQAR-registered agency (ESG 2015 Part 3), a
national accreditation of an institution of a type the national system lists, and for VET providers the national
VET quality assurance aligned with EQAVET (Council Recommendation on VET, 2020/C 417/01). A management-system
certificate (ISO 9001, ISO 21001, a TÜV or other certification body's audit, France's Qualiopi), a vendor's own
programme "accreditation" and membership of an association are named as such: they are not quality assurance of learning
under the ESG. The words are matched on the text as the case gives it; a body none of them names is left to the
evaluator to identify.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from recogniser.i18n import phrase
from recogniser.transliteration import to_latin


class QAEvidence(StrEnum):
    """The kind of evidence the named quality assurance is; a stable code the Lisbon rules read."""

    EQAR_AGENCY = "eqar_agency"
    #: A known EQAR agency that was not registered on the day judged (before, suspended, or a former entry).
    AGENCY_NOT_REGISTERED = "agency_not_registered"
    NATIONAL_ACCREDITATION = "national_accreditation"
    VET_QUALITY_ASSURANCE = "vet_quality_assurance"
    MANAGEMENT_SYSTEM_CERTIFICATE = "management_system_certificate"
    VENDOR_PROGRAMME = "vendor_programme"
    MEMBERSHIP = "membership"
    #: A body that is neither found in the agency data nor recognisable as one of the kinds above, or that fits
    #: several agencies: the evaluator identifies it.
    UNIDENTIFIED_BODY = "unidentified_body"
    INTERNAL_ONLY = "internal_only"
    NONE_EVIDENCED = "none_evidenced"
    NEGATIVE_DECISION = "negative_decision"


#: The kinds that are not quality assurance of learning under the ESG, as a reader is told of them.
NOT_ESG_QUALITY_ASSURANCE = {
    QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE: phrase(
        "a management-system certificate, which certifies how the organisation is managed"
    ),
    QAEvidence.VENDOR_PROGRAMME: phrase(
        "a vendor's own programme recognition, given by the company whose products the learning is about, not by "
        "an independent quality assurance body"
    ),
    QAEvidence.MEMBERSHIP: phrase("membership of an association, which does not review the provision"),
}


def _pattern(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(words) + r")(?![a-z0-9])")


# Matched on lower-case text without accents ("TÜV" is "tuv").
_MANAGEMENT_SYSTEM = _pattern(
    r"(?:en\s*)?iso\s*[-/:]?\s*(?:9001|21001|29990|29993|14001|27001|45001)",
    r"tuv(?:\s+\w+)?",
    "dekra",
    "bureau veritas",
    "sgs",
    r"dnv(?:\s*gl)?",
    "lloyd'?s register",
    "intertek",
    "efqm",
    # France's certification of training providers' processes for public funding (Code du travail, L. 6316-1).
    "qualiopi",
    "quality management system",
    "management system",
    "certification body",
    "iso certifi(?:ed|cate|cation)",
    "qualitatsmanagement",
)
_VENDOR_PROGRAMME = _pattern(
    r"authori[sz]ed training (?:partner|provider|center|centre)",
    "training partner",
    r"partner (?:program|programme|network)",
    "learning partner",
    "microsoft",
    "cisco",
    "amazon web services",
    "aws",
    "google",
    "oracle",
    "sap",
    "salesforce",
    "comptia",
    "red hat",
    "ibm",
    "adobe",
    "self[- ]accredit(?:ed|ation)",
    "own accreditation",
    "vendor",
)
_MEMBERSHIP = _pattern(
    "member of",
    "membership",
    "member institution",
    "mitglied(?:schaft)?",
    "membre de",
    "miembro de",
)
_VET_QUALITY_ASSURANCE = _pattern(
    "eqavet",
    "vocational education and training",
    "vocational",
    "apprenticeship",
    "chamber of (?:commerce|crafts|industry)",
    "handwerkskammer",
    "industrie- und handelskammer",
    "ihk",
    "hwk",
)
_NATIONAL_ACCREDITATION = _pattern(
    "ministry",
    "minist(?:erium|ere|erio|arstvo|erstwo|erie)",
    "national accreditation",
    "state accreditation",
    r"accreditation (?:agency|council|commission|board|authority|committee|centre|center|office)",
    "akkreditierungsrat",
    "inspectorate",
    "national agency",
    r"higher education (?:council|commission|authority|agency)",
    "council for higher education",
    r"(?:state|national) (?:education|quality) (?:agency|authority|inspectorate)",
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", to_latin(text))
    return "".join(character for character in decomposed if not unicodedata.combining(character)).casefold()


def not_esg_kind(text: str, awarding_body: str | None = None) -> QAEvidence | None:
    """The kind of a named body that is not quality assurance of learning, where its name says so: a
    management-system certificate, a vendor programme (or the awarding body vouching for itself), a membership."""
    plain = _plain(text)
    if _MANAGEMENT_SYSTEM.search(plain):
        return QAEvidence.MANAGEMENT_SYSTEM_CERTIFICATE
    if _MEMBERSHIP.search(plain):
        return QAEvidence.MEMBERSHIP
    if _VENDOR_PROGRAMME.search(plain) or (awarding_body and _plain(awarding_body).strip() == plain.strip()):
        return QAEvidence.VENDOR_PROGRAMME
    return None


def names_vet_quality_assurance(text: str) -> bool:
    """The text names a VET quality assurance body or framework (EQAVET, a VET authority, a chamber)."""
    return bool(_VET_QUALITY_ASSURANCE.search(_plain(text)))


_ACCREDITATION_WORD = _pattern("accreditation", "akkreditierung", "accreditamento", "acreditacion", "akreditacij[ae]")
_BODY_WORD = _pattern(
    "agency", "council", "commission", "board", "authority", "committee", "centre", "center", "office"
)


# A national body for quality in education, named in its own language or in English (after transliteration):
# "Національне агентство із забезпечення якості вищої освіти" is Ukraine's national agency.
_NATIONAL = re.compile(
    r"(?<![a-z])(?:nation|natsion|nacion|nazion|narodow|state|staatlich|federal|republi|respubli|derzhav|gosudarstv)"
)
_QUALITY = re.compile(
    r"(?<![a-z])(?:qualit|kvalit|kakovost|jakos|yakost|kachestv|calidad|akkredit|akredit|accredit|acredit)"
)
_NATIONAL_BODY = re.compile(
    r"(?<![a-z])(?:agen|komis|commis|kommis|counc|conse|rada|board|author|cent|tsent|inspect|organ|instit)"
)


def names_national_accreditation(text: str) -> bool:
    """The text names a national accreditation or a public authority of an education system (a ministry, an
    inspectorate, an accreditation commission or council, a national agency for quality)."""
    plain = _plain(text)
    return bool(
        _NATIONAL_ACCREDITATION.search(plain)
        or (_ACCREDITATION_WORD.search(plain) and _BODY_WORD.search(plain))
        or (_NATIONAL.search(plain) and _QUALITY.search(plain) and _NATIONAL_BODY.search(plain))
    )
