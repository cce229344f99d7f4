"""The case list model on its own, without a window."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from recogniser.model import Outcome, Purpose
from recogniser.store import CaseStatus, CaseSummary
from recogniser.ui.case_list_model import SUMMARY_ROLE, CaseListModel


def summary(number: int, outcome: Outcome | None = None) -> CaseSummary:
    moment = datetime(2026, 3, number % 28 + 1, 9, 30, tzinfo=UTC)
    return CaseSummary(
        reference=f"HR-2026-{number:06d}",
        learner="ნინო ბერიაშვილი" if number % 2 else "محمد الأحمد",
        title="Safety Management on Merchant Vessels",
        awarding_body="Example Faculty of Maritime Studies",
        issuer_country="HR",
        purpose=Purpose.CREDIT_TRANSFER,
        status=CaseStatus.OPEN,
        outcome=outcome,
        created_at=moment,
        updated_at=moment,
        version=1,
    )


def test_rows_show_each_column_and_the_summary_behind_them(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = CaseListModel()
    model.set_rows([summary(1, Outcome.PARTIAL_RECOGNITION), summary(2)], total=2)
    qtmodeltester.check(model)
    assert model.index(0, CaseListModel.REFERENCE).data() == "HR-2026-000001"
    assert model.index(0, CaseListModel.LEARNER).data() == "ნინო ბერიაშვილი"
    assert model.index(0, CaseListModel.PURPOSE).data() == "Credit transfer into a programme"
    assert model.index(0, CaseListModel.OUTCOME).data() == "Partial recognition"
    assert model.index(1, CaseListModel.OUTCOME).data() == "not assessed"
    assert model.index(0, CaseListModel.OUTCOME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, 0).data(SUMMARY_ROLE).reference == "HR-2026-000002"
    assert model.row_of("HR-2026-000002") == 1


def test_more_rows_are_asked_for_page_by_page_until_the_total(qtbot: QtBot) -> None:
    model = CaseListModel()
    model.set_rows([summary(n) for n in range(3)], total=5)
    asked: list[int] = []
    model.page_requested.connect(asked.append)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()  # already asked: not again until the page arrives
    assert asked == [3]
    model.append_rows([summary(3), summary(4)])
    assert model.rowCount() == 5
    assert not model.canFetchMore()
