"""What the core says, in the reader's language: gettext catalogues kept with Babel.

The code writes its words in English. A sentence that reaches a reader is a :class:`Phrase`: an English template
with named fields (``phrase("Level {level} is below the target's {target}", level=6, target=7)``), kept with its
values until it is shown. At the edge — the report, the command line's human output, the window — it is put into
the language in use, its fields filled after translation: numbers written as that language writes them, a field
that is itself a phrase or a label translated in turn. Labels (purposes, outcomes, rule sets) live in
:mod:`recogniser.vocabulary`; a constant marked with :func:`N_` is translated where it is shown, with :func:`_`.

The translations are gettext catalogues, ``recogniser/locale/<language>/<part>.po``, one per part of the code so
that the rules, the report and the command line are kept apart (:data:`PARTS`); ``python -m recogniser.i18n update``
extracts the marked strings with Babel and adds new ones to every language's catalogues. No compiled catalogue is
kept in the repository: the first time a language is used its ``.po`` files are compiled into one ``.mo`` in the
user's cache folder, under a name holding their hash, and read with the standard library's :mod:`gettext` from
then on. An office may add or correct a language with ``<config folder>/locale/<language>/*.po``, read first.

One language is in use per process, as for the window's own words (:func:`use_language`); the decision JSON and
the store keep English and the codes, which do not depend on a reader.
"""

from __future__ import annotations

import gettext as _gettext
import hashlib
import io
import logging
import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Union

from recogniser.resources import user_cache_path, user_config_path

log = logging.getLogger(__name__)

#: The language the code's strings are written in.
SOURCE_LANGUAGE = "en"
#: The languages the project ships catalogues for, with their names as a reader of each knows them.
LANGUAGES: Mapping[str, str] = {"en": "English", "fr": "Français"}
#: The shipped catalogues, one folder per language.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The parts of the code, each with its own catalogue, and the folders or modules of the package each is
#: extracted from; everything else is the core's.
PARTS: Mapping[str, tuple[str, ...]] = {
    "rules": ("rules",),
    "report": ("report",),
    "seminar": ("seminar",),
    "commands": ("commands", "cli.py"),
    "interchange": ("interchange",),
    "store": ("store",),
    #: Not code: the texts of the shipped reference data a reader is shown (a framework table's source, where its
    #: EQF mapping was checked), extracted from the data files by :mod:`recogniser.catalogues`.
    "data": (),
    "core": (),
}
CORE_PART = "core"
#: The functions whose first argument (and for plural phrases, the second) is a string to translate.
KEYWORDS: Mapping[str, tuple[int, ...] | None] = {
    "phrase": None,
    "pphrase": None,
    "say": None,
    "plural": (1, 2),
    "N_": None,
    "N_plural": (1, 2),
    "_": None,
}

#: The functions whose first argument is a context (gettext's ``msgctxt``) and whose second is the string: one
#: English word that two places mean differently ("none" as a grade, "none" as an assessment) is two messages.
CONTEXT_KEYWORDS = frozenset({"pphrase"})

#: A value a phrase may carry in a field.
#: A number kept to a fixed count of decimals ("4.0") is a :class:`~decimal.Decimal`.
Value = Union[str, int, float, Decimal, date, "Phrase", Enum, None]

_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)(?:[:!][^{}]*)?\}")


class Phrase(str):
    """A sentence to show a reader: an English template with named fields, translated when shown.

    A phrase *is* its English text (a ``str``), so the decision JSON, the store and every English path read it as
    before; :meth:`text` — or :func:`shown` at the edge — gives it in the reader's language. ``plural`` (with
    ``count`` naming the field holding the number: ``n`` from :func:`plural`) makes a phrase with a singular and
    a plural form; the language's own rules pick the form. ``context`` tells apart one English text meant two ways
    (:func:`pphrase`).
    """

    template: str
    values: Mapping[str, Value]
    plural: str | None
    number_field: str | None
    context: str | None

    def __new__(
        cls,
        template: str,
        values: Mapping[str, Value] | None = None,
        plural: str | None = None,
        count: str | None = None,
        context: str | None = None,
    ) -> Phrase:
        values = dict(values or {})
        english = _filled(template, values, plural, count, context, code=SOURCE_LANGUAGE)
        self = super().__new__(cls, english)
        self.template, self.values, self.plural, self.number_field = template, values, plural, count
        self.context = context
        return self

    def __reduce__(
        self,
    ) -> tuple[type[Phrase], tuple[str, Mapping[str, Value], str | None, str | None, str | None]]:
        return (Phrase, (self.template, dict(self.values), self.plural, self.number_field, self.context))

    def text(self, language: str | None = None) -> str:
        """The phrase in ``language`` (the language in use when None)."""
        return _filled(
            self.template, self.values, self.plural, self.number_field, self.context, code=language or _current.language
        )


