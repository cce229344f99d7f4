"""The recommendation in French: its summary, conditions, information asked for, appeal route and a stack's
reasons read in French, numbers as French writes them, every field filled; the English stays as it was."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from recogniser.casefile import load_case
from recogniser.i18n import Phrase, Value, language_in_use, shown
from recogniser.joining import in_list, in_sentences, unstopped
from recogniser.model import Case, Decision, Finding, Outcome
from recogniser.rules import assess
from tests.rules.cases import examples_under_every_purpose

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "recogniser" / "seminar" / "exercises"
NBSP = "\u00a0"

#: English the recommendation step writes; none of it may be left in a French recommendation.
ENGLISH = (
    "is recommended",
    "more information is required",
    "ECTS sought",
    "The evaluator decides",
    "Substantial differences",
    "No substantial difference was found",
    "Conditions:",
    "For the evaluator to check",
    "Missing, but not waited for",
    "Before a decision",
    "from the applicant",
    "The reasons are stated above",
    "the appeal procedure of the assessing body",
    "Counted:",
    "Set aside",
    "Credential ",
    "a top-up assessment",
    "The micro-credential",
)


def _examples() -> list[tuple[str, Case]]:
    cases = examples_under_every_purpose(ROOT / "examples")
    for name in ("09-stack-of-three", "07-refugee-without-documents", "04-working-professionals-upskilling"):
        cases.append((name, load_case(EXERCISES / f"{name}.json")))
    return cases


CASES = _examples()


#: The findings the recommendation step and the stack word themselves (the stack's coverage is otherwise judged and
#: worded as one credential's).
OWN_FINDINGS = ("lisbon.stack_eligibility", "lisbon.stack_overlap", "lisbon.stack_credits", "lisbon.reasons_and_appeal")
OWN_CODES = ("none_counted", "no_target_outcomes", "not_compared")


def _own(f: Finding) -> bool:
    return f.rule_id in OWN_FINDINGS or (f.rule_id == "lisbon.stack_coverage" and f.code.endswith(OWN_CODES))


def _foreign(decision: Decision) -> set[str]:
    """What the findings say (each rule words its own): a recommendation quotes it, translated by those rules."""
    said: set[str] = set()
    for f in decision.findings:
        if _own(f):
            continue
        said.add(f.message)
        said.update(text for text in (f.condition, f.alternative.description if f.alternative else None) if text)
        said.update(item.text for item in f.information)
    return said


def _masked(value: Value, foreign: set[str]) -> Value:
    """``value`` with what the findings say in it replaced by "…"."""
    if isinstance(value, str) and value in foreign:
        return "…"
    if isinstance(value, Phrase):
        values = {name: _masked(field, foreign) for name, field in value.values.items()}
        return Phrase(value.template, values, value.plural, value.number_field)
    return value


def _texts(decision: Decision) -> list[str]:
    """Every sentence the recommendation step writes for a reader, in the language in use, with what the findings
    say masked."""
    recommendation = decision.recommendation
    texts = [recommendation.summary, *recommendation.conditions, *recommendation.information_lines]
    texts += [recommendation.appeal] if recommendation.appeal else []
    if decision.stack is not None:
        texts += [reason for credential in decision.stack.credentials for reason in credential.reasons]
        texts += list(decision.stack.gaps)
    texts += [f.message for f in decision.findings if _own(f)]
    foreign = _foreign(decision) - set(texts[:1])
    mine = [text for text in texts if text not in foreign or text.startswith("Credential ")]
    return [shown(_shown_part(text, foreign - {text})) for text in mine]


def _shown_part(text: str, foreign: set[str]) -> str:
    masked = _masked(text, foreign)
    assert isinstance(masked, str)
    return masked


@pytest.mark.parametrize(("name", "case"), CASES, ids=[name for name, _ in CASES])
def test_the_recommendation_reads_in_french(name: str, case: Case) -> None:
    decision = assess(case)
    english = _texts(decision)
    with language_in_use("fr"):
        french = _texts(decision)
    assert len(french) == len(english)
    summary = french[0]
    assert summary.endswith(f"L’évaluateur décide{NBSP}; ceci est une recommandation."), name
    for text, original in zip(french, english, strict=True):
        assert "{" not in text and "}" not in text, text
        assert text != original or not original, original
        for words in ENGLISH:
            assert words not in text, (words, text)
    # The decision keeps its English, whatever the reader's language.
    with language_in_use("fr"):
        assert decision.to_json()["recommendation"]["summary"] == shown(decision.recommendation.summary, "en")


def test_a_partial_recognition_gives_its_credits_as_french_writes_them() -> None:
    decision = assess(load_case(ROOT / "tests" / "rules" / "expert" / "cases" / "28-credits-partial-half-module.json"))
    assert "2.5 of the 5 ECTS sought; the rest is not recognised." in decision.recommendation.summary
    with language_in_use("fr"):
        assert f"2,5 ECTS sur les 5 demandés{NBSP}; le reste n’est pas reconnu." in shown(
            decision.recommendation.summary
        )


def test_a_conditional_recognition_names_its_conditions_in_french() -> None:
    decision = assess(load_case(EXERCISES / "04-working-professionals-upskilling.json"))
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.CONDITIONAL_RECOGNITION
    with language_in_use("fr"):
        summary = shown(recommendation.summary)
        assert "la reconnaissance sous conditions est recommandée" in summary
        assert "Les crédits ECTS demandés (7,5), une fois les conditions remplies." in summary
        assert f"Conditions{NBSP}: " in summary
        assert "droit de recours" in shown(recommendation.appeal)
        assert "l’article III.5 de la Convention de Lisbonne" in shown(recommendation.appeal)
        assert "centre ENIC-NARIC du pays d’évaluation, Suède (SE)," in shown(recommendation.appeal)
    assert "the ENIC-NARIC centre of Sweden (SE)," in recommendation.appeal


def test_information_asked_for_says_who_supplies_it_in_french() -> None:
    decision = assess(load_case(ROOT / "examples" / "incomplete-admission.json"))
    recommendation = decision.recommendation
    assert recommendation.outcome is Outcome.INFORMATION_REQUIRED
    assert all(line.endswith("(from the applicant)") for line in recommendation.information_lines)
    with language_in_use("fr"):
        lines = [shown(line) for line in recommendation.information_lines]
        summary = shown(recommendation.summary)
    assert lines and all(line.endswith("(à fournir par le demandeur)") for line in lines)
    assert "des informations complémentaires sont nécessaires avant toute décision" in summary
    assert f"à fournir par le demandeur{NBSP}: " in summary


def test_a_stack_says_what_it_counts_and_sets_aside_in_french() -> None:
    decision = assess(load_case(EXERCISES / "09-stack-of-three.json"))
    assert decision.stack is not None
    set_aside = decision.stack.credentials[2]
    assert set_aside.reasons[0].startswith("it has no quality evidence higher education can rely on: ")
    with language_in_use("fr"):
        summary = shown(decision.recommendation.summary)
        reason = shown(set_aside.reasons[0])
        findings = [shown(f.message) for f in decision.findings if f.rule_id == "lisbon.stack_eligibility"]
    assert f"Prises en compte{NBSP}: Certification 1 «{NBSP}Clinical Data Modelling with FHIR{NBSP}», 1 ECTS" in summary
    assert f"Écartées, les autres restant prises en compte{NBSP}: Certification 3 " in summary
    assert reason.startswith("elle ne présente aucune preuve de qualité")
    assert findings[0].endswith(f"(2 ECTS{NBSP}; évaluée seule{NBSP}: reconnaissance partielle).")
    # A reason quoted in the stack's finding loses its own full stop, in English and in French.
    english = next(f.message for f in decision.findings if f.code == "lisbon.stack_eligibility.no_quality_evidence")
    assert english.endswith("through RPL.") and ".." not in english
    assert findings[2].endswith(".") and ".." not in findings[2]


def test_parts_are_joined_as_each_language_punctuates() -> None:
    listed = in_list(["a", "b", "c"])
    assert listed == "a; b; c" and in_list(["a"]) == "a" and in_list([]) == ""
    assert shown(listed, "fr") == f"a{NBSP}; b{NBSP}; c"
    quoted = unstopped(in_sentences(["One.", "Two."]))
    assert quoted == "One. Two" and shown(quoted, "fr") == "One. Two"
    for again in (copy.deepcopy(quoted), pickle.loads(pickle.dumps(quoted))):
        assert again == "One. Two" and shown(again, "fr") == "One. Two"


def test_a_stack_s_reasons_and_waits_read_in_french() -> None:
    from dataclasses import replace
    from datetime import date

    from recogniser.casefile import parse_case
    from recogniser.rules.rulebook import DEFAULT_RULEBOOK
    from tests.rules.test_stacking import _stack, _three

    first, second, third = _three()
    first["issue_date"] = "2015-01-10"
    rulebook = replace(DEFAULT_RULEBOOK, stack_max_age_years=5, stack_max_share=0.5)
    old = assess(parse_case(_stack(first, second, third)), rulebook=rulebook, as_of=date(2026, 1, 1))
    assert old.stack is not None
    credits = next(f.message for f in old.findings if f.rule_id == "lisbon.stack_credits")
    with language_in_use("fr"):
        reason = shown(old.stack.credentials[0].reasons[0])
        credits = shown(credits)
    assert reason == (
        "elle a été délivrée le 10 janvier 2015, plus de 5 ans avant le 1er janvier 2026, limite fixée par le bureau "
        "pour une certification d’un cumul"
    )
    assert f"à 50{NBSP}% au plus des crédits de la formation visée." in credits

    first, second, third = _three()
    del third["learner"]  # its own assessment waits for the learner's identification
    waiting = assess(parse_case(_stack(first, second, third)))
    assert waiting.stack is not None
    with language_in_use("fr"):
        said = [shown(waiting.stack.credentials[2].reasons[0]), shown(waiting.recommendation.summary)]
    assert said[0].startswith(f"le cumul est en attente de{NBSP}: ")
    assert f"Prises en compte à ce stade{NBSP}: Certification 1 «{NBSP}Part 1{NBSP}», 2 ECTS" in said[1]
    assert all("{" not in text for text in said)
