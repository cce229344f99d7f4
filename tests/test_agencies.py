"""The QA agency register: shipped data, look-up by name or acronym, registration state, office override."""

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recogniser.agencies import Agency, AgencyRegister, EntryStatus, MatchStatus, RegistrationState
from recogniser.agency_file import (
    AGENCY_FILE_NAME,
    AGENCY_FORMAT,
    AGENCY_SCHEMA,
    AgencyDataError,
    default_agencies,
    load_agencies,
)
from recogniser.resources import data_dir
from recogniser.schemas import schema_validator

REGISTER = load_agencies()
SNAPSHOT = [agency for agency in REGISTER.agencies if agency.register_id is not None]


def by_acronym(acronym: str) -> Agency:
    return next(agency for agency in REGISTER.agencies if agency.acronym == acronym)


@pytest.fixture
def office_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path))
    default_agencies.cache_clear()
    yield tmp_path
    default_agencies.cache_clear()


def agency_entry(**overrides: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "acronym": "ASHE",
        "name": "Agency for Science and Higher Education",
        "country": "HR",
        "register_id": 43,
        "deqar_id": None,
        "registered_from": "2023-03-01",
        "registered_until": "2028-02-29",
        "source": "office",
        "aliases": ["AZVO"],
        "note": "Renewal checked on DEQAR.",
    }
    return entry | overrides


def agency_file(path: Path, *entries: dict[str, Any], **document: Any) -> Path:
    content = {"format": AGENCY_FORMAT, "as_of": "2026-01-15", "source": "office list", "agencies": list(entries)}
    path.write_text(json.dumps(content | document), encoding="utf-8")
    return path


# --- the shipped data ---


def test_shipped_file_validates_against_its_schema() -> None:
    document = json.loads((data_dir() / AGENCY_FILE_NAME).read_text("utf-8"))
    assert [error.message for error in schema_validator(AGENCY_SCHEMA).iter_errors(document)] == []
    assert document["format"] == AGENCY_FORMAT


def test_shipped_register_holds_the_snapshot_and_later_registrations() -> None:
    assert REGISTER.as_of == date(2017, 6, 20)
    assert len(SNAPSHOT) == 46
    assert len({agency.acronym for agency in REGISTER.agencies}) == len(REGISTER.agencies)
    added = [agency for agency in REGISTER.agencies if agency.source == "added_from_knowledge"]
    assert added, "agencies registered after the snapshot are listed"
    for agency in added:
        assert agency.note, f"{agency.acronym} says where its registration is known from"
        assert agency.deqar_id is None and agency.register_id is None
        assert agency.registered_until is None


def test_register_numbers_and_deqar_address_numbers_are_kept_apart() -> None:
    # The fixture's number is EQAR's register number; DEQAR's web addresses use another (EQAR/eqar_backend,
    # connectapi/europass/accrediation_xml_creator_v2.py; the sample accreditations of the European Digital
    # Credentials repository).
    assert (by_acronym("NVAO").register_id, by_acronym("NVAO").deqar_id) == (16, 37)
    assert by_acronym("NVAO").deqar_address() == "https://data.deqar.eu/agency/37"
    assert (by_acronym("FINEEC").deqar_id, by_acronym("IEP").deqar_id) == (27, 31)
    assert by_acronym("ASHE").register_id == 43 and by_acronym("ASHE").deqar_id is None


def test_former_and_suspended_entries_carry_their_dates_and_reason() -> None:
    akkork = by_acronym("AKKORK")
    assert akkork.status is EntryStatus.FORMER and akkork.status_reason and "rejected" in akkork.status_reason
    assert akkork.registration_on(date(2016, 5, 1)) is RegistrationState.REGISTERED
    assert akkork.registration_on(date(2019, 10, 31)) is RegistrationState.REGISTERED
    assert akkork.registration_on(date(2019, 11, 1)) is RegistrationState.NO_LONGER_REGISTERED
    eapaa = by_acronym("EAPAA")
    assert eapaa.registration_on(date(2020, 1, 1)) is RegistrationState.NO_LONGER_REGISTERED
    assert eapaa.status_reason and "did not apply" in eapaa.status_reason.casefold()
    kaa = by_acronym("KAA")
    assert kaa.registration_on(date(2018, 2, 27)) is RegistrationState.REGISTERED
    assert kaa.registration_on(date(2018, 3, 1)) is RegistrationState.NO_LONGER_REGISTERED
    ncpa = by_acronym("NCPA")
    assert ncpa.status is EntryStatus.SUSPENDED and ncpa.status_reason and "inference" in ncpa.status_reason
    assert ncpa.registration_on(date(2021, 6, 1)) is RegistrationState.REGISTERED  # the 2020 renewal
    assert ncpa.registration_on(date(2023, 1, 1)) is RegistrationState.SUSPENDED


