"""The window in French: every string it shows is in the catalogue, translated, and found at run time."""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from recogniser.casefile import load_case
from recogniser.rules import assess
from recogniser.seminar import build_exercise_pack, open_pack, write_pack
from recogniser.settings import Settings, save_settings
from recogniser.ui import translations
from recogniser.ui.decision_dialog import DecisionDialog
from recogniser.ui.main_window import MainWindow
from recogniser.ui.seminar_window import SeminarWindow
from recogniser.ui.settings import AppSettings
from recogniser.ui.settings_dialog import SettingsDialog
from recogniser.ui.translations import SHIPPED_DIR, compiled_catalogue, window_language
from recogniser.ui.translations.__main__ import extract, ui_sources
from recogniser.ui.translations.catalogue import Message, problems, read_catalogue

from .conftest import EXAMPLES, ScriptedDialogs, open_window, shut
from .test_layout import every_field_shows

FRENCH = SHIPPED_DIR / "recogniser_fr.ts"
#: French puts a no-break space before : ; ? ! and inside « »; a plain space there breaks a line at the mark.
_PLAIN_SPACE_BEFORE_MARK = re.compile(r" [:;?!»]|« ")


def keys(messages: list[Message]) -> set[tuple[str, str]]:
    return {(message.context, message.source) for message in messages}


@pytest.mark.parametrize("catalogue", translations.shipped_catalogues(), ids=lambda path: path.stem)
def test_every_string_of_a_catalogue_is_translated_with_its_fields(catalogue: Path) -> None:
    messages = read_catalogue(catalogue)
    assert messages
    assert [problem for message in messages for problem in problems(message)] == []


def test_french_follows_french_typography() -> None:
    wrong = [
        text
        for message in read_catalogue(FRENCH)
        for text in message.translations
        if _PLAIN_SPACE_BEFORE_MARK.search(re.sub(r"<[^>]*>", "", text)) or "“" in text
    ]
    assert wrong == []


@pytest.mark.parametrize("catalogue", translations.shipped_catalogues(), ids=lambda path: path.stem)
def test_the_catalogues_hold_every_string_the_sources_mark(catalogue: Path, tmp_path: Path) -> None:
    """A string added to the window without ``python -m recogniser.ui.translations update`` fails here."""
    current = tmp_path / catalogue.name
    shutil.copy(catalogue, current)
    extract(current)
    assert keys(read_catalogue(current)) == keys(read_catalogue(catalogue))


#: Qt calls that show their string arguments to the user.
_SHOWS_TEXT = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText", "setTitle",
    "setLabelText", "showMessage", "addTab", "setTabText", "insertTab", "addAction", "addMenu", "addRow",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSuffix", "setPrefix", "setSpecialValueText",
    "setAccessibleName", "setAccessibleDescription", "drawText", "setHtml", "setMarkdown", "setPlainText",
    "information", "warning", "critical", "question", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QAction", "QMenu", "QToolButton", "QCommandLinkButton",
}  # fmt: skip
_TRANSLATES = {"tr", "_tr", "translate"}


def _called(node: ast.Call) -> str:
    function = node.func
    return (
        function.attr if isinstance(function, ast.Attribute) else function.id if isinstance(function, ast.Name) else ""
    )


