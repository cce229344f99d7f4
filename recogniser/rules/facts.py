"""Facts derived once per assessment from the case and the reference data, read by several rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from recogniser.agencies import AgencyMatch, AgencyRegister, MatchStatus, RegistrationState
from recogniser.frameworks import Cycle, Framework, FrameworkLevel, FrameworkRegistry, cycle_for_eqf
from recogniser.i18n import Phrase, Value, phrase, pphrase
from recogniser.model import Case, OutcomeMatch, ProviderKind, QADecision
from recogniser.rules.languages import language_name, language_of
from recogniser.rules.matching import match_outcomes
from recogniser.rules.quality_evidence import (
    NOT_ESG_QUALITY_ASSURANCE,
    QAEvidence,
    names_national_accreditation,
    names_vet_quality_assurance,
    not_esg_kind,
)
from recogniser.rules.rulebook import Rulebook
from recogniser.rules.wording import provider_words, tenths

# --- level ---


@dataclass(frozen=True)
class LevelFacts:
    """The credential's level as the rules use it.

    ``eqf_level`` is the level judged: the framework's referencing when the framework level is known (it is the
    official mapping), otherwise the stated EQF level.
    """

    framework: Framework | None
    framework_level: FrameworkLevel | None
    stated_eqf: int | None
    framework_eqf: int | None
    eqf_level: int | None
    cycle: Cycle | None

    @property
    def source(self) -> str | None:
        if self.framework_eqf is not None:
            return "framework"
        if self.stated_eqf is not None:
            return "stated"
        return None


def derive_level(case: Case, frameworks: FrameworkRegistry) -> LevelFacts:
    level = case.credential.level
    framework = frameworks.get(level.framework) if level and level.framework else None
    framework_level = framework.level(level.nqf_level) if framework and level and level.nqf_level else None
    stated = level.eqf_level if level else None
    framework_eqf = framework_level.eqf_level if framework_level else None
    judged = framework_eqf if framework_eqf is not None else stated
    cycle = framework_level.cycle if framework_level and framework_level.cycle else None
    if cycle is None and judged is not None and framework_level is None:
        cycle = cycle_for_eqf(judged)
    return LevelFacts(framework, framework_level, stated, framework_eqf, judged, cycle)


# --- workload ---


class CreditSupport(StrEnum):
    """How far the workload supports the credits sought."""

    SUPPORTED = "supported"
    #: Only a figure beyond the 25-30 hours per credit of the ECTS Users' Guide, but within the tolerated band,
    #: would support the credits: the awarding body is asked, the credits are not cut (LRC Art. III.3).
    UNCERTAIN = "uncertain"
    SHORT = "short"


@dataclass(frozen=True)
class WorkloadFacts:
    """The credits the rules count, and where they come from.

    As stated; estimated from hours at 30 hours per credit (the upper end of the ECTS band) when no credits are
    stated; or, when the stated hours and credits disagree beyond the tolerant band, the lower of the stated
    credits and that count of the hours (``stated_ects`` then keeps the figure set aside). Each is the
    conservative count, used for size and for credits clearly beyond what the hours support.
    When the credits rest on the hours, ``hours_supported`` is the most the hours support within 25-30 hours per
    credit and ``hours_tolerated`` the most within the tolerated band: credits sought up to the first are
    supported, beyond the second they are short, and in between the awarding body is asked.
    """

    ects: float | None
    hours: float | None
    estimated: bool
    stated_ects: float | None = None
    hours_supported: float | None = None
    hours_tolerated: float | None = None

    @property
    def known(self) -> bool:
        return self.ects is not None

    @property
    def counted_from_hours(self) -> bool:
        """The stated credits were set aside for the lower count the hours support."""
        return self.stated_ects is not None

    def support_for(self, sought: float) -> CreditSupport:
        """Whether the workload supports ``sought`` credits (the counted credits must be known)."""
        assert self.ects is not None
        if self.ects >= sought:
            return CreditSupport.SUPPORTED
        if self.hours_supported is None or self.hours_tolerated is None:
            return CreditSupport.SHORT
        # Never more than the awarding body itself states.
        ceiling = self.stated_ects if self.stated_ects is not None else sought
        if min(self.hours_supported, ceiling) >= sought:
            return CreditSupport.SUPPORTED
        if min(self.hours_tolerated, ceiling) >= sought:
            return CreditSupport.UNCERTAIN
        return CreditSupport.SHORT

    def credits_towards(self, sought: float) -> float:
        """The credits that count towards ``sought``: all of them when the workload supports them, else the
        conservative count."""
        assert self.ects is not None
        return sought if self.support_for(sought) is CreditSupport.SUPPORTED else min(sought, self.ects)

    def hours_range(self) -> Phrase:
        """The credits the hours support within 25-30 hours per credit, e.g. "4.5-5.4 ECTS"."""
        assert self.hours_supported is not None and self.ects is not None
        return phrase("{low}-{high} ECTS", low=tenths(self.ects), high=tenths(self.hours_supported))

    def describe(self) -> Phrase:
        """The credits counted, saying where the figure comes from."""
        if self.ects is None:
            return phrase("not stated")
        if self.estimated:
            return phrase("{ects} ECTS (estimated from hours)", ects=self.ects)
        if self.stated_ects is not None and self.hours is not None:
            return phrase(
                "{ects} ECTS (counted from {hours} hours; {stated} ECTS stated)",
                ects=self.ects,
                hours=self.hours,
                stated=self.stated_ects,
            )
        return phrase("{ects} ECTS", ects=self.ects)


def hours_per_ects_credible(hours: float, ects: float, rulebook: Rulebook) -> bool:
    """Stated hours and credits agree within the rulebook's tolerant band around 25-30 hours per credit."""
    ratio = hours / ects
    return rulebook.hours_per_ects_tolerant_min <= ratio <= rulebook.hours_per_ects_tolerant_max


