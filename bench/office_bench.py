"""Benchmark the office's record: `python bench/office_bench.py [--cases N] [--postgresql | --database-url URL]
[--keep DIR]`.

Fills a fresh SQLite database (with ``--postgresql`` a database on a PostgreSQL 15 server of its own; with
``--database-url`` the *empty* database the URL names, such as an office's) with N decided cases (100,000 by
default): credentials from about 2,000 titles and 40 awarding bodies in Latin and Cyrillic script, each case with
its dates of receipt and completeness and one final decision. Cases, their search terms and decisions are written
as the store keeps them, in bulk (``bench/filling.py``); ``--keep DIR`` keeps the database for the next
run. Then it prints the median time to find the similar cases of a case (target under 50 ms), to export the
register of every decision as CSV and JSON (target under 5 s) and to compute the statistics (target under 1 s).
Run it with `nice -n 19` on a shared machine.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from filling import postgresql_databases, sqlite_databases, write_cases, write_rows  # noqa: E402  (bench/ is first on the path)
from sqlalchemy import Engine, select, text  # noqa: E402
from store_bench import FIRST_NAMES, LAST_NAMES  # noqa: E402
from timing import median_ms, processor_ms  # noqa: E402

from recogniser.casefile import case_sha256, load_case  # noqa: E402
from recogniser.model import Case, Decision, Outcome, Procedure, Purpose, Recommendation  # noqa: E402
from recogniser.store import CaseStore  # noqa: E402
from recogniser.store.office_record import published_values  # noqa: E402
from recogniser.store.rows import case_values, term_rows  # noqa: E402
from recogniser.store.tables import metadata  # noqa: E402

TOPICS = [
    "Maritime Safety", "Data Analysis", "Supply Chains", "Academic Writing", "Machine Learning", "Digital Marketing",
    "Clinical Research", "Project Management", "Renewable Energy", "Cybersecurity", "Cloud Computing",
    "Financial Accounting", "Public Health", "Early Childhood Education", "Welding Technology", "Tourism Management",
    "Food Safety", "Software Testing", "Urban Planning", "Agricultural Economics",
]  # fmt: skip
FORMS = [
    "Introduction to", "Advanced", "Foundations of", "Applied", "Professional Certificate in", "Essentials of",
    "Practical", "Managing", "Principles of", "Leadership in",
]  # fmt: skip
LEVELS = ["I", "II", "III", "for Practitioners", "for Managers", "Online", "Intensive", "Bootcamp", "Module A",
          "Module B"]  # fmt: skip
BODIES = [
    "University of Split", "University of Zadar", "Dublin City University", "Ghent University", "Mälardalen University",
    "Tbilisi State University", "National Technical University of Athens", "Chamber of Commerce Zagreb",
    "Open Learning Academy", "Київський національний університет", "Львівська політехніка",
    "Московский институт", "University of Tartu", "Jagiellonian University", "Charles University",
    "University of Ljubljana", "Vilnius University", "University of Latvia", "Technical University of Munich",
    "Politecnico di Milano", "Universidad de Salamanca", "Universidade do Porto", "KU Leuven", "Aalto University",
    "University of Oslo", "Lund University", "Eötvös Loránd University", "University of Bucharest",
    "Sofia University", "University of Belgrade", "Университет Софии", "University of Sarajevo",
    "University of Montenegro", "University of Tirana", "University of Cyprus", "University of Malta",
    "University of Iceland", "University of Luxembourg", "Riga Technical University", "Tallinn University",
]  # fmt: skip
COUNTRIES = ["HR", "IE", "BE", "SE", "GE", "GR", "UA", "PL", "DE", "HU", "EE", "CZ", "SI", "LT", "LV"]
OUTCOMES = [
    (Outcome.FULL_RECOGNITION, 0.45),
    (Outcome.PARTIAL_RECOGNITION, 0.25),
    (Outcome.CONDITIONAL_RECOGNITION, 0.1),
    (Outcome.ALTERNATIVE_RECOGNITION, 0.05),
    (Outcome.NON_RECOGNITION, 0.15),
]
CHUNK = 20_000
REPEATS = 30

_CASES = metadata.tables["cases"]
_DECISIONS = metadata.tables["decisions"]


def titles() -> list[str]:
    return [f"{form} {topic} {level}" for form in FORMS for topic in TOPICS for level in LEVELS]


def make_cases(template: Case, count: int, rng: random.Random) -> list[Case]:
    names = titles()
    cases = []
    for _ in range(count):
        document = copy.deepcopy(dict(template.document))
        document.pop("reference", None)
        purpose = rng.choice([Purpose.ADMISSION, Purpose.CREDIT_TRANSFER, Purpose.EMPLOYMENT, Purpose.RPL])
        document["purpose"] = purpose.value
        if purpose not in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
            document.pop("target", None)
        credential = document["credential"]
        # Learners as an office has them: names in four scripts sharing their words, an identifier, a birth date.
        credential["learner"] = {
            "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "identifier": f"ID-{rng.randrange(10**8):08d}",
            "date_of_birth": (date(1960, 1, 1) + timedelta(days=rng.randrange(15000))).isoformat(),
        }
        credential["title"] = rng.choice(names)
        credential["awarding_body"]["name"] = rng.choice(BODIES)
        credential["issuer_country"] = rng.choice(COUNTRIES)
        received = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
        complete = received + timedelta(days=rng.randrange(60))
        document["procedure"] = {"received_on": received.isoformat(), "complete_on": complete.isoformat()}
        cases.append(
            replace(
                template,
                reference=None,
                purpose=purpose,
                target=template.target if "target" in document else None,
                procedure=Procedure(received, complete),
                document=document,
            )
        )
    return cases


def decision_rows(stored: list[tuple[int, Case]], rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for case_id, case in stored:
        outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        sought = case.credits_sought
        ects = None if sought is None else (0 if outcome is Outcome.NON_RECOGNITION else sought)
        decision = Decision(
            reference=case.reference,
            purpose=case.purpose,
            rulebook_version="2026.7",
            case_sha256=case_sha256(case),
            recommendation=Recommendation(outcome=outcome, ects_recognised=ects, summary="Recommended."),
            findings=(),
        )
        complete = case.procedure.complete_on
        assert complete is not None
        decided = datetime.combine(complete, datetime.min.time(), UTC) + timedelta(days=rng.randrange(10, 160))
        rows.append(
            {
                "case_id": case_id,
                "decision": json.dumps(decision.to_json(), ensure_ascii=False),
                "case_document": json.dumps(case.document, ensure_ascii=False),
                "case_sha256": case_sha256(case),
                "rulebook_version": "2026.7",
                "recommended_outcome": outcome.value,
                "final_outcome": outcome.value,
                "justification": "As recommended." if rng.random() < 0.8 else "The learning outcomes overlap in part.",
                "final_ects": ects,
                "divergence_reason": None,
                "published_values": published_values(case.document),
                "decided_by": rng.choice(["M. Novak", "A. Horvat", "J. Kovač", "E. Beridze"]),
                "recorded_at": decided,
            }
        )
    return rows


def fill(engine: Engine, count: int, rng: random.Random) -> None:
    """Write ``count`` decided cases and their decisions as the store keeps them, in bulk and one transaction."""
    template = load_case(ROOT / "examples" / "maritime-credit-transfer.json")
    now = datetime.now(UTC)
    kept = 0
    start = time.perf_counter()
    with engine.begin() as connection:
        for first in range(1, count + 1, CHUNK):
            made = make_cases(template, min(CHUNK, count + 1 - first), rng)
            cases, terms, stored = [], [], []
            for case_id, case in enumerate(made, first):
                reference = f"{case.assessing_country}-{now.year}-{case_id:06d}"
                document = dict(case.document, reference=reference)
                values, columns = case_values(document)
                common = {"version": 1, "credential_count": 1, "created_at": now, "updated_at": now}
                cases.append({"id": case_id, "status": "decided", **common, **values})
                terms += term_rows(case_id, columns)
                stored.append((case_id, replace(case, reference=reference, document=document)))
            decisions = decision_rows(stored, rng)
            for row, decision in zip(cases, decisions, strict=True):
                row["latest_outcome"] = decision["final_outcome"]
            write_cases(connection, cases, terms)
            write_rows(connection, _DECISIONS, decisions)
            kept += len(stored)
        if engine.dialect.name == "postgresql":
            for table in ("cases", "decisions"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))"))
    if engine.dialect.name == "postgresql":  # as autovacuum would after such a load
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    print(f"cases and decisions stored: {kept:,} in {time.perf_counter() - start:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--postgresql", action="store_true", help="on a PostgreSQL 15 server of its own")
    where.add_argument("--database-url", metavar="URL", help="an EMPTY database to fill (an office's PostgreSQL)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the filled database in DIR for the next run")
    options = parser.parse_args()
    if options.database_url:
        run(options.database_url, True, options.cases, None)
        return
    opened = postgresql_databases if options.postgresql else sqlite_databases
    with opened(options.keep, "office") as (database, _, server):
        run(*database(options.cases, None), options.cases, server)


def run(url: str, to_fill: bool, count: int, server: int | None) -> None:
    """Fill the database if asked, then time; ``server`` is the process id of a local PostgreSQL server, whose
    processor time is counted with this process's."""
    rng = random.Random(2026)
    with CaseStore.open(url) as store:  # migrates a kept database made by an earlier version
        if to_fill:
            if store.count_cases():
                sys.exit(f"{store.location} already holds cases; the benchmark fills only an empty database")
            fill(store._engine, count, rng)
        with store._engine.connect() as connection:
            ids = rng.sample(range(1, store.count_cases() + 1), REPEATS)
            references = connection.execute(select(_CASES.c.reference).where(_CASES.c.id.in_(ids))).scalars()
            cases = [store.get_case(reference).case for reference in references]
        sample = iter(cases * 2)
        found: list[int] = []

        def similar() -> None:
            found.append(len(store.similar_cases(next(sample))))

        milliseconds = median_ms(similar, REPEATS)
        average = sum(found) / len(found)
        print(f"similar cases of a case: {milliseconds:.1f} ms  (target < 50 ms; {average:.1f} found on average)")
        # Each twice: the first export after opening reads the decisions from the disk's cache into the
        # database's, the second finds them there, as an office exporting again would.
        for kind, turn in (("csv", "first"), ("json", "first"), ("csv", "again"), ("json", "again")):
            stream = io.StringIO()
            start, cpu = time.perf_counter(), processor_ms(server)
            written = store.export_register(stream, kind)
            seconds, cpu = time.perf_counter() - start, (processor_ms(server) - cpu) / 1000
            size = len(stream.getvalue()) / 2**20
            print(
                f"register of {written:,} decisions as {kind} ({turn}): {seconds:.2f} s ({cpu:.2f} s of "
                f"processor time), {size:.0f} MiB  (target < 5 s)"
            )
        start, cpu = time.perf_counter(), processor_ms(server)
        statistics = store.office_statistics()
        seconds, cpu = time.perf_counter() - start, (processor_ms(server) - cpu) / 1000
        print(
            f"statistics of {statistics.decided:,} decided cases: {seconds * 1000:.0f} ms ({cpu * 1000:.0f} ms of "
            "processor time)  (target < 1 s)"
        )


if __name__ == "__main__":
    main()
