"""Keyset paging on both backends: walking a list page by page from each page's cursor gives exactly the list in
its order, empty sort values included, and the search is planned once for the page and its total."""

from __future__ import annotations

import pytest

from recogniser.model import Outcome, Purpose
from recogniser.store import CaseQuery, CaseSort, CaseStore, case_pages
from tests.store.cases import make_case, make_decision

LEARNERS = ["Ivana Horvat", "", "Ana Babić", "Иван Петровић", "", "ana babic", "Zoë Müller", "Ivana Horvat"]


@pytest.fixture
def listed(store: CaseStore) -> CaseStore:
    for number, learner in enumerate(LEARNERS * 2):
        purpose = Purpose.CREDIT_TRANSFER if number % 3 else Purpose.ADMISSION
        stored = store.add_case(
            make_case(f"CASE-{number:02d}", learner=learner, title=f"Module {number % 4}", purpose=purpose)
        )
        if number % 4 == 1:
            store.record_decision(stored.reference, make_decision(stored.case, Outcome.PARTIAL_RECOGNITION), "E")
    return store


def walk(store: CaseStore, query: CaseQuery, size: int) -> tuple[list[str], int | None]:
    seen: list[str] = []
    page = store.page_cases(query, limit=size)
    total = page.total
    while True:
        seen += [summary.reference for summary in page.cases]
        if page.after is None:
            return seen, total
        page = store.page_cases(query, page.after, size, count=False)
        assert page.total is None


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(CaseSort))
def test_pages_from_cursors_are_the_list_in_order(listed: CaseStore, sort: CaseSort, descending: bool) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    whole = [summary.reference for summary in listed.list_cases(query, limit=1_000)]
    assert len(whole) == len(LEARNERS) * 2
    for size in (1, 3, 5):
        assert walk(listed, query, size) == (whole, len(whole))


