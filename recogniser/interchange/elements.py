"""The Annex I elements and the record of where each imported value came from.

A mapper fills a :class:`CredentialDraft`: every value it puts into the case's ``credential`` object is filed
under the Annex I element it belongs to, with the JSON path it was read from and whether it was read as stated
(``mapped``) or inferred (``guessed``). Elements nobody filled are reported ``missing`` with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from recogniser.annex_i import ANNEX_I_ELEMENTS, annex_element
from recogniser.interchange.jsonld import LocalText, calendar_day, local_text
from recogniser.interchange.vocabulary import national_level, national_level_by_uri, provider_kind

MANDATORY_ELEMENTS = frozenset(element.number for element in ANNEX_I_ELEMENTS if element.mandatory)

#: The largest workloads a case file accepts (recogniser/schemas/case-1.schema.json).
MAX_ECTS = 1000
MAX_HOURS = 30000


class ElementStatus(StrEnum):
    MAPPED = "mapped"
    GUESSED = "guessed"
    MISSING = "missing"


@dataclass(frozen=True)
class ElementReport:
    """Where one Annex I element of the imported case came from.

    ``source`` is the JSON path the value was read from (several joined by ``; ``), what a guess was based on,
    or why the element is missing. ``value`` is the value as it went into the case, for display.
    """

    number: int
    status: ElementStatus
    source: str
    value: str

    @property
    def element(self) -> str:
        """The element's number and name in the language in use ("2. Title of the micro-credential")."""
        return element_label(self.number, annex_element(self.number).label)


def element_label(number: int, name: str | None = None) -> str:
    """ "2. Title of the micro-credential": the element's number and name (English unless ``name`` is given)."""
    text = name if name is not None else annex_element(number).name
    return f"{number}. {text[:1].upper()}{text[1:]}"


@dataclass
class _Entry:
    sources: list[str]
    values: list[str]
    guesses: list[str]

    @property
    def status(self) -> ElementStatus:
        return ElementStatus.GUESSED if self.guesses else ElementStatus.MAPPED