def test_renewals_after_the_snapshot_keep_the_earlier_period() -> None:
    for acronym in ("ACSUG", "AHPGS", "NCPA", "VLUHR QA"):
        agency = by_acronym(acronym)
        assert agency.registered_from == date(2020, 3, 16), acronym
        assert len(agency.periods) == 2, acronym
    acsug = by_acronym("ACSUG")
    # Between the end of the old period and the renewal the data cannot say; within five years of it they can.
    assert acsug.registration_on(date(2019, 12, 1)) is RegistrationState.BEYOND_THE_DATA
    assert acsug.registration_on(date(2024, 6, 1)) is RegistrationState.REGISTERED
    assert acsug.registration_on(date(2025, 6, 1)) is RegistrationState.BEYOND_THE_DATA


@pytest.mark.parametrize("agency", SNAPSHOT, ids=lambda agency: agency.acronym)
def test_every_snapshot_agency_is_found_by_acronym_and_by_name(agency: Agency) -> None:
    for text in (agency.acronym, agency.acronym.lower(), agency.name, agency.name.upper()):
        match = REGISTER.lookup(text)
        assert (match.status, match.agency) == (MatchStatus.FOUND, agency), text


@pytest.mark.parametrize("agency", REGISTER.agencies, ids=lambda agency: agency.acronym)
def test_every_alias_finds_its_agency(agency: Agency) -> None:
    for alias in agency.aliases:
        assert REGISTER.lookup(alias).agency == agency, alias


# --- look-up ---


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("AQ Austria", "AQ Austria"),
        ("aq-austria", "AQ Austria"),
        ("Hcéres", "HCERES"),
        ("hceres", "HCERES"),
        ("Nederlands-Vlaamse Accreditatieorganisatie", "NVAO"),
        ("Agência de Avaliação e Acreditação do Ensino Superior", "A3ES"),
        ("Agencia de Avaliacao e Acreditacao do Ensino Superior", "A3ES"),
        ("Agency for Science and Higher Educaton", "ASHE"),
        ("Higher Education and Science Agency", "ASHE"),
        ("the agency for science & higher education", "ASHE"),
        ("Croatian Agency for Science and Higher Education", "ASHE"),
        ("Agency for Science and Higher Education (ASHE)", "ASHE"),
        ("Polish Accreditation Comittee", "PKA"),
        ("Finnish Education Evaluation Center", "FINEEC"),
        ("Independent Agency for Accreditation and Raiting", "IAAR"),
        ("Engineering Degree Commision", "CTI"),
        ("Quality and Qualification Ireland", "QQI"),
        ("German accreditation agency ACQUIN", "ACQUIN"),
        ("Accredited by AQ Austria, Vienna", "AQ Austria"),
        ("Hcéres (France)", "HCERES"),
    ],
)
def test_names_are_found_despite_case_accents_typos_and_word_order(text: str, acronym: str) -> None:
    match = REGISTER.lookup(text)
    assert match.status is MatchStatus.FOUND, match
    assert match.agency == by_acronym(acronym)
    assert match.query == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quality Assurance Agency", {"QAA", "SQAA"}),
        ("Accreditation Agency", {"KAA", "IAAR"}),
    ],
)
def test_generic_names_are_ambiguous_with_the_candidates(text: str, expected: set[str]) -> None:
    match = REGISTER.lookup(text)
    assert match.status is MatchStatus.AMBIGUOUS
    assert match.agency is None
    assert expected <= {agency.acronym for agency in match.candidates}


def test_a_bracketed_acronym_that_contradicts_the_name_is_ambiguous() -> None:
    match = REGISTER.lookup("Agency for Science and Higher Education (NVAO)")
    assert match.status is MatchStatus.AMBIGUOUS
    assert {agency.acronym for agency in match.candidates} == {"ASHE", "NVAO"}


