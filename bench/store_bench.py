"""Benchmark the case store: `python bench/store_bench.py [--cases N] [--database-url URL]`.

Fills a fresh SQLite database (or the empty database the URL names, such as an office's PostgreSQL) with
100,000 cases, learners in Latin, Cyrillic, Georgian and Greek script, and prints the insert rate, then the
median time to list the first page of the case list (with its total, as the window's table needs) and to search
by a learner's name. Target: under 100 ms each on SQLite. The cases vary one valid example file, so JSON Schema
validation, which happens before a case reaches the store, is not part of the timing.
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
    store.count_cases(query)
    store.list_cases(query, offset=0, limit=50)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument(
        "--database-url", metavar="URL", help="an EMPTY database to fill instead (e.g. an office's PostgreSQL)"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run(options.database_url or f"sqlite:///{folder}/bench.db", options.cases)


def run(url: str, count: int) -> None:
    rng = random.Random(2026)
    template = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    cases = make_cases(template, count, rng)
    with CaseStore.open(url) as store:
        if store.count_cases():
            sys.exit(f"{store.location} already holds cases; the benchmark fills only an empty database")
        start = time.perf_counter()
        for first in range(0, len(cases), BATCH):
            store.add_cases(cases[first : first + BATCH])
        batch_seconds = time.perf_counter() - start
        singles = make_cases(template, 300, rng)
        start = time.perf_counter()
        for case in singles:
            store.add_case(case)
        single_seconds = time.perf_counter() - start
        total = store.count_cases()
        print(f"cases stored: {total:,}")
        print(f"insert, {BATCH:,} cases per transaction: {count / batch_seconds:,.0f} cases/s")
        print(f"insert, one case per transaction: {len(singles) / single_seconds:,.0f} cases/s")

        timings = {
            "first page of the list, newest first, with total": CaseQuery(),
            "first page sorted by learner, with total": CaseQuery(sort=CaseSort.LEARNER, descending=False),
            "first page of one purpose, with total": CaseQuery(purpose=Purpose.RPL),
        }
        for label, query in timings.items():
            print(f"{label}: {median_ms(lambda q=query: page_with_total(store, q), REPEATS):.1f} ms  (target < 100 ms)")

        names = [case.document["credential"]["learner"]["name"] for case in rng.sample(cases, REPEATS)]
        searches = {
            "search by a learner's full name": names,
            "search by a surname": [name.split()[-1] for name in names],
            "search by a name typed in Latin letters for any script": ["ivan", "nino be", "eleni", "petrovic"],
        }
        for label, texts in searches.items():
            typed = iter(texts * REPEATS)
            milliseconds = median_ms(lambda typed=typed: page_with_total(store, CaseQuery(search=next(typed))), REPEATS)
            print(f"{label}, first page with total: {milliseconds:.1f} ms  (target < 100 ms)")


if __name__ == "__main__":
    main()
