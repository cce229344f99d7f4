"""Benchmark the case store at an office's scale: `python bench/store_bench.py [--cases N] [--grow-to M]
[--postgresql | --database-url URL] [--keep DIR]`.

Fills a fresh SQLite database (with ``--postgresql`` a database on a PostgreSQL 15 server of its own, started as
the tests start theirs; with ``--database-url`` the *empty* database the URL names, such as an office's) with
100,000 cases, learners in Latin, Cyrillic, Georgian and Greek script, and prints the median time of the case
list's first page with its total, of a search by a learner's name and by a word of a credential's title, of
three searches whose matches lie at the far end of the list's order (a first name sorted by learner, a prefix of
the oldest cases' serials newest first), and of a deep page (50,000 cases in, newest first and by learner)
reached from the cursor of the page before it. With ``--grow-to`` it then adds cases up to that many (1,000,000,
say), times the same again and prints how each grew.
Target: under 50 ms each.

The cases are written as the store writes them (the same row values and search terms), but in bulk: one
transaction of multi-row inserts on SQLite, COPY on PostgreSQL, so a million cases take minutes, not an hour.
The store's own insert rates (1,000 cases per transaction and one per transaction) are timed on a fresh
database beside it. ``--keep DIR`` keeps the filled databases in DIR (outside the repository) and uses them again
on the next run (a SQLite file per size, or a PostgreSQL server's files with a database per size); delete DIR
when done. Run it with `nice -n 19` on a shared machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from filling import Database, postgresql_databases, same_database, sqlite_databases, write_cases  # noqa: E402  (bench/ is first on the path)
from sqlalchemy import Engine, text  # noqa: E402
from timing import timed  # noqa: E402

from recogniser.casefile import load_case  # noqa: E402
from recogniser.model import Case, Purpose  # noqa: E402
from recogniser.store import CaseQuery, CaseSort, CaseStore  # noqa: E402
from recogniser.store.rows import case_values, term_rows  # noqa: E402

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
PURPOSES = [Purpose.ADMISSION, Purpose.CREDIT_TRANSFER, Purpose.EMPLOYMENT, Purpose.RPL]
BATCH = 1_000
#: Cases made and written at a time while filling (memory stays bounded whatever the count).
CHUNK = 20_000
REPEATS = 50
#: Searches whose matches lie far along the order are slower: timed fewer times.
FAR_REPEATS = 5
DEPTH = 50_000
TARGET_MS = 50


def make_cases(template: Case, count: int, rng: random.Random) -> list[Case]:
    """Cases varying the template: learner, title, awarding body, country and purpose; no reference."""
    cases = []
    for _ in range(count):
        document = dict(template.document)
        document.pop("reference", None)
        purpose = rng.choice(PURPOSES)
        document["purpose"] = purpose.value
        credential = dict(document["credential"])
        credential["learner"] = dict(credential["learner"], name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
        credential["title"] = rng.choice(TITLES)
        credential["awarding_body"] = dict(credential["awarding_body"], name=rng.choice(BODIES))
        credential["issuer_country"] = rng.choice(COUNTRIES)
        document["credential"] = credential
        cases.append(replace(template, reference=None, purpose=purpose, document=document))
    return cases


def learner_names(rng: random.Random, count: int) -> list[str]:
    """Full names as the cases are given them: each is some cases' learner."""
    return [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(count)]


# --- filling ---


def fill(engine: Engine, template: Case, first_id: int, count: int, rng: random.Random) -> float:
    """Write ``count`` cases with row ids from ``first_id``, as the store would write them (each gets the reference
    the store would give it), in one transaction; returns the cases per second."""
    now = datetime.now(UTC)
    postgresql = engine.dialect.name == "postgresql"
    start = time.perf_counter()
    with engine.begin() as connection:
        if not postgresql:
            connection.exec_driver_sql("PRAGMA cache_size=-1048576")  # 1 GiB while filling: the term index is large
        for first in range(first_id, first_id + count, CHUNK):
            cases, terms = [], []
            for case_id, case in enumerate(make_cases(template, min(CHUNK, first_id + count - first), rng), first):
                reference = f"{case.assessing_country}-{now.year}-{case_id:06d}"
                values, columns = case_values(dict(case.document, reference=reference))
                common = {"version": 1, "status": "open", "credential_count": 1, "created_at": now, "updated_at": now}
                cases.append({"id": case_id, "latest_outcome": None, **common, **values})
                terms += term_rows(case_id, columns)
            write_cases(connection, cases, terms)
        if postgresql:
            connection.execute(text("SELECT setval('cases_id_seq', (SELECT max(id) FROM cases))"))
    if postgresql:
        # As autovacuum does after such a load (PostgreSQL 13+ vacuums after inserts too): without the visibility
        # map it sets, a count of the cases reads every row instead of the index alone.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
    return count / (time.perf_counter() - start)


def store_insert_rates(url: str, template: Case, rng: random.Random) -> tuple[float, float]:
    """The store's own rates on a fresh database: 10,000 cases 1,000 per transaction, then 300 one by one."""
    with CaseStore.open(url) as store:
        cases = make_cases(template, 10_000, rng)
        start = time.perf_counter()
        for first in range(0, len(cases), BATCH):
            store.add_cases(cases[first : first + BATCH])
        batched = len(cases) / (time.perf_counter() - start)
        singles = make_cases(template, 300, rng)
        start = time.perf_counter()
        for case in singles:
            store.add_case(case)
        return batched, len(singles) / (time.perf_counter() - start)


