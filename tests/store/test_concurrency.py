"""Two evaluators on one database: nobody's save is silently overwritten."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, create_engine, text

from recogniser.model import Case
from recogniser.store import CaseConflictError, CaseStore, StoredCase
from recogniser.store.database import resolve_url
from tests.store.cases import edited, make_case

ROUNDS = 15


def test_of_two_simultaneous_saves_one_wins_and_the_other_is_told(database_url: str) -> None:
    with CaseStore.open(database_url) as first, CaseStore.open(database_url) as second:
        opened = first.add_case(make_case("CASE-1"))
        barrier = threading.Barrier(2)

        def save(store: CaseStore, case: Case, version: int) -> StoredCase | CaseConflictError:
            barrier.wait()
            try:
                return store.save_case("CASE-1", case, expected_version=version)
            except CaseConflictError as conflict:
                return conflict

        with ThreadPoolExecutor(max_workers=2) as pool:
            for round_number in range(1, ROUNDS + 1):
                version = first.get_case("CASE-1").version
                texts = {
                    "first": edited(opened.case, grade=f"first evaluator, round {round_number}"),
                    "second": edited(opened.case, grade=f"second evaluator, round {round_number}"),
                }
                results = {
                    name: pool.submit(save, store, texts[name], version)
                    for name, store in (("first", first), ("second", second))
                }
                outcomes = {name: future.result(timeout=60) for name, future in results.items()}
                winners = [name for name, result in outcomes.items() if isinstance(result, StoredCase)]
                losers = [name for name, result in outcomes.items() if isinstance(result, CaseConflictError)]
                assert len(winners) == 1 and len(losers) == 1, outcomes
                kept = first.get_case("CASE-1")
                assert kept.version == version + 1
                assert kept.case.credential.grade == texts[winners[0]].credential.grade


def test_a_save_waiting_on_another_evaluators_transaction_ends_in_a_conflict(postgresql_url: str) -> None:
    with CaseStore.open(postgresql_url) as store:
        opened = store.add_case(make_case("CASE-1"))
        engine = create_engine(resolve_url(postgresql_url))
        try:
            with engine.connect() as other_evaluator:
                # The other evaluator's save is half-way: row locked, new version written, not yet committed.
                transaction = other_evaluator.begin()
                other_evaluator.execute(text("SELECT id FROM cases WHERE reference = 'CASE-1' FOR UPDATE"))
                other_evaluator.execute(text("UPDATE cases SET version = 2 WHERE reference = 'CASE-1'"))

                with ThreadPoolExecutor(max_workers=1) as pool:
                    pending = pool.submit(store.save_case, "CASE-1", edited(opened.case, grade="mine"), 1)
                    _wait_until_a_session_waits_on_a_lock(engine)
                    assert not pending.done()
                    transaction.commit()
                    with pytest.raises(CaseConflictError, match="version 1, the store has version 2"):
                        pending.result(timeout=30)
        finally:
            engine.dispose()
        assert store.get_case("CASE-1").case.credential.grade == opened.case.credential.grade


def _wait_until_a_session_waits_on_a_lock(engine: Engine) -> None:
    """Until a session of this database waits on a lock: our save, queued behind the open transaction."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as watcher:
            waiting = watcher.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
        if waiting:
            return
        time.sleep(0.02)
    pytest.fail("the second save never queued behind the first evaluator's transaction")
