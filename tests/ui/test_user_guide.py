"""The user guide in the window's language: the French one for a French window, the same outline as the English
one, every link inside it leading somewhere, and every menu path it names one the window has in that language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from recogniser.settings import Settings, save_settings
from recogniser.ui import translations
from recogniser.ui.help import USER_GUIDE, guide_window, user_guide_path
from recogniser.ui.main_window import MainWindow
from recogniser.ui.settings import AppSettings
from recogniser.ui.translations import window_language
from tests.translated_documents import french_typography_problems, headings, outline

from .conftest import ScriptedDialogs, open_window, shut

FRENCH_GUIDE = USER_GUIDE.with_name("user-guide.fr.md")
GUIDES = {"en": USER_GUIDE, "fr": FRENCH_GUIDE}

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_ANCHOR = re.compile(r"""<a\s+(?:name|id)=["']([^"']+)["']""")
_MENU_PATH = re.compile(r"\*([^*›]+?) › ([^*]+?)\*")


def slug(title: str) -> str:
    """A heading's anchor as Markdown renderers make it: lower case, punctuation dropped, spaces as hyphens."""
    kept = "".join(c for c in title.lower() if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def broken_links(guide: Path) -> list[str]:
    """The links of ``guide`` that lead nowhere: an anchor no heading or ``<a name>`` makes, a missing file."""
    text = guide.read_text("utf-8")
    anchors = {slug(title) for _level, title in headings(text)} | set(_ANCHOR.findall(text))
    broken = []
    for target in _LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # a web address: opened in the system's browser, not checked offline
        path, _hash, anchor = target.partition("#")
        leads_somewhere = (guide.parent / path).exists() if path else anchor in anchors
        if not leads_somewhere:
            broken.append(target)
    return broken


def test_the_guide_follows_the_language_asked_for_and_falls_back_to_english() -> None:
    assert user_guide_path("fr") == FRENCH_GUIDE
    assert user_guide_path("fr_CA") == FRENCH_GUIDE
    assert user_guide_path("en") == USER_GUIDE
    assert user_guide_path("de") == USER_GUIDE  # no German guide: the English one
    with pytest.raises(ValueError, match="language"):
        user_guide_path("../fr")


def test_the_french_guide_has_the_outline_of_the_english_one_in_french() -> None:
    english = headings(USER_GUIDE.read_text("utf-8"))
    french = headings(FRENCH_GUIDE.read_text("utf-8"))
    assert len(english) > 10
    assert [level for level, _ in french] == [level for level, _ in english]
    # The same paragraphs and list items, in the same places.
    assert outline(FRENCH_GUIDE.read_text("utf-8")) == outline(USER_GUIDE.read_text("utf-8"))
    assert french[0] == (1, "Guide d’utilisation de Recogniser")
    # Translated, not copied: no section keeps its English title.
    assert not {title for _, title in french} & {title for _, title in english}


@pytest.mark.parametrize("language", GUIDES)
def test_every_link_inside_a_guide_leads_somewhere(language: str) -> None:
    assert broken_links(GUIDES[language]) == []


def test_the_link_check_finds_a_broken_anchor_and_a_missing_file(tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text(
        "# Guide\n\n## Les dossiers\n\n[ok](#les-dossiers) [anchor](#nowhere) [file](missing.png) "
        "[web](https://example.org/x)\n",
        "utf-8",
    )
    assert broken_links(guide) == ["#nowhere", "missing.png"]


def test_french_typography_in_the_french_guide() -> None:
    assert french_typography_problems(FRENCH_GUIDE.read_text("utf-8")) == []


def test_the_typography_check_finds_plain_spaces_and_straight_apostrophes() -> None:
    assert len(french_typography_problems("Le dossier : l'issue\n« ok »\n67 %\nhttps://x.org `a : b`")) == 3


@pytest.fixture
def window_in(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: AppSettings, database: str
) -> Iterator[Callable[[str], MainWindow]]:
    """Opens the main window in a language, as the app does once it has installed that language's catalogue."""
    monkeypatch.setenv("RECOGNISER_CACHE_HOME", str(tmp_path / "cache"))
    save_settings(Settings(database_url=database, assessing_country="FR"))
    opened: list[tuple[MainWindow, ScriptedDialogs]] = []

    def open_in(language: str) -> MainWindow:
        assert window_language.install(language)
        dialogs = ScriptedDialogs()
        window = open_window(qtbot, settings, dialogs)
        opened.append((window, dialogs))
        return window

    yield open_in
    for window, dialogs in opened:
        shut(window)
        assert dialogs.unexpected == []
    window_language.install(translations.SOURCE_LANGUAGE)


def menu_entries(window: MainWindow) -> dict[str, set[str]]:
    """Each menu's title and the entries in it, as the window shows them (without the & of their accelerator)."""
    entries: dict[str, set[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        items = [action for action in menu.actions() if isinstance(action, QAction)]
        entries[top.text().replace("&", "")] = {item.text().replace("&", "") for item in items if item.text()}
    return entries


@pytest.mark.parametrize("language", GUIDES)
def test_the_window_opens_the_guide_in_its_language_and_every_menu_path_it_names_is_there(
    window_in: Callable[[str], MainWindow], language: str
) -> None:
    window = window_in(language)
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None
    expected = GUIDES[language].read_text("utf-8").splitlines()[0].removeprefix("# ")
    assert guide.text.toPlainText().startswith(expected)
    assert guide.windowTitle() == expected
    guide.close()

    menus = menu_entries(window)
    paths = _MENU_PATH.findall(GUIDES[language].read_text("utf-8").replace("\n", " "))
    assert len(paths) >= 8
    missing = [f"{menu} › {entry}" for menu, entry in paths if entry not in menus.get(menu, set())]
    assert missing == []


def test_a_guide_window_may_be_asked_for_in_a_language_other_than_the_windows(qtbot: QtBot) -> None:
    window = guide_window(None, "fr")
    qtbot.addWidget(window)
    assert window.text.toPlainText().startswith("Guide d’utilisation de Recogniser")
