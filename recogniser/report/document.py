"""The report's content, section by section, as reportlab flowables: the order of the sections (each built in a
module of its own)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable

from recogniser.isolation import isolate_decision
from recogniser.model import Case, Decision, Outcome
from recogniser.report.case_facts import single_credential, stacked_credentials, target_sought
from recogniser.report.decision import differences_and_appeal, evaluator_decision, recommendation_box
from recogniser.report.findings import findings_by_credential, findings_by_rule_set, five_elements
from recogniser.report.outcomes import coverage_matrix, outcome_comparison
from recogniser.report.recorded import RecordedDecision
from recogniser.report.settings import ReportSettings
from recogniser.report.title_page import letterhead, title_block, unprintable_notice


def build_story(
    case: Case,
    decision: Decision,
    settings: ReportSettings,
    width: float,
    today: date,
    *,
    case_attached: bool,
    recorded: Sequence[RecordedDecision] = (),
    original_attached: bool = False,
    originals_attached: frozenset[str] = frozenset(),
) -> list[Flowable]:
    """All the report's flowables for a frame ``width`` points wide; ``case_attached`` says whether the PDF
    carries the case file; ``recorded`` are the decisions kept for the case, of which the latest on this case
    text fills in the evaluator's decision; ``original_attached`` says whether the PDF carries the credential file
    of a case of one, ``originals_attached`` the SHA-256 of the files of a stack's credentials it carries."""
    # Sentences quoting a right-to-left value from the case keep their own direction (see recogniser.isolation).
    decision = isolate_decision(decision, case)
    # Sections 1 to 6 are always there; the substantial differences and the appeal only short of full recognition,
    # and the evaluator's decision follows whichever came last, so that the numbers run without a gap.
    with_appeal = decision.recommendation.outcome is not Outcome.FULL_RECOGNITION
    decision_section = 8 if with_appeal else 7
    story: list[Flowable] = []
    story += letterhead(settings, width)
    story += title_block(
        case, decision, settings, width, today, original_attached=original_attached, decision_section=decision_section
    )
    story += unprintable_notice(case, decision, settings, width, case_attached)
    stack = decision.stack if case.stacked else None
    story += (
        single_credential(case, width) if stack is None else stacked_credentials(case, stack, width, originals_attached)
    )
    story += target_sought(case, width)
    story += five_elements(decision, width)
    story += outcome_comparison(case, decision, width) if stack is None else coverage_matrix(stack, width)
    story += findings_by_rule_set(decision, width) if stack is None else findings_by_credential(decision, stack, width)
    story += recommendation_box(decision, width)
    if with_appeal:
        story += differences_and_appeal(decision, width)
    story += evaluator_decision(case, settings, width, decision, recorded, section=decision_section)
    return story
