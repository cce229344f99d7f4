"""Property-based: any JSON value either loads or raises the project's own error; assess never crashes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recogniser.case_checks import CaseFileError
from recogniser.casefile import parse_case, parse_case_text
from recogniser.model import Decision
from recogniser.rules import assess
from recogniser.schemas import schema_validator

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)

optional = st.none()
# Any character a case may hold: NUL is refused by the case format (no database could keep it the same way).
case_characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
texts = st.text(case_characters, max_size=60)
outcome_lists = st.none() | st.lists(st.text(case_characters, max_size=120), max_size=6)
levels = st.none() | st.integers(min_value=1, max_value=8)
dates = st.none() | st.dates().map(lambda d: d.isoformat())
tristate = st.none() | st.booleans()

cases = st.fixed_dictionaries(
    {
        "format": st.just("recogniser-case/1"),
        "purpose": st.sampled_from(["admission", "credit_transfer", "employment", "rpl"]),
        "assessing_country": st.sampled_from(["HR", "IE", "SE", "GE", "UA"]),
        "applicant": st.fixed_dictionaries({"refugee": st.booleans(), "documents_missing": st.booleans()}),
        "target": st.fixed_dictionaries(
            {
                "title": optional | texts,
                "eqf_level": st.integers(min_value=1, max_value=8),
                "ects": st.floats(min_value=0.5, max_value=120),
                "learning_outcomes": outcome_lists,
            }
        ),
        "credential": st.fixed_dictionaries(
            {},
            optional={
                "title": optional | texts,
                "learner": st.none() | st.fixed_dictionaries({"name": optional | texts}),
                "issuer_country": st.none() | st.sampled_from(["HR", "IE", "US"]),
                "awarding_body": st.none()
                | st.fixed_dictionaries(
                    {
                        "name": optional | texts,
                        "kind": st.none()
                        | st.sampled_from(
                            ["higher_education_institution", "vet_provider", "private_provider", "employer"]
                        ),
                    }
                ),
                "issue_date": dates,
                "learning_outcomes": outcome_lists,
                "workload": st.none()
                | st.fixed_dictionaries(
                    {
                        "ects": st.none() | st.floats(min_value=0, max_value=200),
                        "hours": st.none() | st.floats(min_value=0, max_value=5000),
                    }
                ),
                "level": st.none()
                | st.fixed_dictionaries(
                    {
                        "framework": st.none() | st.sampled_from(["IE-NFQ", "HR-CROQF", "UK-SCT-SCQF", "XX-NOPE"]),
                        "nqf_level": st.none() | st.sampled_from(["1", "6", "7.1", "8", "12", "Entry 3", "zz"]),
                        "eqf_level": levels,
                    }
                ),
                "assessment": st.none()
                | st.fixed_dictionaries(
                    {
                        "type": st.none()
                        | st.sampled_from(["written_exam", "online_quiz", "attendance_only", "none", "project"]),
                        "supervised": tristate,
                        "identity_verified": tristate,
                    }
                ),
                "participation": st.none() | st.sampled_from(["onsite", "online", "blended"]),
                "quality_assurance": st.none()
                | st.fixed_dictionaries(
                    {
                        "internal": tristate,
                        "external_agency": st.none() | st.sampled_from(["ASHE", "NVAO", "Quality Agency", "zzz", ""]),
                        "decision": st.none() | st.sampled_from(["positive", "negative", "not_applicable"]),
                        "valid_until": dates,
                    }
                ),
            },
        ),
    }
)


@given(json_values)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_json_value_loads_or_raises_case_file_error(value: Any) -> None:
    try:
        parse_case(value)
    except CaseFileError as error:
        assert error.problems and all(str(problem) for problem in error.problems)


@given(st.text(max_size=200))
def test_any_text_loads_or_raises_case_file_error(text: str) -> None:
    try:
        parse_case_text(text)
    except CaseFileError as error:
        assert len(error.lines()) >= 1


@given(cases)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_assess_never_crashes_and_its_decision_is_valid(document: dict[str, Any]) -> None:
    case = parse_case(document)
    decision = assess(case)
    data = decision.to_json()
    schema_validator("decision-1.schema.json").validate(data)
    assert Decision.from_json(json.loads(json.dumps(data))).to_json() == data
    assert assess(case).to_json() == data
