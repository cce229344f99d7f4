"""Open Badges 3.0 (1EdTech) credentials, with the Dutch Edubadges profile → the case's ``credential`` object.

Open Badges 3.0 has no native field for level, hours, participation, identity verification or quality
assurance; issuers put them in alignments and extensions. The Edubadges profile (SURF) states ECTS
(``creditsAvailable`` or ``ECTS``), study-load hours (``SBU``), the EQF level as an alignment of type
``ext:EQFLevel`` / ``ext:EQF``, the institution as ``issuer.parentOrg``, and participation, assessment,
supervision and identity checks as achievement extensions. Without that profile, ``creditsAvailable`` has no
unit, so reading it as ECTS is reported as a guess.
"""

from __future__ import annotations

import re
from typing import Any

from recogniser.agencies import MatchStatus
from recogniser.agency_file import default_agencies
from recogniser.interchange.elements import MAX_ECTS, MAX_HOURS, CredentialDraft
from recogniser.interchange.jsonld import (
    as_list,
    first_node,
    identifier_of,
    nodes,
    number,
    text_in,
    types_of,
)
from recogniser.interchange.openbadges_parties import OpenBadgeParties
from recogniser.interchange.vocabulary import (
    assessment_type,
    eqf_level,
    participation,
    supervision,
)
from recogniser.model import AssessmentType

OPEN_BADGE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
_EDUBADGES_MARKS = ("edubadges", "educredential")
_GRADE_RESULTS = frozenset(
    {
        "GradePointAverage",
        "LetterGrade",
        "Percent",
        "PerformanceLevel",
        "PredictedScore",
        "RawScore",
        "Result",
        "RubricCriterionLevel",
    }
)
_LIST_ITEM = re.compile(r"^\s*(?:[*\-•]|\d+[.)])\s+(.+?)\s*$")
#: Criteria that say how a badge is earned rather than what is learnt: attendance, tests, assignments handed in.
_REQUIREMENT = re.compile(
    r"\b(attend|attendance|present at|participat|pass(?:es|ed)? (?:the |a |an |all )?(?:final )?(?:test|exam|quiz|"
    r"assessment)|complet(?:e|es|ed|ing) (?:the |all |a )?(?:course|module|sessions|assignments?|quiz)|"
    r"submit|hand(?:s|ed)? in|score)",
    re.IGNORECASE,
)

_ACHIEVEMENT = "credentialSubject.achievement"


def is_open_badge(credential: dict[str, Any]) -> bool:
    return bool(OPEN_BADGE_TYPES & types_of(credential))


def is_edubadges(credential: dict[str, Any]) -> bool:
    """The Edubadges profile: its context or schema, or its achievement type. A ``parentOrg`` alone is not the
    profile: any Open Badges issuer may name one."""
    marks = [str(item) for item in as_list(credential.get("@context"))]
    marks += [identifier_of(schema) or "" for schema in as_list(credential.get("credentialSchema"))]
    subject = first_node(credential.get("credentialSubject")) or {}
    achievement = first_node(subject.get("achievement")) or {}
    return any(mark in item.casefold() for item in marks for mark in _EDUBADGES_MARKS) or (
        "EducredentialAchievement" in types_of(achievement)
    )


def map_open_badge(credential: dict[str, Any], language: str | None = None) -> CredentialDraft:
    """The case's credential object; texts in ``language`` where the badge has it."""
    return _OpenBadgeMapper(credential, language).draft


