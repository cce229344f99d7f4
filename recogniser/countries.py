"""Country codes: credentials use ISO 3166-1 alpha-3 (EU authority URIs) or alpha-2; case files use alpha-2
(``data/countries/``)."""

from __future__ import annotations

import csv
from functools import cache

from recogniser.i18n import SOURCE_LANGUAGE
from recogniser.joining import Derived
from recogniser.resources import data_dir

#: Where Europass credentials name countries (EU Publications Office authority table).
EU_COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country/"


@cache
def _alpha3_to_alpha2() -> dict[str, str]:
    with (data_dir() / "countries" / "iso3166-1.csv").open(encoding="utf-8", newline="") as stream:
        return {row["alpha_3"]: row["alpha_2"] for row in csv.DictReader(stream)}


@cache
def _names() -> dict[str, str]:
    with (data_dir() / "countries" / "iso3166-1.csv").open(encoding="utf-8", newline="") as stream:
        return {row["alpha_2"]: row["name"] for row in csv.DictReader(stream)}


def country_name(code: str) -> str:
    """``Croatia (HR)`` for ``HR``; the code alone when it is not in the table."""
    name = _names().get(code)
    return f"{name} ({code})" if name else code


class _CountryName(Derived):
    """A country named inside a sentence: ``Croatia (HR)``, ``Croatie (HR)`` for a French reader (the names in
    other languages are the Unicode locale data's, through Babel)."""

    @classmethod
    def read(cls, value: str, language: str) -> str:
        if language == SOURCE_LANGUAGE or value not in _names():
            return country_name(value)
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale.parse(language).territories.get(value)
        except (UnknownLocaleError, ValueError):
            name = None
        return f"{name} ({value})" if name else country_name(value)


def country_in_sentence(code: str) -> str:
    """``code``'s country as a sentence names it, in the reader's language when it is shown."""
    return _CountryName(code)


def countries() -> list[tuple[str, str]]:
    """Every country as (alpha-2 code, English name), in the order of the names."""
    return sorted(_names().items(), key=lambda pair: pair[1])


@cache
def _alpha2_codes() -> frozenset[str]:
    return frozenset(_alpha3_to_alpha2().values())


def is_alpha2(code: str) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-2 code as written in a case file (upper case)."""
    return code in _alpha2_codes()


#: Two-letter codes the EU writes where ISO 3166-1 has another: taken for a slip, and named in the message.
EU_ABBREVIATIONS = {"UK": "GB", "EL": "GR"}


@cache
def _by_name() -> dict[str, str]:
    return {name.casefold(): code for code, name in _names().items()}


def alpha2_by_name(name: str) -> str | None:
    """The alpha-2 code of a country written by its English name (``Japan`` → ``JP``), as in the project's table."""
    return _by_name().get(" ".join(name.split()).casefold())


def alpha2(code: str) -> str | None:
    """The alpha-2 code for an alpha-2 code, an alpha-3 code or an authority URI ending in one; None if unknown."""
    candidate = code.strip().rstrip("/").rsplit("/", 1)[-1].upper()
    if len(candidate) == 2:
        return candidate if candidate in _alpha2_codes() else None
    return _alpha3_to_alpha2().get(candidate)
