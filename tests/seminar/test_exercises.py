"""The exercise cases shipped with the application: each loads, assesses as its notes say, and has notes."""

from __future__ import annotations

import re
import unicodedata

import pytest

from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import CaseSource, exercise_sources

SOURCES = exercise_sources()

#: The tool's recommendation each facilitator note discusses; a change here means the notes need rereading.
EXPECTED = {
    "01-maritime-stacking": (Outcome.PARTIAL_RECOGNITION, 4),
    "02-comprehensive-university-admission": (Outcome.FULL_RECOGNITION, None),
    "03-introductory-online-course": (Outcome.CONDITIONAL_RECOGNITION, 5),
    "04-working-professionals-upskilling": (Outcome.FULL_RECOGNITION, 7.5),
    "05-corporate-provider": (Outcome.ALTERNATIVE_RECOGNITION, 0),
    "06-vet-chamber-of-commerce": (Outcome.ALTERNATIVE_RECOGNITION, None),
    "07-refugee-without-documents": (Outcome.INFORMATION_REQUIRED, None),
    "08-level-not-supported": (Outcome.ALTERNATIVE_RECOGNITION, 5),
}


def test_every_theme_of_the_seminar_has_an_exercise() -> None:
    assert [source.id for source in SOURCES] == list(EXPECTED)


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.id)
def test_exercise_assesses_as_its_notes_say(source: CaseSource) -> None:
    decision = assess(source.case)
    outcome, ects = EXPECTED[source.id]
    assert decision.recommendation.outcome is outcome
    assert decision.recommendation.ects_recognised == ects
    assert source.case.unknown_keys == ()
    assert source.notes is not None
    # The notes name the tool's verdict they discuss, and the articles that apply.
    assert outcome.value.replace("_", " ") in source.notes.lower().replace("-", " ")
    assert re.search(r"Art(icle|\.)", source.notes)
    for heading in ("## What to notice", "## Articles that apply", "## Where groups may differ"):
        assert heading in source.notes


def test_learner_names_span_scripts() -> None:
    scripts = {
        unicodedata.name(character).split()[0]
        for source in SOURCES
        if source.case.credential.learner and source.case.credential.learner.name
        for character in source.case.credential.learner.name
        if character.isalpha()
    }
    assert {"CYRILLIC", "GEORGIAN", "ARABIC", "LATIN"} <= scripts
