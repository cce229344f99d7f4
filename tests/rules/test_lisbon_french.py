"""The Lisbon rules' findings in French: every sentence they give a reader is a phrase with a French translation,
filled with French numbers and words, while the English (what the decision JSON keeps) is unchanged."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from recogniser.case_checks import CaseFileError
from recogniser.casefile import load_case, parse_case
from recogniser.i18n import Phrase, catalogue, language_in_use, shown
from recogniser.model import Case, Finding, Purpose
from recogniser.rules import assess
from recogniser.rules.catalogue import CASE_RULES
from tests.rules.cases import cred, found, run, target

ROOT = Path(__file__).resolve().parents[2]
#: The rules the Lisbon package declares (the stack's and the recommendation's own findings are not among them).
LISBON_RULES = {
    rule.info.id
    for rule in CASE_RULES
    if any(check.__module__.startswith("recogniser.rules.lisbon.") for check in rule.checks.values())
}


def _example_cases() -> Iterator[tuple[str, Case]]:
    for path in sorted((ROOT / "examples").glob("*.json")):
        document = json.loads(path.read_text("utf-8"))
        for purpose in Purpose:
            varied = copy.deepcopy(document)
            varied["purpose"] = purpose.value
            try:
                yield f"{path.stem} as {purpose.value}", parse_case(varied)
            except CaseFileError:
                continue  # a purpose this file cannot be assessed for (credit without the target's credits)


def _sentences(finding: Finding) -> list[str]:
    """Every sentence of a finding a reader is shown."""
    alternative = finding.alternative.description if finding.alternative else None
    texts = [finding.message, finding.condition, alternative, *(item.text for item in finding.information)]
    return [text for text in texts if text is not None]


def test_the_lisbon_rules_are_found() -> None:
    assert {"lisbon.information", "lisbon.level_difference", "lisbon.outcomes_difference", "lisbon.rpl_cap"} <= (
        LISBON_RULES
    )


EXAMPLES = dict(_example_cases())
#: The expert cases and seminar exercises as written: refugees, VET providers, levels in doubt, RPL.
AS_WRITTEN = {
    f"{path.parent.parent.name}/{path.stem}": path
    for path in [
        *sorted((ROOT / "tests" / "rules" / "expert" / "cases").glob("*.json")),
        *sorted((ROOT / "recogniser" / "seminar" / "exercises").glob("*.json")),
    ]
}


def test_the_examples_are_assessed_under_several_purposes() -> None:
    assert len({name.split(" as ")[1] for name in EXAMPLES}) == len(Purpose)


@pytest.mark.parametrize("name", [*sorted(EXAMPLES), *sorted(AS_WRITTEN)])
def test_every_lisbon_finding_of_a_case_reads_in_french(name: str) -> None:
    case = EXAMPLES[name] if name in EXAMPLES else load_case(AS_WRITTEN[name])
    english = assess(case)
    with language_in_use("fr"):
        decision = assess(case)
        said = [
            (finding, text, shown(text))
            for finding in decision.findings
            if finding.rule_id in LISBON_RULES
            for text in _sentences(finding)
        ]
    assert said, name
    french = catalogue("fr")
    for finding, text, reader_sees in said:
        where = f"{name}: {finding.code}"
        assert isinstance(text, Phrase), f"{where}: {text!r} is not a phrase"
        assert french.gettext(text.template) != text.template, f"{where}: {text.template!r} has no French"
        assert reader_sees != text, f"{where}: shown in English: {reader_sees!r}"
        assert "{" not in reader_sees and "}" not in reader_sees, f"{where}: {reader_sees!r}"
    # The decision itself keeps English, whatever the reader's language.
    assert [f.message for f in decision.findings] == [f.message for f in english.findings]


def _in_french(text: str) -> str:
    with language_in_use("fr"):
        return shown(text)


def test_a_credit_shortfall_reads_in_french_with_french_numbers() -> None:
    finding = found(run(cred(workload={"ects": 2.5})), "lisbon.workload_difference")
    assert finding.message.endswith("is less than the 5 ECTS sought, by 2.5 ECTS.")
    french = _in_french(finding.message)
    # The credits counted are said by the workload facts (rules/facts.py), the rest by the Lisbon rule.
    assert french.startswith("La charge de travail retenue, ")
    assert french.endswith(", est inférieure de 2,5 ECTS aux 5 ECTS demandés.")
    assert finding.condition is not None
    assert _in_french(finding.condition) == "une évaluation complémentaire pour le reste des crédits, soit 2,5 ECTS"


def test_hours_per_credit_keep_their_decimal_in_french() -> None:
    finding = found(run(cred(workload={"ects": 5, "hours": 60})), "lisbon.workload_difference")
    assert "(12.0 hours per credit)" in finding.message
    assert "ne sont pas crédibles au regard de 60 heures (12,0 heures par crédit)\u00a0; les 60 heures" in (
        _in_french(finding.message)
    )


def test_a_share_of_outcomes_covered_reads_in_french() -> None:
    unrelated = ["Bake sourdough bread with a stable starter", "Decorate a wedding cake with sugar flowers"]
    outcomes = [*BASE_OUTCOMES[:2], *unrelated]
    finding = found(run(cred(learning_outcomes=outcomes)), "lisbon.outcomes_difference")
    assert finding.message.startswith("Only 50% of the target outcomes are covered: the credential can count")
    assert _in_french(finding.message).startswith(
        "Seuls 50\u00a0% des acquis visés sont couverts\u00a0: la certification peut compter pour la part de la "
        "formation visée ainsi couverte."
    )
    assert finding.condition is not None
    french = _in_french(finding.condition)
    assert french.startswith("une évaluation complémentaire des acquis non couverts\u00a0: ")
    assert "\u00a0; " in french


def test_purposes_and_elements_are_named_in_french_inside_a_sentence() -> None:
    def admission(document: dict[str, object]) -> None:
        document["purpose"] = "admission"

    decision = run(admission)
    quality = found(decision, "lisbon.quality_difference")
    assert quality.message.startswith("No substantial difference in quality for admission: quality evidence is")
    assert _in_french(quality.message).startswith(
        "Aucune différence substantielle quant au critère «\u00a0qualité\u00a0» pour la finalité "
        "«\u00a0admission\u00a0»\u00a0: les preuves d’assurance qualité sont solides"
    )


def test_missing_elements_are_listed_in_french() -> None:
    decision = run(cred(learner=None, title=None))
    information = found(decision, "lisbon.information")
    assert information.message.startswith(
        "A decision on credit transfer needs information the file does not hold: identification of the learner, "
        "title of the micro-credential."
    )
    assert _in_french(information.message).startswith(
        "Une décision pour la finalité «\u00a0transfert de crédits\u00a0» requiert des informations que le dossier "
        "ne contient pas\u00a0: identification de l’apprenant, intitulé de la microcertification."
    )
    assert [_in_french(item.text) for item in information.information] == [
        "Élément 1 de l’annexe I\u00a0: identification de l’apprenant",
        "Élément 2 de l’annexe I\u00a0: intitulé de la microcertification",
    ]


def test_a_level_gap_reads_in_french() -> None:
    finding = found(run(target(eqf_level=7)), "lisbon.level_difference")
    assert finding.code.endswith("below_by_one")
    assert finding.alternative is not None
    assert _in_french(finding.alternative.description).startswith("des crédits optionnels libres au niveau CEC 6")
    assert finding.condition is not None
    assert _in_french(finding.condition) == ("une évaluation, au niveau CEC 7, des acquis qu’exige la formation visée")


BASE_OUTCOMES = [
    "Apply SOLAS and ISM Code requirements to manage safety on board a merchant ship",
    "Analyse incident and near-miss reports to determine root causes and corrective measures",
]


def test_thousands_are_grouped_as_french_groups_them() -> None:
    long_outcome = " ".join(f"navigate vessel{n} safely" for n in range(1200))
    finding = found(run(cred(learning_outcomes=[long_outcome])), "lisbon.profile_difference")
    assert "(compared on the first 2,000 words of each side's title and outcomes)" in finding.message
    assert "(comparaison limitée aux 2\u00a0000 premiers mots de l’intitulé et des acquis de chaque côté)" in (
        _in_french(finding.message)
    )
