"""The texts the rules cite, and the places in them they may cite: one list, so every citation can be checked.

A rule cites by composing these constants with :func:`cite` (``"; "`` between places). A test fails on any
finding whose citation is not made of places listed here, so a new citation is added here first, with what that
place holds. A place is marked for the catalogues and a citation is a phrase of its places, so a reader sees it
in their language, each text by its official title there (``shown(finding.citation)``); its English text is
what the decision JSON keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

from recogniser import annex_i
from recogniser.i18n import N_, Phrase, phrase
from recogniser.joining import in_list


@dataclass(frozen=True)
class CitedText:
    short: str
    title: str
    #: The places the project cites, each with what it holds.
    places: dict[str, str]


#: Every place a finding may cite, by its exact wording.
PLACES: dict[str, str] = {}
TEXTS: list[CitedText] = []


def _text(short: str, title: str, places: dict[str, str]) -> CitedText:
    text = CitedText(short, title, places)
    if any("; " in place or "{" in place or "}" in place for place in places):
        raise ValueError("a place never holds '; ', which separates places in a citation, nor braces")
    TEXTS.append(text)
    for place, gloss in places.items():
        if place in PLACES:
            raise ValueError(f"citation {place!r} listed twice")
        PLACES[place] = gloss
    return text


# --- Council of Europe / UNESCO: the Lisbon Recognition Convention and its subsidiary texts ---
# Article numbers checked against the Convention's full text. The Convention binds recognition between its
# Parties of higher education qualifications, periods of study and access qualifications: for a credential
# assessed in its own country its articles are cited "by analogy" (see :func:`by_analogy`), and VET or corporate
# credentials for employment are not cited under it at all.

LRC_I = N_("LRC Art. I (definitions)")
LRC_III_1 = N_("LRC Art. III.1")
LRC_III_2 = N_("LRC Art. III.2")
LRC_III_3_APPLICANT = N_("LRC Art. III.3(2)")
LRC_III_3_INSTITUTION = N_("LRC Art. III.3(3)")
LRC_III_3_BURDEN = N_("LRC Art. III.3(5)")
LRC_III_5 = N_("LRC Art. III.5")
LRC_IV_1 = N_("LRC Art. IV.1")
LRC_IV_4 = N_("LRC Art. IV.4")
LRC_IV_8 = N_("LRC Art. IV.8")
LRC_V_1 = N_("LRC Art. V.1")
LRC_V_3 = N_("LRC Art. V.3")
LRC_VI_1 = N_("LRC Art. VI.1")
LRC_VI_3 = N_("LRC Art. VI.3")
LRC_VI_3A = N_("LRC Art. VI.3(a)")
LRC_VI_4A = N_("LRC Art. VI.4(a)")
LRC_VII = N_("LRC Art. VII")
LRC_VIII_1 = N_("LRC Art. VIII.1")
_text(
    "LRC",
    "Convention on the Recognition of Qualifications concerning Higher Education in the European Region "
    "(Lisbon, 11 April 1997; ETS No. 165)",
    {
        LRC_I: "definitions: assessment (a written appraisal), period of study, specific requirements",
        LRC_III_1: "fair assessment of qualifications, without discrimination, on the knowledge and skills achieved",
        LRC_III_2: "transparent, coherent and reliable procedures and criteria",
        LRC_III_3_APPLICANT: "the applicant provides adequate information in good faith",
        LRC_III_3_INSTITUTION: "the issuing institution provides relevant information on request",
        LRC_III_3_BURDEN: "the burden of showing that an application does not meet the requirements lies on the "
        "assessing body",
        LRC_III_5: "a time limit set beforehand, from a complete file; reasons for a refusal; the right to appeal",
        LRC_IV_1: "recognition of qualifications meeting the general access requirements (the entry qualification)",
        LRC_IV_4: "specific requirements of a programme beyond the general access requirements",
        LRC_IV_8: "access on non-traditional qualifications: similar foreign ones assessed in a similar manner",
        LRC_V_1: "recognition of periods of study towards a programme unless a substantial difference",
        LRC_V_3: "periods of study: easiest with a prior agreement and a transcript",
        LRC_VI_1: "recognition of higher education qualifications unless a substantial difference",
        LRC_VI_3: "its closing sentence: recognition may facilitate access to the labour market",
        LRC_VI_3A: "access to further higher education studies on the same conditions",
        LRC_VI_4A: "an assessment may take the form of advice for general employment purposes",
        LRC_VII: "refugees and displaced persons: a fair procedure even without documentary evidence",
        LRC_VIII_1: "information on institutions and their quality, so that others can judge it",
    },
)
#: The suffix of an LRC place cited for a credential assessed in its own country.
BY_ANALOGY = " (by analogy)"

# The Revised Recommendation's paragraph numbers could not be checked against its official text; it is cited by
# topic, each topic's wording checked through the EAR manual's pages that reproduce it.
RR_PURPOSE = N_("Revised Recommendation on Criteria and Procedures (2010), on the purpose of recognition")
RR_SUBSTANTIAL = N_("Revised Recommendation on Criteria and Procedures (2010), on substantial differences")
RR_STATUS = N_("Revised Recommendation on Criteria and Procedures (2010), on the status of the institution")
RR_PERIODS = N_("Revised Recommendation on Criteria and Procedures (2010), on periods of study and credit transfer")
RR_ALTERNATIVE = N_("Revised Recommendation on Criteria and Procedures (2010), on alternative and partial recognition")
RR_REASONS = N_("Revised Recommendation on Criteria and Procedures (2010), on reasons and appeal")
RR_TIME = N_(
    "Revised Recommendation on Criteria and Procedures (2010), on the time for a decision (not over four months "
    "from a complete file)"
)
RR_BACKGROUND = N_(
    "Revised Recommendation on Criteria and Procedures (2010), on undocumented qualifications (background paper)"
)
_text(
    "Revised Recommendation 2010",
    "Revised Recommendation on Criteria and Procedures for the Assessment of Foreign Qualifications (LRC "
    "Committee, Sèvres, 23 June 2010)",
    {
        RR_PURPOSE: "assess in view of the purpose for which recognition is sought",
        RR_SUBSTANTIAL: "only differences substantial for the purpose lead to partial or non-recognition",
        RR_STATUS: "the status of the institution and programme decides the status of the qualification",
        RR_PERIODS: "the provisions apply to periods of study; credit transfer and RPL acknowledged",
        RR_ALTERNATIVE: "where recognition as requested is not possible, alternative or partial recognition",
        RR_REASONS: "where the decision differs from the request: reasons and the possibilities of appeal",
        RR_TIME: "processing time specified; should not exceed four months from a complete file",
        RR_BACKGROUND: "alternative ways of establishing qualifications that cannot be documented",
    },
)
REFUGEES_RECOMMENDATION = N_("Recommendation on the Recognition of Refugees' Qualifications (2017)")
_text(
    "Refugees Recommendation 2017",
    "Recommendation on the Recognition of Refugees' Qualifications under the Lisbon Recognition Convention "
    "(LRC Committee, 14 November 2017)",
    {
        REFUGEES_RECOMMENDATION: "the assessing body reconstructs what it can (background document, interview, "
        "assessment) rather than ask a displaced person for documents"
    },
)

EAR_STATUS = N_("EAR manual, ch. 3 (accreditation and quality assurance)")
EAR_AUTHENTICITY = N_("EAR manual, ch. 4 (authenticity)")
EAR_PURPOSE = N_("EAR manual, ch. 5 (purpose of recognition)")
EAR_FRAMEWORKS = N_("EAR manual, ch. 7 (qualifications frameworks)")
EAR_CREDITS = N_("EAR manual, ch. 8 (credits)")
EAR_LEARNING_OUTCOMES = N_("EAR manual, ch. 9 (learning outcomes)")
EAR_SUBSTANTIAL = N_("EAR manual, ch. 10 (substantial differences)")
EAR_ALTERNATIVE = N_("EAR manual, ch. 11 (alternative recognition)")
EAR_REFUGEES = N_("EAR manual, ch. 12 (refugees)")
EAR_NON_TRADITIONAL = N_("EAR manual, ch. 13 (non-traditional learning)")
_text(
    "EAR manual",
    "European Area of Recognition manual (the online EAR e-manual of the ENIC-NARIC networks)",
    {
        EAR_STATUS: "the status of the institution and programme first",
        EAR_AUTHENTICITY: "checking that the document is genuine",
        EAR_PURPOSE: "the purpose of recognition decides what is assessed",
        EAR_FRAMEWORKS: "levels through qualifications frameworks",
        EAR_CREDITS: "credits, workload and credit transfer",
        EAR_LEARNING_OUTCOMES: "assessment on learning outcomes",
        EAR_SUBSTANTIAL: "substantial differences: the five elements level, workload, quality, profile, learning "
        "outcomes; the burden of proof",
        EAR_ALTERNATIVE: "alternative, partial and conditional recognition; refusal only where none applies",
        EAR_REFUGEES: "refugees: the background paper",
        EAR_NON_TRADITIONAL: "non-traditional learning judged on its learning outcomes",
    },
)

# --- European Union and EHEA texts ---

EQF_DESCRIPTORS = N_("EQF Recommendation 2017/C 189/03, Annex II (level descriptors)")
EQF_REFERENCING = N_("EQF Recommendation 2017/C 189/03, Annex III (criteria for referencing national frameworks)")
_text(
    "EQF Recommendation",
    "Council Recommendation of 22 May 2017 on the European Qualifications Framework for lifelong learning "
    "(2017/C 189/03)",
    {
        EQF_DESCRIPTORS: "the descriptors of the eight levels",
        EQF_REFERENCING: "how national frameworks are referenced to the EQF",
    },
)
QF_EHEA = N_("QF-EHEA (Bergen Communiqué, 2005, revised in the Paris Communiqué, 2018)")
_text(
    "QF-EHEA",
    "Framework of Qualifications for the European Higher Education Area",
    {QF_EHEA: "the cycles, their Dublin descriptors and credit ranges"},
)
ECTS_KEY_FEATURES = N_("ECTS Users' Guide 2015, section 1 (ECTS key features)")
ECTS_PROFILE = N_("ECTS Users' Guide 2015, section 3.2 (the programme profile)")
ECTS_LEARNING_OUTCOMES = N_("ECTS Users' Guide 2015, section 3.3 (the programme learning outcomes)")
ECTS_RECOGNITION = N_("ECTS Users' Guide 2015, section 4 (ECTS for mobility and credit recognition)")
ECTS_RPL = N_("ECTS Users' Guide 2015, section 5.2 (recognition of prior learning and experience)")
ECTS_ACCUMULATION = N_("ECTS Users' Guide 2015, on credit accumulation")
_text(
    "ECTS Users' Guide",
    "ECTS Users' Guide 2015 (European Union, 2015)",
    {
        ECTS_KEY_FEATURES: "60 credits a year of 1,500-1,800 hours, so 25-30 hours a credit; credits after assessment",
        ECTS_PROFILE: "the profile of a programme",
        ECTS_LEARNING_OUTCOMES: "writing learning outcomes",
        ECTS_RECOGNITION: "recognition on compatible learning outcomes, not equivalent content",
        ECTS_RPL: "credits for learning outside formal education, after assessment, on the institution's published "
        "criteria",
        ECTS_ACCUMULATION: "credits collected towards a qualification, each learning achievement counted once",
    },
)
VALIDATION = N_(
    "Council Recommendation 2012/C 398/01 (validation: identification, documentation, assessment, certification)"
)
_text(
    "Validation Recommendation",
    "Council Recommendation of 20 December 2012 on the validation of non-formal and informal learning (2012/C 398/01)",
    {VALIDATION: "the four elements of validation; the credential is documentation in it"},
)
MICRO_DEFINITION = N_("Council Recommendation 2022/C 243/02, definition of a micro-credential")
MICRO_ANNEX_I = annex_i.ANNEX_I
MICRO_ANNEX_II = N_("Council Recommendation 2022/C 243/02, Annex II (principles)")
MICRO_PATHWAYS = N_("Council Recommendation 2022/C 243/02, Annex II (learning pathways)")
_text(
    "Micro-credentials Recommendation",
    "Council Recommendation of 16 June 2022 on a European approach to micro-credentials for lifelong learning "
    "and employability (2022/C 243/02)",
    {
        MICRO_DEFINITION: "a record of learning outcomes assessed against transparent criteria",
        MICRO_ANNEX_I: "the standard elements, as unnumbered lists of mandatory and optional elements; the numbers "
        "1-16 are this tool's convention",
        MICRO_ANNEX_II: "the principles, among them quality, valid assessment, recognition and authenticity",
        MICRO_PATHWAYS: "micro-credentials designed to be combined and stacked into larger credentials",
    },
)
ESG_PART_1 = N_("ESG 2015 Part 1 (internal quality assurance)")
ESG_PART_2 = N_("ESG 2015 Part 2 (external quality assurance)")
ESG_PART_3 = N_("ESG 2015 Part 3 (quality assurance agencies)")
ESG_SCOPE = N_("ESG 2015, scope and concepts (the ESG apply to higher education)")
EQAR_REGISTER = N_("EQAR register")
_text(
    "ESG",
    "Standards and Guidelines for Quality Assurance in the European Higher Education Area (ESG 2015)",
    {
        ESG_PART_1: "internal quality assurance (standards 1.1-1.10)",
        ESG_PART_2: "external quality assurance (standards 2.1-2.7)",
        ESG_PART_3: "quality assurance agencies; EQAR registration means substantial compliance",
        ESG_SCOPE: "the ESG apply to all higher education in the EHEA",
    },
)
_text("EQAR", "European Quality Assurance Register for Higher Education", {EQAR_REGISTER: "registered agencies"})
VET_QUALITY = N_("Council Recommendation 2020/C 417/01 (vocational education and training), EQAVET framework")
_text(
    "VET Recommendation",
    "Council Recommendation of 24 November 2020 on vocational education and training for sustainable "
    "competitiveness, social fairness and resilience (2020/C 417/01)",
    {VET_QUALITY: "quality assurance of VET: the EQAVET framework"},
)
MICROBOL = N_("MICROBOL Common Framework (2022), recognition")
_text(
    "MICROBOL",
    "MICROBOL: Common Framework for Micro-credentials in the EHEA (2022)",
    {MICROBOL: "micro-credentials from higher education recognised under LRC procedures, others through RPL"},
)

EIDAS_SEALS = N_("Regulation (EU) No 910/2014 (eIDAS) Art. 35")
_text(
    "eIDAS",
    "Regulation (EU) No 910/2014 on electronic identification and trust services (eIDAS)",
    {EIDAS_SEALS: "the legal effect of electronic seals: integrity and origin of the data"},
)
VC_VALIDITY = N_("W3C Verifiable Credentials Data Model 2.0, validity period (validUntil)")
VC_STATUS_LIST = N_("W3C Bitstring Status List v1.0 (credentialStatus)")
_text(
    "W3C Verifiable Credentials",
    "W3C Verifiable Credentials Data Model 2.0 and Bitstring Status List v1.0",
    {VC_VALIDITY: "the period a credential is valid for", VC_STATUS_LIST: "revocation and suspension lists"},
)

# --- methods and conventions: named, never a legal basis ---

NUFFIC_GRADING = N_("grading after the Nuffic Micro-Evaluator")
BLOOM = N_("Bloom's revised taxonomy (Anderson and Krathwohl, 2001)")
EQPR = N_("European Qualifications Passport for Refugees (Council of Europe)")
NATIONAL_REFERENCING = N_("national referencing reports")
CASE_FORMAT = N_("Case file format recogniser-case/1 (unknown keys are kept, never dropped)")
RULEBOOK_POLICY = N_("the rulebook's policy (a threshold the office can set)")
OFFICE_RPL_CAP = N_("the institution's cap on RPL credit (an office setting)")
NATIONAL_PROCEDURE = N_("the assessing body's national procedure")
_text(
    "Methods and conventions",
    "Methods the rules follow and the project's own conventions, named as such",
    {
        NUFFIC_GRADING: "four grades of quality evidence",
        BLOOM: "action verbs by cognitive level",
        EQPR: "a standardised assessment of refugees' learning",
        NATIONAL_REFERENCING: "a country's national framework levels referenced to the EQF",
        CASE_FORMAT: "the project's case format",
        RULEBOOK_POLICY: "thresholds set in the rulebook",
        OFFICE_RPL_CAP: "the share of a programme's credits the institution lets RPL give",
        NATIONAL_PROCEDURE: "where the Convention does not reach (VET or corporate credentials for employment)",
    },
)


def by_analogy(citation: str) -> str:
    """``citation`` with its LRC places marked as applied by analogy (a credential assessed in its own country)."""
    return cite(
        *(
            place + BY_ANALOGY if place.startswith("LRC") and not place.endswith(BY_ANALOGY) else place
            for place in citation.split("; ")
        )
    )


def cite(*places: str) -> str:
    """A citation of several places (or citations), in the order given, each place once: a phrase, so that it
    is shown in the reader's language."""
    unique = list(dict.fromkeys(place for citation in places for place in citation.split("; ") if place))
    return in_list([_place(place) for place in unique]) if unique else ""


def _place(place: str) -> str:
    """One place as a phrase's field: a listed place is translated when shown, any other text is kept as it is."""
    if place.endswith(BY_ANALOGY):
        return phrase("{place} (by analogy)", place=_place(place.removesuffix(BY_ANALOGY)))
    return Phrase(place) if place in PLACES else place


def unlisted_places(citation: str) -> list[str]:
    """The places of ``citation`` that are not in the list."""
    return [place for place in citation.split("; ") if place.removesuffix(BY_ANALOGY) not in PLACES]