def _literal_text(node: ast.AST) -> str:
    """The literal text of a string expression, a value standing for each interpolated or computed part."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + _literal_text(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return " ".join(_literal_text(element) for element in node.elts)
    return "\x00"


def _words(node: ast.AST) -> bool:
    """Whether ``node`` holds text a reader reads: a word in its literal parts, outside HTML tags and entities."""
    return re.search(r"[A-Za-z]{2,}", re.sub(r"<[^<>]*>|&[a-z]+;", "", _literal_text(node))) is not None


def marked_constants(source: str) -> set[str]:
    """The names ``source`` gives to strings it marks for the catalogue (``X = tr_noop("…")``)."""
    return {
        target.id
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and _called(node.value) in {"QT_TRANSLATE_NOOP", "QT_TR_NOOP", "tr_noop"}
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def untranslated(source: str, name: str, marked: frozenset[str] = frozenset()) -> list[str]:
    """Where ``source`` shows a literal outside ``tr()``, or asks ``tr()`` for a string the extractor cannot read
    (a constant is readable if marked with ``tr_noop()`` here or in ``marked``)."""
    found = []
    tree = ast.parse(source)
    noop_constants = marked_constants(source) | marked
    wrappers = {
        id(call)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef) and function.name in _TRANSLATES
        for call in ast.walk(function)
    }
    in_f_strings = {
        id(call) for string in ast.walk(tree) if isinstance(string, ast.JoinedStr) for call in ast.walk(string)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in wrappers:
            continue
        called = _called(node)
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in {"_log", "log", "logger", "logging"}:
            continue  # the log is for the developer, in English
        if called in _SHOWS_TEXT:
            found += [f"{name}:{node.lineno}: {called}() shows a literal" for arg in node.args if _words(arg)]
        elif called in _TRANSLATES and node.args:
            text = node.args[1] if called == "translate" and len(node.args) > 1 else node.args[0]
            readable = isinstance(text, ast.Constant) or (isinstance(text, ast.Name) and text.id in noop_constants)
            if called == "translate" and not (isinstance(owner, ast.Name) and owner.id == "QCoreApplication"):
                continue  # str.translate, QPainter.translate
            if not readable:
                found.append(f"{name}:{node.lineno}: {called}() of text the extractor cannot read")
            elif id(node) in in_f_strings:
                found.append(f"{name}:{node.lineno}: {called}() inside an f-string, where the extractor does not look")
    return found


def test_the_checker_finds_a_literal_shown_outside_tr() -> None:
    assert untranslated("label.setText('Saved the case')\nQLabel(f'{n} cases')\n", "x.py") == [
        "x.py:1: setText() shows a literal",
        "x.py:2: QLabel() shows a literal",
    ]
    assert untranslated("self.tr(f'{n} cases')\n_tr(name)\n", "x.py") == [
        "x.py:1: tr() of text the extractor cannot read",
        "x.py:2: _tr() of text the extractor cannot read",
    ]
    assert untranslated("x = f\"<b>{self.tr('Saved')}</b>\"\n", "x.py") == [
        "x.py:1: tr() inside an f-string, where the extractor does not look"
    ]
    assert untranslated("label.setText(self.tr('Saved'))\npainter.translate(1, 2)\nlabel.setText('—')\n", "x.py") == []


def test_the_window_shows_no_literal_outside_tr() -> None:
    sources = {path: path.read_text("utf-8") for path in ui_sources()}
    marked = frozenset(name for source in sources.values() for name in marked_constants(source))
    found = [
        problem
        for path, source in sources.items()
        for problem in untranslated(source, str(path.relative_to(SHIPPED_DIR.parents[2])), marked)
    ]
    assert found == []


class LookupRecorder(QTranslator):
    """Installed last, so asked first: notes every string the window asks for and lets the real catalogue answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        self.asked.add((context, source))
        return None  # a null string: Qt asks the next translator

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[LookupRecorder]:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    assert window_language.install("fr")
    recorder = LookupRecorder()
    qapp.installTranslator(recorder)
    yield recorder
    qapp.removeTranslator(recorder)
    window_language.install(translations.SOURCE_LANGUAGE)


