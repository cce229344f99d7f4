"""The tolerant readers: durations, language maps, numbers, dates and country codes."""

import csv
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recogniser.countries import alpha2
from recogniser.interchange.jsonld import duration, iso_date, local_text, number
from recogniser.interchange.vocabulary import assessment_type, provider_kind
from recogniser.model import AssessmentType, ProviderKind
from recogniser.resources import data_dir

# The 27 EU member states as the EU authority table codes them.
EU_MEMBERS = [
    "AUT",
    "BEL",
    "BGR",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "DEU",
    "GRC",
    "HUN",
    "IRL",
    "ITA",
    "LVA",
    "LTU",
    "LUX",
    "MLT",
    "NLD",
    "POL",
    "PRT",
    "ROU",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
]


@pytest.mark.parametrize(
    ("text", "hours", "calendar"),
    [
        ("PT60H", 60, ()),
        ("PT1H30M", 1.5, ()),
        ("pt7,5h", 7.5, ()),
        ("P60M", 0, ("60 months",)),
        ("P1Y2DT3H", 3, ("1 years", "2 days")),
    ],
)
def test_iso_8601_durations_split_hours_from_calendar_time(text: str, hours: float, calendar: tuple[str, ...]) -> None:
    found = duration(text)

    assert found is not None
    assert (found.hours, found.calendar_parts) == (hours, calendar)


@pytest.mark.parametrize("text", ["60 hours", "P", "PT", "", "PTH", 60])
def test_what_is_not_a_duration_is_none(text: object) -> None:
    assert duration(text) is None


@given(st.text())
def test_reading_never_raises_on_any_text(text: str) -> None:
    duration(text)
    number(text)
    iso_date(text)
    local_text({"en": text, "hr": [text, 3]})


def test_a_language_map_prefers_the_case_language_then_english_then_the_first() -> None:
    titles = {"hr": "Naslov", "en": "Title", "de": "Titel"}

    assert local_text(titles, ("de",)) is not None
    assert local_text(titles, ("de",)).text == "Titel"  # type: ignore[union-attr]
    found = local_text(titles)
    assert found is not None
    assert (found.text, found.language, found.others) == ("Title", "en", {"hr": "Naslov", "de": "Titel"})
    assert local_text({"hr": "Naslov", "it": "Titolo"}).text == "Naslov"  # type: ignore[union-attr]
    assert local_text([{"@language": "fr", "@value": "Titre"}]).text == "Titre"  # type: ignore[union-attr]
    assert local_text({"id": "urn:x", "type": "Note"}) is None
    assert local_text("  ") is None


@pytest.mark.parametrize(("value", "expected"), [("2", 2.0), ("2,5", 2.5), (4, 4.0), (True, None), ("two", None)])
def test_numbers_may_be_text(value: object, expected: float | None) -> None:
    assert number(value) == expected


def test_dates_and_date_times_give_the_calendar_date() -> None:
    assert iso_date("2025-06-30T23:30:00+02:00") == date(2025, 6, 30)
    assert iso_date("2025-02-30") is None
    assert iso_date("30.06.2025") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("http://publications.europa.eu/resource/authority/country/IRL", "IE"),
        ("http://publications.europa.eu/resource/authority/country/GBR/", "GB"),
        ("hrv", "HR"),
        ("NL", "NL"),
        ("http://publications.europa.eu/resource/authority/country/1A0", "XK"),
        ("XX", None),
        ("ZZZ", None),
    ],
)
def test_country_codes_become_alpha_2(code: str, expected: str | None) -> None:
    assert alpha2(code) == expected


def test_the_country_table_is_complete() -> None:
    with (data_dir() / "countries" / "iso3166-1.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))

    assert len(rows) == 250
    assert len({row["alpha_3"] for row in rows}) == len({row["alpha_2"] for row in rows}) == 250
    assert all(alpha2(code) for code in EU_MEMBERS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sveučilište u Zadru", ProviderKind.HIGHER_EDUCATION_INSTITUTION),
        ("Universität Wien", ProviderKind.HIGHER_EDUCATION_INSTITUTION),
        ("Hogeschool Zeeland-Noord", ProviderKind.HIGHER_EDUCATION_INSTITUTION),
        ("Berufskolleg am Rhein", ProviderKind.VET_PROVIDER),
        ("Chamber of Commerce and Industry of Slovenia", ProviderKind.PROFESSIONAL_BODY),
        ("Rhein Data Academy GmbH", ProviderKind.PRIVATE_PROVIDER),
        ("Inclusive Learning Centre", None),
        ("Liffey Credential Services", None),
    ],
)
def test_an_organisations_name_may_suggest_its_kind(name: str, expected: ProviderKind | None) -> None:
    found = provider_kind(name)

    assert (found[0] if found else None) is expected


@pytest.mark.parametrize(
    ("label", "kind", "exact"),
    [
        ("Written exam", AssessmentType.WRITTEN_EXAM, True),
        ("Oral exam", AssessmentType.ORAL_EXAM, True),
        ("Online test", AssessmentType.ONLINE_QUIZ, True),
        ("Završni pisani ispit", AssessmentType.WRITTEN_EXAM, True),
        ("Final examination", AssessmentType.WRITTEN_EXAM, False),
        ("testing", AssessmentType.WRITTEN_EXAM, False),
        ("Project with an oral defence", AssessmentType.ORAL_EXAM, False),
        ("Graded exercises", AssessmentType.OTHER, False),
    ],
)
def test_assessment_labels_name_a_kind_exactly_or_suggest_one(label: str, kind: AssessmentType, exact: bool) -> None:
    reading = assessment_type(label)

    assert (reading.value, reading.exact) == (kind, exact)
