"""Learning-outcome matching: the scores of the shipped example, the all-pairs scoring against the pairwise
score, and the bounded reading of long outcomes."""

from __future__ import annotations

import json
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recogniser.rules import matching
from recogniser.rules.matching import (
    OUTCOME_WORDS_READ,
    clear_cache,
    match_outcomes,
    normalise,
    outcome_score,
    outcome_scores,
    outcomes_read_in_part,
)
from tests.rules.test_rules import cred, found, run

EXAMPLE = json.loads(
    (Path(__file__).resolve().parents[2] / "examples" / "maritime-credit-transfer.json").read_text(encoding="utf-8")
)
TARGETS = EXAMPLE["target"]["learning_outcomes"]
CREDENTIAL = EXAMPLE["credential"]["learning_outcomes"]

outcome_texts = st.lists(st.text(max_size=80), min_size=1, max_size=5)


def test_example_outcomes_keep_their_scores() -> None:
    matches = match_outcomes(TARGETS, CREDENTIAL, 62.0)
    assert [(match.score, CREDENTIAL.index(match.credential)) for match in matches] == [
        (89.6, 0),
        (77.3, 1),
        (88.1, 2),
        (82.6, 3),
    ]
    [unrelated] = match_outcomes(["Describe the history of navigation instruments"], CREDENTIAL, 62.0)
    assert (unrelated.score, unrelated.matched) == (34.8, False)


# A comparison this small is scored pair by pair; one of more pairs than that limit, all pairs in one call.
@pytest.mark.parametrize("scored_one_by_one", [matching.PAIRS_SCORED_ONE_BY_ONE, 0])
@settings(max_examples=200, deadline=None)
@given(firsts=outcome_texts, seconds=outcome_texts)
def test_all_pairs_score_as_each_pair(scored_one_by_one: int, firsts: list[str], seconds: list[str]) -> None:
    normalised_firsts = [normalise(text) for text in firsts]
    normalised_seconds = [normalise(text) for text in seconds]
    with patch.object(matching, "PAIRS_SCORED_ONE_BY_ONE", scored_one_by_one):
        scores = outcome_scores(normalised_firsts, normalised_seconds)
    assert scores == [[outcome_score(first, second) for second in normalised_seconds] for first in normalised_firsts]


@settings(max_examples=200, deadline=None)
@given(outcome_texts, outcome_texts)
def test_each_target_gets_the_first_of_its_best_matches(targets: list[str], credential: list[str]) -> None:
    for target, match in zip(targets, match_outcomes(targets, credential, 62.0), strict=True):
        scores = [outcome_score(normalise(target), normalise(text)) for text in credential]
        best = max(scores)
        assert match.credential == credential[scores.index(best)]
        assert match.score == round(best, 1)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=1, max_value=8))
def test_a_limited_reading_is_the_start_of_the_whole(text: str, limit: int) -> None:
    assert normalise(text, limit).split() == normalise(text).split()[:limit]


def test_a_long_outcome_is_read_up_to_its_first_words_and_the_finding_says_so() -> None:
    # Each statement followed by pages of other words: what follows its first words makes no difference.
    filler = " ".join(f"unrelated{index}" for index in range(6_000))
    long_outcomes = [f"{text} {filler}" for text in CREDENTIAL]
    longer_still = [f"{text} different words" for text in long_outcomes]
    assert outcomes_read_in_part(long_outcomes) == 4
    assert outcomes_read_in_part(CREDENTIAL) == 0
    assert [match.score for match in match_outcomes(TARGETS, long_outcomes, 62.0)] == [
        match.score for match in match_outcomes(TARGETS, longer_still, 62.0)
    ]

    coverage = found(run(cred(learning_outcomes=long_outcomes)), "outcomes.coverage")
    assert f"compared on their first {OUTCOME_WORDS_READ} words" in coverage.message
    assert "4 of them are longer" in coverage.message
    assert "compared on their first" not in found(run(), "outcomes.coverage").message


@settings(max_examples=100, deadline=None)
@given(outcome_texts, outcome_texts, st.text(max_size=40), st.text(max_size=40))
def test_editing_one_outcome_scores_as_from_scratch(
    firsts: list[str], seconds: list[str], edited_first: str, edited_second: str
) -> None:
    # The window scores the case again after each keystroke, reusing the pairs it scored the time before.
    edited_firsts = [edited_first, *firsts[1:]]
    edited_seconds = [*seconds[:-1], edited_second]
    with patch.object(matching, "PAIRS_SCORED_ONE_BY_ONE", 0):  # the pairs of a small case are not kept
        outcome_scores(firsts, seconds)
        reused = outcome_scores(edited_firsts, edited_seconds)
        clear_cache()
        assert reused == outcome_scores(edited_firsts, edited_seconds)