def test_a_name_missing_the_word_that_identifies_an_agency_is_only_a_candidate() -> None:
    # "British Accreditation Council" fits well, but "Accreditation Council" may as well be a national council.
    match = REGISTER.lookup("Accreditation Council")
    assert (match.status, match.candidates) == (MatchStatus.AMBIGUOUS, (by_acronym("BAC"),))
    # The issuer's country does not turn a candidate into a match, and a candidate abroad is not offered.
    in_britain = REGISTER.lookup("Accreditation Council", country="GB")
    assert (in_britain.status, in_britain.candidates) == (MatchStatus.AMBIGUOUS, (by_acronym("BAC"),))
    in_germany = REGISTER.lookup("Accreditation Council", country="DE")
    assert (in_germany.status, in_germany.candidates) == (MatchStatus.NOT_FOUND, ())


def test_two_letter_acronyms_are_not_read_inside_other_words() -> None:
    assert REGISTER.lookup("AI Institute of Learning").status is MatchStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("text", "candidates"), [("AQA", True), ("NVOA", True), ("University of Zadar", False), ("Science", False)]
)
def test_unknown_texts_are_not_found_with_only_close_candidates(text: str, candidates: bool) -> None:
    match = REGISTER.lookup(text)
    assert match.status is MatchStatus.NOT_FOUND
    assert match.agency is None
    # A slip in an acronym is offered its agency; a text sharing a word or two with agencies is offered none.
    assert bool(match.candidates) is candidates


def test_an_acronym_typo_is_never_taken_for_another_agency() -> None:
    match = REGISTER.lookup("NVOA")
    assert match.status is MatchStatus.NOT_FOUND
    assert match.candidates[0] == by_acronym("NVAO")


@pytest.mark.parametrize("text", ["", "   ", "()", "—"])
def test_blank_text_is_not_found_without_candidates(text: str) -> None:
    match = REGISTER.lookup(text)
    assert (match.status, match.candidates, match.score) == (MatchStatus.NOT_FOUND, (), 0.0)


def test_country_limits_the_candidates_to_its_agencies() -> None:
    # A generic phrase stays a candidate in the country given; it does not become the match.
    match = REGISTER.lookup("Quality Assurance Agency", country="GB")
    assert (match.status, match.candidates) == (MatchStatus.AMBIGUOUS, (by_acronym("QAA"),))
    kosovo = REGISTER.lookup("Accreditation Agency", country="xk")
    assert kosovo.agency is None and set(kosovo.candidates) <= {by_acronym("KAA")}


def test_country_never_forces_a_match() -> None:
    assert REGISTER.lookup("Accreditation Agency", country="FR").agency is None
    assert REGISTER.lookup("University of Zadar", country="HR").status is MatchStatus.NOT_FOUND
    # An exact name names its agency wherever the issuer is: agencies work across borders.
    assert REGISTER.lookup("Polish Accreditation Committee", country="DE").agency == by_acronym("PKA")


def test_the_same_text_always_gives_the_same_answer() -> None:
    assert REGISTER.lookup("Accreditation Agency") == REGISTER.lookup("Accreditation Agency")
    assert load_agencies().lookup("Quality Assurance Agency") == REGISTER.lookup("Quality Assurance Agency")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=3)))
def test_lookup_and_search_never_raise(text: str, country: str | None) -> None:
    match = REGISTER.lookup(text, country)
    assert match.status in MatchStatus
    assert (match.agency is not None) == (match.status is MatchStatus.FOUND)
    assert len(REGISTER.search(text)) <= 8


# --- autocomplete ---


@pytest.mark.parametrize(
    ("text", "acronym"), [("nv", "NVAO"), ("hcé", "HCERES"), ("finn", "FINEEC"), ("azvo", "ASHE"), ("agen sci", "ASHE")]
)
def test_search_suggests_the_agency_being_typed_first(text: str, acronym: str) -> None:
    suggestions = REGISTER.search(text)
    assert suggestions[0][0] == by_acronym(acronym)
    assert [score for _, score in suggestions] == sorted((score for _, score in suggestions), reverse=True)


def test_search_respects_the_limit_and_ignores_blank_text() -> None:
    assert len(REGISTER.search("agency", limit=3)) == 3
    assert REGISTER.search("  ") == []


# --- registration state ---