def derive_workload(case: Case, rulebook: Rulebook) -> WorkloadFacts:
    workload = case.credential.workload
    ects = workload.ects if workload else None
    hours = workload.hours if workload else None
    if hours is None or hours <= 0:
        return WorkloadFacts(ects, hours, estimated=False)
    counted = round(hours / rulebook.hours_per_ects_max, 1)
    supported = hours / rulebook.hours_per_ects_min
    tolerated = hours / rulebook.hours_per_ects_tolerant_min
    # 0 ECTS beside real hours is a missing credit figure, not a statement that the learning carries none.
    if ects is None or ects == 0:
        return WorkloadFacts(counted, hours, estimated=True, hours_supported=supported, hours_tolerated=tolerated)
    # Hours and credits that disagree leave the credits in doubt (ECTS Users' Guide 2015: 25-30 hours each):
    # credit is counted on the lower figure until the awarding body shows which one is right.
    if not hours_per_ects_credible(hours, ects, rulebook) and counted < ects:
        return WorkloadFacts(
            counted, hours, estimated=False, stated_ects=ects, hours_supported=supported, hours_tolerated=tolerated
        )
    return WorkloadFacts(ects, hours, estimated=False)


# --- quality ---


class QAGrade(StrEnum):
    """The four grades of quality evidence (docs/user/reference-data.md, after the Nuffic Micro-Evaluator)."""

    STRONG = "strong"
    SUBSTANTIAL = "substantial"
    WEAK = "weak"
    NONE = "none"


#: A grade's words agree with "the quality evidence" in languages that agree adjectives; "none" is also an
#: assessment type (:mod:`recogniser.rules.wording`), hence the context.
_GRADE_WORDS = {
    QAGrade.STRONG: pphrase("quality evidence grade", "strong"),
    QAGrade.SUBSTANTIAL: pphrase("quality evidence grade", "substantial"),
    QAGrade.WEAK: pphrase("quality evidence grade", "weak"),
    QAGrade.NONE: pphrase("quality evidence grade", "none"),
}


def grade_words(grade: QAGrade) -> Phrase:
    """The grade inside a sentence ("the quality evidence is {grade}"), translated when shown."""
    return _GRADE_WORDS[grade]


@dataclass(frozen=True)
class QualityFacts:
    grade: QAGrade
    #: Why the evidence has its grade, a phrase shown in the reader's language.
    reason: str
    agency_match: AgencyMatch | None
    registration: RegistrationState | None
    decision_current: bool | None
    is_higher_education: bool
    #: A VET provider without ESG-aligned evidence and without a negative decision: the ESG are standards for
    #: higher education, so their absence says nothing against it; the evaluator checks its own QA.
    vet_quality_to_check: bool = False
    #: Evidence that would settle the quality when what the file states leaves it open (an expired or unstated
    #: decision, an institution whose status is only self-declared, a body that cannot be identified): it is
    #: asked for, not held against the applicant (LRC Art. III.3; EAR manual: the status of the institution first).
    to_verify: str | None = None
    #: What kind of evidence the named quality assurance is (a stable code; docs/user/reference-data.md).
    evidence: QAEvidence = QAEvidence.NONE_EVIDENCED


_LISTED_INSTITUTION_KINDS = (ProviderKind.HIGHER_EDUCATION_INSTITUTION, ProviderKind.PUBLIC_AUTHORITY)
#: A known agency whose registration did not cover the day judged.
_NOT_REGISTERED_STATES = (
    RegistrationState.NOT_YET_REGISTERED,
    RegistrationState.SUSPENDED,
    RegistrationState.NO_LONGER_REGISTERED,
)


