"""The facilitator notes in French: every exercise has them, in the outline of the English notes, and a pack is
built with the notes in the language asked for (English by default, and where a note is not translated)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import recogniser.seminar
from recogniser.cli import main
from recogniser.i18n import language_in_use
from recogniser.model import Outcome
from recogniser.rules import assess
from recogniser.seminar import build_exercise_pack, build_pack, exercise_sources, open_pack, sources_from_files
from tests.translated_documents import french_typography_problems, headings, outline

EXERCISES = Path(recogniser.seminar.__file__).parent / "exercises"
ENGLISH = {source.id: source for source in exercise_sources()}
FRENCH = {source.id: source for source in exercise_sources(language="fr")}

#: The outcomes as the French window names them (recogniser/ui/translations/recogniser_fr.ts).
OUTCOME_IN_FRENCH = {
    Outcome.FULL_RECOGNITION: "reconnaissance complète",
    Outcome.PARTIAL_RECOGNITION: "reconnaissance partielle",
    Outcome.CONDITIONAL_RECOGNITION: "reconnaissance sous conditions",
    Outcome.ALTERNATIVE_RECOGNITION: "reconnaissance alternative",
    Outcome.NON_RECOGNITION: "non-reconnaissance",
}
SECTIONS = ["## La recommandation de l’outil", "## Ce qu’il faut remarquer", "## Articles applicables"]


def test_every_exercise_has_french_notes_beside_the_english_ones() -> None:
    assert sorted(path.name for path in EXERCISES.glob("*.fr.md")) == sorted(f"{name}.fr.md" for name in ENGLISH)
    for name, source in FRENCH.items():
        assert source.notes == (EXERCISES / f"{name}.fr.md").read_text("utf-8")
        assert source.case == ENGLISH[name].case


@pytest.mark.parametrize("name", sorted(FRENCH))
def test_the_french_notes_follow_the_english_ones(name: str) -> None:
    english, french = ENGLISH[name].notes, FRENCH[name].notes
    assert english is not None and french is not None
    assert outline(french) == outline(english)
    assert headings(french)[0][1].split(" · ")[0] == headings(english)[0][1].split(" · ")[0]  # the number
    assert not {title for _, title in headings(french)} & {title for _, title in headings(english)}
    for section in [*SECTIONS, "## Où les groupes peuvent diverger"]:
        assert f"\n{section}\n" in french
    # The tool's verdict the notes discuss, in the window's words, and the articles that apply.
    outcome = assess(FRENCH[name].case).recommendation.outcome
    recommendation = french.split(SECTIONS[0])[1].split(SECTIONS[1])[0]
    assert OUTCOME_IN_FRENCH[outcome] in recommendation.lower()
    assert re.search(r"\bart\. [IV]+\.\d|\barticle VII\b|\bannexe I", french)
    assert french_typography_problems(french) == []


def test_the_legal_texts_are_named_by_their_french_titles() -> None:
    text = "\n".join(source.notes or "" for source in FRENCH.values())
    for title in (
        "Convention de Lisbonne sur la reconnaissance",
        "Recommandation révisée sur les critères et procédures d’évaluation des qualifications étrangères (2010)",
        "Références et lignes directrices pour l’assurance qualité dans l’espace européen de l’enseignement "
        "supérieur (ESG 2015)",
        "Recommandation du Conseil du 16 juin 2022 sur une approche européenne des microcertifications pour "
        "l’apprentissage tout au long de la vie et l’employabilité (2022/C 243/02)",
        "Recommandation du Conseil du 22 mai 2017 concernant le cadre européen des certifications pour "
        "l’apprentissage tout au long de la vie (2017/C 189/03)",
        "Guide d’utilisation ECTS 2015",
    ):
        assert title in " ".join(text.split()), title
    for english in ("LRC", "Revised Recommendation", "Users' Guide", "Council Recommendation", "EQF"):
        assert english not in text


def test_a_pack_has_the_notes_in_the_language_asked_for_and_english_where_there_are_none() -> None:
    _data, english = build_exercise_pack()
    _data, french = build_exercise_pack(language="fr")
    _data, german = build_exercise_pack(language="de")
    assert [case.notes for case in french.cases] == [FRENCH[case.id].notes for case in french.cases]
    assert [case.notes for case in english.cases] == [ENGLISH[case.id].notes for case in english.cases]
    assert german.manifest_sha256 == english.manifest_sha256  # no German notes: the English pack, unchanged
    # The same cases, so a group's verdicts compare across both; the notes make them two packs.
    assert [case.sha256 for case in french.cases] == [case.sha256 for case in english.cases]
    assert french.manifest_sha256 != english.manifest_sha256
    assert build_exercise_pack(language="fr", with_notes=False)[1] == build_exercise_pack(with_notes=False)[1]
    with pytest.raises(ValueError, match="language"):
        exercise_sources(language="fr/../en")


def test_case_files_take_the_notes_in_the_language_asked_for_beside_them_or_in_a_folder(tmp_path: Path) -> None:
    document = json.dumps(dict(ENGLISH["01-maritime-stacking"].case.document))
    for name in ("translated", "english-only"):
        (tmp_path / f"{name}.json").write_text(document, "utf-8")
        (tmp_path / f"{name}.md").write_text(f"# {name} in English", "utf-8")
    (tmp_path / "translated.fr.md").write_text("# translated en français", "utf-8")
    cases = [tmp_path / "translated.json", tmp_path / "english-only.json"]

    def notes(language: str, **where: object) -> list[str | None]:
        return [source.notes for source in sources_from_files(cases, language=language, **where)]  # type: ignore[arg-type]

    assert notes("fr", notes_beside=True) == ["# translated en français", "# english-only in English"]
    assert notes("en", notes_beside=True) == ["# translated in English", "# english-only in English"]
    assert notes("fr", notes_dir=str(tmp_path)) == ["# translated en français", "# english-only in English"]
    assert notes("fr") == [None, None]
    _data, pack = build_pack(sources_from_files(cases, notes_beside=True, language="fr"), title="Séminaire")
    assert pack.case("translated").notes == "# translated en français"


def test_by_default_the_notes_are_in_the_language_in_use(tmp_path: Path) -> None:
    with language_in_use("fr"):
        assert [source.notes for source in exercise_sources()] == [source.notes for source in FRENCH.values()]
    assert [source.notes for source in exercise_sources()] == [source.notes for source in ENGLISH.values()]
    with language_in_use("en"):  # the command line's --language holds for the process: English again after it
        assert main(["seminar", "exercises", "-o", str(tmp_path / "exercices.zip"), "--language", "fr"]) == 0
    pack = open_pack(tmp_path / "exercices.zip")
    assert [case.notes for case in pack.cases] == [FRENCH[case.id].notes for case in pack.cases]
