"""The rules' findings and citations read in French, with French numbers, while their English text stays the
one the decision JSON keeps."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from recogniser import i18n
from recogniser.casefile import parse_case
from recogniser.i18n import language_in_use, phrase
from recogniser.interchange import import_credential
from recogniser.model import Decision, Finding, Purpose
from recogniser.rules import assess
from recogniser.rules import citations as cited
from recogniser.trust import TrustStore
from tests.interchange.conftest import FIXTURES, fixture_document
from tests.interchange.test_authenticity import _Authority as Authority
from tests.rules.cases import BASE, cred, found, run, target


def test_a_citation_names_each_text_by_its_french_title() -> None:
    citation = cited.by_analogy(cited.cite(cited.LRC_III_1, cited.RR_PURPOSE, cited.MICRO_ANNEX_I, cited.ESG_PART_1))
    assert citation == (
        "LRC Art. III.1 (by analogy); Revised Recommendation on Criteria and Procedures (2010), on the purpose of "
        "recognition; Council Recommendation 2022/C 243/02, Annex I; ESG 2015 Part 1 (internal quality assurance)"
    )
    with language_in_use("fr"):
        assert i18n.shown(citation) == (
            "Convention de Lisbonne, art. III.1 (par analogie)\u00a0; Recommandation révisée sur les critères et "
            "procédures d’évaluation des qualifications étrangères (2010), sur la finalité de la reconnaissance"
            "\u00a0; recommandation du Conseil 2022/C 243/02, annexe I\u00a0; ESG 2015, partie 1 (assurance "
            "qualité interne)"
        )


def test_every_listed_place_has_a_french_name() -> None:
    for place in cited.PLACES:
        french = i18n.shown(cited.cite(place), "fr")
        assert french and french != place, place


def test_a_place_not_listed_is_shown_as_given() -> None:
    citation = cited.cite(cited.EAR_CREDITS, "Local regulation 12/2024")
    assert i18n.shown(citation, "fr") == "manuel EAR, chap. 8 (crédits)\u00a0; Local regulation 12/2024"
    assert i18n.shown(cited.cite("Local regulation 12/2024"), "fr") == "Local regulation 12/2024"


def test_a_fixed_count_of_decimals_is_kept_in_either_language() -> None:
    said = phrase("about {low}-{high} ECTS", low=Decimal("4.0"), high=Decimal("4.8"))
    assert said == "about 4.0-4.8 ECTS"
    assert said.text("fr") == "about 4,0-4,8 ECTS"


# --- whole assessments read in French ---

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
#: The rule sets whose words this test holds (the judgement for the purpose and the recommendation have their own).
OWN_RULES = ("authenticity.", "completeness.", "qf.", "esg.", "outcomes.")
#: English names of the cited texts, none of which a French reader should meet.
ENGLISH_TITLES = ("LRC Art.", "Council Recommendation", "EAR manual", "ECTS Users' Guide", "ESG 2015 Part", "Revised")


def _french_findings(decision: Decision) -> list[tuple[Finding, str, str]]:
    with language_in_use("fr"):
        return [
            (f, i18n.shown(f.message), i18n.shown(f.citation))
            for f in decision.findings
            if f.rule_id.startswith(OWN_RULES)
        ]


def _assert_french(decision: Decision) -> None:
    read = _french_findings(decision)
    assert read
    for finding, message, citation in read:
        assert message != finding.message, (finding.code, message)
        assert "{" not in message and "}" not in message, message
        assert not any(title in citation for title in ENGLISH_TITLES), (finding.code, citation)
        assert citation != finding.citation, citation


@pytest.mark.parametrize("purpose", list(Purpose), ids=[purpose.value for purpose in Purpose])
@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_every_example_reads_in_french_for_every_purpose(example: Path, purpose: Purpose) -> None:
    document = json.loads(example.read_text(encoding="utf-8"))
    document["purpose"] = purpose.value
    if purpose in (Purpose.ADMISSION, Purpose.CREDIT_TRANSFER):
        # The target a purpose needs, where the example was written for another purpose.
        document["target"] = {**BASE["target"], **document.get("target", {})}
    decision = assess(parse_case(document))
    english = [f.message for f in decision.findings]

    _assert_french(decision)
    # Showing the findings in French changes nothing the decision keeps.
    assert [f.message for f in decision.findings] == english
    assert json.loads(json.dumps(decision.to_json()))["findings"][0]["message"] == english[0]


def test_a_workload_reads_with_french_numbers() -> None:
    counted = found(run(cred(workload={"ects": 4.5, "hours": 125})), "qf.hours_per_ects")
    assert counted.message == "125 hours for 4.5 ECTS is 27.8 hours per credit, within 25-30."
    assert i18n.shown(counted.message, "fr") == (
        "125 heures pour 4,5 ECTS font 27,8 heures par crédit, dans la fourchette de 25 à 30."
    )
    only_hours = found(run(cred(workload={"hours": 100})), "qf.hours_per_ects")
    assert "about 3.3-4.0 ECTS at 25-30 hours per credit" in only_hours.message
    assert "soit environ 3,3 à 4,0 ECTS à raison de 25 à 30 heures par crédit" in i18n.shown(only_hours.message, "fr")


def test_the_outcomes_covered_read_in_french_with_a_french_percentage() -> None:
    coverage = found(
        run(target(learning_outcomes=[*BASE["target"]["learning_outcomes"], "Navigate by the stars"])),
        "outcomes.coverage",
    )
    assert coverage.message.startswith("4 of 5 target outcomes are covered (80%). Not covered: Navigate by the stars.")
    assert i18n.shown(coverage.message, "fr").startswith(
        "Acquis visés couverts\u00a0: 4 sur 5 (80\u00a0%). Non couverts\u00a0: Navigate by the stars."
    )


def test_a_missing_element_names_the_purpose_and_the_element_in_french() -> None:
    missing = found(run(cred(issue_date=None)), "completeness.issue_date")
    assert i18n.shown(missing.message, "fr").startswith(
        "L’élément 5 de l’annexe I (date de délivrance), obligatoire, manque\u00a0;"
    )
    assert "«\u00a0transfert de crédits\u00a0»" in i18n.shown(missing.message, "fr")


def test_an_authenticity_failure_reads_in_french_with_what_it_asks_for() -> None:
    def signed_then_changed(document: dict[str, Any]) -> None:
        document["provenance"] = {
            "source": {"imported_on": "2026-12-01"},
            "authenticity": {"status": "failed", "reason": "the signature does not match"},
            "validity": {"valid_until": "2026-06-30"},
            "status": [{"purpose": "revocation", "address": "https://issuer.example/status/1", "index": "94567"}],
        }

    decision = run(signed_then_changed)
    failed = found(decision, "authenticity.signature")
    assert failed.message == (
        "Authenticity: failed - the signature does not match. Ask for an authentic credential and verify it with "
        "the issuer."
    )
    with language_in_use("fr"):
        assert i18n.shown(failed.message) == (
            # A reason the import does not write is the case file's own words, quoted.
            "Authenticité\u00a0: échec de la vérification – «\u00a0the signature does not match\u00a0». Demandez une "
            "certification authentique et vérifiez-la auprès de l’émetteur."
        )
        assert i18n.shown(failed.information[0].text) == (
            "une certification authentique (vérification auprès de l’émetteur)"
        )
        assert i18n.shown(found(decision, "authenticity.validity").message) == (
            "La certification a expiré le 30 juin 2026, avant le jour de son importation (1er décembre 2026)\u00a0: "
            "demandez à "
            "l’émetteur si les acquis qu’elle atteste restent valables."
        )
        assert (
            "statut «\u00a0révocation\u00a0» non vérifié\u00a0: consultez l’entrée 94567 de https://issuer.example/status/1"
            in i18n.shown(found(decision, "authenticity.status").message)
        )
    _assert_french(decision)


def test_an_imported_credential_reads_in_french() -> None:
    result = import_credential(FIXTURES / "edc-microcredential.json", assessing_country="HR")
    decision = assess(parse_case(result.document))
    _assert_french(decision)
    assert i18n.shown(found(decision, "authenticity.signature").message, "fr").startswith("Authenticité\u00a0: ")


def test_a_signed_credential_reads_in_french(tmp_path: Path) -> None:
    path = tmp_path / "sealed.json"
    path.write_text(json.dumps(Authority().signed(fixture_document("edc-microcredential.json"))), encoding="utf-8")
    result = import_credential(path, assessing_country="HR", trust=TrustStore())
    decision = assess(parse_case(result.document))

    signature = found(decision, "authenticity.signature")
    assert signature.message.startswith("Authenticity: intact, signer not established - ES256 signature matches")
    french = i18n.shown(signature.message, "fr")
    assert french.startswith(
        "Authenticité\u00a0: intacte, signataire non établi – la signature ES256 correspond au certificat intégré "
        "établi pour Adriatic Polytechnic e-seal, Adriatic Polytechnic (émis par Test Qualified Seal CA, Test Trust "
        "Services, par une chaîne intégrée de 2 certificats remontant à Test Qualified Seal CA, Test Trust "
        "Services)\u00a0; le certificat désigne Adriatic Polytechnic, et sa chaîne n’atteint aucune ancre de confiance "
        "(le bureau n’en a configuré aucune). "
    )
    assert french.endswith(
        "Établissez qui a signé\u00a0: vérifiez la certification auprès de l’émetteur, ou accordez votre confiance à "
        "l’autorité de certification du signataire (recogniser trust add)."
    )
    _assert_french(decision)


def test_no_other_part_translates_the_rules_words_otherwise() -> None:
    # Every part's catalogue is compiled into one: a word the rules share with another part (a grade, a kind of
    # assessment) must read the same in both, or one part's reader gets the other's word.
    from babel.messages.pofile import read_po

    def translations(path: Path) -> dict[str, str]:
        with path.open("rb") as handle:
            return {
                str(m.id if isinstance(m.id, str) else m.id[0]): str(m.string)
                for m in read_po(handle, locale="fr")
                if m.id
            }

    folder = i18n.LOCALE_DIR / "fr"
    rules = translations(folder / "rules.po")
    for other in sorted(path for path in folder.glob("*.po") if path.name != "rules.po"):
        theirs = translations(other)
        differing = {
            text: (rules[text], theirs[text]) for text in rules.keys() & theirs.keys() if rules[text] != theirs[text]
        }
        assert not differing, (other.name, differing)
