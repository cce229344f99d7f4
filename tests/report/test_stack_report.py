"""The report of a stack: a section per credential, the coverage matrix, findings grouped per credential."""

from __future__ import annotations

from datetime import date

from recogniser.casefile import parse_case
from recogniser.report import ReportSettings, render_report
from recogniser.rules import assess
from tests.report.test_report import flat
from tests.rules.test_stacking import TARGET_OUTCOMES, _stack, _three

SETTINGS = ReportSettings(office_name="ENIC-NARIC Croatia", evaluator_name="Ana Horvat", office_address="Zagreb")


def test_a_stack_report_has_a_section_per_credential_and_the_matrix() -> None:
    first, second, third = _three()
    third["assessment"] = {"type": "attendance_only"}
    case = parse_case(_stack(first, second, third))
    text = flat(render_report(case, assess(case), SETTINGS, today=date(2026, 3, 1)))
    headings = [
        "1. The 3 micro-credentials, each element by element",
        "1.1 Credential 1 'Part 1'",
        "1.2 Credential 2 'Part 2'",
        "1.3 Credential 3 'Part 3'",
        "2. What recognition is sought for",
        "4. Learning outcomes compared: the coverage matrix",
        "5. Findings, credential by credential and for the stack",
        "6. Recommendation",
    ]
    positions = [text.find(heading) for heading in headings]
    assert all(position >= 0 for position in positions), list(zip(headings, positions, strict=True))
    assert positions == sorted(positions)
    assert "set aside" in text and "it records attendance only" in text
    assert "Not covered: a gap." in text
    assert f"target outcome not covered: {TARGET_OUTCOMES[2]}" in text
    assert "Credential 3 'Part 3': set aside" in text and "The stack" in text
    assert "The 3 credentials stacked ('Part 1', 'Part 2', 'Part 3')" in text
