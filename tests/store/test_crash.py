"""A writer killed in the middle of a save leaves a SQLite database that opens intact, as last committed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from recogniser.store import CaseQuery, CaseStore

ROOT = Path(__file__).resolve().parents[2]
KILLS = 3


def _run_and_kill(url: str, seed: int) -> int:
    """Start a writer, let it commit a few saves, SIGKILL it at a random moment; the last version it reported."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.store.crash_writer", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    reported = [int(writer.stdout.readline()) for _ in range(5)]
    time.sleep(random.Random(seed).uniform(0.0, 0.05))
    writer.send_signal(signal.SIGKILL)
    rest, errors = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, errors
    reported += [int(line) for line in rest.split()]
    return reported[-1]


def test_a_killed_writer_leaves_the_last_committed_state(tmp_path: Path) -> None:
    path = tmp_path / "cases.db"
    url = f"sqlite:///{path}"
    for kill in range(KILLS):
        last_reported = _run_and_kill(url, seed=kill)

        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        with CaseStore.open(url) as store:
            case = store.get_case("CRASH-1")
            # The save in flight when the writer died either committed whole or not at all.
            assert case.version in (last_reported, last_reported + 1)
            assert case.case.credential.grade == f"version {case.version}"
            # Every case the writer reported is there, in the list and in the search index.
            assert store.get_case(f"ADDED-{last_reported}").version == 1
            found = [s.reference for s in store.search_cases(f"added {last_reported}", limit=1000)]
            assert f"ADDED-{last_reported}" in found
            assert store.count_cases(CaseQuery(search="added")) <= case.version - 1
