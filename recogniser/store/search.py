"""Search keys for cases: what an evaluator types should find a name whatever its case, accents or script.

Every word of the searchable fields is indexed twice: folded (lower case, accents removed: "Ívana" → "ivana")
and transliterated to Latin letters ("Иван" → "ivan", "ნინო" → "nino"). A query word matches a case when some
indexed word starts with the query word's folded or transliterated form, so "ivan", "Иван" and "IVÁN" all find
"Иван Петровић". The index is a plain table of (term, case) pairs with a B-tree on the term, which answers
prefix look-ups the same way on SQLite and PostgreSQL; the cases with several words are found by the database
engine's own index over the same terms (``search_index``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

from recogniser.textkeys import fold

__all__ = ["SORT_KEY_LENGTH", "TERM_LENGTH", "fold", "index_terms", "prefix_upper_bound", "query_words", "sort_key"]

#: Indexed words are cut to this many characters: enough to tell names apart, small enough for any B-tree.
TERM_LENGTH = 64

#: Sort keys are cut to this many characters: enough to order names, titles and bodies, and short enough that a
#: case's keys together stay inside one entry of a PostgreSQL B-tree (2,704 bytes) whatever the script: the
#: index that looks up a case's sort values holds all three (``ix_cases_id_list_keys``).
SORT_KEY_LENGTH = 100

_WORD = re.compile(r"\w+")


def sort_key(text: str | None) -> str | None:
    return None if text is None else fold(text)[:SORT_KEY_LENGTH]


def _variants(word: str) -> set[str]:
    """The folded word and its Latin transliteration, each cut to the indexed length."""
    latin = "".join(_WORD.findall(fold(anyascii(word))))
    return {variant[:TERM_LENGTH] for variant in (word, latin) if variant}


def index_terms(texts: Iterable[str | None]) -> set[str]:
    """Every term a case is found by, from its searchable fields."""
    terms: set[str] = set()
    for text in texts:
        if text:
            for word in _WORD.findall(fold(text)):
                terms |= _variants(word)
    return terms


def query_words(text: str) -> list[set[str]]:
    """For each word of a search, the prefixes that find it; a case must match every word."""
    return [_variants(word) for word in dict.fromkeys(_WORD.findall(fold(text)))]


def prefix_upper_bound(prefix: str) -> str:
    """The least string above every string that starts with ``prefix`` (byte order, as the index compares)."""
    return prefix + "\U0010ffff"
