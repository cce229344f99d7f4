"""Saves one case over and over (and adds another each time) until killed.

Prints ``saving N`` as a save of version N starts and ``saved N`` once it and the case added after it are
committed, so the test can kill it in the middle of a save.

Run by ``test_crash.py`` as ``python -m tests.store.crash_writer URL``.
"""

from __future__ import annotations

import copy
import sys

from recogniser.casefile import parse_case
from recogniser.store import CaseStore, UnknownReferenceError
from tests.store.cases import make_case

#: Large enough that a save takes a while, so a kill is likely to land in the middle of one.
OUTCOMES = [f"Outcome {n}: " + "apply maritime safety conventions " * 30 for n in range(300)]


def main(url: str) -> None:
    with CaseStore.open(url) as store:
        try:
            stored = store.get_case("CRASH-1")
        except UnknownReferenceError:
            stored = store.add_case(make_case("CRASH-1"))
        version = stored.version
        while True:
            document = copy.deepcopy(dict(stored.case.document))
            # The text records the version it becomes, so a torn save would show as a mismatch.
            document["credential"]["grade"] = f"version {version + 1}"
            document["credential"]["learning_outcomes"] = OUTCOMES
            case = parse_case(document)
            print(f"saving {version + 1}", flush=True)
            stored = store.save_case("CRASH-1", case, expected_version=version)
            version = stored.version
            store.add_case(make_case(f"ADDED-{version}", learner=f"Learner {version}"))
            print(f"saved {version}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
