"""The database engine's search index (FTS5 on SQLite, GIN on PostgreSQL): it finds exactly what the term table
finds, whatever the script, is kept through every change of a case, and is built for the cases of a store made
before it."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from sqlalchemy import inspect

from recogniser.model import Purpose
from recogniser.store import CaseQuery, CaseSort, CaseStore, case_pages, search_index
from recogniser.store.database import resolve_url
from recogniser.store.search import index_terms, query_words
from tests.store.cases import edited, make_case
from tests.store.migrating import downgraded
from tests.store.search_model import found_by

#: Name parts in the scripts evaluators meet, with accents and shared beginnings ("Ivan", "Ivana", "Ivanov").
PARTS = [
    "Ivan", "Ivana", "Ivanov", "Иван", "Иванов", "Ивана", "Ívána", "Horvat", "Horvát", "Хорват", "Nino", "ნინო",
    "ნინა", "Beridze", "ბერიძე", "Ελένη", "Eleni", "Ελενα", "Γεωργίου", "Kovačević", "Kovacevic", "Ковачевић",
    "Müller", "Mueller", "Łukasz", "Shevchenko", "Шевченко", "O'Brien", "Zoë",
]  # fmt: skip


def references(store: CaseStore, query: CaseQuery) -> list[str]:
    return [summary.reference for summary in store.list_cases(query, limit=10_000)]


def engine_index_finds(store: CaseStore, typed: str) -> set[int]:
    """The case ids the engine's index gives for a search (the term table only names the terms to look up)."""
    with store._engine.connect() as connection:
        statement = search_index.matching(connection, query_words(typed))
        return set() if statement is None else set(connection.execute(statement).scalars())


def case_ids(store: CaseStore) -> dict[str, int]:
    with store._engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT reference, id FROM cases").all()
    return {reference: case_id for reference, case_id in rows}


def typed_searches(rng: random.Random, names: list[str], count: int) -> list[str]:
    """Searches of two or three words as an evaluator types them: whole words, starts of words, any case, words
    of different names together (found nowhere, or by chance)."""
    words = sorted({word for name in names for word in re.findall(r"\w+", name)})
    searches = []
    for _ in range(count):
        picked = rng.sample(words, rng.randint(2, 3)) if rng.random() < 0.3 else rng.choice(names).split()
        cut = [word[: rng.randint(1, len(word))] if rng.random() < 0.5 else word for word in picked]
        searches.append(" ".join(word.upper() if rng.random() < 0.3 else word for word in cut))
    return searches


@pytest.mark.parametrize(
    ("many_matches", "most_terms"),
    [(case_pages.MANY_MATCHES, search_index.MOST_TERMS), (3, search_index.MOST_TERMS), (case_pages.MANY_MATCHES, 0)],
)
def test_searches_of_several_words_find_what_the_search_keys_say_through_every_change(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch, many_matches: int, most_terms: int
) -> None:
    # With a low MANY_MATCHES the total is counted by the engine's index and the page walks the order; with
    # MOST_TERMS at 0 every word is asked of the index as prefixes rather than as the terms they start.
    monkeypatch.setattr(case_pages, "MANY_MATCHES", many_matches)
    monkeypatch.setattr(search_index, "MOST_TERMS", most_terms)
    rng = random.Random(many_matches + most_terms)

    def name() -> str:
        return " ".join(rng.sample(PARTS, rng.randint(2, 3)))

    names = {f"C-{n:03d}": name() for n in range(150)}
    store.add_cases([make_case(reference, learner=learner) for reference, learner in names.items()])
    store.add_case(make_case("C-SINGLE", learner=names["C-000"]))  # added alone: the other write path
    names["C-SINGLE"] = names["C-000"]
    # Renamed cases must be found by their new name only, deleted ones not at all.
    for reference in rng.sample(sorted(names), 40):
        stored = store.get_case(reference)
        names[reference] = name()
        case = edited(stored.case, learner={"name": names[reference]})  # type: ignore[arg-type]
        store.save_case(reference, case, stored.version)
    for reference in rng.sample(sorted(names), 20):
        store.delete_case(reference, store.get_case(reference).version)
        del names[reference]

    ids = case_ids(store)
    title, body = "Safety Management on Merchant Vessels", "Faculty of Maritime Studies"
    terms = {reference: index_terms([reference, learner, title, body]) for reference, learner in names.items()}
    for typed in [*typed_searches(rng, list(names.values()), 60), "ivan horvat", "иван хорват", "ნინო ბერ", "ελ γε"]:
        expected = sorted(reference for reference, indexed in terms.items() if found_by(typed, indexed))
        assert engine_index_finds(store, typed) == {ids[reference] for reference in expected}, typed
        query = CaseQuery(search=typed, sort=CaseSort.REFERENCE, descending=False)
        assert references(store, query) == expected, typed
        page = store.page_cases(query, limit=7)
        assert ([s.reference for s in page.cases], page.total) == (expected[:7], len(expected)), typed