# --- timing ---


def timings(store: CaseStore, rng: random.Random, depth: int, server: int | None) -> dict[str, tuple[float, float]]:
    """The median milliseconds of each measured list, search and page, and the mean processor milliseconds (with
    the database server's, given its process id)."""

    def page(query: CaseQuery) -> None:
        store.page_cases(query, limit=50)

    found: dict[str, tuple[float, float]] = {}
    for label, query in {
        "first page, newest first, with total": CaseQuery(),
        "first page by learner, with total": CaseQuery(sort=CaseSort.LEARNER, descending=False),
        "first page of one purpose, with total": CaseQuery(purpose=Purpose.RPL),
    }.items():
        found[label] = timed(lambda q=query: page(q), REPEATS, server)
    names = learner_names(rng, REPEATS)
    for label, texts in {
        "search by a learner's full name, with total": names,
        "search by a surname, with total": [name.split()[-1] for name in names],
        "search by a word of the title, with total": ["maritime", "python", "supply chains", "writing", "energy"],
    }.items():
        typed = iter(texts * REPEATS * 2)
        found[label] = timed(lambda typed=typed: page(CaseQuery(search=next(typed))), REPEATS, server)
    for label, query in {
        # Their matches lie at the far end of the order: a walk of the order alone would check nearly every case.
        '"Zoë", by learner A-Z': CaseQuery(search="Zoë", sort=CaseSort.LEARNER, descending=False),
        '"01" (the oldest cases\' serials), newest first': CaseQuery(search="01"),
        '"0", newest first': CaseQuery(search="0"),
        # A filter beside a search: its total counts the matches of one purpose.
        '"maritime" of one purpose, with total': CaseQuery(search="maritime", purpose=Purpose.RPL),
    }.items():
        found[label] = timed(lambda q=query: page(q), FAR_REPEATS, server)
    for label, query in {
        f"page {depth:,} cases deep, newest first": CaseQuery(),
        f"page {depth:,} cases deep, by learner": CaseQuery(sort=CaseSort.LEARNER, descending=False),
    }.items():
        cursor = store.page_cases(query, limit=depth, count=False).after  # reached once, not timed
        found[label] = timed(lambda q=query, c=cursor: store.page_cases(q, c, 50, count=False), REPEATS, server)
    return found


def report(
    count: int, found: dict[str, tuple[float, float]], earlier: tuple[int, dict[str, tuple[float, float]]] | None
) -> None:
    print(f"cases stored: {count:,}")
    for label, (milliseconds, processor) in found.items():
        verdict = "met" if milliseconds < TARGET_MS else "NOT MET"
        growth = ""
        if earlier is not None and label in earlier[1]:
            before, before_processor = earlier[1][label]
            growth = (
                f"; {milliseconds / before:.1f} times the time at {earlier[0]:,}, "
                f"{processor / max(before_processor, 0.01):.1f} times the processor time"
            )
        print(
            f"{label}: {milliseconds:.1f} ms, {processor:.1f} ms of processor time  "
            f"(target < {TARGET_MS} ms: {verdict}{growth})"
        )


# --- the databases ---


# --- main ---


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--grow-to", type=int, metavar="M", help="then add cases up to M and time again")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--postgresql", action="store_true", help="on a PostgreSQL 15 server of its own")
    where.add_argument("--database-url", metavar="URL", help="an EMPTY database to fill (an office's PostgreSQL)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the filled databases in DIR for the next run")
    options = parser.parse_args()
    sizes = [options.cases] + ([options.grow_to] if options.grow_to and options.grow_to > options.cases else [])
    template = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    rng = random.Random(2026)
    if options.database_url:
        run(same_database(options.database_url), sizes, template, rng, grow_in_place=True, server=None)
        return
    opened = postgresql_databases if options.postgresql else sqlite_databases
    with opened(options.keep, "cases") as (database, scratch, server):
        run(database, sizes, template, rng, grow_in_place=False, server=server)
        batched, single = store_insert_rates(scratch, template, rng)
        print(f"store's insert, {BATCH:,} cases per transaction: {batched:,.0f} cases/s")
        print(f"store's insert, one case per transaction: {single:,.0f} cases/s")


def run(
    database: Database,
    sizes: list[int],
    template: Case,
    rng: random.Random,
    *,
    grow_in_place: bool,
    server: int | None,
) -> None:
    earlier: tuple[int, dict[str, tuple[float, float]]] | None = None
    for count in sizes:
        url, to_fill = database(count, None if earlier is None else earlier[0])
        with CaseStore.open(url) as store:  # migrates a kept database made by an earlier version
            stored = store.count_cases()
            if to_fill:
                if stored and (earlier is None or stored != earlier[0]):
                    sys.exit(f"{store.location} already holds cases; the benchmark fills only an empty database")
                rate = fill(store._engine, template, stored + 1, count - stored, rng)
                print(f"filled {count - stored:,} cases in bulk: {rate:,.0f} cases/s")
            found = timings(store, random.Random(count), min(DEPTH, count // 2), server)
            report(store.count_cases(), found, earlier)
        earlier = (count, found)
        if grow_in_place:
            database = same_database(url)


if __name__ == "__main__":
    main()