def derive_quality(case: Case, agencies: AgencyRegister, as_of: date | None) -> QualityFacts:
    qa = case.credential.quality_assurance
    body = case.credential.awarding_body
    is_he = body is not None and body.kind is ProviderKind.HIGHER_EDUCATION_INSTITUTION
    is_vet = body is not None and body.kind is ProviderKind.VET_PROVIDER
    named_body = qa.external_agency if qa and qa.external_agency else None
    other_kind = not_esg_kind(named_body, body.name if body else None) if named_body else None
    match = agencies.lookup(named_body, country=_issuer_country(case)) if named_body and other_kind is None else None
    agency = match.agency if match and match.status is MatchStatus.FOUND else None
    registration = agency.registration_on(as_of) if agency and as_of else None
    decision = qa.decision if qa else None
    current: bool | None = None
    if qa and qa.valid_until is not None and as_of is not None:
        current = qa.valid_until >= as_of
    positive = decision in (QADecision.POSITIVE, QADecision.POSITIVE_WITH_CONDITIONS)
    not_expired = current is not False
    internal_only = bool(qa and qa.internal)

    def facts(grade: QAGrade, reason: Phrase, evidence: QAEvidence, to_verify: Phrase | None = None) -> QualityFacts:
        to_check = (
            is_vet
            and grade in (QAGrade.WEAK, QAGrade.NONE)
            and decision is not QADecision.NEGATIVE
            and evidence not in NOT_ESG_QUALITY_ASSURANCE
        )
        return QualityFacts(
            grade,
            reason,
            match,
            registration,
            current,
            is_he,
            vet_quality_to_check=to_check,
            to_verify=to_verify,
            evidence=evidence,
        )

    fallback_grade = QAGrade.WEAK if internal_only else QAGrade.NONE
    evidenced = (
        phrase("internal quality assurance only") if internal_only else phrase("no quality assurance is evidenced")
    )
    if decision is QADecision.NEGATIVE:
        return facts(
            QAGrade.NONE, phrase("the external quality assurance decision is negative"), QAEvidence.NEGATIVE_DECISION
        )
    if named_body and other_kind is not None:
        return facts(
            fallback_grade,
            phrase(
                "{evidenced}; {body} is {kind}, not quality assurance of learning under the ESG",
                evidenced=evidenced,
                body=named_body,
                kind=NOT_ESG_QUALITY_ASSURANCE[other_kind],
            ),
            other_kind,
        )
    if qa and named_body and positive and not not_expired and qa.valid_until is not None:
        return facts(
            fallback_grade,
            phrase(
                "{evidenced}: the external decision by {body} ran out on {until}, before {as_of}",
                evidenced=evidenced,
                body=named_body,
                until=qa.valid_until,
                as_of=as_of,
            ),
            QAEvidence.INTERNAL_ONLY if internal_only else QAEvidence.NONE_EVIDENCED,
            phrase(
                "the quality assurance decision on the provision that was valid on {as_of} (the decision by {body} "
                "stated ran out on {until})",
                as_of=as_of,
                body=named_body,
                until=qa.valid_until,
            ),
        )
    if named_body and decision is None:
        return facts(
            fallback_grade,
            phrase("{evidenced}: {body} is named without its decision", evidenced=evidenced, body=named_body),
            QAEvidence.INTERNAL_ONLY if internal_only else QAEvidence.NONE_EVIDENCED,
            phrase("the decision of {body} on the provision, with its validity", body=named_body),
        )
    if agency is not None and positive:
        if registration in _NOT_REGISTERED_STATES:
            return facts(
                fallback_grade,
                phrase(
                    "{evidenced}: {agency} was not on the EQAR register on {as_of}",
                    evidenced=evidenced,
                    agency=agency.acronym,
                    as_of=as_of,
                ),
                QAEvidence.AGENCY_NOT_REGISTERED,
                phrase(
                    "whether the decision by {agency}, which was not on the EQAR register on {as_of}, is a national "
                    "accreditation in its system",
                    agency=agency.acronym,
                    as_of=as_of,
                ),
            )
        unconfirmed = registration in (RegistrationState.BEYOND_THE_DATA, RegistrationState.DATES_UNKNOWN)
        return facts(
            QAGrade.STRONG,
            phrase(
                "external QA by {agency} with a positive decision; {agency} is on the EQAR register in the agency "
                "data of {data_as_of}, its registration on {as_of} to be confirmed",
                agency=agency.acronym,
                data_as_of=agencies.as_of,
                as_of=as_of,
            )
            if unconfirmed
            else phrase(
                "external QA by {agency}, an EQAR-registered agency, with a positive decision", agency=agency.acronym
            ),
            QAEvidence.EQAR_AGENCY,
        )
    if named_body and positive:
        if is_vet and names_vet_quality_assurance(named_body):
            return facts(
                QAGrade.SUBSTANTIAL,
                phrase(
                    "a positive decision by {body}, national quality assurance of vocational education and "
                    "training, for a VET provider",
                    body=named_body,
                ),
                QAEvidence.VET_QUALITY_ASSURANCE,
            )
        if names_national_accreditation(named_body):
            if body is not None and body.kind in _LISTED_INSTITUTION_KINDS:
                return facts(
                    QAGrade.SUBSTANTIAL,
                    phrase(
                        "a positive decision by {body}, a national accreditation, which is not an EQAR-registered "
                        "agency",
                        body=named_body,
                    ),
                    QAEvidence.NATIONAL_ACCREDITATION,
                )
            kind = provider_words(body.kind) if body and body.kind else phrase("a provider of unstated kind")
            provider = _awarding_body(body.name if body else None)
            return facts(
                fallback_grade,
                phrase(
                    "{evidenced}; {body} is a national accreditation body, but {provider} ({kind}) is not an "
                    "institution of a type such bodies accredit",
                    evidenced=evidenced,
                    body=named_body,
                    provider=provider,
                    kind=kind,
                ),
                QAEvidence.NATIONAL_ACCREDITATION,
                phrase(
                    "whether the remit of {body} covers {provider} ({kind}), and its decision on the provision",
                    body=named_body,
                    provider=provider,
                    kind=kind,
                ),
            )
        candidates = match.candidates if match and match.status is MatchStatus.AMBIGUOUS else ()
        which = (
            phrase(
                "which of {candidates} {body} is",
                candidates=", ".join(candidate.acronym for candidate in candidates),
                body=named_body,
            )
            if candidates
            else phrase(
                "what body {body} is (a quality assurance agency or authority of its national system, or not)",
                body=named_body,
            )
        )
        return facts(
            fallback_grade,
            phrase(
                "{evidenced}; {body} is not identified as a quality assurance agency or authority",
                evidenced=evidenced,
                body=named_body,
            ),
            QAEvidence.UNIDENTIFIED_BODY,
            phrase("{which}, and its decision on the provision", which=which),
        )
    if is_he:
        # Only the case file calls the awarding body a higher education institution: its status is verified,
        # not presumed (EAR manual), before the credential counts as quality-assured provision.
        name = _awarding_body(body.name if body else None)
        return facts(
            fallback_grade,
            phrase(
                "{evidenced}; that {name} is a recognised higher education institution is stated but not evidenced",
                evidenced=evidenced,
                name=name,
            ),
            QAEvidence.INTERNAL_ONLY if internal_only else QAEvidence.NONE_EVIDENCED,
            phrase(
                "evidence that {name} is a recognised (accredited) higher education institution in its national "
                "system, or an external quality assurance decision on the provision",
                name=name,
            ),
        )
    return facts(fallback_grade, evidenced, QAEvidence.INTERNAL_ONLY if internal_only else QAEvidence.NONE_EVIDENCED)