def _filled(
    template: str,
    values: Mapping[str, Value],
    plural: str | None,
    count: str | None,
    context: str | None,
    *,
    code: str,
) -> str:
    translations = catalogue(code)
    if plural is not None and count is not None:
        number = values[count]
        many = int(number) if isinstance(number, int) else 2
        chosen = (
            translations.npgettext(context, template, plural, many)
            if context
            else translations.ngettext(template, plural, many)
        )
    else:
        chosen = translations.pgettext(context, template) if context else translations.gettext(template)
    return chosen.format(**{name: render(value, code) for name, value in values.items()})


def shown(text: str, language: str | None = None) -> str:
    """What a reader is shown for ``text``: a phrase in their language, any other text as it is (data, names,
    and sentences stored before they were kept as phrases)."""
    return text.text(language) if isinstance(text, Phrase) else text


def phrase(template: str, **values: Value) -> Phrase:
    """A sentence for a reader, translated when shown; ``template``'s ``{fields}`` are filled from ``values``."""
    return Phrase(template, values)


def pphrase(context: str, template: str, **values: Value) -> Phrase:
    """A phrase whose English text means something else elsewhere: ``context`` (a few words saying which meaning,
    kept in the catalogue as gettext's ``msgctxt``) keeps its translation apart. ``pphrase("quality evidence
    grade", "none")`` is « inexistantes », ``pphrase("assessment type", "none")`` « aucune évaluation »."""
    return Phrase(template, values, context=context)


class DataText(Phrase):
    """A text of the shipped reference data (a framework table's source), translated from the ``data`` catalogue
    when shown; a text the catalogue lacks (an office's own data file) is shown as it is. It has no fields: braces
    in it are text."""

    unstopped: bool

    def __new__(cls, text: str, unstopped: bool = False) -> DataText:
        self = str.__new__(cls, text.rstrip(".") if unstopped else text)
        self.template, self.values, self.plural, self.number_field, self.context = text, {}, None, None, None
        self.unstopped = unstopped
        return self

    def __reduce__(self) -> tuple[type[DataText], tuple[str, bool]]:  # type: ignore[override]
        return (DataText, (self.template, self.unstopped))

    def text(self, language: str | None = None) -> str:
        translated = translate(self.template, language)
        return translated.rstrip(".") if self.unstopped else translated


def from_data(text: str, *, unstopped: bool = False) -> Phrase:
    """A text from the reference data, shown in the reader's language where the ``data`` catalogue has it;
    ``unstopped`` drops its closing full stop, for a sentence that quotes it before its own."""
    return DataText(text, unstopped)


def say(template: str, **values: Value) -> str:
    """A sentence in the language in use now, for text shown at once (a line the command line prints)."""
    return Phrase(template, values).text()


def plural(singular: str, plural_form: str, *, n: int | float, **values: Value) -> Phrase:
    """A sentence with a singular and a plural form, chosen by the number ``n`` (its field is ``{n}``)."""
    return Phrase(singular, {"n": n, **values}, plural=plural_form, count="n")


def N_(text: str) -> str:  # noqa: N802 - gettext's usual name for a marker
    """``text`` unchanged, marked for the catalogue: a constant translated where it is shown, with :func:`_`."""
    return text


def N_plural(singular: str, plural_form: str) -> tuple[str, str]:  # noqa: N802 - after N_
    """A singular and a plural form marked for the catalogue, for a text shown later through ``ngettext``."""
    return singular, plural_form


def translate(text: str, code: str | None = None) -> str:
    """A marked constant in ``code`` (the language in use when None)."""
    code = code or _current.language
    return text if code == SOURCE_LANGUAGE else catalogue(code).gettext(text)


def _(text: str) -> str:
    """``text`` in the language in use."""
    return translate(text)


def render(value: Value, language: str | None = None) -> str:
    """A field's value as the reader's language writes it."""
    language = language or _current.language
    if value is None:
        return ""
    if isinstance(value, Phrase):
        return value.text(language)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return number(value, language)
    if isinstance(value, Enum):
        from recogniser.vocabulary import label

        return label(value, language)
    if isinstance(value, date):
        return written_date(value, language)
    return value


