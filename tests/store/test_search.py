"""The search keys on their own: what is typed always finds what was indexed, in any script."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from recogniser.store.search import TERM_LENGTH, fold, index_terms, sort_key
from tests.store.search_model import found_by

#: Letters from the scripts evaluators meet: Latin with diacritics, Greek, Cyrillic, Georgian, Armenian, Arabic.
LETTERS = st.characters(
    whitelist_categories=("Lu", "Ll", "Lo", "Nd"),
    min_codepoint=0x30,
    max_codepoint=0x6FF,
) | st.sampled_from("ნინოგიორგიბერიძეԱԲԳաբգ")
NAMES = st.lists(st.text(LETTERS, min_size=1, max_size=20), min_size=1, max_size=4).map(" ".join)


@given(NAMES, st.data())
def test_any_word_of_a_name_typed_in_any_case_finds_it(name: str, data: st.DataObject) -> None:
    indexed = index_terms([name])
    words = re.findall(r"\w+", name)
    word = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(min_value=1, max_value=len(word)))
    for typed in (word, word.upper(), word.lower(), word[:start]):
        assert found_by(typed, indexed), (typed, indexed)


@given(NAMES)
def test_the_whole_name_finds_it(name: str) -> None:
    assert found_by(name, index_terms([name]))


def test_accents_and_case_fold_away() -> None:
    assert fold("Ívana HORVÁT") == "ivana horvat"
    assert fold("Straße") == "strasse"
    assert sort_key("Ána") == sort_key("ana")


def test_other_scripts_are_found_by_their_latin_spelling() -> None:
    assert found_by("ivan petrovic", index_terms(["Иван Петровић"]))
    assert found_by("nino", index_terms(["ნინო ბერიძე"]))
    assert found_by("eleni", index_terms(["Ελένη"]))
    assert not found_by("maria", index_terms(["Иван Петровић"]))


def test_a_very_long_word_is_indexed_by_its_start() -> None:
    word = "a" * 1_000
    assert {len(term) for term in index_terms([word])} == {TERM_LENGTH}
    assert found_by(word, index_terms([word]))
