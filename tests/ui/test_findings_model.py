"""The findings model on its own, without a window."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from recogniser.model import Element, Finding, RuleSet, Status
from recogniser.ui.findings_model import FINDING_ROLE, FindingsModel


def finding(rule_id: str, rule_set: RuleSet, status: Status) -> Finding:
    return Finding(rule_id, rule_set, Element.QUALITY, status, "ESG 2015 Part 2", f"{rule_id} message")


FINDINGS = [
    finding("esg.internal", RuleSet.ESG, Status.PASS),
    finding("completeness.title", RuleSet.COMPLETENESS, Status.UNKNOWN),
    finding("esg.external", RuleSet.ESG, Status.FAIL),
]


def test_findings_are_grouped_by_rule_set_in_the_rule_set_order(qapp: QApplication, qtmodeltester: ModelTester) -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    qtmodeltester.check(model)
    groups = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert groups[0].startswith("Annex I elements")
    assert groups[1].startswith("Quality assurance (ESG) — 1 to look at")


def test_worst_finding_comes_first_and_sets_the_group_icon(qapp: QApplication) -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    esg = model.index(1, 0)
    first = model.index(0, FindingsModel.MESSAGE, esg)
    assert first.data(FINDING_ROLE).rule_id == "esg.external"
    assert model.index(1, FindingsModel.CITATION, esg).data() == "ESG 2015 Part 2"
    assert not esg.data(Qt.ItemDataRole.DecorationRole).isNull()


def test_the_same_findings_do_not_reset_the_view(qapp: QApplication) -> None:
    model = FindingsModel()
    model.set_findings(FINDINGS)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_findings(list(FINDINGS))
    assert resets == []
    assert model.rowCount(QModelIndex()) == 2


def test_findings_and_their_citations_are_shown_in_the_reader_s_language(qapp: QApplication) -> None:
    from recogniser.casefile import load_case
    from recogniser.i18n import language_in_use
    from recogniser.rules import assess

    from .conftest import EXAMPLES

    decision = assess(load_case(EXAMPLES / "incomplete-admission.json"))
    model = FindingsModel()
    with language_in_use("fr"):
        model.set_findings(decision.findings)
        shown = [
            (
                model.index(row, FindingsModel.MESSAGE, group).data(),
                model.index(row, FindingsModel.CITATION, group).data(),
            )
            for group in (model.index(number, 0) for number in range(model.rowCount()))
            for row in range(model.rowCount(group))
        ]
    missing = [(message, citation) for message, citation in shown if "élément 6 de l’annexe" in message]
    assert missing and missing[0][1].startswith("recommandation du Conseil 2022/C 243/02, annexe I")
    # What the model keeps is the decision as made: English, as the store and the JSON keep it.
    assert any("Annex I element 6" in finding.message for finding in decision.findings)