class CredentialDraft:
    """The ``credential`` object of a case under construction, with the provenance of every value."""

    def __init__(self) -> None:
        self.credential: dict[str, Any] = {}
        self.warnings: list[str] = []
        #: What the credential says that the case cannot hold or the import could not use, and why.
        self.not_used: list[str] = []
        self.further_information: list[str] = []
        self._entries: dict[int, _Entry] = {}
        self._missing: dict[int, str] = {}
        self._incomplete: dict[int, str] = {}

    def put(
        self, number: int, path: str, value: Any, source: str, *, guessed: bool = False, shown: str | None = ""
    ) -> None:
        """Set ``credential.<path>`` to ``value`` and file it under Annex I element ``number``.

        ``shown`` is how the value is displayed in the report: empty for the value itself, None for nothing
        (when an earlier value of the same element already shows it).
        """
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 5 ECTS is written 5, not 5.0
        target = self.credential
        *parents, leaf = path.split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
        entry = self._entries.setdefault(number, _Entry([], [], []))
        if guessed:
            entry.guesses.append(source)
        if source not in entry.sources:
            entry.sources.append(source)
        if shown is not None:
            entry.values.append(shown or _shown(value))

    def put_title(self, candidates: Iterable[tuple[Any, str]], preferred: tuple[str, ...]) -> LocalText | None:
        """Element 2 from the first (value, path) with a text, in the first ``preferred`` language it has.

        The chosen language becomes the case language when the credential declares none or offered a choice;
        the other languages are kept under further information.
        """
        tried = []
        for value, path in candidates:
            tried.append(path)
            title = local_text(value, preferred)
            if title is None:
                continue
            if title.language and (title.others or "language" not in self.credential):
                self.credential["language"] = title.language
            self.put(2, "title", title.text, path)
            others = "; ".join(f"{language}: {text}" for language, text in title.others.items() if language)
            if others:
                self.note(f"Title in other languages: {others}")
            return title
        self.missing(2, f"neither {' nor '.join(tried)} is given")
        return None

    def guess_provider_kind(self, name: str, path: str) -> None:
        """The awarding body's kind, when its name says it (``University``, ``GmbH``): a guess, reported as one."""
        found = provider_kind(name)
        if found is not None:
            kind, word = found
            source = f"{path} contains '{word}'"
            self.put(4, "awarding_body.kind", kind.value, source, guessed=True, shown=f"kind: {kind.value}?")

    def put_issue_date(self, candidates: Iterable[tuple[Any, str]]) -> None:
        """Element 5 from the first (value, path) that is an ISO 8601 date; unreadable ones are warned about, and
        so are other dates the credential gives that fall on another day."""
        tried = []
        taken: tuple[str, str] | None = None
        for value, path in candidates:
            tried.append(path.rsplit(".", 1)[-1])
            found = calendar_day(value)
            if found is None:
                if value is not None:
                    self.warn(f"{path} '{value}' is not an ISO 8601 date; ignored.")
                continue
            if taken is None:
                taken = (found.day.isoformat(), path)
                self.put(5, "issue_date", found.day.isoformat(), path, guessed=found.note is not None)
                if found.note:
                    self.warn(f"{path} {found.note}.")
            elif found.day.isoformat() != taken[0] and "." not in path:
                # The credential's own dates (not an awarding date, which may well come earlier) should agree.
                self.warn(
                    f"{path} gives {found.day.isoformat()}, another day than {taken[1]} ({taken[0]}), which is "
                    "taken as the date of issuing; check which one the issuer means."
                )
        if taken is None:
            self.missing(5, f"no {', '.join(tried[:-1])} or {tried[-1]}")

    def put_national_level(self, labels: Iterable[str], path: str, uris: Iterable[str] = ()) -> None:
        """The level one of ``uris`` (ELM concepts) names, else the first of ``labels`` (``CROQF Level 7.1``) the
        framework data knows; else keep it and warn."""
        for uri in uris:
            by_uri = national_level_by_uri(uri)
            if by_uri is not None:
                shown = f"{by_uri.framework} {by_uri.level} (concept {uri})"
                self.put(8, "level.framework", by_uri.framework, path, shown=shown)
                self.put(8, "level.nqf_level", by_uri.level, path, shown=None)
                return
        candidates = [label for label in labels if label]
        for label in candidates:
            found = national_level(label, self.credential.get("issuer_country"))
            if found is not None:
                shown = f"{found.framework} {found.level} ('{label}')"
                self.put(8, "level.framework", found.framework, path, shown=shown)
                self.put(8, "level.nqf_level", found.level, path, shown=None)
                return
        if candidates:
            self.warn(f"National framework level '{candidates[0]}' is not in the framework data; not mapped.")
            self.note(f"National framework level: {candidates[0]}")

    def decision_not_recorded(self, record: str) -> None:
        """An accreditation recorded without its decision: the decision is left for the evaluator to establish.

        Reading it as positive would let a guess decide the quality grade, and with it the recommendation.
        """
        self.warn(
            f"{record} is recorded without a decision; the decision is left empty: establish it on DEQAR or "
            "with the agency."
        )

    def plausible_workload(self, value: float, largest: float, unit: str) -> bool:
        """Whether a workload is within what a case file accepts; an implausible one is warned about."""
        if 0 <= value <= largest:
            return True
        self.warn(f"A workload of {value:g} {unit} is implausible; not used.")
        return False

    def incomplete(self, number: int, reason: str) -> None:
        """Element ``number`` has values, but not what it needs (a learner named only by an e-mail address): it is
        reported missing, with ``reason``, and its values are kept."""
        self._incomplete.setdefault(number, reason)

    def missing(self, number: int, reason: str) -> None:
        """Say why element ``number`` could not be filled (the first reason given is kept)."""
        self._missing.setdefault(number, reason)

    def has(self, number: int) -> bool:
        return number in self._entries

    def note(self, line: str) -> None:
        """Keep something the case has no field for under further information (element 16)."""
        if line not in self.further_information:
            self.further_information.append(line)

    def not_using(self, line: str) -> None:
        if line not in self.not_used:
            self.not_used.append(line)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def finish(self) -> tuple[dict[str, Any], tuple[ElementReport, ...]]:
        """The credential object and one report per Annex I element, in Annex I order."""
        guessed = [
            f"{element_label(number)} ({'; '.join(entry.guesses)})"
            for number, entry in sorted(self._entries.items())
            if entry.guesses
        ]
        if guessed:
            # The case format has no provenance field, so the guesses travel with the case as text.
            self.note("Guessed on import, to be checked: " + "; ".join(guessed))
        if self.further_information:
            self.put(16, "further_information", "\n".join(self.further_information), "several places in the credential")
        reports = []
        for number in range(1, len(ANNEX_I_ELEMENTS) + 1):
            entry = self._entries.get(number)
            if entry is not None and number in self._incomplete:
                value = "; ".join(entry.values)
                reports.append(ElementReport(number, ElementStatus.MISSING, self._incomplete[number], value))
            elif entry is None:
                reason = self._missing.get(number, "not in the credential")
                reports.append(ElementReport(number, ElementStatus.MISSING, reason, ""))
            else:
                value = "; ".join(entry.values)
                reports.append(ElementReport(number, entry.status, "; ".join(entry.sources), value))
        return self.credential, tuple(reports)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return f"{len(value)} item" + ("" if len(value) == 1 else "s")
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "..."
