"""EQAR-registered quality assurance agencies and a fuzzy look-up by name or acronym.

Evidence of external quality assurance counts as strong only when the agency was on the EQAR register on the day
judged (ESG 2015 Part 3; docs/user/reference-data.md). It keeps each agency's history: its EQAR number and its
DEQAR address number (``https://data.deqar.eu/agency/{deqar_id}``), its periods of registration, and former
and suspended entries with their dates and reason, as of the data's date. A day the data cannot speak for (after
the last registration they record, since they are older) is said to be beyond the data, never "unregistered".
An office refreshes the register from a DEQAR export (``recogniser data import-agencies``), which writes
``user_data_path()/qa_agencies.json``; that file replaces the shipped one.

The look-up never guesses silently: a text that fits two agencies about equally well, or fits one only through
generic words ("Accreditation Council"), is ``AMBIGUOUS`` and carries the candidates; a text that fits none well
enough is ``NOT_FOUND`` with the nearest ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from recogniser.transliteration import to_latin

#: EQAR registers an agency for five years at a time (renewal after an external review every five years): a
#: registration whose end the data do not state is taken to run five years from its start.
REGISTRATION_YEARS = 5

# Cut-offs on the 0–100 name score (the mean of rapidfuzz's token-set and token-sort ratios over normalised text).
# The token-set ratio forgives word order and extra words; the token-sort ratio keeps a fragment such as
# "Science" from scoring like a whole name. Measured on the shipped list: a full name with a typo scores 97–99, a
# full name plus a word ("Croatian ...") about 94, "Higher Education" 84, a single shared word ("Science") about 68.
#: At or above this a name may name the agency; below it the result is NOT_FOUND with the nearest candidates.
FOUND_CUTOFF = 85.0
#: Agencies within this many points of the best are equally plausible: the result is AMBIGUOUS, never a pick.
#: Generic phrases land here: "Quality Assurance Agency" scores 91 for SQAA with QAA, AQU, AAQ, AQ Austria and
#: NOKUT within ten points, while a full name with a typo leads the next agency by more than ten.
AMBIGUITY_MARGIN = 10.0
#: How many candidates an AMBIGUOUS or NOT_FOUND result carries, best first.
MAX_CANDIDATES = 8
#: A NOT_FOUND result offers as "did you mean" only names scoring at least this, and acronyms at least
#: CODE_CANDIDATE_CUTOFF (rapidfuzz ratio): below them a candidate shares no more than generic words or letters.
#: Calibrated on the 47 labelled name variants in tests/agency_names.py (bench/agency_lookup_calibration.py prints
#: the errors at each cut-off): with FOUND_CUTOFF 85 no variant is matched to a wrong agency and none is missed;
#: candidates below 85 are unrelated names ("British Council" offered BAC at 84).
CANDIDATE_CUTOFF = 85.0
CODE_CANDIDATE_CUTOFF = 75.0
#: Autocomplete hides suggestions scoring below this: they share no more than a common word with the text.
SEARCH_CUTOFF = 55.0

# Function words carry no identity ("Agency for Science and Higher Education" = "Science Higher Education Agency").
_STOP_WORDS = frozenset({"the", "for", "and", "of"})
# Acronyms and short aliases match exactly or not at all: a one-letter slip turns "AQA" into "AQAS", another agency.
_MAX_CODE_LENGTH = 12
# An acronym of up to two words ("AQ Austria") and at least three letters is recognised inside a longer text;
# two-letter ones ("AI") only on their own, since short words occur in ordinary names.
_MAX_CODE_WORDS = 2
_MIN_CODE_IN_TEXT = 3
#: Two words are the same word with a slip of about one letter in six ("Educaton", "Comittee").
WORD_MATCH = 85.0
_K = TypeVar("_K")


class RegistrationState(StrEnum):
    """What the register's history says about a day."""

    REGISTERED = "registered"
    NOT_YET_REGISTERED = "not_yet_registered"
    SUSPENDED = "suspended"
    #: A former entry: the registration had ended, and the data say why.
    NO_LONGER_REGISTERED = "no_longer_registered"
    #: The last registration the data record ended before the day; a renewal since is not in the data.
    BEYOND_THE_DATA = "beyond_the_data"
    DATES_UNKNOWN = "dates_unknown"


class EntryStatus(StrEnum):
    """The agency's standing on the register as of the data's date."""

    REGISTERED = "registered"
    SUSPENDED = "suspended"
    FORMER = "former"


