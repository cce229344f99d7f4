"""Recording a decision, without a window: saved first, put to the evaluator, recorded on the text they saw."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from recogniser.casefile import parse_case
from recogniser.model import Case, Outcome, Recommendation
from recogniser.precedents import Precedent
from recogniser.settings import load_settings
from recogniser.store import CaseStore
from recogniser.ui.decision_dialog import DecisionEntry
from recogniser.ui.document import with_value

from ..conftest import ScriptedDialogs
from .conftest import Workflows


class Evaluator:
    """Answers the decision dialog with ``entry`` (None: cancels it) and remembers what it was shown."""

    def __init__(self, dialogs: ScriptedDialogs, entry: DecisionEntry | None) -> None:
        self.entry = entry
        self.asked: list[tuple[Recommendation, str, list[Precedent]]] = []
        dialogs.record_decision = self.decide  # type: ignore[method-assign]

    def decide(
        self,
        parent: QWidget | None,
        case: Case,
        recommendation: Recommendation,
        evaluator: str,
        precedents: Sequence[Precedent] = (),
    ) -> DecisionEntry | None:
        self.asked.append((recommendation, evaluator, list(precedents)))
        return self.entry


def test_a_new_case_is_saved_then_decided_and_the_evaluator_remembered(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    entry = DecisionEntry(
        Outcome.PARTIAL_RECOGNITION, "Two outcomes not covered", "Ana Horvat", 3.0, "The module was revised in 2025"
    )
    evaluator = Evaluator(dialogs, entry)
    workflows.open_example()
    assert workflows.case.reference is None
    workflows.decisions.record()
    workflows.settle()

    ((recommendation, asked_evaluator, _precedents),) = evaluator.asked
    assert asked_evaluator == ""
    reference = workflows.case.reference
    assert reference is not None and not workflows.case.dirty
    with CaseStore.open(database) as store:
        (recorded,) = store.decisions_for(reference)
    assert (recorded.final_outcome, recorded.decided_by, recorded.justification) == (
        Outcome.PARTIAL_RECOGNITION,
        "Ana Horvat",
        "Two outcomes not covered",
    )
    assert (recorded.final_ects, recorded.divergence_reason) == (3.0, "The module was revised in 2025")
    assert recorded.recommended_outcome == recommendation.outcome
    assert workflows.histories[-1] == [recorded]
    assert workflows.messages[-1] == f"Decision recorded for {reference}"
    assert load_settings().evaluator_name == "Ana Horvat"

    workflows.decisions.record()
    workflows.settle()
    assert evaluator.asked[-1][1] == "Ana Horvat", "the next decision is offered under the same name"


def test_a_cancelled_decision_records_nothing(workflows: Workflows, dialogs: ScriptedDialogs, database: str) -> None:
    evaluator = Evaluator(dialogs, None)
    workflows.open_example()
    workflows.decisions.record()
    workflows.settle()
    assert len(evaluator.asked) == 1
    with CaseStore.open(database) as store:
        assert store.decisions_for("EXAMPLE-01") == []
    assert load_settings().evaluator_name == ""


def test_a_decision_waits_until_the_evaluator_has_seen_what_someone_else_saved(
    workflows: Workflows, dialogs: ScriptedDialogs, database: str
) -> None:
    evaluator = Evaluator(dialogs, DecisionEntry(Outcome.FULL_RECOGNITION, "", "Ana Horvat", 5.0))
    workflows.open_example()
    workflows.save()
    with CaseStore.open(database) as store:
        stored = store.get_case("EXAMPLE-01")
        document = with_value(stored.case.document, "credential.grade", "Excellent (5)")
        store.save_case("EXAMPLE-01", parse_case(document), stored.version)

    workflows.decisions.record()
    workflows.settle()
    assert evaluator.asked == []
    assert workflows.case.version == 2
    assert workflows.session.value("credential.grade") == "Excellent (5)"
    assert dialogs.shown[-1][0] == "information"

    workflows.decisions.record()
    workflows.settle()
    assert len(evaluator.asked) == 1
    with CaseStore.open(database) as store:
        (recorded,) = store.decisions_for("EXAMPLE-01")
    assert recorded.case_document["credential"]["grade"] == "Excellent (5)"


def test_the_history_follows_the_open_case(workflows: Workflows, dialogs: ScriptedDialogs) -> None:
    Evaluator(dialogs, DecisionEntry(Outcome.FULL_RECOGNITION, "", "Ana Horvat", 5.0))
    workflows.open_example()
    workflows.decisions.record()
    workflows.settle()
    assert len(workflows.histories[-1]) == 1
    workflows.cases.new_case()
    workflows.settle()
    assert workflows.histories[-1] == [], "a new case shows no decision of the one before"
    workflows.cases.open_stored("EXAMPLE-01")
    workflows.settle()
    assert len(workflows.histories[-1]) == 1