def written_date(value: date, language: str | None = None) -> str:
    """A day (or a moment, for a :class:`~datetime.datetime`) inside a sentence: ISO 8601 in English, the form the
    decision JSON and the case file keep (``2026-03-01``, ``2026-03-01 14:05``); in another language, as it writes
    a date in running text (« 1er mars 2026 », « 12 mars 2026, 14:05 »). A table of data keeps ISO whatever the
    language: this is for sentences."""
    code = language or _current.language
    moment = value if isinstance(value, datetime) else None
    if code == SOURCE_LANGUAGE:
        return f"{moment:%Y-%m-%d %H:%M}" if moment is not None else value.isoformat()
    # Babel's dates are loaded only when a date is written in another language (a command's start stays light).
    from babel.dates import format_date, format_time, get_datetime_format

    day = format_date(value, format="long", locale=code)
    if code == "fr" and value.day == 1:
        day = "1er" + day[1:]  # French writes the first of the month as an ordinal: « 1er mars 2026 »
    if moment is None:
        return day
    pattern = str(get_datetime_format("long", locale=code)).replace("'", "")
    return pattern.replace("{0}", format_time(moment, format="short", locale=code)).replace("{1}", day)


def number(value: float | Decimal, language: str | None = None) -> str:
    """``value`` as ``language`` writes a number: 2.5 in English, 2,5 in French; no needless ".0" (a Decimal
    keeps the decimals it has: 4.0)."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if (language or _current.language) == "fr":
        return text.replace(".", ",").replace("-", "\u2212")
    return text


def fields_of(template: str) -> list[str]:
    """The names of the ``{fields}`` a template fills, in order."""
    return _FIELD.findall(template)


# --- The language in use and its catalogue ---


@dataclass
class _Current:
    language: str = SOURCE_LANGUAGE


_current = _Current()
_loaded: dict[str, _gettext.NullTranslations] = {}


def language() -> str:
    """The language in use."""
    return _current.language


class UnknownLanguageError(ValueError):
    """A language with neither a shipped nor an office catalogue; ``known`` are those there are."""

    def __init__(self, code: str, known: list[str]) -> None:
        super().__init__(f"unknown language {code!r}: choose one of {', '.join(known)}")
        self.code = code
        self.known = known


def use_language(code: str) -> None:
    """Show everything the core says in ``code`` from now on. An unknown language is refused with
    :class:`UnknownLanguageError`; a language whose catalogue cannot be read falls back to English (the reason is
    logged)."""
    known = available_languages()
    if code not in known:
        raise UnknownLanguageError(code, known)
    _current.language = code


@contextmanager
def language_in_use(code: str) -> Iterator[None]:
    """Use ``code`` for the length of a ``with`` block (a report in the applicant's language, a test)."""
    before = _current.language
    use_language(code)
    try:
        yield
    finally:
        _current.language = before


def office_locale_dir() -> Path:
    """Where an office keeps catalogues of its own: they take precedence over the shipped ones."""
    return user_config_path() / "locale"


def available_languages() -> list[str]:
    """English and every language with a shipped or office catalogue."""
    found = {SOURCE_LANGUAGE}
    for folder in (LOCALE_DIR, office_locale_dir()):
        if folder.is_dir():
            found.update(child.name for child in folder.iterdir() if child.is_dir() and any(child.glob("*.po")))
    return sorted(found)


def catalogue_sources(code: str) -> list[Path]:
    """The ``.po`` files of ``code``: for each part, the office's where it has one, else the shipped one."""
    chosen: dict[str, Path] = {}
    for folder in (LOCALE_DIR / code, office_locale_dir() / code):
        if folder.is_dir():
            chosen.update({path.stem: path for path in sorted(folder.glob("*.po"))})
    return [chosen[name] for name in sorted(chosen)]


def catalogue(code: str) -> _gettext.NullTranslations:
    """The translations of ``code``, read once per process."""
    if code == SOURCE_LANGUAGE:
        return _gettext.NullTranslations()
    loaded = _loaded.get(code)
    if loaded is None:
        try:
            loaded = _gettext.GNUTranslations(io.BytesIO(compiled_catalogue(code)))
        except (OSError, ValueError) as error:
            log.warning("The %s catalogue could not be read: %s", code, error)
            loaded = _gettext.NullTranslations()
        _loaded[code] = loaded
    return loaded


def compiled_catalogue(code: str) -> bytes:
    """The ``.mo`` of ``code``: every part's ``.po`` in one, from the cache, compiled now if the cache has none
    for the ``.po`` files as they are."""
    sources = catalogue_sources(code)
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    cached = user_cache_path() / "locale" / f"{code}-{digest.hexdigest()[:20]}.mo"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    compiled = compile_catalogues(sources, code)
    try:
        _write_whole(cached, compiled)
    except OSError as error:  # a read-only cache still lets the reader see their language
        log.info("The compiled %s catalogue could not be kept in the cache: %s", code, error)
    return compiled


def compile_catalogues(sources: list[Path], code: str) -> bytes:
    """One ``.mo`` holding the translated, not fuzzy messages of every ``.po`` in ``sources``."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = Catalog(locale=code)
    for source in sources:
        with source.open("rb") as handle:
            for message in read_po(handle, locale=code):
                if message.id and message.string and not message.fuzzy:
                    merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    return buffer.getvalue()


def _write_whole(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=path.stem, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
