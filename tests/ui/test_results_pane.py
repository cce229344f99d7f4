"""The recommendation and findings panes show the decision's texts with right-to-left values kept apart."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from recogniser.casefile import parse_case
from recogniser.rules import assess
from recogniser.ui.findings_panel import ResultsPane
from recogniser.ui.session import Assessment

from .conftest import EXAMPLES

ARABIC_TITLE = "علم الأدوية السريري للممرضين"


def test_an_arabic_title_in_the_summary_is_isolated_on_screen_but_not_in_the_decision(qtbot: QtBot) -> None:
    document = json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8"))
    document["credential"]["title"] = ARABIC_TITLE
    case = parse_case(document)
    decision = assess(case)
    assert ARABIC_TITLE in decision.recommendation.summary
    assert "\u2068" not in decision.recommendation.summary
    pane = ResultsPane()
    qtbot.addWidget(pane)
    pane.show_assessment(Assessment(case=case, decision=decision))
    assert f"\u2068{ARABIC_TITLE}\u2069" in pane.recommendation.text.text()
    # What the evaluator records is the decision as assessed, not the display copy.
    assert "\u2068" not in decision.recommendation.summary


def test_the_recommendation_is_labelled_as_the_rules_recommendation(qtbot: QtBot) -> None:
    case = parse_case(json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8")))
    pane = ResultsPane()
    qtbot.addWidget(pane)
    pane.show_assessment(Assessment(case=case, decision=assess(case)))
    text = pane.recommendation.text.text()
    assert text.index("Recommended by the rules") < text.index("Full recognition")
    assert "<b>ECTS recognised</b>: 5" in text
