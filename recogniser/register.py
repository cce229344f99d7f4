"""The register of recognition decisions: every final decision the office recorded, fit for publication.

Offices are asked to keep and publish records of their decisions so that applicants can know in advance what to
expect (LRC Art. III.2: transparent, coherent and reliable procedures and criteria). An entry
gives the credential (title, awarding body, countries, level, ECTS; for a stack of several credentials, each
one's title joined by " + ", the rest as below), the target, the purpose, the outcome, the credits, the date and
the basis — and **never the learner's personal data**: no name, identifier, date of birth or refugee status, and
no case reference (an office's references can be looked up against its files). The evaluator's reasons are
published with the learner's name (in any script, and declined), identifier and date of birth (in the usual ways
of writing a date) blanked out, and the office's case references, and every sentence that speaks of a refugee or
protection status left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import IO, Any, NamedTuple

from recogniser.casefile import credential_documents
from recogniser.credential_summary import CredentialSummary
from recogniser.model import Outcome, plain_number
from recogniser.textkeys import fold, latin_key

REGISTER_FORMAT = "recogniser-register/1"

#: What stands in for the learner's personal data in published reasons.
WITHHELD = "[withheld]"

#: The beginnings of words (folded: lower case, no accents) that tell of a refugee or protection status, in the
#: languages of the office's cases (English, French, German, Spanish, Italian, the Slavic languages in both
#: scripts): a sentence holding one is left out of published reasons.
_STATUS_WORDS = re.compile(
    r"\b(refugee|refugi|asyl|asil|azil|displaced|deplace|stateless|apatrid|staatenlos|schutzsuchend|"
    r"(international|subsidiary|temporary) protection|protection (internationale|subsidiaire|temporaire)|"
    r"fluchtling|vertrieben|izbjegl|izbegl|prognan|me[dđ]unarodn\w* za[sš]tit|bizenc|бежен|біжен|избегл|"
    r"избјегл|прогнан|уточиште|притулк)\w*",
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*\s*")
_WORD = re.compile(r"\w+")
#: A word of a text as a case reference would be written: a run without spaces or punctuation around it.
_TOKEN = re.compile(r"[^\s,;:()\[\]{}\"'«»“”„]+")
#: Such a word that may be a case reference: with a digit, a hyphen, a slash or an underscore in it.
_CANDIDATE = re.compile(r"[^\s,;:()\[\]{}\"'«»“”„]*[\d/_-][^\s,;:()\[\]{}\"'«»“”„]*")
#: Languages whose names of the months a date of birth is looked for in (nominative and genitive forms).
_MONTH_LOCALES = ("en", "fr", "de", "es", "it", "pt", "nl", "hr", "sr_Latn", "sr", "uk", "ru", "pl", "cs", "el", "ka")
#: Endings a name may take when declined ("Marko" → "Marka", "Petrović" → "Petrovića"): a capitalised word that
#: is a name's stem and up to this many letters more is withheld.
_DECLENSION = 3


class RegisterEntry(NamedTuple):
    """One published decision. Field names are the CSV columns and the JSON keys. A named tuple: a register makes
    a hundred thousand of them, and a frozen dataclass took twice as long to make."""

    decision_id: int
    decided_on: str
    purpose: str
    credential_title: str | None
    awarding_body: str | None
    awarding_body_country: str | None
    issuer_country: str | None
    framework: str | None
    nqf_level: str | None
    eqf_level: int | None
    credential_ects: float | int | None
    target_title: str | None
    target_institution: str | None
    target_eqf_level: int | None
    credits_sought: float | int | None
    recommended_outcome: str
    outcome: str
    ects_recognised: float | int | None
    rulebook_version: str
    basis: str
    reasons: str | None
    divergence_reason: str | None

    @classmethod
    def of(
        cls,
        *,
        decision_id: int,
        case_document: Mapping[str, Any],
        decision: Mapping[str, Any],
        final_outcome: Outcome,
        final_ects: float | None,
        decided_at: datetime,
        justification: str | None,
        divergence_reason: str | None,
        references: Iterable[str] = (),
    ) -> RegisterEntry:
        """The entry of one final decision on the case ``case_document``; ``references`` are the office's case
        references that its reasons cite (each is withheld, as is the case's own)."""
        credentials = [_object(item) for item in credential_documents(case_document)]
        target = _object(case_document.get("target"))
        private = (
            _PersonalData.of(case_document, credentials, references) if justification or divergence_reason else None
        )
        return cls(
            decision_id,
            decided_at.date().isoformat(),
            str(case_document.get("purpose")),
            *CredentialSummary.of_credentials(credentials),
            target_title=_text(target.get("title")),
            target_institution=_text(target.get("institution")),
            target_eqf_level=_int(target.get("eqf_level")),
            credits_sought=_number(target.get("ects")) if case_document.get("purpose") != "admission" else None,
            recommended_outcome=str(_object(decision.get("recommendation")).get("outcome")),
            outcome=final_outcome.value,
            ects_recognised=plain_number(final_ects),
            rulebook_version=str(decision.get("rulebook_version")),
            basis=basis(decision),
            reasons=None if private is None else private.withheld(justification),
            divergence_reason=None if private is None else private.withheld(divergence_reason),
        )

    def values(self) -> tuple[Any, ...]:
        """The entry's values in the order of ``COLUMNS``."""
        return tuple(self)

    def to_json(self) -> dict[str, Any]:
        return dict(zip(COLUMNS, self, strict=True))


COLUMNS: tuple[str, ...] = RegisterEntry._fields


_DIFFERENCES = re.compile(r'"substantial_differences"\s*:\s*')
_DECODER = json.JSONDecoder()


def differences_of(decision_json: str) -> list[Any]:
    """The recommendation's substantial differences, read from a stored ``recogniser-decision/1`` text without
    parsing its findings (a register of many decisions reads only what it prints)."""
    found = _DIFFERENCES.search(decision_json)
    if found is None:
        return []
    differences, _end = _DECODER.raw_decode(decision_json, found.end())
    return differences if isinstance(differences, list) else []


def basis(decision: Mapping[str, Any]) -> str:
    """What the decision rests on, as published: the rulebook and, for each substantial difference, the element
    and the provision cited (the descriptions stay out: they may quote the applicant's documents). ``decision``
    is a ``recogniser-decision/1`` document."""
    rulebook = decision.get("rulebook_version")
    differences = _object(decision.get("recommendation")).get("substantial_differences") or []
    if not differences:
        return f"rulebook {rulebook}; no substantial difference found"
    cited = "; ".join(f"{_object(d).get('element')}: {_object(d).get('citation')}" for d in differences)
    return f"rulebook {rulebook}; substantial differences: {cited}"


@dataclass(frozen=True, slots=True)
class _PersonalData:
    """The learner's data in one case, and the office's case references, to blank out of published text: each word
    of the learner's name (whatever its case, accents or script, and declined), the identifier (written with or
    without its separators, and its run of digits), the date of birth in the usual ways of writing a date, and
    each reference. Each is first looked for cheaply in the text and matched in full only where it may be there:
    most reasons hold none, and a register reads a hundred thousand of them."""

    name_words: frozenset[str]  # as compared: the Latin key of each word, one spelling (``_spelling``)
    stems: tuple[tuple[str, str], ...]  # (name word, its stem) for declined forms
    identifiers: tuple[str, ...]
    births: tuple[str, ...]
    references: frozenset[str]  # in capitals

    @classmethod
    def of(
        cls, document: Mapping[str, Any], credentials: list[Mapping[str, Any]], references: Iterable[str]
    ) -> _PersonalData:
        learners = [_object(credential.get("learner")) for credential in credentials]
        keys = [key for learner in learners for key in _name_keys(_text(learner.get("name")))]
        own = _text(document.get("reference"))
        return cls(
            frozenset(word for word, _stem in keys),
            tuple(key for key in keys if len(key[1]) >= 3),
            tuple(text for learner in learners if (text := _text(learner.get("identifier")))),
            tuple(text for learner in learners if (text := _text(learner.get("date_of_birth")))),
            frozenset(reference.upper() for reference in (*references, own) if reference),
        )

    def withheld(self, text: str | None) -> str | None:
        if not text:
            return None
        reading = _reading(text)
        kept = reading.kept
        if any(reference in reading.capitals for reference in self.references):
            kept = _TOKEN.sub(self._reference_withheld, kept)
        for pattern in self._patterns(reading):
            kept = pattern.sub(WITHHELD, kept)
        # A text whose Latin form holds no word of the name, nor a stem of one, has no word of the name.
        if any(stem in reading.latin for _word, stem in self.stems) or any(
            word in reading.latin for word in self.name_words
        ):
            kept = _WORD.sub(lambda found: WITHHELD if self._is_name(found.group()) else found.group(), kept)
        return kept.strip() or None

    def _patterns(self, reading: _Reading) -> list[re.Pattern[str]]:
        """The identifiers' and dates of birth's patterns that may match in the text: an identifier's letters and
        digits, or its run of digits, must be in the text without separators, a date's year must be in it."""
        found = []
        for identifier in self.identifiers:
            if _SEPARATORS.sub("", identifier).upper() in reading.squeezed or (
                reading.long_number and (digits := _digits(identifier)) and digits in reading.kept
            ):
                found += _identifier_patterns(identifier)
        for birth in self.births:
            if birth[:4] in reading.kept or not birth[:4].isdigit():
                found.append(_birth_pattern(birth))
        return found

    def _reference_withheld(self, token: re.Match[str]) -> str:
        written = token.group()
        core = written.rstrip(".!?")
        return WITHHELD + written[len(core) :] if core.upper() in self.references else written

    def _is_name(self, word: str) -> bool:
        key = _spelling(latin_key(word).replace(" ", ""))
        if key in self.name_words:
            return True
        # Declined: a capitalised word made of a name's stem and a short ending.
        return word[:1].isupper() and any(
            key.startswith(stem) and len(key) <= len(name) + _DECLENSION for name, stem in self.stems
        )


_SEPARATORS = re.compile(r"[\s./-]")
_LONG_NUMBER = re.compile(r"\d{6}")


@dataclass(frozen=True, slots=True)
class _Reading:
    """A text as withholding reads it, once for every decision giving the same reasons (offices repeat theirs)."""

    kept: str  # without the sentences that tell of a refugee or protection status
    capitals: str
    squeezed: str  # in capitals without spaces, dots, slashes or hyphens
    latin: str  # its Latin key, in one spelling (``_spelling``)
    long_number: bool  # whether it holds six digits in a row


@lru_cache(maxsize=4096)
def _reading(text: str) -> _Reading:
    kept = text
    # Folding works letter by letter, so what a sentence folds to is part of what the whole text folds to: a text
    # whose fold holds no status word has none to leave out.
    if _STATUS_WORDS.search(fold(text)):
        kept = "".join(sentence for sentence in _SENTENCE.findall(text) if not _STATUS_WORDS.search(fold(sentence)))
    capitals = kept.upper()
    long_number = _LONG_NUMBER.search(kept) is not None
    return _Reading(kept, capitals, _SEPARATORS.sub("", capitals), _spelling(latin_key(kept)), long_number)


def _digits(identifier: str) -> str:
    """The identifier's longest run of digits when that alone identifies (six digits or more), else nothing."""
    digits = max(re.findall(r"\d+", identifier), key=len, default="")
    return digits if len(digits) >= 6 else ""


#: Letters that the transliterations of one name write differently ("Хорват": Khorvat, Horvat; "Шевченко":
#: Shevchenko, Ševčenko; "Юлия": Yuliya, Julija), compared as one.
_SPELLINGS = (("shch", "sc"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("ts", "c"), ("y", "j"))


def _name_keys(name: str | None) -> list[tuple[str, str]]:
    """Each word of a learner's name as compared, with its stem (``_word_keys``)."""
    return [key for word in _WORD.findall(name) for key in _word_keys(word)] if name else []


@lru_cache(maxsize=65_536)
def _word_keys(word: str) -> tuple[tuple[str, str], ...]:
    """A word of a learner's name as compared: its Latin key's parts in one spelling, each with its stem. Kept
    for the next name: names share their words, and transliterating one costs some microseconds."""
    return tuple((part, _stem(part)) for part in map(_spelling, latin_key(word).split()) if len(part) >= 2)


def _spelling(key: str) -> str:
    """A name's Latin key with the letters of ``_SPELLINGS`` made one."""
    for written, compared in _SPELLINGS:
        key = key.replace(written, compared)
    return key


def _stem(word: str) -> str:
    """A name word without its final vowel, which declension replaces ("marko" → "mark")."""
    return word[:-1] if word[-1:] in "aeiouy" else word


def _identifier_patterns(identifier: str) -> list[re.Pattern[str]]:
    """The identifier as written, with its separators or without ("HR-OIB-123" and "HROIB123"), and its run of
    digits (``_digits``)."""
    characters = [re.escape(character) for character in identifier if character.isalnum()]
    if not characters:
        return [re.compile(re.escape(identifier))]
    spelled = r"[\s./-]?".join(characters)
    # A short identifier only as a word of its own; a long one wherever it appears, inside a longer code too.
    found = [re.compile(spelled if len(characters) >= 5 else rf"(?<!\w){spelled}(?!\w)", re.IGNORECASE)]
    if digits := _digits(identifier):
        found.append(re.compile(rf"(?<!\d){digits}(?!\d)"))
    return found


@cache
def _birth_pattern(text: str) -> re.Pattern[str]:
    """A date of birth in the usual ways of writing a date: day, month and year as numbers in any of the three
    orders with any separator ("5.4.1990", "05/04/1990", "1990-04-05", "5. 4. 1990."), and with the month's name
    ("5 April 1990", "April 5th, 1990", "5. travnja 1990."). Not a date: the text itself."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)
    d, m, y = rf"0?{day.day}", rf"0?{day.month}", str(day.year)
    sep = r"(?:\s*[./-]\s*|\s+)"
    names = "|".join(re.escape(name) for name in sorted(_month_names(day.month), key=len, reverse=True))
    ordinal = r"(?:st|nd|rd|th|er|e)?"
    forms = [
        f"{d}{sep}{m}{sep}{y}",
        f"{m}{sep}{d}{sep}{y}",
        f"{y}{sep}{m}{sep}{d}",
        rf"{d}{ordinal}\.?\s*(?:of\s+)?(?:{names})\.?,?\s*{y}",
        rf"(?:{names})\.?\s*{d}{ordinal},?\s*{y}",
    ]
    return re.compile(rf"(?<!\d)(?:{'|'.join(forms)})(?!\d)\.?", re.IGNORECASE)


@cache
def _month_names(month: int) -> frozenset[str]:
    """The month's names and abbreviations in the languages of ``_MONTH_LOCALES``, as written and without accents."""
    from babel.dates import get_month_names  # loaded with the first date of birth to withhold

    names = set()
    for locale in _MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                name = str(get_month_names(width, context, locale)[month]).rstrip(".")
                names |= {name, fold(name)}
    return frozenset(name for name in names if name)


@lru_cache(maxsize=4096)
def reference_candidates(text: str) -> frozenset[str]:
    """The words of ``text`` that could be case references: with a digit, hyphen, slash or underscore in them."""
    return frozenset(token for word in _CANDIDATE.findall(text) if 2 <= len(token := word.rstrip(".!?")) <= 200)


def write_csv(entries: Iterable[RegisterEntry], stream: IO[str]) -> int:
    """The register as CSV, one row a decision under a header row; returns how many decisions."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow(entry)  # None is written as an empty field
        count += 1
    return count


def write_json(entries: Iterable[RegisterEntry], stream: IO[str], period: Mapping[str, str | None]) -> int:
    """The register as one JSON document, written as it is read (a large register is never held whole)."""
    stream.write(json.dumps({"format": REGISTER_FORMAT, "period": dict(period)}, ensure_ascii=False)[:-1])
    stream.write(', "decisions": [')
    count = 0
    for entry in entries:
        stream.write(",\n" if count else "\n")
        stream.write(_json_line(entry))
        count += 1
    stream.write("\n]}\n")
    return count


#: Each entry's keys as JSON writes them. An entry is written value by value (``_json_line``): the json module
#: makes an encoder for every document it encodes, which took a seventh of a whole register's time.
_JSON_KEYS = [f"{json.dumps(column)}: " for column in COLUMNS]
_JSON_TEXT = json.encoder.encode_basestring  # what ensure_ascii=False writes a text with (its C version)


def _json_line(entry: RegisterEntry) -> str:
    """One entry as a JSON object on one line, as ``json.dumps(entry.to_json(), ensure_ascii=False)`` writes it."""
    return "{" + ", ".join(key + _json_value(value) for key, value in zip(_JSON_KEYS, entry, strict=True)) + "}"


def _json_value(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is str:
        return _JSON_TEXT(value)
    return repr(value)  # a number, an int or a finite float: as json writes it


def rendered(entries: Iterator[RegisterEntry], kind: str, period: Mapping[str, str | None]) -> tuple[str, int]:
    """The register as text of ``kind`` (csv or json) and how many decisions it holds."""
    buffer = io.StringIO()
    count = write_csv(entries, buffer) if kind == "csv" else write_json(entries, buffer, period)
    return buffer.getvalue(), count


def _object(value: Any) -> Mapping[str, Any]:
    if type(value) is dict:  # what JSON gives, told apart without the slower check for any mapping
        return value
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str | None:
    if type(value) is str:  # what JSON gives, told apart without the slower check for any subclass
        return value.strip() or None
    return value.strip() or None if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | int | None:
    return plain_number(float(value)) if isinstance(value, int | float) and not isinstance(value, bool) else None
