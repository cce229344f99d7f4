"""The report in French: every heading, label, fixed sentence and the page furniture in the reader's language,
numbers written the French way, and no English wording of the report's own left."""

from __future__ import annotations

import copy
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from recogniser.i18n import language_in_use, phrase
from recogniser.model import Outcome
from recogniser.report import ReportSettings, render_report
from recogniser.rules import assess
from tests.report.factories import case_from, decision_for, example_document
from tests.report.test_report import _actual_texts, flat, kept_decision, maritime

SETTINGS = ReportSettings(office_name="ENIC-NARIC France", evaluator_name="Élise Martin", office_address="Sèvres")

#: The report's own English wording: none of it may stand in a French report.
ENGLISH = (
    "Recognition recommendation",
    "The micro-credential, element by element",
    "What recognition is sought for",
    "The five elements",
    "Learning outcomes compared",
    "Findings by rule set",
    "Substantial differences and appeal",
    "Decision of the evaluator",
    "Case reference",
    "Date of report",
    "Assessing country",
    "Recommended outcome",
    "Mandatory elements",
    "Optional elements",
    "Identification of the learner",
    "Target outcome",
    "Best match in the credential",
    "Finding and its basis",
    "Basis:",
    "ECTS recognised",
    "Final decision",
    "as recommended",
    "Page 1 of",
    "Rulebook",
    "PASS",
    "MATCHED",
    "MISSING",
    "Is the level stated",
    "written exam",
)


def french(pdf_of: object) -> str:
    with language_in_use("fr"):
        assert callable(pdf_of)
        pdf = pdf_of()
    assert isinstance(pdf, bytes)
    return flat(pdf)


@pytest.fixture(scope="module")
def maritime_in_french() -> str:
    document, decision = maritime()
    case = case_from(document)
    return french(lambda: render_report(case, decision, SETTINGS, today=date(2026, 3, 1)))


def test_the_sections_are_headed_in_french_in_order(maritime_in_french: str) -> None:
    headings = [
        "Recommandation de reconnaissance",
        "1. La microcertification, élément par élément",
        "2. Objet de la demande de reconnaissance",
        "3. Les cinq éléments",
        "4. Comparaison des acquis d’apprentissage",
        "5. Constats par ensemble de règles",
        "6. Recommandation",
        "7. Différences substantielles et recours",
        "8. Décision de l’évaluateur",
    ]
    positions = [maritime_in_french.find(heading) for heading in headings]
    assert all(position >= 0 for position in positions), list(zip(headings, positions, strict=True))
    assert positions == sorted(positions)


def test_the_dates_of_the_procedure_and_the_numbering_read_in_french() -> None:
    document, _ = maritime()
    document["procedure"] = {"received_on": "2026-01-12", "complete_on": "2026-03-01"}
    case = case_from(document)
    text = french(lambda: render_report(case, decision_for(case, Outcome.FULL_RECOGNITION), SETTINGS))
    assert "Dossier reçu le 12 janvier 2026 Dossier complet le 1er mars 2026" in text
    assert "7. Décision de l’évaluateur" in text and "consignée à la section 7." in text


def test_labels_annex_i_marks_and_page_furniture_are_french(maritime_in_french: str) -> None:
    text = maritime_in_french
    for said in (
        "Référence du dossier EXAMPLE-01",
        "Finalité Transfert de crédits dans un programme",
        "Résultat recommandé Reconnaissance partielle",
        "Éléments obligatoires",
        "Identification de l’apprenant",
        "Charge de travail théorique",
        "5 ECTS; 135 heures",
        "examen écrit",
        "Le niveau est-il indiqué et adapté à la finalité ?",
        "CONFORME",
        "CONCORDANT",
        "Fondement :",
        "ECTS reconnus :",
        "Conditions à remplir",
        "[ ] conforme à la recommandation",
        "Page 1 sur ",
        "Référentiel 2026.1 · SHA-256 du dossier",
    ):
        assert said in text, said


def test_no_english_wording_of_the_report_is_left(maritime_in_french: str) -> None:
    left = [english for english in ENGLISH if english in maritime_in_french]
    assert not left


