"""The largest cases the case format accepts, built from the maritime example for the benchmarks.

Both are valid `recogniser-case/1` files: the schema allows 500 learning outcomes a side, each up to 100,000
characters. The words are the example's own outcome words in a seeded random order, so every run times the same
text.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from recogniser.casefile import parse_case
from recogniser.model import Case

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "maritime-credit-transfer.json"


def many_outcomes(count: int = 500, words: int = 12, typed: str = "") -> Case:
    """``count`` target and ``count`` credential outcomes of ``words`` words each; ``typed`` added to the end of
    the last credential outcome, as by a keystroke in the window."""
    case = _with_outcomes(lambda draw: [draw(words) for _ in range(count)])
    outcomes = case.credential.learning_outcomes
    assert outcomes is not None
    edited = replace(case.credential, learning_outcomes=(*outcomes[:-1], outcomes[-1] + typed))
    return replace(case, credential=edited)


def long_outcomes(count: int = 5, characters: int = 90_000) -> Case:
    """``count`` target and ``count`` credential outcomes of about ``characters`` characters each."""
    average_word = 8  # the example's words and a space
    return _with_outcomes(lambda draw: [draw(characters // average_word)[:characters] for _ in range(count)])


def _with_outcomes(outcomes: Callable[[Callable[[int], str]], list[str]]) -> Case:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    vocabulary = " ".join(document["target"]["learning_outcomes"] + document["credential"]["learning_outcomes"])
    words = vocabulary.split()
    chance = random.Random(2026)

    def draw(count: int) -> str:
        return " ".join(chance.choice(words) for _ in range(count))

    extreme = copy.deepcopy(document)
    extreme["target"]["learning_outcomes"] = outcomes(draw)
    extreme["credential"]["learning_outcomes"] = outcomes(draw)
    return parse_case(extreme, source=str(EXAMPLE))


def stacked(credentials: int = 10, outcomes: int = 50, targets: int = 50, words: int = 12, typed: str = "") -> Case:
    """A stack of ``credentials`` credentials of ``outcomes`` outcomes each against ``targets`` target outcomes
    (``words`` words each, the example's words in a seeded order); ``typed`` added to the end of the last outcome
    of the last credential, as by a keystroke in the window."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    vocabulary = " ".join(document["target"]["learning_outcomes"] + document["credential"]["learning_outcomes"])
    words_used = vocabulary.split()
    chance = random.Random(2026)

    def draw() -> str:
        return " ".join(chance.choice(words_used) for _ in range(words))

    stack = copy.deepcopy(document)
    stack["target"]["learning_outcomes"] = [draw() for _ in range(targets)]
    stack["target"]["ects"] = 30
    single = stack.pop("credential")
    stack["credentials"] = []
    for number in range(credentials):
        credential = copy.deepcopy(single)
        credential["title"] = f"Part {number + 1}"
        credential["learning_outcomes"] = [draw() for _ in range(outcomes)]
        credential["workload"] = {"ects": 3, "hours": 81}
        stack["credentials"].append(credential)
    stack["credentials"][-1]["learning_outcomes"][-1] += typed
    return parse_case(stack, source=str(EXAMPLE))
