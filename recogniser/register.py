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
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import IO, Any, NamedTuple

from recogniser.credential_summary import CredentialSummary, json_int, json_number, json_object, json_text
from recogniser.model import Outcome, plain_number
from recogniser.textkeys import fold, latin_key

REGISTER_FORMAT = "recogniser-register/1"

#: What stands in for the learner's personal data in published reasons.
WITHHELD = "[withheld]"

#: The beginnings of words (folded: lower case, no accents) that tell of a refugee or protection status, in the
#: languages of the office's cases (English, French, German, Spanish, Italian, the Slavic languages in both
#: scripts): a sentence holding one is left out of published reasons.
_STATUS_WORDS = re.compile(
    r"\b(refugee|refugi|rifugiat|asyl|asil|azil|azyl|displaced|stateless|apatrid|staatenlos|schutzsuchend|"
    r"schutzberechtigt|gefluchtet|fluchtling|fluechtling|izbjeglic|izbeglic|prognan|uchodzc|uprchl|"
    r"(international|subsidiary|temporary|humanitarian|supplementary)\s+protection|"
    r"protection\s+(internationale|subsidiaire|temporaire)|protezione\s+(internazionale|sussidiaria|temporanea)|"
    r"proteccion\s+(internacional|subsidiaria|temporal)|(internationaler|subsidiarer|vorubergehender)\s+schutz|"
    r"(me[dđ]unarodn|privremen|supsidijarn)\w*\s+za[sš]tit|ochron\w*\s+(miedzynarodow|czasow|uzupelniajac)|"
    r"bizenc|бежен|біжен|избегл|избјегл|прогнан|уточиште|притулк|переселен|впо\b|"
    r"(привремен|међународн|тимчасов|міжнародн|временн|международн)\w*\s+(заштит|захист|защит))\w*",
)
#: A sentence: up to its full stop (or the end), across line breaks, which may fall anywhere in a sentence.
_SENTENCE = re.compile(r"[^.!?]+[.!?]*\s*|[.!?]+\s*")
#: A word of a name: letters and digits, never an underscore ("Ivana_Horvat_diploma.pdf" holds two names' words).
_WORD = re.compile(r"[^\W_]+")
#: A word of a text as a case reference would be written: a run without spaces or punctuation around it.
_TOKEN = re.compile(r"[^\s,;:()\[\]{}<>\"'«»“”„‘’‹›*#…]+")
#: What a case reference holds and a plain word does not: a digit, a hyphen, a slash or an underscore.
_REFERENCE_MARK = re.compile(r"[\d/_-]")
#: Characters that do not show (soft hyphen, zero-width space and joiners...): taken out of a text before it is
#: read, so that they cannot hide a name or a number.
_INVISIBLE = dict.fromkeys(i for i in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E))
#: Languages whose names of the months a date of birth is looked for in (nominative and genitive forms).
_MONTH_LOCALES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "hu", "hr", "sr_Latn", "sr", "uk", "ru", "pl", "cs", "el", "ka",
)  # fmt: skip
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
        credentials = _credentials(case_document)
        target = json_object(case_document.get("target"))
        private = _PersonalData.of(case_document, credentials, references)
        credential = CredentialSummary.of_credentials(credentials)
        return cls(
            decision_id,
            decided_at.date().isoformat(),
            str(case_document.get("purpose")),
            # A title can name the learner too (an Open Badge "awarded to Ivana Horvat").
            private.withheld(credential.title, statements=False),
            *credential[1:],
            target_title=private.withheld(json_text(target.get("title")), statements=False),
            target_institution=json_text(target.get("institution")),
            target_eqf_level=json_int(target.get("eqf_level")),
            credits_sought=json_number(target.get("ects")) if case_document.get("purpose") != "admission" else None,
            recommended_outcome=str(json_object(decision.get("recommendation")).get("outcome")),
            outcome=final_outcome.value,
            ects_recognised=plain_number(final_ects),
            rulebook_version=str(decision.get("rulebook_version")),
            basis=basis(decision),
            reasons=private.withheld(justification),
            divergence_reason=private.withheld(divergence_reason),
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
    differences = json_object(decision.get("recommendation")).get("substantial_differences") or []
    if not differences:
        return f"rulebook {rulebook}; no substantial difference found"
    cited = "; ".join(f"{json_object(d).get('element')}: {json_object(d).get('citation')}" for d in differences)
    return f"rulebook {rulebook}; substantial differences: {cited}"


@dataclass(frozen=True, slots=True)
class _PersonalData:
    """The learner's data in one case, and the office's case references, to blank out of published text: each word
    of the learner's name (whatever its case, accents or script, and declined), the identifier (written with or
    without its separators, and its run of digits), the date of birth in the usual ways of writing a date, and
    each reference. Each is first looked for cheaply in the text and matched in full only where it may be there:
    most reasons hold none, and a register reads a hundred thousand of them."""

    name_words: frozenset[str]  # as compared: the Latin key of each word, as transliterated and in one spelling
    stems: tuple[tuple[str, str], ...]  # (name word, its stem) for declined forms
    identifiers: tuple[str, ...]
    births: tuple[str, ...]
    references: tuple[str, ...]

    @classmethod
    def of(
        cls, document: Mapping[str, Any], credentials: list[Mapping[str, Any]], references: Iterable[str]
    ) -> _PersonalData:
        learners = [json_object(credential.get("learner")) for credential in credentials]
        keys = [key for learner in learners for key in _name_keys(json_text(learner.get("name")))]
        own = json_text(document.get("reference"))
        return cls(
            frozenset(word for word, _stem in keys),
            tuple(key for key in keys if len(key[1]) >= 2),
            tuple(text for learner in learners if (text := json_text(learner.get("identifier")))),
            tuple(text for learner in learners if (text := json_text(learner.get("date_of_birth")))),
            tuple(reference for reference in {*references, own} if reference),
        )

    def withheld(self, text: str | None, *, statements: bool = True) -> str | None:
        """``text`` with the learner's data and the references withheld; a statement (the reasons) also without
        its sentences telling of a protection status. A title is no statement: only the learner's name is looked
        for in it."""
        if not text:
            return None
        reading = _reading(text, statements)
        kept = reading.kept
        if statements:
            for reference in self.references:
                # A reference with a digit is in no text without one, and most reasons have none.
                if (reading.digits or not _DIGIT.search(reference)) and _squeezed(reference) in reading.squeezed:
                    kept = _reference_pattern(reference).sub(WITHHELD, kept)
            for pattern in self._patterns(reading):
                kept = pattern.sub(WITHHELD, kept)
        # A text holding no word of the name, nor a word starting as a name's stem does, has no word of the name.
        if not self.name_words.isdisjoint(reading.words) or any(
            stem in reading.latin if len(stem) >= 3 else any(word[:2] == stem for word in reading.words)
            for _name, stem in self.stems
        ):
            kept = _WORD.sub(lambda found: WITHHELD if self._is_name(found.group()) else found.group(), kept)
        return kept.strip() or None

    def _patterns(self, reading: _Reading) -> list[re.Pattern[str]]:
        """The identifiers' and dates of birth's patterns that may match in the text: an identifier's letters and
        digits, or its run of digits, must be in the text without separators, a date's year must be in it."""
        found = []
        for identifier in self.identifiers:
            if not reading.digits and _DIGIT.search(identifier):
                continue  # an identifier with a digit is in no text without one
            digits = _digits(identifier)
            if _squeezed(identifier) in reading.squeezed or (digits and digits in reading.digits):
                found += _identifier_patterns(identifier)
        for birth in self.births:
            # Every way of writing it holds the year's last two digits.
            if birth[2:4] in reading.digits or not birth[:4].isdigit():
                found.append(_birth_pattern(birth))
        return found

    def _is_name(self, word: str) -> bool:
        latin = latin_key(word).replace(" ", "")
        keys = {latin, _spelling(latin)}
        if not keys.isdisjoint(self.name_words):
            return True
        # Declined: a word made of a name's stem and a short ending, capitalised (or in a script without capitals);
        # after a stem of two letters ("Ana", "Ivo") two letters at most.
        first = word[:1]
        # Georgian writes names in lower-case letters (its capitals are for headings).
        return (not first.islower() or "\u10d0" <= first <= "\u10ff") and any(
            key.startswith(stem) and len(key) <= len(name) + (_DECLENSION if len(stem) >= 3 else 1)
            for key in keys
            for name, stem in self.stems
        )


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_NOT_DIGITS = re.compile(r"\D+")
_DIGIT = re.compile(r"\d")


def _squeezed(text: str) -> str:
    """The letters and digits of a text alone, in capitals: what a number or a reference is compared by, however
    it is spaced or punctuated."""
    return _NOT_ALPHANUMERIC.sub("", text).upper()


@lru_cache(maxsize=4096)
def _reference_pattern(reference: str) -> re.Pattern[str]:
    """A case reference however spaced or punctuated ("HR-2026-000142", "HR 2026/000142", "hr2026000142"), as a
    whole word."""
    parts = [re.escape(part) for part in _NOT_ALPHANUMERIC.split(reference) if part]
    between = r"[\W_]*"
    return re.compile(rf"(?<![^\W_])(?:{between.join(parts)})(?![^\W_])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A text as withholding reads it, once for every decision giving the same reasons (offices repeat theirs)."""

    kept: str  # composed (NFC), without invisible characters and the sentences telling of a protection status
    squeezed: str  # its letters and digits alone, in capitals
    digits: str  # its digits alone
    latin: str  # its Latin key, as transliterated and in one spelling (``_spelling``)
    words: frozenset[str]  # the words of that key


@lru_cache(maxsize=4096)
def _reading(text: str, statements: bool) -> _Reading:
    # Composed, so that an accent stored apart from its letter (text pasted from a PDF) does not cut a word.
    kept = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    # Folding works letter by letter, so what a sentence folds to is part of what the whole text folds to: a text
    # whose fold holds no status word has none to leave out.
    if statements and _STATUS_WORDS.search(fold(kept)):
        kept = "".join(sentence for sentence in _SENTENCE.findall(kept) if not _STATUS_WORDS.search(fold(sentence)))
    latin = latin_key(kept)
    latin = f"{latin} {_spelling(latin)}"
    return _Reading(kept, _squeezed(kept), _NOT_DIGITS.sub("", kept), latin, frozenset(latin.split()))


def _digits(identifier: str) -> str:
    """The identifier's digits when they alone identify (six or more), else nothing."""
    digits = _NOT_DIGITS.sub("", identifier)
    return digits if len(digits) >= 6 else ""


#: Letters that the transliterations of one name write differently ("Хорват": Khorvat, Horvat; "Шевченко":
#: Shevchenko, Ševčenko; "Юлия": Yuliya, Julija), compared as one.
_SPELLINGS = (
    ("shch", "sc"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("ts", "c"), ("iya", "ia"), ("ija", "ia"),
    ("ou", "u"), ("oy", "u"), ("ue", "u"), ("oe", "o"), ("ae", "a"), ("y", "j"),
)  # fmt: skip


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
    spelled = _ANY_SEPARATORS.join(characters)
    # A short identifier only as a word of its own; a long one wherever it appears, inside a longer code too.
    found = [re.compile(spelled if len(characters) >= 5 else rf"(?<![^\W_]){spelled}(?![^\W_])", re.IGNORECASE)]
    if digits := _digits(identifier):  # its digits alone, however grouped ("12 345 678 901")
        found.append(re.compile(rf"(?<!\d){_ANY_SEPARATORS.join(digits)}(?!\d)"))
    return found


#: What may stand between the characters of a number or code as written: spaces and punctuation, up to three.
_ANY_SEPARATORS = r"[\s./_:,\-‐‑‒–—]{0,3}"


@cache
def _birth_pattern(text: str) -> re.Pattern[str]:
    """A date of birth in the usual ways of writing a date: day, month and year as numbers in any of the three
    orders, with any separators or none, the year in four digits or two ("5.4.1990", "05/04/90", "1990-04-05",
    "19900405", "5. 4. 1990."), the month as a Roman numeral ("5.IV.1990") or by its name ("5 April 1990", "April
    5th, 1990", "5-Apr-1990", "5 de abril de 1990", "1990. április 5."). Not a date: the text itself."""
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", re.IGNORECASE)
    d, m, y = rf"0?{day.day}", rf"0?{day.month}", rf"(?:{day.year}|{day.year % 100:02d})"
    full_d, full_m = f"{day.day:02d}", f"{day.month:02d}"
    sep = r"\s*[./,\-‐‑‒–—]?\s*"
    names = "|".join(re.escape(name) for name in sorted(_month_names(day.month), key=len, reverse=True))
    month = rf"(?:{m}|{_ROMAN_MONTHS[day.month]}|(?:{names})\.?)"
    ordinal = r"(?:st|nd|rd|th|er|e|\.)?"
    of = r"(?:\s*(?:of|de|the)\s+)?"
    forms = [
        rf"{d}{ordinal}{sep}{of}{month}{sep}{of}{y}",
        rf"{month}{sep}{of}{d}{ordinal}{sep}{y}",
        rf"{y}{sep}{month}{sep}{d}",
        f"{full_d}{full_m}{day.year}|{day.year}{full_m}{full_d}|{full_m}{full_d}{day.year}",
    ]
    return re.compile(rf"(?<![\d\w])(?:{'|'.join(forms)})(?![\d])\.?", re.IGNORECASE)


_ROMAN_MONTHS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


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
    """The words of ``text`` that could be case references (with a digit, hyphen, slash or underscore in them),
    without the punctuation around them ("HR-2026-000142’s" → HR-2026-000142)."""
    found = set()
    for word in _TOKEN.findall(text):
        token = _AROUND.sub("", word)
        if 2 <= len(token) <= 200 and _REFERENCE_MARK.search(token):
            found.add(token)
    return frozenset(found)


#: Punctuation before and after a reference as written, and an English possessive after it.
_AROUND = re.compile(r"^[^\w]+|(?:[’']s)?[^\w]*$")


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


def _credentials(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The credential objects of a case text, as ``casefile.credential_documents`` gives them, read in place."""
    items = document.get("credentials")
    if type(items) is list and items:
        return [json_object(item) for item in items]
    return [json_object(document.get("credential"))]
