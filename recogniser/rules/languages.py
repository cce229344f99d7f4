"""The language an outcome is written in, guessed from its commonest small words.

Outcomes come in many languages. Matching compares words, so two outcome lists in different languages cannot be
compared by it (the evaluator compares them); and action verbs are read with the tables of the outcome's own
language, so that a French noun is not taken for a Portuguese verb. The guess reads articles, prepositions and
conjunctions (folded: lower case, no accents), which nearly every sentence has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from recogniser.i18n import N_, Phrase, Value

#: Small words by language (folded). Words shared by several languages count for each.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "a an the and or of to in on for with by at from as into onto within across their its they them this "
        "that these those be is are being been able can will using use used such other than also all any each both "
        "own which who whom whose where when how what",
        "de": "der die das den dem des ein eine einen einem einer eines und oder fur mit von zu zum zur im in an auf "
        "aus bei nach uber unter sowie daraus dazu sich sie ihre ihren kann konnen",
        "fr": "le la les un une des du de d l et ou en au aux pour par avec dans sur son sa ses leur leurs qui que",
        "es": "el la los las un una del al y o para por con en su sus que lo de",
        "pt": "o a os as um uma do da dos das e ao no na nos nas em para por com que de",
        "it": "il lo la i gli le un uno una di del della dei delle e ed per con nel nella che",
        "nl": "de het een en of van voor met op aan bij naar te om",
        "hr": "i ili za od do na u s sa iz o te",
    }.items()
}

#: Words joining two verbs of one outcome ("describe and apply"), in every language above.
CONJUNCTIONS = frozenset(["and", "or", "et", "ou", "und", "oder", "y", "o", "e", "ed", "i", "ili", "en", "of", "te"])

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents (ß as ss, đ as d), as the tables are written."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss").replace("đ", "d")


def words_of(text: str, limit: int = 60) -> list[str]:
    """The first ``limit`` words of ``text``, folded."""
    return [fold(word) for word in _WORD.findall(text[: limit * 15])][:limit]


def guess_language(words: Iterable[str]) -> str | None:
    """The language whose small words the text uses most, or None where none stands out."""
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in words:
        for language, small in FUNCTION_WORDS.items():
            if word in small:
                counts[language] += 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (best, most), (_, second) = ranked[0], ranked[1]
    return best if most > 0 and most > second else None


LANGUAGE_NAMES = {
    "en": N_("English"),
    "de": N_("German"),
    "fr": N_("French"),
    "es": N_("Spanish"),
    "pt": N_("Portuguese"),
    "it": N_("Italian"),
    "nl": N_("Dutch"),
    "hr": N_("Croatian"),
}


def language_name(code: str) -> Value:
    """The name of a language, translated when shown; a code the table does not know, as it is."""
    name = LANGUAGE_NAMES.get(code)
    return Phrase(name) if name else code


def language_of(texts: Iterable[str]) -> str | None:
    """The language of several texts read together (a list of outcomes)."""
    return _language_of(tuple(texts))


@lru_cache(maxsize=64)
def _language_of(texts: tuple[str, ...]) -> str | None:
    # Remembered: a stack reads the same target outcomes once per credential, on every re-assessment.
    return guess_language(word for text in texts for word in words_of(text))


def clear_cache() -> None:
    """Forget the languages of the outcome lists read so far (to time an assessment from cold)."""
    _language_of.cache_clear()