@dataclass(frozen=True)
class Period:
    """One period of registration; ``until`` None where the data do not state its end."""

    start: date
    until: date | None = None

    def end(self) -> date:
        """The last day: as stated, else five years from the start."""
        if self.until is not None:
            return self.until
        try:
            return self.start.replace(year=self.start.year + REGISTRATION_YEARS) - timedelta(days=1)
        except ValueError:  # 29 February
            return self.start.replace(year=self.start.year + REGISTRATION_YEARS, day=28)


class MatchStatus(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


@dataclass(frozen=True)
class Agency:
    #: The number in DEQAR's web addresses (``https://data.deqar.eu/agency/37``), where known.
    deqar_id: int | None
    acronym: str
    name: str
    country: str
    #: The latest period of registration the data record.
    registered_from: date | None
    registered_until: date | None
    source: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    #: For agencies added from knowledge whose exact registration date is not recorded.
    approximate_registration_year: int | None = None
    #: EQAR's register number (what DEQAR's own records call ``deqar_id``).
    register_id: int | None = None
    #: Earlier periods of registration, oldest first.
    earlier_periods: tuple[Period, ...] = ()
    status: EntryStatus = EntryStatus.REGISTERED
    #: Since when a suspended or former entry has been so, and why.
    status_since: date | None = None
    status_reason: str | None = None

    @property
    def periods(self) -> tuple[Period, ...]:
        latest = () if self.registered_from is None else (Period(self.registered_from, self.registered_until),)
        return (*self.earlier_periods, *latest)

    def registration_on(self, day: date) -> RegistrationState:
        """The agency's standing on ``day`` as far as the data go."""
        if self.status is not EntryStatus.REGISTERED and self.status_since is not None and day >= self.status_since:
            return (
                RegistrationState.SUSPENDED
                if self.status is EntryStatus.SUSPENDED
                else RegistrationState.NO_LONGER_REGISTERED
            )
        periods = self.periods
        if not periods:
            return RegistrationState.DATES_UNKNOWN
        if day < min(period.start for period in periods):
            return RegistrationState.NOT_YET_REGISTERED
        if any(period.start <= day <= period.end() for period in periods):
            return RegistrationState.REGISTERED
        if self.status is EntryStatus.FORMER and day > max(period.end() for period in periods):
            return RegistrationState.NO_LONGER_REGISTERED
        return RegistrationState.BEYOND_THE_DATA

    def registered_on(self, day: date) -> bool:
        return self.registration_on(day) is RegistrationState.REGISTERED

    def deqar_address(self) -> str | None:
        return f"https://data.deqar.eu/agency/{self.deqar_id}" if self.deqar_id is not None else None


@dataclass(frozen=True)
class AgencyMatch:
    query: str
    status: MatchStatus
    agency: Agency | None
    score: float
    candidates: tuple[Agency, ...]


def normalise(text: str) -> str:
    """Case, accents, punctuation and function words removed, Cyrillic and Greek spelt in Latin letters; words
    kept in order, separated by one space."""
    decomposed = unicodedata.normalize("NFKD", to_latin(text))
    unaccented = "".join(character for character in decomposed if not unicodedata.combining(character))
    words = re.findall(r"[^\W_]+", unaccented.casefold())
    return " ".join(word for word in words if word not in _STOP_WORDS)


def _exact_keys(normalised: str) -> tuple[str, str]:
    """Punctuation- and spacing-blind keys: "AQ Austria" = "aq-austria"; the second also ignores word order."""
    words = normalised.split()
    return "".join(words), "".join(sorted(words))


class AgencyRegister:
    """The agencies known on ``as_of``, indexed once so that a look-up takes well under a millisecond."""

    def __init__(self, as_of: date, source: str, agencies: Iterable[Agency], retrieved_on: date | None = None) -> None:
        self.as_of = as_of
        self.source = source
        #: The day an office retrieved the export it imported; None for the shipped data.
        self.retrieved_on = retrieved_on
        self.agencies = tuple(agencies)
        self._by_key: dict[str, list[Agency]] = {}
        # Acronyms written as words inside a longer text: ("aq", "austria") in "AQ Austria, Vienna".
        self._by_code_words: dict[tuple[str, ...], list[Agency]] = {}
        # Parallel lists: rapidfuzz scores every label in one C-level pass.
        self._names: list[str] = []
        self._name_owners: list[Agency] = []
        self._codes: list[str] = []
        self._code_owners: list[Agency] = []
        self._name_words: dict[Agency, list[list[str]]] = {}
        self._word_owners: dict[str, set[Agency]] = {}
        for agency in self.agencies:
            for label in dict.fromkeys((agency.acronym, agency.name, *agency.aliases)):
                self._index(agency, normalise(label), is_code=label == agency.acronym)

    def _index(self, agency: Agency, label: str, *, is_code: bool) -> None:
        if not label:
            return
        for key in set(_exact_keys(label)):
            _add(self._by_key, key, agency)
        words = label.split()
        for word in words:
            self._word_owners.setdefault(word, set()).add(agency)
        if is_code or len(label.replace(" ", "")) <= _MAX_CODE_LENGTH:
            self._codes.append(label)
            self._code_owners.append(agency)
            if len(words) <= _MAX_CODE_WORDS and len(label) >= _MIN_CODE_IN_TEXT:
                _add(self._by_code_words, tuple(words), agency)
        else:
            self._names.append(label)
            self._name_owners.append(agency)
            self._name_words.setdefault(agency, []).append(words)

    # --- look-up ---

    def lookup(self, text: str, country: str | None = None) -> AgencyMatch:
        """The agency ``text`` names, or AMBIGUOUS/NOT_FOUND with candidates.

        An exact name, alias or acronym names its agency wherever it is based (agencies work across borders).
        A name that only resembles one is matched, and offered as a candidate, only among the agencies of
        ``country`` where it is given: names of agencies in different countries share their generic words
        ("National Agency for Higher Education Quality Assurance" is Ukraine's, not the UK's QAA).
        """
        query = normalise(text)
        if not query:
            return AgencyMatch(text, MatchStatus.NOT_FOUND, None, 0.0, ())
        exact = self._exact(query)
        if exact:
            return _decide(text, [(agency, 100.0) for agency in exact], country)
        wanted = _country_code(country)
        ranked = [item for item in self._ranked_by_name(query) if wanted is None or item[0].country == wanted]
        # An acronym written inside the text ("... Higher Education (ASHE)") names its agency as surely as an
        # exact name; a name pointing elsewhere then stays close enough to make the result ambiguous.
        named = self._codes_in(query)
        if named:
            return _decide(text, _best_per_agency([*ranked, *((agency, 100.0) for agency in named)]), country)
        if not ranked or ranked[0][1] < FOUND_CUTOFF:
            return self._not_found(text, query, ranked, wanted)
        return _decide(text, ranked, country, specific=self._is_specific(query, ranked[0][0]))

    def search(self, text: str, limit: int = 8) -> list[tuple[Agency, float]]:
        """Suggestions for a partly typed name or acronym, best first (for autocomplete)."""
        query = normalise(text)
        if not query or limit <= 0:
            return []
        compact = query.replace(" ", "")
        prefixes = query.split()
        best: dict[Agency, float] = {}
        for labels, owners in ((self._codes, self._code_owners), (self._names, self._name_owners)):
            for label, agency in zip(labels, owners, strict=True):
                score = _suggestion_score(compact, prefixes, label)
                if score > best.get(agency, 0.0):
                    best[agency] = score
        for agency, score in self._ranked_by_name(query):
            best[agency] = max(best.get(agency, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0].acronym.casefold()))
        return [(agency, score) for agency, score in ranked if score >= SEARCH_CUTOFF][:limit]

    def _exact(self, query: str) -> list[Agency]:
        ordered, unordered = _exact_keys(query)
        return self._by_key.get(ordered) or self._by_key.get(unordered) or []

    def _codes_in(self, query: str) -> list[Agency]:
        words = query.split()
        named: list[Agency] = []
        for size in range(1, _MAX_CODE_WORDS + 1):
            for start in range(len(words) - size + 1):
                for agency in self._by_code_words.get(tuple(words[start : start + size]), ()):
                    if agency not in named:
                        named.append(agency)
        return named

    def _is_specific(self, query: str, agency: Agency) -> bool:
        """Whether the text says enough to name ``agency``: all of one of its names, or a word only it uses.

        "Accreditation Council" fits "British Accreditation Council" well but leaves out the one word that makes
        it BAC; such a text is only a candidate.
        """
        from rapidfuzz import fuzz  # loaded with the first name looked up, not by every command that assesses

        query_words = query.split()
        if any(self._word_owners.get(word) == {agency} for word in query_words):
            return True
        return any(
            all(any(fuzz.ratio(word, typed) >= WORD_MATCH for typed in query_words) for word in name)
            for name in self._name_words.get(agency, ())
        )

    def _ranked_by_name(self, query: str) -> list[tuple[Agency, float]]:
        return _best_per_agency(_scored(query, self._names, self._name_owners))

    def _not_found(self, text: str, query: str, ranked: list[tuple[Agency, float]], country: str | None) -> AgencyMatch:
        # Near acronyms help the person see what they may have meant ("NVOA" -> NVAO), but never decide; only
        # candidates close enough to be a slip, and in the country where one is given, are offered.
        from rapidfuzz import fuzz

        near_codes = [
            (agency, score)
            for agency, score in _scored(query, self._codes, self._code_owners, scorer=fuzz.ratio)
            if score >= CODE_CANDIDATE_CUTOFF and (country is None or agency.country == country)
        ]
        near_names = [(agency, score) for agency, score in ranked if score >= CANDIDATE_CUTOFF]
        nearest = _best_per_agency([*near_names, *near_codes])
        score = ranked[0][1] if ranked else 0.0
        candidates = tuple(agency for agency, _ in nearest[:MAX_CANDIDATES])
        return AgencyMatch(text, MatchStatus.NOT_FOUND, None, score, candidates)