def _awarding_body(name: str | None) -> Value:
    """The awarding body by its name, or as such where the file does not name it."""
    return name if name else phrase("the awarding body")


def _issuer_country(case: Case) -> str | None:
    credential = case.credential
    if credential.issuer_country:
        return credential.issuer_country
    return credential.awarding_body.country if credential.awarding_body else None


# --- learning outcomes ---


@dataclass(frozen=True)
class OutcomeFacts:
    matches: tuple[OutcomeMatch, ...]
    #: The languages of the credential's and the target's outcomes where they differ: the matching compares
    #: words, so such outcomes are compared by the evaluator, not scored.
    languages: tuple[str, str] | None = None

    def languages_text(self) -> Phrase:
        assert self.languages is not None
        credential, target = (language_name(code) for code in self.languages)
        return phrase(
            "the credential's in {credential}, the target's in {target}", credential=credential, target=target
        )

    @property
    def compared(self) -> bool:
        return bool(self.matches)

    @property
    def coverage(self) -> float | None:
        """Share of target outcomes that a credential outcome covers."""
        if not self.matches:
            return None
        return sum(1 for match in self.matches if match.matched) / len(self.matches)

    @property
    def uncovered(self) -> tuple[str, ...]:
        return tuple(match.target for match in self.matches if not match.matched)


def derive_outcomes(case: Case, rulebook: Rulebook) -> OutcomeFacts:
    targets = case.target.learning_outcomes if case.target and case.target.learning_outcomes else ()
    credential = case.credential.learning_outcomes or ()
    if not targets or not credential:
        return OutcomeFacts(())
    languages = (language_of(credential), language_of(targets))
    if None not in languages and languages[0] != languages[1]:
        return OutcomeFacts((), languages=(str(languages[0]), str(languages[1])))
    return OutcomeFacts(match_outcomes(targets, credential, rulebook.outcome_match_score))
