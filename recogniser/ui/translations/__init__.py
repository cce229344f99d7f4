"""The window's own words in the reader's language: Qt translation catalogues, built by the project's tooling.

Every string the window shows is written in English in the code and passed through Qt's ``tr()`` (a module's
``_tr()`` helper is read by the extractor as ``tr()``: see :data:`EXTRACTOR_ALIASES`). Their translations live in
Qt Linguist source files, ``recogniser_<language>.ts`` beside this module, kept current by
``python -m recogniser.ui.translations update`` (``pyside6-lupdate``). An office may add or correct a language
with its own ``<config folder>/translations/recogniser_<language>.ts``, which is read first.

Qt reads only the compiled ``.qm``; none is kept in the repository. The first time a language is used its ``.ts``
is compiled by ``lrelease`` (shipped with PySide6) into the user's cache folder, under a name holding the
``.ts``'s hash, so an edited catalogue is compiled again. Qt's own dialogs and buttons (Cancel, Save, the file
chooser) are translated by Qt's ``qtbase`` catalogue, shipped with PySide6.

Words that come from the core (purposes, outcomes, findings) are not here: the core translates them with
gettext (:mod:`recogniser.i18n`), and the window shows what it returns.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: The language the code's strings are written in: its window catalogue holds only the plural forms (``%n case(s)``).
from recogniser.i18n import SOURCE_LANGUAGE as SOURCE_LANGUAGE
from recogniser.resources import user_cache_path, user_config_path

log = logging.getLogger(__name__)

#: The shipped catalogues, beside this module.
SHIPPED_DIR = Path(__file__).resolve().parent
#: The name every catalogue shares before ``_<language>.ts``.
CATALOGUE_PREFIX = "recogniser"
#: How the extractor is told that a module's ``_tr(text)`` helper translates like ``tr(text)`` and that
#: :func:`tr_noop` marks a string like ``QT_TR_NOOP`` (both in the context ``""``, which is the context those
#: helpers translate in at run time: :data:`MODULE_CONTEXT`).
EXTRACTOR_ALIASES = "tr+=_tr,QT_TR_NOOP+=tr_noop"
#: The context of strings translated outside a class, through a module's ``_tr()``.
MODULE_CONTEXT = ""
#: Qt's own catalogue for its dialogs and standard buttons, shipped with PySide6.
QT_CATALOGUE = "qtbase"


def translate(text: str, count: int = -1) -> str:
    """``text`` in the window's language, for a module's ``_tr()`` helper; ``count`` picks a plural form (``%n``)."""
    return QCoreApplication.translate(MODULE_CONTEXT, text, None, count)


_tr = translate


def tr_noop(text: str) -> str:
    """``text`` unchanged, marked for the catalogue: a constant named before it is shown with ``_tr()``."""
    return text


def labelled(label: str, value: str) -> str:
    """``label: value`` as the window's language writes it (French puts a no-break space before the colon)."""
    return _tr("{label}: {value}").format(label=label, value=value)


def office_dir() -> Path:
    """Where an office keeps catalogues of its own: they take precedence over the shipped ones."""
    return user_config_path() / "translations"


def catalogue_path(language: str) -> Path | None:
    """The ``.ts`` source of ``language`` (the office's first), or None if there is none."""
    name = f"{CATALOGUE_PREFIX}_{language}.ts"
    for path in (office_dir() / name, SHIPPED_DIR / name):
        if path.is_file():
            return path
    return None


def shipped_catalogues() -> list[Path]:
    """The catalogues in the repository, one per language other than English."""
    return sorted(SHIPPED_DIR.glob(f"{CATALOGUE_PREFIX}_*.ts"))


def language_of(catalogue: Path) -> str:
    return catalogue.stem.removeprefix(f"{CATALOGUE_PREFIX}_")


def qt_tool(name: str) -> Path:
    """A Qt Linguist tool (``lupdate``, ``lrelease``) as PySide6 ships it."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{name}: not found beside PySide6 in {folder}")


def compile_catalogue(source: Path, target: Path) -> None:
    """Compile the ``.ts`` ``source`` into the ``.qm`` ``target`` with ``lrelease``, whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=target.stem, suffix=".qm.part", dir=target.parent)
    os.close(handle)
    try:
        completed = subprocess.run(
            [str(qt_tool("lrelease")), "-silent", str(source), "-qm", partial],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if completed.returncode != 0 or not Path(partial).stat().st_size:
            raise OSError(f"{source.name}: lrelease failed: {completed.stderr.strip() or completed.stdout.strip()}")
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)


def compiled_catalogue(language: str) -> Path | None:
    """The ``.qm`` of ``language``, compiled into the cache now if the cache has none for its ``.ts`` as it is."""
    source = catalogue_path(language)
    if source is None:
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
    target = user_cache_path() / "translations" / f"{CATALOGUE_PREFIX}_{language}-{digest}.qm"
    if not target.is_file():
        compile_catalogue(source, target)
    return target


class WindowLanguage:
    """The translators installed on the application for one language; installing another replaces them."""

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self._translators: list[QTranslator] = []
        self._system_locale: QLocale | None = None

    def install(self, language: str) -> bool:
        """Show the window in ``language`` from now on (widgets made before keep their text until retranslated).

        Returns False, leaving the window in English, when the language's catalogue cannot be compiled or read;
        the reason is logged.
        """
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication exists before its language is set"
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        self.language = SOURCE_LANGUAGE
        if self._system_locale is None:
            self._system_locale = QLocale()
        QLocale.setDefault(self._system_locale)
        try:
            compiled = compiled_catalogue(language)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("The window's %s catalogue could not be compiled: %s", language, error)
            return False
        own = QTranslator()
        if compiled is None or not own.load(str(compiled)):
            log.warning("The window has no readable %s catalogue", language)
            return False
        qt = QTranslator()
        if language != SOURCE_LANGUAGE and qt.load(
            f"{QT_CATALOGUE}_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            self._translators.append(qt)
        app.installTranslator(own)
        self._translators.append(own)
        if language != SOURCE_LANGUAGE:
            QLocale.setDefault(QLocale(language))
        self.language = language
        return True


#: The window's language, one per process like the application.
window_language = WindowLanguage()