class _OpenBadgeMapper(OpenBadgeParties):
    def __init__(self, credential: dict[str, Any], preferred: str | None) -> None:
        self.credential = credential
        self.edubadges = is_edubadges(credential)
        self.draft = CredentialDraft()
        self.subject = first_node(credential.get("credentialSubject")) or {}
        self.achievement = first_node(self.subject.get("achievement")) or {}
        if not self.achievement and self.subject.get("achievement"):
            self.draft.warn("The achievement is only referenced by its URL, not embedded; it was not fetched.")
        self.issuer = first_node(credential.get("issuer")) or {}
        self.alignments = nodes(self.achievement.get("alignment"))
        declared = self.achievement.get("inLanguage") or credential.get("inLanguage")
        declared_primary = declared.split("-")[0].lower() if isinstance(declared, str) else None
        self.language = tuple(code for code in (preferred.lower() if preferred else None, declared_primary) if code)
        if isinstance(declared, str):
            self.draft.credential["language"] = declared
        self.used_for_outcomes = ""
        profile = "the Edubadges profile" if self.edubadges else "no issuer profile"
        self.draft.note(f"Imported from an Open Badges 3.0 credential ({profile})")
        self._title()
        self._learner()
        self._issuer()
        self._issue_date()
        self._learning_outcomes()
        self._workload()
        self._level()
        self._assessment()
        self._participation()
        self._quality_assurance()
        self._optional_elements()

    def text(self, value: Any) -> str | None:
        return text_in(value, self.language)

    def extension(self, *keys: str) -> tuple[Any, str] | None:
        """The first of ``keys`` set on the achievement (extensions sit beside the standard properties)."""
        for key in keys:
            if self.achievement.get(key) not in (None, ""):
                return self.achievement[key], f"{_ACHIEVEMENT}.{key}"
        return None

    def _title(self) -> None:
        candidates = ((self.achievement.get("name"), f"{_ACHIEVEMENT}.name"), (self.credential.get("name"), "name"))
        self.draft.put_title(candidates, self.language)

    def _issue_date(self) -> None:
        self.draft.put_issue_date(
            (self.credential.get(key), key) for key in ("validFrom", "issuanceDate", "awardedDate")
        )

    # --- 6 learning outcomes ---

    def _learning_outcomes(self) -> None:
        competencies = [a for a in self.alignments if _is_competency(a)]
        names = [name for name in (self.text(a.get("targetName")) for a in competencies) if name]
        if names:
            self.draft.put(6, "learning_outcomes", names, f"{_ACHIEVEMENT}.alignment.targetName (competencies)")
            linked = [
                f"{self.text(a.get('targetName'))} ({a['targetUrl']})"
                for a in competencies
                if isinstance(a.get("targetUrl"), str)
            ]
            if linked:
                self.draft.note("Aligned competencies: " + "; ".join(linked))
            return
        described = [name for name in (self.text(result.get("name")) for result in self._assessed_criteria()) if name]
        if described:
            self.draft.put(
                6,
                "learning_outcomes",
                described,
                f"{_ACHIEVEMENT}.resultDescription.name (what is assessed, read as outcomes)",
                guessed=True,
            )
            return
        for key in ("criteria", "description"):
            value = self.achievement.get(key)
            text = self.text(value.get("narrative")) if isinstance(value, dict) else self.text(value)
            if text:
                items = [match.group(1) for match in map(_LIST_ITEM.match, text.splitlines()) if match]
                outcomes = items or [text]
                if key == "criteria" and all(_REQUIREMENT.search(outcome) for outcome in outcomes):
                    # "Attend all sessions and pass the test" says how the badge is earned, not what is learnt.
                    self.draft.warn(
                        f"{_ACHIEVEMENT}.criteria states requirements (attendance, tests), not learning outcomes; "
                        "not read as outcomes."
                    )
                    continue
                source = f"{_ACHIEVEMENT}.{key}" + (".narrative" if key == "criteria" else "")
                self.draft.put(
                    6, "learning_outcomes", outcomes, f"{source} (free text, read as outcomes)", guessed=True
                )
                self.used_for_outcomes = key
                return
        self.draft.missing(6, "no competency alignment, result description, criteria or description")

    def _assessed_criteria(self) -> list[dict[str, Any]]:
        """Result descriptions that describe what was assessed (rubric criteria), not a grade scale."""
        return [
            result
            for result in nodes(self.achievement.get("resultDescription"))
            if str(result.get("resultType", "")) not in _GRADE_RESULTS
            and "grade" not in str(result.get("resultType", "")).casefold()
        ]

    # --- 7 workload ---

    def _workload(self) -> None:
        credits = self.extension("ECTS", "creditsAvailable")
        if credits is not None:
            value, path = credits
            points = number(value)
            if points is None:
                self.draft.warn(f"{path} '{value}' is not a number; ignored.")
            elif self.draft.plausible_workload(points, MAX_ECTS, "ECTS credits"):
                if self.edubadges or path.endswith(".ECTS"):
                    self.draft.put(
                        7, "workload.ects", points, f"{path} (ECTS in the Edubadges profile)", shown=f"{points:g} ECTS"
                    )
                else:
                    self.draft.put(
                        7,
                        "workload.ects",
                        points,
                        f"{path} has no unit; read as ECTS",
                        guessed=True,
                        shown=f"{points:g} ECTS?",
                    )
        hours = self.extension("SBU", "studyLoad", "timeInvestment")
        if hours is not None:
            value, path = hours
            amount = number(value.get("value") if isinstance(value, dict) else value)
            if amount is not None and self.draft.plausible_workload(amount, MAX_HOURS, "hours"):
                self.draft.put(7, "workload.hours", amount, f"{path} (hours of study)", shown=f"{amount:g} h")
        earned = number(self.subject.get("creditsEarned"))
        if earned is not None:
            self.draft.note(f"Credits earned: {earned:g}")
        if not self.draft.has(7):
            self.draft.missing(7, f"no {_ACHIEVEMENT}.creditsAvailable and no study-load extension")

    # --- 8 level ---

    def _level(self) -> None:
        path = f"{_ACHIEVEMENT}.alignment"
        for alignment in self.alignments:
            kind = " ".join(str(alignment.get(key, "")) for key in ("targetType", "targetFramework")).casefold()
            name = self.text(alignment.get("targetName")) or ""
            code = alignment.get("targetCode") or alignment.get("targetUrl")
            if "eqf" in kind or "/eqf/" in str(alignment.get("targetUrl", "")) or name.casefold().startswith("eqf"):
                level = eqf_level(str(code) if code is not None else None, name)
                if level is not None and "eqf_level" not in self.draft.credential.get("level", {}):
                    self.draft.put(
                        8,
                        "level.eqf_level",
                        level,
                        f"{path} ({alignment.get('targetType', 'EQF')})",
                        shown=f"EQF {level}",
                    )
            elif "nqf" in kind or "nlqf" in kind or "qualifications framework" in kind:
                framework = str(alignment.get("targetFramework") or "")
                self.draft.put_national_level((name, f"{framework} {name}".strip()), path)
        if not self.draft.has(8):
            self.draft.missing(8, "no EQF or national framework alignment (Open Badges has no level field)")

    # --- 9 assessment, 13 supervision and identity verification, 14 grade ---

    def _assessment(self) -> None:
        stated = self.extension("assessmentType", "assessment")
        results = nodes(self.subject.get("result"))
        if stated is not None and isinstance(stated[0], str):
            reading = assessment_type(stated[0])
            shown = f"{reading.value} ('{stated[0]}')"
            self.draft.put(9, "assessment.type", reading.value.value, stated[1], guessed=not reading.exact, shown=shown)
        elif results or self.achievement.get("resultDescription"):
            self.draft.put(
                9,
                "assessment.type",
                AssessmentType.OTHER.value,
                "results are recorded (credentialSubject.result) but no assessment type",
                guessed=True,
            )
        else:
            self.draft.missing(9, "no assessment extension and no results (Open Badges has no assessment field)")
        self._supervision()
        self._grade(results)

    def _supervision(self) -> None:
        recorded = False
        for key, field in (
            ("identityChecked", "identity_verified"),
            ("assessment_id_verified", "identity_verified"),
            ("assessment_supervised", "supervised"),
        ):
            value = self.achievement.get(key)
            if isinstance(value, bool) and field not in self.draft.credential.get("assessment", {}):
                self.draft.put(
                    13,
                    f"assessment.{field}",
                    value,
                    f"{_ACHIEVEMENT}.{key}",
                    shown=f"{field.replace('_', ' ')}: {'yes' if value else 'no'}",
                )
                recorded = True
        stated = self.extension("supervisionType", "supervision")
        if stated is not None and isinstance(stated[0], str):
            found = supervision(stated[0])
            for field, value in (("supervised", found.supervised), ("identity_verified", found.identity_verified)):
                if value is not None and field not in self.draft.credential.get("assessment", {}):
                    self.draft.put(13, f"assessment.{field}", value, stated[1], shown=f"'{stated[0]}'")
                    recorded = True
        if not recorded:
            self.draft.missing(13, "no supervision or identity-check extension (Open Badges has no such field)")

    def _grade(self, results: list[dict[str, Any]]) -> None:
        descriptions = {identifier_of(d): d for d in nodes(self.achievement.get("resultDescription"))}
        grades = []
        for result in results:
            value = result.get("value") or result.get("achievedLevel")
            if value is None:
                continue
            described = descriptions.get(identifier_of(result.get("resultDescription")))
            label = self.text(described.get("name")) if described else None
            levels = (
                {identifier_of(level): level for level in nodes(described.get("rubricCriterionLevel"))}
                if described
                else {}
            )
            level = levels.get(str(value)) if isinstance(value, str) else None
            if level is not None:
                # achievedLevel names a rubric level by its id (often a urn:uuid); the level's name is the grade.
                value = self.text(level.get("name")) or self.text(level.get("description")) or value
            grades.append(f"{label}: {value}" if label else str(value))
        if grades:
            self.draft.put(14, "grade", "; ".join(grades), "credentialSubject.result.value")
        else:
            self.draft.missing(14, "credentialSubject.result records no value")

    # --- 10 participation ---

    def _participation(self) -> None:
        stated = self.extension("participationType", "participation")
        if stated is not None and isinstance(stated[0], str):
            reading = participation(stated[0])
            if reading is not None:
                shown = f"{reading.value.value} ('{stated[0]}')"
                self.draft.put(
                    10, "participation", reading.value.value, stated[1], guessed=not reading.exact, shown=shown
                )
                return
            self.draft.warn(f"{stated[1]} '{stated[0]}' is not a form of participation; ignored.")
        self.draft.missing(10, "no participation extension (Open Badges has no such field)")

    # --- 11 quality assurance ---

    def _quality_assurance(self) -> None:
        name = self.extension("quality_assurance_name")
        if name is not None and isinstance(name[0], str):
            self.draft.put(11, "quality_assurance.external_agency", name[0], name[1])
            return
        for alignment in self.alignments:
            if "qualityassurance" in str(alignment.get("targetType", "")).replace("_", "").casefold():
                target = self.text(alignment.get("targetName"))
                description = self.text(alignment.get("targetDescription"))
                if target and not _names_an_agency(target):
                    self._accredited_programme(alignment, target)
                    return
                if target:
                    self.draft.put(
                        11,
                        "quality_assurance.external_agency",
                        target,
                        f"{_ACHIEVEMENT}.alignment.targetName (ext:QualityAssurance)",
                        guessed=True,
                    )
                    self.draft.decision_not_recorded(f"{_ACHIEVEMENT}.alignment (ext:QualityAssurance)")
                    self.draft.note(
                        "Quality assurance: "
                        + "; ".join(t for t in (target, description, alignment.get("targetUrl")) if isinstance(t, str))
                    )
                    return
        for path, value in (
            (f"{_ACHIEVEMENT}.endorsement", self.achievement.get("endorsement")),
            ("endorsement", self.credential.get("endorsement")),
        ):
            endorsement = first_node(value)
            endorser = first_node(endorsement.get("issuer")) if endorsement else None
            endorser_name = self.text(endorser.get("name")) if endorser else None
            if endorser_name:
                self.draft.put(
                    11,
                    "quality_assurance.external_agency",
                    endorser_name,
                    f"{path}.issuer.name (an endorsement, which need not be quality assurance)",
                    guessed=True,
                )
                return
        self.draft.missing(11, "no quality assurance in the badge: establish it from the agency register")

    def _accredited_programme(self, alignment: dict[str, Any], programme: str) -> None:
        """The Edubadges quality-assurance alignment names the accredited programme (with its code and the
        accreditation decision's address), not the agency: the agency and its decision are for the evaluator."""
        code = alignment.get("targetCode")
        url = alignment.get("targetUrl")
        details = [
            f"code {code}" if isinstance(code, str | int) else "",
            f"decision: {url}" if isinstance(url, str) else "",
        ]
        stated = "; ".join(detail for detail in details if detail)
        self.draft.note(f"Quality assurance: accredited programme {programme}" + (f" ({stated})" if stated else ""))
        self.draft.warn(
            f"The quality-assurance alignment names the programme '{programme}', not a QA agency: establish the "
            "agency and its decision" + (f" at {url}" if isinstance(url, str) else "") + "."
        )
        self.draft.missing(
            11,
            f"the badge names its accredited programme ({programme}), not the agency: establish it from the register",
        )

    # --- 12, 15, 16 ---

    def _optional_elements(self) -> None:
        self.draft.missing(12, "Open Badges 3.0 has no prerequisites field")
        stackable = self.achievement.get("stackable")
        if isinstance(stackable, bool):
            self.draft.put(15, "stackability", "stackable" if stackable else "stand-alone", f"{_ACHIEVEMENT}.stackable")
        elif isinstance(stackable, str) and stackable.strip():
            self.draft.put(15, "stackability", stackable.strip(), f"{_ACHIEVEMENT}.stackable")
        else:
            self.draft.missing(15, "no stackability extension (Open Badges has no such field)")
        kinds = ", ".join(str(kind) for kind in as_list(self.achievement.get("achievementType")))
        if kinds:
            self.draft.note(f"Achievement type: {kinds}")
        for key, label in (
            ("fieldOfStudy", "Field of study"),
            ("specialization", "Specialisation"),
            ("humanCode", "Code"),
        ):
            text = self.text(self.achievement.get(key))
            if text:
                self.draft.note(f"{label}: {text}")
        tags = [str(tag) for tag in as_list(self.achievement.get("tag"))]
        if tags:
            self.draft.note("Tags: " + ", ".join(tags))
        if self.used_for_outcomes != "description":
            description = self.text(self.achievement.get("description"))
            if description:
                self.draft.note(f"Description: {description}")
        criteria = first_node(self.achievement.get("criteria"))
        narrative = self.text(criteria.get("narrative")) if criteria else None
        if narrative and self.used_for_outcomes != "criteria":
            self.draft.note(f"Criteria: {narrative}")
        credential_id = identifier_of(self.credential)
        if credential_id:
            self.draft.note(f"Credential identifier: {credential_id}")


def _is_competency(alignment: dict[str, Any]) -> bool:
    kind = " ".join(str(alignment.get(key, "")) for key in ("targetType", "targetFramework")).casefold()
    url = str(alignment.get("targetUrl", "")).casefold()
    if _is_programme(alignment):
        return False
    return any(word in kind for word in ("competency", "skill", "cfitem", "esco")) or "data.europa.eu/esco" in url


def _is_programme(alignment: dict[str, Any]) -> bool:
    """An alignment to a programme or course the badge belongs to, which is no learning outcome."""
    kind = str(alignment.get("targetType", "")).casefold()
    return any(word in kind for word in ("program", "course", "degree", "qualification"))


def _names_an_agency(name: str) -> bool:
    """Whether the agency register knows ``name`` (a name or acronym, such as NVAO)."""
    return default_agencies().lookup(name).status is MatchStatus.FOUND
