"""The agency look-up on labelled name variants (tests/agency_names.py): it names the right agency or none, and
never offers agencies of another country than the one given, nor guesses from unrelated names."""

from __future__ import annotations

import pytest

from recogniser.agencies import MatchStatus
from recogniser.agency_file import load_agencies
from tests.agency_names import NAME_VARIANTS, NameVariant

REGISTER = load_agencies()


@pytest.mark.parametrize("variant", NAME_VARIANTS, ids=lambda variant: f"{variant.text[:40]}-{variant.country}")
def test_a_name_variant_names_its_agency_or_none(variant: NameVariant) -> None:
    match = REGISTER.lookup(variant.text, country=variant.country)
    named = match.agency.acronym if match.status is MatchStatus.FOUND and match.agency else None
    assert named == variant.agency
    if variant.country is not None and variant.agency is None:
        # Candidates, if any, are agencies of the country given: never a guess from unrelated names abroad.
        assert all(candidate.country == variant.country for candidate in match.candidates)


def test_a_ukrainian_agency_does_not_return_uk_or_romanian_agencies() -> None:
    match = REGISTER.lookup("National Agency for Higher Education Quality Assurance", country="UA")
    assert match.status is MatchStatus.NOT_FOUND and match.candidates == ()


def test_unrelated_names_offer_no_candidates() -> None:
    for text, country in [("British Council", "GB"), ("Hochschulrektorenkonferenz", "DE"), ("TÜV SÜD", None)]:
        assert REGISTER.lookup(text, country=country).candidates == (), text


def test_a_slip_in_an_acronym_still_offers_the_agency() -> None:
    match = REGISTER.lookup("NVOA", country="NL")
    assert match.status is MatchStatus.NOT_FOUND and [agency.acronym for agency in match.candidates] == ["NVAO"]
