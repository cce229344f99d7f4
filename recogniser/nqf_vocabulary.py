"""The national-framework vocabulary of the European Learning Model: concept URIs and their English labels.

Read from the XSD the European Learning Model ships (``xs:enumeration`` values with their documentation) or
from a SKOS file in RDF/XML as EU Vocabularies publishes it (``skos:Concept`` with ``skos:prefLabel``). The
vocabulary carries no EQF level; the framework files map its levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from recogniser.errors import UserInputError, located
from recogniser.i18n import N_, phrase
from recogniser.inputs import InputFileError, read_bounded
from recogniser.resources import data_dir

#: The concept scheme of national framework levels.
NQF_SCHEME = "http://data.europa.eu/snb/qdr/25831c2"
SHIPPED_VOCABULARY = Path("vocabularies") / "nqf.xsd"
#: A vocabulary file is a few hundred kilobytes; a far larger file is not one.
MAX_VOCABULARY_BYTES = 50 * 1024 * 1024

_XS = "{http://www.w3.org/2001/XMLSchema}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_SKOS = "{http://www.w3.org/2004/02/skos/core#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class VocabularyDataError(UserInputError):
    """A vocabulary file that cannot be read; the message names the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(located(str(path), problem))


@dataclass(frozen=True)
class Concept:
    uri: str
    label: str


@dataclass(frozen=True)
class Vocabulary:
    concepts: tuple[Concept, ...]
    #: "XSD" or "SKOS (RDF/XML)".
    form: str

    def label_of(self, uri: str) -> str | None:
        return next((concept.label for concept in self.concepts if concept.uri == uri), None)


def shipped_vocabulary_path() -> Path:
    return data_dir() / SHIPPED_VOCABULARY


def read_vocabulary(path: Path) -> Vocabulary:
    """The concepts of ``path``, an XSD or a SKOS RDF/XML file; VocabularyDataError when it is neither."""
    try:
        root = ElementTree.fromstring(read_bounded(path, MAX_VOCABULARY_BYTES, N_("vocabulary file")))
    except InputFileError as error:
        raise VocabularyDataError(path, error.reason) from None
    except ElementTree.ParseError as error:
        raise VocabularyDataError(path, phrase("not XML ({reason})", reason=str(error))) from None
    if root.tag == f"{_XS}schema":
        concepts, form = _xsd_concepts(root), "XSD"
    elif root.tag == f"{_RDF}RDF":
        concepts, form = _skos_concepts(root), "SKOS (RDF/XML)"
    else:
        raise VocabularyDataError(path, phrase("is neither the vocabulary's XSD nor a SKOS RDF/XML file"))
    if not concepts:
        raise VocabularyDataError(path, phrase("holds no concepts of the national-framework vocabulary"))
    uris = [concept.uri for concept in concepts]
    duplicate = next((uri for uri in uris if uris.count(uri) > 1), None)
    if duplicate is not None:
        raise VocabularyDataError(path, phrase("names the concept {uri} twice", uri=duplicate))
    return Vocabulary(tuple(sorted(concepts, key=lambda concept: concept.uri)), form)


def _clean(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _is_qdr_concept(uri: str) -> bool:
    return uri.startswith("http://data.europa.eu/snb/qdr/") and uri.rstrip("/") != NQF_SCHEME


def _xsd_concepts(root: ElementTree.Element) -> list[Concept]:
    concepts = []
    for enumeration in root.iter(f"{_XS}enumeration"):
        uri = (enumeration.get("value") or "").strip()
        label = _clean(enumeration.findtext(f"{_XS}annotation/{_XS}documentation"))
        if _is_qdr_concept(uri) and label:
            concepts.append(Concept(uri, label))
    return concepts


def _skos_concepts(root: ElementTree.Element) -> list[Concept]:
    concepts = []
    for element in root:
        uri = (element.get(f"{_RDF}about") or "").strip()
        if not _is_qdr_concept(uri):
            continue
        labels = element.findall(f"{_SKOS}prefLabel")
        english = [label for label in labels if (label.get(_XML_LANG) or "").lower().startswith("en")]
        chosen = english or [label for label in labels if label.get(_XML_LANG) is None]
        label = _clean(chosen[0].text) if chosen else ""
        if label:
            concepts.append(Concept(uri, label))
    return concepts