def test_filters_sorting_and_totals_are_those_of_the_same_cases(store: CaseStore) -> None:
    store.add_cases(
        [
            make_case(f"F-{n:03d}", learner=learner, purpose=purpose)
            for n, (learner, purpose) in enumerate(
                [
                    ("Ivana Horvat", Purpose.RPL),
                    ("IVANA HORVAT", Purpose.EMPLOYMENT),
                    ("Ívana Horváth", Purpose.RPL),
                    ("Ivan Horvatić", Purpose.RPL),
                    ("Ivana Babić", Purpose.RPL),
                    ("Marko Horvat", Purpose.RPL),
                ]
            )
        ]
    )
    query = CaseQuery(search="ivan horvat", sort=CaseSort.LEARNER, descending=False)
    assert references(store, query) == ["F-003", "F-000", "F-001", "F-002"]
    rpl = CaseQuery(search="Ivan Horv", purpose=Purpose.RPL)
    assert references(store, rpl) == ["F-003", "F-002", "F-000"]
    assert store.page_cases(rpl, limit=1).total == 3


def test_a_store_made_before_the_index_gets_it_and_gives_it_up(database_url: str, tmp_path: Path) -> None:
    names = {f"OLD-{n:04d}": " ".join(random.Random(n).sample(PARTS, 2)) for n in range(1_200)}
    with CaseStore.open(database_url) as store:
        store.add_cases([make_case(reference, learner=learner) for reference, learner in names.items()])
    url = resolve_url(database_url)

    def migrated(revision: str) -> set[str]:
        with downgraded(database_url, revision) as connection:
            return set(inspect(connection).get_table_names())

    assert search_index.TABLE not in migrated("0009")
    with CaseStore.open(database_url) as store:  # migrates to the newest revision, indexing every case
        ids = case_ids(store)
        terms = {reference: index_terms([reference, learner]) for reference, learner in names.items()}
        for typed in ["ivan horvat", "Иван Хорват", "ნინო beridze", "ελένη γεωργ", "zoe ob", "old 0007"]:
            expected = {reference for reference, indexed in terms.items() if found_by(typed, indexed)}
            assert engine_index_finds(store, typed) == {ids[reference] for reference in expected}, typed
            assert set(references(store, CaseQuery(search=typed))) == expected, typed
        assert engine_index_finds(store, "old") == set(ids.values())
        # A case indexed by the migration is forgotten and renamed like any other.
        store.delete_case("OLD-0007", 1)
        assert references(store, CaseQuery(search="old 0007")) == []
        stored = store.get_case("OLD-0008")
        store.save_case("OLD-0008", edited(stored.case, learner={"name": "Nova Osoba"}), 1)  # type: ignore[arg-type]
        assert references(store, CaseQuery(search="nova osoba")) == ["OLD-0008"]
        assert "OLD-0008" not in references(store, CaseQuery(search=names["OLD-0008"]))
    if url.get_backend_name() == "sqlite":
        assert url.database is not None
        assert list(Path(url.database).parent.glob("*.before-0009-*.bak"))

    tables = migrated("0009")
    assert not {table for table in tables if table.startswith(search_index.TABLE)}
    with CaseStore.open(database_url) as store:  # and back again
        assert references(store, CaseQuery(search="nova osoba")) == ["OLD-0008"]
