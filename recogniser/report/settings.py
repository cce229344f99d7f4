"""Who the report is from: the office, the evaluator and the logo, from ``[report]`` in the user's
``settings.toml`` (see :mod:`recogniser.settings`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.utils import ImageReader

from recogniser.errors import UserInputError, located
from recogniser.i18n import N_, phrase, translate
from recogniser.settings import Settings, load_settings, settings_file

#: The letterhead of an office that has not named itself, in the reader's language.
DEFAULT_OFFICE_NAME = N_("Credential evaluation office")


@dataclass(frozen=True)
class ReportSettings:
    """What a report says about its author. An empty evaluator name leaves a line to write the name on."""

    office_name: str = DEFAULT_OFFICE_NAME
    evaluator_name: str = ""
    logo_path: Path | None = None
    office_address: str = ""

    @property
    def office(self) -> str:
        """The office's name as printed: the default one in the reader's language, any other as written."""
        return translate(self.office_name) if self.office_name == DEFAULT_OFFICE_NAME else self.office_name


def load_report_settings(path: Path | None = None) -> ReportSettings:
    """The report settings from ``path`` (default: the user's ``settings.toml``); defaults when it is absent.

    A value of the wrong kind, an unknown key or a logo that is not a readable image raises
    :class:`UserInputError` naming the file and the key.
    """
    source = path if path is not None else settings_file()
    return report_settings(load_settings(source), source)


def report_settings(settings: Settings, source: Path) -> ReportSettings:
    """The report's author from the office settings read from ``source``; the logo is checked here."""
    logo = settings.logo_path(source)
    if logo is not None:
        check_logo(logo, located(str(source), "report.logo"))
    return ReportSettings(
        office_name=settings.office_name or DEFAULT_OFFICE_NAME,
        office_address=settings.office_address,
        evaluator_name=settings.evaluator_name,
        logo_path=logo,
    )


def check_logo(logo: Path, where: str) -> None:
    """Raise :class:`UserInputError` unless ``logo`` is an image reportlab can draw."""
    if logo.is_dir():
        raise UserInputError(located(where, phrase("{file} is a folder, not an image file", file=str(logo))))
    if not logo.is_file():
        raise UserInputError(located(where, phrase("no such file {file}", file=str(logo))))
    try:
        ImageReader(str(logo)).getSize()
    except Exception:  # reportlab and PIL raise many kinds, with their internals in the text, for an unreadable image
        problem = phrase("{file} is not a PNG or JPEG image that can be read", file=str(logo))
        raise UserInputError(located(where, problem)) from None
