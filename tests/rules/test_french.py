"""The rules' findings and citations read in French, with French numbers, while their English text stays the
one the decision JSON keeps."""

from __future__ import annotations

from decimal import Decimal

from recogniser import i18n
from recogniser.i18n import language_in_use, phrase
from recogniser.rules import citations as cited


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
