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
    appeal = "7. Substantial differences and appeal" in text
    assert f"{8 if appeal else 7}. Decision of the evaluator" in text


def test_every_table_of_a_stack_names_the_credential_it_is_about() -> None:
    first, second, third = _three()
    long_title = "Safety Management of Merchant Vessels under SOLAS and the ISM Code for Deck Officers"
    for credential in (first, second, third):
        credential["learner"] = {"name": "Олександра Шевченко-Коваленко"}
    first["title"] = long_title
    case = parse_case(_stack(first, second, third))
    text = flat(render_report(case, assess(case), SETTINGS, today=date(2026, 3, 1)))
    # The Annex I table and the findings of each credential name it in their header row, which every page the
    # table runs onto repeats.
    for number in (1, 2, 3):
        assert f"As stated in credential {number}" in text
        assert f"Finding about credential {number} and its basis" in text
    assert "Finding about the stack and its basis" in text
    # The five elements say which credential each reason is about, a long title cut short (section 1 has it).
    five = text[text.find("3. The five elements") : text.find("4. Learning outcomes compared")]
    assert "Credential 1 'Safety Management of Merchant Vessels under…'" in five
    assert "Credential 2 'Part 2'" in five and "Credential 3 'Part 3'" in five
    assert "Олександра Шевченко-Коваленко" in text
