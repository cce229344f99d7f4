"""The window sets the open case beside the office's earlier decisions, the decision dialog asks why a decision
departs from them, and the office's statistics and register are a menu away."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from recogniser.casefile import parse_case
from recogniser.model import Case, Outcome
from recogniser.precedents import CaseProfile, Precedent, compare
from recogniser.rules import assess
from recogniser.statistics import TIME_BANDS, OfficeStatistics, TimeToDecision
from recogniser.store import CaseStore
from recogniser.ui.decision_dialog import DecisionDialog
from recogniser.ui.main_window import MainWindow
from recogniser.ui.precedents_panel import PrecedentsPanel

from .conftest import EXAMPLES, ScriptedDialogs
from .test_window import line, type_text


def screenshot(widget: QWidget, name: str, folder: Path) -> None:
    """Keep a picture of what the test saw: in ``RECOGNISER_SCREENSHOTS`` when set (the documentation's come from
    there), else beside the test's files."""
    target = Path(os.environ.get("RECOGNISER_SCREENSHOTS") or folder)
    assert widget.grab().save(str(target / name))


def maritime(reference: str, **credential: Any) -> Case:
    document: dict[str, Any] = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    document["reference"] = reference
    document["credential"].update(credential)
    document["procedure"] = {"received_on": "2026-01-05", "complete_on": "2026-01-12"}
    return parse_case(document)


def decide(store: CaseStore, case: Case, outcome: Outcome, ects: float | None, why: str) -> None:
    stored = store.add_case(case)
    decision = assess(stored.case)
    store.record_decision(stored.reference, decision, "M. Novak", outcome, why, final_ects=ects)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: (
            not window.session.assessment_pending
            and not window.tasks.busy
            and not window.decisions.precedents_timer.isActive()
        )
    )


def test_the_window_shows_earlier_decisions_and_names_a_departure(
    qtbot: QtBot, window: MainWindow, database: str, tmp_path: Path
) -> None:
    with CaseStore.open(database) as store:
        decide(store, maritime("HR-2025-000017"), Outcome.PARTIAL_RECOGNITION, 3, "Port state control is missing.")
        decide(
            store,
            maritime("HR-2025-000031", title="Safety Management on Fishing Vessels"),
            Outcome.FULL_RECOGNITION,
            5,
            "",
        )
        decided_on = store.decisions_for("HR-2025-000017")[-1].recorded_at.date().isoformat()
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    panel = window.precedents
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2)
    first = panel.tree.topLevelItem(0)
    assert first is not None
    assert first.text(0).splitlines() == [
        "HR-2025-000017 · equivalent",
        f"Partial recognition, 3 ECTS · {decided_on} · M. Novak",
    ]
    assert "Port state control is missing." in panel.details.toPlainText()
    # The rules recommend full recognition, 5 ECTS: the office decided the same case otherwise.
    assert panel.divergence.isVisible()
    assert "The recommendation departs from precedent" in panel.divergence.text()
    assert "HR-2025-000017: Partial recognition, 3 ECTS" in panel.divergence.text()
    window.resize(1560, 900)
    qtbot.waitUntil(lambda: window.width() == 1560)
    screenshot(window, "precedents.png", tmp_path)
    # Room to read: both entries listed, and the justification of the one chosen in full, at the first size and
    # on a 1366×768 screen.
    for width, height in ((1560, 900), (1366, 768)):
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width)  # noqa: B023 - waited for here
        assert panel.tree.viewport().height() >= 2 * panel.tree.visualItemRect(first).height()
        assert panel.details.viewport().height() >= 6 * panel.details.fontMetrics().lineSpacing()

    # Typing another title finds other earlier cases as the evaluator types.
    title = line(window, "credential.title")
    title.setFocus()
    title.selectAll()
    type_text(title, "Safety Management on Fishing Vessels")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: first_reference(panel) == "HR-2025-000031")

    # One click away: the earlier case chosen opens (the choice stays as the list is found again).
    assert "Port state control is missing." in panel.details.toPlainText()
    fishing = panel.tree.topLevelItem(0)
    assert fishing is not None
    panel.tree.setCurrentItem(fishing)
    assert "Safety Management on Fishing Vessels" in panel.details.toPlainText()
    window.session.mark_saved()
    panel.open_button.click()
    qtbot.waitUntil(lambda: window.case.reference == "HR-2025-000031")


