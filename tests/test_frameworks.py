"""The framework data (data/nqf_levels/) and its registry: faithful mappings, tolerant look-ups, office corrections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from recogniser.frameworks import (
    NOT_CHECKED,
    Cycle,
    FrameworkDataError,
    FrameworkRegistry,
    cycle_for_eqf,
    default_frameworks,
    framework_schema,
    load_framework_file,
    load_frameworks,
)
from recogniser.nqf_vocabulary import read_vocabulary, shipped_vocabulary_path
from recogniser.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data" / "nqf_levels"
SHIPPED_FILES = sorted(SHIPPED.glob("*.json"))

REQUIRED_IDS = [
    "IE-NFQ",
    "UK-SCT-SCQF",
    "UK-ENI-RQF",
    "UK-WLS-CQFW",
    "HR-CROQF",
    "SI-SOK",
    "NL-NLQF",
    "FR-CNCP",
    "DE-DQR",
    "PT-QNQ",
    "ES-MECES",
    "CY-CYQF",
    "MT-MQF",
    "IS-ISQF",
    "NO-NKR",
    "PL-PRK",
    "SE-SEQF",
    "FI-NQF",
    "IT-QNQ",
    "UK-ENI-FHEQ",
    "ES-MECU",
    "CH-NQFHS",
    "UA-NQF",
    "GE-NQF",
]

#: Every country the reference table covers (EHEA members with a framework, and the partner countries).
COVERED_COUNTRIES = set(
    [
        "IE",
        "GB",
        "NL",
        "HR",
        "SI",
        "CY",
        "MT",
        "IS",
        "NO",
        "FR",
        "ES",
        "BG",
        "RS",
        "ME",
        "MK",
        "DE",
        "AT",
        "BE",
        "PL",
        "SE",
        "FI",
        "DK",
        "PT",
        "IT",
        "EE",
        "LV",
        "LT",
        "CZ",
        "SK",
        "HU",
        "RO",
        "GR",
        "LU",
        "LI",
        "CH",
        "TR",
        "AL",
        "XK",
        "BA",
        "UA",
        "GE",
        "MD",
        "AM",
        "AZ",
        "KZ",
        "KG",
        "JO",
        "TN",
        "MA",
    ]
)


@pytest.fixture(scope="module")
def registry() -> FrameworkRegistry:
    return load_frameworks(SHIPPED)


# --- the data files ---


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda path: path.stem)
def test_every_file_validates_against_the_schema(path: Path) -> None:
    document = json.loads(path.read_text("utf-8"))
    errors = [error.message for error in Draft202012Validator(framework_schema()).iter_errors(document)]
    assert errors == []
    assert load_framework_file(path).id == path.stem


def test_the_schema_is_itself_valid() -> None:
    Draft202012Validator.check_schema(framework_schema())


def test_ids_are_unique_regardless_of_case(registry: FrameworkRegistry) -> None:
    assert len(SHIPPED_FILES) == len(registry)
    assert Counter(framework_id.upper() for framework_id in registry.ids()).most_common(1)[0][1] == 1


@pytest.mark.parametrize("framework_id", REQUIRED_IDS)
def test_required_framework_exists(registry: FrameworkRegistry, framework_id: str) -> None:
    assert registry.get(framework_id) is not None


def test_every_covered_country_has_a_framework(registry: FrameworkRegistry) -> None:
    assert {framework.country for framework in registry} == COVERED_COUNTRIES


def test_id_starts_with_the_country(registry: FrameworkRegistry) -> None:
    for framework in registry:
        expected = "UK" if framework.country == "GB" else framework.country
        assert framework.id.split("-", 1)[0] == expected, framework.id


def test_level_ids_and_labels_are_unique_within_a_framework(registry: FrameworkRegistry) -> None:
    for framework in registry:
        assert len({level.id for level in framework.levels}) == len(framework.levels), framework.id
        assert len({level.label for level in framework.levels}) == len(framework.levels), framework.id


def test_a_cycle_always_sits_at_its_eqf_level(registry: FrameworkRegistry) -> None:
    for framework in registry:
        for level in framework.levels:
            if level.cycle is not None:
                assert cycle_for_eqf(level.eqf_level or 0) == level.cycle, (framework.id, level.id)


NOT_ONE_TO_ONE = [
    # reference §3: several national levels share one EQF level, sublevels, or levels not referenced at all
    ("IE-NFQ", "1", 1),
    ("IE-NFQ", "2", 1),
    ("IE-NFQ", "4", 3),
    ("IE-NFQ", "5", 4),
    ("IE-NFQ", "7", 6),
    ("IE-NFQ", "8", 6),
    ("IE-NFQ", "10", 8),
    ("UK-SCT-SCQF", "1", None),
    ("UK-SCT-SCQF", "2", None),
    ("UK-SCT-SCQF", "7", 5),
    ("UK-SCT-SCQF", "8", 5),
    ("UK-SCT-SCQF", "9", 6),
    ("UK-SCT-SCQF", "10", 6),
    ("UK-SCT-SCQF", "11", 7),
    ("UK-SCT-SCQF", "12", 8),
    ("UK-ENI-RQF", "Entry 1-2", None),
    ("UK-ENI-RQF", "Entry 3", 1),
    ("UK-ENI-RQF", "1", 2),
    ("UK-ENI-RQF", "3", 4),
    ("UK-ENI-RQF", "4", 5),
    ("UK-ENI-RQF", "5", 5),
    ("UK-ENI-FHEQ", "4", 5),
    ("UK-ENI-FHEQ", "5", 5),
    ("UK-WLS-CQFW", "4", 5),
    ("UK-WLS-CQFW", "5", 5),
    ("SI-SOK", "4", 4),
    ("SI-SOK", "5", 4),
    ("SI-SOK", "6", 5),
    ("SI-SOK", "7", 6),
    ("SI-SOK", "8", 7),
    ("SI-SOK", "9", 8),
    ("SI-SOK", "10", 8),
    ("HR-CROQF", "4.1", 4),
    ("HR-CROQF", "4.2", 4),
    ("HR-CROQF", "7.1", 7),
    ("HR-CROQF", "7.2", 7),
    ("HR-CROQF", "8.1", 8),
    ("HR-CROQF", "8.2", 8),
    ("CY-CYQF", "5a", 5),
    ("CY-CYQF", "5b", 5),
    ("CY-CYQF", "5c", 5),
    ("CY-CYQF", "7a", 7),
    ("CY-CYQF", "7c", 7),
    ("IS-ISQF", "1", 2),
    ("IS-ISQF", "5.1", 6),
    ("IS-ISQF", "5.2", 6),
    ("IS-ISQF", "6.1", 7),
    ("IS-ISQF", "6.2", 7),
    ("IS-ISQF", "7", 8),
    ("NO-NKR", "5.1", 5),
    ("NO-NKR", "5.2", 5),
    ("NL-NLQF", "Entry", None),
    ("NL-NLQF", "4", 4),
    ("NL-NLQF", "4+", 4),
    ("MT-MQF", "A", None),
    ("MT-MQF", "B", None),
    ("BG-BQF", "0", None),
    ("RS-NQFS", "6.1", 6),
    ("RS-NQFS", "6.2", 6),
    ("RS-NQFS", "7.1", 7),
    ("RS-NQFS", "7.2", 7),
    ("ME-MQF", "1.1", 1),
    ("ME-MQF", "1.2", 1),
    ("ME-MQF", "4.2", 4),
    ("ME-MQF", "7.2", 7),
    ("MK-MQF", "5A", 5),
    ("MK-MQF", "6B", 6),
    ("MK-MQF", "7B", 7),
    ("ES-MECES", "1", 5),
    ("ES-MECES", "2", 6),
    ("ES-MECES", "3", 7),
    ("ES-MECES", "4", 8),
    ("FR-CNCP", "V", 3),
    ("FR-CNCP", "III", 5),
    ("FR-CNCP", "II", 6),
    ("FR-CNCP", "I", None),
    ("UA-NQF", "0", None),
    ("KG-NQF", "7a", 7),
    ("KG-NQF", "7b", 7),
    ("KG-NQF", "9", 8),
    ("JO-JNQF", "7", 6),
    ("JO-JNQF", "9", 7),
    ("JO-JNQF", "10", 8),
    ("TN-CNQ", "5", 6),
    ("TN-CNQ", "7", 8),
]


@pytest.mark.parametrize(("framework_id", "level_id", "eqf_level"), NOT_ONE_TO_ONE)
def test_mapping_that_is_not_one_to_one(
    registry: FrameworkRegistry, framework_id: str, level_id: str, eqf_level: int | None
) -> None:
    framework = registry.get(framework_id)
    assert framework is not None
    level = framework.level(level_id)
    assert level is not None
    assert level.eqf_level == eqf_level


ONE_TO_ONE = [
    "FR-CNCP",
    "ES-MECU",
    "MT-MQF",
    "DE-DQR",
    "AT-NQR",
    "BE-FL-VKS",
    "BE-FR-CFC",
    "BE-DE-QDG",
    "PL-PRK",
    "SE-SEQF",
    "FI-NQF",
    "DK-DKQF",
    "PT-QNQ",
    "IT-QNQ",
    "EE-ESTQF",
    "LV-LKI",
    "LT-LTQF",
    "CZ-CZQF",
    "SK-SKKR",
    "HU-HUQF",
    "RO-CNC",
    "GR-HQF",
    "LU-CLQ",
    "LI-NQFL",
    "CH-NQFVPET",
    "TR-TYC",
    "AL-AQF",
    "XK-KQF",
    "BA-QFBIH",
    "BG-BQF",
    "UA-NQF",
    "GE-NQF",
    "MD-NQF",
    "AM-ANQF",
    "AZ-AZQF",
    "KZ-NRK",
    "MA-CNC",
    "NL-NLQF",
]


@pytest.mark.parametrize("framework_id", ONE_TO_ONE)
def test_one_to_one_framework_maps_level_n_to_eqf_n(registry: FrameworkRegistry, framework_id: str) -> None:
    framework = registry.get(framework_id)
    assert framework is not None
    for n in range(1, 9):
        level = framework.level(str(n))
        assert level is not None and level.eqf_level == n, (framework_id, n)


@pytest.mark.parametrize(
    ("framework_id", "level_id", "cycle"),
    [
        ("IE-NFQ", "6", Cycle.SHORT_CYCLE),
        ("IE-NFQ", "7", Cycle.FIRST_CYCLE),
        ("IE-NFQ", "8", Cycle.FIRST_CYCLE),
        ("IE-NFQ", "9", Cycle.SECOND_CYCLE),
        ("IE-NFQ", "10", Cycle.THIRD_CYCLE),
        ("UK-SCT-SCQF", "7", None),
        ("UK-SCT-SCQF", "8", Cycle.SHORT_CYCLE),
        ("UK-SCT-SCQF", "10", Cycle.FIRST_CYCLE),
        ("UK-ENI-FHEQ", "4", None),
        ("UK-ENI-FHEQ", "5", Cycle.SHORT_CYCLE),
        ("HR-CROQF", "7.1", Cycle.SECOND_CYCLE),
        ("HR-CROQF", "7.2", None),
        ("HR-CROQF", "8.2", Cycle.THIRD_CYCLE),
        ("SI-SOK", "6", Cycle.SHORT_CYCLE),
        ("SI-SOK", "8", Cycle.SECOND_CYCLE),
        ("SI-SOK", "9", None),
        ("SI-SOK", "10", Cycle.THIRD_CYCLE),
        ("CY-CYQF", "5a", None),
        ("CY-CYQF", "7c", Cycle.SECOND_CYCLE),
        ("IS-ISQF", "5.1", Cycle.FIRST_CYCLE),
        ("DE-DQR", "5", None),
        ("NO-NKR", "6", Cycle.FIRST_CYCLE),
    ],
)
def test_cycle_follows_the_reference(
    registry: FrameworkRegistry, framework_id: str, level_id: str, cycle: Cycle | None
) -> None:
    framework = registry.get(framework_id)
    assert framework is not None
    level = framework.level(level_id)
    assert level is not None and level.cycle == cycle


def test_every_eqf_mapping_cites_its_check_or_is_shown_as_not_checked(registry: FrameworkRegistry) -> None:
    checked = {
        (framework.id, level.id)
        for framework in registry
        for level in framework.levels
        if framework.check_of(level) is not None
    }
    # Confirmed against published pages: Ireland and Estonia on the Europass comparison, Iceland's levels on the
    # Icelandic ENIC-NARIC table and Cedefop's 2022 country report, two Slovenian levels on Eurydice.
    assert {framework_id for framework_id, _ in checked} == {"IE-NFQ", "EE-ESTQF", "IS-ISQF", "SI-SOK"}
    assert {level_id for framework_id, level_id in checked if framework_id == "SI-SOK"} == {"6", "7"}
    assert {level_id for framework_id, level_id in checked if framework_id == "IS-ISQF"} == {
        "1",
        "5.1",
        "5.2",
        "6.1",
        "6.2",
        "7",
    }
    for framework in registry:
        for level in framework.levels:
            check = framework.check_of(level)
            if check is None:
                assert framework.mapping_note(level) == NOT_CHECKED
            else:
                assert check.document and check.section and check.read_on
                assert framework.mapping_note(level).startswith("mapping checked in ")
    # No data file speaks of memory: a mapping is checked in a named source or plainly not checked.
    for path in SHIPPED_FILES:
        assert "memory" not in path.read_text(encoding="utf-8").casefold(), path.name


def test_every_vocabulary_concept_resolves_to_exactly_one_level_or_framework(registry: FrameworkRegistry) -> None:
    vocabulary = read_vocabulary(shipped_vocabulary_path())
    framework_uris = {framework.uri: framework for framework in registry if framework.uri}
    level_uris = [level.uri for framework in registry for level in framework.levels if level.uri]
    assert len(level_uris) == len(set(level_uris))
    assert not framework_uris.keys() & set(level_uris)
    for concept in vocabulary.concepts:
        if concept.uri in framework_uris:
            assert registry.find_uri(concept.uri) is None
            assert registry.framework_for_uri(concept.uri) is framework_uris[concept.uri]
            continue
        found = registry.find_uri(concept.uri)
        assert found is not None, concept
        framework, level = found
        assert level.label == concept.label, concept
        # The label alone, with no country, names the same level and no other.
        assert registry.find_label(concept.label) == found, concept
        assert framework.level(concept.uri) is level
    vocabulary_uris = {concept.uri for concept in vocabulary.concepts}
    assert set(level_uris) | framework_uris.keys() == vocabulary_uris
    assert len(framework_uris) == 43 and len(level_uris) == 381


def test_a_concept_uri_resolves_however_its_scheme_and_slash_are_written(registry: FrameworkRegistry) -> None:
    found = registry.find_uri("https://data.europa.eu/snb/qdr/c_d7b593f0/")
    assert found is not None and (found[0].id, found[1].id) == ("IT-QNQ", "1")
    assert registry.find_uri("http://data.europa.eu/snb/qdr/c_00000000") is None


@pytest.mark.parametrize(
    ("label", "framework_id", "level_id"),
    [
        ("AT: NQF Level 6", "AT-NQR", "6"),
        ("NQR Level 6", "AT-NQR", "6"),  # the earlier label, kept as an alias
        ("BH NQF Level 7", "BA-QFBIH", "7"),
        ("FQF Level 5", "BE-FL-VKS", "5"),
        ("NSK Level 6", "CZ-CZQF", "6"),
        ("DK NQF Level 7", "DK-DKQF", "7"),
        ("FiNQF Level 8", "FI-NQF", "8"),
        ("IE NQF Level 8", "IE-NFQ", "8"),
        ("NFQ Level 8", "IE-NFQ", "8"),
        ("IT NQF Level 6", "IT-QNQ", "6"),
        ("LQF Level 5", "LV-LKI", "5"),
        ("PQF Level 6", "PL-PRK", "6"),
        ("ROQF Level 7", "RO-CNC", "7"),
        ("TQF Level 5", "TR-TYC", "5"),
        ("KS NQF Level 6", "XK-KQF", "6"),
        ("ME NQF Level 7.1", "ME-MQF", "7.1"),
        ("CQFW Entry 1-3", "UK-WLS-CQFW", "Entry 1-3"),
        ("CQFW Entry Levels 1-3", "UK-WLS-CQFW", "Entry 1-3"),
        ("NQF RNCP Level V", "FR-CNCP", "V"),
        ("CNCP Level V", "FR-CNCP", "V"),
        ("NQF RNCP Level I-Master", "FR-CNCP", "I-Master"),
        ("NQF RNCP Level I-Doctorat", "FR-CNCP", "I-Doctorat"),
        ("NQF RNCP Level II-Grade de Licence", "FR-CNCP", "II-Grade de Licence"),
        ("NKR Level 1", "NO-NKR", "1"),
        ("NQFS Level 6", "RS-NQFS", "6"),
        ("NQFS Level 7", "RS-NQFS", "7"),
        ("NNMQF Level 5", "MK-MQF", "5"),
        ("NNMQF Level 6", "MK-MQF", "6"),
        ("NNMQF Level 7", "MK-MQF", "7"),
        # The collisions resolved: Malta keeps "MQF", Portugal keeps "QNQ".
        ("MQF Level 7", "MT-MQF", "7"),
        ("QNQ Level 6", "PT-QNQ", "6"),
    ],
)
def test_vocabulary_and_earlier_labels_name_one_level(
    registry: FrameworkRegistry, label: str, framework_id: str, level_id: str
) -> None:
    found = registry.find_label(label)
    assert found is not None
    assert (found[0].id, found[1].id) == (framework_id, level_id)


@pytest.mark.parametrize(
    ("framework_id", "level_id", "eqf_level"),
    [
        ("NO-NKR", "1", 1),
        ("RS-NQFS", "6", 6),
        ("RS-NQFS", "7", 7),
        ("MK-MQF", "5", 5),
        ("MK-MQF", "6", 6),
        ("MK-MQF", "7", 7),
        ("FR-CNCP", "I-Master", 7),
        ("FR-CNCP", "I-Doctorat", 8),
        ("FR-CNCP", "II-Grade de Licence", 6),
    ],
)
def test_levels_added_from_the_vocabulary(
    registry: FrameworkRegistry, framework_id: str, level_id: str, eqf_level: int
) -> None:
    framework = registry.get(framework_id)
    assert framework is not None
    level = framework.level(level_id)
    assert level is not None and level.eqf_level == eqf_level and level.uri


def test_a_format_1_file_still_loads_with_its_mappings_not_checked(tmp_path: Path) -> None:
    document = {
        "format": "recogniser-framework/1",
        "id": "HR-CROQF",
        "country": "HR",
        "name": "Croatian Qualifications Framework",
        "source": "The office's own table.",
        "confidence": "verified",
        "notes": "",
        "levels": [{"id": "7.1", "label": "CROQF Level 7.1", "eqf_level": 7, "cycle": "second_cycle"}],
    }
    framework = load_framework_file(_write(tmp_path, document))
    level = framework.level("7.1")
    assert level is not None and level.eqf_level == 7
    assert framework.check_of(level) is None


@pytest.mark.parametrize(("eqf_level", "cycle"), [(1, None), (4, None), (5, Cycle.SHORT_CYCLE), (8, Cycle.THIRD_CYCLE)])
def test_cycle_for_eqf(eqf_level: int, cycle: Cycle | None) -> None:
    assert cycle_for_eqf(eqf_level) == cycle


# --- look-ups ---


@pytest.mark.parametrize(
    "written", ["7.1", " 7.1 ", "Level 7.1", "level 7.1", "CROQF Level 7.1", "croqf  LEVEL 7.1", "HR-CROQF 7.1"]
)
def test_level_is_found_however_it_is_written(registry: FrameworkRegistry, written: str) -> None:
    framework = registry.get("hr-croqf")
    assert framework is not None
    level = framework.level(written)
    assert level is not None and level.id == "7.1"


@pytest.mark.parametrize(
    ("framework_id", "written", "level_id"),
    [
        ("UK-ENI-RQF", "Entry Level 3", "Entry 3"),
        ("UK-ENI-RQF", "entry 3", "Entry 3"),
        ("UK-ENI-RQF", "RQF Entry Levels 1-2", "Entry 1-2"),
        ("UK-ENI-RQF", "Entry 1–2", "Entry 1-2"),
        ("MK-MQF", "6 B", "6B"),
        ("MK-MQF", "NNMQF Level 6 B", "6B"),
        ("NL-NLQF", "NLQF Level 4+", "4+"),
        ("MT-MQF", "Level A", "A"),
        ("FR-CNCP", "Level III", "III"),
        ("FR-CNCP", "3", "3"),
        ("CH-NQFHS", "master", "Master"),
    ],
)
def test_level_spellings(registry: FrameworkRegistry, framework_id: str, written: str, level_id: str) -> None:
    framework = registry.get(framework_id)
    assert framework is not None
    level = framework.level(written)
    assert level is not None and level.id == level_id


@pytest.mark.parametrize("written", ["9", "7.3", "Level", "", "CROQF Level"])
def test_unknown_level_is_none(registry: FrameworkRegistry, written: str) -> None:
    framework = registry.get("HR-CROQF")
    assert framework is not None and framework.level(written) is None


def test_find_label_round_trips_every_label(registry: FrameworkRegistry) -> None:
    shared = Counter(level.label.casefold() for framework in registry for level in framework.levels)
    for framework in registry:
        for level in framework.levels:
            assert registry.find_label(level.label, country=framework.country) == (framework, level)
            if shared[level.label.casefold()] == 1:
                assert registry.find_label(level.label) == (framework, level)
                assert registry.find_label(f"  {level.label.upper()} ") == (framework, level)


def test_find_label_examples_from_europass(registry: FrameworkRegistry) -> None:
    found = registry.find_label("CROQF Level 7.1")
    assert found is not None and (found[0].id, found[1].id) == ("HR-CROQF", "7.1")
    found = registry.find_label("RQF Level 6")
    assert found is not None and (found[0].id, found[1].id) == ("UK-ENI-RQF", "6")
    found = registry.find_label("NNMQF Level 6B")
    assert found is not None and (found[0].id, found[1].id) == ("MK-MQF", "6B")
    assert registry.find_label("CROQF Level 9") is None


def test_no_alias_is_shared_with_another_level(registry: FrameworkRegistry) -> None:
    spellings = Counter(
        label.casefold()
        for framework in registry
        for level in framework.levels
        for label in (level.label, *level.aliases)
    )
    aliases = [alias.casefold() for framework in registry for level in framework.levels for alias in level.aliases]
    assert [alias for alias in aliases if spellings[alias] > 1] == []
    # Italy's and Montenegro's earlier labels collided with Portugal's and Malta's: a country does not revive them.
    assert registry.find_label("QNQ Level 6", country="IT") is None
    assert registry.find_label("MQF Level 2", country="ME") is None


def test_registry_basics(registry: FrameworkRegistry) -> None:
    assert registry.ids() == sorted(registry.ids())
    assert [framework.id for framework in registry] == registry.ids()
    croqf = registry.get(" hr-croqf ")
    assert croqf is not None and croqf.id == "HR-CROQF"
    assert registry.get("XX-NONE") is None


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("GB", ["UK-ENI-FHEQ", "UK-ENI-RQF", "UK-SCT-SCQF", "UK-WLS-CQFW"]),
        ("uk", ["UK-ENI-FHEQ", "UK-ENI-RQF", "UK-SCT-SCQF", "UK-WLS-CQFW"]),
        ("UK-SCT", ["UK-SCT-SCQF"]),
        ("BE", ["BE-DE-QDG", "BE-FL-VKS", "BE-FR-CFC"]),
        ("ES", ["ES-MECES", "ES-MECU"]),
        ("EL", ["GR-HQF"]),
        ("hr", ["HR-CROQF"]),
        ("LB", []),
    ],
)
def test_for_country(registry: FrameworkRegistry, country: str, expected: list[str]) -> None:
    assert [framework.id for framework in registry.for_country(country)] == expected


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("HR-CROFQ", "HR-CROQF"),
        ("hr-croqf", "HR-CROQF"),
        ("CROQF", "HR-CROQF"),
        ("SCQF", "UK-SCT-SCQF"),
        ("IE-NQF", "IE-NFQ"),
        ("UK-RQF", "UK-ENI-RQF"),
        ("DE-QDR", "DE-DQR"),
        ("NL-NQF", "NL-NLQF"),
    ],
)
def test_suggest_corrects_a_typo(registry: FrameworkRegistry, typed: str, first: str) -> None:
    suggestions = registry.suggest(typed)
    assert suggestions[0] == first
    assert len(suggestions) <= 3


def test_suggest_offers_nothing_for_unrelated_text(registry: FrameworkRegistry) -> None:
    assert registry.suggest("scotland") == []
    assert len(registry.suggest("NQF", limit=5)) == 5


# --- office corrections and bad files ---


def _shipped_document(framework_id: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SHIPPED / f"{framework_id}.json").read_text("utf-8"))
    return document


def _write(directory: Path, document: dict[str, Any], name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (name or f"{document['id']}.json")
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _corrected_croqf() -> dict[str, Any]:
    document = _shipped_document("HR-CROQF")
    document["eqf_checked_in"] = {
        "document": "Croatian Qualifications Framework referencing report",
        "section": "table 4",
        "read_on": "2026-11-30",
    }
    document["source"] = "Office correction after reading the CROQF register"
    document["levels"] = [level for level in document["levels"] if level["id"] != "8.1"]
    return document


def test_office_directory_replaces_a_framework_by_id(tmp_path: Path) -> None:
    _write(tmp_path / "office", _corrected_croqf())
    registry = load_frameworks(SHIPPED, tmp_path / "office")
    croqf = registry.get("HR-CROQF")
    assert croqf is not None
    assert croqf.level("8.1") is None
    level = croqf.level("7.1")
    assert level is not None
    assert croqf.mapping_note(level) == (
        "mapping checked in Croatian Qualifications Framework referencing report, table 4; read on 2026-11-30"
    )
    assert len(registry) == len(SHIPPED_FILES)
    found = registry.find_label("CROQF Level 8.1")
    assert found is None


def test_office_directory_can_add_a_framework(tmp_path: Path) -> None:
    document = {
        "format": "recogniser-framework/1",
        "id": "SM-QF",
        "country": "SM",
        "name": "Office test framework",
        "source": "Office",
        "confidence": "from_memory",
        "notes": "",
        "levels": [{"id": "6", "label": "QF Level 6", "eqf_level": 6, "cycle": "first_cycle"}],
    }
    _write(tmp_path / "office", document)
    registry = load_frameworks(SHIPPED, tmp_path / "office")
    assert [framework.id for framework in registry.for_country("SM")] == ["SM-QF"]


def test_default_frameworks_read_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path))
    _write(tmp_path / "nqf_levels", _corrected_croqf())
    default_frameworks.cache_clear()
    try:
        croqf = default_frameworks().get("HR-CROQF")
        assert croqf is not None and croqf.eqf_checked_in is not None
    finally:
        default_frameworks.cache_clear()


def test_default_frameworks_without_a_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path / "absent"))
    default_frameworks.cache_clear()
    try:
        assert default_frameworks().ids() == load_frameworks(data_dir() / "nqf_levels").ids()
        assert default_frameworks() is default_frameworks()
    finally:
        default_frameworks.cache_clear()


def test_a_bad_office_file_stops_loading_rather_than_being_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(tmp_path))
    document = _corrected_croqf()
    document["levels"][0]["eqf_level"] = 0
    _write(tmp_path / "nqf_levels", document)
    default_frameworks.cache_clear()
    try:
        with pytest.raises(FrameworkDataError, match=r"HR-CROQF\.json: levels\[0\]\.eqf_level: "):
            default_frameworks()
    finally:
        default_frameworks.cache_clear()


def test_a_one_word_label_does_not_claim_the_empty_level(tmp_path: Path) -> None:
    document = _shipped_document("CH-NQFHS")
    document["levels"][0]["label"] = "Bachelor"
    framework = load_framework_file(_write(tmp_path, document))
    assert framework.level("") is None
    level = framework.level("bachelor")
    assert level is not None and level.eqf_level == 6


def _set(path: str, value: Any) -> Any:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return change


_DELETE = object()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (_set("levels.0.eqf_level", 9), "levels[0].eqf_level", "9"),
        (_set("levels.0.eqf_level", "7"), "levels[0].eqf_level", "must be a whole number"),
        (_set("levels.0.id", 7), "levels[0].id", "must be text"),
        (_set("levels.2.cycle", "third"), "levels[2].cycle", "third"),
        (_set("eqf_checked_in", {"document": "Report"}), "eqf_checked_in.read_on", "is required"),
        (_set("levels.0.uri", "c_123"), "levels[0].uri", "is not of the form this field takes"),
        (_set("levels.1.uri", "http://data.europa.eu/snb/qdr/c_d34c0ab3"), "levels[1].uri", "appears twice"),
        (_set("source", _DELETE), "source", "is required"),
        (_set("levels.1.label", _DELETE), "levels[1].label", "is required"),
        (_set("levels.1.eqf_levle", 2), "levels[1].eqf_levle", "not a field"),
        (_set("levels", []), "levels", "needs at least 1 entry"),
        (_set("format", "recogniser-framework/3"), "format", "recogniser-framework/2"),
        (_set("country", "Croatia"), "country", "must be ISO 3166-1 alpha-2"),
        (_set("country", "SI"), "country", "starts with HR"),
        (_set("levels.1.id", "1"), "levels[1].id", "appears twice"),
        (_set("levels.1.label", "CROQF Level 1"), "levels[1].label", "appears twice"),
        (_set("levels.5.cycle", "first_cycle"), "levels[5].cycle", "EQF 6, not 5"),
    ],
)
def test_malformed_file_names_file_and_field(tmp_path: Path, change: Any, field: str, words: str) -> None:
    document = _shipped_document("HR-CROQF")
    change(document)
    path = _write(tmp_path, document, "HR-CROQF.json")
    with pytest.raises(FrameworkDataError) as raised:
        load_frameworks(SHIPPED, tmp_path)
    line = str(raised.value)
    assert line.startswith(f"{path}: {field}: "), line
    assert words in line
    assert raised.value.lines()[0] == line


def test_file_name_must_match_the_id(tmp_path: Path) -> None:
    path = _write(tmp_path, _shipped_document("HR-CROQF"), "croatia.json")
    with pytest.raises(FrameworkDataError, match=r"croatia\.json: id: .*name it HR-CROQF\.json"):
        load_framework_file(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"id": "HR-CROQF",', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[]", "must be a group of fields (got a list)"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
    ],
)
def test_unreadable_file_names_the_file(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "HR-CROQF.json"
    path.write_bytes(content)
    with pytest.raises(FrameworkDataError) as raised:
        load_framework_file(path)
    assert str(raised.value).startswith(str(path)) and words in str(raised.value)


def test_a_missing_directory_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FrameworkDataError, match="is not a folder"):
        load_frameworks(tmp_path / "absent")


def test_files_other_than_framework_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text("notes for the office", encoding="utf-8")
    (tmp_path / ".HR-CROQF.json.part.json").write_text("{", encoding="utf-8")
    assert len(load_frameworks(tmp_path)) == 0


# --- packaging (load speed: bench/assess_bench.py) ---


def test_a_built_wheel_carries_the_framework_data(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(tmp_path / "wheel")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = (tmp_path / "wheel").glob("recogniser-*.whl")
    installed = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(installed)
    assert {f"recogniser/data/nqf_levels/{path.name}" for path in SHIPPED_FILES} <= names
    assert "recogniser/schemas/framework-1.schema.json" in names
    # Run from elsewhere with only the unpacked wheel on the path, as a non-editable install would be.
    code = (
        "import recogniser, recogniser.frameworks as f; print(recogniser.__file__); print(len(f.default_frameworks()))"
    )
    environment = {**os.environ, "PYTHONPATH": str(installed), "RECOGNISER_DATA_HOME": str(tmp_path / "home")}
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path, env=environment
    )
    module_file, count = run.stdout.split()
    assert Path(module_file).is_relative_to(installed)
    assert int(count) == len(SHIPPED_FILES)
