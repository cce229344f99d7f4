"""National qualifications frameworks → EQF levels → QF-EHEA cycles (docs/user/reference-data.md).

Each framework is one ``recogniser-framework/2`` JSON file named after its id (``data/nqf_levels/HR-CROQF.json``).
Its levels carry the concept URI and label of the European Learning Model's national-framework vocabulary
(``http://data.europa.eu/snb/qdr/25831c2``), which real Europass credentials name, with earlier labels kept as
aliases; each EQF mapping cites where it was checked, or is shown as not checked against the referencing report.
An office corrects a mapping without touching code: a file with the same id in the user data folder's
``nqf_levels`` replaces the shipped one (``recogniser-framework/1`` files written before still load).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recogniser import checked_data
from recogniser.case_checks import Problem, schema_message
from recogniser.errors import UserInputError, cannot_read, located
from recogniser.i18n import Phrase, from_data, phrase
from recogniser.inputs import not_json
from recogniser.joining import quoted
from recogniser.resources import data_dir, user_data_path
from recogniser.schemas import load_schema, schema_validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

FRAMEWORK_FORMAT = "recogniser-framework/2"
FRAMEWORKS_FOLDER = "nqf_levels"
FRAMEWORK_SCHEMA = "framework-2.schema.json"
#: The earlier format, still read: its ``confidence`` cites nothing, so its mappings count as not checked.
_FORMAT_1_SCHEMA = "framework-1.schema.json"


class Cycle(StrEnum):
    SHORT_CYCLE = "short_cycle"
    FIRST_CYCLE = "first_cycle"
    SECOND_CYCLE = "second_cycle"
    THIRD_CYCLE = "third_cycle"


#: What the window and the report say of a mapping that cites no check: a plain fact, not an alarm.
NOT_CHECKED = "mapping not checked against the referencing report"


@dataclass(frozen=True)
class EqfCheck:
    """Where an EQF mapping was checked: the document, the section, page or table, and when."""

    document: str
    section: str
    read_on: date
    published: str | None = None
    url: str | None = None

    def cite(self) -> Phrase:
        """``Document (published), section; read on 2026-12-04``, the document and section in the reader's language
        where the data catalogue has them."""
        document = from_data(self.document)
        if self.published:
            document = phrase("{document} ({published})", document=document, published=self.published)
        return phrase(
            "{document}, {section}; read on {day}", document=document, section=from_data(self.section), day=self.read_on
        )


#: The QF-EHEA cycle descriptors correspond to EQF levels 5-8 (EQF Recommendation 2017/C 189/03, Annex II;
#: the short cycle was added to the QF-EHEA by the Paris Communiqué 2018).
_EQF_OF_CYCLE = {Cycle.SHORT_CYCLE: 5, Cycle.FIRST_CYCLE: 6, Cycle.SECOND_CYCLE: 7, Cycle.THIRD_CYCLE: 8}
_CYCLE_OF_EQF = {eqf: cycle for cycle, eqf in _EQF_OF_CYCLE.items()}


def cycle_for_eqf(eqf_level: int) -> Cycle | None:
    """The QF-EHEA cycle that corresponds to an EQF level; None below EQF 5, where no cycle lies."""
    return _CYCLE_OF_EQF.get(eqf_level)


def _key(text: str) -> str:
    """The form ids and labels are compared in: case, spacing and the kind of dash do not matter."""
    # str.split() drops exactly what the pattern \s+ would (Unicode whitespace), several times faster: every
    # command that assesses keys the labels of all 56 framework files.
    return "".join(text.casefold().split()).replace("–", "-").replace("—", "-")


@dataclass(frozen=True)
class FrameworkLevel:
    id: str
    label: str
    eqf_level: int | None
    cycle: Cycle | None
    description: str | None = None
    #: The level's concept in the national-framework vocabulary; None for levels the vocabulary lacks.
    uri: str | None = None
    #: Earlier labels, still read (stored cases and credentials written before the vocabulary's label).
    aliases: tuple[str, ...] = ()
    #: Where this level's EQF mapping was checked, when it differs from the framework's.
    eqf_checked_in: EqfCheck | None = None


@dataclass(frozen=True)
class Framework:
    id: str
    country: str
    name: str
    #: What the level table was compiled from.
    source: str
    notes: str
    levels: tuple[FrameworkLevel, ...]
    uri: str | None = None
    #: Where every level's EQF mapping was checked, unless a level names its own.
    eqf_checked_in: EqfCheck | None = None

    def level(self, level_id: str) -> FrameworkLevel | None:
        """The level written as its id (``"7.1"``), ``"Level 7.1"``, its label (``"CROQF Level 7.1"``), an
        earlier label, or its concept URI."""
        return self._levels_by_key.get(_key(level_id))

    def check_of(self, level: FrameworkLevel) -> EqfCheck | None:
        """Where the EQF mapping of ``level`` was checked; None when it is not checked."""
        return level.eqf_checked_in or self.eqf_checked_in

    def mapping_note(self, level: FrameworkLevel) -> str:
        """What the reader is told of the mapping's footing, in neutral words."""
        check = self.check_of(level)
        return f"mapping checked in {check.cite()}" if check else NOT_CHECKED

    @cached_property
    def _levels_by_key(self) -> dict[str, FrameworkLevel]:
        acronym = self.id.rsplit("-", 1)[-1]
        by_key = {_key(level.id): level for level in self.levels}
        for level in self.levels:
            if level.uri:
                by_key.setdefault(_key(level.uri), level)
        for level in self.levels:
            label_prefix, _, label_rest = level.label.partition(" ")
            spellings = [level.label, *level.aliases, label_rest]
            # An ordered sequence, not a set: when two levels share a spelling the first one keeps it, every run.
            for prefix in ("", acronym, self.id, label_prefix):
                spellings += [f"{prefix} {level.id}", f"{prefix} Level {level.id}", f"{prefix} Levels {level.id}"]
            for spelling in spellings:
                if _key(spelling):
                    by_key.setdefault(_key(spelling), level)
        return by_key