def _country_code(country: str | None) -> str | None:
    """An ISO alpha-2 code as the data write it (``UK`` is ``GB``, ``EL`` is ``GR``); None when not given."""
    if not country or not country.strip():
        return None
    code = country.strip().upper()
    return {"UK": "GB", "EL": "GR"}.get(code, code)


def _add(index: dict[_K, list[Agency]], key: _K, agency: Agency) -> None:
    owners = index.setdefault(key, [])
    if agency not in owners:
        owners.append(agency)


def _scored(query: str, labels: list[str], owners: list[Agency], scorer: Any = None) -> list[tuple[Agency, float]]:
    """Each label's score; by default the mean of the token-set and token-sort ratios (see the cut-offs above)."""
    from rapidfuzz import fuzz, process

    if scorer is None:
        set_scores = process.extract(query, labels, scorer=fuzz.token_set_ratio, processor=None, limit=None)
        sort_scores = {
            index: score
            for _, score, index in process.extract(
                query, labels, scorer=fuzz.token_sort_ratio, processor=None, limit=None
            )
        }
        return [(owners[index], (score + sort_scores[index]) / 2) for _, score, index in set_scores]
    return [
        (owners[index], float(score))
        for _, score, index in process.extract(query, labels, scorer=scorer, processor=None, limit=None)
    ]


