"""``recogniser data import-levels FILE``: a newer national-framework vocabulary, as the XSD or as SKOS RDF/XML,
relabels levels by concept URI (keeping the earlier label), lists concepts it cannot add, and is refused when it
is not that vocabulary. The vocabulary files here are written for the test from the shipped XSD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from recogniser.cli import main
from recogniser.frameworks import default_frameworks
from recogniser.nqf_vocabulary import read_vocabulary, shipped_vocabulary_path
from recogniser.reference_data import Origin, vocabulary_status

IT_6 = "http://data.europa.eu/snb/qdr/c_f875790f"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "data"
    monkeypatch.setenv("RECOGNISER_DATA_HOME", str(home))
    default_frameworks.cache_clear()
    yield home
    default_frameworks.cache_clear()


def newer_xsd(path: Path) -> Path:
    text = shipped_vocabulary_path().read_text("utf-8")
    text = text.replace(
        "<xs:documentation>IT NQF Level 6</xs:documentation>",
        "<xs:documentation>IT NQF Level 6 (Laurea)</xs:documentation>",
    )
    added = (
        '<xs:enumeration value="http://data.europa.eu/snb/qdr/c_0000abcd"><xs:annotation>'
        "<xs:documentation>IT NQF Level 9</xs:documentation></xs:annotation></xs:enumeration>"
    )
    text = text.replace('<xs:restriction base="xs:anyURI">', '<xs:restriction base="xs:anyURI">' + added, 1)
    path.write_text(text, "utf-8")
    return path


def skos(path: Path, concepts: dict[str, str]) -> Path:
    body = "".join(
        f'<skos:Concept rdf:about="{uri}"><skos:prefLabel xml:lang="hr">Razina</skos:prefLabel>'
        f'<skos:prefLabel xml:lang="en">{label}</skos:prefLabel>'
        '<skos:inScheme rdf:resource="http://data.europa.eu/snb/qdr/25831c2"/></skos:Concept>'
        for uri, label in concepts.items()
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:skos="http://www.w3.org/2004/02/skos/core#">'
        '<skos:ConceptScheme rdf:about="http://data.europa.eu/snb/qdr/25831c2"/>' + body + "</rdf:RDF>",
        "utf-8",
    )
    return path


def test_a_newer_xsd_relabels_by_uri_and_keeps_the_old_label(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vocabulary = newer_xsd(tmp_path / "nqf.xsd")
    assert main(["data", "import-levels", str(vocabulary), "--retrieved", "2026-12-01"]) == 0
    out = capsys.readouterr().out
    assert "IT-QNQ 6: 'IT NQF Level 6' -> 'IT NQF Level 6 (Laurea)' (the old label kept)" in out
    assert "IT NQF Level 9 (http://data.europa.eu/snb/qdr/c_0000abcd), in IT-QNQ" in out
    registry = default_frameworks()
    found = registry.find_uri(IT_6)
    assert found is not None and found[1].label == "IT NQF Level 6 (Laurea)"
    assert registry.find_label("IT NQF Level 6") == found and found[1].eqf_level == 6
    assert registry.find_uri("http://data.europa.eu/snb/qdr/c_0000abcd") is None
    written = json.loads((office / "nqf_levels" / "IT-QNQ.json").read_text("utf-8"))
    assert written["format"] == "recogniser-framework/2"
    status = vocabulary_status()
    assert status.origin is Origin.OFFICE and status.retrieved_on is not None
    assert status.retrieved_on.isoformat() == "2026-12-01" and "425 concepts" in status.summary


def test_a_skos_file_is_read_in_english(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = read_vocabulary(shipped_vocabulary_path())
    concepts = {concept.uri: concept.label for concept in shipped.concepts}
    concepts[IT_6] = "IT NQF Level 6 (Laurea)"
    vocabulary = read_vocabulary(skos(tmp_path / "qdr.rdf", concepts))
    assert vocabulary.form == "SKOS (RDF/XML)" and len(vocabulary.concepts) == len(shipped.concepts)
    assert vocabulary.label_of(IT_6) == "IT NQF Level 6 (Laurea)"
    assert main(["data", "import-levels", str(tmp_path / "qdr.rdf"), "--retrieved", "2026-12-01", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "labels changed: 1" in out and "Nothing written" in out
    assert not (office / "nqf_levels").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not xml at all", "not XML"),
        ("<html><body>DEQAR</body></html>", "neither the vocabulary's XSD nor a SKOS RDF/XML file"),
        (
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType/></xs:schema>',
            "holds no concepts of the national-framework vocabulary",
        ),
    ],
)
def test_a_bad_vocabulary_file_is_one_line_and_writes_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    path = tmp_path / "nqf.xsd"
    path.write_text(content, "utf-8")
    assert main(["data", "import-levels", str(path), "--retrieved", "2026-12-01"]) == 2
    error = capsys.readouterr().err
    assert words in error and error.count("\n") == 1
    assert not office.joinpath("nqf_levels").exists()


def test_a_vocabulary_sharing_no_concept_is_refused(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = skos(tmp_path / "other.rdf", {"http://data.europa.eu/snb/qdr/c_99999999": "XX Level 1"})
    assert main(["data", "import-levels", str(path), "--retrieved", "2026-12-01"]) == 2
    assert (
        "shares no concept with the national-framework vocabulary in use, so it is refused" in capsys.readouterr().err
    )
    assert not office.joinpath("nqf_levels").exists()