def test_the_english_report_is_still_english() -> None:
    document, decision = maritime()
    text = flat(render_report(case_from(document), decision, SETTINGS, today=date(2026, 3, 1)))
    assert all(english in text for english in ENGLISH if english not in ("MISSING", "written exam"))
    assert "Recommandation" not in text


def test_the_evaluators_decision_reads_in_french_with_french_numbers() -> None:
    document, decision = maritime()
    recorded = [
        kept_decision(decision, 3, None),
        kept_decision(decision, 7, Outcome.PARTIAL_RECOGNITION, final_ects=2.5, justification="Non couvert."),
    ]
    case = case_from(document)
    text = french(lambda: render_report(case, decision, SETTINGS, recorded=recorded))
    block = text[text.index("8. Décision de l’évaluateur") :]
    assert "Décision n° 7, enregistrée le 3 février 2026, 10:22 UTC, la plus récente des 2 décisions" in block
    assert "[ X ] autrement, comme suit" in block and "Reconnaissance partielle" in block
    assert "ECTS reconnus 2,5" in block
    assert "Motivation Non couvert." in block
    assert "Évaluateur Nino Beridze" in block


def test_a_stack_is_reported_in_french() -> None:
    from recogniser.casefile import parse_case
    from tests.rules.test_stacking import _stack, _three

    first, second, third = _three()
    third["assessment"] = {"type": "attendance_only"}
    case = parse_case(_stack(first, second, third))
    text = french(lambda: render_report(case, assess(case), SETTINGS, today=date(2026, 3, 1)))
    for said in (
        "1. Les 3 microcertifications, chacune élément par élément",
        "1.1 Certification 1 « Part 1 »",
        "Dans le cumul",
        "écarté",
        "4. Comparaison des acquis d’apprentissage : la matrice de couverture",
        "Non couvert : une lacune.",
        "5. Constats, certification par certification et pour le cumul",
        "Le cumul",
    ):
        assert said in text, said
    # The findings' and the recommendation's own sentences are the rules' (shown through shown()); the report's
    # words about the stack are French.
    assert "The stack" not in text and "Finding about" not in text and "In the stack" not in text


def test_a_sentence_of_the_tool_quoting_an_arabic_title_is_shown_in_french() -> None:
    document = copy.deepcopy(example_document("maritime-credit-transfer.json"))
    credential = document["credential"]
    assert isinstance(credential, dict)
    credential["title"] = "إدارة السلامة"
    credential["learner"] = {"name": "Ольга Петренко"}
    case = case_from(document)
    # A sentence the tool keeps as a phrase, quoting the case's title: shown in French around the title.
    summary = phrase("Credential {number} '{title}'", number=1, title="إدارة السلامة")
    with language_in_use("fr"):
        pdf = render_report(case, decision_for(case, summary=summary), SETTINGS)
    # Copied from a viewer, the line reads as written: the French sentence around the title, in its order.
    assert any("Certification 1 «\u00a0إدارة السلامة\u00a0»" in line for line in _actual_texts(pdf))
    assert "Ольга Петренко" in flat(pdf)


def test_the_pdf_says_its_language() -> None:
    document, decision = maritime()
    case = case_from(document)
    with language_in_use("fr"):
        pdf = render_report(case, decision, SETTINGS)
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/Lang") == "fr"
    assert PdfReader(io.BytesIO(render_report(case, decision, SETTINGS))).trailer["/Root"].get("/Lang") == "en"


@pytest.mark.parametrize("part", ["report", "seminar"])
def test_the_french_catalogue_keeps_french_typography(part: str) -> None:
    """A no-break space before : ; ? ! and % and inside « », the typographic apostrophe."""
    from babel.messages.pofile import read_po

    from recogniser.i18n import LOCALE_DIR

    with (LOCALE_DIR / "fr" / f"{part}.po").open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            if re.search(r" [:;?!%»]|« |'", re.sub(r"<[^>]+>", "", text or "")):
                wrong.append(text)
    assert not wrong