def test_another_case_opens_with_its_first_earlier_decision_chosen(
    qtbot: QtBot, window: MainWindow, database: str
) -> None:
    with CaseStore.open(database) as store:
        decide(store, maritime("HR-2025-000017"), Outcome.PARTIAL_RECOGNITION, 3, "Port state control is missing.")
        decide(
            store,
            maritime("HR-2025-000031", title="Safety Management on Fishing Vessels"),
            Outcome.FULL_RECOGNITION,
            5,
            "",
        )
    panel = window.precedents
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2)
    second = panel.tree.topLevelItem(1)
    assert second is not None
    panel.tree.setCurrentItem(second)
    assert "Safety Management on Fishing Vessels" in panel.details.toPlainText()

    # The same earlier cases are like the next case opened: its list starts at the top, not at the second.
    window.session.mark_saved()
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2 and panel.tree.currentItem() is not None)
    assert panel.tree.currentItem() is panel.tree.topLevelItem(0)
    assert "Port state control is missing." in panel.details.toPlainText()


def first_reference(panel: PrecedentsPanel) -> str | None:
    item = panel.tree.topLevelItem(0)
    return None if item is None else str(item.text(0).split(" · ")[0])


def precedent(outcome: Outcome, ects: float | None) -> Precedent:
    profile = CaseProfile.of(maritime("HR-2025-000017").document)
    return Precedent(
        reference="HR-2025-000017",
        profile=profile,
        outcome=outcome,
        ects=ects,
        decided_at=datetime(2025, 11, 3, tzinfo=UTC),
        decided_by="M. Novak",
        justification="Port state control is missing.",
        decision_id=4,
        likeness=compare(profile, profile),
    )


def test_the_decision_dialog_asks_why_a_decision_departs_from_precedent(qtbot: QtBot, tmp_path: Path) -> None:
    case = maritime("EXAMPLE-01")
    recommendation = assess(case).recommendation
    dialog = DecisionDialog(case, recommendation, "Ana Horvat", precedents=[precedent(Outcome.PARTIAL_RECOGNITION, 3)])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # As recommended (full recognition, 5 ECTS): the office decided 3 ECTS before.
    assert dialog.divergence.isVisible()
    assert "This decision departs from precedent" in dialog.divergence.text()
    assert dialog.divergence_reason.isVisible()
    assert not ok.isEnabled()
    assert "Give the reason for departing" in dialog.requirement.text()
    dialog.divergence_reason.setPlainText("The programme now covers port state control.")
    assert ok.isEnabled()
    assert dialog.entry().divergence_reason == "The programme now covers port state control."
    screenshot(dialog, "decision-divergence.png", tmp_path)

    # Deciding as the office did before owes no reason, and none is kept.
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.PARTIAL_RECOGNITION.value))
    dialog.ects.setText("3")
    dialog.justification.setPlainText("Port state control is missing.")
    assert not dialog.divergence.isVisible()
    assert not dialog.divergence_reason.isVisible()
    assert ok.isEnabled()
    assert dialog.entry().divergence_reason is None


def test_the_panel_without_precedents_says_so(qtbot: QtBot) -> None:
    panel = PrecedentsPanel()
    qtbot.addWidget(panel)
    panel.show_precedents([], Outcome.FULL_RECOGNITION, 5)
    assert "no earlier decided case" in panel.heading.text()
    assert not panel.open_button.isEnabled()
    assert panel.divergence.isHidden()
    # Nothing to list: the panel is its heading, leaving the room to the findings until there is something.
    assert panel.split.isHidden() and panel.open_button.isHidden()
    assert panel.maximumHeight() < 100
    with qtbot.waitSignal(panel.filled):
        panel.show_precedents([precedent(Outcome.FULL_RECOGNITION, 5)], Outcome.FULL_RECOGNITION, 5)
    assert not panel.split.isHidden() and panel.maximumHeight() > 10_000


@pytest.fixture
def decided_office(database: str) -> str:
    now = {"value": datetime(2026, 1, 12, tzinfo=UTC)}
    plan = [
        ("HR", Outcome.FULL_RECOGNITION, 5, datetime(2026, 3, 5, tzinfo=UTC)),
        ("SI", Outcome.PARTIAL_RECOGNITION, 2, datetime(2026, 3, 20, tzinfo=UTC)),
        ("HR", Outcome.NON_RECOGNITION, 0, datetime(2026, 7, 20, tzinfo=UTC)),
    ]
    with CaseStore.open(database, clock=lambda: now["value"]) as store:
        for number, (country, outcome, ects, decided_at) in enumerate(plan):
            now["value"] = decided_at
            case = maritime(f"HR-2026-{number:06d}", title=f"Credential {number}", issuer_country=country)
            stored = store.add_case(case)
            store.record_decision(
                stored.reference, assess(stored.case), "M. Novak", outcome, "Reasons.", final_ects=ects
            )
    return database


