"""What the core says, in English and French: phrases, labels, the catalogues and the language setting."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from recogniser import catalogues, i18n, vocabulary
from recogniser.cli import main
from recogniser.errors import UserInputError
from recogniser.i18n import language_in_use, phrase, plural
from recogniser.model import Element, Outcome, Purpose, Status
from recogniser.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "maritime-credit-transfer.json"


def test_a_phrase_is_filled_after_it_is_translated() -> None:
    said = phrase("{outcome} for {purpose}", outcome=Outcome.FULL_RECOGNITION, purpose=vocabulary.words(Purpose.RPL))
    assert said.text("en") == "Full recognition for recognition of prior learning"
    # The template has no French yet, so it stays English; the labels in its fields are French.
    assert said.text("fr") == "Reconnaissance complète for reconnaissance des acquis antérieurs"


def test_a_phrase_survives_a_copy_and_a_pickle() -> None:
    import copy
    import pickle

    said = phrase("{ects} ECTS for {purpose}", ects=2.5, purpose=vocabulary.words(Purpose.ADMISSION))
    for again in (copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert isinstance(again, i18n.Phrase) and again == "2.5 ECTS for admission"
        assert again.text("fr") == said.text("fr")


def test_numbers_are_written_as_the_reader_writes_them() -> None:
    said = phrase("{ects} ECTS of {total}", ects=2.5, total=6)
    assert said.text("en") == "2.5 ECTS of 6"
    assert said.text("fr") == "2,5 ECTS of 6"
    assert i18n.number(-1.5, "fr") == "\u22121,5"


def test_a_date_inside_a_sentence_is_written_as_the_reader_writes_dates() -> None:
    from datetime import date, datetime

    valid = phrase("valid until {day}", day=date(2026, 3, 1))
    # English keeps ISO 8601: the decision JSON and the store hold this text.
    assert valid == "valid until 2026-03-01"
    assert valid.text("fr") == "valable jusqu’au 1er mars 2026"
    assert i18n.written_date(date(2026, 12, 25), "fr") == "25 décembre 2026"
    assert i18n.written_date(datetime(2026, 2, 3, 10, 22), "fr") == "3 février 2026, 10:22"
    assert i18n.written_date(datetime(2026, 2, 3, 10, 22), "en") == "2026-02-03 10:22"


def test_a_plural_phrase_takes_the_form_its_number_asks_for() -> None:
    one = plural("{n} credential", "{n} credentials", n=1)
    three = plural("{n} credential", "{n} credentials", n=3)
    assert (one.text("en"), three.text("en")) == ("1 credential", "3 credentials")


def test_the_language_in_use_is_what_a_phrase_speaks_by_default() -> None:
    label = phrase("{status}", status=Status.FAIL)
    assert i18n.shown(label) == "Fail" and label == "Fail"
    with language_in_use("fr"):
        assert i18n.shown(label) == "Non conforme"
        # A phrase is its English text wherever it is stored or compared; only the edge translates it.
        assert label == "Fail" and json.dumps({"message": label}) == '{"message": "Fail"}'
        assert i18n.shown("Shevchenko") == "Shevchenko"
        assert vocabulary.element_label(Element.LEARNING_OUTCOMES) == "Acquis d’apprentissage"
    assert i18n.language() == "en"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        i18n.use_language("xx")


def test_every_label_of_every_vocabulary_has_a_french_label() -> None:
    for labels in (
        vocabulary.PURPOSE_LABELS,
        vocabulary.OUTCOME_LABELS,
        vocabulary.RULE_SET_TITLES,
        vocabulary.STATUS_LABELS,
        vocabulary.ELEMENT_LABELS,
    ):
        for value, english in labels.items():
            french = i18n.translate(english, "fr")
            assert (french and french != english) or english == "Portfolio", (value, english)


def test_every_marked_string_has_a_french_translation_keeping_its_fields() -> None:
    """The catalogues are up to date with the code and complete: a string marked in the code and missing from
    a catalogue, left untranslated, or translated without one of its {fields} fails here."""
    assert [str(problem) for problem in catalogues.problems()] == []


def test_a_marker_given_anything_but_a_literal_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "probe.py"
    source.write_text("from recogniser.i18n import phrase\nx = 'a'\nphrase(x)\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"probe.py:3: phrase\(\) is given something other than"):
        list(catalogues.marked_in(source))


def test_a_new_string_appears_in_every_catalogue_untranslated_and_the_check_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogues, "_locale_dir", tmp_path)
    (tmp_path / "fr").mkdir()
    written = catalogues.update()
    assert str(tmp_path / "fr" / "core.po") in written
    problems = [str(problem) for problem in catalogues.problems()]
    assert any("'Full recognition' is not translated" in problem for problem in problems)


def test_one_english_word_meant_two_ways_is_two_messages_told_apart_by_their_context(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recogniser.model import AssessmentType
    from recogniser.rules.facts import QAGrade, grade_words
    from recogniser.rules.wording import assessment_words

    grade, assessment = grade_words(QAGrade.NONE), assessment_words(AssessmentType.NONE)
    assert grade == assessment == "none"
    assert (grade.text("fr"), assessment.text("fr")) == ("inexistantes", "aucune évaluation")
    assert (
        phrase("quality evidence is {grade}", grade=grade).text("fr")
        == "les preuves d’assurance qualité sont inexistantes"
    )
    # The catalogue keeps each meaning as its own message, and the check names the one left untranslated.
    source = tmp_path / "probe.py"
    source.write_text("from recogniser.i18n import pphrase\npphrase('sense', 'none')\n", encoding="utf-8")
    [marked] = catalogues.marked_in(source)
    assert (marked.text, marked.context) == ("none", "sense")
    monkeypatch.setattr(catalogues, "_locale_dir", tmp_path)
    (tmp_path / "fr").mkdir()
    catalogues.update()
    assert 'msgctxt "quality evidence grade"\nmsgid "none"' in (tmp_path / "fr" / "rules.po").read_text("utf-8")
    problems = [str(problem) for problem in catalogues.problems()]
    assert any("'none' (context 'assessment type') is not translated" in problem for problem in problems)


#: One-word texts marked in several modules that mean the same in each, checked by hand: a new one is either
#: given a context (``pphrase``) where its meanings differ, or added here.
SAME_MEANING_EVERYWHERE = {
    "(untitled)", "Authenticity", "Basis", "Element", "Evaluator", "Justification", "No.", "Purpose", "Why", "n/a",
    "TITLE", "title", "untitled", "warning",
}  # fmt: skip


def test_a_word_marked_in_several_modules_carries_a_context_or_means_the_same_in_each() -> None:
    """ "none" was one message for a grade of quality evidence and for an assessment type, and French could give
    it only one translation (« inexistantes »): a bare word used in several places is where that happens."""
    modules: dict[str, set[str]] = {}
    for path in catalogues.sources():
        if path.name in {"i18n.py", "catalogues.py"}:
            continue
        for marked in catalogues.marked_in(path):
            if marked.context is None and len(marked.text.split()) == 1:
                modules.setdefault(marked.text, set()).add(marked.where.rsplit(":", 1)[0])
    shared = {text for text, where in modules.items() if len(where) > 1}
    assert shared - SAME_MEANING_EVERYWHERE == set()


def test_the_compiled_catalogue_is_kept_in_the_cache_and_an_office_catalogue_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path / "config"))
    office = tmp_path / "config" / "locale" / "fr"
    office.mkdir(parents=True)
    shipped = (i18n.LOCALE_DIR / "fr" / "core.po").read_text(encoding="utf-8")
    corrected = shipped.replace('msgstr "Reconnaissance complète"', 'msgstr "Reconnaissance pleine et entière"')
    (office / "core.po").write_text(corrected, encoding="utf-8")
    monkeypatch.setattr(i18n, "_loaded", {})
    assert vocabulary.outcome_label(Outcome.FULL_RECOGNITION, "fr") == "Reconnaissance pleine et entière"
    assert len(list((tmp_path / "cache" / "locale").glob("fr-*.mo"))) == 1


def test_the_settings_name_the_language_and_refuse_one_not_spoken(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    settings.write_text('[general]\nlanguage = "fr"\n', encoding="utf-8")
    assert load_settings(settings).language == "fr"
    settings.write_text('[general]\nlanguage = "tlh"\n', encoding="utf-8")
    with pytest.raises(UserInputError, match=r"general.language: 'tlh' is not a language Recogniser speaks"):
        load_settings(settings)


def test_the_command_line_refuses_an_unknown_language_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "xx", "assess", str(EXAMPLE)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert error == ["recogniser: --language: 'xx' is not a language Recogniser speaks (known: en, fr)"]


def test_the_language_is_taken_before_or_after_the_command(tmp_path: Path) -> None:
    """The option is read in either place; ``import`` keeps its own --language for a multilingual credential."""
    for arguments in (
        ["--language", "fr", "assess", str(EXAMPLE), "--json"],
        ["assess", str(EXAMPLE), "--json", "--language", "fr"],
    ):
        completed = subprocess.run(
            [sys.executable, "-m", "recogniser", *arguments],
            capture_output=True,
            text=True,
            check=False,
            env={
                "RECOGNISER_CONFIG_HOME": str(tmp_path),
                "RECOGNISER_DATA_HOME": str(tmp_path),
                "RECOGNISER_CACHE_HOME": str(tmp_path),
                "PATH": "/usr/bin:/bin",
            },
        )
        assert completed.returncode == 0, completed.stderr
        # The decision JSON is data: English and codes whatever the reader's language.
        assert json.loads(completed.stdout)["recommendation"]["outcome"] == "full_recognition"


def test_the_readable_verdict_speaks_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "fr", "assess", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dossier EXAMPLE-01 - transfert de crédits\n")
    assert "RECOMMANDATION\u00a0: RECONNAISSANCE COMPLÈTE" in out
    assert "Vérifications\u00a0: 34 conformes, 1 indéterminée, 4 sans objet" in out
    # The marks before each check stay the same in every language, for a reader searching for FAIL.
    assert main(["assess", str(EXAMPLE)]) == 0
    english = capsys.readouterr().out
    assert "RECOMMENDATION: FULL RECOGNITION" in english and "Checks: 34 pass, 1 unknown, 4 not applicable" in english


def test_the_case_list_speaks_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = f"sqlite:///{tmp_path / 'cases.db'}"
    assert main(["--database-url", database, "--language", "fr", "cases", "list"]) == 0
    assert capsys.readouterr().out == "aucun dossier\n"
    assert main(["--database-url", database, "cases", "add", str(EXAMPLE), "--language", "fr"]) == 0
    assert capsys.readouterr().out.startswith("EXAMPLE-01 ajouté (")
    assert main(["--database-url", database, "cases", "list", "--language", "fr"]) == 0
    heading = capsys.readouterr().out.splitlines()[0]
    assert heading.split() == ["RÉFÉRENCE", "APPRENANT", "INTITULÉ", "FINALITÉ", "ÉTAT", "DÉCISION"]


def test_the_import_report_speaks_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The element names come from the one definition of Annex I, in the reader's language."""
    credential = ROOT / "tests" / "interchange" / "fixtures" / "edc-microcredential.json"
    output = tmp_path / "case.json"
    arguments = ["import", str(credential), "--assessing-country", "HR", "--output", str(output)]
    assert main(["--language", "fr", *arguments]) == 0
    out = capsys.readouterr().out
    assert "Pays d’évaluation\u00a0: HR (d’après --assessing-country)" in out
    assert "   2. Intitulé de la microcertification" in out and "   4. Organisme de délivrance" in out
    # The case file is data: what travels with it stays in English.
    assert "Guessed on import, to be checked: 4. Awarding body" in output.read_text(encoding="utf-8")