class FrameworkDataError(UserInputError):
    """A framework file cannot be used; each problem names the file and the field."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.lines()[0])

    def lines(self) -> list[str]:
        return [located(self.source, problem.line()) for problem in self.problems]


# Alternative spellings of a country that evaluators and EU documents use for ISO 3166-1 alpha-2 codes.
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}


class FrameworkRegistry:
    """The frameworks in force, by id (case-insensitive)."""

    def __init__(self, frameworks: Iterable[Framework]) -> None:
        ordered = sorted(frameworks, key=lambda framework: framework.id)
        self._by_id = {framework.id.upper(): framework for framework in ordered}
        self._by_label: dict[str, list[tuple[Framework, FrameworkLevel]]] = {}
        self._by_uri: dict[str, tuple[Framework, FrameworkLevel | None]] = {}
        for framework in self._by_id.values():
            if framework.uri:
                self._by_uri.setdefault(_uri_key(framework.uri), (framework, None))
            for level in framework.levels:
                for label in dict.fromkeys(_key(label) for label in (level.label, *level.aliases)):
                    self._by_label.setdefault(label, []).append((framework, level))
                if level.uri:
                    self._by_uri.setdefault(_uri_key(level.uri), (framework, level))

    def get(self, framework_id: str) -> Framework | None:
        return self._by_id.get(framework_id.strip().upper())

    def __iter__(self) -> Iterator[Framework]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return [framework.id for framework in self._by_id.values()]

    def for_country(self, country: str) -> list[Framework]:
        """Frameworks of a country given as ISO alpha-2 (``GB``; ``UK`` and ``EL`` are accepted too), or of a
        part of it given as a framework id prefix (``UK-SCT``, ``BE-FL``)."""
        wanted = country.strip().upper()
        if "-" in wanted:
            return [framework for framework in self if framework.id.startswith(wanted + "-")]
        wanted = _COUNTRY_ALIASES.get(wanted, wanted)
        return [framework for framework in self if framework.country == wanted]

    def find_label(self, label: str, *, country: str | None = None) -> tuple[Framework, FrameworkLevel] | None:
        """The framework level a European Learning Model label names (``"CROQF Level 7.1"``).

        A few labels are shared by frameworks of different countries (``"QNQ Level 6"`` in Italy and Portugal);
        without ``country`` such a label gives None rather than a guess.
        """
        matches = self._by_label.get(_key(label), [])
        if country is not None:
            in_country = {framework.id for framework in self.for_country(country)}
            matches = [match for match in matches if match[0].id in in_country]
        return matches[0] if len(matches) == 1 else None

    def find_uri(self, uri: str) -> tuple[Framework, FrameworkLevel] | None:
        """The framework level a national-framework vocabulary concept names
        (``http://data.europa.eu/snb/qdr/c_…``), as Europass credentials carry it; None for an unknown concept
        or for a concept that names a whole framework."""
        found = self._by_uri.get(_uri_key(uri))
        if found is None or found[1] is None:
            return None
        return found[0], found[1]

    def framework_for_uri(self, uri: str) -> Framework | None:
        """The framework whose concept (or one of whose levels' concepts) ``uri`` is."""
        found = self._by_uri.get(_uri_key(uri))
        return found[0] if found else None

    def suggest(self, framework_id: str, limit: int = 3) -> list[str]:
        """Known ids close to a mistyped one, closest first."""
        scored = sorted((-_closeness(framework_id, known), known) for known in self.ids())
        return [known for score, known in scored if -score >= _SUGGESTION_CUTOFF][:limit]


_SUGGESTION_CUTOFF = 60


def _closeness(typed: str, framework_id: str) -> float:
    """How alike two ids are (0-110). The country part is usually typed right, so a matching country counts
    extra and lets the acronym alone decide; an id typed without a country is compared by its acronym."""
    from rapidfuzz import fuzz  # loaded with the first mistyped id, not by every command that reads frameworks

    typed_key, known_key = _key(typed), _key(framework_id)
    typed_acronym, known_acronym = typed_key.rsplit("-", 1)[-1], known_key.rsplit("-", 1)[-1]
    if "-" not in typed_key:
        return fuzz.ratio(typed_acronym, known_acronym)
    whole = fuzz.ratio(typed_key, known_key)
    if typed_key.split("-", 1)[0] != known_key.split("-", 1)[0]:
        return whole
    return max(whole, fuzz.ratio(typed_acronym, known_acronym)) + 10


def _uri_key(uri: str) -> str:
    """Concept URIs compared as written by publishers: scheme, a trailing slash and case do not matter."""
    return re.sub(r"^https?://", "", uri.strip()).rstrip("/").casefold()


# --- loading ---


def framework_schema() -> dict[str, Any]:
    return load_schema(FRAMEWORK_SCHEMA)


def load_frameworks(*directories: Path) -> FrameworkRegistry:
    """Every ``*.json`` framework file in ``directories``; a later directory's file replaces an earlier one with
    the same framework id. Any unusable file raises :class:`FrameworkDataError`."""
    frameworks: dict[str, Framework] = {}
    passed: list[str] = []
    for directory in directories:
        if not directory.is_dir():
            raise FrameworkDataError(str(directory), [Problem("", phrase("is not a folder of framework files"))])
        for path in sorted(directory.glob("*.json")):
            if not path.name.startswith("."):
                framework = load_framework_file(path, passed)
                frameworks[framework.id.upper()] = framework
    checked_data.REFERENCE_DATA.remember(passed)
    return FrameworkRegistry(frameworks.values())


def load_framework_file(path: Path, passed: list[str] | None = None) -> Framework:
    """One framework file, checked against its schema unless the same bytes passed before
    (``recogniser.checked_data``); the check that passed is added to ``passed`` for the caller to remember."""
    source = str(path)
    try:
        raw = path.read_bytes()
        document = json.loads(raw.decode("utf-8-sig"))
    except OSError as error:
        raise FrameworkDataError(source, [Problem("", cannot_read(error))]) from None
    except UnicodeDecodeError as error:
        message = phrase("not UTF-8 text (offset {offset})", offset=error.start)
        raise FrameworkDataError(source, [Problem("", message)]) from None
    except json.JSONDecodeError as error:
        raise FrameworkDataError(source, [Problem("", not_json(error).reason)]) from None
    except RecursionError:
        raise FrameworkDataError(source, [Problem("", phrase("not valid JSON: nested too deeply"))]) from None
    key = checked_data.digest(_schema_name(document), raw)
    problems = (
        [] if checked_data.REFERENCE_DATA.checked_before(key) else _schema_problems(document)
    ) or _consistency_problems(document, path)
    if problems:
        raise FrameworkDataError(source, problems)
    if passed is not None:
        passed.append(key)
    return _build_framework(document)


def check_framework_document(document: Any, path: Path) -> None:
    """Raise FrameworkDataError, naming ``path`` and the field, when ``document`` is not a framework file that
    would load under that name."""
    problems = _schema_problems(document) or _consistency_problems(document, path)
    if problems:
        raise FrameworkDataError(str(path), problems)


def _schema_name(document: Any) -> str:
    is_format_1 = isinstance(document, dict) and document.get("format") == "recogniser-framework/1"
    return _FORMAT_1_SCHEMA if is_format_1 else FRAMEWORK_SCHEMA


def _schema_problems(document: Any) -> list[Problem]:
    problems: dict[str, Problem] = {}
    for error in schema_validator(_schema_name(document)).iter_errors(document):
        problem = _problem(error)
        problems.setdefault(problem.path, problem)
    return sorted(problems.values(), key=lambda problem: problem.path)


def _problem(error: ValidationError) -> Problem:
    path = error.json_path.removeprefix("$").removeprefix(".")
    if error.validator in {"required", "additionalProperties"}:
        # Name the missing or unexpected field itself, not the object that holds it.
        names = re.findall(r"'([^']+)'", error.message)
        field = ".".join(part for part in (path, names[0] if names else "") if part)
        message = (
            phrase("is required") if error.validator == "required" else phrase("is not a field of a framework file")
        )
        return Problem(field, message)
    return Problem(path, schema_message(error))


def _consistency_problems(document: dict[str, Any], path: Path) -> list[Problem]:
    """What the schema cannot say: the file name, the country in the id, unique levels, cycle against EQF."""
    problems = []
    framework_id, country = document["id"], document["country"]
    if path.stem != framework_id:
        problems.append(
            Problem(
                "id",
                phrase(
                    "is {id} but the file is named {file}; name it {wanted}",
                    id=framework_id,
                    file=path.name,
                    wanted=f"{framework_id}.json",
                ),
            )
        )
    id_country = framework_id.split("-", 1)[0]
    if _COUNTRY_ALIASES.get(id_country, id_country) != country:
        message = phrase(
            "is {country} but the id {id} starts with {prefix}", country=country, id=framework_id, prefix=id_country
        )
        problems.append(Problem("country", message))
    seen_ids: set[str] = set()
    seen_labels: set[str] = set()
    seen_uris: set[str] = set()
    for index, level in enumerate(document["levels"]):
        field = f"levels[{index}]"
        if _key(level["id"]) in seen_ids:
            problems.append(Problem(f"{field}.id", phrase("level {level} appears twice", level=quoted(level["id"]))))
        for place, label in [("label", level["label"])] + [
            (f"aliases[{number}]", alias) for number, alias in enumerate(level.get("aliases", ()))
        ]:
            if _key(label) in seen_labels:
                problems.append(Problem(f"{field}.{place}", phrase("label {label} appears twice", label=quoted(label))))
            seen_labels.add(_key(label))
        if level.get("uri"):
            if _uri_key(level["uri"]) in seen_uris:
                problems.append(Problem(f"{field}.uri", phrase("concept {uri} appears twice", uri=level["uri"])))
            seen_uris.add(_uri_key(level["uri"]))
        seen_ids.add(_key(level["id"]))
        cycle, eqf_level = level["cycle"], level["eqf_level"]
        if cycle is not None and _EQF_OF_CYCLE[Cycle(cycle)] != eqf_level:
            problems.append(
                Problem(
                    f"{field}.cycle",
                    phrase(
                        "{cycle} corresponds to EQF {eqf}, not {level}",
                        cycle=cycle,
                        eqf=_EQF_OF_CYCLE[Cycle(cycle)],
                        level=eqf_level,
                    ),
                )
            )
    return problems


def _build_framework(document: dict[str, Any]) -> Framework:
    return Framework(
        id=document["id"],
        country=document["country"],
        name=document["name"],
        source=document["source"],
        notes=document["notes"],
        uri=document.get("uri"),
        eqf_checked_in=_check(document.get("eqf_checked_in")),
        levels=tuple(
            FrameworkLevel(
                id=level["id"],
                label=level["label"],
                eqf_level=level["eqf_level"],
                cycle=None if level["cycle"] is None else Cycle(level["cycle"]),
                description=level.get("description"),
                uri=level.get("uri"),
                aliases=tuple(level.get("aliases", ())),
                eqf_checked_in=_check(level.get("eqf_checked_in")),
            )
            for level in document["levels"]
        ),
    )


def _check(entry: dict[str, Any] | None) -> EqfCheck | None:
    if entry is None:
        return None
    return EqfCheck(
        document=entry["document"],
        section=entry["section"],
        read_on=date.fromisoformat(entry["read_on"]),
        published=entry.get("published"),
        url=entry.get("url"),
    )


@cache
def default_frameworks() -> FrameworkRegistry:
    """The shipped frameworks, with an office's corrections from the user data folder replacing them by id."""
    directories = [data_dir() / FRAMEWORKS_FOLDER]
    corrections = user_data_path() / FRAMEWORKS_FOLDER
    if corrections.is_dir():
        directories.append(corrections)
    return load_frameworks(*directories)
