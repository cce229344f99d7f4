"""Property-based: a response damaged anywhere is compared or left out with a reason, never a crash; kappa <= 1."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import (
    ResponseError,
    ResponseSource,
    Verdict,
    build_exercise_pack,
    build_response,
    compare,
    fleiss_kappa,
)
from recogniser.seminar.response import parse_response

_DATA, PACK = build_exercise_pack(with_notes=False)
VALID = build_response(
    PACK,
    "Group A",
    {case.id: Verdict(assess(case.case).recommendation.outcome, None, "As the tool.") for case in PACK.cases},
).to_json()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = [path for path in _paths(VALID) if path]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), json_values, st.booleans())
def test_a_damaged_response_is_compared_or_left_out_with_a_reason(
    path: tuple[Any, ...], value: Any, remove: bool
) -> None:
    document = copy.deepcopy(VALID)
    parent: Any = document
    for part in path[:-1]:
        parent = parent[part]
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    try:
        source = ResponseSource("damaged.json", parse_response(json.loads(json.dumps(document)), source="damaged"))
    except ResponseError as error:
        assert error.problems and all(problem.strip() for problem in error.problems)
        source = ResponseSource("damaged.json", None, tuple(error.problems))
    comparison = compare(PACK, [source])
    if comparison.rejected:
        [rejection] = comparison.rejected
        assert rejection.reasons and all(reason.strip() for reason in rejection.reasons)
    else:
        assert all(len(case.verdicts) == 1 for case in comparison.cases)


# Each case: the outcome index every group chose; counted into a row of the cases x outcomes table.
choices = st.integers(min_value=2, max_value=6).flatmap(
    lambda groups: st.lists(
        st.lists(st.integers(min_value=0, max_value=len(Outcome) - 1), min_size=groups, max_size=groups),
        min_size=2,
        max_size=8,
    )
)


@given(choices)
def test_kappa_never_exceeds_one_and_is_one_for_unanimous_cases(cases: list[list[int]]) -> None:
    table = [[chosen.count(outcome) for outcome in range(len(Outcome))] for chosen in cases]
    kappa = fleiss_kappa(table)
    if kappa.value is not None:
        assert kappa.value <= 1 + 1e-9
        unanimous = all(len(set(chosen)) == 1 for chosen in cases)
        assert (abs(kappa.value - 1) < 1e-9) == unanimous