def our_own(asked: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The strings asked for in the project's own contexts (Qt's own are its class names: QDialogButtonBox…)."""
    return {(context, source) for context, source in asked if not re.match(r"Q[A-Z]", context)}


@pytest.fixture
def french_window(
    qtbot: QtBot, french: LookupRecorder, settings: AppSettings, dialogs: ScriptedDialogs, database: str
) -> Iterator[MainWindow]:
    save_settings(Settings(database_url=database, assessing_country="FR"))
    window = open_window(qtbot, settings, dialogs)
    yield window
    shut(window)


def test_the_window_in_french_finds_every_string_it_asks_for(
    qtbot: QtBot, french: LookupRecorder, french_window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = french_window
    assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
    qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "&Fichier" and "&Aide" in titles

    case = load_case(EXAMPLES / "maritime-credit-transfer.json")
    decision = DecisionDialog(case, assess(case).recommendation, "Ana Horvat")
    qtbot.addWidget(decision)
    decision.show()
    assert decision.buttons.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Annuler"

    settings_dialog = SettingsDialog(Settings(), tmp_path / "settings.toml")
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()

    window.statistics_action.trigger()
    statistics = window.statistics_window
    assert statistics is not None
    qtbot.waitUntil(lambda: statistics.statistics is not None)
    statistics.close()

    data, _pack = build_exercise_pack()
    write_pack(tmp_path / "pack.zip", data)
    seminar = SeminarWindow(open_pack(tmp_path / "pack.zip"), dialogs)
    qtbot.addWidget(seminar)
    seminar.show()
    seminar.tabs.setCurrentIndex(1)
    seminar.tasks.wait()

    catalogue = keys(read_catalogue(FRENCH))
    asked = our_own(french.asked)
    assert len(asked) > 300
    assert sorted(asked - catalogue) == []


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_every_field_of_the_case_form_fits_a_small_screen_in_french(
    qtbot: QtBot, french_window: MainWindow, size: tuple[int, int]
) -> None:
    """French labels run about a fifth longer than English: the form still shows every field whole."""
    every_field_shows(qtbot, french_window, size)
    assert (
        french_window.editor.slots["credential.title"].field.widget.accessibleName() == "Intitulé de la certification"
    )


def test_a_catalogue_is_compiled_once_per_version_and_an_office_may_correct_it(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path / "config"))
    first = compiled_catalogue("fr")
    assert first is not None and first.is_relative_to(tmp_path / "cache")
    made = first.stat().st_mtime_ns
    assert compiled_catalogue("fr") == first and first.stat().st_mtime_ns == made

    office = translations.office_dir() / FRENCH.name
    office.parent.mkdir(parents=True)
    office.write_text(
        FRENCH.read_text("utf-8").replace(
            "<translation>Nouveau dossier</translation>", "<translation>Nouvelle demande</translation>"
        ),
        "utf-8",
    )
    assert compiled_catalogue("fr") not in (None, first)
    try:
        assert window_language.install("fr")
        assert QCoreApplication.translate("CaseListPane", "New case") == "Nouvelle demande"
    finally:
        window_language.install(translations.SOURCE_LANGUAGE)
    assert QCoreApplication.translate("CaseListPane", "New case") == "New case"


def test_a_catalogue_that_cannot_be_compiled_leaves_the_window_in_english(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("RECOGNISER_CONFIG_HOME", str(tmp_path / "config"))
    office = translations.office_dir() / "recogniser_de.ts"
    office.parent.mkdir(parents=True)
    office.write_text("<TS><context><name>", "utf-8")
    try:
        assert not window_language.install("de")
        assert window_language.language == translations.SOURCE_LANGUAGE
        assert "could not be compiled" in caplog.text or "no readable" in caplog.text
        assert QCoreApplication.translate("CaseListPane", "New case") == "New case"
    finally:
        window_language.install(translations.SOURCE_LANGUAGE)


def test_plural_forms_follow_the_number(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    counted = {
        language: [QCoreApplication.translate("CaseListPane", "%Ln case(s)", None, n) for n in (0, 1, 2)]
        for language in ("fr", "en")
        if window_language.install(language)
    }
    assert counted == {"fr": ["0 dossier", "1 dossier", "2 dossiers"], "en": ["0 cases", "1 case", "2 cases"]}


def test_the_language_in_the_settings_is_the_window_s_and_the_core_s(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recogniser import i18n
    from recogniser.model import Outcome
    from recogniser.ui.app import chosen_language, speak
    from recogniser.vocabulary import outcome_label

    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    assert chosen_language() == "en"
    save_settings(Settings(language="fr"))
    assert chosen_language() == "fr"
    try:
        speak(chosen_language())
        assert window_language.language == "fr" and i18n.language() == "fr"
        assert outcome_label(Outcome.NON_RECOGNITION) == "Non-reconnaissance"
        assert QCoreApplication.translate("SettingsDialog", "Language") == "Langue"
    finally:
        speak("en")
    assert i18n.language() == "en" and outcome_label(Outcome.NON_RECOGNITION) == "Non-recognition"


def test_the_window_writes_dates_and_an_imported_credential_s_reason_in_french(
    qtbot: QtBot, french: LookupRecorder, french_window: MainWindow
) -> None:
    from recogniser.i18n import language_in_use
    from recogniser.ui.agency_field import AgencyField
    from recogniser.ui.authenticity import AuthenticityBanner

    window = french_window
    with language_in_use("fr"):
        assert window.cases.open_case_file(EXAMPLES / "maritime-credit-transfer.json")
        qtbot.waitUntil(lambda: not window.session.assessment_pending and not window.tasks.busy)
        field = window.editor.slots["credential.quality_assurance.external_agency"].field
        assert isinstance(field, AgencyField)
        said = field.match.text()
        assert "de l’EQAR du 20 juin 2017" in said and "son inscription au 30 juin 2025 reste à confirmer" in said
        banner = AuthenticityBanner()
        qtbot.addWidget(banner)
        # A case file imported before the reasons had codes: its English reason is recognised.
        banner.show_document(
            {
                "provenance": {
                    "authenticity": {"status": "no_signature", "reason": "the file carries no signature or proof"}
                }
            }
        )
        assert "le fichier ne porte ni signature ni preuve" in banner.text()
        assert "carries" not in banner.toolTip()