def test_a_search_pages_the_same_way_and_is_planned_once(listed: CaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = []
    planned = case_pages.Search.planned

    def counting(connection: object, text: str) -> object:
        plans.append(text)
        return planned(connection, text)  # type: ignore[arg-type]

    monkeypatch.setattr(case_pages.Search, "planned", staticmethod(counting))
    query = CaseQuery(search="ivan", sort=CaseSort.LEARNER)
    page = listed.page_cases(query, limit=2)
    assert plans == ["ivan"]
    assert page.total == 6  # "Ivana Horvat" four times, "Иван Петровић" twice
    whole = [summary.reference for summary in listed.list_cases(query, limit=100)]
    assert walk(listed, query, 2) == (whole, 6)


def test_the_last_page_has_no_cursor(listed: CaseStore) -> None:
    page = listed.page_cases(CaseQuery(purpose=Purpose.ADMISSION), limit=100)
    assert page.after is None
    assert page.total == len(page.cases)


@pytest.fixture
def far_matches(store: CaseStore, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    """Cases a search walks for (MANY_MATCHES and GATHER_MATCHES lowered) that lie at the far end of every order
    but a few, some without a learner, behind many that do not match."""
    monkeypatch.setattr(case_pages, "MANY_MATCHES", 5)
    monkeypatch.setattr(case_pages, "GATHER_MATCHES", 0)
    others = [
        make_case(
            f"A-{number:03d}",
            learner="" if number % 9 == 0 else f"Ana Babić {number:03d}",
            title="Academic Writing",
            awarding_body="Academy of Arts",
            purpose=Purpose.CREDIT_TRANSFER if number % 2 else Purpose.ADMISSION,
            issuer_country="BE",
        )
        for number in range(240)
    ]
    early = [make_case("M-EARLY", learner="Zoë Early", title="Zymurgy Basics", issuer_country="BE")]
    store.add_cases(early + others)
    store.add_cases(
        [
            make_case(
                f"Z-{number:03d}",
                learner="" if number % 7 == 0 else f"Zoë Zeller {number:03d}",
                title="Zymurgy Basics",
                awarding_body="Zurich Brewing School",
                purpose=Purpose.RPL if number % 3 else Purpose.ADMISSION,
                issuer_country="SE",
            )
            for number in range(40)
        ]
    )
    for number in range(0, 40, 5):
        reference = f"Z-{number:03d}"
        store.record_decision(reference, make_decision(store.get_case(reference).case, Outcome.NON_RECOGNITION), "E")
    return store


def every_page(store: CaseStore, queries: list[CaseQuery]) -> list[object]:
    """Each query's pages of 4 and of 50 from their cursors, and a stretch of it read by offset."""
    found: list[object] = []
    for query in queries:
        found += [walk(store, query, size) for size in (4, 50)]
        found.append([summary.reference for summary in store.list_cases(query, offset=3, limit=6)])
    return found


def test_a_walk_past_its_bound_gives_the_same_pages_in_every_order(
    far_matches: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    fallbacks = []
    among_matches = case_pages.Search.among_matches

    def counted(search: case_pages.Search) -> object:
        fallbacks.append(search.words)
        return among_matches(search)

    monkeypatch.setattr(case_pages.Search, "among_matches", counted)
    queries = [
        CaseQuery(search=text, sort=sort, descending=descending, purpose=purpose)
        for sort in CaseSort
        for descending in (False, True)
        for text in ("zymurgy", "zurich zymu")
        for purpose in (None, Purpose.ADMISSION)
    ]

    monkeypatch.setattr(case_pages, "WALK_BOUND", 10**9)
    unbounded = every_page(far_matches, queries)
    assert not fallbacks
    assert unbounded[1] == (unbounded[1][0], 41)  # every "Zymurgy" case on one page of 50
    monkeypatch.setattr(case_pages, "WALK_BOUND", 12)
    assert every_page(far_matches, queries) == unbounded
    assert fallbacks  # past the bound the pages came from the matching cases


@pytest.fixture
def gathered(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The pages found from every match's sort value (``case_pages._gathered``), as they are looked up."""
    found: list[object] = []
    looked_up = case_pages._gathered

    def counted(*arguments: object) -> object:
        found.append(arguments)
        return looked_up(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(case_pages, "_gathered", counted)
    return found


def test_a_page_from_every_match_s_sort_value_is_the_walk_s_page_in_every_order(
    far_matches: CaseStore, monkeypatch: pytest.MonkeyPatch, gathered: list[object]
) -> None:
    queries = [
        CaseQuery(search=text, sort=sort, descending=descending, purpose=purpose)
        for sort in CaseSort
        for descending in (False, True)
        for text in ("zymurgy", "zurich zymu", "a")
        for purpose in (None, Purpose.ADMISSION)
    ]

    monkeypatch.setattr(case_pages, "GATHER_MATCHES", 0)
    monkeypatch.setattr(case_pages, "WALK_BOUND", 10**9)
    walked = every_page(far_matches, queries)
    assert not gathered
    assert walked[1] == (walked[1][0], 41)  # every "Zymurgy" case on one page of 50
    monkeypatch.setattr(case_pages, "GATHER_MATCHES", 10**6)
    assert every_page(far_matches, queries) == walked
    assert gathered  # the pages came from the matches' sort values


def test_a_search_to_gather_for_walks_a_little_first(
    far_matches: CaseStore, monkeypatch: pytest.MonkeyPatch, gathered: list[object]
) -> None:
    monkeypatch.setattr(case_pages, "GATHER_MATCHES", 10**6)
    newest = far_matches.page_cases(CaseQuery(search="zymurgy"), limit=4)
    assert [summary.reference for summary in newest.cases] == ["Z-039", "Z-038", "Z-037", "Z-036"]
    assert not gathered  # the 41 matches' newest are the newest cases: a walk of 10 found the page
    by_learner = far_matches.page_cases(CaseQuery(search="zymurgy", sort=CaseSort.LEARNER, descending=False), limit=4)
    assert len(by_learner.cases) == 4
    assert gathered  # the cases first in the order do not match: the walk gave way