def test_statistics_window(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, decided_office: str, tmp_path: Path
) -> None:
    window.office.settings = dataclasses.replace(window.office.settings, office_name="ENIC-NARIC Croatia")
    window.statistics_action.trigger()
    statistics = window.statistics_window
    assert statistics is not None
    qtbot.waitUntil(lambda: statistics.statistics is not None)
    statistics.resize(1100, 820)
    assert statistics.statistics is not None
    assert statistics.statistics.decided == 3
    headline = statistics.board.headline.text()
    assert "3 cases decided" in headline
    # Complete on 12 January: decided 20 February and 20 March are on time, 20 July is late.
    assert "67% decided within 4 months" in headline and "2 of 3; 1 late" in headline
    assert statistics.board.outcomes.accessibleDescription() == (
        "Full recognition: 1; Partial recognition: 1; Non-recognition: 1"
    )
    assert statistics.board.countries.accessibleDescription() == "HR: 2; SI: 1"
    screenshot(statistics, "statistics.png", tmp_path)

    dialogs.paths += [str(tmp_path / "charts.png"), str(tmp_path / "charts.pdf"), str(tmp_path / "register.csv")]
    statistics.png_button.click()
    statistics.pdf_button.click()
    assert (tmp_path / "charts.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "charts.pdf").read_bytes().startswith(b"%PDF")
    # The charts sent on name the office they count: its name heads the board the PNG and the PDF are drawn from.
    assert statistics.board.office.isVisible() and statistics.board.office.text() == "ENIC-NARIC Croatia"
    charts = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "charts.pdf").pages)
    assert "ENIC-NARIC Croatia" in charts and "3 cases decided" in charts
    statistics.csv_button.click()
    qtbot.waitUntil(lambda: not window.tasks.busy)
    register = (tmp_path / "register.csv").read_text("utf-8")
    assert register.count("\n") == 4  # the header and three decisions
    assert "Ivana" not in register

    # A period: the decisions recorded in March only.
    statistics.use_from.setChecked(True)
    statistics.use_to.setChecked(True)
    statistics.first.setDate(datetime(2026, 3, 1).date())
    statistics.last.setDate(datetime(2026, 3, 31).date())
    qtbot.waitUntil(lambda: statistics.statistics is not None and statistics.statistics.decided == 2)

    # A period without a decision says so, rather than that no decided case states its date of completeness.
    statistics.first.setDate(datetime(2025, 1, 1).date())
    statistics.last.setDate(datetime(2025, 1, 31).date())
    qtbot.waitUntil(lambda: statistics.statistics is not None and statistics.statistics.decided == 0)
    assert "No decision was recorded in this period." in statistics.board.headline.text()
    assert "states when its file was complete" not in statistics.board.headline.text()
    statistics.close()


def test_the_time_chart_of_decisions_without_dates_says_why_it_is_empty(qtbot: QtBot) -> None:
    from recogniser.ui.statistics_window import StatisticsBoard

    board = StatisticsBoard()
    qtbot.addWidget(board)
    assert board.office.isHidden()  # an office without a name: no empty line for it
    statistics = OfficeStatistics(
        decided=2,
        by_outcome=(("full_recognition", 2),),
        by_purpose=(("credit_transfer", 2),),
        by_country=(("HR", 2),),
        by_month=(("2026-03", 2),),
        time_to_decision=TimeToDecision(
            measured=0,
            within_deadline=0,
            median_days=None,
            longest_days=None,
            by_months=tuple((label, 0) for _, label in TIME_BANDS),
            without_complete_date=2,
        ),
    )
    board.show_statistics(statistics, "all decisions recorded")
    assert "No decided case in this period states when its file was complete." in board.headline.text()
    assert board.time.empty == "No decided case in this period states when its file was complete."


def test_the_case_form_takes_the_dates_the_file_was_received_and_complete(qtbot: QtBot, window: MainWindow) -> None:
    from tests.ui.test_window import type_into

    window.new_action.trigger()
    settle(qtbot, window)
    type_into(qtbot, window, "procedure.received_on", "2026-03-02")
    type_into(qtbot, window, "procedure.complete_on", "2026-03-20")
    settle(qtbot, window)
    assert window.session.document["procedure"] == {"received_on": "2026-03-02", "complete_on": "2026-03-20"}


def test_an_earlier_decision_s_reason_for_departing_is_shown_with_it(qtbot: QtBot) -> None:
    panel = PrecedentsPanel()
    qtbot.addWidget(panel)
    departed = dataclasses.replace(
        precedent(Outcome.FULL_RECOGNITION, 5), divergence_reason="The programme now covers port state control."
    )
    with qtbot.waitSignal(panel.filled):
        followed = dataclasses.replace(
            precedent(Outcome.FULL_RECOGNITION, 5), reference="HR-2025-000018", decision_id=5
        )
        panel.show_precedents([departed, followed], Outcome.FULL_RECOGNITION, 5)
    shown = panel.details.toPlainText()
    assert "Reason for departing from the decisions before it: The programme now covers port state control." in shown
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    assert "Reason for departing" not in panel.details.toPlainText()  # a decision that followed gives none
