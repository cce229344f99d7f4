"""Learning-outcome matching: each target outcome beside the credential outcome that best expresses it.

Outcomes are short sentences written by different people for the same learning ("Apply SOLAS requirements to
manage safety on board" vs "Apply the SOLAS and ISM Code requirements to the safety management of a vessel").
Raw edit distance punishes that rewording, so both sides are normalised first (case, accents, punctuation,
function words, a light suffix stripping so "manage"/"management" and "drill"/"drills" meet) and then scored by
token-set overlap blended with token-sort similarity: the first rewards shared content words, the second keeps a
short generic outcome from matching every long one it happens to be contained in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz, process

from recogniser.model import OutcomeMatch

_FUNCTION_WORDS = frozenset(
    """a an the and or of to in on for with by at from as into onto within across according accordance
    their its his her they them this that these those be is are being been able can will using use used
    such other than also all any each both own which who whom whose where when how what""".split()  # noqa: SIM905
)

# Suffixes stripped, longest first, leaving a stem of at least four letters.
_SUFFIXES = ("isation", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s", "e")

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Content words of an outcome, folded and stemmed, in their original order."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = [_stem(word) for word in _WORD.findall(folded) if word not in _FUNCTION_WORDS]
    return " ".join(words)


def _stem(word: str) -> str:
    # Twice, so that "management" and "manage" both end as "manag".
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def outcome_score(first: str, second: str, **_: object) -> float:
    """Similarity of two normalised outcomes, 0-100."""
    if not first or not second:
        return 0.0
    return 0.6 * fuzz.token_set_ratio(first, second) + 0.4 * fuzz.token_sort_ratio(first, second)


def match_outcomes(
    targets: Sequence[str], credential_outcomes: Sequence[str], threshold: float
) -> tuple[OutcomeMatch, ...]:
    """The best credential outcome for each target outcome; a credential outcome may serve several targets."""
    if not credential_outcomes:
        return tuple(OutcomeMatch(target=target, credential=None, score=0.0, matched=False) for target in targets)
    normalised_credential = [normalise(text) for text in credential_outcomes]
    matches: list[OutcomeMatch] = []
    for target in targets:
        _, score, index = process.extractOne(normalise(target), normalised_credential, scorer=outcome_score)
        score = round(float(score), 1)
        matches.append(
            OutcomeMatch(target=target, credential=credential_outcomes[index], score=score, matched=score >= threshold)
        )
    return tuple(matches)
