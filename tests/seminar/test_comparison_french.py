"""The seminar comparison in French: the PDF's headings, labels and sentences, numbers written the French way, and
the comparison's JSON still in English."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from recogniser.i18n import language_in_use, shown
from recogniser.seminar import (
    Comparison,
)
from recogniser.seminar.compare import fleiss_kappa, printed_justification
from recogniser.seminar.pdf import render_comparison_pdf
from tests.seminar.test_comparison_pdf import exercise_comparison

GROUPS = ("Группа Київ", "ჯგუფი თბილისი", "مجموعة دمشق")


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return exercise_comparison(GROUPS)


@pytest.fixture(scope="module")
def french_text(comparison: Comparison) -> str:
    with language_in_use("fr"):
        pdf = render_comparison_pdf(comparison)
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_comparison_pdf_reads_in_french(french_text: str) -> None:
    for said in (
        "Comparaison du séminaire",
        "Jeu d’exercices",
        "Accord moyen (part du résultat le plus fréquent par cas) :",
        "Verdicts conformes à la recommandation de l’outil : 70 %",
        "Kappa de Fleiss sur 9 cas et 3 groupes : 0,17 (accord très faible au-delà du hasard)",
        "Kappa de Fleiss sur 9 cas et 3 groupes",
        "Réponses écartées",
        "mal formé : not valid JSON",
        "Résultats par cas",
        "nombre de groupes",
        "Reconnaissance complète",
        "Constats de l’outil, à discuter là où les groupes divergent",
        "Sur fond coloré : le groupe a décidé autrement que l’outil.",
        "Page 1 sur",
    ):
        assert said in french_text, said
    for english in ("Seminar comparison", "Mean agreement", "Outcomes per case", "number of groups", "Page 1 of"):
        assert english not in french_text


def test_kappa_is_explained_in_french_with_french_numbers() -> None:
    kappa = fleiss_kappa([[1, 1, 1], [3, 0, 0], [0, 3, 0]])
    with language_in_use("fr"):
        explained = shown(kappa.explanation)
    assert explained.startswith("Kappa de Fleiss sur 3 cas et 3 groupes\u00a0: 0,")
    assert "." not in explained.split(":")[1].split("(")[0]
    # The comparison's JSON keeps the English sentence.
    assert kappa.to_json()["explanation"].startswith("Fleiss' kappa over 3 cases and 3 groups: 0.")


def test_a_shortened_justification_says_how_much_is_left_out_in_french() -> None:
    text = "mot " * 5000
    with language_in_use("fr"):
        printed = printed_justification(text, 100)
    assert printed.endswith(
        "caractères de plus\u00a0: la motivation intégrale figure dans le fichier de réponse du groupe]"
    )
    assert "19\u202f9" in printed
