"""Europass Digital Credentials (European Learning Model v3, JSON-LD) → the case's ``credential`` object.

Paths follow the compact keys of the EDC context (``http://data.europa.eu/snb/model/context/edc-ap``); the
crosswalk is documented in the README's section on importing credentials. ``A`` below is the claim
(``credentialSubject.hasClaim``, a LearningAchievement or, on a certificate of participation, a
LearningActivity) and ``Q`` its specification (``A.specifiedBy``).
"""

from __future__ import annotations

from typing import Any

from recogniser.interchange.elements import MAX_ECTS, MAX_HOURS, CredentialDraft
from recogniser.interchange.europass_parties import BODY, CLAIM, EuropassParties
from recogniser.interchange.jsonld import (
    as_list,
    duration,
    first_node,
    identifier_of,
    is_language_map,
    iso_date,
    nodes,
    number,
    text_in,
    types_of,
)
from recogniser.interchange.vocabulary import (
    EUROPASS_MODES,
    assessment_type,
    eqf_level,
    participation,
    qa_decision,
    supervision,
)
from recogniser.model import AssessmentType

#: The ECTS concept of the Europass education-credit scheme.
ECTS_CONCEPT = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
_CONTEXT_MARK = "data.europa.eu/snb/model/context"

_CLAIM = CLAIM
_SPEC = f"{_CLAIM}.specifiedBy"
_ASSESSMENT = f"{_CLAIM}.provenBy"
_BODY = BODY


def is_europass(credential: dict[str, Any]) -> bool:
    contexts = [str(item) for item in as_list(credential.get("@context"))]
    return "EuropeanDigitalCredential" in types_of(credential) or any(_CONTEXT_MARK in item for item in contexts)


def note_text(value: Any, preferred: tuple[str, ...]) -> str | None:
    """The text of an ELM Note (``noteLiteral``), a concept (``prefLabel``) or a plain language map."""
    node = first_node(value)
    if node is not None and not is_language_map(node):
        for key in ("noteLiteral", "prefLabel", "title", "legalName"):
            if key in node:
                return text_in(node[key], preferred)
        return None
    return text_in(value, preferred)


def map_europass(credential: dict[str, Any], language: str | None = None) -> CredentialDraft:
    """The case's credential object; texts in ``language`` where the credential has it."""
    return _EuropassMapper(credential, language).draft