def test_registration_state_is_judged_against_the_recorded_dates() -> None:
    agency = Agency(
        43, "ASHE", "Agency for Science and Higher Education", "HR", date(2017, 3, 1), date(2022, 2, 28), "x"
    )
    assert agency.registration_on(date(2016, 12, 31)) is RegistrationState.NOT_YET_REGISTERED
    assert agency.registration_on(date(2017, 3, 1)) is RegistrationState.REGISTERED
    assert agency.registration_on(date(2022, 2, 28)) is RegistrationState.REGISTERED
    assert agency.registration_on(date(2022, 3, 1)) is RegistrationState.BEYOND_THE_DATA
    unknown = Agency(None, "UKÄ", "Swedish Higher Education Authority", "SE", None, None, "added_from_knowledge")
    assert unknown.registration_on(date(2025, 1, 1)) is RegistrationState.DATES_UNKNOWN
    start_only = Agency(None, "AKAST", "AKAST", "DE", date(2021, 12, 10), None, "added_from_knowledge")
    assert start_only.registration_on(date(2021, 1, 1)) is RegistrationState.NOT_YET_REGISTERED
    # A registration whose end is not stated runs five years (EQAR registers for five years at a time).
    assert start_only.registration_on(date(2024, 1, 1)) is RegistrationState.REGISTERED
    assert start_only.registration_on(date(2026, 12, 9)) is RegistrationState.REGISTERED
    assert start_only.registration_on(date(2026, 12, 10)) is RegistrationState.BEYOND_THE_DATA


def test_snapshot_dates_are_historical() -> None:
    assert by_acronym("ASHE").registration_on(date(2020, 1, 1)) is RegistrationState.REGISTERED
    assert by_acronym("ASHE").registration_on(date(2025, 6, 30)) is RegistrationState.BEYOND_THE_DATA


# --- loading and the office's own list ---


def test_an_office_file_replaces_the_shipped_one(office_home: Path) -> None:
    agency_file(office_home / AGENCY_FILE_NAME, agency_entry())
    register = default_agencies()
    assert register.as_of == date(2026, 1, 15)
    assert [agency.acronym for agency in register.agencies] == ["ASHE"]
    assert register.lookup("AZVO").agency == register.agencies[0]
    assert register.agencies[0].registration_on(date(2026, 1, 15)) is RegistrationState.REGISTERED


def test_without_an_office_file_the_shipped_list_is_used(office_home: Path) -> None:
    assert default_agencies().as_of == REGISTER.as_of
    assert default_agencies() is default_agencies()


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (agency_entry(country="Croatia"), "agencies[0].country"),
        (agency_entry(registered_from="2023-02-30"), "agencies[0].registered_from"),
        (agency_entry(source="guess"), "agencies[0].source"),
        (agency_entry(aliases=[""]), "agencies[0].aliases[0]"),
        (agency_entry(registered_until="2020-01-01"), "agencies[0].registered_until"),
        (agency_entry(status="former"), "agencies[0].status_reason"),
        (
            agency_entry(earlier_periods=[{"from": "2018-01-01", "until": "2017-01-01"}]),
            "agencies[0].earlier_periods[0].until",
        ),
        ({key: value for key, value in agency_entry().items() if key != "name"}, "agencies[0]"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_field(tmp_path: Path, entry: dict[str, Any], field: str) -> None:
    path = agency_file(tmp_path / "list.json", entry)
    with pytest.raises(AgencyDataError) as raised:
        load_agencies(path)
    assert raised.value.lines()[0].startswith(f"{path}: {field}: ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": ', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[]", "JSON object"),
        (b'{"format": "recogniser-qa-agencies/1"}', "(top level): as_of is required here"),
    ],
)
def test_an_unreadable_file_gives_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.json"
    path.write_bytes(content)
    with pytest.raises(AgencyDataError, match=re.escape(str(path))) as raised:
        load_agencies(path)
    assert message in str(raised.value)


def test_a_missing_file_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AgencyDataError, match="cannot read the file"):
        load_agencies(tmp_path / "absent.json")


def test_an_office_file_with_problems_is_reported_not_ignored(office_home: Path) -> None:
    agency_file(office_home / AGENCY_FILE_NAME, agency_entry(country="hr"))
    with pytest.raises(AgencyDataError, match=r"agencies\[0\]\.country"):
        default_agencies()


def test_a_register_can_be_built_in_memory() -> None:
    agencies = [by_acronym("QAA"), by_acronym("SQAA")]
    register = AgencyRegister(date(2026, 1, 1), "test", agencies)
    assert register.lookup("Slovenian Quality Assurance Agency").agency == agencies[1]
