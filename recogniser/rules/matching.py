"""Learning-outcome matching: each target outcome beside the credential outcome that best expresses it.

Outcomes are short sentences written by different people for the same learning ("Apply SOLAS requirements to
manage safety on board" vs "Apply the SOLAS and ISM Code requirements to the safety management of a vessel").
Raw edit distance punishes that rewording, so both sides are normalised first (case, accents, punctuation,
function words, a light suffix stripping so "manage"/"management" and "drill"/"drills" meet) and then scored by
token-set overlap blended with token-sort similarity: the first rewards shared content words, the second keeps a
short generic outcome from matching every long one it happens to be contained in.

The window re-assesses on every keystroke, so the cost is bounded for any case the format accepts (500 outcomes
a side, 100,000 characters each): every pair is scored in rapidfuzz's compiled code, and only the first words of
a text are read (``OUTCOME_WORDS_READ`` of an outcome, ``TEXT_WORDS_READ`` of a longer text).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from recogniser.model import OutcomeMatch
from recogniser.rules.verbs import outcome_tier

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Content words of one outcome the matching reads. An outcome is one statement of what the learner can do; the
#: longest in the shipped examples and seminar exercises has 10 content words, so 100 leaves room for a long
#: paragraph while a pasted page does not cost seconds per keystroke.
OUTCOME_WORDS_READ = 100
#: Content words of a longer text (a title and all outcomes as one text) that ``normalise`` reads.
TEXT_WORDS_READ = 2000

#: Words that carry no subject: the commonest articles, prepositions and conjunctions of English and of the other
#: languages outcomes come in (German, French, Spanish, Portuguese, Italian, Dutch, Croatian), folded without
#: accents, so that they do not count as shared content.
_FUNCTION_WORDS = frozenset(
    " ".join(
        (
            "a an the and or of to in on for with by at from as into onto within across according accordance",
            "their its his her they them this that these those be is are being been able can will using use used",
            "such other than also all any each both own which who whom whose where when how what",
            "der die das den dem des ein eine einen einem einer eines und oder fur mit von zu zum zur im in an auf",
            "aus bei nach uber unter sowie daraus dazu sich sie ihre ihren kann konnen",
            "le la les un une des du de d l et ou en au aux pour par avec dans sur son sa ses leur leurs qui que",
            "el los las del al y o para por con en su sus que lo um uma os as do da dos das e ao no na nos nas",
            "il lo gli le un uno una di del della dei delle e ed per con nel nella",
            "het een en of van voor met op aan bij naar te om je i ili za od do na u s sa iz o",
        )
    ).split()
)

# Suffixes stripped, longest first, leaving a stem of at least four letters.
_SUFFIXES = ("isation", "ization", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s", "e")

_WORD = re.compile(r"\w+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")

# Characters of text read in a first pass for each content word wanted: enough unless the words are unusually
# long or nearly all function words, and then the whole text is read.
_CHARS_PER_WORD = 20
# Texts up to this long (any real outcome) are remembered; longer ones are not, so editing one does not keep
# every version of it.
_CACHED_CHARS = 2000

# The blend of the two scores (see the module's description).
_SET_WEIGHT = 0.6
_SORT_WEIGHT = 0.4


def normalise(text: str, limit: int = TEXT_WORDS_READ) -> str:
    """The first ``limit`` content words of a text, folded and stemmed, in their original order."""
    if len(text) <= _CACHED_CHARS:
        return _normalise_cached(text, limit)
    return _normalise(text, limit)


def clear_cache() -> None:
    """Forget the outcomes normalised and scored so far (to time the matching from cold)."""
    _normalise_cached.cache_clear()
    _Memo.recent = ()
    _sorted_words.cache_clear()
    _word_set.cache_clear()


def _normalise(text: str, limit: int) -> str:
    # A text cut mid-word yields at most one false word, and it is the last: it is dropped when the prefix holds
    # more than ``limit`` words, and otherwise the whole text is read.
    prefix = text[: limit * _CHARS_PER_WORD]
    words = _content_words(prefix)
    if len(words) <= limit and len(prefix) < len(text):
        words = _content_words(text)
    return " ".join(words[:limit])


_normalise_cached = lru_cache(maxsize=4096)(_normalise)


def _content_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text.casefold())
    if not folded.isascii():
        folded = _NON_ASCII.sub(_without_accents, folded)
    return [_stem(word) for word in _WORD.findall(folded) if word not in _FUNCTION_WORDS]


def _without_accents(run: re.Match[str]) -> str:
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Twice, so that "management" and "manage" both end as "manag".
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def outcome_score(first: str, second: str) -> float:
    """Similarity of two normalised outcomes, 0-100."""
    # rapidfuzz is loaded with the first outcomes compared, not by every command that assesses.
    from rapidfuzz import fuzz

    if not first or not second:
        return 0.0
    return _SET_WEIGHT * fuzz.token_set_ratio(first, second) + _SORT_WEIGHT * fuzz.token_sort_ratio(first, second)


#: Comparisons of up to this many pairs are scored pair by pair, without numpy: a case's few outcomes a side score
#: in well under a millisecond, less than loading numpy takes a command that assesses one case.
PAIRS_SCORED_ONE_BY_ONE = 400


def outcome_scores(firsts: Sequence[str], seconds: Sequence[str]) -> list[list[float]]:
    """``outcome_score`` of every pair of normalised outcomes, a row per first one."""
    if len(firsts) * len(seconds) <= PAIRS_SCORED_ONE_BY_ONE:
        return [[outcome_score(first, second) for second in seconds] for first in firsts]
    # The window re-assesses on every keystroke: the pairs scored recently are taken from then, so an edit to
    # one outcome scores only its row or column again. Several are kept, as a stack compares the target with
    # each of its credentials in turn; the one sharing most outcomes with this call is started from.
    firsts, seconds = tuple(firsts), tuple(seconds)
    recent = _Memo.recent
    last = max(recent, key=lambda scored: _shared(scored, firsts, seconds), default=None)
    scores = _scored_pairs(firsts, seconds) if last is None else _rescored(last, firsts, seconds)
    scores.setflags(write=False)
    kept = tuple(scored for scored in recent if (scored.firsts, scored.seconds) != (firsts, seconds))
    _Memo.recent = (*kept[-(_MEMO_SIZE - 1) :], _Scored(firsts, seconds, scores))
    rows: list[list[float]] = scores.tolist()
    return rows


#: How many recent comparisons are kept (a stack of credentials compares the target with each).
_MEMO_SIZE = 16


def _shared(scored: _Scored, firsts: tuple[str, ...], seconds: tuple[str, ...]) -> int:
    """How many of the pairs of ``firsts`` x ``seconds`` ``scored`` already holds (a cheap count)."""
    if (scored.firsts, scored.seconds) == (firsts, seconds):
        return len(firsts) * len(seconds) + 1
    rows = len(set(scored.firsts).intersection(firsts)) if scored.firsts != firsts else len(firsts)
    columns = len(set(scored.seconds).intersection(seconds)) if scored.seconds != seconds else len(seconds)
    return rows * columns


@dataclass(frozen=True)
class _Scored:
    firsts: tuple[str, ...]
    seconds: tuple[str, ...]
    scores: NDArray[np.float64]


class _Memo:
    """The pairs scored recently, oldest first; each call reads it once and replaces it whole, so threads never
    see it half made."""

    recent: tuple[_Scored, ...] = ()


def _rescored(last: _Scored, firsts: tuple[str, ...], seconds: tuple[str, ...]) -> NDArray[np.float64]:
    import numpy as np

    if (firsts, seconds) == (last.firsts, last.seconds):
        return last.scores
    was_row = {text: row for row, text in enumerate(last.firsts)}
    was_column = {text: column for column, text in enumerate(last.seconds)}
    kept_rows = [row for row, text in enumerate(firsts) if text in was_row]
    new_rows = [row for row, text in enumerate(firsts) if text not in was_row]
    kept_columns = [column for column, text in enumerate(seconds) if text in was_column]
    new_columns = [column for column, text in enumerate(seconds) if text not in was_column]
    scores = np.empty((len(firsts), len(seconds)), dtype=np.float64)
    if kept_rows and kept_columns:
        scores[np.ix_(kept_rows, kept_columns)] = last.scores[
            np.ix_(
                [was_row[firsts[row]] for row in kept_rows], [was_column[seconds[column]] for column in kept_columns]
            )
        ]
    if new_rows:
        scores[new_rows, :] = _scored_pairs([firsts[row] for row in new_rows], seconds)
    if kept_rows and new_columns:
        # The new outcomes are the queries, each prepared once (both scores are symmetric).
        scores[np.ix_(kept_rows, new_columns)] = _scored_pairs(
            [seconds[column] for column in new_columns], [firsts[row] for row in kept_rows]
        ).T
    return scores


def _scored_pairs(firsts: Sequence[str], seconds: Sequence[str]) -> NDArray[np.float64]:
    # numpy is loaded with the first outcomes compared, not while the window starts.
    import numpy as np
    from rapidfuzz import fuzz, process

    # More pairs than this are worth a second core; fewer finish before the threads would start.
    workers = -1 if len(firsts) * len(seconds) > 2000 else 1
    # Each text's words are sorted (and, for the token-set score, deduplicated) once rather than once per pair:
    # token_sort_ratio is the plain ratio of the sorted words, and token_set_ratio depends on the set alone.
    token_set = process.cdist(
        [_word_set(text) for text in firsts],
        [_word_set(text) for text in seconds],
        scorer=fuzz.token_set_ratio,
        dtype=np.float64,
        workers=workers,
    )
    token_sort = process.cdist(
        [_sorted_words(text) for text in firsts],
        [_sorted_words(text) for text in seconds],
        scorer=fuzz.ratio,
        dtype=np.float64,
        workers=workers,
    )
    scores: NDArray[np.float64] = _SET_WEIGHT * token_set + _SORT_WEIGHT * token_sort
    # An outcome of function words alone scores nothing (the ratio of two empty texts would be 100).
    if not all(firsts):
        scores[[not text for text in firsts], :] = 0.0
    if not all(seconds):
        scores[:, [not text for text in seconds]] = 0.0
    return scores


@lru_cache(maxsize=4096)
def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


@lru_cache(maxsize=4096)
def _word_set(text: str) -> str:
    return " ".join(sorted(set(text.split())))


def match_outcomes(
    targets: Sequence[str], credential_outcomes: Sequence[str], threshold: float
) -> tuple[OutcomeMatch, ...]:
    """The best credential outcome for each target outcome; a credential outcome may serve several targets.

    A credential outcome covers a target outcome when it is about the same (the score reaches ``threshold``) at
    the same or a higher cognitive level: "describe contract types" does not cover "draft and negotiate
    contracts" (``verbs.outcome_tier``; an outcome without a known verb is not held to a level). Among the
    outcomes about the same, one at a sufficient level is preferred.

    Each outcome is read up to its first ``OUTCOME_WORDS_READ`` content words (see ``outcomes_read_in_part``).
    """
    if not credential_outcomes:
        return tuple(OutcomeMatch(target=target, credential=None, score=0.0, matched=False) for target in targets)
    scores = outcome_scores(
        [normalise(text, OUTCOME_WORDS_READ) for text in targets],
        [normalise(text, OUTCOME_WORDS_READ) for text in credential_outcomes],
    )
    credential_tiers = [outcome_tier(text) for text in credential_outcomes]
    matches: list[OutcomeMatch] = []
    for target, row in zip(targets, scores, strict=True):
        target_tier = outcome_tier(target)

        def deep_enough(index: int, target_tier: int | None = target_tier) -> bool:
            tier = credential_tiers[index]
            return target_tier is None or tier is None or tier >= target_tier

        best = row.index(max(row))  # the first of equally good ones
        if row[best] >= threshold and not deep_enough(best):
            candidates = [index for index in range(len(row)) if row[index] >= threshold and deep_enough(index)]
            if candidates:
                best = max(candidates, key=lambda index: (row[index], -index))
        score = round(row[best], 1)
        lower = score >= threshold and not deep_enough(best)
        matches.append(
            OutcomeMatch(
                target=target,
                credential=credential_outcomes[best],
                score=score,
                matched=score >= threshold and not lower,
                lower_level=lower,
            )
        )
    return tuple(matches)


def outcomes_read_in_part(outcomes: Sequence[str]) -> int:
    """How many of ``outcomes`` have more content words than the matching reads."""
    return sum(1 for text in outcomes if len(normalise(text, OUTCOME_WORDS_READ + 1).split()) > OUTCOME_WORDS_READ)