class _EuropassMapper(EuropassParties):
    def __init__(self, credential: dict[str, Any], language: str | None) -> None:
        self.credential = credential
        self.draft = CredentialDraft()
        subjects = nodes(credential.get("credentialSubject"))
        self.subject = subjects[0] if subjects else {}
        if len(subjects) > 1:
            self.draft.warn(f"The credential names {len(subjects)} learners; only the first was imported.")
        claims = nodes(self.subject.get("hasClaim"))
        achievement = next((c for c in claims if "LearningAchievement" in types_of(c)), None)
        self.activity_only = achievement is None and any("LearningActivity" in types_of(c) for c in claims)
        self.claim = achievement or next(iter(claims), {})
        self.spec = first_node(self.claim.get("specifiedBy")) or {}
        self.issuer = first_node(credential.get("issuer"))
        self.process = first_node(self.claim.get("awardedBy")) or {}
        self.body = first_node(self.process.get("awardingBody"))
        self.language: tuple[str, ...] = (language.lower(),) if language else ()
        if not claims:
            self.draft.warn("The credential makes no claim (credentialSubject.hasClaim): nothing was achieved.")
        self._title()
        self._learner()
        self._awarding_body()
        self._issue_date()
        self._learning_outcomes()
        self._workload()
        self._level()
        self._assessment()
        self._participation()
        self._quality_assurance()
        self._optional_elements()
        self._other_claims(claims)

    def text(self, value: Any) -> str | None:
        return note_text(value, self.language)

    def _other_claims(self, claims: list[dict[str, Any]]) -> None:
        others = [claim for claim in claims if claim is not self.claim]
        if not others:
            return
        titles = [self.text(claim.get("title")) or identifier_of(claim) or "untitled" for claim in others]
        self.draft.warn(
            f"The credential makes {len(claims)} claims; the case describes the first learning achievement, "
            "the others are listed under further information."
        )
        self.draft.note("Other claims in the credential: " + "; ".join(titles))

    # --- 2 title (first, because it decides the case language) ---

    def _title(self) -> None:
        candidates = ((self.claim.get("title"), f"{_CLAIM}.title"), (self.spec.get("title"), f"{_SPEC}.title"))
        title = self.draft.put_title(candidates, self.language)
        if title is not None:
            self.language = (title.language,) if title.language else ()

    # --- 5 date of issuing ---

    def _issue_date(self) -> None:
        candidates = [(self.credential.get(key), key) for key in ("issued", "issuanceDate", "validFrom")]
        candidates.append((self.process.get("awardingDate"), f"{_CLAIM}.awardedBy.awardingDate"))
        self.draft.put_issue_date(candidates)

    # --- 6 learning outcomes ---

    def _learning_outcomes(self) -> None:
        outcomes = nodes(self.spec.get("learningOutcome"))
        titles = [title for title in (self.text(o.get("title")) for o in outcomes) if title]
        if titles:
            self.draft.put(6, "learning_outcomes", titles, f"{_SPEC}.learningOutcome.title")
            skills = [skill for outcome in outcomes for skill in self._skills(outcome)]
            if skills:
                self.draft.note("Related ESCO skills: " + "; ".join(dict.fromkeys(skills)))
            return
        summary = self.text(self.spec.get("learningOutcomeSummary"))
        if summary:
            self.draft.put(6, "learning_outcomes", [summary], f"{_SPEC}.learningOutcomeSummary")
            return
        self.draft.missing(6, f"{_SPEC} lists no learningOutcome and no learningOutcomeSummary")

    def _skills(self, outcome: dict[str, Any]) -> list[str]:
        found = []
        for key in ("relatedESCOSkill", "relatedSkill"):
            for skill in as_list(outcome.get(key)):
                label = self.text(skill.get("prefLabel")) if isinstance(skill, dict) else None
                uri = identifier_of(skill)
                uri = uri if uri and uri.startswith("http") else None
                if label or uri:
                    found.append(f"{label} ({uri})" if label and uri else str(label or uri))
        return found

    # --- 7 workload ---

    def _workload(self) -> None:
        for credit in nodes(self.spec.get("creditPoint")):
            framework = credit.get("framework")
            framework_id = identifier_of(framework) or ""
            notation = framework.get("notation") if isinstance(framework, dict) else None
            framework_label = (
                self.text(framework) or (str(notation) if notation else None) or framework_id or "an unnamed framework"
            )
            points = number(credit.get("point"))
            if points is None:
                self.draft.warn(f"{_SPEC}.creditPoint.point '{credit.get('point')}' is not a number; ignored.")
            elif framework_id.rstrip("/") == ECTS_CONCEPT or "ects" in framework_label.casefold():
                if self.draft.plausible_workload(points, MAX_ECTS, "ECTS credits") and not self.draft.has(7):
                    source = f"{_SPEC}.creditPoint.point (ECTS)"
                    self.draft.put(7, "workload.ects", points, source, shown=f"{points:g} ECTS")
            else:
                self.draft.note(f"Credit points: {credit.get('point')} ({framework_label})")
        for value, path in (
            (self.spec.get("volumeOfLearning"), f"{_SPEC}.volumeOfLearning"),
            (self.claim.get("workload"), f"{_CLAIM}.workload"),
        ):
            if value is None:
                continue
            length = duration(value)
            if length is None:
                self.draft.warn(f"{path} '{value}' is not an ISO 8601 duration; ignored.")
            elif length.calendar_parts:
                self.draft.warn(
                    f"{path} '{value}' is a calendar duration ({', '.join(length.calendar_parts)}), "
                    "not hours of study; not used as workload."
                )
            elif self.draft.plausible_workload(
                length.hours, MAX_HOURS, "hours"
            ) and "hours" not in self.draft.credential.get("workload", {}):
                self.draft.put(7, "workload.hours", round(length.hours, 2), path, shown=f"{length.hours:g} h ({value})")
        if not self.draft.has(7):
            self.draft.missing(7, f"no ECTS creditPoint and no volumeOfLearning in hours in {_SPEC}")

    # --- 8 level ---

    def _level(self) -> None:
        concept = self.spec.get("eqfLevel")
        if concept is not None:
            node = first_node(concept)
            notation = str(node["notation"]) if node and node.get("notation") is not None else None
            level = eqf_level(identifier_of(concept), self.text(concept)) or eqf_level(notation, None)
            if level is None:
                self.draft.warn(f"{_SPEC}.eqfLevel '{identifier_of(concept) or concept}' is not an EQF level; ignored.")
            else:
                self.draft.put(8, "level.eqf_level", level, f"{_SPEC}.eqfLevel", shown=f"EQF {level}")
        levels = as_list(self.spec.get("nqfLevel"))
        labels = [
            (self.text(nqf) if isinstance(nqf, dict) else None)
            or (identifier_of(nqf) or "").rstrip("/").rsplit("/", 1)[-1]
            for nqf in levels
        ]
        uris = [uri for uri in (identifier_of(nqf) for nqf in levels) if uri and uri.startswith("http")]
        self.draft.put_national_level(labels, f"{_SPEC}.nqfLevel", uris)
        if not self.draft.has(8):
            self.draft.missing(8, f"no eqfLevel or known nqfLevel in {_SPEC}")

    # --- 9 assessment, 13 supervision and identity verification, 14 grade ---

    def _assessment(self) -> None:
        assessment = first_node(self.claim.get("provenBy"))
        kind = self._credential_kind()
        record = _record_kind(kind)
        if assessment is None and self.activity_only and record is not None:
            self.draft.missing(9, f"{record} ('{kind}') whose claim is a learning activity with no assessment")
            self.draft.warn(
                f"{record.capitalize()} ('{kind}'): its claim is a learning activity with no assessment, so it "
                "shows neither what was learnt nor how it was assessed. It is not a certificate of participation; "
                "ask for the assessed result."
            )
            self.draft.missing(13, "nothing was assessed")
            self.draft.missing(14, "nothing was assessed")
            return
        if assessment is None and self.activity_only and not _names_participation(kind):
            stated = f"'{kind}'" if kind else "no credential type"
            self.draft.put(
                9,
                "assessment.type",
                AssessmentType.ATTENDANCE_ONLY.value,
                f"{_CLAIM} is a LearningActivity with no assessment (provenBy), and the credential names {stated}",
                guessed=True,
            )
            self.draft.warn(
                f"A learning activity with no assessment, and the credential names {stated}: read as attendance only. "
                "Check what it records (a participation, an enrolment, a degree still to be awarded)."
            )
            self.draft.missing(13, "nothing was assessed")
            self.draft.missing(14, "nothing was assessed")
            return
        if assessment is None:
            if self.activity_only:
                self.draft.put(
                    9,
                    "assessment.type",
                    AssessmentType.ATTENDANCE_ONLY.value,
                    f"{_CLAIM} is a LearningActivity with no assessment (provenBy)",
                )
                self.draft.warn(
                    "Certificate of participation: it records attendance of a learning activity and no assessment. "
                    "A certificate of attendance alone is not a micro-credential (Council Recommendation "
                    "2022/C 243/02)."
                )
                self.draft.missing(13, "nothing was assessed")
                self.draft.missing(14, "nothing was assessed")
            else:
                self.draft.missing(9, f"{_ASSESSMENT} is not given: the credential records no assessment")
            return
        specification = first_node(assessment.get("specifiedBy")) or {}
        for value, path in (
            (specification.get("dcType"), f"{_ASSESSMENT}.specifiedBy.dcType"),
            (assessment.get("title"), f"{_ASSESSMENT}.title"),
            (specification.get("title"), f"{_ASSESSMENT}.specifiedBy.title"),
        ):
            label = self.text(value)
            if label:
                reading = assessment_type(label)
                shown = f"{reading.value} ('{label}')"
                self.draft.put(9, "assessment.type", reading.value.value, path, guessed=not reading.exact, shown=shown)
                break
        else:
            self.draft.put(
                9,
                "assessment.type",
                AssessmentType.OTHER.value,
                f"{_ASSESSMENT} (an assessment with no type or title)",
                guessed=True,
            )
        self._supervision(assessment)
        grade = self.text(assessment.get("grade"))
        if grade:
            self.draft.put(14, "grade", grade, f"{_ASSESSMENT}.grade")
        else:
            self.draft.missing(14, f"{_ASSESSMENT}.grade is not given")

    def _credential_kind(self) -> str | None:
        """The kind of credential its issuer declares (``credentialProfiles``, the Europass credential type)."""
        for key in ("credentialProfiles", "credentialType", "dcType"):
            for concept in as_list(self.credential.get(key)):
                label = self.text(concept.get("prefLabel")) if isinstance(concept, dict) else None
                if label:
                    return label
        return None

    def _supervision(self, assessment: dict[str, Any]) -> None:
        path = f"{_ASSESSMENT}.idVerification"
        label = self.text(assessment.get("idVerification"))
        if not label:
            self.draft.missing(13, f"{path} is not given")
            return
        found = supervision(label)
        if found.supervised is None and found.identity_verified is None:
            self.draft.warn(f"{path} '{label}' is not a supervision and identity verification term; ignored.")
            self.draft.missing(13, f"{path} '{label}' was not understood")
            return
        shown: str | None = label
        for field, value in (("supervised", found.supervised), ("identity_verified", found.identity_verified)):
            if value is not None:
                self.draft.put(13, f"assessment.{field}", value, path, shown=shown)
                shown = None

    # --- 10 participation ---

    def _participation(self) -> None:
        path = f"{_SPEC}.mode"
        for mode in as_list(self.spec.get("mode")):
            code = (identifier_of(mode) or "").rstrip("/").rsplit("/", 1)[-1]
            label = self.text(mode)
            if code in EUROPASS_MODES:
                value = EUROPASS_MODES[code]
                named = f"'{label}', " if label else ""
                shown = f"{value.value} ({named}Europass concept {code})"
                self.draft.put(10, "participation", value.value, path, shown=shown)
                return
            reading = participation(label) if label else None
            if reading is not None:
                shown = f"{reading.value.value} ('{label}')"
                self.draft.put(10, "participation", reading.value.value, path, guessed=not reading.exact, shown=shown)
                return
        self.draft.missing(10, f"{path} is not given or not understood")

    # --- 11 quality assurance ---

    def _quality_assurance(self) -> None:
        for value, path in (
            (self.spec.get("accreditation"), f"{_SPEC}.accreditation"),
            (self.body.get("accreditation") if self.body else None, f"{_BODY}.accreditation"),
            (self.issuer.get("accreditation") if self.issuer else None, "issuer.accreditation"),
        ):
            accreditation = first_node(value)
            if accreditation is not None:
                self._accreditation(accreditation, path)
                return
        self.draft.missing(
            11, "the credential records no accreditation: establish quality assurance from the agency register"
        )

    def _accreditation(self, accreditation: dict[str, Any], path: str) -> None:
        kind = self.text(accreditation.get("dcType"))
        agent = first_node(accreditation.get("accreditingAgent"))
        agent_name = self.text(agent.get("legalName")) if agent else None
        if agent_name:
            self.draft.put(11, "quality_assurance.external_agency", agent_name, f"{path}.accreditingAgent.legalName")
        decision_text = self.text(accreditation.get("decision"))
        decision = qa_decision(decision_text) if decision_text else None
        if decision is not None:
            self.draft.put(11, "quality_assurance.decision", decision.value, f"{path}.decision")
        else:
            self.draft.decision_not_recorded(path)
        expiry = iso_date(accreditation.get("expiryDate"))
        if expiry is not None:
            self.draft.put(11, "quality_assurance.valid_until", expiry.isoformat(), f"{path}.expiryDate")
        details = [f"type: {kind}" if kind else ""]
        for key in ("report", "landingPage", "homepage"):
            link = first_node(accreditation.get(key))
            url = link.get("contentURL") if link else accreditation.get(key)
            if isinstance(url, str) and url:
                details.append(f"{key}: {url}")
        limit = first_node(accreditation.get("limitEQFLevel"))
        limit_level = eqf_level(identifier_of(limit), self.text(limit)) if limit else None
        if limit_level is not None:
            details.append(f"limited to EQF {limit_level}")
            stated = self.draft.credential.get("level", {}).get("eqf_level")
            if isinstance(stated, int) and stated > limit_level:
                self.draft.warn(
                    f"The accreditation covers EQF levels up to {limit_level}; the credential states {stated}."
                )
        self.draft.note("Accreditation: " + "; ".join(detail for detail in details if detail))

    # --- 12 prerequisites, 15 stackability, 16 further information ---

    def _optional_elements(self) -> None:
        requirement = self.text(self.spec.get("entryRequirement"))
        if requirement:
            self.draft.put(12, "prerequisites", requirement, f"{_SPEC}.entryRequirement")
        else:
            self.draft.missing(12, f"{_SPEC}.entryRequirement is not given")
        self._stackability()
        for value, label in (
            (self.spec.get("thematicArea"), "Field of study (ISCED-F)"),
            (self.spec.get("learningSetting"), "Learning setting"),
            (self.claim.get("additionalNote"), "Note"),
            (self.spec.get("additionalNote"), "Note"),
        ):
            for item in as_list(value):
                text = self.text(item)
                if text:
                    self.draft.note(f"{label}: {text}")
        homepage = first_node(self.spec.get("homepage"))
        if homepage and isinstance(homepage.get("contentURL"), str):
            self.draft.note(f"Homepage: {homepage['contentURL']}")
        credential_id = identifier_of(self.credential)
        if credential_id:
            self.draft.note(f"Credential identifier: {credential_id}")

    def _stackability(self) -> None:
        partial = self.spec.get("isPartialQualification")
        if isinstance(partial, str) and partial.strip().lower() in {"true", "false"}:
            partial = partial.strip().lower() == "true"
        larger = [self.text(node.get("title")) for node in nodes(self.spec.get("isPartOf"))]
        larger += [self.text(node.get("title")) for node in nodes(self.claim.get("isPartOf"))]
        named = [title for title in larger if title]
        if named:
            self.draft.note("Part of: " + "; ".join(named))
        if partial is True or (partial is None and (larger or self.spec.get("entitlesTo"))):
            source = f"{_SPEC}.isPartialQualification" if partial is True else f"{_SPEC}.isPartOf / entitlesTo"
            self.draft.put(15, "stackability", "stackable", source)
        elif partial is False:
            self.draft.put(15, "stackability", "stand-alone", f"{_SPEC}.isPartialQualification")
        else:
            self.draft.missing(15, f"{_SPEC}.isPartialQualification is not given")


#: Kinds of credential (Europass credential types, or the issuer's own words) that are not a certificate of
#: participation even when their claim is a learning activity without an assessment.
_RECORD_WORDS = (
    ("an enrolment record", ("entitlement", "enrol", "matricul", "admission")),
    ("a degree or qualification record", ("qualification award", "diploma", "degree")),
)


def _record_kind(kind: str | None) -> str | None:
    text = (kind or "").casefold()
    return next((record for record, words in _RECORD_WORDS if any(word in text for word in words)), None)


def _names_participation(kind: str | None) -> bool:
    text = (kind or "").casefold()
    return any(word in text for word in ("learning activity", "participation", "attendance"))
