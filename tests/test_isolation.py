"""Right-to-left values from a case isolated inside the tool's sentences for display, never in the decision."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import bidi

from recogniser.casefile import parse_case
from recogniser.isolation import isolate_case_values, isolate_decision
from recogniser.model import Case
from recogniser.rules import assess

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TITLE = "إدارة السلامة البحرية"
BODY = "جامعة دمشق"


def arabic_case() -> Case:
    document = copy.deepcopy(json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8")))
    document["credential"]["title"] = TITLE
    document["credential"]["awarding_body"]["name"] = BODY
    return parse_case(document)


def test_a_summary_quoting_an_arabic_title_stays_left_to_right() -> None:
    case = arabic_case()
    summary = f"'{TITLE}' ({BODY}), for credit towards 'Maritime Safety': partial recognition is recommended."
    # Unisolated, the first strong letter is Arabic and the English sentence is laid out right to left (P2).
    assert bidi.get_base_level(summary) == 1
    isolated = isolate_case_values(summary, case)
    assert isolated == (
        f"'\u2068{TITLE}\u2069' (\u2068{BODY}\u2069), for credit towards 'Maritime Safety': partial recognition "
        "is recommended."
    )
    assert bidi.get_base_level(isolated) == 0


def test_left_to_right_values_and_a_value_on_its_own_are_left_as_they_are() -> None:
    case = arabic_case()
    sentence = "'Maritime Safety' at Example University of the Adriatic: full recognition is recommended."
    assert isolate_case_values(sentence, case) == sentence
    assert isolate_case_values(f" {TITLE} ", case) == f" {TITLE} "


def test_a_value_holding_another_is_isolated_whole() -> None:
    document = copy.deepcopy(json.loads((EXAMPLES / "maritime-credit-transfer.json").read_text("utf-8")))
    document["credential"]["title"] = f"{TITLE} ({BODY})"
    document["credential"]["awarding_body"]["name"] = BODY
    case = parse_case(document)
    assert isolate_case_values(f"'{TITLE} ({BODY})' by {BODY}.", case) == (
        f"'\u2068{TITLE} ({BODY})\u2069' by \u2068{BODY}\u2069."
    )


def test_the_decision_keeps_plain_text_and_its_display_copy_is_isolated() -> None:
    case = arabic_case()
    decision = assess(case)
    assert TITLE in decision.recommendation.summary
    assert not any(c in json.dumps(decision.to_json(), ensure_ascii=False) for c in "\u2066\u2067\u2068\u2069")
    shown = isolate_decision(decision, case)
    assert f"\u2068{TITLE}\u2069" in shown.recommendation.summary
    assert [f.status for f in shown.findings] == [f.status for f in decision.findings]
    assert shown.recommendation.outcome is decision.recommendation.outcome


def test_an_isolated_recommendation_is_still_shown_in_the_reader_s_language() -> None:
    from recogniser.i18n import language_in_use, shown

    case = arabic_case()
    decision = assess(case)
    shown_copy = isolate_decision(decision, case)
    summary = shown_copy.recommendation.summary
    assert summary.startswith(f"'\u2068{TITLE}\u2069' (\u2068{BODY}\u2069), for credit towards ")
    with language_in_use("fr"):
        french = shown(summary)
    assert french.startswith(f"«\u00a0\u2068{TITLE}\u2069\u00a0» (\u2068{BODY}\u2069) — crédits pour ")
    assert bidi.get_base_level(french) == 0


def test_a_phrase_is_isolated_field_by_field_and_is_still_translated() -> None:
    from recogniser.i18n import Phrase, language_in_use, phrase, shown

    sentence = phrase("Credential {number} '{title}'", number=1, title=TITLE)
    isolated = isolate_case_values(sentence, arabic_case())
    # The value alone in its field is isolated all the same: the sentence around it gives the paragraph's direction.
    assert isinstance(isolated, Phrase)
    assert isolated == f"Credential 1 '\u2068{TITLE}\u2069'"
    with language_in_use("fr"):
        assert shown(isolated) == f"Certification 1 «\u00a0\u2068{TITLE}\u2069\u00a0»"