def _best_per_agency(scored: Iterable[tuple[Agency, float]]) -> list[tuple[Agency, float]]:
    best: dict[Agency, float] = {}
    for agency, score in scored:
        if score > best.get(agency, -1.0):
            best[agency] = score
    # Ties are ordered by acronym so that the same text always gives the same candidates.
    return sorted(best.items(), key=lambda item: (-item[1], item[0].acronym.casefold()))


def _decide(
    text: str, ranked: list[tuple[Agency, float]], country: str | None, *, specific: bool = True
) -> AgencyMatch:
    """One clear, specific best is FOUND; otherwise AMBIGUOUS. Among exact names or acronyms that several
    agencies share, ``country`` picks the one based there."""
    best_score = ranked[0][1]
    close = [agency for agency, score in ranked if score >= best_score - AMBIGUITY_MARGIN]
    wanted = _country_code(country)
    if wanted:
        in_country = [agency for agency in close if agency.country == wanted]
        if len(in_country) == 1 and len(close) > 1 and specific:
            return AgencyMatch(text, MatchStatus.FOUND, in_country[0], dict(ranked)[in_country[0]], ())
        close.sort(key=lambda agency: agency not in in_country)
    if len(close) == 1 and specific:
        return AgencyMatch(text, MatchStatus.FOUND, close[0], best_score, ())
    return AgencyMatch(text, MatchStatus.AMBIGUOUS, None, best_score, tuple(close[:MAX_CANDIDATES]))


def _suggestion_score(compact: str, prefixes: list[str], label: str) -> float:
    """Typing-as-you-go: a label the text starts ranks first, then labels whose words the typed words start,
    the more of the label the text covers the higher."""
    label_compact = label.replace(" ", "")
    if label_compact == compact:
        return 100.0
    if label_compact.startswith(compact):
        return 95.0
    words = label.split()
    started = [word for word in words if any(word.startswith(prefix) for prefix in prefixes)]
    if all(any(word.startswith(prefix) for word in words) for prefix in prefixes):
        return 85.0 + 10.0 * len(started) / len(words)
    return 0.0
