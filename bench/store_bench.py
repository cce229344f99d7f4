"""Benchmark the case store: `python bench/store_bench.py [--cases N] [--grow-to M] [--database-url URL] [--keep FILE]`.

Fills a fresh SQLite database (or the empty database the URL names, such as an office's PostgreSQL) with
100,000 cases, learners in Latin, Cyrillic, Georgian and Greek script, and prints the insert rate, then the
median time of the case list's first page with its total, of a search by a learner's name and by a word of a
credential's title, and of a deep page (50,000 cases in, newest first and by learner) reached from the cursor of
the page before it. With ``--grow-to`` it then adds cases up to that many (1,000,000, say), times the same again
and prints how each grew. Target: under 50 ms each. ``--keep`` keeps the SQLite file (outside the repository) so
that a million cases are generated once; run it with `nice -n 19` on a shared machine. The cases vary one valid
example file, so JSON Schema validation, which happens before a case reaches the store, is not part of the timing.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/ is the script's folder, first on the path)

from recogniser.casefile import load_case  # noqa: E402
from recogniser.model import Case, Purpose  # noqa: E402
from recogniser.store import CaseQuery, CaseSort, CaseStore  # noqa: E402

FIRST_NAMES = [
    "Ivana", "Marko", "Ana", "Luka", "Petra", "Josip", "Mia", "Ivan", "Sára", "Dávid", "Zoë", "Chloé", "Seán",
    "Aoife", "Łukasz", "Zofia", "Jürgen", "Björn", "Åsa", "Иван", "Мария", "Олена", "Дмитро", "Петар", "Јована",
    "ნინო", "გიორგი", "თამარ", "Ελένη", "Γιώργος", "Μαρία", "Νίκος", "Nino", "Giorgi", "Elena", "Jovana",
]  # fmt: skip
LAST_NAMES = [
    "Horvat", "Kovačević", "Babić", "Marić", "Novak", "Jurić", "Knežević", "Nagy", "Kovács", "Müller", "Schröder",
    "O'Brien", "Murphy", "Nowak", "Wiśniewski", "Lindqvist", "Petrović", "Јовановић", "Шевченко", "Коваленко",
    "Иванов", "ბერიძე", "კაპანაძე", "მამედოვი", "Παπαδοπούλου", "Γεωργίου", "Nikolaidis", "Beridze", "Dupont",
]  # fmt: skip
TITLES = [
    "Maritime Safety and Security", "Data Analysis with Python", "Sustainable Supply Chains", "Academic Writing",
    "Introduction to Machine Learning", "Digital Marketing Fundamentals", "Clinical Research Ethics",
    "Project Management Essentials", "Renewable Energy Systems", "Cybersecurity Foundations",
]  # fmt: skip
BODIES = [
    "University of Split", "University of Zadar", "Dublin City University", "Ghent University",
    "Mälardalen University", "Tbilisi State University", "National Technical University of Athens",
    "Chamber of Commerce Zagreb", "Open Learning Academy", "Taras Shevchenko National University of Kyiv",
]  # fmt: skip
COUNTRIES = ["HR", "IE", "BE", "SE", "GE", "GR", "UA", "PL", "DE", "HU"]
BATCH = 1_000
REPEATS = 50


def make_cases(template: Case, count: int, rng: random.Random) -> list[Case]:
    cases = []
    for _ in range(count):
        document = copy.deepcopy(dict(template.document))
        document.pop("reference", None)
        purpose = rng.choice([Purpose.ADMISSION, Purpose.CREDIT_TRANSFER, Purpose.EMPLOYMENT, Purpose.RPL])
        document["purpose"] = purpose.value
        credential = document["credential"]
        credential["learner"]["name"] = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        credential["title"] = rng.choice(TITLES)
        credential["awarding_body"]["name"] = rng.choice(BODIES)
        credential["issuer_country"] = rng.choice(COUNTRIES)
        cases.append(replace(template, reference=None, purpose=purpose, document=document))
    return cases


def page_with_total(store: CaseStore, query: CaseQuery) -> None:
    store.page_cases(query, limit=50)


DEPTH = 50_000


def fill(store: CaseStore, cases: list[Case]) -> float:
    """Add ``cases`` in transactions of ``BATCH``; returns the cases per second."""
    start = time.perf_counter()
    for first in range(0, len(cases), BATCH):
        store.add_cases(cases[first : first + BATCH])
    return len(cases) / (time.perf_counter() - start)


def timings(store: CaseStore, rng: random.Random, names: list[str], depth: int) -> dict[str, float]:
    """The median milliseconds of each measured list, search and page."""
    found: dict[str, float] = {}
    for label, query in {
        "first page, newest first, with total": CaseQuery(),
        "first page by learner, with total": CaseQuery(sort=CaseSort.LEARNER, descending=False),
        "first page of one purpose, with total": CaseQuery(purpose=Purpose.RPL),
    }.items():
        found[label] = median_ms(lambda q=query: page_with_total(store, q), REPEATS)
    sample = rng.sample(names, REPEATS)
    typed = iter(sample * 2)
    found["search by a learner's full name, with total"] = median_ms(
        lambda: page_with_total(store, CaseQuery(search=next(typed))), REPEATS
    )
    surnames = iter([name.split()[-1] for name in sample] * 2)
    found["search by a surname, with total"] = median_ms(
        lambda: page_with_total(store, CaseQuery(search=next(surnames))), REPEATS
    )
    words = iter(["maritime", "python", "supply chains", "writing", "cybersecurity", "energy"] * REPEATS)
    found["search by a word of the title, with total"] = median_ms(
        lambda: page_with_total(store, CaseQuery(search=next(words))), REPEATS
    )
    for label, query in {
        f"page {depth:,} cases deep, newest first": CaseQuery(),
        f"page {depth:,} cases deep, by learner": CaseQuery(sort=CaseSort.LEARNER, descending=False),
    }.items():
        cursor = store.page_cases(query, limit=depth, count=False).after  # reached once, not timed
        found[label] = median_ms(lambda q=query, c=cursor: store.page_cases(q, c, 50, count=False), REPEATS)
        found[f"{label}, by offset (as before)"] = median_ms(
            lambda q=query: store.list_cases(q, offset=depth, limit=50), 5
        )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--grow-to", type=int, metavar="M", help="then add cases up to M and time again")
    parser.add_argument(
        "--database-url", metavar="URL", help="an EMPTY database to fill instead (e.g. an office's PostgreSQL)"
    )
    parser.add_argument("--keep", metavar="FILE", help="the SQLite file to fill and keep (it must not exist)")
    options = parser.parse_args()
    if options.keep:
        if Path(options.keep).exists():
            sys.exit(f"{options.keep} exists; the benchmark fills only a new database")
        run(f"sqlite:///{options.keep}", options.cases, options.grow_to)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(options.database_url or f"sqlite:///{folder}/bench.db", options.cases, options.grow_to)


def run(url: str, count: int, grow_to: int | None) -> None:
    rng = random.Random(2026)
    template = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    with CaseStore.open(url) as store:
        if store.count_cases():
            sys.exit(f"{store.location} already holds cases; the benchmark fills only an empty database")
        cases = make_cases(template, count, rng)
        rate = fill(store, cases)
        names = [case.document["credential"]["learner"]["name"] for case in rng.sample(cases, REPEATS)]
        del cases
        singles = make_cases(template, 300, rng)
        start = time.perf_counter()
        for case in singles:
            store.add_case(case)
        single_rate = len(singles) / (time.perf_counter() - start)
        print(f"cases stored: {store.count_cases():,}")
        print(f"insert, {BATCH:,} cases per transaction: {rate:,.0f} cases/s")
        print(f"insert, one case per transaction: {single_rate:,.0f} cases/s")
        depth = min(DEPTH, count // 2)
        first = timings(store, rng, names, depth)
        for label, milliseconds in first.items():
            print(f"{label}: {milliseconds:.1f} ms  (target < 50 ms)")
        if grow_to is None or grow_to <= count:
            return
        added = 0
        while added < grow_to - count - 300:
            chunk = make_cases(template, min(100_000, grow_to - count - 300 - added), rng)
            fill(store, chunk)
            added += len(chunk)
        total = store.count_cases()
        print(f"cases stored: {total:,}")
        second = timings(store, rng, names, depth)
        for label, milliseconds in second.items():
            growth = milliseconds / first[label] if first[label] else float("inf")
            print(f"{label}: {milliseconds:.1f} ms  (target < 50 ms; {growth:.1f} times the time at {count:,})")


if __name__ == "__main__":
    main()
